"""Checks for the bilingual site, shared by the tests and usable on any site.

Every check returns a list of problems; a problem is one message that starts
with the file (and line or heading id) and says what to do. An empty list
means the check passed. Source checks read Markdown from `docs/<lang>/`; built
checks read the HTML of a site built by `build_site`.
"""

from __future__ import annotations

import datetime
import functools
import logging
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import markdown
import yaml
from bs4 import BeautifulSoup, Tag
from mkdocs import utils as mkdocs_utils
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, BuildError, ConfigurationError, PluginError
from mkdocs.utils.meta import get_data

ROOT = Path(__file__).resolve().parent.parent
CONFIG_FILE = ROOT / "mkdocs.yml"
DATA_DIR = Path(__file__).resolve().parent / "data"

LANGUAGES = ("ar", "en")
DEFAULT_LANGUAGE = "ar"
DIRECTION = {"ar": "rtl", "en": "ltr"}
DESCRIPTION_MAX = 160
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MISSING_ID = "missing-explicit-id"
TAG_FRONT_MATTER = ("roles", "tags")  # ids with a label per language in hooks/data/<lang>/tags.yml
# Identical in both languages: tag ids, page scripts, the date a page's facts were
# last checked and the vendor's site (tool and platform pages).
SHARED_FRONT_MATTER = TAG_FRONT_MATTER + ("scripts", "reviewed", "website", "toc_depth")
PAGE_SCRIPTS_DIR = ROOT / "overrides" / "assets" / "javascripts"

ARABIC_CHARS = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'’]*")
ACRONYM = re.compile(r"(?<![A-Za-z])[A-Z][A-Z0-9]*(?:[-&/][A-Z0-9]+)*s?(?![A-Za-z])")
# Elements whose text is not prose: code, scripts, icons.
NON_PROSE = ("script", "style", "code", "pre", "kbd", "samp", "svg", "noscript", "template")
# Attributes that readers see or hear.
PROSE_ATTRIBUTES = ("title", "alt", "aria-label", "placeholder")


# ---------------------------------------------------------------------------
# Building
# ---------------------------------------------------------------------------


@dataclass
class BuildResult:
    site_dir: Path
    docs_dir: Path
    site_url: str
    warnings: list[str] = field(default_factory=list)
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None and not self.warnings


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.records: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(f"{record.levelname}: {record.getMessage()}")


_CLEAN_DIRECTORY = mkdocs_utils.clean_directory


def build_site(site_dir: Path, config_file: Path = CONFIG_FILE, **overrides) -> BuildResult:
    """Build in-process with the project's strict settings; capture every warning.

    The CLI exit code is not trusted (it is wrong with -q/-v): MkDocs' own log is.
    """
    capture = _Capture()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(capture)
    previous_level = logger.level
    logger.setLevel(logging.INFO)
    error = None
    config = None
    try:
        config = load_config(str(config_file), site_dir=str(site_dir), **overrides)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    except (Abort, BuildError, ConfigurationError, PluginError) as exc:
        error = f"{type(exc).__name__}: {exc}"
    finally:
        logger.removeHandler(capture)
        logger.setLevel(previous_level)
        # static-i18n disables clean_directory while it builds the other languages and
        # leaves it disabled when one of them aborts: later builds would keep stale pages.
        mkdocs_utils.clean_directory = _CLEAN_DIRECTORY
    docs_dir = Path(config.docs_dir) if config else Path(overrides.get("docs_dir", ROOT / "docs"))
    site_url = (config.site_url if config else None) or "/"
    return BuildResult(Path(site_dir), docs_dir, site_url, capture.records, error)


def build_problems(result: BuildResult) -> list[str]:
    problems = [
        f"mkdocs build: {w}\n  Fix the page or link it names; the build must have zero warnings."
        for w in result.warnings
    ]
    if result.error and not result.warnings:
        problems.append(f"mkdocs build failed: {result.error}")
    return problems


# ---------------------------------------------------------------------------
# Source pages
# ---------------------------------------------------------------------------


def pages(docs_dir: Path, lang: str) -> list[str]:
    """Markdown pages of one language, as paths relative to docs/<lang>/."""
    root = docs_dir / lang
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*.md"))


def page_url(md: str) -> str:
    """A page's address under its language's root: roles/x.md -> roles/x/, tools/index.md -> tools/."""
    stem = md[: -len(".md")]
    return stem[: -len("index")] if stem == "index" or stem.endswith("/index") else stem + "/"


@dataclass
class Heading:
    level: int
    id: str
    text: str
    line: int


@dataclass
class SourcePage:
    path: Path
    text: str
    meta: dict
    headings: list[Heading]
    meta_error: str | None = None
    name: str = ""

    def rel(self) -> str:
        return self.name or self.path.as_posix()


@functools.lru_cache(maxsize=1)
def project_config() -> dict:
    """mkdocs.yml as plain data (each !ENV tag reads as its default)."""
    with CONFIG_FILE.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_PlainLoader)


@functools.lru_cache(maxsize=1)
def _markdown_settings() -> tuple[list, dict]:
    raw = project_config()
    extensions, configs = [], {}
    for item in raw["markdown_extensions"]:
        if isinstance(item, dict):
            (name, options), = item.items()
            extensions.append(name)
            configs[name] = dict(options or {})
        else:
            extensions.append(item)
    # Headings without an explicit id get a sentinel instead of a slug.
    configs.setdefault("toc", {})
    configs["toc"]["slugify"] = lambda value, separator: MISSING_ID
    configs["toc"]["permalink"] = False
    configs.pop("pymdownx.snippets", None)
    extensions = [e for e in extensions if e != "pymdownx.snippets"]
    return extensions, configs


class _PlainLoader(yaml.SafeLoader):
    """Reads mkdocs.yml with its !ENV tags (the default value is used)."""


def _env_tag(loader, node):
    value = loader.construct_sequence(node)
    return value[-1] if value else None


_PlainLoader.add_constructor("!ENV", _env_tag)


def _source_line(lines: list[str], heading_text: str, level: int, start: int) -> int:
    prefix = "#" * level + " "
    for number in range(start, len(lines)):
        line = lines[number].strip()
        if line.startswith(prefix) and heading_text.strip() in line:
            return number + 1
    for number, line in enumerate(lines):
        if line.strip().startswith(prefix):
            return number + 1
    return 0


def read_source(docs_dir: Path, lang: str, rel: str) -> SourcePage:
    """A page of docs/<lang>/, named as contributors see it: docs/<lang>/<rel>."""
    page = read_page(docs_dir / lang / rel)
    page.name = f"docs/{lang}/{rel}"
    return page


def read_page(path: Path) -> SourcePage:
    text = path.read_text(encoding="utf-8")
    meta_error = None
    try:
        body, meta = get_data(text)
    except Exception as exc:  # malformed YAML
        body, meta, meta_error = text, {}, str(exc)
    if text.startswith("---") and not meta and meta_error is None:
        block = text.split("\n---", 1)[0][3:]
        try:
            yaml.safe_load(block)
            meta_error = "the block is empty or not a mapping"
        except yaml.YAMLError as exc:
            meta_error = " ".join(str(exc).split()) + "; quote a value that contains ': '"
    offset = text[: len(text) - len(body)].count("\n")
    extensions, configs = _markdown_settings()
    html = markdown.Markdown(extensions=extensions, extension_configs=configs).convert(body)
    soup = BeautifulSoup(html, "lxml")
    lines = text.splitlines()
    headings, cursor = [], 0
    for element in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6"]):
        level = int(element.name[1])
        label = element.get_text(" ", strip=True)
        line = _source_line(lines, label, level, cursor)
        cursor = max(cursor, line)
        headings.append(Heading(level, element.get("id", ""), label, line or offset + 1))
    return SourcePage(path, text, meta or {}, headings, meta_error)


def _heading_id_suggestion(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug or "section-name"


def check_heading_ids(docs_dir: Path) -> list[str]:
    """Every h2/h3 has an explicit ASCII kebab-case id, unique within its page."""
    problems = []
    for lang in LANGUAGES:
        other = "en" if lang == "ar" else "ar"
        for rel in pages(docs_dir, lang):
            page = read_source(docs_dir, lang, rel)
            counts = Counter(h.id for h in page.headings if h.level in (2, 3))
            for heading in page.headings:
                if heading.level not in (2, 3):
                    continue
                where = f"{page.rel()}:{heading.line}"
                marks = "#" * heading.level
                if heading.id.startswith(MISSING_ID):
                    problems.append(
                        f'{where}: heading "{marks} {heading.text}" has no explicit id.\n'
                        f"  Add an ASCII kebab-case id shared with docs/{other}/{rel}, e.g. "
                        f'"{marks} {heading.text} {{ #{_heading_id_suggestion(heading.text)} }}".'
                    )
                elif not ID_PATTERN.match(heading.id):
                    problems.append(
                        f'{where}: heading id "#{heading.id}" is not ASCII kebab-case.\n'
                        "  Use lower-case ASCII letters, digits and single hyphens, e.g. "
                        '"{ #content-plan }", and the same id in both languages.'
                    )
                elif counts[heading.id] > 1:
                    problems.append(
                        f'{where}: heading id "#{heading.id}" is used {counts[heading.id]} times on this page.\n'
                        "  Give each heading its own id: a deep link must point at one section."
                    )
    return problems


def check_front_matter(docs_dir: Path) -> list[str]:
    """Every page has a title and a description of at most 160 characters."""
    problems = []
    for lang in LANGUAGES:
        for rel in pages(docs_dir, lang):
            page = read_source(docs_dir, lang, rel)
            where = f"{page.rel()}:1"
            if page.meta_error:
                problems.append(
                    f"{where}: front matter is not valid YAML ({page.meta_error}).\n"
                    "  Fix the block between the two '---' lines at the top of the file."
                )
                continue
            for key in ("title", "description"):
                value = page.meta.get(key)
                if not isinstance(value, str) or not value.strip():
                    problems.append(
                        f'{where}: front matter has no "{key}".\n'
                        f"  Add `{key}: ...` (in this page's language) between the '---' lines at the top."
                    )
            description = page.meta.get("description")
            if isinstance(description, str) and len(description) > DESCRIPTION_MAX:
                problems.append(
                    f"{where}: description is {len(description)} characters long.\n"
                    f"  Shorten it to at most {DESCRIPTION_MAX}: it is shown in search results and link previews."
                )
            problems += check_page_scripts(page.meta.get("scripts"), where)
    return problems


def check_page_scripts(scripts, where: str) -> list[str]:
    """`scripts:` names files of overrides/assets/javascripts/ (without .js) that
    overrides/main.html loads on this page only."""
    if scripts is None:
        return []
    if not isinstance(scripts, list) or not all(isinstance(name, str) and name for name in scripts):
        return [
            f"{where}: front matter `scripts` must be a list of script names.\n"
            "  Write e.g. `scripts: [role-helper]` for overrides/assets/javascripts/role-helper.js."
        ]
    return [
        f'{where}: front matter `scripts` names "{name}", but overrides/assets/javascripts/{name}.js does not exist.\n'
        "  Use the file's name without .js, or add the script."
        for name in scripts
        if not (PAGE_SCRIPTS_DIR / f"{name}.js").is_file()
    ]


def check_parity(docs_dir: Path) -> list[str]:
    """Same pages in both languages, same heading ids at the same levels, same roles/tags/scripts."""
    problems = []
    ar_pages, en_pages = set(pages(docs_dir, "ar")), set(pages(docs_dir, "en"))
    for lang, missing in (("en", ar_pages - en_pages), ("ar", en_pages - ar_pages)):
        source = "ar" if lang == "en" else "en"
        for rel in sorted(missing):
            problems.append(
                f"docs/{source}/{rel}: has no translation: docs/{lang}/{rel} does not exist.\n"
                f"  Write docs/{lang}/{rel} with the same headings and ids (or remove the page from both languages)."
            )
    for rel in sorted(ar_pages & en_pages):
        ar, en = read_source(docs_dir, "ar", rel), read_source(docs_dir, "en", rel)
        ar_ids = [(h.level, h.id) for h in ar.headings if h.level in (2, 3)]
        en_ids = [(h.level, h.id) for h in en.headings if h.level in (2, 3)]
        if ar_ids != en_ids:
            ar_set, en_set = set(ar_ids), set(en_ids)
            details = []
            for level, hid in ar_ids:
                if (level, hid) not in en_set:
                    details.append(f"h{level} #{hid} is only in {ar.rel()}")
            for level, hid in en_ids:
                if (level, hid) not in ar_set:
                    details.append(f"h{level} #{hid} is only in {en.rel()}")
            if not details:
                details.append("the same ids appear in a different order")
            problems.append(
                f"docs/ar/{rel} and docs/en/{rel}: headings differ: " + "; ".join(details) + ".\n"
                "  Both languages need the same h2/h3 ids at the same levels in the same order."
            )
        for key in SHARED_FRONT_MATTER:
            if ar.meta.get(key) != en.meta.get(key):
                problems.append(
                    f"docs/ar/{rel} and docs/en/{rel}: front matter `{key}` differs "
                    f"({ar.meta.get(key)!r} vs {en.meta.get(key)!r}).\n"
                    f"  `{key}` is shared data: make it identical in both languages."
                )
    return problems


# ---------------------------------------------------------------------------
# Built pages
# ---------------------------------------------------------------------------


@dataclass
class BuiltPage:
    path: Path  # absolute path of the .html file
    rel: str  # site-relative path, e.g. "en/roles/x/index.html"
    lang: str
    soup: BeautifulSoup
    source: str  # the Markdown file it comes from, or the html path

    @property
    def url(self) -> str:
        return self.rel[: -len("index.html")] if self.rel.endswith("index.html") else self.rel


def _language_of(site_path: str) -> str:
    return "en" if site_path == "en" or site_path.startswith("en/") else DEFAULT_LANGUAGE


def _source_of(docs_dir: Path, rel: str, lang: str) -> str:
    inner = rel[len("en/"):] if lang == "en" and rel.startswith("en/") else rel
    if inner.endswith("index.html"):
        stem = inner[: -len("index.html")].rstrip("/")
        for candidate in ([f"{stem}.md", f"{stem}/index.md"] if stem else ["index.md"]):
            if (docs_dir / lang / candidate).exists():
                return f"docs/{lang}/{candidate}"
    return f"site/{rel}"


@functools.lru_cache(maxsize=512)
def _parse(path: str, data: bytes) -> BeautifulSoup:
    return BeautifulSoup(data.decode("utf-8"), "lxml")


def parse_html(path: Path) -> BeautifulSoup:
    """A built page, parsed once for all checks while its bytes are unchanged
    (tests rewrite built pages to break them). Checks only read the tree."""
    return _parse(str(path), path.read_bytes())


def built_pages(site_dir: Path, docs_dir: Path) -> list[BuiltPage]:
    result = []
    for path in sorted(site_dir.rglob("*.html")):
        rel = path.relative_to(site_dir).as_posix()
        if rel.startswith(("assets/", "en/assets/", "search/", "en/search/")):
            continue
        lang = _language_of(rel)
        soup = parse_html(path)
        if is_redirect_stub(soup):
            continue  # a moved page's old address (mkdocs-redirects), checked by tests/linkcheck.py
        result.append(BuiltPage(path, rel, lang, soup, _source_of(docs_dir, rel, lang)))
    return result


def is_redirect_stub(soup: BeautifulSoup) -> bool:
    return soup.find("meta", attrs={"http-equiv": "refresh"}) is not None


def _where(page: BuiltPage) -> str:
    return f"{page.source} (built as site/{page.rel})"


def check_html_language(site_dir: Path, docs_dir: Path) -> list[str]:
    """<html> carries lang and dir: ar/rtl for Arabic pages, en/ltr for English ones."""
    problems = []
    for page in built_pages(site_dir, docs_dir):
        html = page.soup.find("html")
        lang, direction = (html.get("lang"), html.get("dir")) if html else (None, None)
        want_dir = DIRECTION[page.lang]
        if lang != page.lang or direction != want_dir:
            problems.append(
                f'{_where(page)}: <html lang="{lang}" dir="{direction}">, expected '
                f'lang="{page.lang}" dir="{want_dir}".\n'
                "  Arabic pages live in docs/ar/ and English pages in docs/en/; check the "
                "i18n plugin languages and hooks/html_attributes.py."
            )
    return problems


@functools.lru_cache(maxsize=512)
def _ids_of(path: str, data: bytes) -> frozenset[str]:
    soup = _parse(path, data)
    return frozenset({t["id"] for t in soup.find_all(id=True)} | {
        t["name"] for t in soup.find_all("a", attrs={"name": True})
    })


def page_ids(path: Path) -> frozenset[str]:
    """Every id (and <a name>) on a built page: what a #fragment can point at."""
    return _ids_of(str(path), path.read_bytes())


def _resolve(site_dir: Path, target_path: str) -> Path | None:
    candidate = site_dir / target_path
    if target_path.endswith("/") or target_path == "":
        candidate = candidate / "index.html"
    if candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


TRACKING = re.compile(r"(?:^|&)((?:utm_[a-z]+|fbclid|gclid|mc_[a-z]+|igshid|si|ref_src)=)")
LINK_ATTRIBUTES = (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("source", "src"))


def check_links(site_dir: Path, docs_dir: Path, site_url: str) -> list[str]:
    """Every internal link and #anchor resolves; content never links across languages."""
    problems = []
    base = urlsplit(site_url)
    base_path = base.path if base.path.endswith("/") else base.path + "/"
    for page in built_pages(site_dir, docs_dir):
        page_url = urljoin("http://site.invalid" + base_path, page.url)
        article = page.soup.select_one("article")
        seen = set()
        for tag_name, attribute in LINK_ATTRIBUTES:
            for tag in page.soup.find_all(tag_name, attrs={attribute: True}):
                href = tag[attribute].strip()
                in_content = tag_name == "a" and article is not None and article in tag.parents
                key = (tag_name, href, in_content)
                if key in seen or not href or href.startswith(("mailto:", "tel:", "data:")):
                    continue
                seen.add(key)
                split = urlsplit(href)
                if split.scheme in ("http", "https") and (
                    split.netloc != base.netloc or not split.path.startswith(base_path)
                ):
                    # A reader may follow an external <a>; anything else is a request to another host.
                    if tag_name != "a":
                        problems.append(
                            f"{_where(page)}: <{tag_name}> loads {href} from another host.\n"
                            "  Pages make no request to third-party hosts: self-host the file "
                            "(overrides/assets/) or remove it."
                        )
                    elif tracking := TRACKING.findall(split.query):
                        problems.append(
                            f"{_where(page)}: link {href} carries tracking parameters ({', '.join(tracking)}).\n"
                            "  Link to the page itself: remove utm_*, fbclid, gclid and the like from the address."
                        )
                    elif tag.get("target"):
                        problems.append(
                            f'{_where(page)}: link {href} opens with target="{tag["target"]}".\n'
                            "  External links open normally; the reader decides where (remove `target`)."
                        )
                    continue
                absolute = urljoin(page_url, href)
                target = urlsplit(absolute)
                if not target.path.startswith(base_path):
                    problems.append(
                        f"{_where(page)}: link {href} points outside the site ({target.path}).\n"
                        "  Link to the Markdown file with a relative path, e.g. [SEO](../skills/seo.md)."
                    )
                    continue
                target_rel = unquote(target.path[len(base_path):])
                resolved = _resolve(site_dir, target_rel)
                label = tag.get_text(" ", strip=True)[:60] or href
                if resolved is None:
                    problems.append(
                        f'{_where(page)}: link "{label}" ({href}) points to a page that does not exist.\n'
                        "  Point it at an existing .md file of the same language (relative path), or add the page."
                    )
                    continue
                if target.fragment and resolved.suffix == ".html":
                    fragment = unquote(target.fragment)
                    if fragment not in page_ids(resolved):
                        problems.append(
                            f'{_where(page)}: link "{label}" ({href}) points to #{fragment}, '
                            f"which is not an id on site/{resolved.relative_to(site_dir).as_posix()}.\n"
                            "  Use one of the explicit heading ids of the target page (they are the same in both languages)."
                        )
                if in_content and resolved.suffix == ".html":
                    target_lang = _language_of(resolved.relative_to(site_dir).as_posix())
                    if target_lang != page.lang:
                        problems.append(
                            f'{_where(page)}: content link "{label}" ({href}) goes to a {target_lang} page '
                            f"from a {page.lang} page.\n"
                            f"  Link to the same page in docs/{page.lang}/ instead; readers switch language "
                            "with the selector in the header."
                        )
    return problems


# ---------------------------------------------------------------------------
# Wrong-language text
# ---------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def terminology() -> dict:
    with (DATA_DIR / "terminology.yml").open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def _latin_names() -> list[str]:
    return sorted(terminology().get("latin_names", {}), key=len, reverse=True)


def _is_foreign(element: Tag, lang: str) -> bool:
    """True for an element explicitly marked as the other language (or linking to it).
    hooks/reading.py marks Latin names inside Arabic text with lang="en" and
    `data-latin`: those are still the page's own text and stay checked."""
    if element.has_attr("data-latin"):
        return False
    for attribute in ("lang", "hreflang"):
        value = element.get(attribute)
        if value and value.split("-")[0] != lang:
            return True
    return False


def prose(soup: BeautifulSoup, lang: str, skip: str | None = None) -> list[str]:
    """Visible prose of a page in its own language: text nodes and reader-facing
    attributes, leaving out code, anything marked as another language and
    elements that carry the attribute `skip`."""
    chunks = []
    head_title = soup.find("title")
    if head_title:
        chunks.append(head_title.get_text())
    description = soup.find("meta", attrs={"name": "description"})
    if description and description.get("content"):
        chunks.append(description["content"])
    body = soup.find("body")
    if body is None:
        return chunks

    def walk(element: Tag) -> None:
        # Hidden elements (search keywords) are not prose a reader sees.
        if element.name in NON_PROSE or element.has_attr("hidden") or _is_foreign(element, lang):
            return
        if skip and element.has_attr(skip):
            return
        for attribute in PROSE_ATTRIBUTES:
            if element.get(attribute):
                chunks.append(element[attribute])
        for child in element.children:
            if isinstance(child, Tag):
                walk(child)
            elif isinstance(child, str) and child.strip() and type(child).__name__ == "NavigableString":
                chunks.append(str(child))

    walk(body)
    return chunks


def stray_latin(text: str) -> list[str]:
    """Latin words in Arabic text that are neither allowed names nor acronyms."""
    for name in _latin_names():
        text = re.sub(rf"(?<![A-Za-z]){re.escape(name)}(?![A-Za-z])", " ", text)
    text = ACRONYM.sub(" ", text)
    return LATIN_WORD.findall(text)


def check_wrong_language(site_dir: Path, docs_dir: Path) -> list[str]:
    """Arabic pages are Arabic (Latin only for known names, acronyms, code);
    English pages have no Arabic script outside elements marked lang="ar"."""
    problems = []
    for page in built_pages(site_dir, docs_dir):
        chunks = prose(page.soup, page.lang)
        if page.lang == "ar":
            words = []
            for chunk in chunks:
                words.extend(stray_latin(chunk))
            if words:
                sample = ", ".join(sorted(set(words))[:12])
                problems.append(
                    f"{_where(page)}: Latin words in Arabic text: {sample}.\n"
                    "  Write them in Arabic; keep only tool/platform names (add new ones to latin_names in "
                    "tests/data/terminology.yml with their transliteration), capital acronyms, or `code`."
                )
        else:
            found = [c.strip()[:60] for c in chunks if ARABIC_CHARS.search(c)]
            if found:
                problems.append(
                    f"{_where(page)}: Arabic script in English text: {' | '.join(found[:5])}.\n"
                    "  Write it in English, or mark a genuine Arabic quotation with lang=\"ar\"."
                )
    return problems


# ---------------------------------------------------------------------------
# Content: terminology, coverage of the brief, depth
# ---------------------------------------------------------------------------

ARABIC_LETTER = "\u0621-\u064A\u0671-\u06D3"
ARABIC_MARKS = re.compile("[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")  # diacritics, tatweel
MIN_WORDS = {"roles/": 500, "tools/": 180, "skills/": 180, "platforms/": 350, "arab-markets/": 350, "careers/": 350}


def normalize(text: str) -> str:
    """Lower case, no Arabic diacritics or tatweel, single spaces."""
    text = ARABIC_MARKS.sub("", unicodedata.normalize("NFC", text))
    return re.sub(r"\s+", " ", text).strip().casefold()


def article_text(soup: BeautifulSoup) -> str:
    """The text a reader reads in the page body: no permalinks, code or scripts."""
    article = soup.select_one("article")
    if article is None:
        return ""
    article = BeautifulSoup(str(article), "lxml")
    for junk in article.select("a.headerlink, script, style, pre, code, svg, [hidden]"):
        junk.decompose()
    return article.get_text(" ")


def _content_pages(site_dir: Path, docs_dir: Path) -> list[BuiltPage]:
    return [p for p in built_pages(site_dir, docs_dir) if p.source.startswith("docs/")]


LOANWORD = "data-loanword"  # <span data-loanword>: the glossary teaching a word the market says


def _term_pattern(variant: str) -> re.Pattern:
    return re.compile(
        rf"(?<![{ARABIC_LETTER}])(?:[وفبلك]{{0,2}}){re.escape(normalize(variant))}(?![{ARABIC_LETTER}])"
    )


@functools.lru_cache(maxsize=1)
def term_rules() -> list[tuple[re.Pattern, str, str]]:
    """(pattern, what was written, what to write) for every discouraged variant,
    calque and loanword of tests/data/terminology.yml."""
    data = terminology()
    rules = []
    for term in data["terms"]:
        rules += [(_term_pattern(v), v, f"the preferred term «{term['ar']}»") for v in term.get("discouraged") or []]
    for calque in data.get("calques") or []:
        rules += [(_term_pattern(v), v, f"{calque['write']} ({calque['why']})") for v in calque["found"]]
    for loan in data.get("loanwords") or []:
        rules += [
            (_term_pattern(v), v, f"«{loan['write']}»; the market's word is taught once, in the glossary")
            for v in loan["said"]
        ]
    return rules


def _line_matching(docs_dir: Path, source: str, pattern: re.Pattern) -> int:
    """The line of the Markdown source where a normalised pattern occurs (0 if none)."""
    path = docs_dir.parent / source if source.startswith("docs/") else None
    if path is None or not path.is_file():
        return 0
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    body, _ = get_data(text)
    first = len(lines) - len(body.splitlines()) + 1  # front matter (keywords) is not page text
    for number, line in enumerate(lines[first - 1:], first):
        if pattern.search(normalize(line)):
            return number
    return 0


def check_terminology(site_dir: Path, docs_dir: Path) -> list[str]:
    """Arabic pages use the preferred term: no discouraged variant, calque or
    market loanword in visible text (the glossary's marked loanwords aside)."""
    problems = []
    for page in _content_pages(site_dir, docs_dir):
        if page.lang != "ar":
            continue
        text = normalize(" ".join(prose(page.soup, "ar", skip=LOANWORD)))
        for pattern, variant, write in term_rules():
            match = pattern.search(text)
            if match:
                context = text[max(0, match.start() - 30): match.end() + 30]
                line = _line_matching(docs_dir, page.source, pattern)
                where = f"{page.source}:{line}" if line else (
                    f"{_where(page)}, not in the page's own text (a page title in the navigation, "
                    "or a tooltip of hooks/data/ar/abbreviations.yml)"
                )
                problems.append(
                    f"{where}: uses «{variant}» (…{context}…).\n"
                    f"  Write {write} (tests/data/terminology.yml, WRITING.md)."
                )
    return problems


def check_loanword_marks(site_dir: Path, docs_dir: Path, allowed: tuple[str, ...] = ("glossary.md",)) -> list[str]:
    """The market's loanwords are taught once, in the glossary: a `data-loanword`
    mark anywhere else is prose using the loanword."""
    problems = []
    for page in _content_pages(site_dir, docs_dir):
        if page.source.split("/", 2)[2] in allowed:
            continue
        for mark in page.soup.select(f"article [{LOANWORD}]"):
            problems.append(
                f"{_where(page)}: marks «{mark.get_text(strip=True)}» as a loanword.\n"
                "  Loanwords are taught in the glossary only; write the term of tests/data/terminology.yml here."
            )
    return problems


def load_coverage() -> list[dict]:
    items = []
    for path in sorted((DATA_DIR / "coverage").glob("*.yml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            items.append({**item, "map": f"tests/data/coverage/{path.name}"})
    return items


def check_coverage(site_dir: Path, docs_dir: Path, items: list[dict]) -> list[str]:
    """Each fact of the brief is present, in both languages, on the page the map names."""
    texts = {
        (p.lang, p.source.split("/", 2)[2]): normalize(article_text(p.soup))
        for p in _content_pages(site_dir, docs_dir)
    }
    problems = []
    for item in items:
        for lang in LANGUAGES:
            key = (lang, item["page"])
            if key not in texts:
                problems.append(
                    f"docs/{lang}/{item['page']}: named in {item['map']} for the fact "
                    f"\"{item['fact']}\", but the page was not built.\n"
                    "  Fix the page path in the coverage map, or write the page."
                )
                continue
            missing = [phrase for phrase in item.get(lang) or [] if normalize(phrase) not in texts[key]]
            if not item.get(lang):
                missing = ["(no phrases listed)"]
            if missing:
                problems.append(
                    f"docs/{lang}/{item['page']}: the fact \"{item['fact']}\" is not there: "
                    f"missing {', '.join(repr(m) for m in missing)}.\n"
                    f"  State the fact on this page in {lang}, or correct the phrases in {item['map']}."
                )
    return problems


def words(text: str) -> int:
    return sum(1 for token in text.split() if re.search(rf"[A-Za-z{ARABIC_LETTER}]", token))


def check_depth(site_dir: Path, docs_dir: Path, minimum: dict[str, int] = MIN_WORDS) -> list[str]:
    """Role pages and tool/skill pages reach a minimum length; no section is empty."""
    problems = []
    for page in _content_pages(site_dir, docs_dir):
        rel = page.source.split("/", 2)[2]
        for prefix, least in minimum.items():
            if rel.startswith(prefix) and not rel.endswith("index.md"):
                count = words(article_text(page.soup))
                if count < least:
                    problems.append(
                        f"{page.source}: {count} words; pages under {prefix} need at least {least}.\n"
                        "  This page is thin: add substance (examples, how-to steps), not filler."
                    )
        article = page.soup.select_one("article")
        if article is None:
            continue
        for heading in article.find_all(["h2", "h3"]):
            has_text = False
            for sibling in heading.find_next_siblings():
                if sibling.name in ("h1", "h2", "h3", "h4", "h5", "h6"):
                    break
                if sibling.get_text(strip=True):
                    has_text = True
                    break
            if not has_text:
                label = heading.get_text(" ", strip=True).rstrip("¶").strip()
                problems.append(
                    f"{page.source}#{heading.get('id', '')}: section \"{label}\" is empty.\n"
                    "  Write its text (before any sub-heading), or remove the heading in both languages."
                )
    return problems


# ---------------------------------------------------------------------------
# Review dates and sources (product and regulation facts go stale)
# ---------------------------------------------------------------------------

# Pages whose facts are dated: every page of these sections but its index, and these pages.
REVIEWED_SECTIONS = ("tools/", "platforms/", "roles/", "arab-markets/")
REVIEWED_PAGES = ("glossary.md",)
VENDOR_SOURCES = ("tools/", "platforms/")  # their Sources link the vendor's or platform's own site
MIN_REGIONAL_SOURCES = 3  # distinct external sources on each page under arab-markets/
STALE_AFTER_DAYS = 365
SOURCES_ID = "sources"


def needs_review_date(rel: str) -> bool:
    return rel in REVIEWED_PAGES or (rel.startswith(REVIEWED_SECTIONS) and not rel.endswith("index.md"))


def check_review_dates(docs_dir: Path, today: datetime.date | None = None) -> tuple[list[str], list[str]]:
    """Dated pages carry `reviewed: YYYY-MM-DD` (a real date, not in the future;
    parity holds it identical in both languages). Returns (problems, warnings):
    a date older than a year is a warning, not a failure."""
    today = today or datetime.date.today()
    problems, warnings = [], []
    for lang in LANGUAGES:
        for rel in pages(docs_dir, lang):
            if not needs_review_date(rel):
                continue
            page = read_source(docs_dir, lang, rel)
            value = page.meta.get("reviewed")
            where = f"{page.rel()}:1"
            if value is None:
                problems.append(
                    f"{where}: front matter has no `reviewed` date.\n"
                    "  Check the page's facts against its sources, then add `reviewed: YYYY-MM-DD` "
                    "(the same in both languages)."
                )
            elif not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
                problems.append(
                    f"{where}: `reviewed: {value}` is not a date.\n"
                    "  Write it as YYYY-MM-DD, unquoted, e.g. `reviewed: 2026-12-01`."
                )
            elif value > today:
                problems.append(
                    f"{where}: `reviewed: {value}` is in the future.\n"
                    "  Use the date you last checked the page's facts."
                )
            elif lang == DEFAULT_LANGUAGE and (today - value).days > STALE_AFTER_DAYS:
                warnings.append(
                    f"docs/*/{rel}: last reviewed {value}, {(today - value).days} days ago: check its facts "
                    "against its sources and update `reviewed` in both languages."
                )
    return problems, warnings


def _registrable(host: str) -> str:
    """www.help.hootsuite.com -> hootsuite.com (good enough for vendors' hosts)."""
    parts = host.lower().split(":")[0].split(".")
    if len(parts) >= 3 and len(parts[-1]) == 2 and parts[-2] in ("co", "com", "gov", "org", "net", "ac"):
        return ".".join(parts[-3:])
    return ".".join(parts[-2:])


def _section_links(soup: BeautifulSoup, heading_id: str) -> list[str]:
    heading = soup.select_one(f"article h2#{heading_id}")
    links = []
    if heading is None:
        return links
    for sibling in heading.find_next_siblings():
        if sibling.name in ("h1", "h2"):
            break
        links += [a["href"] for a in sibling.find_all("a", href=True)]
    return links


def check_sources(site_dir: Path, docs_dir: Path) -> list[str]:
    """Tool and platform pages end with a Sources section that links the vendor's
    own site (front matter `website`); pages under arab-markets/ cite at least
    three external sources."""
    problems = []
    for page in _content_pages(site_dir, docs_dir):
        rel = page.source.split("/", 2)[2]
        if rel.endswith("index.md"):
            continue
        if rel.startswith(VENDOR_SOURCES):
            meta = read_source(docs_dir, page.lang, rel).meta
            website = str(meta.get("website") or "")
            if not website.startswith(("http://", "https://")):
                problems.append(
                    f"{page.source}:1: front matter has no `website`.\n"
                    "  Add the vendor's own address, e.g. `website: https://www.hootsuite.com/` (both languages)."
                )
                continue
            domain = _registrable(urlsplit(website).netloc)
            links = _section_links(page.soup, SOURCES_ID)
            if not any(_registrable(urlsplit(href).netloc) == domain for href in links):
                problems.append(
                    f"{page.source}: no Sources link to {domain}.\n"
                    f"  End the page with a section {{ #{SOURCES_ID} }} that links the vendor's own documentation "
                    "for the page's claims (see WRITING.md)."
                )
        elif rel.startswith("arab-markets/"):
            article = page.soup.select_one("article")
            external = {
                a["href"].split("#")[0] for a in (article.find_all("a", href=True) if article else [])
                if a["href"].startswith(("http://", "https://"))
            }
            if len(external) < MIN_REGIONAL_SOURCES:
                problems.append(
                    f"{page.source}: cites {len(external)} external source(s); pages under arab-markets/ "
                    f"need at least {MIN_REGIONAL_SOURCES}.\n"
                    "  Link the source of each figure and rule (a footnote or the Sources list)."
                )
    return problems


LEGAL_PAGES = ("arab-markets/regulation.md",)  # summaries of law: a notice before the first section


def check_legal_notice(site_dir: Path, docs_dir: Path, pages_: tuple[str, ...] = LEGAL_PAGES) -> list[str]:
    """A page that summarises law opens with a visible warning (orientation, not
    legal advice) before its first section, under its review date."""
    problems = []
    for page in _content_pages(site_dir, docs_dir):
        if page.source.split("/", 2)[2] not in pages_:
            continue
        article = page.soup.select_one("article")
        first = article.find("h2") if article else None
        notice = article.select_one(".admonition.warning") if article else None
        reviewed = article.select_one(".page-reviewed time[datetime]") if article else None
        if notice is None or (first is not None and first in notice.find_all_previous("h2")):
            problems.append(
                f"{page.source}: no legal notice before the first section.\n"
                '  Open the page with `!!! warning "…"` saying it is a summary for orientation, not legal '
                "advice, and to check the authority's current text."
            )
        if reviewed is None:
            problems.append(f"{page.source}: no review date under the title; add `reviewed: YYYY-MM-DD` to its front matter.")
    return problems


# ---------------------------------------------------------------------------
# Names on Arabic pages (WRITING.md)
# ---------------------------------------------------------------------------

BRACKETED_LATIN = re.compile(r"\(([A-Za-z][A-Za-z0-9]*(?:[ .&+'’/-]+[A-Za-z0-9]+)*)\)")
GENERATED_LISTINGS = ("tags.md",)  # pages that list every page title by design


def check_bracketed_names(site_dir: Path, docs_dir: Path) -> list[str]:
    """On an Arabic page a Latin name stands in brackets once, at its first mention."""
    problems = []
    for page in _content_pages(site_dir, docs_dir):
        if page.lang != "ar" or page.source.split("/", 2)[2] in GENERATED_LISTINGS:
            continue
        counts = Counter(BRACKETED_LATIN.findall(article_text(page.soup)))
        repeated = sorted(f"({name}) ×{count}" for name, count in counts.items() if count > 1)
        if repeated:
            problems.append(
                f"{page.source}: Latin names in brackets more than once: {', '.join(repeated)}.\n"
                "  Bracket the Latin name at its first mention only (the title counts); then write the "
                "Arabic form alone."
            )
    return problems


def _skill_titles(docs_dir: Path, lang: str) -> dict[str, str]:
    titles = {}
    for rel in pages(docs_dir, lang):
        if rel.startswith("skills/") and not rel.endswith("index.md"):
            titles[rel[len("skills/"):-len(".md")]] = str(read_source(docs_dir, lang, rel).meta.get("title") or "")
    return titles


def _bare_name(text: str) -> str:
    return normalize(BRACKETED_LATIN.sub("", text))


SKILL_LINK = re.compile(r"(?:^|/)skills/([a-z0-9-]+)/?$")


def check_skill_link_names(site_dir: Path, docs_dir: Path, lang: str = DEFAULT_LANGUAGE) -> list[str]:
    """Every link to a skill page (without #section) reads the skill's canonical
    name, its page title, so a skill has one name across the guide."""
    titles = _skill_titles(docs_dir, lang)
    problems = []
    for page in _content_pages(site_dir, docs_dir):
        if page.lang != lang or page.source.split("/", 2)[2] in GENERATED_LISTINGS:
            continue
        article = page.soup.select_one("article")
        for link in article.find_all("a", href=True) if article else []:
            split = urlsplit(link["href"])
            match = SKILL_LINK.search(split.path)
            if split.scheme or split.fragment or not match or match.group(1) not in titles:
                continue
            text, title = " ".join(link.get_text().split()), titles[match.group(1)]  # <abbr> inside stays one word
            if _bare_name(text) != _bare_name(title):
                problems.append(
                    f"{page.source}: link «{text}» to skills/{match.group(1)}.md should read «{title}».\n"
                    "  Use the skill's canonical name (its title, WRITING.md) as the link text; put any "
                    "other words outside the link."
                )
    return problems


def check_head_links(site_dir: Path, docs_dir: Path, site_url: str) -> list[str]:
    """Canonical and hreflang alternates are absolute and name the same page in each language."""
    problems = []
    root = site_url if site_url.endswith("/") else site_url + "/"
    for page in _content_pages(site_dir, docs_dir):
        inner = page.url[len("en/"):] if page.lang == "en" else page.url
        expected = {"ar": root + inner, "en": root + "en/" + inner}
        canonical = page.soup.find("link", rel="canonical")
        if canonical is None or canonical.get("href") != expected[page.lang]:
            problems.append(
                f"{_where(page)}: canonical link is {canonical.get('href') if canonical else None!r}, "
                f"expected {expected[page.lang]!r}.\n"
                "  Canonical URLs are built from site_url (SITE_URL at build time): check mkdocs.yml."
            )
        found = {
            link.get("hreflang"): link.get("href")
            for link in page.soup.find_all("link", rel="alternate", hreflang=True)
        }
        for lang in LANGUAGES:
            if found.get(lang) != expected[lang]:
                problems.append(
                    f"{_where(page)}: hreflang={lang} alternate is {found.get(lang)!r}, "
                    f"expected {expected[lang]!r}.\n"
                    "  Alternates must be absolute and point at the same page in the other language "
                    "(hooks/html_attributes.py)."
                )
    return problems


# ---------------------------------------------------------------------------
# Per-language data of the guide's tools (hooks/data/<lang>/, read by hooks/guide_tools.py)
# ---------------------------------------------------------------------------

DATA_FILES = ("tags.yml", "abbreviations.yml", "labels.yml")
SAME_KEYS = ("tags.yml", "labels.yml")  # every language defines the same keys


def check_tool_data(data_dir: Path, docs_dir: Path) -> list[str]:
    """Both languages define the same tag labels and tooltip files, and every
    `roles:`/`tags:` id of a page has a label in each language."""
    problems = []
    loaded: dict[tuple[str, str], dict] = {}
    for lang in LANGUAGES:
        for name in DATA_FILES:
            path = data_dir / lang / name
            if not path.is_file():
                problems.append(
                    f"hooks/data/{lang}/{name}: missing.\n"
                    f"  Create it with the same keys as the other language's file (see hooks/data/README.md)."
                )
                continue
            try:
                loaded[(lang, name)] = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            except yaml.YAMLError as exc:
                problems.append(f"hooks/data/{lang}/{name}: not valid YAML ({' '.join(str(exc).split())}).\n  Fix the file.")
    labels = {lang: loaded.get((lang, "tags.yml"), {}) for lang in LANGUAGES}
    for name in SAME_KEYS:
        ar, en = set(loaded.get(("ar", name), {})), set(loaded.get(("en", name), {}))
        for key in sorted(ar ^ en):
            missing = "en" if key in ar else "ar"
            problems.append(
                f"hooks/data/{missing}/{name}: no label for the id '{key}' (hooks/data/{'ar' if missing == 'en' else 'en'}/{name} has one).\n"
                f"  Add `{key}: <label in {missing}>`: both languages label the same ids."
            )
    for lang in LANGUAGES:
        for rel in pages(docs_dir, lang):
            page = read_source(docs_dir, lang, rel)
            for key in TAG_FRONT_MATTER:
                for value in page.meta.get(key) or []:
                    if str(value) not in labels[lang]:
                        problems.append(
                            f"{page.rel()}:1: `{key}` id '{value}' has no label in hooks/data/{lang}/tags.yml.\n"
                            f"  Add `{value}: <label in {lang}>` to hooks/data/{lang}/tags.yml (and to the other language), "
                            "or use an existing id."
                        )
    return problems


# ---------------------------------------------------------------------------
# Valid HTML (the W3C Nu HTML Checker, vnu.jar from npm, run by Java)
# ---------------------------------------------------------------------------

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
HTML_ALLOWLIST = DATA_DIR / "html-allowlist.yml"


def html_allowlist() -> list[dict]:
    return yaml.safe_load(HTML_ALLOWLIST.read_text(encoding="utf-8")) or []


def check_html_validity(site_dir: Path, docs_dir: Path, jar: Path = VNU_JAR,
                        allowlist: list[dict] | None = None) -> list[str]:
    """Every built page is valid HTML, but for the allowlisted upstream messages."""
    import json
    import subprocess

    allowlist = html_allowlist() if allowlist is None else allowlist
    result = subprocess.run(
        ["java", "-jar", str(jar), "--skip-non-html", "--errors-only", "--format", "json", str(site_dir)],
        capture_output=True, text=True,
    )
    try:
        messages = json.loads(result.stderr)["messages"]
    except (ValueError, KeyError):
        return [f"vnu.jar did not report (exit {result.returncode}): {result.stderr[:500]}"]
    sources = {p.path.resolve(): p for p in built_pages(site_dir, docs_dir)}
    problems = []
    for message in messages:
        if message.get("type") != "error" or any(a["message"] in message["message"] for a in allowlist):
            continue
        path = Path(unquote(urlsplit(message.get("url", "")).path)).resolve()
        page = sources.get(path)
        where = _where(page) if page else f"site/{path.relative_to(site_dir.resolve()).as_posix()}" \
            if path.is_relative_to(site_dir.resolve()) else str(path)
        extract = " ".join(message.get("extract", "").split())[:120]
        problems.append(
            f"{where}:{message.get('lastLine', 0)}: {message['message']}\n"
            f"  …{extract}…\n"
            "  Fix the page, hook or override that writes it; an error from Material's own templates that no "
            "small override can fix goes into tests/data/html-allowlist.yml with its reason."
        )
    return problems


# ---------------------------------------------------------------------------
# Command line: every check on the real guide, for a contributor at work
# ---------------------------------------------------------------------------


def all_problems(site_dir: Path, docs_dir: Path, result: BuildResult) -> list[str]:
    problems = build_problems(result)
    for check in (check_parity, check_front_matter, check_heading_ids):
        problems += check(docs_dir)
    problems += check_review_dates(docs_dir)[0]
    for check in (
        check_html_language, check_wrong_language, check_terminology, check_loanword_marks,
        check_depth, check_sources, check_bracketed_names, check_skill_link_names, check_legal_notice,
    ):
        problems += check(site_dir, docs_dir)
    problems += check_links(site_dir, docs_dir, result.site_url)
    problems += check_coverage(site_dir, docs_dir, load_coverage())
    problems += check_tool_data(ROOT / "hooks" / "data", docs_dir)
    return problems


def main(argv: list[str]) -> int:
    """python tests/sitecheck.py [PATH ...]: build the guide into a temporary
    folder and run the content checks; with paths (docs/ar/roles/x.md, or a
    folder), print only the problems that name them."""
    import os
    import tempfile

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    with tempfile.TemporaryDirectory() as temp:
        result = build_site(Path(temp) / "site")
        if result.error and not result.warnings:
            print(f"mkdocs build failed: {result.error}")
            return 1
        problems = all_problems(result.site_dir, ROOT / "docs", result)
    if argv:
        problems = [p for p in problems if any(arg.rstrip("/") in p for arg in argv)]
    print("\n".join(problems) if problems else "No problems.")
    print(f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv[1:]))
