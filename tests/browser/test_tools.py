"""The guide's reader tools in Chromium: the "which role do I need?" helper
(recommendations in both languages, shareable address, keyboard, live region,
the checklist without JavaScript) and the printable comparison handout."""

from __future__ import annotations

import io
import unicodedata
from urllib.parse import parse_qs, urlsplit

import pytest
from pypdf import PdfReader

HELPER = {"ar": "hiring/which-role/", "en": "en/hiring/which-role/"}
CASES = [
    (["launch", "ads"], "smm"),
    (["plan", "platforms", "reach", "questions"], "smm"),
    (["questions", "groups", "ugc"], "cm"),
    (["launch", "questions", "small"], "one-person"),
    (["launch", "plan", "ads", "questions", "groups", "care"], "two-people"),
    (["plan", "questions", "budget"], "two-people"),
]


def open_helper(page, served, lang, query=""):
    page.goto(served.base_url + HELPER[lang] + query)
    page.wait_for_load_state("load")


def result(page) -> str:
    return page.get_attribute("[data-role-result]", "data-recommendation")


def heading_text(page, recommendation) -> str:
    return page.evaluate(
        """id => { const h = document.getElementById(id).cloneNode(true);
                   h.querySelectorAll('.headerlink').forEach(l => l.remove()); return h.textContent.trim(); }""",
        "recommend-" + recommendation,
    )


@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize("answers,expected", CASES)
def test_answers_give_the_expected_recommendation(page, served, lang, answers, expected):
    open_helper(page, served, lang)
    assert result(page) == "", "a recommendation is shown before any answer"
    for value in answers:
        page.check(f"form[data-role-helper] input[value='{value}']")
    assert result(page) == expected, f"{lang} {answers}: {result(page)}, expected {expected}"
    output = page.locator("[data-role-result]")
    text = output.inner_text()
    assert heading_text(page, expected) in text
    # Why: every ticked statement is repeated in the result, in the page language.
    for value in answers:
        label = page.inner_text(f"label[for='s-{value}']")
        assert label in text, f"{lang}: the result does not repeat «{label}»"
    assert output.locator("a[href]").count() >= 2, "the result links to no page"
    # The address holds the answers, for sharing.
    shared = parse_qs(urlsplit(page.url).query)["s"][0].split(",")
    assert sorted(shared) == sorted(answers)


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_shared_address_restores_the_answers(browser, served, lang):
    context = browser.new_context()
    page = context.new_page()
    open_helper(page, served, lang, "?s=questions,groups,ugc")
    assert result(page) == "cm"
    assert page.is_checked("#s-questions") and page.is_checked("#s-ugc") and not page.is_checked("#s-launch")
    share = page.get_attribute(".role-helper__share", "href")
    # Round trip: the result's own link, opened afresh, gives the same answers and result.
    other = context.new_page()
    other.goto(served.base_url.rstrip("/") + share)
    other.wait_for_load_state("load")
    assert result(other) == "cm" and other.is_checked("#s-groups")
    # Unticking everything empties the result and the address.
    for value in ("questions", "groups", "ugc"):
        page.uncheck(f"#s-{value}")
    assert result(page) == "" and "s=" not in page.url
    context.close()


def test_keyboard_and_live_region(page, served):
    open_helper(page, served, "en")
    output = page.locator("[data-role-result]")
    assert output.get_attribute("role") == "status" and output.get_attribute("aria-live") == "polite"
    assert page.locator("form[data-role-helper] fieldset legend").count() == 3
    page.focus("#s-launch")
    page.keyboard.press("Space")
    assert result(page) == "smm"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "s-plan"
    # Every control has a label.
    unlabelled = page.evaluate(
        "() => [...document.querySelectorAll('form[data-role-helper] input')]"
        ".filter(i => !document.querySelector(`label[for='${i.id}']`)).map(i => i.id)"
    )
    assert unlabelled == []


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_without_javascript_the_checklist_and_guidance_remain(browser, served, lang):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    open_helper(page, served, lang)
    assert page.locator("form[data-role-helper] input[type=checkbox]").count() == 12
    assert page.locator("form[data-role-helper] input[type=checkbox]").first.is_visible()
    page.check("#s-launch")  # still a working checklist
    for recommendation in ("smm", "cm", "one-person", "two-people"):
        assert page.locator(f"#recommend-{recommendation}").is_visible()
    assert page.inner_text("[data-role-result]").strip() == ""
    if lang == "ar":
        assert page.evaluate("getComputedStyle(document.querySelector('fieldset')).direction") == "rtl"
    context.close()


# ---------------------------------------------------------------------------
# Printable comparison
# ---------------------------------------------------------------------------

TABLE_TEXT = {
    "ar": ["وجه المقارنة", "متى توظفه", "رعاية حقيقية"],
    "en": ["Dimension", "Focus", "Hire one when", "audience needs real care"],
}


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("lang", ["ar", "en"])
def test_comparison_prints_as_a_handout(page, served, artifacts, lang, paper):
    page.goto(served.base_url + ("en/" if lang == "en" else "") + "differences/")
    page.wait_for_load_state("load")
    page.emulate_media(media="print")
    hidden = page.evaluate(
        """() => ['.md-header', '.md-tabs', '.md-sidebar--primary', '.md-sidebar--secondary', '.md-footer', '.md-search']
              .filter(s => document.querySelector(s) && document.querySelector(s).getClientRects().length)"""
    )
    assert hidden == [], f"visible in print: {hidden}"
    overflow = page.evaluate(
        "() => { const t = document.querySelector('#comparison-table ~ * table');"
        " return t.getBoundingClientRect().width - document.querySelector('article').getBoundingClientRect().width; }"
    )
    assert overflow <= 1, f"the comparison table is {overflow}px wider than the page"
    pdf = page.pdf(format=paper, print_background=True)
    (artifacts / f"differences-{lang}-{paper}.pdf").write_bytes(pdf)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) <= 2, f"{lang} {paper}: {len(reader.pages)} pages (at most 2)"
    text = unicodedata.normalize("NFKC", " ".join(p.extract_text() for p in reader.pages))
    text = " ".join(text.split())
    missing = [t for t in TABLE_TEXT[lang] if t not in text]
    assert not missing, f"{lang} {paper}: table text missing from the PDF: {missing}"
