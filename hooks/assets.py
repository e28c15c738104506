"""MkDocs hook: the project's own stylesheets reach readers without their comments.

overrides/assets/stylesheets/site.css explains every rule at length for the
people who maintain it; a reader's phone needs none of that. After the build,
each `extra_css` file in the output loses its comments and blank lines: half
its gzip size (1.7 KB of every first view). The source keeps them, and
tests/test_project.py checks that no comment there closes early.
"""

from __future__ import annotations

import re
from pathlib import Path

from guide_data import is_outer_build
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

COMMENT = re.compile(r"/\*.*?\*/", re.S)
BLANK_LINES = re.compile(r"\n\s*\n+")


def strip_comments(css: str) -> str:
    return BLANK_LINES.sub("\n", COMMENT.sub("", css)).strip() + "\n"


@event_priority(-200)  # after static-i18n has built every language
def on_post_build(config) -> None:
    if not is_outer_build(config):
        return
    for name in config.extra_css:
        path = Path(config.site_dir) / str(name)
        if not path.is_file():
            raise PluginError(f"hooks/assets.py: extra_css names {name}, which the build did not write.")
        path.write_text(strip_comments(path.read_text(encoding="utf-8")), encoding="utf-8")
