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

Footnotes on right-to-left pages
    Python-Markdown gives each footnote's back link an English title; it is
    replaced with the words of hooks/data/<lang>/labels.yml (`footnote_back`).

Tables and Latin runs are handled in on_page_context, after Material's tags
plugin has filled its listing in. Right-to-left pages are those of
guide_data.direction(), the rule that also sets <html dir>. No strings here:
the labels are the page's own column headers, and other words come from
hooks/data/<lang>/labels.yml.
"""

from __future__ import annotations

import re

from guide_data import current_language, direction, labels
from lxml.html import fragment_fromstring, tostring
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


def _text(element) -> str:
    return " ".join(" ".join(element.itertext()).split())


def stack_tables(root) -> bool:
    changed = False
    for table in root.iter("table"):
        headers = table.xpath("./thead/tr/th")
        if len(headers) < MIN_COLUMNS or table.find(".//table") is not None:
            continue
        labels = [_text(th) for th in headers]
        table.set("data-stack", "")
        for row in table.xpath("./tbody/tr"):
            for cell, label in zip(row.xpath("./td"), labels):
                cell.set("data-label", label)
        changed = True
    return changed


def _latin_span(root, text: str, tail: str):
    span = root.makeelement("span", {"lang": "en", "dir": "ltr", "data-latin": ""})
    if len(text) <= MAX_NOWRAP:
        span.set("class", "latin")
    span.text, span.tail = text, tail or None
    return span


def _split(root, text: str):
    """(text before the first Latin phrase, [span per phrase, each with the text after it])"""
    matches = list(LATIN_PHRASE.finditer(text))
    if not matches:
        return None
    ends = [m.start() for m in matches[1:]] + [len(text)]
    spans = [_latin_span(root, m.group(), text[m.end():following]) for m, following in zip(matches, ends)]
    return text[: matches[0].start()], spans


def _marks(element) -> bool:
    """Is this element's own text Arabic page text to mark (not code, not another language)?"""
    return isinstance(element.tag, str) and element.tag not in SKIP and element.get("lang") is None


def mark_latin_runs(element) -> bool:
    """Wrap each Latin run of the element's text (and its descendants') in a span."""
    changed = False
    children = list(element)  # before any span is inserted
    if element.text and (found := _split(element, element.text)):
        element.text = found[0] or None
        for index, span in enumerate(found[1], start=0):
            element.insert(index, span)
        changed = True
    for child in children:
        if _marks(child):
            changed = mark_latin_runs(child) or changed
        if child.tail and (found := _split(element, child.tail)):
            child.tail = found[0] or None
            position = element.index(child)
            for offset, span in enumerate(found[1], start=1):
                element.insert(position + offset, span)
            changed = True
    return changed


def translate_footnote_links(root, words: dict) -> bool:
    """Python-Markdown titles each footnote's back link in English ("Jump back to
    footnote 1 in the text"); a right-to-left page gets its own language's words."""
    links = root.find_class("footnote-backref")
    for link in links:
        number = link.get("href", "").rsplit(":", 1)[-1]
        link.set("title", words["footnote_back"].format(n=number))
    return bool(links)


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
    """One lxml parse per page, only where there is something to do (lxml's own
    tree: several times faster than BeautifulSoup on the same parser)."""
    content = page.content or ""
    rtl = direction(config) == "rtl"
    if not content.strip() or (not rtl and "<table" not in content):
        return context
    root = fragment_fromstring(content, create_parent="div")
    changed = stack_tables(root)
    if rtl:
        changed = mark_latin_runs(root) or changed
        changed = translate_footnote_links(root, labels(current_language(config))) or changed
    if changed:
        page.content = (root.text or "") + "".join(tostring(child, encoding="unicode") for child in root)
    return context
