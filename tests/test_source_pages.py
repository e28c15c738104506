"""Checks 2 and 3 on the Markdown sources: parity, front matter, heading ids."""

import pytest

from sitecheck import check_front_matter, check_heading_ids, check_parity, pages


def test_both_languages_have_pages(docs_dir):
    assert pages(docs_dir, "ar") and pages(docs_dir, "en")


@pytest.mark.parametrize("check", [check_parity, check_front_matter, check_heading_ids])
def test_guide_sources(check, docs_dir):
    problems = check(docs_dir)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("check", [check_parity, check_front_matter, check_heading_ids])
def test_valid_fixture_passes(check, fixture_site):
    assert check(fixture_site.docs_dir) == []


def test_missing_translation_is_reported(fixture_site):
    fixture_site.remove("ar/about.md")
    problems = check_parity(fixture_site.docs_dir)
    assert len(problems) == 1
    assert "docs/en/about.md" in problems[0] and "docs/ar/about.md does not exist" in problems[0]


def test_mismatched_heading_ids_are_reported(fixture_site):
    fixture_site.edit("ar/index.md", "{ #details }", "{ #more-details }")
    problems = check_parity(fixture_site.docs_dir)
    assert len(problems) == 1
    assert "h3 #more-details is only in" in problems[0] and "h3 #details is only in" in problems[0]


def test_heading_at_another_level_is_reported(fixture_site):
    fixture_site.edit("en/index.md", "### Details { #details }", "## Details { #details }")
    problems = check_parity(fixture_site.docs_dir)
    assert len(problems) == 1 and "h2 #details" in problems[0]


def test_missing_front_matter_is_reported(fixture_site):
    fixture_site.write("en/about.md", "# About\n\n## Licence { #licence }\n\nOpen to all.\n")
    problems = check_front_matter(fixture_site.docs_dir)
    assert any("en/about.md:1" in p and '"title"' in p for p in problems), problems
    assert any("en/about.md:1" in p and '"description"' in p for p in problems), problems


def test_long_description_is_reported(fixture_site):
    fixture_site.edit("en/about.md", "description: About the guide.", "description: " + "x" * 161)
    problems = check_front_matter(fixture_site.docs_dir)
    assert len(problems) == 1 and "161 characters" in problems[0]


def test_invalid_front_matter_yaml_is_reported(fixture_site):
    fixture_site.edit("ar/about.md", "title: عن الدليل", "title: [عن الدليل")
    problems = check_front_matter(fixture_site.docs_dir)
    assert any("ar/about.md:1" in p for p in problems), problems


def test_heading_without_id_is_reported_with_line(fixture_site):
    fixture_site.edit("ar/about.md", "## الرخصة { #licence }", "## الرخصة")
    problems = check_heading_ids(fixture_site.docs_dir)
    assert len(problems) == 1
    assert problems[0].startswith("docs/ar/about.md:7: heading \"## الرخصة\" has no explicit id")
    assert "docs/en/about.md" in problems[0]


def test_non_ascii_id_is_reported(fixture_site):
    fixture_site.edit("ar/about.md", "{ #licence }", "{ #الرخصة }")
    problems = check_heading_ids(fixture_site.docs_dir)
    assert problems and "not ASCII kebab-case" in problems[0]


def test_upper_case_id_is_reported(fixture_site):
    fixture_site.edit("en/about.md", "{ #licence }", "{ #Licence_Terms }")
    problems = check_heading_ids(fixture_site.docs_dir)
    assert len(problems) == 1 and "en/about.md:7" in problems[0]


def test_duplicate_id_is_reported(fixture_site):
    fixture_site.edit("en/index.md", "{ #details }", "{ #short-answer }")
    problems = check_heading_ids(fixture_site.docs_dir)
    assert len(problems) == 2 and all("used 2 times" in p for p in problems)


def test_heading_inside_code_block_is_not_a_heading(fixture_site):
    fixture_site.edit(
        "en/about.md", "The content", "```markdown\n## Not a heading\n```\n\nThe content"
    )
    assert check_heading_ids(fixture_site.docs_dir) == []


def test_shared_front_matter_that_differs_is_reported(fixture_site):
    fixture_site.edit("ar/about.md", "description: نبذة عن الدليل.", "description: نبذة عن الدليل.\nroles: [community-manager]")
    fixture_site.edit("en/about.md", "description: About the guide.", "description: About the guide.\nroles: [social-media-manager]")
    problems = check_parity(fixture_site.docs_dir)
    assert len(problems) == 1
    assert "docs/ar/about.md and docs/en/about.md: front matter `roles` differs" in problems[0]


@pytest.mark.parametrize("scripts,check,expected", [
    ("[role-helper]", check_parity, "docs/ar/about.md and docs/en/about.md: front matter `scripts` differs"),
    ("[role-helpr]", check_front_matter, "en/about.md:1: front matter `scripts` names \"role-helpr\", "
                                         "but overrides/assets/javascripts/role-helpr.js does not exist"),
    ("role-helper", check_front_matter, "en/about.md:1: front matter `scripts` must be a list of script names"),
])
def test_wrong_page_scripts_are_reported(fixture_site, scripts, check, expected):
    """`scripts:` (only in English here) must name existing files, identically in both languages."""
    fixture_site.edit("en/about.md", "description: About the guide.", f"description: About the guide.\nscripts: {scripts}")
    problems = [p for p in check(fixture_site.docs_dir) if "scripts" in p]
    assert len(problems) == 1 and expected in problems[0], problems
