"""MkDocs hook: Pagefind search, one index per language.

Material's lunr search fails Arabic (no stemming across «ال», hamza or
diacritic variants) and static-i18n merges both languages into one index that
every page downloads. Pagefind indexes each page under its <html lang>, so an
Arabic page searches the Arabic index only, and downloads index chunks on
demand. Material's search plugin stays enabled for its header markup and
styles (overrides/partials/search.html, driven by assets/javascripts/search.js);
it never builds its lunr index: on_config detaches the plugin's indexing events
(its index was built in memory for every page, written, then deleted).
static-i18n still asks the plugin to write its (now empty) index once; the
search/ folder is deleted from the output.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from guide_data import is_outer_build
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

ARTICLE = '<article class="md-content__inner md-typeset">'
# Not worth indexing: permalink symbols and the language selector.
EXCLUDE = ".headerlink, .md-select"
# Pagefind's own UI bundles: the site uses Material's search box instead.
UNUSED = ("pagefind-ui.*", "pagefind-modular-ui.*", "pagefind-component-ui.*", "pagefind-highlight.js")


MATERIAL_SEARCH = "material/search"
# The events in which Material's search plugin builds and writes its lunr index.
INDEXING_EVENTS = ("page_context", "post_build")


@event_priority(-200)  # after Material's search plugin has set itself up
def on_config(config):
    plugin = config.plugins.get(MATERIAL_SEARCH)
    if plugin is None:
        raise PluginError(
            f"hooks/search.py: mkdocs.yml must enable Material's search plugin ('{MATERIAL_SEARCH}'): "
            "the header's search box is rendered only when it is enabled."
        )
    for event in INDEXING_EVENTS:
        if f"on_{event}" not in vars(type(plugin)):
            raise PluginError(
                f"hooks/search.py: Material's search plugin no longer handles on_{event}; "
                "check the pinned mkdocs-material and update INDEXING_EVENTS."
            )
        handler = getattr(plugin, f"on_{event}")
        methods = config.plugins.events[event]
        if handler in methods:  # static-i18n runs on_config again for each language
            methods.remove(handler)
    return config


def on_post_page(output: str, page, config) -> str:
    """Index the article body only (not nav, header, footer or toc)."""
    if ARTICLE not in output:
        raise PluginError(
            f"{page.file.src_uri}: expected the theme to render '{ARTICLE}'; "
            "hooks/search.py must be updated for the new theme template."
        )
    return output.replace(ARTICLE, ARTICLE[:-1] + " data-pagefind-body>", 1)


def pagefind_command(site_dir: str) -> list[str]:
    return [
        sys.executable, "-m", "pagefind",
        "--site", site_dir,
        "--output-subdir", "pagefind",
        "--exclude-selectors", EXCLUDE,
        "--silent",
    ]


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built every language
def on_post_build(config) -> None:
    if not is_outer_build(config):
        return  # one language of several: index once, when all are built
    site = Path(config.site_dir)
    shutil.rmtree(site / "search", ignore_errors=True)
    result = subprocess.run(pagefind_command(str(site)), capture_output=True, text=True)
    if result.returncode != 0:
        raise PluginError(f"Pagefind could not index {site}:\n{result.stdout}{result.stderr}")
    for pattern in UNUSED:
        for path in (site / "pagefind").glob(pattern):
            path.unlink()
