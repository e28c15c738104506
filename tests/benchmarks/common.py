"""Shared by the benchmarks: configuration variants of the same content,
in-process builds, and synthetic content at N times the size."""

from __future__ import annotations

import random
import re
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import yaml  # noqa: E402

from sitecheck import CONFIG_FILE, ROOT, _PlainLoader, build_site  # noqa: E402


def project_config() -> dict:
    with CONFIG_FILE.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_PlainLoader)


def variant_overrides(name: str) -> dict:
    """Overrides of mkdocs.yml for one variant of the same content:
    - project: this repository as it is (Pagefind, overrides, hooks);
    - no-index: the project without the Pagefind hook;
    - stock: Material + static-i18n out of the box (lunr search, Google-hosted
      fonts, no overrides, no hooks, no extra CSS/JS)."""
    config = project_config()
    if name == "project":
        return {}
    hooks = [h for h in config["hooks"] if not h.endswith("search.py")]
    if name == "no-index":
        return {"hooks": hooks}
    if name == "stock":
        theme = {key: config["theme"][key] for key in ("language", "features", "palette")}
        theme["name"] = "material"
        return {"hooks": [], "theme": theme, "extra_javascript": [], "extra_css": [], "extra": {}}
    raise ValueError(name)


def build(name: str, docs_dir: Path, site_url: str, site_dir: Path, nav=None):
    """Build one variant; returns (site_dir, seconds)."""
    if site_dir.exists():
        shutil.rmtree(site_dir)
    overrides = variant_overrides(name)
    if nav is not None:
        overrides.update(nav=nav, strict=False)
    started = time.perf_counter()
    result = build_site(site_dir, docs_dir=str(docs_dir), site_url=site_url, **overrides)
    elapsed = time.perf_counter() - started
    if result.error:
        raise SystemExit(f"{name} build failed: {result.error}\n" + "\n".join(result.warnings[:5]))
    return site_dir, elapsed


def synthetic_docs(scale: int, workdir: Path) -> tuple[Path, list]:
    """The docs plus (scale - 1) variants of every page per language: the same
    vocabulary, sentences shuffled, and a few page-specific words. Returns the
    docs dir and the nav to build it with."""
    docs = workdir / f"docs-x{scale}"
    if docs.exists():
        shutil.rmtree(docs)
    shutil.copytree(ROOT / "docs", docs)
    rng = random.Random(7)
    extra_nav = []
    for lang in ("ar", "en"):
        pages = sorted((ROOT / "docs" / lang).rglob("*.md"))
        for copy in range(1, scale):
            for path in pages:
                rel = path.relative_to(ROOT / "docs" / lang)
                text = path.read_text(encoding="utf-8")
                body = text.split("\n---\n", 1)[1] if text.startswith("---") else text
                body = re.sub(r"\{ #[a-z0-9-]+ \}|^#+ .*$|\[|\]\([^)]*\)", "", body, flags=re.M)
                sentences = re.split(r"(?<=[.؟?!])\s+", body)
                rng.shuffle(sentences)
                title = f"Synthetic {copy} {rel.stem}"
                words = " ".join(f"synth{copy}x{rng.randrange(10**6)}" for _ in range(20))
                out = docs / lang / "synthetic" / str(copy) / rel
                out.parent.mkdir(parents=True, exist_ok=True)
                out.write_text(
                    f"---\ntitle: {title}\ndescription: x\n---\n# {title}\n\n" + " ".join(sentences) + f"\n\n{words}\n",
                    encoding="utf-8",
                )
                if lang == "ar":
                    extra_nav.append(f"synthetic/{copy}/{rel.as_posix()}")
    return docs, project_config()["nav"] + [{"Synthetic": extra_nav}]


class EventProfile:
    """Exclusive time of each plugin and hook per MkDocs event, for one build:
    static-i18n builds the other languages inside its own on_post_build, so a
    method's time leaves out the events that run inside it."""

    def __init__(self) -> None:
        self.seconds: dict[tuple[str, str], float] = {}
        self._stack: list[float] = []

    def __enter__(self):
        from mkdocs.plugins import PluginCollection

        profile, original = self, PluginCollection.run_event
        self._original = original

        def run_event(collection, name, item=None, **kwargs):
            pass_item = item is not None
            for method in collection.events[name]:
                origin = collection._event_origins.get(method, "<unknown>")
                profile._stack.append(0.0)
                started = time.perf_counter()
                result = method(item, **kwargs) if pass_item else method(**kwargs)
                elapsed = time.perf_counter() - started
                nested = profile._stack.pop()
                key = (origin.removeprefix("hooks/").removesuffix(".py"), name)
                profile.seconds[key] = profile.seconds.get(key, 0.0) + elapsed - nested
                if profile._stack:
                    profile._stack[-1] += elapsed
                if result is not None:
                    item = result
            return item

        PluginCollection.run_event = run_event
        return self

    def __exit__(self, *exc) -> None:
        from mkdocs.plugins import PluginCollection

        PluginCollection.run_event = self._original

    def by_owner(self) -> dict[str, float]:
        owners: dict[str, float] = {}
        for (owner, _), seconds in self.seconds.items():
            owners[owner] = owners.get(owner, 0.0) + seconds
        return dict(sorted(owners.items(), key=lambda item: -item[1]))
