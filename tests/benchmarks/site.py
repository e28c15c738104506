"""Site benchmark: this project against stock Material + static-i18n, on the
same content, in the same run.

    NO_MKDOCS_2_WARNING=1 .venv/bin/python tests/benchmarks/site.py [--runs 5] [--scale 10]

Prints Markdown tables: median clean build time and peak memory of each
variant; where the project's build time goes, per plugin and hook (exclusive
time in MkDocs events; static-i18n's share includes rendering the other
languages' pages, which it builds inside its on_post_build; "MkDocs itself" is
the rest of the default language: reading, Markdown,
templates, writing); first-view bytes (gzip, as a static host would serve
them) and request count per page type in Chromium; and how build time grows
with --scale times as many (synthetic) pages per language.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from common import ROOT, synthetic_docs
from playwright.sync_api import sync_playwright

from browser.conftest import CHROMIUM_FLAGS, chromium_path
from browser.test_quality import PAGE_TYPES, first_view
from localserver import free_port, serve

VARIANTS = ("project", "stock")

CHILD = """
import json, sys, time
sys.path.insert(0, {tests!r})
sys.path.insert(0, {bench!r})
from common import EventProfile, build
from pathlib import Path
nav = json.loads({nav!r})
with EventProfile() as profile:
    site, seconds = build({variant!r}, Path({docs!r}), {url!r}, Path({site!r}), nav)
print(json.dumps({{"seconds": seconds, "owners": profile.by_owner()}}))
"""


def build_in_child(variant: str, docs: Path, url: str, site: Path, nav) -> tuple[float, float, dict]:
    """One clean build in a fresh process: (seconds, peak resident memory in MiB,
    exclusive seconds per plugin or hook)."""
    code = CHILD.format(
        tests=str(ROOT / "tests"), bench=str(Path(__file__).parent), nav=json.dumps(nav),
        variant=variant, docs=str(docs), url=url, site=str(site),
    )
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    process = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    out = process.stdout.read().decode()
    if status != 0:
        raise SystemExit(f"{variant} build failed:\n{process.stderr.read().decode()[-2000:]}")
    result = json.loads(out.strip().splitlines()[-1])
    return result["seconds"], usage.ru_maxrss / 1024, result["owners"]


def first_views(browser, base_url: str) -> dict[str, tuple[float, int, int]]:
    """Per page type: (KB gzip until load, requests, failed requests)."""
    return {kind: first_view(browser, base_url + url) for kind, url in PAGE_TYPES.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="clean builds per variant (median)")
    parser.add_argument("--scale", type=int, default=10, help="synthetic pages multiplier")
    args = parser.parse_args()
    path = chromium_path()
    if path is None:
        raise SystemExit("Chromium not found: apt-get install chromium")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        ports = {variant: free_port() for variant in VARIANTS}
        builds = {variant: [] for variant in VARIANTS}
        for _ in range(args.runs):
            for variant in VARIANTS:
                builds[variant].append(build_in_child(
                    variant, ROOT / "docs", f"http://127.0.0.1:{ports[variant]}/", tmp / variant, None))
        scaled = {variant: [] for variant in VARIANTS}
        docs, nav = synthetic_docs(args.scale, tmp)
        for _ in range(max(1, args.runs // 2)):
            for variant in VARIANTS:
                scaled[variant].append(build_in_child(
                    variant, docs, f"http://127.0.0.1:{ports[variant]}/", tmp / f"{variant}-x", nav)[0])
        views = {}
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_FLAGS)
            for variant in VARIANTS:
                with serve(tmp / variant, ports[variant]) as base_url:
                    views[variant] = first_views(browser, base_url)
            browser.close()

    def median(values, index=None):
        return statistics.median(v[index] if index is not None else v for v in values)

    pages = len(list((ROOT / "docs").rglob("*.md")))
    print(f"## Build ({pages} pages, both languages; median of {args.runs} clean builds, fresh process each)\n")
    print("| variant | build s | peak memory MiB | build ×{0} pages s | growth ×{0} |".format(args.scale))
    print("| --- | --- | --- | --- | --- |")
    for variant in VARIANTS:
        seconds, memory = median(builds[variant], 0), median(builds[variant], 1)
        big = statistics.median(scaled[variant])
        print(f"| {variant} | {seconds:.2f} | {memory:.0f} | {big:.2f} | {big / seconds:.1f} |")
    ratio = median(builds["project"], 0) / median(builds["stock"], 0)
    print(f"\nproject / stock build time: {ratio:.2f}; at ×{args.scale} pages: "
          f"{statistics.median(scaled['project']) / statistics.median(scaled['stock']):.2f}; memory: "
          f"{median(builds['project'], 1) / median(builds['stock'], 1):.2f}\n")
    print(f"## Where the build time goes (median of {args.runs}, exclusive seconds per plugin or hook)\n")
    print("| part | project s | stock s |")
    print("| --- | --- | --- |")
    owners = {variant: {} for variant in VARIANTS}
    for variant in VARIANTS:
        for seconds, _, parts in builds[variant]:
            for owner, value in {**parts, "MkDocs itself": seconds - sum(parts.values())}.items():
                owners[variant].setdefault(owner, []).append(value)
    names = sorted(set(owners["project"]) | set(owners["stock"]), key=lambda o: -statistics.median(owners["project"].get(o, [0])))
    for owner in names:
        cells = [f"{statistics.median(owners[v][owner]):.3f}" if owner in owners[v] else "-" for v in VARIANTS]
        print(f"| {owner} | {cells[0]} | {cells[1]} |")
    print()
    print("## First view, Arabic pages on a phone (all bytes until load, gzip -9)\n")
    print("| page type | project KB | requests | stock KB | requests (failed) | KB ratio |")
    print("| --- | --- | --- | --- | --- | --- |")
    for kind in PAGE_TYPES:
        p, s = views["project"][kind], views["stock"][kind]
        print(f"| {kind} | {p[0]:.1f} | {p[1]} | {s[0]:.1f} | {s[1]} ({s[2]}) | {p[0] / s[0]:.2f} |")


if __name__ == "__main__":
    main()
