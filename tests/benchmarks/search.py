"""Search benchmark: Pagefind (this project) against Material's stock lunr search,
on the same content, in the same run, in Debian's Chromium.

    NO_MKDOCS_2_WARNING=1 .venv/bin/python tests/benchmarks/search.py [--runs 5] [--scale 10]

Prints Markdown tables:

- Pagefind against lunr: bytes fetched for the first and a later query (raw and
  gzip, as a static host would compress them), median query-to-results time,
  index size per language, build time with and without indexing, and the same
  figures with --scale times as many (synthetic) pages per language;
- search quality before and after question-aware search (the site's
  search.js against the one of --before, on the same index): recall@3 and the
  share of queries without any result, on tests/data/search-queries.yml and
  search-questions.yml, per language;
- the first search of a visit on a throttled phone connection (Chromium's
  Fast 3G: 562.5 ms latency, 180 KB/s down), typed at 150 ms a key: time from
  the first keystroke to the first results and from the last keystroke to the
  results for the whole query, cold (typing at once), cold after a moment of
  intent (pointer over the box first) and for a later query in other words,
  with the bytes the first query fetched.

    --tune '[{"pageLength": 0.5}, ...]' instead measures recall@3 and mean
    reciprocal rank for each set of Pagefind ranking options.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import subprocess
import tempfile
from pathlib import Path

import yaml
from common import ROOT, build, synthetic_docs
from playwright.sync_api import sync_playwright

from browser.conftest import CHROMIUM_FLAGS, chromium_path
from localserver import free_port, serve
from sitecheck import DATA_DIR, page_url

QUERIES = yaml.safe_load((DATA_DIR / "search-queries.yml").read_text(encoding="utf-8"))
SETS = {name: yaml.safe_load((DATA_DIR / f"{name}.yml").read_text(encoding="utf-8"))
        for name in ("search-queries", "search-questions")}
BEFORE = "f750d1a^"  # the commit before question-aware search
FAST_3G = {"offline": False, "latency": 562.5, "downloadThroughput": 180 * 1024, "uploadThroughput": 84 * 1024}
# A later query of the same visit, in other words than the first one.
WARM = {"ar": "أدوات مدير وسائل التواصل", "en": "social media manager tools"}
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


def ask(page, query: str) -> list[str]:
    page.fill(".md-search__input", query)
    page.wait_for_function(
        "q => document.querySelector('[data-site-search]').getAttribute('data-results-for') === q",
        arg=query, timeout=20_000,
    )
    return page.eval_on_selector_all(".md-search-result__item > a:first-child", "l => l.map(a => new URL(a.href).pathname)")


def quality(browser, base_url: str) -> dict:
    """(set, lang) -> (recall@3, share without results, mean reciprocal rank)"""
    found = {}
    for name, data in SETS.items():
        for lang in ("ar", "en"):
            page = browser.new_page()
            page.goto(base_url + ("en/" if lang == "en" else ""))
            page.wait_for_load_state("load")
            prefix = "/en/" if lang == "en" else "/"
            hits = empty = 0
            reciprocal = 0.0
            for item in data[lang]:
                urls = [u[len(prefix):] for u in ask(page, item["q"])]
                expected = {page_url(md) for md in item["expect"]}
                ranks = [i for i, u in enumerate(urls) if u in expected]
                hits += bool(ranks and ranks[0] < 3)
                reciprocal += 1 / (ranks[0] + 1) if ranks else 0
                empty += not urls
            count = len(data[lang])
            found[(name, lang)] = (hits / count, empty / count, reciprocal / count)
            page.close()
    return found


# Stored on window, not returned: evaluate() would wait for the promise before any typing.
# An "input" event marks a keystroke: Playwright types Arabic letters as text input,
# without key events. firstResults: ms from the first keystroke to the first results
# shown (-1 if none within 30 s); answered: ms from the last keystroke to the results
# for the whole query.
KEYSTROKES = """
() => {
  const root = document.querySelector('[data-site-search]');
  const list = document.querySelector('.md-search-result__list');
  const input = document.querySelector('.md-search__input');
  let first = null, last = null;
  window.answered = undefined;
  input.addEventListener('input', () => { last = performance.now(); if (first === null) first = last; });
  new MutationObserver((_, observer) => {
    if (last !== null && root.getAttribute('data-results-for') === input.value && input.value) {
      observer.disconnect();
      window.answered = performance.now() - last;
    }
  }).observe(root, {attributes: true, attributeFilter: ['data-results-for']});
  window.firstResults = new Promise(resolve => {
    setTimeout(() => resolve(-1), 30000);
    new MutationObserver((_, observer) => {
      if (first !== null && list.querySelector('.md-search-result__link')) {
        observer.disconnect();
        resolve(performance.now() - first);
      }
    }).observe(list, {childList: true, subtree: true});
  });
}
"""


def type_query(page, query: str) -> tuple[float, float]:
    """(first keystroke → first results ms, last keystroke → results for the query ms)"""
    page.evaluate(KEYSTROKES)
    page.click(".md-search__input")
    page.keyboard.type(query, delay=150)
    page.wait_for_function("() => window.answered !== undefined", timeout=30_000)
    return page.evaluate("() => window.firstResults"), page.evaluate("() => window.answered")


def first_search(browser, base_url: str, lang: str, query: str, intent: bool) -> dict:
    """A visit's first search on a phone connection, typed at 150 ms a key, then a later one."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    fetched = []
    page.on("response", lambda r: fetched.append(r) if "/pagefind/" in r.url else None)
    page.goto(base_url + ("en/" if lang == "en" else ""))
    page.wait_for_load_state("networkidle")
    session = context.new_cdp_session(page)
    session.send("Network.enable")
    session.send("Network.emulateNetworkConditions", FAST_3G)
    page.set_viewport_size({"width": 1366, "height": 900})  # the header's search box is visible
    if intent:
        page.hover(".md-search__form")
        page.wait_for_timeout(1500)  # the reader moves to the box, then starts typing
    cold_first, cold_answered = type_query(page, query)
    page.wait_for_timeout(3000)  # what the first query still fetches after its results
    size = 0
    for response in fetched:
        try:
            size += len(gzip.compress(response.body(), 9))
        except Exception:  # aborted requests have no body
            pass
    page.fill(".md-search__input", "")
    warm_first, warm_answered = type_query(page, WARM[lang])
    context.close()
    return {"first": cold_first, "answered": cold_answered, "kb": size / 1024,
            "warm_first": warm_first, "warm_answered": warm_answered}


def search_js(revision: str) -> str:
    return subprocess.run(
        ["git", "show", f"{revision}:overrides/assets/javascripts/search.js"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout


def quality_report(browser, site: Path, port: int, before: str, runs: int) -> str:
    script = site / "assets" / "javascripts" / "search.js"
    current = script.read_text(encoding="utf-8")
    results = {}
    for variant, text in (("before", search_js(before)), ("after", current)):
        script.write_text(text, encoding="utf-8")
        with serve(site, port) as base_url:
            results[variant] = quality(browser, base_url)
    script.write_text(current, encoding="utf-8")
    lines = [
        f"| query set | lang | recall@3 before | recall@3 after | no result before | no result after |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for (name, lang), (recall, empty, _) in results["after"].items():
        old = results["before"][(name, lang)]
        lines.append(f"| {name}.yml | {lang} | {old[0]:.1%} | {recall:.1%} | {old[1]:.1%} | {empty:.1%} |")
    lines += ["", "Fast 3G, typed at 150 ms a key; medians. *first results*: first keystroke → first results shown; "
              "*answered*: last keystroke → results for the whole query.", "",
              "| lang | cold: first results / answered ms | after intent: first results / answered ms "
              "| later query: first results / answered ms | first query KB gzip |",
              "| --- | --- | --- | --- | --- |"]
    with serve(site, port) as base_url:
        for lang, query in (("ar", "مهام مدير المجتمع"), ("en", "community manager tasks")):
            cold = [first_search(browser, base_url, lang, query, False) for _ in range(runs)]
            intent = [first_search(browser, base_url, lang, query, True) for _ in range(runs)]

            def median(runs_, key):
                return statistics.median(r[key] for r in runs_)
            lines.append(
                f"| {lang} | {median(cold, 'first'):.0f} / {median(cold, 'answered'):.0f} "
                f"| {median(intent, 'first'):.0f} / {median(intent, 'answered'):.0f} "
                f"| {median(cold, 'warm_first'):.0f} / {median(cold, 'warm_answered'):.0f} | {median(cold, 'kb'):.1f} |"
            )
    return "\n".join(lines)


def tune(browser, site: Path, port: int, grid: list) -> str:
    words = {lang: (site / "pagefind" / f"words.{lang}.json") for lang in ("ar", "en")}
    saved = {lang: json.loads(path.read_text(encoding="utf-8")) for lang, path in words.items()}
    lines = ["| ranking | " + " | ".join(f"{n[7:]} {l} r@3 / MRR" for n in SETS for l in ("ar", "en")) + " |",
             "| --- |" + " --- |" * 4]
    try:
        for ranking in grid:
            for lang, path in words.items():
                data = {key: value for key, value in saved[lang].items() if key != "ranking"}
                if ranking:
                    data["ranking"] = ranking
                path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            with serve(site, port) as base_url:
                found = quality(browser, base_url)
            lines.append(f"| {json.dumps(ranking)} | " + " | ".join(
                f"{found[(n, l)][0]:.3f} / {found[(n, l)][2]:.3f}" for n in SETS for l in ("ar", "en")) + " |")
    finally:
        for lang, path in words.items():
            path.write_text(json.dumps(saved[lang], ensure_ascii=False), encoding="utf-8")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="builds per variant (median)")
    parser.add_argument("--scale", type=int, default=10, help="synthetic pages multiplier (1 to skip)")
    parser.add_argument("--queries", type=int, default=20, help="queries per language")
    parser.add_argument("--before", default=BEFORE, help="git revision whose search.js is the 'before'")
    parser.add_argument("--tune", help="JSON list of Pagefind ranking options to compare, instead of the rest")
    args = parser.parse_args()
    path = chromium_path()
    if path is None:
        raise SystemExit("Chromium not found: apt-get install chromium")
    queries = {lang: [item["q"] for item in QUERIES[lang][: args.queries]] for lang in ("ar", "en")}
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_FLAGS)
        port = free_port()
        site, _ = build("project", ROOT / "docs", f"http://127.0.0.1:{port}/", Path(tmp) / "quality")
        if args.tune:
            print(tune(browser, site, port, json.loads(args.tune)))
            browser.close()
            return
        print(quality_report(browser, site, port, args.before, args.runs) + "\n")
        rows = run_scale(browser, 1, args.runs, Path(tmp), queries)
        if args.scale > 1:
            rows += run_scale(browser, args.scale, max(1, args.runs // 2), Path(tmp), queries)
        browser.close()
    print(report(rows))


if __name__ == "__main__":
    main()
