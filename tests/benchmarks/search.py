"""Search benchmark: Pagefind (this project) against Material's stock lunr search,
on the same content, in the same run, in Debian's Chromium.

    NO_MKDOCS_2_WARNING=1 .venv/bin/python tests/benchmarks/search.py [--runs 5] [--scale 10]

Prints a Markdown table: bytes fetched for the first and a later query (raw and
gzip, as a static host would compress them), median query-to-results time,
index size per language, build time with and without indexing, and the same
figures with --scale times as many (synthetic) pages per language.
"""

from __future__ import annotations

import argparse
import gzip
import re
import statistics
import tempfile
from pathlib import Path

import yaml
from common import ROOT, build, synthetic_docs
from playwright.sync_api import sync_playwright

from browser.conftest import CHROMIUM_FLAGS, chromium_path
from localserver import free_port, serve
from sitecheck import DATA_DIR

QUERIES = yaml.safe_load((DATA_DIR / "search-queries.yml").read_text(encoding="utf-8"))
LUNR_ASSETS = ("search_index.json", "/workers/search", "/javascripts/lunr/")


def index_sizes(site_dir: Path) -> dict[str, int]:
    sizes: dict[str, int] = {}
    pagefind = site_dir / "pagefind"
    if pagefind.exists():
        for path in pagefind.rglob("*"):
            match = re.match(r"^(?:wasm\.|pagefind\.)?([a-z]{2})[._]", path.name)
            if path.is_file() and match:
                sizes[match.group(1)] = sizes.get(match.group(1), 0) + path.stat().st_size
    lunr = site_dir / "search" / "search_index.json"
    if lunr.exists():
        sizes["ar+en (one file)"] = lunr.stat().st_size
    return sizes


JS_QUERY = """
async ([query, engine]) => {
  const input = document.querySelector('.md-search__input');
  const root = document.querySelector('[data-site-search]');
  const list = document.querySelector('.md-search-result__list');
  const before = list.innerHTML;
  const started = performance.now();
  input.value = query;
  input.dispatchEvent(new Event('input', {bubbles: true}));
  input.dispatchEvent(new KeyboardEvent('keyup', {bubbles: true, key: 'a'}));
  const done = () => engine === 'pagefind'
    ? root.getAttribute('data-results-for') === query
    : list.children.length > 0 && list.innerHTML !== before;
  while (!done()) {
    if (performance.now() - started > 15000) return -1;
    await new Promise(r => setTimeout(r, 2));
  }
  return performance.now() - started;
}
"""


def measure_queries(browser, base_url: str, engine: str, lang: str, queries: list[str]) -> dict:
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    phase = {"name": "load"}
    fetched: dict[str, list[tuple[int, int]]] = {"load": [], "first": [], "later": []}

    def on_response(response):
        url = response.url
        if engine == "pagefind" and "/pagefind/" not in url:
            return
        if engine == "lunr" and not any(asset in url for asset in LUNR_ASSETS):
            return
        try:
            body = response.body()
        except Exception:  # redirects and aborted requests have no body
            return
        fetched[phase["name"]].append((len(body), len(gzip.compress(body, 9))))

    page.on("response", on_response)
    page.goto(base_url + ("en/" if lang == "en" else "") + "roles/community-manager/")
    page.wait_for_load_state("networkidle")
    if engine == "lunr":
        page.click(".md-search__input")
        page.wait_for_timeout(1500)  # Material's worker loads the whole index on first use
    times = []
    for index, query in enumerate(queries):
        phase["name"] = "first" if index == 0 else ("later" if index == 1 else "rest")
        fetched.setdefault("rest", [])
        page.fill(".md-search__input", "")
        elapsed = page.evaluate(JS_QUERY, [query, engine])
        page.wait_for_timeout(50)
        if elapsed >= 0:
            times.append(elapsed)
    context.close()

    def total(name, column):
        return sum(item[column] for item in fetched.get(name, []))

    return {
        "load_raw": total("load", 0), "load_gz": total("load", 1),
        "first_raw": total("first", 0), "first_gz": total("first", 1),
        "later_raw": total("later", 0), "later_gz": total("later", 1),
        "median_ms": statistics.median(times) if times else float("nan"),
        "answered": len(times), "asked": len(queries),
    }


def run_scale(browser, scale: int, runs: int, workdir: Path, queries: dict) -> list[dict]:
    docs, nav = (ROOT / "docs", None) if scale == 1 else synthetic_docs(scale, workdir)
    rows = []
    variants = {"pagefind": "project", "no-index": "no-index", "lunr": "stock"}
    build_times: dict[str, list[float]] = {name: [] for name in variants}
    sites = {}
    ports = {name: free_port() for name in variants}
    for _ in range(runs):
        for name, variant in variants.items():
            site_dir = workdir / f"x{scale}" / f"site-{name}"
            site, elapsed = build(variant, docs, f"http://127.0.0.1:{ports[name]}/", site_dir, nav)
            build_times[name].append(elapsed)
            sites[name] = site
    no_index = statistics.median(build_times["no-index"])
    for engine in ("pagefind", "lunr"):
        with serve(sites[engine], ports[engine]) as base_url:
            for lang in ("ar", "en"):
                result = measure_queries(browser, base_url, engine, lang, queries[lang])
                result.update(
                    engine=engine, lang=lang, scale=scale,
                    build_s=statistics.median(build_times[engine]), no_index_s=no_index,
                    index=index_sizes(sites[engine]),
                )
                rows.append(result)
    return rows


def kb(value: int) -> str:
    return f"{value / 1024:.1f}"


def report(rows: list[dict]) -> str:
    lines = [
        "| scale | engine | lang | bytes at page load KB (gz) | first query KB raw (gz) | later query KB raw (gz) "
        "| median query→results ms | answered | index size KB | build s | build ratio vs no index |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in rows:
        index = ", ".join(f"{k} {kb(v)}" for k, v in sorted(r["index"].items()) if k == r["lang"] or "+" in k)
        lines.append(
            f"| {r['scale']}× | {r['engine']} | {r['lang']} | {kb(r['load_raw'])} ({kb(r['load_gz'])}) "
            f"| {kb(r['first_raw'])} ({kb(r['first_gz'])}) | {kb(r['later_raw'])} ({kb(r['later_gz'])}) "
            f"| {r['median_ms']:.1f} | {r['answered']}/{r['asked']} | {index} | {r['build_s']:.2f} "
            f"| {r['build_s'] / r['no_index_s']:.2f} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="builds per variant (median)")
    parser.add_argument("--scale", type=int, default=10, help="synthetic pages multiplier (1 to skip)")
    parser.add_argument("--queries", type=int, default=20, help="queries per language")
    args = parser.parse_args()
    path = chromium_path()
    if path is None:
        raise SystemExit("Chromium not found: apt-get install chromium")
    queries = {lang: [item["q"] for item in QUERIES[lang][: args.queries]] for lang in ("ar", "en")}
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_FLAGS)
        rows = run_scale(browser, 1, args.runs, Path(tmp), queries)
        if args.scale > 1:
            rows += run_scale(browser, args.scale, max(1, args.runs // 2), Path(tmp), queries)
        browser.close()
    print(report(rows))


if __name__ == "__main__":
    main()
