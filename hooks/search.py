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

import json
import re
import shutil
import subprocess
from pathlib import Path

from guide_data import build_languages, hook_data, is_outer_build, neutral_path
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from pagefind_bin import get_executable

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


@event_priority(-110)  # after static-i18n's on_nav (-100) has built this language's nav
def on_nav(nav, config, files):
    """The guide's main paths a search without results offers (extra.search_paths,
    language-neutral), as this language's pages for overrides/partials/search.html."""
    pages = {neutral_path(page.file): page for page in nav.pages}
    unknown = [path for path in config.extra.get("search_paths") or [] if path not in pages]
    if unknown:
        raise PluginError(f"mkdocs.yml: extra.search_paths names {unknown}, which are not pages of the nav.")
    config.extra["search_path_pages"] = [pages[path] for path in config.extra.get("search_paths") or []]
    return nav


def on_post_page(output: str, page, config) -> str:
    """Index the article body only (not nav, header, footer or toc)."""
    if ARTICLE not in output:
        raise PluginError(
            f"{page.file.src_uri}: expected the theme to render '{ARTICLE}'; "
            "hooks/search.py must be updated for the new theme template."
        )
    return output.replace(ARTICLE, ARTICLE[:-1] + " data-pagefind-body>", 1)


def pagefind_command(site_dir: str) -> list[str]:
    # The binary itself: `python -m pagefind` only starts Python to find and exec it (0.1 s).
    return [
        str(get_executable()),
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
    for lang in build_languages(config):
        words = query_words(lang)
        (site / "pagefind" / f"words.{lang}.json").write_text(json.dumps(words, ensure_ascii=False), encoding="utf-8")


def query_words(lang: str) -> dict:
    """hooks/data/<lang>/search.yml, checked: how search.js reads a query in that
    language (question words to drop, forms to search as well)."""
    name = f"hooks/data/{lang}/search.yml"
    data = hook_data(lang, "search.yml")
    stopwords, replace, expand = data.get("stopwords") or [], data.get("replace") or {}, data.get("expand") or {}
    conjunctions = data.get("conjunctions") or []
    if set(data) - {"stopwords", "conjunctions", "replace", "expand", "ranking"} or not all(
        isinstance(section, list) for section in (stopwords, conjunctions)
    ) or not all(
        isinstance(section, dict) for section in (replace, expand, data.get("ranking") or {})
    ):
        raise PluginError(
            f"{name}: expected `stopwords:` and `conjunctions:` (lists), `replace:` (phrase: phrase), `expand:` (word: [words]) "
            f"and `ranking:` (Pagefind's ranking options); found {sorted(data)}."
        )
    wrong = [k for k, v in expand.items() if not (isinstance(v, list) and v and all(isinstance(w, str) for w in v))]
    wrong += [k for k, v in replace.items() if not isinstance(v, str)]
    unknown = set(data.get("ranking") or {}) - RANKING
    if wrong or unknown:
        raise PluginError(f"{name}: fix {wrong or sorted(unknown)} (`expand` lists words, `replace` gives one phrase, "
                          f"`ranking` takes {sorted(RANKING)}).")
    words = {
        "stopwords": sorted({fold(w) for w in stopwords}),
        "conjunctions": [str(c) for c in conjunctions],
        "replace": {fold(k): normalize_query(v) for k, v in replace.items()},
        "expand": {fold(k): [normalize_query(w) for w in v] for k, v in expand.items()},
    }
    if data.get("ranking"):
        words["ranking"] = data["ranking"]
    return words


RANKING = {"termFrequency", "pageLength", "termSaturation", "termSimilarity"}  # Pagefind 1.x
# The same normalisation as normalize() in assets/javascripts/search.js and fold() in search-query.js.
ARABIC_MARKS = re.compile("[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")
FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه"})


def normalize_query(text: str) -> str:
    return " ".join(ARABIC_MARKS.sub("", str(text)).lower().split())


def fold(text: str) -> str:
    """How search.js looks a word up in these lists: alef, yaa and taa marbuta forms are one."""
    return normalize_query(text).translate(FOLD)
