"""Shared test fixtures: a throw-away copy of the real project to change one thing in."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
if str(PROJECT) not in sys.path:
    sys.path.insert(0, str(PROJECT))  # so `import macros` works wherever pytest is started from

# Words that mean a message was written for a programmer, not for a clerk.
JARGON = ("Traceback", "Input should be", "validation error", "type=", "pydantic", "Value error",
          "For further information", "None", "[type", "{'")


def assert_plain_words(message: str) -> None:
    """A clerk's message says what is wrong, then " — ", then how to fix it, with no jargon."""
    assert " — " in message, f"no ' — how to fix it' part in: {message}"
    for word in JARGON:
        assert word not in message, f"programmer's wording {word!r} in: {message}"


class ProjectCopy:
    """A copy of the project's data/ and docs/ in a temporary folder, with small editing helpers."""

    def __init__(self, root: Path):
        self.root = root

    def path(self, relative: str) -> Path:
        return self.root / relative

    def read(self, relative: str) -> str:
        return self.path(relative).read_text(encoding="utf-8")

    def write(self, relative: str, text: str) -> None:
        self.path(relative).parent.mkdir(parents=True, exist_ok=True)
        self.path(relative).write_text(text, encoding="utf-8")

    def replace(self, relative: str, old: str, new: str) -> int:
        """Replace the first `old` in a file with `new`; returns the line on which `new` starts."""
        text = self.read(relative)
        assert old in text, f"{relative} no longer contains {old!r}; update the test"
        start = text.index(old)
        self.path(relative).write_text(text[:start] + new + text[start + len(old):], encoding="utf-8")
        return text.count("\n", 0, start) + 1

    def line_of(self, relative: str, snippet: str) -> int:
        """The line on which `snippet` first starts in a file."""
        text = self.read(relative)
        assert snippet in text, f"{relative} does not contain {snippet!r}"
        return text.count("\n", 0, text.index(snippet)) + 1

    def load(self):
        from macros.data.load import load_portal

        return load_portal(self.root)

    def problems(self) -> list:
        """Every problem load_portal reports (each checked for plain words); fails if there are none."""
        from macros.data.problems import DataProblems

        with pytest.raises(DataProblems) as raised:
            self.load()
        for problem in raised.value.problems:
            assert_plain_words(problem.message)
        return raised.value.problems

    def problem(self, file: str, line: int) -> str:
        """The message of the one problem reported at file:line."""
        problems = self.problems()
        found = [p.message for p in problems if (p.file, p.line) == (file, line)]
        report = "\n".join(str(p) for p in problems)
        assert len(found) == 1, f"expected one problem at {file}:{line}; the report was:\n{report}"
        return found[0]


@pytest.fixture
def plain_words():
    """The check that a message is written for a clerk, for tests that make their own problems."""
    return assert_plain_words


def committed_only(folder: str, names: list[str]) -> set[str]:
    """For copytree: leave out of docs/ what the build makes (pages, downloads, schemas), so a copy
    is what a fresh checkout holds, whatever a build in the working tree has written."""
    from macros.site.pages import is_generated

    skipped = {"data", "schemas"} if Path(folder) == PROJECT / "docs" else set()
    for name in names:
        path = Path(folder) / name
        if path.suffix == ".md" and path.is_file() and is_generated(path.read_text(encoding="utf-8")):
            skipped.add(name)
    return skipped


@pytest.fixture
def project(tmp_path: Path) -> ProjectCopy:
    """A fresh copy of the real data/ and docs/ folders as committed, valid until a test changes something."""
    shutil.copytree(PROJECT / "data", tmp_path / "data")
    shutil.copytree(PROJECT / "docs", tmp_path / "docs", ignore=committed_only)
    return ProjectCopy(tmp_path)


@pytest.fixture
def example(tmp_path: Path) -> ProjectCopy:
    """A fresh copy of the FICTIONAL example's data/ and docs/ (its linked pages copied as files):
    it has every kind of data file, figures and actions included."""
    example_root = PROJECT / "examples" / "harrowmere"
    for folder in ("data", "docs"):
        shutil.copytree(example_root / folder, tmp_path / folder)
    return ProjectCopy(tmp_path)


@pytest.fixture(scope="session")
def real_site(tmp_path_factory):
    """The real site, built once per test run from the shipped data with `mkdocs build --strict`."""
    from sites import Site, build

    folder = tmp_path_factory.mktemp("real-site")
    result = build(PROJECT, folder)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return Site(folder)


# The example site's build date: after the March 2023 meeting, so some actions are overdue.
EXAMPLE_BUILD_DATE = "2023-04-01"


@pytest.fixture(scope="session")
def example_site(tmp_path_factory):
    """The FICTIONAL example council's site, built once per test run on a fixed build date."""
    from sites import EXAMPLE, Site, build

    folder = tmp_path_factory.mktemp("example-site")
    result = build(EXAMPLE, folder, PORTAL_BUILD_DATE=EXAMPLE_BUILD_DATE)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return Site(folder)


@pytest.fixture(scope="session")
def server(real_site):
    """The real site served on 127.0.0.1 by the test run itself, on a free port."""
    from browser import serve

    with serve(real_site.folder) as url:
        yield url


@pytest.fixture(scope="session")
def example_server(example_site):
    """The FICTIONAL example council's site served the same way: its charts, timelines and overdue
    flags are pages the real data does not have yet."""
    from browser import serve

    with serve(example_site.folder) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the whole run (Debian's, through Playwright; never a downloaded one)."""
    from browser import CHROMIUM_ARGS, chromium_path
    from playwright import sync_api as playwright_api

    path = chromium_path()
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def new_page(browser):
    """Makes a page in a fresh browser context (viewport, colour scheme, JavaScript …); closed after."""
    contexts = []

    def make(**options):
        context = browser.new_context(**options)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def pytest_sessionfinish(session, exitstatus):
    """In CI every test must run: a skipped test there is a failure, not a pass."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if os.environ.get("CI") == "true" and skipped and exitstatus == 0:
        reporter.write_line(f"{len(skipped)} test(s) skipped under CI=true: every test must run in CI.", red=True)
        session.exitstatus = 1


@pytest.fixture
def forking(monkeypatch):
    """Work given to macros/data/parallel.py is shared among forked workers however little of it there
    is (as on a 2-processor machine); returns the pools started, to show that it was."""
    import macros.data.parallel as parallel

    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(parallel.threading, "active_count", lambda: 1)  # the test run's own servers aside
    pools = []
    real_pool = parallel.ProcessPoolExecutor
    monkeypatch.setattr(parallel, "ProcessPoolExecutor", lambda *a, **k: pools.append(a) or real_pool(*a, **k))
    return pools
