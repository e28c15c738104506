"""MkDocs hook: the job-description builder (hiring/job-description.md) gets its
content from the guide's own pages, never from strings in a script.

- `<!-- guide-jd-platforms -->` inside the page's form becomes one checkbox per
  platform page (its Arabic or English name, in nav order).
- `<!-- guide-jd-data -->` becomes a JSON block the builder's script reads
  (overrides/assets/javascripts/job-description.js): per role its page,
  responsibilities (the bold labels of the role page's #responsibilities list)
  and signs of progress (the bold labels of
  hiring/first-90-days.md's #<role>-signs-of-progress list); every skill, tool and
  platform page with its name, link, roles and tags.
- `<!-- guide-job-description role="..." -->` becomes a complete description for
  that role, for readers without JavaScript: the same data, the same words.

The words around the data (section names, job titles, a summary of each role,
the sentences for the company stage and for paid campaigns or a hosted
community) are in the page itself, as data-* attributes of its form: each
language writes its own.
Runs in on_page_context, when every page of the language has been rendered.
"""

from __future__ import annotations

import html
import json
import logging
import re

from guide_data import (
    HIRING,
    PLATFORMS,
    ROLES,
    SKILLS,
    TOOLS,
    bare_title,
    current_language,
    item_id,
    nav_pages,
    neutral_path,
    read_page,
)
from lxml.html import fragment_fromstring
from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

PAGE = f"{HIRING}job-description.md"
PROGRESS = f"{HIRING}first-90-days.md"
PLATFORM_BOXES = re.compile(r"<!--\s*guide-jd-platforms\s*-->")
DATA = re.compile(r"<!--\s*guide-jd-data\s*-->")
STATIC = re.compile(r'<!--\s*guide-job-description\s+role="([a-z-]+)"\s*-->')
# The builder's options for paid campaigns and a hosted community: what they add.
PAID_TAG, COMMUNITY_TAG = "paid-advertising", "community-platform"
PAID_SKILL, COMMUNITY_SKILL = "paid-advertising", "encouraging-positive-behaviour"
# Words the page's form must define (data-* attributes), used by the hook and the script.
WORDS = (
    "heading-summary", "heading-responsibilities", "heading-skills", "heading-tools", "heading-platforms",
    "heading-success", "paid", "community", "summary-social-media-manager", "summary-community-manager",
    "summary-both",
)

log = logging.getLogger("mkdocs.hooks.job_description")


def _points(page, lang: str, heading_id: str, owner: str) -> list[str]:
    heading = read_page(page, lang).heading(heading_id)
    if heading is None or not heading.points:
        log.warning(
            f"docs/{lang}/{owner}: the job-description builder needs a list under the heading "
            f"{{ #{heading_id} }} (each item starting with a bold label)."
        )
        return []
    return heading.points


def builder_data(nav, page, lang: str) -> dict:
    """Everything the builder shows, with links relative to the builder's page."""
    pages = {neutral_path(p.file): p for p in nav.pages}
    meta = {p["path"]: p for p in nav_pages(nav)}

    def _link(path: str) -> str:
        return get_relative_url(pages[path].url, page.url)

    def listed(prefix: str) -> list[dict]:
        return [
            {
                "id": item_id(path), "name": bare_title(entry["title"]), "url": _link(path),
                "roles": entry["roles"], "tags": entry["tags"],
            }
            for path, entry in meta.items() if path.startswith(prefix) and not path.endswith("index.md")
        ]

    roles = {}
    for path, entry in meta.items():
        if not path.startswith(ROLES) or path.endswith("index.md"):
            continue
        role = item_id(path)
        roles[role] = {
            "name": entry["title"], "url": _link(path),
            "responsibilities": _points(pages[path], lang, "responsibilities", path),
            "success": _points(pages[PROGRESS], lang, f"{role}-signs-of-progress", PROGRESS) if PROGRESS in pages else [],
        }
    return {
        "roles": roles, "skills": listed(SKILLS), "tools": listed(TOOLS), "platforms": listed(PLATFORMS),
        "paid": {"tag": PAID_TAG, "skill": PAID_SKILL}, "community": {"tag": COMMUNITY_TAG, "skill": COMMUNITY_SKILL},
    }


def description(data: dict, words: dict, roles: list[str], paid: bool, community: bool) -> list[tuple[str, list]]:
    """The sections of a job description: (heading, items); an item is text or (text, url).
    The same rule as selection() in job-description.js: a skill or tool goes in when one
    of the chosen roles uses it, except the paid-campaign and hosted-community ones,
    which go in when that option is chosen."""
    def option(item: dict, kind: str) -> bool | None:
        for name, chosen in (("paid", paid), ("community", community)):
            if (item["id"] == data[name]["skill"]) if kind == "skill" else (item["tags"][:1] == [data[name]["tag"]]):
                return chosen
        return None

    def wanted(item: dict, kind: str) -> bool:
        chosen = option(item, kind)
        return chosen if chosen is not None else any(role in item["roles"] for role in roles)

    summary = [words[f"summary-{role}"] for role in roles]
    summary += [words[name] for name, on in (("paid", paid), ("community", community)) if on]
    return [
        (words["heading-summary"], summary),
        (words["heading-responsibilities"], [p for role in roles for p in data["roles"][role]["responsibilities"]]),
        (words["heading-skills"], [(s["name"], s["url"]) for s in data["skills"] if wanted(s, "skill")]),
        (words["heading-tools"], [(t["name"], t["url"]) for t in data["tools"] if wanted(t, "tool")]),
        (words["heading-success"], [p for role in roles for p in data["roles"][role]["success"]]),
    ]


def _html(sections: list[tuple[str, list]]) -> str:
    """A ready-made description under the page's own heading: its sections are bold
    labels, not headings, so the page's outline stays the page's."""
    parts = []
    for heading, items in sections:
        if not items:
            continue
        parts.append(f'<p class="jd-builder__section"><strong>{html.escape(heading)}</strong></p>')
        if heading == sections[0][0]:
            parts += [f"<p>{html.escape(text)}</p>" for text in items]
            continue
        lines = [
            f'<li><a href="{html.escape(item[1])}">{html.escape(item[0])}</a></li>' if isinstance(item, tuple)
            else f"<li>{html.escape(item)}</li>"
            for item in items
        ]
        parts.append("<ul>" + "".join(lines) + "</ul>")
    return "\n".join(parts)


def _words(content: str, lang: str) -> dict:
    form = re.search(r"<form\b[^>]*\bdata-jd-builder\b[^>]*>", content)
    words = {}
    if form:
        tag = fragment_fromstring(form.group(0) + "</form>")
        words = {name: tag.get(f"data-{name}") for name in WORDS if tag.get(f"data-{name}")}
    missing = [f"data-{name}" for name in WORDS if name not in words]
    if missing:
        log.warning(
            f"docs/{lang}/{PAGE}: the builder's <form data-jd-builder> needs the attributes {', '.join(missing)} "
            "(the words of the description, in the page language)."
        )
        words.update({name: "" for name in WORDS if name not in words})
    return words


NAV_PAGES: list[dict] = []  # this language's nav pages with their front matter


@event_priority(-110)  # after static-i18n's on_nav (-100) has built this language's nav
def on_nav(nav, config, files):
    NAV_PAGES[:] = nav_pages(nav)
    return nav


def on_page_markdown(markdown, page, config, files):
    if neutral_path(page.file) != PAGE:
        return markdown
    boxes = []
    for entry in NAV_PAGES:
        if entry["path"].startswith(PLATFORMS) and not entry["path"].endswith("index.md"):
            platform = item_id(entry["path"])
            boxes.append(
                f'<div class="jd-builder__item"><input type="checkbox" id="p-{platform}" name="p" value="{platform}">'
                f'<label for="p-{platform}">{html.escape(bare_title(entry["title"]))}</label></div>'
            )
    return PLATFORM_BOXES.sub(lambda _: "\n".join(boxes), markdown)


def on_page_context(context, page, config, nav):
    if neutral_path(page.file) != PAGE:
        return context
    lang = current_language(config)
    data = builder_data(nav, page, lang)
    words = _words(page.content or "", lang)
    blob = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    content = DATA.sub(lambda _: f'<script type="application/json" data-jd-data>{blob}</script>', page.content, count=1)

    def static(match: re.Match) -> str:
        role = match.group(1)
        if role not in data["roles"]:
            log.warning(f"docs/{lang}/{PAGE}: guide-job-description names the unknown role '{role}'.")
            return ""
        paid, community = role == "social-media-manager", role == "community-manager"
        return _html(description(data, words, [role], paid, community))

    page.content = STATIC.sub(static, content)
    return context
