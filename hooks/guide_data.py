"""What the build hooks share (not a hook itself): the language being built and
whether every language is built yet, absolute URLs, and what hooks/links.py and
hooks/seo.py read from a rendered page.

A page is known by its language-neutral path ("roles/community-manager.md", the
same in docs/ar/ and docs/en/) and its language. Its headings are read from the
rendered HTML, with the labels of the table of contents (which honour
`data-toc-label`), so the data matches what readers see.
"""

from __future__ import annotations

import re
from copy import deepcopy
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path
from urllib.parse import urljoin

import yaml
from lxml.html import fragment_fromstring
from mkdocs.utils.meta import get_data

# Where the guide keeps each kind of page (language-neutral paths).
ROLES = "roles/"
TOOLS = "tools/"
SKILLS = "skills/"
HIRING = "hiring/"
PLATFORMS = "platforms/"
CAREERS = "careers/"
GLOSSARY = "glossary.md"
TRIGGERS_ID = "triggers"  # the h2 of hiring/<role>.md whose h3s are the hiring triggers
HEADING_TAGS = ("h2", "h3", "h4", "h5", "h6")  # the h1 is the page title: its id is not stable


# ---------------------------------------------------------------------------
# Languages (mkdocs-static-i18n builds the default language, then the others)
# ---------------------------------------------------------------------------


def i18n_plugin(config):
    return config.plugins.get("i18n")


def current_language(config) -> str:
    i18n = i18n_plugin(config)
    return i18n.current_language if i18n else str(config.theme.get("language") or "en")


RTL_LANGUAGES = {"ar", "fa", "he", "ur"}


def direction(config) -> str:
    """The page direction of the language being built: the theme's own setting,
    else "rtl" for a right-to-left language."""
    return config.theme.get("direction") or (
        "rtl" if str(config.theme.get("language") or "en").split("-")[0] in RTL_LANGUAGES else "ltr"
    )


def default_language(config) -> str:
    i18n = i18n_plugin(config)
    return i18n.default_language if i18n else current_language(config)


def build_languages(config) -> list[str]:
    """Default language first."""
    i18n = i18n_plugin(config)
    if not i18n:
        return [current_language(config)]
    default = i18n.default_language
    return [default] + [lang for lang in i18n.build_languages if lang != default]


def is_outer_build(config) -> bool:
    """True in the build MkDocs started (the default language), False in the builds
    static-i18n runs inside it for the other languages. In on_pre_build it means
    "a new build starts"; in an on_post_build that runs after static-i18n's
    (priority below -100), it means "every language has been built"."""
    i18n = i18n_plugin(config)
    return i18n is None or not i18n.building


def language_prefix(lang: str, config) -> str:
    return "" if lang == default_language(config) else f"{lang}/"


def absolute_url(config, url: str) -> str:
    """A site-relative URL ("en/roles/x/", "." for the home page) made absolute from site_url."""
    return urljoin(config.site_url or "/", "" if url in (".", "./") else url)


# ---------------------------------------------------------------------------
# Pages
# ---------------------------------------------------------------------------


@dataclass
class Heading:
    level: int
    id: str
    text: str
    summary: str = ""  # the section's first paragraph, without a leading bold label
    points: list[str] = field(default_factory=list)  # its first list: bold labels (or item text)


@dataclass
class PageData:
    path: str  # language-neutral source path
    lang: str
    url: str  # site-relative URL, e.g. "en/roles/community-manager/"
    title: str
    description: str
    meta: dict
    headings: list[Heading]

    def heading(self, heading_id: str) -> Heading | None:
        return next((h for h in self.headings if h.id == heading_id), None)

    def subheadings(self, parent_id: str) -> list[Heading]:
        """The headings nested directly under the heading `parent_id`."""
        found, parent = [], None
        for heading in self.headings:
            if parent is None:
                if heading.id == parent_id:
                    parent = heading
            elif heading.level <= parent.level:
                break
            elif heading.level == parent.level + 1:
                found.append(heading)
        return found


def neutral_path(file) -> str:
    """docs/en/roles/x.md -> roles/x.md (static-i18n keeps it as `norm_src_uri`)."""
    return getattr(file, "norm_src_uri", None) or file.src_uri


def page_kind(path: str) -> str | None:
    """'role', 'tool', 'skill', 'platform', 'career' or 'glossary' for the pages the data export lists."""
    if path == GLOSSARY:
        return "glossary"
    for prefix, kind in ((ROLES, "role"), (TOOLS, "tool"), (SKILLS, "skill"), (PLATFORMS, "platform"), (CAREERS, "career")):
        if path.startswith(prefix) and not path.endswith("index.md"):
            return kind
    return None


def item_id(path: str) -> str:
    """roles/community-manager.md -> community-manager"""
    return path.rsplit("/", 1)[-1].removesuffix(".md")


# ---------------------------------------------------------------------------
# Per-language data of the hooks (hooks/data/<lang>/*.yml, see hooks/data/README.md)
# ---------------------------------------------------------------------------

DATA_DIR = Path(__file__).resolve().parent / "data"
_DATA: dict[tuple[str, str], dict] = {}  # read once per build


def hook_data(lang: str, name: str) -> dict:
    if (lang, name) not in _DATA:
        path = DATA_DIR / lang / name
        _DATA[(lang, name)] = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}) if path.is_file() else {}
    return _DATA[(lang, name)]


def forget_hook_data() -> None:
    """A new build reads the data files again (`mkdocs serve` after an edit)."""
    _DATA.clear()


def labels(lang: str) -> dict:
    """The words of generated text (hooks/data/<lang>/labels.yml)."""
    return hook_data(lang, "labels.yml")


# ---------------------------------------------------------------------------
# The nav's pages and their front matter
# ---------------------------------------------------------------------------

def id_list(value) -> list[str]:
    """A front-matter list of ids (`roles`, `tags`, `tools`, `path`…) as strings;
    anything but a list (the front-matter checks report it) as none."""
    return [str(v) for v in value] if isinstance(value, list) else []


_NAV: dict[int, list[dict]] = {}  # the front matter of one language's nav, read once


def nav_pages(nav) -> list[dict]:
    """Every page of this language's nav, in nav order, with its front matter
    (pages are not read yet when the nav is built): path, title, description,
    `roles` and `tags`, and the raw `meta`. Hooks that generate lists from other
    pages' front matter share it."""
    key = id(nav)
    if key not in _NAV:
        _NAV.clear()
        pages = []
        for page in nav.pages:
            try:
                _, meta = get_data(page.file.content_string)
            except Exception:  # malformed front matter is reported by the build and the tests
                meta = {}
            pages.append({
                "path": neutral_path(page.file),
                "title": str(meta.get("title") or neutral_path(page.file)),
                "description": " ".join(str(meta.get("description") or "").split()),
                "roles": id_list(meta.get("roles")),
                "tags": id_list(meta.get("tags")),
                "meta": meta,
            })
        _NAV[key] = pages
    return _NAV[key]


def bare_title(title: str) -> str:
    """«هوتسويت (Hootsuite)» -> «هوتسويت»: the Arabic name alone, for a link on a
    page where the Latin name may already stand in brackets."""
    return re.sub(r"\s*\([A-Za-z][^()]*\)\s*$", "", title).strip() or title


def page_title(page) -> str:
    return str(page.meta.get("title") or page.title or "")


def _text(element) -> str:
    return " ".join(element.text_content().split())


def _toc_labels(toc) -> dict[str, str]:
    labels = {}
    for item in toc:
        labels[item.id] = unescape(item.title)  # the toc keeps `&amp;`
        labels.update(_toc_labels(item.children))
    return labels


def _section_elements(heading):
    """The elements of a section, up to the next heading of any level."""
    for sibling in heading.itersiblings():
        if not isinstance(sibling.tag, str):
            continue  # a comment
        if sibling.tag in ("h1",) + HEADING_TAGS:
            return
        yield sibling


def _summary(paragraph) -> str:
    paragraph = deepcopy(paragraph)
    paragraph.tail = None
    for junk in paragraph.xpath(".//sup | .//a[contains(concat(' ', @class, ' '), ' footnote-ref ')]"):
        junk.drop_tree()
    first = None if (paragraph.text or "").strip() else next(iter(paragraph), None)
    if first is not None and first.tag == "strong" and _text(first).endswith((".", ":")):
        first.drop_tree()  # a label such as "What it looks like."
    return _text(paragraph)


def _points(listing) -> list[str]:
    points = []
    for item in listing.iterchildren("li"):
        label = next(item.iter("strong"), None)
        starts = label is not None and item.text_content().lstrip().startswith(label.text_content())
        points.append(_text(label).rstrip(".:") if starts else _text(item))
    return points


_READ: dict[tuple[str, str], tuple[tuple, PageData]] = {}  # both hooks read each page: parse it once


def read_page(page, lang: str) -> PageData:
    key = (lang, page.file.src_uri)
    source = (page.content or "", page.url, page_title(page), dict(page.meta))
    if key in _READ and _READ[key][0] == source:
        return _READ[key][1]
    labels = _toc_labels(page.toc or [])
    headings = []
    root = fragment_fromstring(source[0], create_parent="div") if source[0].strip() else None
    for element in root.iter(*HEADING_TAGS) if root is not None else []:
        if element.get("id") is None:
            continue
        for link in element.find_class("headerlink"):
            link.drop_tree()
        heading = Heading(int(element.tag[1]), element.get("id"), labels.get(element.get("id")) or _text(element))
        for sibling in _section_elements(element):
            if sibling.tag == "p" and not heading.summary:
                heading.summary = _summary(sibling)
            elif sibling.tag in ("ul", "ol") and not heading.points:
                heading.points = _points(sibling)
        headings.append(heading)
    data = PageData(
        path=neutral_path(page.file),
        lang=lang,
        url=page.url,
        title=page_title(page),
        description=str(page.meta.get("description") or ""),
        meta=dict(page.meta),
        headings=headings,
    )
    _READ[key] = (source, data)
    return data
