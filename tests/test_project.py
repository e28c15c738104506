"""The project's own contract: exact pins, the MkDocs 1.x guard, the README
commands that CI runs, and configuration that keeps the strict build quiet."""

import ast
import re
import subprocess
import sys
from pathlib import Path

import mkdocs
import pytest
import yaml
from packaging.version import Version

from sitecheck import CONFIG_FILE, ROOT, _PlainLoader


SITE_REQUIREMENTS = "requirements.txt"
TEST_REQUIREMENTS = "requirements-test.txt"
# Packages only the tests use: a reader who serves the site never installs them.
TEST_ONLY = {"pytest", "beautifulsoup4", "packaging", "jsonschema", "playwright", "pypdf", "axe-playwright-python", "zizmor"}


def requirements(name=SITE_REQUIREMENTS):
    lines = (ROOT / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith(("#", "-r "))]


def pinned_names(name=SITE_REQUIREMENTS) -> set[str]:
    return {canonical(r.split("==")[0].split("[")[0]) for r in requirements(name)}


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


@pytest.mark.parametrize("name", [SITE_REQUIREMENTS, TEST_REQUIREMENTS])
def test_requirements_are_exact_pins(name):
    loose = [r for r in requirements(name) if not re.fullmatch(r"[A-Za-z0-9_.\[\]-]+==[0-9][A-Za-z0-9.]*", r)]
    assert not loose, f"{name}: pin these exactly (name==version): {loose}"


def test_test_requirements_build_on_the_site_requirements():
    lines = (ROOT / TEST_REQUIREMENTS).read_text(encoding="utf-8").splitlines()
    first = next(line for line in lines if line.strip() and not line.startswith("#"))
    assert first == f"-r {SITE_REQUIREMENTS}", f"{TEST_REQUIREMENTS}: start with `-r {SITE_REQUIREMENTS}`"
    both = pinned_names() & pinned_names(TEST_REQUIREMENTS)
    assert not both, f"{TEST_REQUIREMENTS}: {sorted(both)} are already pinned in {SITE_REQUIREMENTS}"


def site_distributions() -> dict[str, str]:
    """Every distribution the build needs, with the reason: modules the hooks
    import or run (`-m name`), and the theme, plugins and Markdown extensions
    of mkdocs.yml."""
    from importlib.metadata import entry_points, packages_distributions

    local = {path.stem for path in (ROOT / "hooks").glob("*.py")}
    provider = packages_distributions()
    needed: dict[str, str] = {}
    for path in sorted((ROOT / "hooks").glob("*.py")):
        source = path.read_text(encoding="utf-8")
        modules = set(re.findall(r'"-m",\s*"([\w.]+)"', source))  # run as a program
        modules |= set(re.findall(r'BeautifulSoup\([^)]*?"(lxml|html5lib)"', source))  # parser by name
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Import):
                modules.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                modules.add(node.module)
        for module in modules:
            top = module.split(".")[0]
            if top in sys.stdlib_module_names or top in local or top == "__future__":
                continue
            for dist in provider.get(top, [top]):
                needed.setdefault(canonical(dist), f"hooks/{path.name} uses `{module}`")
    cfg = config()
    plugins = [next(iter(p)) if isinstance(p, dict) else p for p in cfg["plugins"]]
    groups = {"mkdocs.plugins": plugins, "mkdocs.themes": [cfg["theme"]["name"]]}
    for group, names in groups.items():
        for point in entry_points(group=group):
            if point.name in names:
                needed.setdefault(canonical(point.dist.name), f"mkdocs.yml uses the {group[7:-1]} `{point.name}`")
    for extension in cfg["markdown_extensions"]:
        name = next(iter(extension)) if isinstance(extension, dict) else extension
        top = name.split(".")[0] if "." in name else "markdown"  # `toc` is markdown.extensions.toc
        for dist in provider.get(top, [top]):
            needed.setdefault(canonical(dist), f"mkdocs.yml uses the Markdown extension `{name}`")
    return needed


def test_site_requirements_hold_what_the_build_needs_and_nothing_of_the_tests():
    needed = site_distributions()
    assert {"lxml", "pyyaml", "mkdocs", "pagefind-bin", "mkdocs-material",
            "mkdocs-static-i18n", "mkdocs-redirects", "pymdown-extensions", "markdown"} <= set(needed), needed
    pinned = pinned_names()
    missing = [f"{dist} ({why})" for dist, why in sorted(needed.items()) if dist not in pinned]
    assert not missing, f"{SITE_REQUIREMENTS}: pin what the build needs: {missing}"
    extra = sorted(pinned & TEST_ONLY)
    assert not extra, f"{SITE_REQUIREMENTS}: {extra} are only for the tests; move them to {TEST_REQUIREMENTS}"
    assert TEST_ONLY <= pinned_names(TEST_REQUIREMENTS), f"{TEST_REQUIREMENTS}: pin {sorted(TEST_ONLY - pinned_names(TEST_REQUIREMENTS))}"


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


# ---------------------------------------------------------------------------
# GitHub Actions workflows: zizmor (offline) finds nothing of medium or high severity
# ---------------------------------------------------------------------------

WORKFLOWS = ROOT / ".github" / "workflows"


def zizmor_findings(folder) -> list[str]:
    import json
    import shutil

    zizmor = shutil.which("zizmor", path=str(Path(sys.executable).parent)) or shutil.which("zizmor")
    assert zizmor, f"zizmor is not installed: pip install -r {TEST_REQUIREMENTS}"
    result = subprocess.run(
        [zizmor, "--offline", "--no-progress", "--min-severity", "medium", "--format", "json", str(folder)],
        capture_output=True, text=True,
    )
    try:
        findings = json.loads(result.stdout)
    except ValueError:
        return [f"zizmor did not report (exit {result.returncode}): {result.stderr[-500:]}"]
    problems = []
    for finding in findings:
        location = finding["locations"][0]
        path = Path(location["symbolic"]["key"]["Local"]["verbatim_path"])
        line = location["concrete"]["location"]["start_point"]["row"] + 1
        name = path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else path.name
        problems.append(
            f"{name}:{line}: {finding['determinations']['severity'].lower()} {finding['ident']}: {finding['desc']}\n"
            f"  See https://docs.zizmor.sh/audits/#{finding['ident']}"
        )
    return problems


def test_workflows_have_no_medium_or_high_zizmor_finding():
    assert list(WORKFLOWS.glob("*.yml")), "no workflow found"
    problems = zizmor_findings(WORKFLOWS)
    assert not problems, "\n".join(problems)


def test_zizmor_reports_an_unsafe_workflow(tmp_path):
    folder = tmp_path / ".github" / "workflows"
    folder.mkdir(parents=True)
    (folder / "unsafe.yml").write_text(
        "name: unsafe\non: [push]\npermissions:\n  contents: write\njobs:\n  a:\n    runs-on: ubuntu-latest\n"
        "    steps:\n      - uses: actions/checkout@v4\n      - run: echo \"${{ github.event.head_commit.message }}\"\n",
        encoding="utf-8",
    )
    problems = zizmor_findings(folder)
    assert any(p.startswith("unsafe.yml:9: high unpinned-uses") for p in problems), problems
    assert any(p.startswith("unsafe.yml:9: medium artipacked") for p in problems), problems
    assert any(p.startswith("unsafe.yml:10: high template-injection") for p in problems), problems
