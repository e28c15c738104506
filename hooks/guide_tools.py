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
- Review dates: a page with `reviewed: YYYY-MM-DD` in front matter shows the date
  under its title, in the page language ("Last reviewed 1 December 2026").
- Interview questions: a skill page's `interview:` (question, strong, warning) and
  `exercise:` front matter are rendered where the page has `<!-- guide-interview -->`,
  and every skill's questions are gathered on the interview kit by
  `<!-- guide-interview-kit roles="community-manager" -->` (skills whose `roles:`
  are exactly those, in nav order).

The words these generate come from hooks/data/<lang>/labels.yml.
"""

from __future__ import annotations

import datetime
import logging
import posixpath
import re

from guide_data import (
    GLOSSARY,
    PLATFORMS,
    SKILLS,
    TOOLS,
    current_language,
    forget_hook_data,
    hook_data,
    item_id,
    labels,
    nav_pages,
    neutral_path,
)
from mkdocs.plugins import event_priority

BROWSE = "browse"  # the front matter property Material's tags plugin reads
SECTIONS = (TOOLS, SKILLS, PLATFORMS)
MARKER = re.compile(r"<!--\s*guide-list\b(?P<args>[^>]*?)-->")
INTERVIEW = re.compile(r"<!--\s*guide-interview\s*-->")
INTERVIEW_KIT = re.compile(r"<!--\s*guide-interview-kit\b(?P<args>[^>]*?)-->")
INTERVIEW_FIELDS = ("question", "strong", "warning")
TITLE = re.compile(r"^# .*$", re.MULTILINE)
ARGUMENT = re.compile(r'(\w+)="([^"]*)"')

log = logging.getLogger("mkdocs.hooks.guide_tools")

# Per language build: the section pages in nav order, with their front matter.
SECTION_PAGES: list[dict] = []


def tag_labels(lang: str) -> dict[str, str]:
    return {str(k): str(v) for k, v in hook_data(lang, "tags.yml").items()}


def abbreviations(lang: str) -> dict[str, str]:
    return {str(k): " ".join(str(v).split()) for k, v in hook_data(lang, "abbreviations.yml").items()}


def _source(lang: str, path: str) -> str:
    return f"docs/{lang}/{path}"


# ---------------------------------------------------------------------------
# Events (static-i18n builds each language in turn; every event sees one language)
# ---------------------------------------------------------------------------


def on_pre_build(config):
    forget_hook_data()  # `mkdocs serve` rebuilds after a data file changed
    config.extra["tag_labels"] = tag_labels(current_language(config))


@event_priority(-110)  # after static-i18n's on_nav (-100) has built this language's nav
def on_nav(nav, config, files):
    SECTION_PAGES.clear()
    for page in nav_pages(nav):
        path, meta = page["path"], page["meta"]
        if not path.startswith(SECTIONS) or path.endswith("index.md"):
            continue
        SECTION_PAGES.append({
            **page,
            "interview": meta.get("interview"),
            "exercise": meta.get("exercise"),
        })
    return nav


def _browse_tags(page, lang: str) -> None:
    roles, tags = page.meta.get("roles") or [], page.meta.get("tags") or []
    if not (roles or tags):
        return
    ids = list(dict.fromkeys(str(t) for t in [*roles, *tags]))
    known = tag_labels(lang)
    missing = [t for t in ids if t not in known]
    if missing:
        log.warning(
            f"{_source(lang, neutral_path(page.file))}: no {lang} label for the tag(s) {', '.join(missing)}.\n"
            f"  Add `{missing[0]}: <label in {lang}>` to hooks/data/{lang}/tags.yml (and the other language's file)."
        )
    page.meta[BROWSE] = [t for t in ids if t in known]


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
    _warn_unlisted(candidates, listed, lambda item: (
        f"{_source(lang, item['path'])}: not listed on {_source(lang, index_path)}: no guide-list marker "
        f"there matches its roles {item['roles']} and main purpose "
        f"{item['tags'][0] if item['tags'] else '(no tags)'!r}.\n"
        "  Put the page's main purpose first in its `tags:` (both languages), or add a marker "
        "for it to the index page in both languages (see CONTRIBUTING.md)."
    ))
    return markdown


def _warn_unlisted(items: list[dict], listed: set[str], message) -> None:
    """A page a generated list should hold but no marker picked up: warn (fails --strict)."""
    for item in items:
        if item["path"] not in listed:
            log.warning(message(item))


# ---------------------------------------------------------------------------
# Review dates and interview questions
# ---------------------------------------------------------------------------


def format_date(value, lang: str) -> str:
    words = labels(lang)
    return words["date"].format(day=value.day, month=words["months"][value.month - 1], year=value.year)


def _reviewed_line(markdown: str, page, lang: str) -> str:
    value = page.meta["reviewed"]
    if not isinstance(value, datetime.date):
        log.warning(
            f"{_source(lang, neutral_path(page.file))}: `reviewed: {value}` is not a date.\n"
            "  Write it as YYYY-MM-DD, unquoted, e.g. `reviewed: 2026-12-01`."
        )
        return markdown
    text = labels(lang)["reviewed"].format(date=format_date(value, lang))
    line = f'<p class="page-reviewed" data-pagefind-ignore><time datetime="{value.isoformat()}">{text}</time></p>'
    title = TITLE.search(markdown)
    if title is None:
        return line + "\n\n" + markdown
    return markdown[: title.end()] + "\n\n" + line + "\n" + markdown[title.end():]


def interview_problems(item: dict) -> list[str]:
    """What is wrong with a skill page's `interview:`/`exercise:` front matter."""
    questions, exercise = item.get("interview"), item.get("exercise")
    if not isinstance(questions, list) or not 3 <= len(questions) <= 5:
        return ["`interview:` must list 3 to 5 questions"]
    problems = []
    for number, question in enumerate(questions, 1):
        if not isinstance(question, dict) or set(question) != set(INTERVIEW_FIELDS) or not all(
            isinstance(question[key], str) and question[key].strip() for key in INTERVIEW_FIELDS
        ):
            problems.append(f"question {number} must have exactly {', '.join(INTERVIEW_FIELDS)} (non-empty text)")
    if exercise is not None and not (isinstance(exercise, str) and exercise.strip()):
        problems.append("`exercise:` must be text")
    return problems


def _questions(item: dict, lang: str) -> str:
    words = labels(lang)
    lines = []
    for number, question in enumerate(item["interview"], 1):
        lines.append(f"{number}. **{' '.join(question['question'].split())}**")
        lines.append(f"    - **{words['interview_strong']}** {' '.join(question['strong'].split())}")
        lines.append(f"    - **{words['interview_warning']}** {' '.join(question['warning'].split())}")
    if item.get("exercise"):
        lines += ["", f"**{words['interview_exercise']}** {' '.join(item['exercise'].split())}"]
    return "\n".join(lines)


def _interview(markdown: str, page, lang: str) -> str:
    path = neutral_path(page.file)
    item = next((i for i in SECTION_PAGES if i["path"] == path), None)
    problems = interview_problems(item) if item else ["the marker is only for skill pages"]
    if problems:
        log.warning(
            f"{_source(lang, path)}: <!-- guide-interview --> cannot be rendered: {'; '.join(problems)}.\n"
            "  See CONTRIBUTING.md (interview questions): front matter `interview:` with 3 to 5 items of "
            "question/strong/warning, and an optional `exercise:`."
        )
        return INTERVIEW.sub("", markdown)
    return INTERVIEW.sub(lambda _: "\n\n" + _questions(item, lang) + "\n\n", markdown, count=1)


def _interview_kit(markdown: str, page, lang: str) -> str:
    kit_path = neutral_path(page.file)
    folder = posixpath.dirname(kit_path)
    skills = [i for i in SECTION_PAGES if i["path"].startswith(SKILLS) and not i["path"].endswith("index.md")]
    listed: set[str] = set()
    words = labels(lang)

    def replace(match: re.Match) -> str:
        roles = set(dict(ARGUMENT.findall(match.group("args"))).get("roles", "").split())
        blocks = []
        for item in skills:
            if set(item["roles"]) != roles or item["path"] in listed:
                continue
            listed.add(item["path"])
            problems = interview_problems(item)
            if problems:
                log.warning(
                    f"{_source(lang, item['path'])}: its interview questions cannot go on "
                    f"{_source(lang, kit_path)}: {'; '.join(problems)}.\n"
                    "  Fix its front matter `interview:` (see CONTRIBUTING.md)."
                )
                continue
            link = posixpath.relpath(item["path"], folder)
            blocks.append(
                f"### {item['title']} {{ #{item_id(item['path'])} }}\n\n{_questions(item, lang)}\n\n"
                f"{words['interview_skill_page']} [{item['title']}]({link})"
            )
        return "\n\n" + "\n\n".join(blocks) + "\n\n"

    markdown = INTERVIEW_KIT.sub(replace, markdown)
    _warn_unlisted(skills, listed, lambda item: (
        f"{_source(lang, item['path'])}: its interview questions are not on {_source(lang, kit_path)}: "
        f"no guide-interview-kit marker there has exactly its roles {item['roles']}.\n"
        "  Add a marker for those roles to the kit page in both languages."
    ))
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
    if INTERVIEW.search(markdown):
        markdown = _interview(markdown, page, lang)
    elif page.meta.get("interview") is not None:
        log.warning(
            f"{_source(lang, neutral_path(page.file))}: has `interview:` questions but no "
            "<!-- guide-interview --> marker to show them.\n"
            "  Put the marker in the section { #interview-questions } (both languages)."
        )
    if INTERVIEW_KIT.search(markdown):
        markdown = _interview_kit(markdown, page, lang)
    if page.meta.get("reviewed") is not None:
        markdown = _reviewed_line(markdown, page, lang)
    if neutral_path(page.file) == GLOSSARY:
        return markdown  # the full definitions are on the page itself
    return markdown + _abbreviation_block(lang)


def _label_toc(items, labels: dict[str, str]) -> None:
    for item in items:
        if item.id == f"tag-{item.title}" and item.title in labels:
            item.title = labels[item.title]
        _label_toc(item.children, labels)


def _shallow_toc(page, lang: str) -> None:
    """`toc_depth: 2` in front matter: the table of contents lists the page's
    sections, not every entry (the glossary's 64 terms were listed twice on each
    visit, in the sidebar and in the phone's menu)."""
    depth = page.meta.get("toc_depth")
    if depth is None:
        return
    if depth != 2:
        log.warning(
            f"{_source(lang, neutral_path(page.file))}: `toc_depth: {depth}` is not supported; "
            "write `toc_depth: 2` (sections only) or leave it out."
        )
        return
    for item in page.toc or []:
        for child in item.children:
            child.children = []


def on_page_context(context, page, config, nav):
    """The tags index: its table of contents names each tag by its label too
    (Material's tags plugin adds the entries with the tag id). A page may ask
    for a shallower table of contents."""
    _label_toc(page.toc or [], config.extra.get("tag_labels") or {})
    _shallow_toc(page, current_language(config))
    return context
