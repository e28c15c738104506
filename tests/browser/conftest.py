"""Browser fixtures: the guide built for a local address, served on 127.0.0.1,
and Debian's Chromium driven by Playwright.

Browser tests never skip silently: with CI set and no Chromium, they fail.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from localserver import free_port, serve
from sitecheck import build_problems, build_site

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def chromium_path() -> str | None:
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


@pytest.fixture(scope="session")
def served(tmp_path_factory):
    """The guide built for http://127.0.0.1:<port>/ and served from a plain static server."""
    port = free_port()
    result = build_site(tmp_path_factory.mktemp("served") / "site", site_url=f"http://127.0.0.1:{port}/")
    problems = build_problems(result)
    assert not problems, "\n".join(problems)
    with serve(result.site_dir, port) as base_url:
        result.base_url = base_url
        yield result


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if path is None:
        message = "Chromium not found (apt-get install chromium, or set CHROMIUM=/path/to/chromium)"
        if os.environ.get("CI"):
            pytest.fail(message + ": browser tests must run in CI", pytrace=False)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=path, args=CHROMIUM_FLAGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
