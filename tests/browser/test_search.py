"""Search (Pagefind in Material's header), driven through the real search box
in Chromium: recall, language isolation, keyboard, screen reader, no lunr."""

from __future__ import annotations

import yaml
import pytest

from sitecheck import DATA_DIR, ROOT, page_url, pages

DOCS_DIR = ROOT / "docs"

QUERIES = yaml.safe_load((DATA_DIR / "search-queries.yml").read_text(encoding="utf-8"))
QUESTIONS = yaml.safe_load((DATA_DIR / "search-questions.yml").read_text(encoding="utf-8"))
# (query file, its queries, the recall@3 it must keep per language)
SETS = {"keywords": ("search-queries.yml", QUERIES, 0.95), "questions": ("search-questions.yml", QUESTIONS, 0.90)}


def open_home(page, served, lang):
    page.goto(served.base_url + ("en/" if lang == "en" else ""))
    page.wait_for_load_state("load")


def search(page, query):
    page.fill(".md-search__input", query)
    page.wait_for_function(
        "q => document.querySelector('[data-site-search]').getAttribute('data-results-for') === q",
        arg=query, timeout=10_000,
    )
    return page.eval_on_selector_all(
        ".md-search-result__item > a:first-child", "links => links.map(a => new URL(a.href).pathname)"
    )


@pytest.mark.parametrize("name", SETS)
@pytest.mark.parametrize("lang", ["ar", "en"])
def test_query_file_is_big_enough(lang, name):
    file, queries, _ = SETS[name]
    assert len(queries[lang]) >= 40, f"tests/data/{file}: at least 40 {lang} queries"
    missing = sorted({md for item in queries[lang] for md in item["expect"]} - set(pages(DOCS_DIR, lang)))
    assert not missing, f"tests/data/{file}: expected pages that do not exist in docs/{lang}/: {missing}"


@pytest.mark.parametrize("name", SETS)
@pytest.mark.parametrize("lang", ["ar", "en"])
def test_recall_at_3_and_language_isolation(page, served, lang, name):
    """Through the real search box: the expected page in the top 3, no query without
    results, no result in the other language."""
    file, queries, least = SETS[name]
    open_home(page, served, lang)
    prefix = "/en/" if lang == "en" else "/"
    misses, leaks, empty = [], [], []
    for item in queries[lang]:
        urls = search(page, item["q"])
        if not urls:
            empty.append(item["q"])
        leaks += [(item["q"], u) for u in urls if u.startswith("/en/") != (lang == "en")]
        top = [u[len(prefix):] for u in urls[:3]]
        expected = [page_url(md) for md in item["expect"]]
        if not any(e in top for e in expected):
            misses.append(f"  {item['q']!r} ({item['why']}): top 3 {top}, expected one of {expected}")
    recall = 1 - len(misses) / len(queries[lang])
    print(f"\n{name} ({lang}): recall@3 {recall:.1%}, {len(empty)} without results")
    assert not leaks, f"{lang} pages returned other-language results: {leaks}"
    assert not empty, f"{lang} queries with no result at all: {empty}"
    assert recall >= least, (
        f"recall@3 of tests/data/{file} for {lang} is {recall:.0%} (< {least:.0%}). Misses:\n" + "\n".join(misses)
        + "\nImprove the page (title, headings) or its front matter `keywords`, the query words of "
        f"hooks/data/{lang}/search.yml, or fix the expectation in tests/data/{file}."
    )


def test_results_show_title_section_and_highlighted_excerpt(page, served):
    open_home(page, served, "ar")
    search(page, "الاستماع النشط")
    first = page.locator(".md-search-result__item").first
    assert first.locator("h1").inner_text().strip()
    assert first.locator("p mark").count() > 0, "excerpt has no highlighted match"
    sections = first.locator("a h2")
    assert sections.count() > 0, "no section (sub-result) under the first result"
    hrefs = first.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert any("#" in href for href in hrefs[1:]), f"section links carry no #anchor: {hrefs}"


def test_section_link_lands_on_the_anchor(page, served):
    open_home(page, served, "en")
    search(page, "warning signs")
    link = page.locator(".md-search-result__item a[href*='#']").first
    href = link.get_attribute("href")
    link.click()
    page.wait_for_load_state("load")
    anchor = href.split("#", 1)[1]
    assert page.url.endswith("#" + anchor)
    assert page.locator(f"[id='{anchor}']").count() == 1


def test_arabic_interface_is_arabic_and_right_to_left(page, served):
    open_home(page, served, "ar")
    box = page.locator(".md-search__input")
    assert box.get_attribute("placeholder") == "ابحث"
    assert box.evaluate("el => getComputedStyle(el).direction") == "rtl"
    search(page, "بافر")
    meta = page.locator(".md-search-result__meta").inner_text()
    assert "عدد النتائج" in meta or "نتيجة" in meta, meta


def test_keyboard_only(page, served):
    open_home(page, served, "en")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    assert page.evaluate("document.getElementById('__search').checked")
    page.keyboard.type("discord")
    page.wait_for_function(
        "() => document.querySelector('[data-site-search]').getAttribute('data-results-for') === 'discord'"
    )
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused and "discord" in focused
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")
    page.keyboard.press("s")
    assert page.evaluate("document.getElementById('__search').checked"), "'s' does not open search"
    page.keyboard.press("Escape")
    # On a phone the box hides behind the header's magnifier: it must work by keyboard too.
    page.set_viewport_size({"width": 390, "height": 844})
    opener = page.locator(".md-header__button[data-search-open]")
    opener.focus()
    assert page.evaluate("document.activeElement.tagName") == "BUTTON"
    page.keyboard.press("Enter")
    assert page.evaluate("document.getElementById('__search').checked"), "the search button is not keyboard-operable"
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.hasAttribute('data-search-open')"), "focus is not returned to the button"


def test_screen_reader_names_and_live_results(page, served):
    open_home(page, served, "en")
    dialog = page.locator(".md-search[role=dialog]")
    assert dialog.get_attribute("aria-label")
    assert page.locator(".md-search__input").get_attribute("aria-label")
    status = page.locator(".md-search-result__meta")
    assert status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite"
    search(page, "empathy")
    assert "document" in status.inner_text() or "result" in status.inner_text().lower()


def test_no_lunr_index_is_published_or_fetched(page, served):
    assert not (served.site_dir / "search").exists(), "the lunr index is still in the output"
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    open_home(page, served, "ar")
    search(page, "مهارات")
    assert not [u for u in requests if "search_index" in u or "workers/search" in u]
    assert any("/pagefind/" in u for u in requests)


def test_keywords_are_indexed_but_not_shown(page, served):
    html = (served.site_dir / "roles" / "social-media-manager" / "index.html").read_text(encoding="utf-8")
    assert "السوشيال ميديا" in html  # in the hidden keywords element only
    page.goto(served.base_url + "roles/social-media-manager/")
    assert "السوشيال ميديا" not in page.locator("article").inner_text()


@pytest.mark.parametrize("lang,query,found", [
    ("ar", "بافر", "/tools/buffer/"),
    ("ar", "السوشيال ميديا", "/roles/social-media-manager/"),
    ("en", "community server", "/en/tools/discord/"),
    ("en", "hiring quiz", "/en/hiring/which-role/"),
])
def test_keywords_find_pages_but_never_show_in_results(page, served, lang, query, found):
    """A query that matches the hidden keywords finds the page, and the results show the
    page's own text (its description or sections), never the keyword list, never twice."""
    open_home(page, served, lang)
    urls = search(page, query)
    assert any(url.endswith(found) for url in urls[:3]), urls
    items = page.eval_on_selector_all(".md-search-result__item", """items => items.map(item => ({
        hrefs: [...item.querySelectorAll('a')].map(a => a.getAttribute('href')),
        excerpts: [...item.querySelectorAll('p')].map(p => p.textContent.trim()),
    }))""")
    for item in items:
        assert not any("#search-keywords" in href for href in item["hrefs"]), item
        assert not any(" · " in text or "⁂" in text for text in item["excerpts"]), f"keyword list shown: {item}"
        assert len(item["excerpts"]) == len(set(item["excerpts"])), f"an excerpt is shown twice: {item}"


@pytest.mark.parametrize("lang, query, paths", [
    # Words that begin no word of the guide (Pagefind matches a word's beginning).
    ("ar", "ظظغ ثخخض", ["roles/social-media-manager/", "roles/community-manager/", "differences/", "glossary/"]),
    ("en", "qzxv wjkq", ["en/roles/social-media-manager/", "en/roles/community-manager/", "en/differences/", "en/glossary/"]),
])
def test_no_match_offers_the_main_paths_in_the_page_language(page, served, lang, query, paths):
    open_home(page, served, lang)
    assert search(page, query) == []
    hint = page.locator(".md-search-result__paths")
    assert hint.count() == 1, "a search without results must offer the guide's main paths"
    text = hint.inner_text()
    assert ("لم نجد" in text) if lang == "ar" else ("No page matches" in text), text
    hrefs = hint.locator("a").evaluate_all("links => links.map(a => new URL(a.href).pathname)")
    assert all("/" + path in hrefs for path in paths), hrefs


def test_search_starts_loading_at_the_first_sign_of_intent(page, served):
    """Pointer over the search box loads Pagefind and the query words before a key
    is pressed; a page where nobody searches loads none of it."""
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    open_home(page, served, "en")
    page.wait_for_load_state("networkidle")
    assert not [u for u in requests if "/pagefind/" in u], "search files loaded without any intent"
    page.hover(".md-search__form")
    page.wait_for_function("() => performance.getEntriesByType('resource').some(e => e.name.includes('pagefind.js'))")
    page.wait_for_load_state("networkidle")
    loaded = [u.rsplit("/", 1)[1] for u in requests]
    assert {"pagefind.js", "words.en.json", "search-query.js"} <= set(loaded), loaded


def test_phone_search_button_starts_loading_on_touch(browser, served):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(served.base_url)
    page.wait_for_load_state("networkidle")
    assert not [u for u in requests if "/pagefind/" in u]
    page.locator(".md-header__button[data-search-open]").dispatch_event("touchstart")
    page.wait_for_load_state("networkidle")
    assert any(u.endswith("/pagefind/words.ar.json") for u in requests), requests
    context.close()
