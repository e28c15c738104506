"""MkDocs hook: page content that reads well on a phone and with a screen reader.

Comparison tables
    A table of three or more columns (aspect | Social Media Manager | Community
    Manager) is squeezed into narrow columns on a phone, and its header row
    scrolls out of sight, so the reader no longer knows which column is which
    role. Such tables get `data-stack`, and every body cell a `data-label`: the
    text of its column's header, from the page's own Markdown table. On narrow
    screens overrides/assets/stylesheets/site.css shows each row as a card, the
    first cell as its title and every other cell under its column's name; wider
    screens and print keep the table. The visible labels are hidden from screen
    readers, which announce the column header themselves: Chromium keeps the
    table, row and cell roles of a stacked table (tests/browser/test_quality.py
    reads its accessibility tree). Explicit ARIA roles on the rows and cells of
    a native table are invalid HTML (the W3C checker reports each one), so the
    table keeps its native semantics only.

Latin names inside Arabic text
    Tool names and acronyms stay in Latin script on Arabic pages («هوتسويت
    (Hootsuite)», CTR). Each run of Latin words in an Arabic page's text is
    wrapped in `<span class="latin" lang="en" dir="ltr" data-latin>`, with its
    brackets when it stands in brackets: screen readers pronounce it in English
    (WCAG 3.1.2), the bidirectional algorithm keeps it in one piece (a long name
    wraps as «(LinkedIn» / «Campaign» / «Manager)», not with mirrored brackets),
    and the stylesheet keeps a short name from breaking across lines («(Sprout»
    at the end of one line, «Social)» at the start of the next). Code, and
    anything already marked with a language, is left alone. `data-latin` tells
    tests/sitecheck.py that the span is still Arabic page text to check, not a
    quotation in another language.

Latin names in navigation titles
    The nav, tabs, breadcrumbs and footer print page titles, which are text, not
    HTML. On Arabic pages a bracketed Latin name in a title is put between the
    Unicode isolate marks LRI and PDI (U+2066, U+2069), the plain-text form of
    the span above, so «(Facebook Groups)» wraps as «(Facebook» / «Groups)» and
    not as «Facebook)» / «(Groups». Only `page.title` changes: `<title>`, the
    header, structured data and links.json read the front matter title.

Tables and Latin runs are handled in on_page_context, after Material's tags
plugin has filled its listing in. Right-to-left pages are those of
guide_data.direction(), the rule that also sets <html dir>. No strings here:
the labels are the page's own column headers.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, NavigableString, Tag
from guide_data import direction
from mkdocs.plugins import event_priority

MIN_COLUMNS = 3

# A Latin word, and more Latin words joined by spaces or by . & + ' ’ / -
LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:(?:[ .&+'’/-]|\s)+[A-Za-z0-9]+)*")
BRACKETED_LATIN = re.compile(r"\((?:" + LATIN_RUN.pattern + r")\)")
# What one span holds: a bracketed run with its brackets, else a bare run.
LATIN_PHRASE = re.compile(BRACKETED_LATIN.pattern + "|" + LATIN_RUN.pattern)
LRI, PDI = "\u2066", "\u2069"
MAX_NOWRAP = 28  # characters: a longer run may need to wrap on a phone ("(LinkedIn Campaign Manager)" fits)
SKIP = ("code", "pre", "kbd", "samp", "script", "style", "svg", "math", "textarea", "template")


def stack_tables(soup: Tag) -> bool:
    changed = False
    for table in soup.find_all("table"):
        headers = table.select("thead > tr > th")
        if len(headers) < MIN_COLUMNS or table.find("table"):
            continue
        labels = [" ".join(th.get_text(" ", strip=True).split()) for th in headers]
        table["data-stack"] = ""
        for row in table.select("tbody > tr"):
            for cell, label in zip(row.find_all("td", recursive=False), labels):
                cell["data-label"] = label
        changed = True
    return changed


def _latin_span(soup: BeautifulSoup, text: str) -> Tag:
    span = soup.new_tag("span", attrs={"lang": "en", "dir": "ltr", "data-latin": ""})
    if len(text) <= MAX_NOWRAP:
        span["class"] = "latin"
    span.string = text
    return span


def _text_nodes(element: Tag):
    for child in list(element.children):
        if isinstance(child, Tag):
            if child.name in SKIP or child.has_attr("lang"):
                continue
            yield from _text_nodes(child)
        elif type(child) is NavigableString:
            yield child


def mark_latin_runs(soup: BeautifulSoup, root: Tag) -> bool:
    changed = False
    for node in list(_text_nodes(root)):
        text = str(node)
        matches = list(LATIN_PHRASE.finditer(text))
        if not matches:
            continue
        pieces, start = [], 0
        for match in matches:
            begin, end = match.span()
            if begin > start:
                pieces.append(NavigableString(text[start:begin]))
            pieces.append(_latin_span(soup, text[begin:end]))
            start = end
        if start < len(text):
            pieces.append(NavigableString(text[start:]))
        node.replace_with(*pieces)
        changed = True
    return changed


def isolate_latin(title: str) -> str:
    return BRACKETED_LATIN.sub(lambda match: LRI + match.group() + PDI, title)


def on_page_markdown(markdown, page, config, files):
    # Every page's source is read before any template is rendered, so each nav
    # and footer sees the isolated titles of all pages. A title the nav gives
    # (`Home: index.md`, translated by static-i18n) is already stored on the page
    # and stays: the home entry reads «الرئيسية», not the whole site title.
    if direction(config) == "rtl" and page.meta.get("title") and "title" not in vars(page):
        page.title = isolate_latin(str(page.meta["title"]))
    return markdown


@event_priority(-50)  # after Material's tags plugin has filled its listing into page.content
def on_page_context(context, page, config, nav):
    """One parse per page (lxml: about 2.5 times faster than html.parser here),
    only where there is something to do."""
    html = page.content or ""
    rtl = direction(config) == "rtl"
    if not rtl and "<table" not in html:
        return context
    soup = BeautifulSoup(html, "lxml")
    if soup.body is None:
        return context
    changed = stack_tables(soup.body)
    if rtl:
        changed = mark_latin_runs(soup, soup.body) or changed
    if changed:
        page.content = soup.body.decode_contents()
    return context
