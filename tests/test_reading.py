"""hooks/reading.py: comparison tables that stack into cards on a phone, and
Latin names inside Arabic text marked as English. Browser-side layout is
checked in tests/browser/test_quality.py."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from sitecheck import check_wrong_language


def article(site_dir: Path, rel: str):
    return BeautifulSoup((site_dir / rel).read_text(encoding="utf-8"), "lxml").select_one("article")


def test_comparison_table_cells_carry_their_column_name(site):
    for rel, names in (
        ("differences/index.html", ["وجه المقارنة", "مدير وسائل التواصل", "مدير المجتمع"]),
        ("en/differences/index.html", ["Dimension", "Social Media Manager", "Community Manager"]),
    ):
        table = article(site.site_dir, rel).find("table")
        assert table.has_attr("data-stack"), rel
        assert not table.find(attrs={"role": True}) and not table.has_attr("role"), f"{rel}: native table roles only"
        assert [th.get_text(strip=True) for th in table.select("thead th")] == names, rel
        rows = table.select("tbody > tr")
        assert len(rows) >= 8, rel
        for row in rows:
            cells = row.find_all("td")
            assert [td["data-label"] for td in cells] == names, (rel, row.get_text(" ", strip=True))


def test_two_column_tables_stay_tables(site):
    for table in article(site.site_dir, "en/hiring/social-media-manager/index.html").find_all("table"):
        assert len(table.select("thead th")) == 2
        assert not table.has_attr("data-stack") and not table.find(attrs={"data-label": True})


def test_latin_names_in_arabic_text_are_marked_english(site):
    page = article(site.site_dir, "tools/sprout-social/index.html")
    spans = page.find_all("span", attrs={"data-latin": True})
    texts = {span.get_text() for span in spans}
    assert {"(Sprout Social)", "(Hootsuite)"} <= texts, texts
    for span in spans:
        assert span["lang"] == "en" and span["dir"] == "ltr"
        assert span.find_parent(["code", "pre"]) is None
    assert "latin" in page.find("span", string="(Sprout Social)")["class"]
    # Code keeps its own text, and English pages are left as they are.
    code = article(site.site_dir, "link-to-this-guide/index.html").find("code")
    assert code is not None and not code.find("span")
    assert not article(site.site_dir, "en/tools/sprout-social/index.html").find(attrs={"data-latin": True})


def test_fixture_stacks_tables_and_marks_latin(fixture_site, built):
    fixture_site.edit(
        "ar/about.md", "المحتوى متاح للجميع.",
        "المحتوى متاح للجميع.\n\n| الجانب | الأول | الثاني |\n|---|---|---|\n| الأداة | هوتسويت (Hootsuite) | `x` |\n\n",
    )
    result = built()
    page = article(result.site_dir, "about/index.html")
    cells = page.select("table[data-stack] tbody td")
    assert [td["data-label"] for td in cells] == ["الجانب", "الأول", "الثاني"]
    assert cells[1].find("span", attrs={"lang": "en", "data-latin": True}).get_text() == "(Hootsuite)"
    assert not cells[2].find("span")
    assert check_wrong_language(result.site_dir, result.docs_dir) == []


def test_marked_latin_is_still_checked_as_arabic_page_text(fixture_site, built):
    """The hook wraps every Latin run in lang="en"; the wrong-language check must not
    take that as a quotation in another language and skip it."""
    fixture_site.edit("ar/about.md", "المحتوى متاح للجميع.", "المحتوى متاح للجميع. Free for everyone.")
    result = built()
    span = article(result.site_dir, "about/index.html").find("span", attrs={"data-latin": True}, string="Free for everyone")
    assert span is not None and span["lang"] == "en"
    problems = check_wrong_language(result.site_dir, result.docs_dir)
    assert len(problems) == 1 and "Free" in problems[0] and "everyone" in problems[0]


def test_navigation_titles_isolate_bracketed_latin_names(site):
    """Nav, tabs and footer print page titles as text: a bracketed Latin name sits
    between LRI and PDI so it wraps as one left-to-right phrase. Data and <title>
    keep the front matter title as written."""
    soup = BeautifulSoup((site.site_dir / "tools/hootsuite/index.html").read_text(encoding="utf-8"), "lxml")
    labels = [" ".join(a.get_text().split()) for a in soup.select(".md-sidebar--primary a.md-nav__link")]
    assert "ميتا آدز مانجر \u2066(Meta Ads Manager)\u2069" in labels, labels
    footer = " ".join(soup.select_one(".md-footer__link--next .md-footer__title").get_text().split())
    assert footer.endswith("\u2066(Buffer)\u2069"), footer
    assert "\u2066" not in soup.title.get_text() and "\u2066" not in soup.select_one(".md-header__topic").get_text()
    for data in ("links.json", "api/v1/guide.json", "sitemap.xml"):
        assert "\u2066" not in (site.site_dir / data).read_text(encoding="utf-8"), data
    assert not any("\u2066" in s.string for s in soup.find_all("script", type="application/ld+json"))
    english = (site.site_dir / "en/tools/hootsuite/index.html").read_text(encoding="utf-8")
    assert "\u2066" not in english


def test_home_entry_of_the_navigation_reads_home_in_each_language(site):
    """The home tab and the first nav entry name the home page «الرئيسية» / "Home";
    the page's own title (the site title) stays in its <title> and h1."""
    for rel, home in (("roles/community-manager/index.html", "الرئيسية"), ("en/roles/community-manager/index.html", "Home")):
        page = BeautifulSoup((site.site_dir / rel).read_text(encoding="utf-8"), "lxml")
        assert page.select_one(".md-tabs__link").get_text(strip=True) == home, rel
        assert page.select_one(".md-nav--primary .md-nav__item a").get_text(" ", strip=True) == home, rel
    for rel, title in (("index.html", "مدير وسائل التواصل الاجتماعي أم مدير المجتمع؟"),
                       ("en/index.html", "Social Media Manager or Community Manager?")):
        page = BeautifulSoup((site.site_dir / rel).read_text(encoding="utf-8"), "lxml")
        assert page.title.get_text() == title and page.h1.get_text(strip=True).rstrip("¶") == title, rel


def test_footnote_back_links_speak_the_page_language(fixture_site, built):
    fixture_site.edit("ar/about.md", "المحتوى متاح للجميع.", "المحتوى متاح للجميع.[^1]\n\n[^1]: بحسب رخصة المشاع الإبداعي.")
    result = built()
    link = article(result.site_dir, "about/index.html").select_one("a.footnote-backref")
    assert link is not None and link["title"] == "العودة إلى موضع الحاشية 1 في النص", link
    assert check_wrong_language(result.site_dir, result.docs_dir) == []
