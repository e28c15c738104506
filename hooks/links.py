"""MkDocs hook: the linking contract for course pages.

- `links.json` at the site root: every page in every language (URL and title)
  and every heading id with its text in each language. Course tooling reads it;
  tests/linkcheck.py compares it with the committed snapshot so that no
  published address or id disappears.
- `api/v1/guide.json`: roles (with their skills, tools, hiring triggers and
  career path), skills (with their interview questions), tools, platforms and
  glossary terms, with names, descriptions and absolute URLs in both languages,
  read from front matter and headings. Its format is a contract too:
  tests/data/guide.schema.json. A breaking change needs a new version (api/v2/).
- Redirects for moved pages: mkdocs-redirects does not understand static-i18n's
  folder structure (mkdocs/mkdocs-redirects#63). Its `redirect_maps` are written
  with language-neutral paths, like the nav (`old/page.md: new/page.md`), and
  this hook turns each entry into one redirect per language.

static-i18n builds the default language, then the others inside its own
on_post_build: pages are collected in every build and the files are written
once, after the last language.
"""

from __future__ import annotations

import json
import logging
import os

from guide_data import (
    CAREERS,
    GLOSSARY,
    HIRING,
    PLATFORMS,
    SKILLS,
    TRIGGERS_ID,
    PageData,
    absolute_url,
    build_languages,
    current_language,
    id_list,
    is_outer_build,
    item_id,
    language_prefix,
    neutral_path,
    page_kind,
    read_page,
)
from mkdocs import utils
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

REGISTRY = "links.json"
EXPORT = "api/v1/guide.json"
FORMAT_VERSION = 1

log = logging.getLogger("mkdocs.hooks.links")

# (language, language-neutral path) -> the page as built in that language
PAGES: dict[tuple[str, str], PageData] = {}


def on_pre_build(config):
    if is_outer_build(config):
        PAGES.clear()


def on_page_context(context, page, config, nav):
    lang = current_language(config)
    PAGES[(lang, neutral_path(page.file))] = read_page(page, lang)
    return context


# ---------------------------------------------------------------------------
# Redirects (mkdocs-redirects, one language-neutral entry per moved page)
# ---------------------------------------------------------------------------


@event_priority(-110)  # after static-i18n's on_files (-100) has chosen this language's files
def on_files(files, config):
    plugin = config.plugins.get("redirects")
    if plugin is None:
        return files
    if not (hasattr(plugin, "redirects") and hasattr(plugin, "doc_pages")):
        raise PluginError(
            "hooks/links.py: mkdocs-redirects changed its internals; "
            "check the pinned version in requirements.txt and update this hook."
        )
    lang = current_language(config)
    pages = {neutral_path(f): f for f in files.documentation_pages()}
    redirect_maps = plugin.config["redirect_maps"]
    for old in redirect_maps:
        if old in pages:
            log.warning(
                f"redirect_maps in mkdocs.yml: '{old}' is still a page in '{lang}'; the redirect would "
                "replace it. Remove the redirect, or the page (in both languages)."
            )
    plugin.redirects = {language_prefix(lang, config) + old: new for old, new in redirect_maps.items()}
    plugin.doc_pages = pages
    return files


def _redirects(config, langs: list[str]) -> list[dict]:
    plugin = config.plugins.get("redirects")
    entries = []
    for old, new in (plugin.config["redirect_maps"] if plugin else {}).items():
        target, _, fragment = str(new).partition("#")
        entry = {"from": {}, "to": {}}
        for lang in langs:
            old_url = language_prefix(lang, config) + File(old, "", "", config.use_directory_urls).url
            if target.startswith(("http://", "https://")):
                to = str(new)
            elif (lang, target) in PAGES:
                to = absolute_url(config, PAGES[(lang, target)].url) + (f"#{fragment}" if fragment else "")
            else:
                continue  # mkdocs-redirects reports the missing target
            entry["from"][lang] = absolute_url(config, old_url)
            entry["to"][lang] = to
        entries.append(entry)
    return entries


# ---------------------------------------------------------------------------
# links.json and api/v1/guide.json
# ---------------------------------------------------------------------------


def _versions(path: str, langs: list[str]) -> dict[str, PageData]:
    return {lang: PAGES[(lang, path)] for lang in langs if (lang, path) in PAGES}


def _paths(langs: list[str]) -> list[str]:
    return sorted({path for (_, path) in PAGES}, key=lambda p: (p != "index.md", p))


def registry(config) -> dict:
    langs = build_languages(config)
    pages = []
    for path in _paths(langs):
        versions = _versions(path, langs)
        headings: dict[str, dict] = {}
        for lang, data in versions.items():
            for heading in data.headings:
                entry = headings.setdefault(heading.id, {"id": heading.id, "level": heading.level, "text": {}})
                entry["text"][lang] = heading.text
        pages.append({
            "path": path,
            "url": {lang: absolute_url(config, data.url) for lang, data in versions.items()},
            "title": {lang: data.title for lang, data in versions.items()},
            "headings": list(headings.values()),
        })
    return {
        "version": FORMAT_VERSION,
        "site_url": config.site_url,
        "default_language": langs[0],
        "languages": langs,
        "pages": pages,
        "redirects": _redirects(config, langs),
    }


def _page_item(config, path: str, langs: list[str], **fields) -> dict:
    versions = _versions(path, langs)
    return {
        "id": item_id(path),
        "name": {lang: data.title for lang, data in versions.items()},
        "description": {lang: data.description for lang, data in versions.items()},
        "url": {lang: absolute_url(config, data.url) for lang, data in versions.items()},
        **fields,
    }


def _heading_items(config, path: str, langs: list[str], parent_id: str | None, **fields) -> list[dict]:
    """One item per h3 of the page (or per h3 under the h2 `parent_id`), in both languages."""
    versions = _versions(path, langs)
    if langs[0] not in versions:
        return []
    default = versions[langs[0]]
    headings = default.subheadings(parent_id) if parent_id else [h for h in default.headings if h.level == 3]
    items = []
    for heading in headings:
        found = {lang: data.heading(heading.id) for lang, data in versions.items()}
        found = {lang: h for lang, h in found.items() if h is not None}
        items.append({
            "id": heading.id,
            **fields,
            "name": {lang: h.text for lang, h in found.items()},
            "description": {lang: h.summary for lang, h in found.items()},
            "url": {lang: absolute_url(config, versions[lang].url) + f"#{heading.id}" for lang in found},
        })
    return items


def _meta_list(data: PageData | None, key: str) -> list[str]:
    return id_list(data.meta.get(key) if data else None)


def _interview(path: str, langs: list[str]) -> dict:
    """A skill's interview questions in each language (front matter `interview`, `exercise`)."""
    found = {}
    for lang, data in _versions(path, langs).items():
        questions = data.meta.get("interview")
        if isinstance(questions, list) and questions:
            entry = {"questions": [
                {key: " ".join(str(q.get(key, "")).split()) for key in ("question", "strong", "warning")}
                for q in questions if isinstance(q, dict)
            ]}
            if data.meta.get("exercise"):
                entry["exercise"] = " ".join(str(data.meta["exercise"]).split())
            found[lang] = entry
    return found


def export(config) -> dict:
    langs = build_languages(config)
    default = langs[0]
    by_kind: dict[str, list[str]] = {}
    for path in _paths(langs):
        by_kind.setdefault(page_kind(path) or "", []).append(path)

    def listed(kind: str) -> list[dict]:
        return [
            _page_item(
                config, path, langs,
                roles=_meta_list(PAGES.get((default, path)), "roles"),
                tags=_meta_list(PAGES.get((default, path)), "tags"),
            )
            for path in by_kind.get(kind, [])
        ]

    skills, tools = listed("skill"), listed("tool")
    for skill in skills:
        questions = _interview(f"{SKILLS}{skill['id']}.md", langs)
        if questions:
            skill["interview"] = questions
    platforms = []
    for item in listed("platform"):
        data = PAGES.get((default, f"{PLATFORMS}{item['id']}.md"))
        platforms.append({**item, "tools": _meta_list(data, "tools"), "skills": _meta_list(data, "skills")})
    roles, triggers = [], []
    for path in by_kind.get("role", []):
        role = item_id(path)
        hiring_path = f"{HIRING}{role}.md"
        role_triggers = _heading_items(config, hiring_path, langs, TRIGGERS_ID, role=role)
        triggers.extend(role_triggers)
        career_path = f"{CAREERS}{role}.md"
        career = {}
        if (default, career_path) in PAGES:
            career = {"career_path": {
                "url": {lang: absolute_url(config, d.url) for lang, d in _versions(career_path, langs).items()},
                "skills": _meta_list(PAGES[(default, career_path)], "path"),
            }}
        roles.append(_page_item(
            config, path, langs,
            skills=[s["id"] for s in skills if role in s["roles"]],
            tools=[t["id"] for t in tools if role in t["roles"]],
            hiring={
                "url": {lang: absolute_url(config, d.url) for lang, d in _versions(hiring_path, langs).items()},
                "triggers": [t["id"] for t in role_triggers],
            },
            **career,
        ))
    return {
        "version": FORMAT_VERSION,
        "site_url": config.site_url,
        "default_language": default,
        "languages": langs,
        "roles": roles,
        "skills": skills,
        "tools": tools,
        "platforms": platforms,
        "hiring_triggers": triggers,
        "glossary": _heading_items(config, GLOSSARY, langs, None),
    }


def _write_json(data: dict, config, rel: str) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    utils.write_file(text.encode("utf-8"), os.path.join(config.site_dir, rel))


@event_priority(-200)  # after static-i18n's on_post_build, which builds the other languages
def on_post_build(config):
    if not is_outer_build(config):
        return
    _write_json(registry(config), config, REGISTRY)
    _write_json(export(config), config, EXPORT)
