"""macros/cli.py and macros/site/pages.py: `python -m macros validate | prepare --root DIR`, as a clerk runs them."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from macros.cli import main
from macros.site.pages import MARKER

PROGRESS = "data/progress/2019-05-15.yaml"
MISSING = "docs/recommendations/ofsted-2019-r05/index.md"  # a page the build makes
ORPHANS = ("docs/recommendations/ofsted-2019-r99/index.md",  # made by an earlier build, for records gone
           "docs/recommendations/ofsted-2019-r98.md")  # in the place where builds before made them
PROJECT = Path(__file__).resolve().parent.parent
SITE_URL = "https://council.example/portal/"


# The usage asked for puts the folder after the command: `python -m macros validate --root DIR`.
# Both that order and `--root DIR validate` are run, so a failure shows which one is broken.
@pytest.fixture(params=["command-then-root", "root-then-command"])
def args(request):
    def build(command: str, root) -> list[str]:
        if request.param == "command-then-root":
            return [command, "--root", str(root)]
        return ["--root", str(root), command]

    return build


def run(arguments: list[str]) -> subprocess.CompletedProcess:
    """Run `python -m macros ...` as a clerk would, from the project folder."""
    return subprocess.run([sys.executable, "-m", "macros", *arguments], cwd=PROJECT,
                          capture_output=True, text=True, timeout=60)


# --- validate -----------------------------------------------------------------------------------------


def test_validate_exits_0_on_good_data(project, args):
    result = run(args("validate", project.root))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("All data is valid: ")
    assert result.stderr == ""


def test_validate_exits_1_on_bad_data_with_file_line_messages_and_no_traceback(project, args):
    status_line = project.replace(PROGRESS, "    status: not yet assessed\n", "    status: in progres\n")
    project.write("data/notes.txt", "a note\n")
    result = run(args("validate", project.root))
    assert result.returncode == 1
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert f'{PROGRESS}:{status_line}: status: "in progres" is not a status the portal knows — ' \
           'did you mean "in progress"? use one of: not yet assessed, not started, in progress, ' \
           'at risk, off track, complete' in lines
    assert any(line.startswith("data/notes.txt:1: the portal does not read this file — ") for line in lines)
    problem_lines = [line for line in lines if re.match(r"^(data|docs)/\S+:\d+: ", line)]
    assert len(problem_lines) >= 2
    assert all(" — " in line for line in problem_lines)


def test_validate_needs_no_pages_in_docs(project, args, capsys):
    """The pages that show records are made by the build, so a checkout holds none to check."""
    assert not project.path(MISSING).exists()
    assert main(args("validate", project.root)) == 0, capsys.readouterr().err


def test_validate_on_a_folder_with_no_data_says_what_is_missing(tmp_path, args, capsys):
    (tmp_path / "data").mkdir()
    assert main(args("validate", tmp_path)) == 1
    err = capsys.readouterr().err
    assert "data/portal.yaml:1: this file is missing" in err
    assert "data/meetings.yaml:1: this file is missing" in err


# --- prepare ------------------------------------------------------------------------------------------


def test_prepare_makes_a_page_for_each_record_and_removes_the_pages_of_records_gone(project, args):
    for orphan in ORPHANS:
        project.write(orphan, f"---\n{MARKER}\ntitle: Gone\n---\n# Gone\n")
    project.write("docs/recommendations/notes.md", "# Notes a person wrote\n")
    result = run([*args("prepare", project.root), "--site-url", SITE_URL])
    assert result.returncode == 0, result.stderr
    made = [line for line in result.stdout.splitlines() if "/docs/recommendations/" in line or "/docs/minutes/" in line]
    assert len(made) == 13 + 2  # 12 recommendation pages and 1 minutes page written, 2 removed
    for orphan in ORPHANS:
        assert f"removed {project.path(orphan)}" in made
        assert not project.path(orphan).exists()
    assert not project.path("docs/recommendations/ofsted-2019-r99").exists()  # its folder too
    _, front, body = project.read(MISSING).split("---\n", 2)
    assert front.startswith(MARKER) and "title: 'R05: " in front and body.startswith("# R05: ")
    assert "<h2" in project.read("docs/minutes/cypssc-2019-05-15-item-4/index.md")  # rendered, whole
    assert project.read("docs/recommendations/notes.md") == "# Notes a person wrote\n"  # not the build's
    assert project.read("docs/recommendations/index.md").startswith("---\nrender_macros: true")
    assert (project.root / "docs" / "data" / "feeds" / "ofsted-2019-r05.atom").is_file()
    assert (project.root / "docs" / "schemas" / "progress.schema.json").is_file()
    again = run([*args("prepare", project.root), "--site-url", SITE_URL])
    assert again.stdout.strip() == "Everything made from the data is already up to date in docs/."


@pytest.mark.parametrize("page", ["docs/minutes/cypssc-2019-05-15-item-4.md",
                                  "docs/minutes/cypssc-2019-05-15-item-4/index.md"])
def test_prepare_never_replaces_a_page_a_person_wrote(project, args, page):
    """At the page's place, or where it is published from the same address."""
    project.write(page, "# Minutes written by hand\n")
    result = run([*args("prepare", project.root), "--site-url", SITE_URL])
    assert result.returncode == 1
    assert f"{page}:1: this page was written by hand, and a record in data/ has the same ID" in result.stderr
    assert project.read(page) == "# Minutes written by hand\n"
    checked = run(args("validate", project.root))  # the data check says so too, before any build
    assert checked.returncode == 1
    assert f"{page}:1: this page was written by hand" in checked.stderr


def test_prepare_on_bad_data_writes_nothing(project, args, capsys):
    project.replace(PROGRESS, "    status: not yet assessed\n", "    status: in progres\n")
    assert main([*args("prepare", project.root), "--site-url", SITE_URL]) == 1
    assert '"in progres" is not a status' in capsys.readouterr().err
    assert not project.path(MISSING).exists()
    assert not (project.root / "docs" / "data").exists()
