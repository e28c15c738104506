"""Issue 5: the link registry (links.json), the never-break contract with its
snapshot, redirects for moved pages in both languages, and the examples of the
"Link to this guide" page."""

import json

import pytest
import yaml

from linkcheck import (
    REGISTRY,
    UPDATE_COMMAND,
    check_code_examples,
    check_link_contract,
    check_registry,
    check_snapshot_is_current,
    follow,
    links_of,
    load_snapshot,
    record_snapshot,
)
from sitecheck import CONFIG_FILE, ROOT, _PlainLoader, build_problems

# --- the guide --------------------------------------------------------------------


def test_registry_lists_every_page_and_heading_in_both_languages(site, docs_dir):
    problems = check_registry(site.site_dir, docs_dir, site.site_url)
    assert not problems, "\n".join(problems)


def test_every_published_link_still_works(site):
    problems = check_link_contract(site.site_dir, load_snapshot())
    assert not problems, "\n".join(problems)


def test_snapshot_records_every_published_link(site):
    problems = check_snapshot_is_current(site.site_dir, load_snapshot())
    assert not problems, "\n".join(problems)


def test_copyable_examples_exist(site, docs_dir):
    problems = check_code_examples(site.site_dir, docs_dir)
    assert not problems, "\n".join(problems)


def test_registry_shape(site):
    registry = json.loads((site.site_dir / REGISTRY).read_text(encoding="utf-8"))
    assert registry["version"] == 1 and registry["languages"] == ["ar", "en"]
    assert registry["default_language"] == "ar" and registry["site_url"] == site.site_url
    glossary = next(p for p in registry["pages"] if p["path"] == "glossary.md")
    engagement = next(h for h in glossary["headings"] if h["id"] == "engagement")
    # data-toc-label is honoured: the Arabic text carries no English gloss
    assert engagement == {"id": "engagement", "level": 3, "text": {"ar": "التفاعل", "en": "Engagement"}}
    assert glossary["url"]["en"] == site.site_url + "en/glossary/"


def test_link_page_is_listed_after_the_glossary():
    with CONFIG_FILE.open(encoding="utf-8") as handle:
        nav = yaml.load(handle, Loader=_PlainLoader)["nav"]
    reference = next(item["Reference"] for item in nav if isinstance(item, dict) and "Reference" in item)
    assert reference.index("link-to-this-guide.md") == reference.index("glossary.md") + 1


def test_snapshot_refresh_is_documented():
    for name in ("README.md", "CONTRIBUTING.md"):
        assert UPDATE_COMMAND in (ROOT / name).read_text(encoding="utf-8"), f"{name}: document {UPDATE_COMMAND}"


# --- fixtures: a published link disappears ----------------------------------------


def build(fixture_site, nav=None, redirects=None):
    """Build the fixture site; `redirects` fills mkdocs-redirects' redirect_maps."""
    with CONFIG_FILE.open(encoding="utf-8") as handle:
        plugins = yaml.load(handle, Loader=_PlainLoader)["plugins"]
    plugins = [p for p in plugins if not (isinstance(p, dict) and "redirects" in p)]
    plugins.append({"redirects": {"redirect_maps": redirects or {}}})
    return fixture_site.build(nav=nav, plugins=plugins, search_paths=["index.md"])


@pytest.fixture
def published(fixture_site):
    """The fixture as it was published: its snapshot."""
    result = build(fixture_site)
    assert build_problems(result) == []
    snapshot, dropped = record_snapshot(result.site_dir, None)
    assert dropped == []
    return snapshot


def remove_about(fixture_site):
    for lang in ("ar", "en"):
        fixture_site.remove(f"{lang}/about.md")
    fixture_site.edit("ar/index.md", "اقرأ [نبذة عن الدليل](about.md#licence).", "")
    fixture_site.edit("en/index.md", "Read [about the guide](about.md#licence).", "")


def move_about_to_colophon(fixture_site):
    for lang in ("ar", "en"):
        text = (fixture_site.docs_dir / lang / "about.md").read_text(encoding="utf-8")
        fixture_site.write(f"{lang}/colophon.md", text)
    remove_about(fixture_site)


def test_snapshot_of_the_fixture(published):
    assert ("about.md", "en", "en/about/", "licence") in links_of(published)
    assert ("index.md", "ar", "", "details") in links_of(published)
    assert len(links_of(published)) == 10  # 2 pages x 2 languages, 3 ids per language


def test_valid_fixture_keeps_the_contract(fixture_site, published):
    result = build(fixture_site)
    assert check_link_contract(result.site_dir, published) == []
    assert check_snapshot_is_current(result.site_dir, published) == []
    assert check_registry(result.site_dir, result.docs_dir, result.site_url) == []


def test_removed_page_is_reported_in_both_languages(fixture_site, published):
    remove_about(fixture_site)
    result = build(fixture_site, nav=["index.md"])
    assert build_problems(result) == []
    problems = check_link_contract(result.site_dir, published)
    assert len(problems) == 2, problems
    assert problems[0].startswith("docs/ar/about.md: the published ar page about/ no longer exists")
    assert problems[1].startswith("docs/en/about.md: the published en page en/about/ no longer exists")
    assert all("redirect_maps" in p and UPDATE_COMMAND in p for p in problems)


def test_removed_heading_id_is_reported(fixture_site, published):
    for lang in ("ar", "en"):
        fixture_site.edit(f"{lang}/about.md", "{ #licence }", "{ #license }")
        fixture_site.edit(f"{lang}/index.md", "(about.md#licence)", "(about.md#license)")
    result = build(fixture_site)
    assert build_problems(result) == []
    problems = check_link_contract(result.site_dir, published)
    assert len(problems) == 2, problems
    assert problems[0].startswith("docs/ar/about.md: the published ar link about/#licence is broken")
    assert problems[1].startswith("docs/en/about.md: the published en link en/about/#licence is broken")
    assert all("{ #licence }" in p for p in problems)


def test_renamed_heading_that_keeps_its_old_id_as_an_anchor_is_accepted(fixture_site, published):
    for lang in ("ar", "en"):
        fixture_site.edit(f"{lang}/about.md", "{ #licence }", '{ #license }\n\n<span id="licence"></span>')
        fixture_site.edit(f"{lang}/index.md", "(about.md#licence)", "(about.md#license)")
    result = build(fixture_site)
    assert build_problems(result) == []
    assert check_link_contract(result.site_dir, published) == []


def test_moved_page_with_a_redirect_is_accepted(fixture_site, published):
    move_about_to_colophon(fixture_site)
    result = build(fixture_site, nav=["index.md", "colophon.md"], redirects={"about.md": "colophon.md"})
    assert build_problems(result) == [], "redirects must build under strict, with zero warnings"
    assert check_link_contract(result.site_dir, published) == []
    # one language-neutral entry redirects each language to its own page
    for old, new in (("about/", "colophon/"), ("en/about/", "en/colophon/")):
        target = follow(result.site_dir, old)
        assert target.redirected and target.url == new and target.html is not None


def test_redirect_stubs_are_not_content_pages(fixture_site):
    from sitecheck import built_pages, check_html_language, check_links, check_wrong_language

    move_about_to_colophon(fixture_site)
    result = build(fixture_site, nav=["index.md", "colophon.md"], redirects={"about.md": "colophon.md"})
    assert all("about" not in page.rel for page in built_pages(result.site_dir, result.docs_dir))
    assert check_links(result.site_dir, result.docs_dir, result.site_url) == []
    assert check_html_language(result.site_dir, result.docs_dir) == []
    assert check_wrong_language(result.site_dir, result.docs_dir) == []


def test_registry_lists_redirects_in_both_languages(fixture_site):
    move_about_to_colophon(fixture_site)
    result = build(fixture_site, nav=["index.md", "colophon.md"], redirects={"about.md": "colophon.md#licence"})
    registry = json.loads((result.site_dir / REGISTRY).read_text(encoding="utf-8"))
    assert registry["redirects"] == [{
        "from": {"ar": "https://example.org/guide/about/", "en": "https://example.org/guide/en/about/"},
        "to": {"ar": "https://example.org/guide/colophon/#licence",
               "en": "https://example.org/guide/en/colophon/#licence"},
    }]


def test_redirect_to_a_page_without_the_old_ids_is_reported(fixture_site, published):
    remove_about(fixture_site)
    result = build(fixture_site, nav=["index.md"], redirects={"about.md": "index.md"})
    assert build_problems(result) == []
    problems = check_link_contract(result.site_dir, published)
    assert len(problems) == 2, problems
    assert "about/#licence (redirected to (home page)) is broken" in problems[0]


def test_redirect_to_a_missing_page_fails_the_strict_build(fixture_site):
    remove_about(fixture_site)
    result = build(fixture_site, nav=["index.md"], redirects={"about.md": "colophon.md"})
    assert any("Redirect target 'colophon.md' does not exist" in p for p in build_problems(result))


def test_redirect_over_an_existing_page_fails_the_strict_build(fixture_site):
    result = build(fixture_site, redirects={"about.md": "index.md"})
    problems = build_problems(result)
    assert any("'about.md' is still a page" in p for p in problems), problems


def test_new_links_must_be_recorded(fixture_site, published):
    for lang, section in (("ar", "## الشكر { #thanks }\n\nشكرًا.\n"), ("en", "## Thanks { #thanks }\n\nThank you.\n")):
        path = fixture_site.docs_dir / lang / "about.md"
        path.write_text(path.read_text(encoding="utf-8") + "\n" + section, encoding="utf-8")
    result = build(fixture_site)
    problems = check_snapshot_is_current(result.site_dir, published)
    assert len(problems) == 2, problems
    assert "about/#thanks" in problems[0] and UPDATE_COMMAND in problems[0]


def test_update_keeps_redirected_links_and_drops_broken_ones(fixture_site, published):
    move_about_to_colophon(fixture_site)
    for lang in ("ar", "en"):
        fixture_site.edit(f"{lang}/index.md", "{ #details }", "{ #more }")
    result = build(fixture_site, nav=["index.md", "colophon.md"], redirects={"about.md": "colophon.md"})
    snapshot, dropped = record_snapshot(result.site_dir, published)
    links = links_of(snapshot)
    assert ("about.md", "en", "en/about/", "licence") in links  # still works, through the redirect
    assert ("colophon.md", "ar", "colophon/", "licence") in links  # newly published
    assert sorted(dropped) == [("index.md", "ar", "", "details"), ("index.md", "en", "en/", "details")]
    assert check_link_contract(result.site_dir, snapshot) == []
