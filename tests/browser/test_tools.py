"""The guide's reader tools in Chromium: the "which role do I need?" helper
(recommendations in both languages, shareable address, keyboard, live region,
the checklist without JavaScript) and the printable comparison handout."""

from __future__ import annotations

import io
import unicodedata
from urllib.parse import parse_qs, urlsplit

import pytest
from pypdf import PdfReader

from sitecheck import ARABIC_MARKS

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
    text = " ".join(ARABIC_MARKS.sub("", text).split())  # «توظّفه» reads «توظفه»
    missing = [t for t in TABLE_TEXT[lang] if t not in text]
    assert not missing, f"{lang} {paper}: table text missing from the PDF: {missing}"


# ---------------------------------------------------------------------------
# The job-description builder (hiring/job-description.md, job-description.js)
# ---------------------------------------------------------------------------

BUILDER = {"ar": "hiring/job-description/", "en": "en/hiring/job-description/"}


def open_builder(page, served, lang, query=""):
    page.goto(served.base_url + BUILDER[lang] + query)
    page.wait_for_load_state("load")
    page.wait_for_selector("[data-jd-output] h3")


def role_data(page, role):
    """What the page's own data says the role's description must contain."""
    return page.evaluate(
        """role => { const d = JSON.parse(document.querySelector('script[data-jd-data]').textContent);
                     return { responsibilities: d.roles[role].responsibilities,
                              skills: d.skills.filter(s => s.roles.includes(role)).map(s => s.name) }; }""",
        role,
    )


@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize("choice, role", [("smm", "social-media-manager"), ("cm", "community-manager")])
def test_builder_describes_the_chosen_role(page, served, lang, choice, role):
    open_builder(page, served, lang, "?role=both")
    page.check(f"input[name=role][value={choice}]")
    text = page.inner_text("[data-jd-output]")
    title = page.get_attribute("form[data-jd-builder]", f"data-title-{choice}")
    assert text.startswith(title), text[:80]
    expected = role_data(page, role)
    assert len(expected["responsibilities"]) >= 5 and all(r in text for r in expected["responsibilities"]), text
    skills = [s for s in expected["skills"] if s not in ("Paid advertising management", "إدارة الإعلانات المدفوعة")]
    assert skills and all(s in text for s in skills), (skills, text)
    links = page.eval_on_selector_all("[data-jd-output] a", "l => l.map(a => new URL(a.href).pathname)")
    assert any("/skills/" in href for href in links) and all(not href.endswith(".md") for href in links), links
    assert page.inner_text("[data-jd-status]").strip(), "the new description is not announced"


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_a_shared_link_rebuilds_the_same_description(page, served, lang):
    open_builder(page, served, lang)
    page.check("input[name=role][value=cm]")
    page.check("input[name=stage][value=startup]")
    page.check("input[name=p][value=instagram]")
    page.check("input[name=p][value=tiktok]")
    page.check("input[name=paid]")
    text, address = page.inner_text("[data-jd-output]"), page.url
    query = parse_qs(urlsplit(address).query)
    assert query["role"] == ["cm"] and query["stage"] == ["startup"] and query["paid"] == ["1"]
    assert sorted(query["p"][0].split(",")) == ["instagram", "tiktok"]
    other = page.context.new_page()
    other.goto(address)
    other.wait_for_selector("[data-jd-output] h3")
    assert other.inner_text("[data-jd-output]") == text
    stage = page.get_attribute("form[data-jd-builder]", "data-stage-startup")
    assert stage in text and page.get_attribute("form[data-jd-builder]", "data-paid") in text
    other.close()


def test_copy_and_download_give_the_description_as_markdown(browser, served):
    context = browser.new_context(accept_downloads=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=served.base_url.rstrip("/"))
    page = context.new_page()
    open_builder(page, served, "en", "?role=cm")
    page.click("[data-jd-copy]")
    page.wait_for_function("() => document.querySelector('[data-jd-status]').textContent.includes('copied')")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("# Community Manager\n") and "\n## Responsibilities\n" in copied, copied[:200]
    assert "](" + served.base_url + "en/skills/" in copied, "skill links must be absolute in the Markdown"
    with page.expect_download() as download:
        page.click("[data-jd-download]")
    assert download.value.suggested_filename == "job-description.md"
    assert open(download.value.path(), encoding="utf-8").read() == copied
    context.close()


def test_builder_works_by_keyboard_alone(page, served):
    open_builder(page, served, "ar")
    page.focus("input[name=role][value=smm]")
    page.keyboard.press("ArrowDown")  # the next radio of the group, checked as it gets focus
    assert page.evaluate("document.activeElement.value") == "cm"
    assert parse_qs(urlsplit(page.url).query)["role"] == ["cm"]
    assert page.inner_text("[data-jd-output] h3") == page.get_attribute("form[data-jd-builder]", "data-title-cm")
    page.focus("[data-jd-download]")
    assert page.evaluate("document.activeElement.tagName") == "BUTTON"


def test_without_javascript_the_page_gives_two_ready_made_descriptions(browser, served):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    for lang in ("ar", "en"):
        page.goto(served.base_url + BUILDER[lang])
        assert not page.locator("[data-jd-output]").is_visible() and not page.locator("[data-jd-actions]").is_visible()
        for section, other in (("#ready-made-smm", "#ready-made-cm"), ("#ready-made-cm", "#adapting")):
            block = page.evaluate(
                """([a, b]) => { let text = '', n = document.querySelector(a).nextElementSibling;
                               while (n && !n.matches(b)) { text += n.innerText + '\\n'; n = n.nextElementSibling; } return text; }""",
                [section, other],
            )
            assert block.count("\n") > 20, f"{lang} {section}: the ready-made description is too short:\n{block}"
    context.close()


@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize("answers, role", [(["launch", "ads"], "smm"), (["questions", "groups", "ugc"], "cm"),
                                           (["launch", "questions", "small"], "both")])
def test_the_helper_links_to_the_builder_with_the_role_chosen(page, served, lang, answers, role):
    open_helper(page, served, lang)
    for value in answers:
        page.check(f"form[data-role-helper] input[value='{value}']")
    link = page.locator(f"[data-role-result] a[href*='job-description/?role={role}']")
    assert link.count() == 1, page.inner_html("[data-role-result]")
    link.click()
    page.wait_for_selector("[data-jd-output] h3")
    assert page.is_checked(f"input[name=role][value={role}]")
    title = page.get_attribute("form[data-jd-builder]", f"data-title-{role}")
    assert page.inner_text("[data-jd-output] h3") == title
