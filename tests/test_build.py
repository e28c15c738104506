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


def test_search_path_outside_the_nav_fails_the_build(fixture_site):
    """A page offered when a search finds nothing (extra.search_paths) must exist in the nav."""
    assert build_problems(fixture_site.build(search_paths=["about.md"])) == []
    problems = build_problems(fixture_site.build(search_paths=["about.md", "roles/missing.md"]))
    assert any("extra.search_paths" in p and "roles/missing.md" in p for p in problems), problems


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


def test_material_search_builds_no_lunr_index():
    """The header's search box needs Material's search plugin enabled, not its
    index: hooks/search.py detaches the events that build and write it."""
    from mkdocs.config import load_config

    from sitecheck import CONFIG_FILE

    config = load_config(str(CONFIG_FILE))
    config = config.plugins.on_config(config)
    plugin = config.plugins["material/search"]
    for event in ("page_context", "post_build"):
        owners = [getattr(method, "__self__", None) for method in config.plugins.events[event]]
        assert plugin not in owners, f"Material's search plugin still runs on_{event}"
    assert config.plugins.events["page_context"], "the other page_context handlers must stay"


def test_stylesheets_reach_readers_without_comments(site):
    """hooks/assets.py strips the comments of the project's stylesheets from the output."""
    from sitecheck import ROOT

    source = (ROOT / "overrides/assets/stylesheets/site.css").read_text(encoding="utf-8")
    built = (site.site_dir / "assets/stylesheets/site.css").read_text(encoding="utf-8")
    assert "/*" in source and "/*" not in built and "*/" not in built
    rules = [line.strip() for line in source.splitlines() if line.strip().endswith("{") and "/*" not in line]
    assert rules and all(rule in built for rule in rules), "a rule was lost with the comments"
