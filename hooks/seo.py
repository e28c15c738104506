"""MkDocs hook: search and sharing metadata, on every page, in its language.

Computes what overrides/main.html renders in <head> (`seo` in the template
context; the template holds no strings of its own):

- the x-default hreflang alternate, pointing at the default language (the ar and
  en alternates come from static-i18n and hooks/html_attributes.py);
- Open Graph and Twitter card tags, with the self-hosted social image
  (overrides/assets/images/social.png, drawn by tests/social_image.py) and its
  alt text from the language's `extra.social_image_alt` in mkdocs.yml;
- JSON-LD: a BreadcrumbList on every page, an Occupation on role pages, a
  DefinedTermSet on the glossary. The Occupation has no occupationalCategory:
  the guide does not map the roles to a published classification (ISCO-08,
  O*NET...), and an unsourced code would be wrong data.

A page with a `reviewed:` date in front matter gets it as its sitemap `lastmod`
(the date its facts were last checked), instead of the build date.
After the last language, it writes robots.txt with the absolute sitemap URL.
The <meta name="description"> comes from Material (front matter `description`).
"""

from __future__ import annotations

import datetime
import os

from guide_data import (
    GLOSSARY,
    SKILLS,
    PageData,
    absolute_url,
    build_languages,
    current_language,
    default_language,
    is_outer_build,
    item_id,
    neutral_path,
    page_kind,
    page_title,
    read_page,
)
from mkdocs import utils
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

SOCIAL_IMAGE = "assets/images/social.png"
SOCIAL_IMAGE_SIZE = (1200, 630)
OG_LOCALES = {"ar": "ar_AR", "en": "en_US"}
SCHEMA_ORG = "https://schema.org"


def _og_locale(lang: str) -> str:
    if lang not in OG_LOCALES:
        raise PluginError(f"hooks/seo.py: add the Open Graph locale of '{lang}' to OG_LOCALES.")
    return OG_LOCALES[lang]


def x_default(page, config) -> str:
    """The same page in the default language."""
    alternates = getattr(page.file, "alternates", None) or {}
    default = alternates.get(default_language(config))
    return absolute_url(config, default.url if default else page.url)


def social_tags(page, config, lang: str) -> list[tuple[str, str, str]]:
    """(attribute, name, content) of each <meta> tag."""
    alt = config.extra.get("social_image_alt")
    if not alt:
        raise PluginError(
            f"mkdocs.yml: add `social_image_alt` under `extra:` of the '{lang}' language "
            "(the i18n plugin): the alt text of the social image."
        )
    title = page_title(page)
    description = str(page.meta.get("description") or config.site_description or "")
    image = absolute_url(config, SOCIAL_IMAGE)
    width, height = SOCIAL_IMAGE_SIZE
    tags = [
        ("property", "og:type", "website" if neutral_path(page.file) == "index.md" else "article"),
        ("property", "og:site_name", config.site_name),
        ("property", "og:title", title),
        ("property", "og:description", description),
        ("property", "og:url", page.canonical_url or absolute_url(config, page.url)),
        ("property", "og:locale", _og_locale(lang)),
    ]
    tags += [("property", "og:locale:alternate", _og_locale(other)) for other in build_languages(config) if other != lang]
    tags += [
        ("property", "og:image", image),
        ("property", "og:image:type", "image/png"),
        ("property", "og:image:width", str(width)),
        ("property", "og:image:height", str(height)),
        ("property", "og:image:alt", alt),
        ("name", "twitter:card", "summary_large_image"),
        ("name", "twitter:title", title),
        ("name", "twitter:description", description),
        ("name", "twitter:image", image),
        ("name", "twitter:image:alt", alt),
    ]
    return tags


# ---------------------------------------------------------------------------
# JSON-LD
# ---------------------------------------------------------------------------


def breadcrumbs(page, nav, config) -> dict:
    """Home, then each enclosing section that has its own index page, then the page."""
    trail = []
    if nav.homepage is not None:
        trail.append((nav.homepage.title, nav.homepage.url))
    for section in reversed(page.ancestors):
        index = section.children[0] if section.children else None
        if getattr(index, "is_index", False) and index is not page:
            trail.append((section.title, index.url))
    if page is not nav.homepage:
        trail.append((page_title(page), page.url))
    return {
        "@context": SCHEMA_ORG,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": number, "name": name, "item": absolute_url(config, url)}
            for number, (name, url) in enumerate(trail, start=1)
        ],
    }


def occupation(page, nav, data: PageData) -> dict:
    role = item_id(data.path)
    skills = [
        page_title(other) for other in nav.pages
        if neutral_path(other.file).startswith(SKILLS) and role in (other.meta.get("roles") or [])
    ]
    responsibilities = data.heading("responsibilities")
    result = {
        "@context": SCHEMA_ORG,
        "@type": "Occupation",
        "@id": page.canonical_url,
        "url": page.canonical_url,
        "name": data.title,
        "description": data.description,
        "skills": skills,
        "responsibilities": responsibilities.points if responsibilities else [],
    }
    return {key: value for key, value in result.items() if value}


def defined_terms(page, data: PageData) -> dict:
    """The glossary as a DefinedTermSet: each term's name, id and address. The
    definitions are the page itself; repeating them in JSON-LD made the glossary
    the only page over the first-view budget (a quarter of its HTML)."""
    url = page.canonical_url
    return {
        "@context": SCHEMA_ORG,
        "@type": "DefinedTermSet",
        "@id": url,
        "url": url,
        "name": data.title,
        "description": data.description,
        "inLanguage": data.lang,
        "hasDefinedTerm": [
            {
                "@type": "DefinedTerm",
                "@id": f"{url}#{term.id}",
                "termCode": term.id,
                "name": term.text,
            }
            for term in data.headings if term.level == 3
        ],
    }


def json_ld(page, nav, config, data: PageData) -> list[dict]:
    items = [breadcrumbs(page, nav, config)]
    if page_kind(data.path) == "role":
        items.append(occupation(page, nav, data))
    elif data.path == GLOSSARY:
        items.append(defined_terms(page, data))
    return items


# ---------------------------------------------------------------------------
# Events
# ---------------------------------------------------------------------------


def on_env(env, config, files):
    # JSON-LD and Material's page config go through Jinja's `tojson`, which
    # escapes every non-ASCII character: an Arabic letter became six bytes
    # (\u0627) and the glossary's term set weighed 70 KB. Raw UTF-8 is valid
    # JSON in an HTML page served as UTF-8; `tojson` still escapes < > & '.
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    return env


def on_page_markdown(markdown, page, config, files):
    reviewed = page.meta.get("reviewed")
    if isinstance(reviewed, datetime.date):  # hooks/guide_tools.py reports any other value
        page.update_date = reviewed.isoformat()
    return markdown


def on_page_context(context, page, config, nav):
    lang = current_language(config)
    data = read_page(page, lang)
    context["seo"] = {
        "x_default": x_default(page, config),
        "meta": social_tags(page, config, lang),
        "json_ld": json_ld(page, nav, config, data),
    }
    return context


@event_priority(-200)  # after static-i18n's on_post_build, which builds the other languages
def on_post_build(config):
    if not is_outer_build(config):
        return
    sitemap = absolute_url(config, "sitemap.xml")
    robots = f"# Generated by hooks/seo.py from site_url.\nUser-agent: *\nDisallow:\n\nSitemap: {sitemap}\n"
    utils.write_file(robots.encode("utf-8"), os.path.join(config.site_dir, "robots.txt"))
