"""The guide's tools, built from front matter by hooks/guide_tools.py: tool and
skill index lists, tags by role and purpose in the page language, glossary
tooltips. Each on the real guide and on a fixture site that breaks it."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from sitecheck import ARABIC_CHARS, ROOT, build_problems, check_tool_data, pages, read_source, stray_latin

DATA_DIR = ROOT / "hooks" / "data"


def soup(site_dir: Path, rel: str) -> BeautifulSoup:
    return BeautifulSoup((site_dir / rel).read_text(encoding="utf-8"), "lxml")


def built_rel(lang: str, path: str) -> str:
    """tools/index.md -> tools/index.html; tools/x.md -> en/tools/x/index.html"""
    stem = path.removesuffix(".md").removesuffix("index").rstrip("/")
    return ("en/" if lang == "en" else "") + (f"{stem}/" if stem else "") + "index.html"


# ---------------------------------------------------------------------------
# Data files
# ---------------------------------------------------------------------------


def test_tool_data_of_the_guide(docs_dir):
    problems = check_tool_data(DATA_DIR, docs_dir)
    assert not problems, "\n".join(problems)


def test_missing_label_in_data_is_reported(tmp_path, fixture_site):
    for lang in ("ar", "en"):
        (tmp_path / lang).mkdir()
        (tmp_path / lang / "abbreviations.yml").write_text("{}\n", encoding="utf-8")
        (tmp_path / lang / "labels.yml").write_text("reviewed: x\n", encoding="utf-8")
    (tmp_path / "ar" / "tags.yml").write_text("publishing: النشر\n", encoding="utf-8")
    (tmp_path / "en" / "tags.yml").write_text("publishing: Publishing\nsearch: Search\n", encoding="utf-8")
    fixture_site.write("en/about.md", "---\ntitle: About\ndescription: About.\ntags:\n  - moderation\n---\n# About\n")
    problems = check_tool_data(tmp_path, fixture_site.docs_dir)
    assert any(p.startswith("hooks/data/ar/tags.yml: no label for the id 'search'") for p in problems), problems
    assert any(p.startswith("docs/en/about.md:1: `tags` id 'moderation'") for p in problems), problems


# ---------------------------------------------------------------------------
# Generated index lists
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("section", ["tools", "skills"])
@pytest.mark.parametrize("lang", ["ar", "en"])
def test_index_lists_every_page_of_its_section(site, docs_dir, section, lang):
    article = soup(site.site_dir, built_rel(lang, f"{section}/index.md")).select_one("article")
    links = {a.get("href"): a.get_text().strip() for a in article.select("li > a")}
    missing = []
    for rel in pages(docs_dir, lang):
        if not rel.startswith(f"{section}/") or rel.endswith("index.md"):
            continue
        page = read_source(docs_dir, lang, rel)
        href = rel.split("/", 1)[1].removesuffix(".md") + "/"
        if links.get(href) != page.meta["title"]:
            missing.append(f"{page.rel()} ({page.meta['title']}, {href})")
    assert not missing, f"docs/{lang}/{section}/index.md does not list: {missing}"


def test_index_keeps_its_prose_and_heading_ids(site):
    for lang in ("ar", "en"):
        article = soup(site.site_dir, built_rel(lang, "tools/index.md")).select_one("article")
        ids = [h.get("id") for h in article.select("h2, h3")]
        assert ids == [
            "social-media-manager", "publishing-and-analytics", "paid-campaigns", "community-manager",
            "direct-interaction", "listening-and-feedback", "tools-reflect-goals", "choosing-tools",
        ], ids
        # Khoros (main purpose: listening) is listed under listening, not direct interaction.
        listening = article.select_one("#listening-and-feedback").find_next("ul")
        assert "khoros/" in [a["href"] for a in listening.select("a")]


INDEX = {
    "ar/tools/index.md": """\
        ---
        title: الأدوات
        description: أدوات الدورين.
        ---
        # الأدوات

        ## أدوات النشر { #publishing }

        أدوات النشر والجدولة.

        <!-- guide-list roles="social-media-manager" purpose="publishing" -->
        """,
    "en/tools/index.md": """\
        ---
        title: Tools
        description: The tools of both roles.
        ---
        # Tools

        ## Publishing tools { #publishing }

        Publishing and scheduling tools.

        <!-- guide-list roles="social-media-manager" purpose="publishing" -->
        """,
}
TOOL = {
    "ar": ("بافر (Buffer)", "أداة لجدولة المنشورات."),
    "en": ("Buffer", "A tool for scheduling posts."),
}


def add_tool(fixture_site, first_tag="publishing", extra_tag="scheduling"):
    for rel, text in INDEX.items():
        fixture_site.write(rel, text)
    for lang, (title, description) in TOOL.items():
        fixture_site.write(f"{lang}/tools/buffer.md", f"""\
            ---
            title: {title}
            description: {description}
            roles:
              - social-media-manager
            tags:
              - {first_tag}
              - {extra_tag}
            ---
            # {title}

            {description}
            """)


NAV = ["index.md", "about.md", "tools/index.md", "tools/buffer.md"]


def test_new_tool_page_appears_in_its_index_in_both_languages(fixture_site):
    add_tool(fixture_site)
    result = fixture_site.build(nav=NAV)
    assert build_problems(result) == []
    for lang, (title, description) in TOOL.items():
        item = soup(result.site_dir, built_rel(lang, "tools/index.md")).select_one("article li")
        assert item is not None, f"{lang}: the tools index has no list"
        assert " ".join(item.a.get_text().split()) == title and item.a["href"] == "buffer/"
        assert description in item.get_text()


def test_tool_page_no_marker_lists_fails_the_build(fixture_site):
    add_tool(fixture_site, first_tag="moderation")
    problems = build_problems(fixture_site.build(nav=NAV))
    assert any("docs/ar/tools/buffer.md: not listed on docs/ar/tools/index.md" in p for p in problems), problems
    assert any("docs/en/tools/buffer.md: not listed on docs/en/tools/index.md" in p for p in problems), problems


def test_tag_without_label_fails_the_build(fixture_site):
    add_tool(fixture_site, extra_tag="no-such-tag")
    problems = build_problems(fixture_site.build(nav=NAV))
    assert any("docs/en/tools/buffer.md: no en label for the tag(s) no-such-tag" in p for p in problems), problems


# ---------------------------------------------------------------------------
# Tags by role and purpose
# ---------------------------------------------------------------------------


def test_tag_chips_show_roles_and_purposes_in_the_page_language(site, docs_dir):
    for lang in ("ar", "en"):
        page = read_source(docs_dir, lang, "tools/khoros.md")
        chips = soup(site.site_dir, built_rel(lang, "tools/khoros.md")).select(".md-tags a.md-tag")
        hrefs = [a["href"].rsplit("#", 1)[1] for a in chips]
        assert sorted(hrefs) == sorted(f"tag-{t}" for t in page.meta["roles"] + page.meta["tags"]), hrefs
        texts = [a.get_text(strip=True) for a in chips]
        if lang == "ar":
            assert all(ARABIC_CHARS.search(t) and not stray_latin(t) for t in texts), texts
        else:
            assert not any(ARABIC_CHARS.search(t) for t in texts) and "Community Manager" in texts, texts


def test_tags_index_has_the_same_ids_in_both_languages(site):
    ids = {}
    for lang in ("ar", "en"):
        article = soup(site.site_dir, built_rel(lang, "tags.md")).select_one("article")
        headings = article.select("h2[id^=tag-]")
        ids[lang] = [h["id"] for h in headings]
        assert "tag-community-manager" in ids[lang] and "tag-social-listening" in ids[lang]
        labels = [h.get_text(" ", strip=True) for h in headings]
        if lang == "ar":
            assert all(not stray_latin(label) for label in labels), labels
    assert ids["ar"] == ids["en"]


# ---------------------------------------------------------------------------
# Glossary tooltips
# ---------------------------------------------------------------------------


def test_glossary_terms_have_tooltips_in_the_page_language(site):
    for lang in ("ar", "en"):
        article = soup(site.site_dir, built_rel(lang, "skills/seo.md")).select_one("article")
        seo = [a for a in article.select("abbr") if a.get_text() == "SEO"]
        assert seo, f"{lang}: no SEO tooltip on skills/seo"
        title = seo[0]["title"]
        if lang == "ar":
            assert ARABIC_CHARS.search(title) and not stray_latin(title), title
        else:
            assert not ARABIC_CHARS.search(title) and "Search engine optimisation" in title, title


def test_tooltip_terms_come_from_the_page_language_file(fixture_site, built):
    fixture_site.edit("en/about.md", "The content is open", "The content plan is open")
    result = built()
    abbr = soup(result.site_dir, "en/about/index.html").select_one("article abbr")
    assert abbr is not None and abbr.get_text() == "content plan" and not ARABIC_CHARS.search(abbr["title"])


def test_role_helper_script_loads_only_on_its_page(site):
    """The widget's script is named in the page's front matter; other pages do not download it."""
    def scripts(rel):
        return [s["src"] for s in soup(site.site_dir, rel).find_all("script", src=True)]
    assert "../../assets/javascripts/role-helper.js" in scripts("hiring/which-role/index.html")
    assert "../../../assets/javascripts/role-helper.js" in scripts("en/hiring/which-role/index.html")
    assert (site.site_dir / "assets/javascripts/role-helper.js").is_file()
    for rel in ("index.html", "hiring/index.html", "en/glossary/index.html"):
        assert not any("role-helper" in src for src in scripts(rel)), rel


# ---------------------------------------------------------------------------
# Review dates and interview questions
# ---------------------------------------------------------------------------


def test_review_date_shows_under_the_title_and_is_the_sitemap_lastmod(fixture_site, built):
    for lang in ("ar", "en"):
        fixture_site.edit(f"{lang}/about.md", "description:", "reviewed: 2026-03-05\ndescription:")
    result = built()
    for rel, text in (("about/index.html", "آخر مراجعة: 5 مارس 2026"), ("en/about/index.html", "Last reviewed 5 March 2026")):
        article = soup(result.site_dir, rel).select_one("article")
        line = article.select_one("h1 + .page-reviewed time")
        assert line is not None and line.get_text() == text and line["datetime"] == "2026-03-05", rel
    sitemap = (result.site_dir / "sitemap.xml").read_text(encoding="utf-8")
    entry = sitemap.split("https://example.org/guide/about/</loc>", 1)[1].split("</url>", 1)[0]
    assert "<lastmod>2026-03-05</lastmod>" in entry, entry


QUESTIONS = {
    "ar": ("التواصل", "احكِ لي عن رسالة صعبة كتبتها.", "يذكر مثالًا حقيقيًا.", "يتكلم عموميات.", "اكتب ثلاثة ردود."),
    "en": ("Communication", "Tell me about a hard message you wrote.", "A real example.", "Generalities.", "Write three replies."),
}


def add_skill(fixture_site, questions=3, marker=True):
    for lang, (title, question, strong, warning, exercise) in QUESTIONS.items():
        items = "".join(
            f"  - question: \"{question} {n}\"\n    strong: {strong}\n    warning: {warning}\n" for n in range(questions)
        )
        heading = "أسئلة المقابلة" if lang == "ar" else "Interview questions"
        fixture_site.write(f"{lang}/skills/communication.md", (
            f"---\ntitle: {title}\ndescription: x.\nroles:\n  - community-manager\ntags:\n  - interpersonal\n"
            f"interview:\n{items}exercise: {exercise}\n---\n# {title}\n\n## {heading} {{ #interview-questions }}\n\n"
            f"{'<!-- guide-interview -->' if marker else ''}\n"
        ))
        kit = "عدة المقابلة" if lang == "ar" else "Interview kit"
        fixture_site.write(f"{lang}/hiring/interview-kit.md", (
            f"---\ntitle: {kit}\ndescription: x.\n---\n# {kit}\n\n## {kit} {{ #community-manager }}\n\n"
            '<!-- guide-interview-kit roles="community-manager" -->\n'
        ))


KIT_NAV = ["index.md", "about.md", "hiring/interview-kit.md", "skills/communication.md"]


def test_interview_questions_render_on_the_skill_page_and_in_the_kit(fixture_site):
    add_skill(fixture_site)
    result = fixture_site.build(nav=KIT_NAV)
    assert build_problems(result) == []
    for lang, (title, question, strong, warning, exercise) in QUESTIONS.items():
        prefix = "en/" if lang == "en" else ""
        page = soup(result.site_dir, f"{prefix}skills/communication/index.html").select_one("article")
        items = page.select("#interview-questions ~ ol > li")
        assert len(items) == 3 and items[0].strong.get_text() == f"{question} 0"
        assert strong in items[0].get_text() and warning in items[0].get_text() and exercise in page.get_text()
        kit = soup(result.site_dir, f"{prefix}hiring/interview-kit/index.html").select_one("article")
        heading = kit.select_one("h3#communication")
        assert heading is not None and title in heading.get_text()
        assert [li.strong.get_text() for li in kit.select("h3#communication ~ ol > li")] == [f"{question} {n}" for n in range(3)]
        assert kit.select_one('a[href="../../skills/communication/"]').get_text() == title


def test_a_new_question_appears_in_the_kit(fixture_site):
    add_skill(fixture_site, questions=4)
    result = fixture_site.build(nav=KIT_NAV)
    for lang, (_, question, *_) in QUESTIONS.items():
        prefix = "en/" if lang == "en" else ""
        kit = soup(result.site_dir, f"{prefix}hiring/interview-kit/index.html")
        assert f"{question} 3" in [li.strong.get_text() for li in kit.select("h3#communication ~ ol > li")]


@pytest.mark.parametrize("questions, marker, message", [
    (2, True, "<!-- guide-interview --> cannot be rendered: `interview:` must list 3 to 5 questions"),
    (3, False, "has `interview:` questions but no <!-- guide-interview --> marker"),
])
def test_broken_interview_questions_fail_the_build(fixture_site, questions, marker, message):
    add_skill(fixture_site, questions=questions, marker=marker)
    problems = build_problems(fixture_site.build(nav=KIT_NAV))
    assert any(f"docs/ar/skills/communication.md: {message}" in p for p in problems), problems


def test_skill_missing_from_the_kit_fails_the_build(fixture_site):
    add_skill(fixture_site)
    for lang in ("ar", "en"):
        fixture_site.edit(f"{lang}/hiring/interview-kit.md", 'roles="community-manager"', 'roles="social-media-manager"')
    problems = build_problems(fixture_site.build(nav=KIT_NAV))
    assert any("docs/en/skills/communication.md: its interview questions are not on docs/en/hiring/interview-kit.md" in p
               for p in problems), problems
