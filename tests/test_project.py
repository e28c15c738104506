"""The project's own contract: exact pins, the MkDocs 1.x guard, the README
commands that CI runs, and configuration that keeps the strict build quiet."""

import re
import subprocess

import mkdocs
import yaml
from packaging.version import Version

from sitecheck import CONFIG_FILE, ROOT, _PlainLoader


def requirements():
    lines = (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def test_requirements_are_exact_pins():
    loose = [r for r in requirements() if not re.fullmatch(r"[A-Za-z0-9_.\[\]-]+==[0-9][A-Za-z0-9.]*", r)]
    assert not loose, f"requirements.txt: pin these exactly (name==version): {loose}"


def test_mkdocs_stays_below_2():
    pinned = next(r for r in requirements() if r.lower().startswith("mkdocs=="))
    assert Version("1.6") <= Version(pinned.split("==")[1]) < Version("2"), (
        "requirements.txt: MkDocs must stay >=1.6,<2 (MkDocs 2 drops plugins)."
    )
    assert Version("1.6") <= Version(mkdocs.__version__) < Version("2")


def readme_block(marker):
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(rf"<!-- {marker} -->\s*```sh\n(.+?)\n```\s*<!-- /{marker} -->", text, re.S)
    assert match, f"README.md: no ```sh block between <!-- {marker} --> markers"
    return match.group(1).strip()


def test_ci_runs_the_readme_test_command():
    command = readme_block("test-command")
    assert "\n" not in command, "README.md: the test command must be one line"
    assert "pytest tests" in command
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "<!-- test-command -->" in ci, ".ci/run must read the test command from README.md"
    extracted = subprocess.run(
        ["bash", "-c", "sed -n '/<!-- test-command -->/,/<!-- \\/test-command -->/p' README.md "
         "| grep -v -e '^<!--' -e '^```'"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout.strip()
    assert extracted == command


def config():
    with CONFIG_FILE.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_PlainLoader)


def test_configuration_keeps_strict_build_quiet():
    cfg = config()
    assert cfg["strict"] is True
    assert "navigation.instant" not in cfg["theme"]["features"], (
        "mkdocs.yml: navigation.instant makes static-i18n warn, which fails the strict build."
    )
    i18n = next(p["i18n"] for p in cfg["plugins"] if isinstance(p, dict) and "i18n" in p)
    assert i18n["fallback_to_default"] is False
    assert i18n["docs_structure"] == "folder"
    assert cfg["theme"]["font"] is False, "mkdocs.yml: theme.font must stay false (no Google Fonts)."


def test_every_nav_section_label_is_translated():
    cfg = config()
    i18n = next(p["i18n"] for p in cfg["plugins"] if isinstance(p, dict) and "i18n" in p)
    translations = {lang["locale"]: lang.get("nav_translations") or {} for lang in i18n["languages"]}
    sections = [next(iter(item)) for item in cfg["nav"] if isinstance(item, dict)]
    missing = [s for s in sections if s not in translations["ar"]]
    assert not missing, f"mkdocs.yml: add Arabic nav_translations for the sections {missing}"


def stylesheet_problems(css: str, name: str) -> list[str]:
    """A comment that closes early (`/* docs/*/x */`) turns the rest of it into a
    selector, and the browser silently drops the next rule."""
    problems = []
    comments = list(re.finditer(r"/\*.*?\*/", css, flags=re.S))
    for match, following in zip(comments, comments[1:] + [None]):
        between = css[match.end():following.start() if following else len(css)]
        if "*/" in between:  # a stray comment end: the comment before it closed too soon
            line = css.count("\n", 0, match.start()) + 1
            problems.append(
                f"{name}:{line}: the comment ends early, at the first '*/' in {match.group()[:60]!r}; "
                "the text after it is read as a selector and the next rule is dropped.\n"
                "  Do not write '*/' inside a comment (write docs/ar and docs/en, not docs/*/)."
            )
    return problems


def test_stylesheet_comments_close_where_they_should():
    for path in sorted((ROOT / "overrides").rglob("*.css")):
        problems = stylesheet_problems(path.read_text(encoding="utf-8"), path.relative_to(ROOT).as_posix())
        assert not problems, "\n".join(problems)


def test_comment_that_closes_early_is_reported():
    css = '/* The helper (docs/*/hiring/which-role.md). */\n.role-helper fieldset {\n  margin: 0;\n}\n'
    problems = stylesheet_problems(css, "site.css")
    assert len(problems) == 1 and problems[0].startswith("site.css:1: the comment ends early")
    assert stylesheet_problems(css.replace("docs/*/", "docs/<lang>/"), "site.css") == []
