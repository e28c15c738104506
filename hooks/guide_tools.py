"""MkDocs hook: the guide's browsing tools, built from front matter.

- Tags by role and purpose: Material's tags plugin reads the `browse` property
  (`tags_name_property` in mkdocs.yml), which this hook fills on tool and skill
  pages with the page's `roles:` followed by its `tags:`. Front matter keeps
  ASCII kebab-case ids, identical in both languages (api/v1/guide.json exports
  them unchanged); readers see the label of each id in the page's language, from
  hooks/data/<lang>/tags.yml (config.extra.tag_labels, read by overrides/partials/tags.html
  and overrides/fragments/tags/default/tag.html). The slug of a tag in the listing
  comes from its id, so `tags/#tag-publishing` is the same in both languages.
- Generated lists on section index pages: a marker in docs/<lang>/tools/index.md
  or docs/<lang>/skills/index.md,

      <!-- guide-list roles="community-manager" purpose="social-listening" -->

  is replaced by a list of the section's pages whose `roles:` are exactly those
  roles and whose main purpose (the first of their `tags:`) is one of `purpose`
  (any purpose when it is left out): title and description from front matter,
  in the page's language, in nav order. A page goes under the first marker that
  matches it; a page no marker matches fails the build.
- Glossary tooltips: the terms and acronyms of hooks/data/<lang>/abbreviations.yml are
  appended to every page of that language as `abbr` definitions, so each
  occurrence shows its short definition (Material's `content.tooltips`). The
  glossary page itself is left out: it holds the full definitions.
"""

from __future__ import annotations

import logging
import posixpath
import re
from pathlib import Path

import yaml
from guide_data import GLOSSARY, SKILLS, TOOLS, current_language, neutral_path
from mkdocs.plugins import event_priority
from mkdocs.utils.meta import get_data

DATA_DIR = Path(__file__).resolve().parent / "data"
BROWSE = "browse"  # the front matter property Material's tags plugin reads
SECTIONS = (TOOLS, SKILLS)
MARKER = re.compile(r"<!--\s*guide-list\b(?P<args>[^>]*?)-->")
ARGUMENT = re.compile(r'(\w+)="([^"]*)"')

log = logging.getLogger("mkdocs.hooks.guide_tools")

# Per language build: the section pages in nav order, with their front matter.
SECTION_PAGES: list[dict] = []


def _data(lang: str, name: str) -> dict:
    path = DATA_DIR / lang / name
    if not path.is_file():
        return {}
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def tag_labels(lang: str) -> dict[str, str]:
    return {str(k): str(v) for k, v in _data(lang, "tags.yml").items()}


def abbreviations(lang: str) -> dict[str, str]:
    return {str(k): " ".join(str(v).split()) for k, v in _data(lang, "abbreviations.yml").items()}


def _source(lang: str, path: str) -> str:
    return f"docs/{lang}/{path}"


# ---------------------------------------------------------------------------
# Events (static-i18n builds each language in turn; every event sees one language)
# ---------------------------------------------------------------------------


def on_pre_build(config):
    config.extra["tag_labels"] = tag_labels(current_language(config))


@event_priority(-110)  # after static-i18n's on_nav (-100) has built this language's nav
def on_nav(nav, config, files):
    SECTION_PAGES.clear()
    for page in nav.pages:
        path = neutral_path(page.file)
        if not path.startswith(SECTIONS) or path.endswith("index.md"):
            continue
        try:
            _, meta = get_data(page.file.content_string)
        except Exception:  # malformed front matter is reported by the build and the tests
            meta = {}
        SECTION_PAGES.append({
            "path": path,
            "title": str(meta.get("title") or path),
            "description": " ".join(str(meta.get("description") or "").split()),
            "roles": [str(r) for r in meta.get("roles") or []],
            "tags": [str(t) for t in meta.get("tags") or []],
        })
    return nav


def _browse_tags(page, lang: str) -> None:
    roles, tags = page.meta.get("roles") or [], page.meta.get("tags") or []
    if not (roles or tags):
        return
    ids = list(dict.fromkeys(str(t) for t in [*roles, *tags]))
    labels = tag_labels(lang)
    missing = [t for t in ids if t not in labels]
    if missing:
        log.warning(
            f"{_source(lang, neutral_path(page.file))}: no {lang} label for the tag(s) {', '.join(missing)}.\n"
            f"  Add `{missing[0]}: <label in {lang}>` to hooks/data/{lang}/tags.yml (and the other language's file)."
        )
    page.meta[BROWSE] = [t for t in ids if t in labels]


def _matches(item: dict, args: dict[str, str]) -> bool:
    if set(item["roles"]) != set(args.get("roles", "").split()):
        return False
    purposes = args.get("purpose", "").split()
    return not purposes or (bool(item["tags"]) and item["tags"][0] in purposes)


def _listing(index_path: str, items: list[dict]) -> str:
    folder = posixpath.dirname(index_path)
    lines = []
    for item in items:
        link = posixpath.relpath(item["path"], folder)
        lines.append(f"- [{item['title']}]({link}): {item['description']}")
    return "\n".join(lines)


def _generated_lists(markdown: str, page, lang: str) -> str:
    index_path = neutral_path(page.file)
    section = posixpath.dirname(index_path) + "/"
    candidates = [item for item in SECTION_PAGES if item["path"].startswith(section)]
    listed: set[str] = set()

    def replace(match: re.Match) -> str:
        args = dict(ARGUMENT.findall(match.group("args")))
        if "roles" not in args:
            log.warning(
                f"{_source(lang, index_path)}: the marker {match.group(0)!r} names no roles.\n"
                '  Write it as <!-- guide-list roles="social-media-manager" purpose="publishing" -->.'
            )
            return ""
        found = [i for i in candidates if i["path"] not in listed and _matches(i, args)]
        listed.update(i["path"] for i in found)
        return "\n\n" + _listing(index_path, found) + "\n\n" if found else ""

    markdown = MARKER.sub(replace, markdown)
    for item in candidates:
        if item["path"] not in listed:
            log.warning(
                f"{_source(lang, item['path'])}: not listed on {_source(lang, index_path)}: no guide-list marker "
                f"there matches its roles {item['roles']} and main purpose "
                f"{item['tags'][0] if item['tags'] else '(no tags)'!r}.\n"
                "  Put the page's main purpose first in its `tags:` (both languages), or add a marker "
                "for it to the index page in both languages (see CONTRIBUTING.md)."
            )
    return markdown


def _abbreviation_block(lang: str) -> str:
    terms = abbreviations(lang)
    if not terms:
        return ""
    return "\n\n" + "\n".join(f"*[{term}]: {definition}" for term, definition in terms.items()) + "\n"


def on_page_markdown(markdown, page, config, files):
    # Priority 0: after static-i18n (50), before Material's tags plugin (-50).
    lang = current_language(config)
    _browse_tags(page, lang)
    if MARKER.search(markdown):
        markdown = _generated_lists(markdown, page, lang)
    if neutral_path(page.file) == GLOSSARY:
        return markdown  # the full definitions are on the page itself
    return markdown + _abbreviation_block(lang)


def _label_toc(items, labels: dict[str, str]) -> None:
    for item in items:
        if item.id == f"tag-{item.title}" and item.title in labels:
            item.title = labels[item.title]
        _label_toc(item.children, labels)


def on_page_context(context, page, config, nav):
    """The tags index: its table of contents names each tag by its label too
    (Material's tags plugin adds the entries with the tag id)."""
    _label_toc(page.toc or [], config.extra.get("tag_labels") or {})
    return context
