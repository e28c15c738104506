"""Issue 5: search and sharing metadata on every page of both languages:
description, x-default, Open Graph, Twitter card, JSON-LD, sitemap.xml, robots.txt."""

import json

import pytest
from bs4 import BeautifulSoup

from linkcheck import (
    SOCIAL_IMAGE_SIZE,
    check_head_metadata,
    check_robots,
    check_sitemap,
    check_structured_data,
    json_ld,
    png_size,
)
from sitecheck import ROOT, built_pages

SEO_CHECKS = (check_head_metadata, check_structured_data, check_sitemap)


@pytest.mark.parametrize("check", SEO_CHECKS)
def test_guide_metadata(check, site, docs_dir):
    problems = check(site.site_dir, docs_dir, site.site_url)
    assert not problems, "\n".join(problems)


def test_guide_robots_txt(site):
    problems = check_robots(site.site_dir, site.site_url)
    assert not problems, "\n".join(problems)


def test_social_image_is_self_hosted_and_sized():
    assert png_size(ROOT / "overrides" / "assets" / "images" / "social.png") == SOCIAL_IMAGE_SIZE


def head(site_dir, rel):
    return BeautifulSoup((site_dir / rel).read_text(encoding="utf-8"), "lxml").head


def test_arabic_and_english_heads(site):
    ar, en = head(site.site_dir, "glossary/index.html"), head(site.site_dir, "en/glossary/index.html")
    for soup, locale, other in ((ar, "ar_AR", "en_US"), (en, "en_US", "ar_AR")):
        assert soup.find("meta", property="og:locale")["content"] == locale
        assert soup.find("meta", property="og:locale:alternate")["content"] == other
        assert soup.find("link", hreflang="x-default")["href"] == site.site_url + "glossary/"
    assert en.find("meta", property="og:site_name")["content"] == "Social Media Manager or Community Manager?"


def test_every_json_ld_block_parses(site, docs_dir):
    count, pages = 0, built_pages(site.site_dir, docs_dir)
    for page in pages:
        items, problems = json_ld(page)
        assert not problems, "\n".join(problems)
        count += len(items)
    content = [page for page in pages if page.source.startswith("docs/")]
    assert count == len(content) + 2 * 2 + 2  # a BreadcrumbList each, 2 Occupations and 1 DefinedTermSet per language


def test_occupation_and_defined_terms(site):
    soup = head(site.site_dir, "roles/community-manager/index.html")
    blocks = [json.loads(s.string) for s in soup.find_all("script", type="application/ld+json")]
    occupation = next(b for b in blocks if b["@type"] == "Occupation")
    assert occupation["name"] == "مدير المجتمع" and "occupationalCategory" not in occupation
    assert "الرد على التعليقات" in occupation["responsibilities"]
    assert len(occupation["skills"]) == 8
    soup = head(site.site_dir, "en/glossary/index.html")
    terms = next(json.loads(s.string) for s in soup.find_all("script", type="application/ld+json")
                 if "DefinedTermSet" in s.string)["hasDefinedTerm"]
    ugc = next(t for t in terms if t["termCode"] == "ugc")
    assert ugc["@id"] == site.site_url + "en/glossary/#ugc" and ugc["name"] == "User-generated content (UGC)"
    assert "description" not in ugc  # the page holds the definitions (first-view budget)


# --- fixtures: broken metadata is reported -----------------------------------------

ROLE_AND_GLOSSARY = {
    "ar/roles/community-manager.md": """\
        ---
        title: مدير المجتمع
        description: صفحة دور للاختبار.
        ---
        # مدير المجتمع

        ## المسؤوليات { #responsibilities }

        - **الرد على التعليقات**: بصوت العلامة التجارية.
        """,
    "en/roles/community-manager.md": """\
        ---
        title: Community Manager
        description: A role page for the tests.
        ---
        # Community Manager

        ## Responsibilities { #responsibilities }

        - **Replying to comments**: in the brand voice.
        """,
    "ar/skills/active-listening.md": """\
        ---
        title: الاستماع النشط
        description: صفحة مهارة للاختبار.
        roles: [community-manager]
        ---
        # الاستماع النشط

        ## تعريف { #what-it-is }

        فهم ما يقصده العضو.
        """,
    "en/skills/active-listening.md": """\
        ---
        title: Active listening
        description: A skill page for the tests.
        roles: [community-manager]
        ---
        # Active listening

        ## What it is { #what-it-is }

        Understanding what a member means.
        """,
    "ar/glossary.md": """\
        ---
        title: مسرد المصطلحات
        description: مسرد للاختبار.
        ---
        # مسرد المصطلحات

        ## المقاييس { #metrics }

        ### التفاعل { #engagement }

        ما يفعله الجمهور بالمحتوى.

        ### الوصول { #reach }

        عدد من رأوا المحتوى.
        """,
    "en/glossary.md": """\
        ---
        title: Glossary
        description: A glossary for the tests.
        ---
        # Glossary

        ## Metrics { #metrics }

        ### Engagement { #engagement }

        What the audience does with content.

        ### Reach { #reach }

        How many people saw the content.
        """,
}
NAV = ["index.md", "about.md", "roles/community-manager.md", "skills/active-listening.md", "glossary.md"]


@pytest.fixture
def seo_site(fixture_site):
    for rel, text in ROLE_AND_GLOSSARY.items():
        fixture_site.write(rel, text)
    result = fixture_site.build(nav=NAV)
    assert result.ok, result.warnings or result.error
    return result


def rewrite(path, change, parser="lxml"):
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), parser)
    change(soup)
    path.write_text(str(soup), encoding="utf-8")


def json_ld_block(soup, kind):
    return next(s for s in soup.find_all("script", type="application/ld+json") if f'"{kind}"' in s.string)


def break_json_ld(seo_site, rel, kind, change) -> list[str]:
    """Edit the parsed `kind` JSON-LD block of a built page; the structured-data problems."""
    def rewrite_block(soup):
        block = json_ld_block(soup, kind)
        data = json.loads(block.string)
        change(data)
        block.string = json.dumps(data)
    rewrite(seo_site.site_dir / rel, rewrite_block)
    return check_structured_data(seo_site.site_dir, seo_site.docs_dir, seo_site.site_url)


def test_valid_fixture_has_valid_metadata(seo_site):
    for check in SEO_CHECKS:
        assert check(seo_site.site_dir, seo_site.docs_dir, seo_site.site_url) == [], check.__name__
    assert check_robots(seo_site.site_dir, seo_site.site_url) == []


def test_missing_social_tag_and_wrong_x_default_are_reported(seo_site):
    def change(soup):
        soup.find("meta", property="og:image").decompose()
        soup.find("link", hreflang="x-default")["href"] = "../"
    rewrite(seo_site.site_dir / "en" / "about" / "index.html", change)
    problems = check_head_metadata(seo_site.site_dir, seo_site.docs_dir, seo_site.site_url)
    assert len(problems) == 2, problems
    assert problems[0].startswith("docs/en/about.md (built as site/en/about/index.html): <meta> og:image is None")
    assert "x-default" in problems[1] and "https://example.org/guide/about/" in problems[1]


def test_description_that_is_not_the_front_matter_is_reported(seo_site):
    rewrite(seo_site.site_dir / "about" / "index.html",
            lambda soup: soup.find("meta", attrs={"name": "description"}).__setitem__("content", "وصف آخر"))
    problems = check_head_metadata(seo_site.site_dir, seo_site.docs_dir, seo_site.site_url)
    assert len(problems) == 1 and "<meta> description" in problems[0] and "docs/ar/about.md" in problems[0]


def test_wrong_social_image_is_reported(seo_site):
    (seo_site.site_dir / "assets" / "images" / "social.png").write_bytes(b"not a png")
    problems = check_head_metadata(seo_site.site_dir, seo_site.docs_dir, seo_site.site_url)
    assert len(problems) == 1 and "tests/social_image.py" in problems[0]


def test_invalid_json_ld_is_reported(seo_site):
    rewrite(seo_site.site_dir / "about" / "index.html",
            lambda soup: json_ld_block(soup, "BreadcrumbList").__setattr__("string", '{"@context": "https://schema.org",'))
    problems = check_structured_data(seo_site.site_dir, seo_site.docs_dir, seo_site.site_url)
    assert len(problems) == 2, problems  # the broken block, and so no BreadcrumbList
    assert "not valid JSON" in problems[0] and "0 BreadcrumbList" in problems[1]


def test_breadcrumb_with_a_relative_url_is_reported(seo_site):
    def change(data):
        data["itemListElement"][0]["item"] = "../"
    problems = break_json_ld(seo_site, "en/about/index.html", "BreadcrumbList", change)
    assert len(problems) == 1 and "BreadcrumbList is wrong: item 1" in problems[0]


def test_occupation_without_skills_is_reported(seo_site):
    def change(data):
        assert data["skills"] == ["الاستماع النشط"] and data["responsibilities"] == ["الرد على التعليقات"]
        del data["skills"]
    problems = break_json_ld(seo_site, "roles/community-manager/index.html", "Occupation", change)
    assert len(problems) == 1 and "skills must be a non-empty list" in problems[0]


def test_glossary_term_missing_from_the_term_set_is_reported(seo_site):
    def change(data):
        assert [t["@id"] for t in data["hasDefinedTerm"]] == [
            "https://example.org/guide/en/glossary/#engagement", "https://example.org/guide/en/glossary/#reach"]
        data["hasDefinedTerm"].pop()
    problems = break_json_ld(seo_site, "en/glossary/index.html", "DefinedTermSet", change)
    assert len(problems) == 1 and "lists 1 terms, the page has 2" in problems[0]


def test_glossary_term_without_its_id_as_term_code_is_reported(seo_site):
    def change(data):
        data["hasDefinedTerm"][0]["termCode"] = "Engagement"
    problems = break_json_ld(seo_site, "en/glossary/index.html", "DefinedTermSet", change)
    assert len(problems) == 1 and "its heading id as termCode" in problems[0], problems


def test_sitemap_without_an_alternate_is_reported(seo_site):
    rewrite(seo_site.site_dir / "sitemap.xml",
            lambda soup: soup.find("link", hreflang="en").decompose(), parser="xml")
    problems = check_sitemap(seo_site.site_dir, seo_site.docs_dir, seo_site.site_url)
    assert len(problems) == 1 and problems[0].startswith("docs/ar/index.md (built as site/index.html): site/sitemap.xml")


def test_robots_without_the_sitemap_is_reported(seo_site):
    (seo_site.site_dir / "robots.txt").write_text("User-agent: *\nDisallow: /\n", encoding="utf-8")
    assert len(check_robots(seo_site.site_dir, seo_site.site_url)) == 2


def test_urls_follow_site_url(fixture_site):
    result = fixture_site.build(site_url="https://courses.example.net/smm-guide/")
    assert result.ok
    robots = (result.site_dir / "robots.txt").read_text(encoding="utf-8")
    assert "Sitemap: https://courses.example.net/smm-guide/sitemap.xml" in robots
    for check in SEO_CHECKS:
        assert check(result.site_dir, result.docs_dir, result.site_url) == [], check.__name__
