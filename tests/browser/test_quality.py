"""What a reader gets, checked in Chromium on every page of both languages:
accessibility (axe-core, WCAG 2.0/2.1/2.2 A and AA plus best practice) in light
and dark palettes at phone and desktop sizes, no request to another host, no
console message, the language selector, right-to-left layout, page weight."""

from __future__ import annotations

import gzip
from collections import Counter
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from sitecheck import built_pages

VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1366, "height": 900}}
SCHEMES = ("light", "dark")
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}
# First view of each page type, compressed as a static host serves it (gzip -9).
PAGE_WEIGHT_BUDGET_KB = 90
PAGE_TYPES = {
    "home": "",
    "differences": "differences/",
    "role": "roles/social-media-manager/",
    "tool": "tools/hootsuite/",
    "skill": "skills/seo/",
    "hiring": "hiring/community-manager/",
    "helper": "hiring/which-role/",
    "glossary": "glossary/",
    "index": "tools/",
    "platform": "platforms/instagram/",
    "regional": "arab-markets/regulation/",
    "career": "careers/social-media-manager/",
    "builder": "hiring/job-description/",
    "interview kit": "hiring/interview-kit/",
}

_crawls: dict[tuple[str, str], dict] = {}

# The page scrolls sideways: something (a long word, a table) is wider than the window.
# Tables scroll inside their own box, which is fine; the page itself must not.
SIDEWAYS = """
() => {
  const page = document.documentElement.scrollWidth, viewport = document.documentElement.clientWidth;
  if (page <= viewport + 1) return null;
  const out = [];
  const walker = document.createTreeWalker(document.querySelector('.md-content'), NodeFilter.SHOW_TEXT);
  for (let node; (node = walker.nextNode()) && out.length < 3;) {
    if (node.parentElement.closest('.md-typeset__scrollwrap')) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    if ([...range.getClientRects()].some(r => r.width > 0 && (r.right > viewport + 1 || r.left < -1))) {
      out.push(node.parentElement.tagName.toLowerCase() + ' in "' + node.parentElement.closest('h1,h2,h3,p,li,td,div').textContent.trim().slice(0, 50) + '"');
    }
  }
  return {page, viewport, widest: out.join(' | ')};
}
"""


def site_pages(served):
    """(url path, source file, language) of every built page of both languages."""
    return [
        (page.url, page.source, page.lang)
        for page in built_pages(served.site_dir, served.docs_dir)
    ]


def crawl(browser, served, scheme: str, viewport: str) -> dict:
    """Load every page once in one palette and viewport; record axe violations,
    console messages and requests. Cached: several tests read one crawl."""
    key = (scheme, viewport)
    if key in _crawls:
        return _crawls[key]
    axe = Axe()
    host = urlsplit(served.base_url).netloc
    context = browser.new_context(viewport=VIEWPORTS[viewport], color_scheme=scheme)
    page = context.new_page()
    record = {"violations": [], "console": [], "foreign": [], "schemes": set(), "overflow": []}
    current = {"source": ""}
    page.on("console", lambda m: record["console"].append(f"{current['source']}: [{m.type}] {m.text}")
            if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: record["console"].append(f"{current['source']}: [exception] {e}"))
    page.on("request", lambda r: record["foreign"].append(f"{current['source']}: {r.url}")
            if urlsplit(r.url).netloc != host and not r.url.startswith("data:") else None)
    for url, source, _lang in site_pages(served):
        current["source"] = source
        page.goto(served.base_url + url)
        page.wait_for_load_state("networkidle")
        record["schemes"].add(page.evaluate("document.body.getAttribute('data-md-color-scheme')"))
        width = page.evaluate(SIDEWAYS)
        if width:
            record["overflow"].append(f"{source} ({viewport}): the page is {width['page']} px wide in a "
                                      f"{width['viewport']} px window; widest: {width['widest']}")
        for violation in axe.run(page, options=AXE_OPTIONS).response["violations"]:
            targets = ", ".join(str(node["target"]) for node in violation["nodes"][:3])
            record["violations"].append(
                f"{source} ({scheme}, {viewport}): {violation['id']} ({violation['impact']}): "
                f"{violation['help']} — {len(violation['nodes'])} element(s): {targets}"
            )
    context.close()
    _crawls[key] = record
    return record


COMBINATIONS = [(s, v) for s in SCHEMES for v in VIEWPORTS]


@pytest.mark.parametrize("scheme,viewport", COMBINATIONS)
def test_no_page_scrolls_sideways(browser, served, scheme, viewport):
    overflow = crawl(browser, served, scheme, viewport)["overflow"]
    assert not overflow, "pages wider than the window:\n" + "\n".join(overflow)


@pytest.mark.parametrize("scheme,viewport", COMBINATIONS)
def test_accessibility_every_page(browser, served, scheme, viewport):
    record = crawl(browser, served, scheme, viewport)
    assert record["schemes"] == {"default" if scheme == "light" else "slate"}, record["schemes"]
    assert not record["violations"], (
        f"axe-core violations ({len(record['violations'])}); fix them in overrides/ or the page:\n"
        + "\n".join(record["violations"][:40])
    )


@pytest.mark.parametrize("scheme,viewport", COMBINATIONS)
def test_no_third_party_request_and_no_console_message(browser, served, scheme, viewport):
    record = crawl(browser, served, scheme, viewport)
    assert not record["foreign"], "requests to other hosts:\n" + "\n".join(record["foreign"][:20])
    assert not record["console"], "console errors or warnings:\n" + "\n".join(record["console"][:20])


def test_language_selector_lands_on_the_same_page_and_anchor(browser, served):
    context = browser.new_context(viewport=VIEWPORTS["desktop"])
    page = context.new_page()
    wrong = []
    for url, source, lang in site_pages(served):
        if source.startswith("site/"):
            continue  # 404 pages
        other = "ar" if lang == "en" else "en"
        inner = url[len("en/"):] if lang == "en" else url
        target = served.base_url + ("en/" if other == "en" else "") + inner
        page.goto(served.base_url + url + "#__anchor-check")
        href = page.eval_on_selector(f"a.md-select__link[hreflang={other}]", "a => a.href")
        if href != target + "#__anchor-check":
            wrong.append(f"{source}: the {other} link goes to {href}, expected {target}#__anchor-check")
    # And a real click, both ways, with a real heading anchor.
    page.goto(served.base_url + "roles/community-manager/#metrics")
    page.hover(".md-select")
    page.click("a.md-select__link[hreflang=en]")
    page.wait_for_load_state("load")
    if page.url != served.base_url + "en/roles/community-manager/#metrics":
        wrong.append(f"click ar→en landed on {page.url}")
    page.hover(".md-select")
    page.click("a.md-select__link[hreflang=ar]")
    page.wait_for_load_state("load")
    if page.url != served.base_url + "roles/community-manager/#metrics":
        wrong.append(f"click en→ar landed on {page.url}")
    context.close()
    assert not wrong, "language selector:\n" + "\n".join(wrong[:20])


GEOMETRY = """
() => {
  const box = el => el.getBoundingClientRect();
  const article = document.querySelector('article');
  const out = {};
  const primary = document.querySelector('.md-sidebar--primary');
  const secondary = document.querySelector('.md-sidebar--secondary');
  out.primaryRight = primary && box(primary).width > 0 ? box(primary).left > box(article).left : null;
  out.tocLeft = secondary && box(secondary).width > 0 ? box(secondary).right <= box(article).left + 1 : null;
  const p = article.querySelector(':scope > p');
  const range = document.createRange();
  range.selectNodeContents(p);
  // The line's rightmost run (a date or a Latin name splits a line into runs).
  const right = Math.max(...[...range.getClientRects()].map(r => r.right));
  out.textStartsRight = Math.abs(right - box(p).right) < 2;
  out.paragraphDirection = getComputedStyle(p).direction;
  // A table runs from the right in Arabic: its first column is the rightmost.
  // Stacked as cards on a phone (hooks/reading.py), a card's title starts at the right.
  const table = article.querySelector('table');
  const row = table && table.querySelector('tbody tr');
  if (row && getComputedStyle(row).display === 'block') {
    const cell = row.querySelector('td');
    const text = document.createRange();
    text.selectNodeContents(cell);
    const t = text.getBoundingClientRect(), c = box(cell);
    out.tableMirrored = c.right - t.right < t.left - c.left;
  } else {
    const th = table ? table.querySelectorAll('thead th') : [];
    out.tableMirrored = th.length > 1 ? box(th[0]).left > box(th[th.length - 1]).left : null;
  }
  // The title's icon sits at the start side: its padding is on the right in RTL.
  const title = article.querySelector('.admonition-title');
  out.admonitionMirrored = title
    ? parseFloat(getComputedStyle(title).paddingRight) > parseFloat(getComputedStyle(title).paddingLeft)
    : null;
  const code = article.querySelector('code');
  out.codeLtr = code ? getComputedStyle(code).direction === 'ltr' : null;
  return out;
}
"""

BIDI = """
([needle]) => {
  // Find needle "(XYZ)" after Arabic text and return the x-positions of its parts.
  const walker = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode())) {
    const at = node.textContent.indexOf(needle);
    if (at < 1) continue;
    const rect = (start, end) => { const r = document.createRange(); r.setStart(node, start); r.setEnd(node, end); return r.getBoundingClientRect(); };
    const open = rect(at, at + 1), inner = rect(at + 1, at + needle.length - 1), close = rect(at + needle.length - 1, at + needle.length);
    const before = rect(at - 2, at - 1);  // the Arabic letter before the space
    if (Math.abs(open.top - close.top) > 4) continue;  // the brackets were split by a line break
    return {open: open.left, inner: inner.left, innerRight: inner.right, close: close.left,
            before: before.left, sameLine: Math.abs(before.top - inner.top) <= 4};
  }
  // The acronym may be a glossary tooltip: "(" <abbr>XYZ</abbr> ")".
  const inner = needle.slice(1, -1);
  for (const abbr of document.querySelectorAll('article abbr')) {
    const prev = abbr.previousSibling, next = abbr.nextSibling;
    if (abbr.textContent !== inner || !prev || !next || prev.nodeType !== 3 || next.nodeType !== 3) continue;
    if (!prev.textContent.endsWith('(') || !next.textContent.startsWith(')') || prev.textContent.length < 3) continue;
    const rect = (node, start, end) => { const r = document.createRange(); r.setStart(node, start); r.setEnd(node, end); return r.getBoundingClientRect(); };
    const n = prev.textContent.length;
    const open = rect(prev, n - 1, n), close = rect(next, 0, 1), box = abbr.getBoundingClientRect();
    const before = rect(prev, n - 3, n - 2);
    if (Math.abs(open.top - close.top) > 4) continue;
    return {open: open.left, inner: box.left, innerRight: box.right, close: close.left,
            before: before.left, sameLine: Math.abs(before.top - box.top) <= 4};
  }
  return null;
}
"""


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_right_to_left_layout(browser, served, artifacts, viewport):
    context = browser.new_context(viewport=VIEWPORTS[viewport])
    page = context.new_page()
    problems = []
    checks = {
        "": ("textStartsRight", "tableMirrored", "admonitionMirrored"),
        "differences/": ("textStartsRight", "tableMirrored"),
        "about/": ("textStartsRight", "codeLtr"),
        "roles/social-media-manager/": ("textStartsRight",),
    }
    for url, keys in checks.items():
        page.goto(served.base_url + url)
        page.wait_for_load_state("load")
        geometry = page.evaluate(GEOMETRY)
        if geometry["paragraphDirection"] != "rtl":
            problems.append(f"{url or '/'}: paragraphs are {geometry['paragraphDirection']}")
        for key in keys:
            if geometry[key] is not True:
                problems.append(f"{url or '/'} ({viewport}): {key} is {geometry[key]}")
        if viewport == "desktop":
            if geometry["primaryRight"] is False:
                problems.append(f"{url or '/'}: the navigation is not on the right")
            if geometry["tocLeft"] is False:
                problems.append(f"{url or '/'}: the table of contents is not on the left")
        page.screenshot(path=str(artifacts / f"ar-{viewport}-{url.strip('/').replace('/', '-') or 'home'}.png"))
    # A Latin acronym in brackets inside an Arabic sentence keeps its order:
    # visually "(SEO)" sits left of the Arabic word before it, brackets around it
    # (mirrored brackets in the Arabic run, or plain ones inside hooks/reading.py's
    # left-to-right span: both look the same).
    page.goto(served.base_url + "skills/seo/")
    parts = page.evaluate(BIDI, ["(SEO)"])
    if parts is None:
        problems.append("skills/seo/: no «… (SEO)» on one line to check")
    elif not (min(parts["close"], parts["open"]) < parts["inner"] < max(parts["close"], parts["open"])) or (
        parts["sameLine"] and parts["innerRight"] > parts["before"] + 1
    ):
        problems.append(f"skills/seo/: «(SEO)» is out of order in the Arabic line: {parts}")
    # The desktop navigation must be on the left in English, to prove the check can fail.
    page.goto(served.base_url + "en/differences/")
    english = page.evaluate(GEOMETRY)
    if viewport == "desktop" and english["primaryRight"] is not False:
        problems.append("en/differences/: the English navigation is not on the left")
    if english["tableMirrored"] is not False:
        problems.append("en/differences/: the English table runs right to left")
    page.goto(served.base_url + "en/")
    if page.evaluate(GEOMETRY)["admonitionMirrored"] is not False:
        problems.append("en/: the English admonition is mirrored")
    page.screenshot(path=str(artifacts / f"en-{viewport}-differences.png"))
    context.close()
    assert not problems, "right-to-left layout:\n" + "\n".join(problems)


def first_view(browser, url: str) -> tuple[float, int, int]:
    """Load `url` on a phone: (KB a first visit downloads, gzip -9 as a static
    host would serve it; requests made; requests that failed). Also used by
    tests/benchmarks/site.py.

    Counts every request the page starts up to the load event and everything it
    still fetches until the network is idle (the favicon arrives around the load
    event), read after each request has finished: reading bodies while the
    page loads made the total depend on timing (1.9 KB apart between runs)."""
    context = browser.new_context(viewport=VIEWPORTS["phone"])
    page = context.new_page()
    finished, failed = [], []
    page.on("requestfinished", lambda request: finished.append(request))
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    sizes = []
    for request in finished:
        response = request.response()
        if response is None or not 200 <= response.status < 300:
            failed.append(request.url)
            continue
        sizes.append(len(gzip.compress(response.body(), 9)))
    context.close()
    return sum(sizes) / 1024, len(sizes) + len(failed), len(failed)


STACKED = """
() => [...document.querySelectorAll('article table')].map(table => {
  const wrap = table.closest('.md-typeset__scrollwrap') || table.parentElement;
  const cells = [...table.querySelectorAll('tbody tr:first-child td')];
  return {
    stacked: table.hasAttribute('data-stack'),
    rowDisplay: getComputedStyle(table.querySelector('tbody tr')).display,
    headerVisible: table.querySelector('thead').getBoundingClientRect().height > 2,
    overflows: wrap.scrollWidth > wrap.clientWidth + 1,
    labels: cells.slice(1).map(td => getComputedStyle(td, '::before').content),
    expected: cells.slice(1).map(td => td.dataset.label),
    cellsStacked: cells.length > 1 && cells[1].getBoundingClientRect().top >= cells[0].getBoundingClientRect().bottom - 1,
  };
})
"""


def accessibility_roles(page) -> Counter:
    """Roles in Chromium's own accessibility tree (what a screen reader is given)."""
    session = page.context.new_cdp_session(page)
    nodes = session.send("Accessibility.getFullAXTree")["nodes"]
    session.detach()
    return Counter(node.get("role", {}).get("value") for node in nodes if not node.get("ignored"))


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_comparison_tables_stay_readable(browser, served, artifacts, viewport):
    """On a phone a comparison table becomes cards, each value under its column's name,
    with no sideways scrolling; on a desktop it stays a table."""
    context = browser.new_context(viewport=VIEWPORTS[viewport])
    page = context.new_page()
    problems = []
    for url in ("differences/", "en/differences/", "", "en/hiring/one-person-or-two/", "roles/community-manager/"):
        page.goto(served.base_url + url, wait_until="load")
        tables = page.evaluate(STACKED)
        stacked = [t for t in tables if t["stacked"]]
        if not stacked:
            problems.append(f"{url or '/'}: no comparison table marked data-stack")
        for number, table in enumerate(tables, start=1):
            where = f"{url or '/'} table {number} ({viewport})"
            if table["overflows"]:
                problems.append(f"{where}: scrolls sideways")
            if not table["stacked"] or viewport == "desktop":
                if table["rowDisplay"] != "table-row" or not table["headerVisible"]:
                    problems.append(f"{where}: should be a plain table, rows are {table['rowDisplay']}")
                continue
            if table["rowDisplay"] != "block" or table["headerVisible"] or not table["cellsStacked"]:
                problems.append(f"{where}: not shown as cards: {table}")
            # Chromium reports the label (its alt text "" hides it from screen readers).
            for shown, label in zip(table["labels"], table["expected"]):
                if f'"{label}"' not in shown:
                    problems.append(f"{where}: a cell shows {shown!r} above it, expected its column {label!r}")
        if stacked and viewport != "desktop":
            # Cards keep the table's native semantics in the accessibility tree (no ARIA roles needed).
            roles = accessibility_roles(page)
            rows = page.locator("article table[data-stack] tr").count()
            if roles["table"] < len(stacked) or roles["row"] < rows or roles["cell"] + roles["gridcell"] < rows:
                problems.append(f"{url or '/'} ({viewport}): stacked tables lost their table semantics: {dict(roles)}")
        if url.endswith("differences/"):
            name = ("en-" if url.startswith("en/") else "ar-") + f"{viewport}-comparison-table.png"
            page.locator("article table").first.scroll_into_view_if_needed()
            page.screenshot(path=str(artifacts / name))
    context.close()
    assert not problems, "comparison tables:\n" + "\n".join(problems)


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_first_view_page_weight(browser, served, lang):
    """All bytes until the load event, gzip-compressed as a static host would serve them."""
    over, table = [], []
    for kind, url in PAGE_TYPES.items():
        total_kb, requests, _ = first_view(browser, served.base_url + ("en/" if lang == "en" else "") + url)
        table.append(f"{kind}: {total_kb:.1f} KB in {requests} requests")
        if total_kb > PAGE_WEIGHT_BUDGET_KB:
            over.append(f"{lang} {kind} ({url or '/'}): {total_kb:.1f} KB > {PAGE_WEIGHT_BUDGET_KB} KB")
    print(f"\nfirst view ({lang}): " + "; ".join(table))
    assert not over, "over the page-weight budget:\n" + "\n".join(over)
