"""MkDocs hook: links between platforms, tools, skills and career paths, kept in
one place (front matter) and written both ways, so no list is kept by hand.

- A platform page (platforms/<id>.md) names the guide's tools that manage it
  (possibly none) and the skills it exercises: `tools: [meta-ads-manager, ...]`,
  `skills: [graphic-design, ...]`. `<!-- guide-platform-tools -->` on the page
  becomes the two lists.
- A career page (careers/<role>.md) gives the order in which to build the
  role's skills: `path: [content-writing-and-planning, ...]`.
  `<!-- guide-career-path -->` becomes the numbered list.
- Tool and skill pages link back: `<!-- guide-backlinks -->` becomes the
  platforms that name the page and, on a skill page, the career paths that use
  it. A page that some platform or path names must have the marker; a marker
  with nothing to list, an unknown id or a marker on the wrong page fails the
  build (a warning, and the build is strict).

Titles and descriptions come from each page's front matter in the page's
language; the words around them from hooks/data/<lang>/labels.yml. A bracketed
Latin name is left out of a generated link's text (WRITING.md: it stands in
brackets once per page, and the page may already have it).
"""

from __future__ import annotations

import logging
import posixpath
import re

from guide_data import (
    CAREERS,
    PLATFORMS,
    SKILLS,
    TOOLS,
    bare_title,
    current_language,
    id_list,
    item_id,
    labels,
    nav_pages,
    neutral_path,
)
from mkdocs.plugins import event_priority

PLATFORM_TOOLS = re.compile(r"<!--\s*guide-platform-tools\s*-->")
CAREER_PATH = re.compile(r"<!--\s*guide-career-path\s*-->")
BACKLINKS = re.compile(r"<!--\s*guide-backlinks\s*-->")

log = logging.getLogger("mkdocs.hooks.cross_links")

PAGES: dict[str, dict] = {}  # this language's nav pages by path


@event_priority(-110)  # after static-i18n's on_nav (-100) has built this language's nav
def on_nav(nav, config, files):
    PAGES.clear()
    PAGES.update({page["path"]: page for page in nav_pages(nav)})
    return nav


def _ids(page: dict, key: str) -> list[str]:
    return id_list(page["meta"].get(key))


def _section(prefix: str) -> list[dict]:
    return [p for p in PAGES.values() if p["path"].startswith(prefix) and not p["path"].endswith("index.md")]


def _item(here: str, page: dict, numbered: int | None = None) -> str:
    link = posixpath.relpath(page["path"], posixpath.dirname(here))
    bullet = f"{numbered}." if numbered else "-"
    return f"{bullet} [{bare_title(page['title'])}]({link}): {page['description']}"


def _targets(lang: str, here: str, key: str, prefix: str) -> list[dict]:
    found = []
    for target in _ids(PAGES[here], key):
        page = PAGES.get(f"{prefix}{target}.md")
        if page is None:
            log.warning(
                f"docs/{lang}/{here}: `{key}` names '{target}', but {prefix}{target}.md is not a page of the guide.\n"
                f"  Use the file name (without .md) of a page under {prefix}."
            )
        else:
            found.append(page)
    return found


def _platform_tools(lang: str, here: str) -> str:
    words, blocks = labels(lang), []
    for key, prefix, label in (("tools", TOOLS, "platform_tools"), ("skills", SKILLS, "platform_skills")):
        items = _targets(lang, here, key, prefix)
        if not items:
            if key == "skills":
                log.warning(f"docs/{lang}/{here}: front matter `skills` is empty; name the skills this platform needs.")
            continue  # a platform none of the guide's tools manages has no tool list
        blocks.append(f"**{words[label]}**\n\n" + "\n".join(_item(here, page) for page in items))
    return "\n\n".join(blocks)


def _career_path(lang: str, here: str) -> str:
    skills = _targets(lang, here, "path", SKILLS)
    if not skills:
        log.warning(f"docs/{lang}/{here}: front matter `path` lists no skill; give the role's skills in learning order.")
    return "\n".join(_item(here, page, number) for number, page in enumerate(skills, start=1))


def backlinks(path: str) -> dict[str, list[dict]]:
    """The platforms that name this tool or skill page, and the career paths that use this skill."""
    found = {"platforms": [], "careers": []}
    key = "tools" if path.startswith(TOOLS) else "skills"
    for platform in _section(PLATFORMS):
        if item_id(path) in _ids(platform, key):
            found["platforms"].append(platform)
    if path.startswith(SKILLS):
        found["careers"] = [c for c in _section(CAREERS) if item_id(path) in _ids(c, "path")]
    return found


def _backlinks(lang: str, here: str) -> str:
    """A tool page lists its platforms under its own heading; a skill page labels
    its two lists (platforms, career paths)."""
    words, blocks, found = labels(lang), [], backlinks(here)
    for key, label in (("platforms", "backlinks_platforms"), ("careers", "backlinks_careers")):
        items = found[key]
        if items:
            listing = "\n".join(_item(here, page) for page in items)
            blocks.append(listing if here.startswith(TOOLS) else f"**{words[label]}**\n\n{listing}")
    if not blocks:
        log.warning(
            f"docs/{lang}/{here}: <!-- guide-backlinks --> has nothing to list: no platform page names this page.\n"
            "  Remove the marker and its section (both languages), or name the page in a platform's front matter."
        )
    return "\n\n".join(blocks)


MARKERS = (  # (marker, the pages it belongs on, what it becomes)
    (PLATFORM_TOOLS, PLATFORMS, _platform_tools),
    (CAREER_PATH, CAREERS, _career_path),
    (BACKLINKS, (TOOLS, SKILLS), _backlinks),
)


def on_page_markdown(markdown, page, config, files):
    lang, here = current_language(config), neutral_path(page.file)
    if here not in PAGES:
        return markdown
    listed = here.startswith((TOOLS, SKILLS)) and not here.endswith("index.md")
    if listed and not BACKLINKS.search(markdown) and any(backlinks(here).values()):
        log.warning(
            f"docs/{lang}/{here}: a platform page or career path names this page, but it has no "
            "<!-- guide-backlinks --> marker to link back.\n"
            "  Add a section with the marker (both languages), see CONTRIBUTING.md."
        )
    for pattern, prefix, render in MARKERS:
        if not pattern.search(markdown):
            continue
        if not here.startswith(prefix) or here.endswith("index.md"):
            log.warning(f"docs/{lang}/{here}: the marker {pattern.pattern!r} belongs on pages under {prefix}.")
            markdown = pattern.sub("", markdown)
            continue
        markdown = pattern.sub(lambda _: "\n\n" + render(lang, here) + "\n\n", markdown, count=1)
    return markdown
