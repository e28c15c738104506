"""MkDocs hook: language attributes and absolute alternate links.

- Material puts `dir` on <body> only; assistive tech, browser features and
  our checks want `lang` *and* `dir` on <html> itself.
- mkdocs-static-i18n points each page's language alternates at the same page
  in the other language, but as site-relative paths. The <head> hreflang
  links need absolute URLs (built from `site_url`), while the language
  selector keeps page-relative links so that the site still works from any
  static host (see overrides/partials/alternate.html, which reads `path`).
- Theme templates (404.html, sitemap.xml) are rendered once per language into
  the same site root, so the last language built would win. The default
  language keeps the root; every other language gets its own copy under
  /<lang>/ (Material's language selector fetches /<lang>/sitemap.xml).
"""

from __future__ import annotations

import os
from urllib.parse import urlsplit

from guide_data import absolute_url, current_language, default_language, direction
from mkdocs import utils
from mkdocs.exceptions import PluginError


def _language(config) -> str:
    return str(config.theme.get("language") or "en")


def on_page_context(context, page, config, nav):
    site_url = config.site_url or "/"
    base_path = urlsplit(site_url).path or "/"
    alternates = []
    # static-i18n stores the page's alternates as an *attribute* of config.extra
    # (which Jinja reads first) and keeps its own copies between pages: read the
    # attribute, and write new dicts back the same way.
    current = getattr(config.extra, "alternate", None) or config.extra.get("alternate") or []
    for alternate in current:
        link = alternate["link"]
        if link.startswith(base_path):
            link = link[len(base_path):]
        path = link.lstrip("/")
        alternates.append({**alternate, "path": path or "./", "link": absolute_url(config, path)})
    if alternates:
        config.extra.alternate = alternates
    return context


def _with_direction(output: str, config, name: str) -> str:
    language = _language(config)
    opening = f'<html lang="{language}"'
    if opening not in output:
        raise PluginError(
            f"{name}: expected the theme to render '{opening}'; "
            "hooks/html_attributes.py must be updated for the new theme template."
        )
    return output.replace(opening, f'{opening} dir="{direction(config)}"', 1)


def on_post_page(output: str, page, config) -> str:
    return _with_direction(output, config, page.file.src_uri)


def on_post_template(output: str, template_name: str, config) -> str:
    if template_name.endswith(".html"):
        output = _with_direction(output, config, template_name)
    lang = current_language(config)
    if lang == default_language(config):
        return output
    path = os.path.join(config.site_dir, lang, template_name)
    utils.write_file(output.encode("utf-8"), path)
    # An empty result tells MkDocs not to overwrite the default language's root copy;
    # the sitemap lists every language, so the root one stays as it is.
    return "" if template_name == "404.html" else output
