"""Issue 3 checks: preferred Arabic terms, the brief's facts in both languages,
minimum depth, glossary completeness."""

import pytest

from sitecheck import (
    check_coverage,
    check_depth,
    check_terminology,
    load_coverage,
    read_source,
    terminology,
)


def test_arabic_pages_use_preferred_terms(site, docs_dir):
    problems = check_terminology(site.site_dir, docs_dir)
    assert not problems, "\n".join(problems)


def test_every_fact_of_the_brief_is_on_its_page_in_both_languages(site, docs_dir):
    items = load_coverage()
    assert len(items) >= 40, "tests/data/coverage/ should map every fact of the brief"
    problems = check_coverage(site.site_dir, docs_dir, items)
    assert not problems, "\n".join(problems)


def test_pages_are_deep_enough_and_have_no_empty_section(site, docs_dir):
    problems = check_depth(site.site_dir, docs_dir)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_glossary_has_every_term_with_its_id(lang, docs_dir):
    page = read_source(docs_dir, lang, "glossary.md")
    ids = {h.id: h for h in page.headings}
    missing = [t["glossary"] for t in terminology()["terms"] if t["glossary"] not in ids]
    assert not missing, f"docs/{lang}/glossary.md: add a heading for each term, ids missing: {missing}"
    if lang == "ar":
        wrong = []
        for term in terminology()["terms"]:
            preferred = term["ar"].split("/")[0].split("(")[0].strip()
            if preferred not in ids[term["glossary"]].text:
                wrong.append(f"#{term['glossary']}: «{ids[term['glossary']].text}» should name «{preferred}»")
        assert not wrong, "docs/ar/glossary.md: " + "; ".join(wrong)


# --- the checks catch broken input -------------------------------------------------


def test_valid_fixture_passes_content_checks(built):
    result = built()
    assert check_terminology(result.site_dir, result.docs_dir) == []
    assert check_depth(result.site_dir, result.docs_dir, {"about": 5}) == []


def test_discouraged_arabic_term_is_reported(fixture_site, built):
    fixture_site.edit("ar/about.md", "المحتوى متاح للجميع.", "المحتوى متاح لكل من يعمل في السوشيال ميديا.")
    problems = check_terminology(built().site_dir, fixture_site.docs_dir)
    assert len(problems) == 1
    assert problems[0].startswith("docs/ar/about.md") and "«وسائل التواصل الاجتماعي»" in problems[0]


def test_discouraged_term_with_diacritics_and_prefix_is_reported(fixture_site, built):
    fixture_site.edit("ar/about.md", "المحتوى متاح للجميع.", "نقيس عائدَ الإستثمار وبالبراند.")
    problems = check_terminology(built().site_dir, fixture_site.docs_dir)
    assert len(problems) == 2, problems


def test_missing_fact_is_reported(fixture_site, built):
    result = built()
    items = [
        {"fact": "CM is the first line of defence", "page": "index.md", "map": "x.yml",
         "en": ["first line of defence"], "ar": ["خط الدفاع الأول"]},
        {"fact": "SMM writes the official post", "page": "index.md", "map": "x.yml",
         "en": ["official post"], "ar": ["المنشور الرسمي"]},
    ]
    problems = check_coverage(result.site_dir, result.docs_dir, items)
    assert len(problems) == 2
    assert problems[0].startswith("docs/ar/index.md: the fact \"CM is the first line of defence\"")
    assert problems[1].startswith("docs/en/index.md")


def test_coverage_of_a_page_that_does_not_exist_is_reported(fixture_site, built):
    result = built()
    items = [{"fact": "f", "page": "nowhere.md", "map": "x.yml", "en": ["a"], "ar": ["ب"]}]
    assert len(check_coverage(result.site_dir, result.docs_dir, items)) == 2


def test_thin_page_is_reported(built):
    problems = check_depth(built().site_dir, built().docs_dir, {"about": 50})
    assert len(problems) == 2 and all("about.md" in p and "words" in p for p in problems)


def test_empty_section_is_reported(fixture_site, built):
    for lang, heading in (("en", "## Empty { #empty }"), ("ar", "## فارغ { #empty }")):
        path = fixture_site.docs_dir / lang / "index.md"
        path.write_text(path.read_text(encoding="utf-8") + "\n" + heading + "\n", encoding="utf-8")
    problems = check_depth(built().site_dir, fixture_site.docs_dir, {})
    assert len(problems) == 2, problems
    assert all("index.md#empty: section" in p for p in problems)
