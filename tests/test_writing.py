"""The rules of WRITING.md that a test can hold: calques and loanwords in Arabic
prose, Latin names in brackets once per page, one name per skill, review dates
and Sources on pages whose facts go stale, external links without tracking.
Each on the real guide and on a fixture site that breaks it."""

from __future__ import annotations

import datetime
import warnings

import pytest

from sitecheck import (
    check_bracketed_names,
    check_legal_notice,
    check_links,
    check_loanword_marks,
    check_review_dates,
    check_skill_link_names,
    check_sources,
    check_terminology,
)

TODAY = datetime.date(2026, 12, 1)


# --- the real guide ------------------------------------------------------------------


@pytest.mark.parametrize("check", [
    check_bracketed_names, check_skill_link_names, check_loanword_marks, check_sources, check_legal_notice,
])
def test_guide(check, site, docs_dir):
    problems = check(site.site_dir, docs_dir)
    assert not problems, "\n".join(problems)


def test_guide_review_dates(docs_dir):
    problems, stale = check_review_dates(docs_dir)
    for message in stale:  # reported, not failed: someone should check the page again
        warnings.warn(message)
    assert not problems, "\n".join(problems)


# --- terminology: calques and loanwords ---------------------------------------------


@pytest.mark.parametrize("text, reported, advice", [
    ("يقف مدير المجتمع في خط الدفاع الأول.", "خط الدفاع الأول", "واجهة العلامة الأولى أمام عملائها"),
    ("ارتفع الريتش هذا الشهر.", "الريتش", "«الوصول»"),
    ("نكتب بأسلوب واحد إلى كثير.", "واحد إلى كثير", "«خطاب جماهيري (من واحد إلى كثيرين)»"),
    ("قرأنا الانطباعات في التقرير.", "الانطباعات", "«مرات الظهور»"),
])
def test_calque_or_loanword_is_reported_with_its_line(fixture_site, built, text, reported, advice):
    fixture_site.edit("ar/about.md", "المحتوى متاح للجميع.", text)
    problems = check_terminology(built().site_dir, fixture_site.docs_dir)
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"docs/ar/about.md:9: uses «{reported}»"), problems[0]
    assert advice in problems[0]


def test_correct_forms_are_not_reported(fixture_site, built):
    fixture_site.edit(
        "ar/about.md", "المحتوى متاح للجميع.",
        "خطاب جماهيري (من واحد إلى كثيرين)، ونقيس العائد على الاستثمار ومرات الظهور.",
    )
    assert check_terminology(built().site_dir, fixture_site.docs_dir) == []


def test_marked_loanword_is_taught_in_the_glossary_only(fixture_site, built):
    fixture_site.edit("ar/about.md", "المحتوى متاح للجميع.", 'يسميه السوق <span data-loanword>«الريتش»</span>.')
    result = built()
    assert check_terminology(result.site_dir, fixture_site.docs_dir) == []  # marked: taught, not used
    assert check_loanword_marks(result.site_dir, fixture_site.docs_dir, allowed=("about.md",)) == []
    problems = check_loanword_marks(result.site_dir, fixture_site.docs_dir)
    assert len(problems) == 1 and problems[0].startswith("docs/ar/about.md") and "«الريتش»" in problems[0]


# --- names ---------------------------------------------------------------------------


def test_latin_name_bracketed_twice_is_reported(fixture_site, built):
    fixture_site.edit("ar/about.md", "المحتوى متاح للجميع.", "نستعمل هوتسويت (Hootsuite) وبافر (Buffer).")
    result = built()
    assert check_bracketed_names(result.site_dir, fixture_site.docs_dir) == []
    fixture_site.edit("ar/index.md", "لجدولة النشر", "وهوتسويت (Hootsuite) مرة أخرى لجدولة النشر")
    problems = check_bracketed_names(built().site_dir, fixture_site.docs_dir)
    assert len(problems) == 1 and problems[0].startswith("docs/ar/index.md") and "(Hootsuite) ×2" in problems[0]


SKILL = {
    "ar/skills/communication.md": "---\ntitle: التواصل\ndescription: مهارة التواصل.\n---\n# التواصل\n\nنص المهارة.\n",
    "en/skills/communication.md": "---\ntitle: Communication\ndescription: A skill.\n---\n# Communication\n\nText.\n",
}


def test_link_to_a_skill_must_read_its_canonical_name(fixture_site, built):
    for rel, text in SKILL.items():
        fixture_site.write(rel, text)
    fixture_site.edit("ar/about.md", "المحتوى متاح للجميع.", "تحتاج إلى [التواصل](skills/communication.md).")
    nav = ["index.md", "about.md", "skills/communication.md"]
    result = fixture_site.build(nav=nav)
    assert check_skill_link_names(result.site_dir, fixture_site.docs_dir) == []
    fixture_site.edit("ar/about.md", "[التواصل]", "[التواصل الإنساني الممتاز]")
    result = fixture_site.build(nav=nav)
    problems = check_skill_link_names(result.site_dir, fixture_site.docs_dir)
    assert len(problems) == 1, problems
    assert problems[0].startswith("docs/ar/about.md: link «التواصل الإنساني الممتاز» to skills/communication.md")
    assert "should read «التواصل»" in problems[0]


# --- review dates and sources ------------------------------------------------------


def tool_page(lang: str, reviewed: str = "2026-11-20", website: str = "https://www.hootsuite.com/",
              source: str = "https://help.hootsuite.com/hc/en-us/articles/1") -> str:
    title, heading, text = {
        "ar": ("هوتسويت (Hootsuite)", "المصادر", "مركز مساعدة هوتسويت"),
        "en": ("Hootsuite", "Sources", "Hootsuite help centre"),
    }[lang]
    return (
        f"---\ntitle: {title}\ndescription: x.\nreviewed: {reviewed}\nwebsite: {website}\n---\n# {title}\n\n"
        f"## {heading} {{ #sources }}\n\n- [{text}]({source})\n"
    )


def write_tool(fixture_site, **fields):
    for lang in ("ar", "en"):
        fixture_site.write(f"{lang}/tools/hootsuite.md", tool_page(lang, **fields))


def test_tool_page_with_date_and_vendor_source_passes(fixture_site):
    write_tool(fixture_site)
    result = fixture_site.build(nav=["index.md", "about.md", "tools/hootsuite.md"])
    assert check_review_dates(fixture_site.docs_dir, TODAY) == ([], [])
    assert check_sources(result.site_dir, fixture_site.docs_dir) == []


@pytest.mark.parametrize("reviewed, message", [
    ("'1 December 2026'", "`reviewed: 1 December 2026` is not a date"),
    ("2027-01-05", "`reviewed: 2027-01-05` is in the future"),
])
def test_wrong_review_date_is_reported(fixture_site, reviewed, message):
    write_tool(fixture_site, reviewed=reviewed)
    problems, _ = check_review_dates(fixture_site.docs_dir, TODAY)
    assert len(problems) == 2 and all(message in p for p in problems), problems
    assert problems[0].startswith("docs/ar/tools/hootsuite.md:1") and problems[1].startswith("docs/en/tools/hootsuite.md:1")


def test_missing_review_date_is_reported(fixture_site):
    write_tool(fixture_site)
    fixture_site.edit("en/tools/hootsuite.md", "reviewed: 2026-11-20\n", "")
    problems, _ = check_review_dates(fixture_site.docs_dir, TODAY)
    assert len(problems) == 1 and problems[0].startswith("docs/en/tools/hootsuite.md:1: front matter has no `reviewed`")


def test_old_review_date_is_a_warning_not_a_problem(fixture_site):
    write_tool(fixture_site, reviewed="2025-10-01")
    problems, stale = check_review_dates(fixture_site.docs_dir, TODAY)
    assert problems == [] and len(stale) == 1 and "tools/hootsuite.md: last reviewed 2025-10-01, 426 days ago" in stale[0]


def test_tool_page_without_a_vendor_source_is_reported(fixture_site):
    write_tool(fixture_site, source="https://example.com/review-of-hootsuite")
    result = fixture_site.build(nav=["index.md", "about.md", "tools/hootsuite.md"])
    problems = check_sources(result.site_dir, fixture_site.docs_dir)
    assert len(problems) == 2 and all("no Sources link to hootsuite.com" in p for p in problems), problems


def test_regional_page_with_too_few_sources_is_reported(fixture_site):
    for lang, title in (("ar", "الأسواق العربية"), ("en", "Arab markets")):
        fixture_site.write(
            f"{lang}/arab-markets/calendar.md",
            f"---\ntitle: {title}\ndescription: x.\nreviewed: 2026-11-20\n---\n# {title}\n\n"
            "[1](https://a.example/1) [2](https://b.example/2) [2](https://b.example/2#again)\n",
        )
    result = fixture_site.build(nav=["index.md", "about.md", "arab-markets/calendar.md"])
    problems = check_sources(result.site_dir, fixture_site.docs_dir)
    assert len(problems) == 2 and all("cites 2 external source(s)" in p for p in problems), problems


@pytest.mark.parametrize("link, message", [
    ("[مصدر](https://example.com/page?utm_source=guide&x=1)", "carries tracking parameters (utm_source=)"),
    ('<a href="https://example.com/page" target="_blank">مصدر</a>', 'opens with target="_blank"'),
])
def test_external_link_with_tracking_or_new_tab_is_reported(fixture_site, built, link, message):
    fixture_site.edit("ar/about.md", "المحتوى متاح للجميع.", f"المحتوى متاح للجميع، انظر {link}.")
    result = built()
    problems = check_links(result.site_dir, fixture_site.docs_dir, result.site_url)
    assert len(problems) == 1 and problems[0].startswith("docs/ar/about.md") and message in problems[0], problems


REGULATION = {
    "ar": ("التنظيم", "ملخص للتوجيه، لا استشارة قانونية.", "موثوق"),
    "en": ("Regulation", "A summary for orientation, not legal advice.", "Mawthooq"),
}


def write_regulation(fixture_site, notice=True, reviewed=True):
    for lang, (title, text, heading) in REGULATION.items():
        warning = f'!!! warning "{text}"\n    {text}\n\n' if notice else ""
        date = "reviewed: 2026-11-20\n" if reviewed else ""
        fixture_site.write(
            f"{lang}/arab-markets/regulation.md",
            f"---\ntitle: {title}\ndescription: x.\n{date}---\n# {title}\n\n{warning}## {heading} {{ #saudi-arabia }}\n\n{text}\n",
        )
    return fixture_site.build(nav=["index.md", "about.md", "arab-markets/regulation.md"])


def test_regulation_page_with_notice_and_date_passes(fixture_site):
    result = write_regulation(fixture_site)
    assert check_legal_notice(result.site_dir, fixture_site.docs_dir) == []


@pytest.mark.parametrize("notice, reviewed, message", [
    (False, True, "no legal notice before the first section"),
    (True, False, "no review date under the title"),
])
def test_regulation_page_without_notice_or_date_is_reported(fixture_site, notice, reviewed, message):
    result = write_regulation(fixture_site, notice=notice, reviewed=reviewed)
    problems = check_legal_notice(result.site_dir, fixture_site.docs_dir)
    assert len(problems) == 2 and all(message in p for p in problems), problems
    assert problems[0].startswith("docs/ar/arab-markets/regulation.md")
