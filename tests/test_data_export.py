"""Issue 5: the versioned data export api/v1/guide.json and its JSON Schema."""

import copy
import json

import pytest
from jsonschema import Draft202012Validator

from linkcheck import EXPORT, SCHEMA, check_export, schema_problems


@pytest.fixture(scope="module")
def schema():
    return json.loads(SCHEMA.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def export(site):
    return json.loads((site.site_dir / EXPORT).read_text(encoding="utf-8"))


def test_schema_is_a_valid_draft_2020_12_schema(schema):
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


def test_export_is_valid_complete_and_resolves(site, docs_dir, schema):
    problems = check_export(site.site_dir, docs_dir, schema)
    assert not problems, "\n".join(problems)


def test_export_content(export, site):
    assert export["version"] == 1 and export["site_url"] == site.site_url
    assert [role["id"] for role in export["roles"]] == ["community-manager", "social-media-manager"]
    assert (len(export["skills"]), len(export["tools"]), len(export["hiring_triggers"])) == (14, 12, 10)
    smm = next(role for role in export["roles"] if role["id"] == "social-media-manager")
    assert "seo" in smm["skills"] and "hootsuite" in smm["tools"] and "discord" not in smm["tools"]
    assert smm["hiring"]["triggers"][0] == "launching-a-product"
    assert smm["url"]["en"] == site.site_url + "en/roles/social-media-manager/"
    trigger = next(t for t in export["hiring_triggers"] if t["id"] == "followers-to-fans")
    assert trigger["role"] == "community-manager"
    assert trigger["url"]["ar"] == site.site_url + "hiring/community-manager/#followers-to-fans"
    assert not trigger["description"]["en"].startswith("What it looks like")  # the bold label is left out
    ugc = next(term for term in export["glossary"] if term["id"] == "ugc")
    assert ugc["name"]["ar"] == "المحتوى الذي ينشئه المستخدمون (UGC)"
    assert ugc["description"]["en"].startswith("Content about a brand")


# --- broken exports fail ------------------------------------------------------------


def test_export_missing_a_required_field_fails_validation(export, schema):
    broken = copy.deepcopy(export)
    del broken["roles"][0]["url"]["en"]
    del broken["glossary"][3]["description"]
    problems = schema_problems(broken, schema)
    assert len(problems) == 2, problems
    assert problems[0].startswith("site/api/v1/guide.json: $.glossary[3]: 'description' is a required property")
    assert problems[1].startswith("site/api/v1/guide.json: $.roles[0].url: 'en' is a required property")
    assert all("hooks/links.py" in p for p in problems)


@pytest.mark.parametrize("path, value, message", [
    (("tools", 0, "url", "ar"), "tools/hootsuite/", "does not match"),
    (("skills", 0, "id"), "Active Listening", "does not match"),
    (("hiring_triggers", 0, "name", "en"), "", "should be non-empty"),
    (("version",), 2, "was expected"),
    (("roles", 1, "skills"), [], "should be non-empty"),
])
def test_export_with_a_wrong_value_fails_validation(export, schema, path, value, message):
    broken = copy.deepcopy(export)
    target = broken
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    problems = schema_problems(broken, schema)
    assert len(problems) == 1 and message in problems[0], problems


def test_export_with_a_dangling_reference_is_reported(site, docs_dir, schema, tmp_path, export):
    broken = copy.deepcopy(export)
    broken["roles"][0]["skills"].append("juggling")
    broken["glossary"].pop()
    broken["tools"][0]["url"]["en"] = site.site_url + "en/tools/no-such-tool/"
    (tmp_path / "api" / "v1").mkdir(parents=True)
    (tmp_path / EXPORT).write_text(json.dumps(broken), encoding="utf-8")
    for page in site.site_dir.iterdir():  # every page and folder of the site but the export
        if page.name != "api":
            (tmp_path / page.name).symlink_to(page)
    problems = check_export(tmp_path, docs_dir, schema)
    assert len(problems) == 3, problems
    assert "no-such-tool" in problems[0] and "unknown skill 'juggling'" in problems[1]
    assert problems[2].startswith("site/api/v1/guide.json: `glossary` lists")


def test_fixture_export_is_written(built):
    result = built()
    export = json.loads((result.site_dir / EXPORT).read_text(encoding="utf-8"))
    assert export["roles"] == [] and export["glossary"] == []  # a site without them still exports
