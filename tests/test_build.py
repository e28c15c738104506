"""Check 1: the site builds in-process, strict, with zero warnings."""

from sitecheck import build_problems


def test_site_builds_strict_with_zero_warnings(site):
    problems = build_problems(site)
    assert not problems, "\n".join(problems)


def test_both_languages_are_built(site):
    assert (site.site_dir / "index.html").is_file(), "Arabic home page missing at the site root"
    assert (site.site_dir / "en" / "index.html").is_file(), "English home page missing under /en/"


def test_broken_link_fails_the_build(fixture_site):
    fixture_site.edit("en/about.md", "(index.md#short-answer)", "(missing-page.md)")
    result = fixture_site.build()
    problems = build_problems(result)
    assert any("missing-page.md" in p and "about.md" in p for p in problems), problems


def test_broken_anchor_fails_the_build(fixture_site):
    fixture_site.edit("ar/about.md", "(index.md#short-answer)", "(index.md#no-such-section)")
    problems = build_problems(fixture_site.build())
    assert any("no-such-section" in p for p in problems), problems


def test_missing_translation_fails_the_build_with_explicit_nav(fixture_site):
    # Without the explicit nav the page would be dropped silently; with
    # fallback_to_default it would be served in Arabic. Neither may happen.
    fixture_site.remove("en/about.md")
    problems = build_problems(fixture_site.build())
    assert any("about.md" in p for p in problems), problems


def test_valid_fixture_builds_clean(fixture_site):
    # Guards the checks above: they fail because of the breakage, not the fixture.
    result = fixture_site.build()
    assert build_problems(result) == []
