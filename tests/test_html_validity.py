"""Valid HTML: every built page of both languages through the W3C Nu HTML
Checker (vnu.jar 26.9.27 from npm, package.json; Java 17). Errors fail the test
unless tests/data/html-allowlist.yml lists them, with the reason they stay."""

from __future__ import annotations

import os
import shutil

import pytest

from sitecheck import VNU_JAR, check_html_validity, html_allowlist


@pytest.fixture(scope="module")
def checker():
    missing = [what for what, ok in (("java", shutil.which("java")), (str(VNU_JAR), VNU_JAR.is_file())) if not ok]
    if missing:
        message = f"the HTML checker needs {' and '.join(missing)}: run `npm ci` (and install Java 17)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return VNU_JAR


def test_every_page_is_valid_html(checker, site, docs_dir):
    problems = check_html_validity(site.site_dir, docs_dir, checker)
    assert not problems, f"{len(problems)} HTML error(s):\n" + "\n".join(problems)


def test_every_allowlisted_message_has_its_reason():
    for entry in html_allowlist():
        assert entry.get("message") and entry.get("template") and len(entry.get("reason", "")) > 40, entry


def test_invalid_html_is_reported_with_its_page_and_line(checker, fixture_site, built):
    fixture_site.edit("en/about.md", "The content is open to everyone.",
                      '<div aria-label="note">The content is open to everyone.</div>')
    problems = check_html_validity(built().site_dir, fixture_site.docs_dir, checker)
    assert len(problems) == 1, problems
    assert problems[0].startswith("docs/en/about.md (built as site/en/about/index.html):")
    assert "“aria-label” attribute must not be specified on any “div” element" in problems[0]


def test_an_allowlisted_message_is_not_reported(checker, fixture_site, built):
    fixture_site.edit("en/about.md", "The content is open to everyone.",
                      '<div aria-label="note">The content is open to everyone.</div>')
    allowlist = html_allowlist() + [{"message": "“aria-label” attribute must not be specified"}]
    assert check_html_validity(built().site_dir, fixture_site.docs_dir, checker, allowlist) == []
