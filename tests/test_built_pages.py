"""Checks 4, 5 and 6 on the built HTML of both languages."""


from sitecheck import check_head_links, check_html_language, check_links, check_wrong_language


def test_guide_links_resolve(site, docs_dir):
    problems = check_links(site.site_dir, docs_dir, site.site_url)
    assert not problems, "\n".join(problems)


def test_guide_html_language_and_direction(site, docs_dir):
    problems = check_html_language(site.site_dir, docs_dir)
    assert not problems, "\n".join(problems)


def test_guide_has_no_wrong_language_text(site, docs_dir):
    problems = check_wrong_language(site.site_dir, docs_dir)
    assert not problems, "\n".join(problems)


def test_guide_canonical_and_alternates_are_absolute(site, docs_dir):
    problems = check_head_links(site.site_dir, docs_dir, site.site_url)
    assert not problems, "\n".join(problems)


def test_valid_fixture_passes_built_checks(fixture_site, built):
    result = built()
    assert check_links(result.site_dir, result.docs_dir, result.site_url) == []
    assert check_html_language(result.site_dir, result.docs_dir) == []
    assert check_wrong_language(result.site_dir, result.docs_dir) == []


def test_cross_language_content_link_is_reported(fixture_site, built):
    # MkDocs does not validate raw HTML links: only this check sees them.
    fixture_site.edit("ar/about.md", "المحتوى متاح للجميع.", 'المحتوى متاح للجميع. <a href="../en/about/">رابط</a>')
    result = built()
    problems = check_links(result.site_dir, result.docs_dir, result.site_url)
    assert len(problems) == 1
    assert problems[0].startswith("docs/ar/about.md (built as site/about/index.html): content link")
    assert "goes to a en page from a ar page" in problems[0]


def test_language_selector_is_not_a_cross_language_link(fixture_site, built):
    result = built()
    html = (result.site_dir / "about" / "index.html").read_text(encoding="utf-8")
    assert 'hreflang="en"' in html  # the selector is there, and was exempt above


def test_broken_built_link_and_anchor_are_reported(fixture_site, built):
    result = built()
    page = result.site_dir / "en" / "about" / "index.html"
    html = page.read_text(encoding="utf-8")
    html = html.replace("</article>", '<a href="../missing/">x</a><a href="../#nowhere">y</a></article>', 1)
    page.write_text(html, encoding="utf-8")
    problems = check_links(result.site_dir, result.docs_dir, result.site_url)
    assert len(problems) == 2, problems
    assert all(p.startswith("docs/en/about.md") for p in problems)
    assert "does not exist" in problems[0] and "#nowhere" in problems[1]


def test_third_party_request_is_reported(fixture_site, built):
    result = built()
    page = result.site_dir / "index.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace("</head>", '<link rel="stylesheet" href="https://fonts.example.com/x.css"></head>', 1), encoding="utf-8")
    problems = check_links(result.site_dir, result.docs_dir, result.site_url)
    assert len(problems) == 1 and "another host" in problems[0]


def test_wrong_html_direction_is_reported(fixture_site, built):
    result = built()
    page = result.site_dir / "about" / "index.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace('dir="rtl"', 'dir="ltr"', 1), encoding="utf-8")
    problems = check_html_language(result.site_dir, result.docs_dir)
    assert len(problems) == 1 and problems[0].startswith("docs/ar/about.md")


def test_english_prose_in_arabic_page_is_reported(fixture_site, built):
    fixture_site.edit("ar/about.md", "المحتوى متاح للجميع.", "المحتوى متاح للجميع. The content is free for everyone.")
    result = built()
    problems = check_wrong_language(result.site_dir, result.docs_dir)
    assert len(problems) == 1 and problems[0].startswith("docs/ar/about.md")
    assert "content" in problems[0] and "free" in problems[0]


def test_names_acronyms_and_code_are_allowed_in_arabic(fixture_site, built):
    fixture_site.edit(
        "ar/about.md", "المحتوى متاح للجميع.",
        "المحتوى متاح للجميع عبر سبراوت سوشيال (Sprout Social) وتحسين محركات البحث (SEO) والأمر `mkdocs serve`.",
    )
    result = built()
    assert check_wrong_language(result.site_dir, result.docs_dir) == []


def test_arabic_in_english_page_is_reported(fixture_site, built):
    fixture_site.edit("en/about.md", "The content is open", "The content (المحتوى) is open")
    result = built()
    problems = check_wrong_language(result.site_dir, result.docs_dir)
    assert len(problems) == 1 and problems[0].startswith("docs/en/about.md")


def test_arabic_marked_lang_ar_is_allowed_in_english(fixture_site, built):
    fixture_site.edit("en/about.md", "The content is open", 'The content (<span lang="ar">المحتوى</span>) is open')
    result = built()
    assert check_wrong_language(result.site_dir, result.docs_dir) == []


def test_site_url_comes_from_the_environment(fixture_site, monkeypatch):
    monkeypatch.setenv("SITE_URL", "https://courses.example.net/smm-guide/")
    result = fixture_site.build(site_url=None)
    assert result.error is None and result.site_url == "https://courses.example.net/smm-guide/"
    assert check_head_links(result.site_dir, result.docs_dir, result.site_url) == []
    html = (result.site_dir / "en" / "about" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://courses.example.net/smm-guide/en/about/">' in html


def test_relative_canonical_and_wrong_alternate_are_reported(fixture_site, built):
    result = built()
    page = result.site_dir / "about" / "index.html"
    html = page.read_text(encoding="utf-8")
    html = html.replace('href="https://example.org/guide/about/">', 'href="../about/">', 1)
    html = html.replace('href="https://example.org/guide/en/about/" hreflang="en"', 'href="https://example.org/guide/en/" hreflang="en"')
    page.write_text(html, encoding="utf-8")
    problems = check_head_links(result.site_dir, result.docs_dir, result.site_url)
    assert len(problems) == 2, problems
    assert "canonical" in problems[0] and "hreflang=en" in problems[1]


def test_no_page_title_repeats_the_site_name(site, docs_dir):
    from sitecheck import built_pages

    doubled = []
    for page in built_pages(site.site_dir, docs_dir):
        title = page.soup.title.get_text() if page.soup.title else ""
        parts = [p.strip() for p in title.split(" - ")]
        if len(parts) == 2 and parts[0] == parts[1]:
            doubled.append(f"{page.source}: <title>{title}</title>")
    assert not doubled, "Titles print the site name twice (overrides/main.html):\n" + "\n".join(doubled)
