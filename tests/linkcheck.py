"""Checks of the linking contract for course pages, and of the search and
sharing metadata (issue #5). Same conventions as tests/sitecheck.py: every check
returns a list of problems, each naming the file and saying what to do.

The build (hooks/links.py, hooks/seo.py) publishes:
- links.json: every page, its URL and title in each language, its heading ids;
- api/v1/guide.json: roles, skills, tools, hiring triggers and glossary terms
  (format: tests/data/guide.schema.json);
- Open Graph, Twitter card, x-default and JSON-LD in every page's <head>;
- robots.txt; static-i18n writes sitemap.xml.

tests/data/links-snapshot.json records every address and heading id ever
published. A build in which one of them no longer works (in either language)
fails, unless a redirect keeps it working. Refresh the snapshot, deliberately:

    .venv/bin/python tests/linkcheck.py --update-snapshot

Without arguments, the script builds the site and checks the contract.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from sitecheck import (  # noqa: E402
    DATA_DIR,
    DEFAULT_LANGUAGE,
    LANGUAGES,
    ROOT,
    BuiltPage,
    _content_pages,
    _where,
    build_problems,
    build_site,
    is_redirect_stub,
    page_ids,
    parse_html,
    read_source,
)

SNAPSHOT = DATA_DIR / "links-snapshot.json"
SCHEMA = DATA_DIR / "guide.schema.json"
REGISTRY = "links.json"
EXPORT = "api/v1/guide.json"
UPDATE_COMMAND = ".venv/bin/python tests/linkcheck.py --update-snapshot"
SNAPSHOT_NOTE = (
    "Every address and heading id the guide has published, per language. tests/test_link_contract.py "
    f"fails when one stops working. Refresh deliberately with: {UPDATE_COMMAND}"
)
SOCIAL_IMAGE = "assets/images/social.png"
SOCIAL_IMAGE_SIZE = (1200, 630)
OG_LOCALES = {"ar": "ar_AR", "en": "en_US"}
SCHEMA_ORG = "https://schema.org"


def _root(site_url: str) -> str:
    return site_url if site_url.endswith("/") else site_url + "/"


def _relative(url: str, site_url: str) -> str:
    """An absolute URL of the site -> its path from the site root ("" for the home)."""
    root = _root(site_url)
    return url[len(root):] if url.startswith(root) else url


def load_json(path: Path) -> tuple[dict | None, str | None]:
    try:
        return json.loads(path.read_text(encoding="utf-8")), None
    except FileNotFoundError:
        return None, f"site/{path.name}: not found"
    except json.JSONDecodeError as exc:
        return None, f"{path}: not valid JSON ({exc})"


# ---------------------------------------------------------------------------
# Following a published address through the built site
# ---------------------------------------------------------------------------


@dataclass
class Target:
    url: str  # site-relative URL finally reached
    html: Path | None  # its page, None when nothing is there
    redirected: bool = False
    fragment: str = ""  # the redirect's own #fragment, if it points at a section


def _refresh_url(soup: BeautifulSoup) -> str:
    content = soup.find("meta", attrs={"http-equiv": "refresh"}).get("content", "")
    return content.split("url=", 1)[1].strip() if "url=" in content else ""


def follow(site_dir: Path, url: str, hops: int = 5) -> Target:
    """Where a site-relative URL ("en/roles/x/") leads, through redirect stubs."""
    target = Target(url, None)
    for _ in range(hops):
        html = site_dir / target.url / "index.html"
        if not html.is_file():
            return Target(target.url, None, target.redirected, target.fragment)
        soup = parse_html(html)
        if not is_redirect_stub(soup):
            return Target(target.url, html, target.redirected, target.fragment)
        next_url = urlsplit(urljoin("https://site.invalid/" + target.url, _refresh_url(soup)))
        if next_url.netloc != "site.invalid":
            return Target(next_url.geturl(), None, True)  # redirected off the site
        target = Target(next_url.path.lstrip("/"), None, True, next_url.fragment or target.fragment)
    return target


def _works(site_dir: Path, url: str, anchor: str | None) -> bool:
    target = follow(site_dir, url)
    if target.html is None:
        return False
    return anchor is None or bool(target.fragment) or anchor in page_ids(target.html)


# ---------------------------------------------------------------------------
# The snapshot: (source path, language) -> URL and heading ids
# ---------------------------------------------------------------------------

Link = tuple[str, str, str, "str | None"]  # (path, lang, url, anchor or None for the page)


def links_of(snapshot: dict) -> set[Link]:
    found = set()
    for path, versions in snapshot.get("pages", {}).items():
        for lang, entry in versions.items():
            found.add((path, lang, entry["url"], None))
            found.update((path, lang, entry["url"], anchor) for anchor in entry["anchors"])
    return found


def snapshot_of(links: set[Link]) -> dict:
    pages: dict[str, dict] = {}
    for path, lang, url, anchor in sorted(links, key=lambda link: (link[0], link[1], link[3] or "")):
        entry = pages.setdefault(path, {}).setdefault(lang, {"url": url, "anchors": []})
        if anchor is not None:
            entry["anchors"].append(anchor)
    return {"about": SNAPSHOT_NOTE, "pages": dict(sorted(pages.items()))}


def published_links(registry: dict) -> set[Link]:
    """The links a built site publishes, from its links.json."""
    found = set()
    site_url = registry["site_url"]
    for page in registry["pages"]:
        for lang, url in page["url"].items():
            relative = _relative(url, site_url)
            found.add((page["path"], lang, relative, None))
            found.update(
                (page["path"], lang, relative, heading["id"])
                for heading in page["headings"] if lang in heading["text"]
            )
    return found


def record_snapshot(site_dir: Path, previous: dict | None) -> tuple[dict, list[Link]]:
    """The new snapshot: every link published now, plus every earlier link that still
    works (through a redirect or a kept anchor). Returns it with the dropped links."""
    registry, error = load_json(site_dir / REGISTRY)
    if registry is None:
        raise SystemExit(f"{error}; build the site first.")
    links = published_links(registry)
    dropped = []
    for link in sorted(links_of(previous or {}) - links, key=str):
        path, lang, url, anchor = link
        if _works(site_dir, url, anchor):
            links.add(link)
        else:
            dropped.append(link)
    return snapshot_of(links), dropped


def load_snapshot(path: Path = SNAPSHOT) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def write_snapshot(snapshot: dict, path: Path = SNAPSHOT) -> None:
    path.write_text(json.dumps(snapshot, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def _label(url: str, anchor: str | None = None) -> str:
    return (url or "(home page)") + (f"#{anchor}" if anchor else "")


def check_link_contract(site_dir: Path, snapshot: dict) -> list[str]:
    """Every address and heading id of the snapshot still works, in its language:
    the page exists (or a redirect leads to one) and carries the id."""
    problems = []
    pages: dict[tuple[str, str, str], list[str]] = {}
    for path, lang, url, anchor in links_of(snapshot):
        anchors = pages.setdefault((path, lang, url), [])
        if anchor is not None:
            anchors.append(anchor)
    for (path, lang, url), anchors in sorted(pages.items()):
        source = f"docs/{lang}/{path}"
        target = follow(site_dir, url)
        if target.html is None:
            where = f" (its redirect leads to {_label(target.url)}, which does not exist)" if target.redirected else ""
            problems.append(
                f"{source}: the published {lang} page {_label(url)} no longer exists{where}; "
                "links to it from course pages break.\n"
                "  If the page moved, add a redirect in mkdocs.yml, plugins > redirects > redirect_maps: "
                f"'{path}': 'new/path.md' (one language-neutral entry covers both languages). "
                f"If the removal is a deliberate, approved break, record it with {UPDATE_COMMAND}."
            )
            continue
        if target.fragment:
            continue  # the redirect itself points at a section
        present = page_ids(target.html)
        on = f" (redirected to {_label(target.url)})" if target.redirected else ""
        for anchor in sorted(a for a in anchors if a not in present):
            problems.append(
                f"{source}: the published {lang} link {_label(url, anchor)}{on} is broken: "
                f"no element has the id '{anchor}'.\n"
                f'  Give the heading its id back ("{{ #{anchor} }}"), or keep the id as a second anchor on the '
                f'text that covers the section now (<span id="{anchor}"></span>). If the removal is a '
                f"deliberate, approved break, record it with {UPDATE_COMMAND}."
            )
    return problems


def check_snapshot_is_current(site_dir: Path, snapshot: dict) -> list[str]:
    """Every link the site publishes is in the snapshot, so that it is protected."""
    registry, error = load_json(site_dir / REGISTRY)
    if registry is None:
        return [f"{error}: hooks/links.py must write it (is it listed under hooks: in mkdocs.yml?)."]
    missing: dict[tuple[str, str], list[str]] = {}
    for path, lang, url, anchor in published_links(registry) - links_of(snapshot):
        missing.setdefault((path, lang), []).append(_label(url, anchor))
    return [
        f"docs/{lang}/{path}: {len(labels)} published link(s) are not in tests/data/links-snapshot.json "
        f"yet: {', '.join(sorted(labels)[:4])}{', ...' if len(labels) > 4 else ''}.\n"
        f"  Record them with {UPDATE_COMMAND} and commit the snapshot: from then on they are protected."
        for (path, lang), labels in sorted(missing.items())
    ]


# ---------------------------------------------------------------------------
# links.json: complete, and faithful to the built pages
# ---------------------------------------------------------------------------


def _headings(page: BuiltPage) -> list[str]:
    article = page.soup.select_one("article")
    if article is None:
        return []
    return [h["id"] for h in article.find_all(["h2", "h3", "h4", "h5", "h6"], id=True)]


def check_registry(site_dir: Path, docs_dir: Path, site_url: str) -> list[str]:
    """links.json lists every built page, in both languages, with its URL, title and headings."""
    registry, error = load_json(site_dir / REGISTRY)
    if registry is None:
        return [f"{error}: hooks/links.py must write it after the last language is built."]
    problems = []
    by_url = {}
    for entry in registry["pages"]:
        for lang in LANGUAGES:
            if lang not in entry["url"] or lang not in entry["title"]:
                problems.append(
                    f"docs/{lang}/{entry['path']}: missing from site/{REGISTRY} ({lang}).\n"
                    "  Every page must be built in both languages (check the nav and docs/<lang>/)."
                )
        for lang, url in entry["url"].items():
            by_url[url] = (lang, entry)
    root = _root(site_url)
    for page in _content_pages(site_dir, docs_dir):
        url = root + page.url
        if url not in by_url:
            problems.append(
                f"{_where(page)}: not in site/{REGISTRY} (expected the URL {url}).\n"
                "  hooks/links.py records every page it renders: check that it is listed under hooks: in mkdocs.yml."
            )
            continue
        lang, entry = by_url[url]
        rel = page.source.split("/", 2)[2]
        title = read_source(docs_dir, page.lang, rel).meta.get("title")
        registered = [h["id"] for h in entry["headings"] if page.lang in h["text"]]
        if lang != page.lang or entry["path"] != rel or (title and entry["title"].get(lang) != title):
            problems.append(
                f"{_where(page)}: site/{REGISTRY} has it as {entry['path']} ({lang}), "
                f"titled {entry['title'].get(lang)!r}; expected {rel} ({page.lang}), titled {title!r}.\n"
                "  hooks/links.py must read the language, path and title that static-i18n builds."
            )
        if registered != _headings(page):
            problems.append(
                f"{_where(page)}: site/{REGISTRY} lists the headings {registered}, the page has {_headings(page)}.\n"
                "  The registry must list every heading id of the page, in order (hooks/guide_data.py)."
            )
        empty = [h["id"] for h in entry["headings"] if not (h["text"].get(page.lang) or "").strip()]
        if empty:
            problems.append(f"{_where(page)}: headings without text in site/{REGISTRY}: {empty}.")
    return problems


def _path_examples(page: BuiltPage) -> list[str]:
    """Site paths written as code on a page: `en/glossary/#ugc`, one per line in blocks."""
    article = page.soup.select_one("article")
    examples = []
    for code in article.find_all("code") if article else []:
        for line in code.get_text().splitlines():
            token = line.strip()
            if (
                token and " " not in token and "/" in token and "." not in token
                and (token.endswith("/") or "/#" in token) and not token.startswith(("/", "#", "http"))
            ):
                examples.append(token)
    return examples


def check_code_examples(site_dir: Path, docs_dir: Path) -> list[str]:
    """Every site path shown as code (a copyable example for course authors) exists,
    with its #id, when read from the site root."""
    problems = []
    for page in _content_pages(site_dir, docs_dir):
        for example in _path_examples(page):
            url, _, anchor = example.partition("#")
            if not _works(site_dir, url, anchor or None):
                problems.append(
                    f"{page.source}: the example `{example}` does not exist on the site.\n"
                    "  Examples are copied into course pages: use a real page path and heading id "
                    "(see site/links.json), relative to the site root."
                )
    return problems


# ---------------------------------------------------------------------------
# api/v1/guide.json
# ---------------------------------------------------------------------------


def schema_problems(data: dict, schema: dict, name: str = f"site/{EXPORT}") -> list[str]:
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(schema)
    return [
        f"{name}: {error.json_path}: {error.message}.\n"
        "  hooks/links.py builds the export from front matter and headings: fix the page it names, or hooks/links.py. "
        "A deliberate change of format needs api/v2/ and a new schema (never break v1)."
        for error in sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    ]


def check_export(site_dir: Path, docs_dir: Path, schema: dict) -> list[str]:
    """The export matches the schema, its URLs and ids resolve, its cross-references hold,
    and it lists every role, skill, tool, platform, hiring trigger and glossary term of the sources."""
    data, error = load_json(site_dir / EXPORT)
    if data is None:
        return [f"{error}: hooks/links.py must write it after the last language is built."]
    problems = schema_problems(data, schema)
    if problems:
        return problems
    site_url = data["site_url"]
    for kind in ("roles", "skills", "tools", "platforms", "hiring_triggers", "glossary"):
        for item in data[kind]:
            for lang, url in item["url"].items():
                page, _, anchor = _relative(url, site_url).partition("#")
                if not url.startswith(_root(site_url)) or not _works(site_dir, page, anchor or None):
                    problems.append(
                        f"site/{EXPORT}: {kind} '{item['id']}' ({lang}) links to {url}, which does not exist.\n"
                        "  URLs are built from site_url and the page's address: check hooks/links.py."
                    )
    known = {kind: {item["id"] for item in data[kind]} for kind in ("roles", "skills", "tools", "platforms")}
    references = [(f"role '{r['id']}'", kind, r[kind]) for r in data["roles"] for kind in ("skills", "tools")]
    references += [(f"role '{r['id']}' career_path", "skills", r["career_path"]["skills"]) for r in data["roles"]]
    references += [(f"platform '{p['id']}'", kind, p[kind]) for p in data["platforms"] for kind in ("skills", "tools")]
    for owner, kind, ids in references:
        for unknown in sorted(set(ids) - known[kind]):
            problems.append(f"site/{EXPORT}: {owner} lists the unknown {kind[:-1]} '{unknown}'.")
    for role in data["roles"]:
        for lang, url in role["career_path"]["url"].items():
            if not _works(site_dir, _relative(url, site_url), None):
                problems.append(f"site/{EXPORT}: role '{role['id']}' career_path ({lang}) links to {url}, which does not exist.")
    for kind in ("skills", "tools", "platforms"):
        for item in data[kind]:
            for unknown in sorted(set(item["roles"]) - known["roles"]):
                problems.append(
                    f"docs/*/{kind}/{item['id']}.md: front matter `roles` names '{unknown}', which is not a role page.\n"
                    f"  Use one of {sorted(known['roles'])}."
                )
    expected = _expected_export_ids(docs_dir, known["roles"])
    for kind, wanted in expected.items():
        listed = [item["id"] for item in data[kind]]
        if sorted(listed) != sorted(wanted):
            problems.append(
                f"site/{EXPORT}: `{kind}` lists {sorted(listed)}; the sources have {sorted(wanted)}.\n"
                "  The export must list every page or heading of that kind (hooks/links.py)."
            )
    return problems


def _expected_export_ids(docs_dir: Path, roles: set[str]) -> dict[str, list[str]]:
    root = docs_dir / DEFAULT_LANGUAGE
    expected = {
        kind: sorted(p.stem for p in (root / kind).glob("*.md") if p.stem != "index")
        for kind in ("roles", "skills", "tools", "platforms")
    }
    glossary = read_source(docs_dir, DEFAULT_LANGUAGE, "glossary.md")
    expected["glossary"] = [h.id for h in glossary.headings if h.level == 3]
    expected["hiring_triggers"] = []
    for role in sorted(roles):
        page = read_source(docs_dir, DEFAULT_LANGUAGE, f"hiring/{role}.md")
        inside = False
        for heading in page.headings:
            if heading.level <= 2:
                inside = heading.id == "triggers"
            elif inside and heading.level == 3:
                expected["hiring_triggers"].append(heading.id)
    return expected


# ---------------------------------------------------------------------------
# <head>: description, x-default, Open Graph, Twitter card
# ---------------------------------------------------------------------------


def png_size(path: Path) -> tuple[int, int] | None:
    data = path.read_bytes()[:24] if path.is_file() else b""
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        return None
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def _meta(page: BuiltPage) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for tag in page.soup.find_all("meta"):
        key = tag.get("property") or tag.get("name")
        if key:
            found.setdefault(key, []).append(tag.get("content", ""))
    return found


def check_head_metadata(site_dir: Path, docs_dir: Path, site_url: str) -> list[str]:
    """Description from front matter; x-default alternate; Open Graph and Twitter card tags,
    absolute, in the page's language, with the self-hosted social image."""
    problems = []
    root = _root(site_url)
    image = root + SOCIAL_IMAGE
    size = png_size(site_dir / SOCIAL_IMAGE)
    if size != SOCIAL_IMAGE_SIZE:
        problems.append(
            f"site/{SOCIAL_IMAGE}: expected a {SOCIAL_IMAGE_SIZE[0]}x{SOCIAL_IMAGE_SIZE[1]} PNG, found {size}.\n"
            "  Draw it with .venv/bin/python tests/social_image.py (it lands in overrides/assets/images/)."
        )
    for page in _content_pages(site_dir, docs_dir):
        rel = page.source.split("/", 2)[2]
        source = read_source(docs_dir, page.lang, rel)
        inner = page.url[len("en/"):] if page.lang == "en" else page.url
        canonical = root + page.url
        other = [lang for lang in LANGUAGES if lang != page.lang]
        title, description = source.meta.get("title"), source.meta.get("description")
        expected = {
            "description": [description],
            "og:type": ["website" if rel == "index.md" else "article"],
            "og:title": [title],
            "og:description": [description],
            "og:url": [canonical],
            "og:locale": [OG_LOCALES[page.lang]],
            "og:locale:alternate": [OG_LOCALES[lang] for lang in other],
            "og:image": [image],
            "og:image:width": [str(SOCIAL_IMAGE_SIZE[0])],
            "og:image:height": [str(SOCIAL_IMAGE_SIZE[1])],
            "twitter:card": ["summary_large_image"],
            "twitter:title": [title],
            "twitter:description": [description],
            "twitter:image": [image],
        }
        found = _meta(page)
        for key, values in expected.items():
            if found.get(key) != values:
                problems.append(
                    f"{_where(page)}: <meta> {key} is {found.get(key)!r}, expected {values!r}.\n"
                    "  Titles and descriptions come from the front matter; the tags are written by hooks/seo.py "
                    "through overrides/main.html (block extrahead)."
                )
        for key in ("og:site_name", "og:image:alt", "twitter:image:alt"):
            if len(found.get(key, [])) != 1 or not found[key][0].strip():
                problems.append(
                    f"{_where(page)}: <meta> {key} is missing or empty.\n"
                    "  Check site_name and `social_image_alt` of this language in mkdocs.yml (i18n plugin)."
                )
        x_default = [
            link.get("href") for link in page.soup.find_all("link", rel="alternate", hreflang="x-default")
        ]
        want = root + inner
        if x_default != [want]:
            problems.append(
                f"{_where(page)}: hreflang=x-default alternate is {x_default!r}, expected [{want!r}] "
                f"(the {DEFAULT_LANGUAGE} page).\n"
                "  hooks/seo.py writes it from the default language's URL: check site_url and the i18n plugin."
            )
    return problems


# ---------------------------------------------------------------------------
# JSON-LD
# ---------------------------------------------------------------------------


def json_ld(page: BuiltPage) -> tuple[list[dict], list[str]]:
    """The JSON-LD objects of a page, and the problems met while reading them."""
    items, problems = [], []
    for number, script in enumerate(page.soup.find_all("script", type="application/ld+json"), start=1):
        try:
            data = json.loads(script.string or "")
        except json.JSONDecodeError as exc:
            problems.append(
                f"{_where(page)}: JSON-LD block {number} is not valid JSON ({exc}).\n"
                "  hooks/seo.py builds it and overrides/main.html prints it with `tojson`: check both."
            )
            continue
        if not isinstance(data, dict) or data.get("@context") != SCHEMA_ORG or not data.get("@type"):
            problems.append(
                f"{_where(page)}: JSON-LD block {number} needs \"@context\": \"{SCHEMA_ORG}\" and an \"@type\"."
            )
            continue
        items.append(data)
    return items, problems


def _of_type(items: list[dict], kind: str) -> list[dict]:
    return [item for item in items if item.get("@type") == kind]


def _breadcrumb_problems(page: BuiltPage, items: list[dict], root: str) -> list[str]:
    lists = _of_type(items, "BreadcrumbList")
    if len(lists) != 1:
        return [f"{_where(page)}: {len(lists)} BreadcrumbList blocks, expected 1 (hooks/seo.py)."]
    elements = lists[0].get("itemListElement") or []
    wrong = []
    for position, element in enumerate(elements, start=1):
        item = element.get("item", "")
        if (
            element.get("@type") != "ListItem" or element.get("position") != position
            or not str(element.get("name") or "").strip() or not item.startswith(root)
        ):
            wrong.append(f"item {position}: {element}")
    if not elements or elements[-1].get("item") != root + page.url:
        wrong.append(f"the last item must be the page itself ({root + page.url})")
    if elements and elements[0].get("item") != root + ("en/" if page.lang == "en" else ""):
        wrong.append("the first item must be the home page of the page's language")
    return [
        f"{_where(page)}: BreadcrumbList is wrong: {'; '.join(wrong)}.\n"
        "  Each ListItem needs position 1..n, a name and an absolute item URL (hooks/seo.py)."
    ] if wrong else []


def _occupation_problems(page: BuiltPage, items: list[dict], meta: dict) -> list[str]:
    found = _of_type(items, "Occupation")
    if len(found) != 1:
        return [f"{_where(page)}: {len(found)} Occupation blocks on a role page, expected 1 (hooks/seo.py)."]
    occupation = found[0]
    wrong = []
    if occupation.get("name") != meta.get("title") or occupation.get("description") != meta.get("description"):
        wrong.append("name and description must be the front matter title and description")
    for key in ("skills", "responsibilities"):
        values = occupation.get(key)
        if not isinstance(values, list) or not values or not all(isinstance(v, str) and v.strip() for v in values):
            wrong.append(f"{key} must be a non-empty list of texts")
    return [
        f"{_where(page)}: Occupation is wrong: {'; '.join(wrong)}.\n"
        "  Skills come from the `roles` front matter of skill pages, responsibilities from the list under "
        "#responsibilities (bold labels)."
    ] if wrong else []


def _glossary_problems(page: BuiltPage, items: list[dict], root: str) -> list[str]:
    found = _of_type(items, "DefinedTermSet")
    if len(found) != 1:
        return [f"{_where(page)}: {len(found)} DefinedTermSet blocks on the glossary, expected 1 (hooks/seo.py)."]
    url = root + page.url
    article = page.soup.select_one("article")
    term_ids = [h["id"] for h in article.find_all("h3", id=True)] if article else []
    terms = found[0].get("hasDefinedTerm") or []
    listed = [term.get("@id") for term in terms]
    problems = []
    if listed != [f"{url}#{term_id}" for term_id in term_ids]:
        problems.append(
            f"{_where(page)}: the DefinedTermSet lists {len(listed)} terms, the page has {len(term_ids)} "
            "(h3 headings); every term needs \"@id\": <page URL>#<id>, in page order.\n"
            "  hooks/seo.py reads the h3 headings of glossary.md."
        )
    for term in terms:
        if term.get("@type") != "DefinedTerm" or not term.get("name") or term.get("termCode") != term.get("@id", "").rsplit("#", 1)[-1]:
            problems.append(
                f"{_where(page)}: the term {term.get('@id')} needs \"@type\": \"DefinedTerm\", a name and "
                "its heading id as termCode (the definitions themselves are the page)."
            )
    return problems


def check_structured_data(site_dir: Path, docs_dir: Path, site_url: str) -> list[str]:
    """Valid JSON-LD: a BreadcrumbList on every page, an Occupation on role pages,
    a DefinedTermSet with every term on the glossary."""
    problems = []
    root = _root(site_url)
    for page in _content_pages(site_dir, docs_dir):
        items, found = json_ld(page)
        problems += found
        rel = page.source.split("/", 2)[2]
        problems += _breadcrumb_problems(page, items, root)
        if rel.startswith("roles/") and rel != "roles/index.md":
            problems += _occupation_problems(page, items, read_source(docs_dir, page.lang, rel).meta)
        if rel == "glossary.md":
            problems += _glossary_problems(page, items, root)
    return problems


# ---------------------------------------------------------------------------
# sitemap.xml and robots.txt
# ---------------------------------------------------------------------------


def check_sitemap(site_dir: Path, docs_dir: Path, site_url: str) -> list[str]:
    """sitemap.xml lists every page of both languages, each with absolute ar and en alternates."""
    path = site_dir / "sitemap.xml"
    if not path.is_file():
        return ["site/sitemap.xml: not found. mkdocs-static-i18n writes it: check the i18n plugin."]
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "xml")
    root = _root(site_url)
    entries = {}
    for url in soup.find_all("url"):
        loc = url.find("loc")
        alternates = {link.get("hreflang"): link.get("href") for link in url.find_all("link", rel="alternate")}
        entries[loc.get_text(strip=True) if loc else ""] = alternates
    problems = []
    for page in _content_pages(site_dir, docs_dir):
        inner = page.url[len("en/"):] if page.lang == "en" else page.url
        expected = {"ar": root + inner, "en": root + "en/" + inner}
        loc = root + page.url
        if loc not in entries:
            problems.append(
                f"{_where(page)}: not listed in site/sitemap.xml (expected <loc>{loc}</loc>).\n"
                "  The sitemap comes from mkdocs-static-i18n; every page in the nav of both languages belongs in it."
            )
        elif {lang: entries[loc].get(lang) for lang in LANGUAGES} != expected:
            problems.append(
                f"{_where(page)}: site/sitemap.xml alternates are {entries[loc]}, expected {expected}.\n"
                "  Each <url> needs absolute xhtml:link alternates for every language (site_url in mkdocs.yml)."
            )
    for loc in entries:
        if not loc.startswith(root):
            problems.append(f"site/sitemap.xml: <loc>{loc}</loc> is not an absolute URL of the site ({root}).")
    return problems


def check_robots(site_dir: Path, site_url: str) -> list[str]:
    """robots.txt allows crawling and names the absolute sitemap URL."""
    path = site_dir / "robots.txt"
    if not path.is_file():
        return ["site/robots.txt: not found. hooks/seo.py writes it after the last language is built."]
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    problems = []
    sitemap = f"Sitemap: {_root(site_url)}sitemap.xml"
    if sitemap not in lines:
        problems.append(f"site/robots.txt: no line {sitemap!r}. hooks/seo.py builds it from site_url.")
    if "User-agent: *" not in lines or "Disallow: /" in lines:
        problems.append("site/robots.txt: must let every crawler in (User-agent: *, no 'Disallow: /').")
    return problems


# ---------------------------------------------------------------------------
# Command line
# ---------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--update-snapshot", action="store_true",
                        help=f"record the published links in {SNAPSHOT.relative_to(ROOT)}")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        result = build_site(Path(tmp) / "site")
        if build_problems(result):
            print("\n".join(build_problems(result)), file=sys.stderr)
            return 1
        previous = load_snapshot() if SNAPSHOT.is_file() else None
        if args.update_snapshot:
            snapshot, dropped = record_snapshot(result.site_dir, previous)
            write_snapshot(snapshot)
            links = links_of(snapshot)
            added = links - links_of(previous or {})
            pages = {(path, lang) for path, lang, _, anchor in links if anchor is None}
            print(f"{SNAPSHOT.relative_to(ROOT)}: {len(pages)} page addresses and "
                  f"{len(links) - len(pages)} heading links in {len(LANGUAGES)} languages "
                  f"({len(added)} added, {len(dropped)} dropped).")
            for path, lang, url, anchor in dropped:
                print(f"  dropped (no longer works, no redirect): {lang} {_label(url, anchor)}  [docs/{lang}/{path}]")
            return 0
        if previous is None:
            print(f"{SNAPSHOT.relative_to(ROOT)}: missing; create it with {UPDATE_COMMAND}", file=sys.stderr)
            return 1
        problems = check_link_contract(result.site_dir, previous) + check_snapshot_is_current(result.site_dir, previous)
        print("\n".join(problems) or "The link contract holds: every published address and heading id works.")
        return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
