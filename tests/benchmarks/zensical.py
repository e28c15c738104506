"""What would move to Zensical: build this project with it and report what works.

    NO_MKDOCS_2_WARNING=1 .venv/bin/python tests/benchmarks/zensical.py

Material for MkDocs reaches end of life on 5 May 2027; its authors point to
Zensical, which reads mkdocs.yml. This script measures, it does not switch: it
installs the pinned Zensical into its own virtual environment (once, under
bench-results/), builds a copy of the project with it, and prints a Markdown
report: does the build run with the project's configuration, with each theme
override alone, and what of the pages, the hooks and the plugins (static-i18n,
tags, redirects) is in the output. Not part of the test suite (it needs the
network to install Zensical the first time).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sitecheck import ROOT  # noqa: E402

# The newest release whose dependencies the package index serves here (0.0.74 and
# later need zensical-ui releases that are not published on PyPI).
ZENSICAL = "zensical==0.0.73"
VENV = ROOT / "bench-results" / "zensical-venv"


def zensical() -> Path:
    binary = VENV / "bin" / "zensical"
    if not binary.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([str(VENV / "bin" / "pip"), "install", "-q", ZENSICAL], check=True)
    return binary


def copy_project(target: Path, overrides: list[str] | None = None) -> Path:
    """The project's docs, hooks and configuration; `overrides` keeps only these
    files of overrides/ (None: all of them, []: no custom_dir at all)."""
    for name in ("docs", "hooks"):
        shutil.copytree(ROOT / name, target / name)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    if overrides is None:
        shutil.copytree(ROOT / "overrides", target / "overrides")
    elif not overrides:
        config = config.replace("  custom_dir: overrides\n", "")
    else:
        shutil.copytree(ROOT / "overrides" / "assets", target / "overrides" / "assets")
        for rel in overrides:
            (target / "overrides" / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(ROOT / "overrides" / rel, target / "overrides" / rel)
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    return target / "mkdocs.yml"


def build(binary: Path, config: Path) -> tuple[bool, float, str]:
    started = time.perf_counter()
    result = subprocess.run(
        [str(binary), "build", "--clean", "-f", str(config)], cwd=config.parent, capture_output=True, text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    seconds = time.perf_counter() - started
    output = (result.stdout + result.stderr).strip()
    error = next((line for line in output.splitlines() if "Error" in line), output.splitlines()[-1] if output else "")
    return result.returncode == 0, seconds, error


def read(site: Path, rel: str) -> str:
    path = site / rel
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def output_checks(site: Path) -> list[tuple[str, str, bool, str]]:
    """(part, what the project needs, works?, what was found)"""
    ar_home, en_home = read(site, "index.html"), read(site, "en/index.html")
    moved = (site / "ar" / "index.html").is_file()
    ar_page = read(site, "ar/differences/index.html" if moved else "differences/index.html")
    tools = read(site, "ar/tools/index.html" if moved else "tools/index.html")
    en_lang = re.search(r'<html lang="([a-z]+)"', en_home or read(site, "en/index.html"))
    pages = len(list(site.rglob("*.html")))
    return [
        ("pages", "every page of both languages is built", pages >= 2 * len(list((ROOT / "docs" / "ar").rglob("*.md"))),
         f"{pages} HTML files"),
        ("static-i18n", "Arabic at the site root, English under /en/", bool(ar_home) and not moved,
         "Arabic under /ar/ (docs/ar/ read as a folder)" if moved else ("yes" if ar_home else "no home page")),
        ("static-i18n", '<html lang="en"> on English pages', bool(en_lang and en_lang.group(1) == "en"),
         f'lang="{en_lang.group(1)}"' if en_lang else "no English home page"),
        ("static-i18n", "language selector and hreflang alternates", 'hreflang="en"' in ar_page, ""),
        ("tags", "tags index lists pages by role and purpose", "tag-community-manager" in read(site, "ar/tags/index.html" if moved else "tags/index.html"), ""),
        ("redirects", "redirect pages for moved pages (none configured today)", True, "redirect.json written" if (site / "redirect.json").exists() else ""),
        ("hooks/html_attributes.py", 'dir="rtl" on <html> of Arabic pages', 'dir="rtl"' in ar_page[:400], ""),
        ("hooks/links.py", "links.json and api/v1/guide.json", (site / "links.json").exists() and (site / "api/v1/guide.json").exists(), ""),
        ("hooks/seo.py", "JSON-LD, Open Graph", "application/ld+json" in ar_page and "og:title" in ar_page, ""),
        ("hooks/search.py", "Pagefind index", (site / "pagefind").is_dir(), "Zensical writes its own search.json" if (site / "search.json").exists() else ""),
        ("hooks/guide_tools.py", "generated tool lists, interview questions, review dates", 'href="hootsuite/"' in tools, ""),
        ("hooks/reading.py", "tables as cards, Latin names marked", "data-stack" in ar_page and "data-latin" in ar_page, ""),
    ]


OVERRIDES = (
    "main.html", "404.html", "partials/search.html", "partials/alternate.html", "partials/languages/ar.html",
    "partials/tags.html", "partials/toc.html", "fragments/tags/default/tag.html",
)


def main() -> None:
    binary = zensical()
    version = subprocess.run([str(binary), "--version"], capture_output=True, text=True).stdout.strip()
    print(f"# Zensical {version} on this project\n")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        ok, seconds, error = build(binary, copy_project(tmp / "full"))
        print(f"Build with the project's mkdocs.yml and overrides: {'passes' if ok else 'fails'} "
              f"({seconds:.1f} s){'' if ok else f': `{error[:300]}`'}\n")
        print("## Theme overrides, one at a time\n")
        print("| override | builds | error |")
        print("| --- | --- | --- |")
        for rel in OVERRIDES:
            ok, _, error = build(binary, copy_project(tmp / rel.replace("/", "-"), [rel]))
            print(f"| `overrides/{rel}` | {'yes' if ok else 'no'} | {'' if ok else error[:160].replace('|', '/')} |")
        ok, seconds, error = build(binary, copy_project(tmp / "bare", []))
        print(f"\n## The output without overrides ({'built' if ok else 'failed'} in {seconds:.1f} s)\n")
        print("| part | what the project needs | works | found |")
        print("| --- | --- | --- | --- |")
        if ok:
            for part, need, works, found in output_checks(tmp / "bare" / "site"):
                print(f"| {part} | {need} | {'yes' if works else 'no'} | {found} |")
        else:
            print(f"| build | | no | {error[:200]} |")


if __name__ == "__main__":
    main()
