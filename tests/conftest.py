"""Shared fixtures: the real site built once per run, and small fixture sites
built from the project's own mkdocs.yml with deliberately broken pages."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from sitecheck import ROOT, build_site, project_config  # noqa: E402

# A valid two-page site in both languages. Tests replace or remove single files.
FIXTURE_PAGES = {
    "ar/index.md": """\
        ---
        title: الصفحة الرئيسية
        description: صفحة اختبار عربية قصيرة.
        ---
        # الصفحة الرئيسية

        ## الجواب المختصر { #short-answer }

        يكتب مدير وسائل التواصل الاجتماعي المنشور الرسمي، ويحاور مدير المجتمع الجمهور. اقرأ [نبذة عن الدليل](about.md#licence).

        ### التفاصيل { #details }

        يستخدم المدير أداة هوتسويت (Hootsuite) لجدولة النشر ويتابع نسبة النقر إلى الظهور (CTR).
        """,
    "ar/about.md": """\
        ---
        title: عن الدليل
        description: نبذة عن الدليل.
        ---
        # عن الدليل

        ## الرخصة { #licence }

        المحتوى متاح للجميع. عودة إلى [الرئيسية](index.md#short-answer).
        """,
    "en/index.md": """\
        ---
        title: Home
        description: A short English test page.
        ---
        # Home

        ## The short answer { #short-answer }

        The Social Media Manager writes the official post; the Community Manager talks with the audience. Read [about the guide](about.md#licence).

        ### Details { #details }

        The manager schedules posts in Hootsuite and follows the click-through rate (CTR).
        """,
    "en/about.md": """\
        ---
        title: About
        description: About the guide.
        ---
        # About

        ## Licence { #licence }

        The content is open to everyone. Back to [home](index.md#short-answer).
        """,
}
FIXTURE_NAV = ["index.md", "about.md"]


class FixtureSite:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.docs_dir = root / "docs"
        self.site_dir = root / "site"
        for rel, text in FIXTURE_PAGES.items():
            self.write(rel, text)

    def write(self, rel: str, text: str) -> Path:
        path = self.docs_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    def edit(self, rel: str, old: str, new: str) -> None:
        path = self.docs_dir / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, f"fixture {rel} has no {old!r}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def remove(self, rel: str) -> None:
        (self.docs_dir / rel).unlink()

    def build(self, nav=None, site_url="https://example.org/guide/", search_paths=("about.md",), **overrides):
        """Build the fixture with the project's mkdocs.yml; `overrides` replace its settings."""
        if site_url:
            overrides["site_url"] = site_url
        # The guide's main paths offered when a search finds nothing must be pages of the
        # fixture's nav (hooks/search.py stops the build otherwise).
        extra = {**project_config()["extra"], "search_paths": list(search_paths)}
        return build_site(
            self.site_dir,
            docs_dir=str(self.docs_dir),
            nav=nav if nav is not None else FIXTURE_NAV,
            extra=extra,
            **overrides,
        )


@pytest.fixture
def fixture_site(tmp_path) -> FixtureSite:
    return FixtureSite(tmp_path)


@pytest.fixture
def built(fixture_site):
    """Build the fixture site (after a test has broken it) and insist that it built."""
    def run():
        result = fixture_site.build()
        assert result.error is None, result.error
        return result
    return run


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The real guide, built once in-process with the project's strict settings."""
    return build_site(tmp_path_factory.mktemp("site") / "site")


@pytest.fixture(scope="session")
def docs_dir() -> Path:
    return ROOT / "docs"
