"""macros/cli.py and macros/site/pages.py: `python -m macros validate | pages --root DIR`, as a clerk runs them."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from macros.cli import main
from macros.site.pages import stub_text

PROGRESS = "data/progress/2019-05-15.yaml"
MISSING = "docs/recommendations/ofsted-2019-r05.md"
ORPHAN = "docs/recommendations/ofsted-2019-r99.md"
PROJECT = Path(__file__).resolve().parent.parent


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


def test_validate_reports_pages_out_of_step(project, args, capsys):
    project.path(MISSING).unlink()
    assert main(args("validate", project.root)) == 1
    assert f"{MISSING}:1: this page is missing" in capsys.readouterr().err


def test_validate_on_a_folder_with_no_data_says_what_is_missing(tmp_path, args, capsys):
    (tmp_path / "data").mkdir()
    assert main(args("validate", tmp_path)) == 1
    err = capsys.readouterr().err
    assert "data/portal.yaml:1: this file is missing" in err
    assert "data/meetings.yaml:1: this file is missing" in err


# --- pages --------------------------------------------------------------------------------------------


def test_pages_creates_a_missing_page_and_removes_an_orphan(project, args):
    expected = project.read(MISSING)
    project.path(MISSING).unlink()
    project.write(ORPHAN, project.read("docs/recommendations/ofsted-2019-r01.md"))
    project.write("docs/recommendations/index.md", "# Recommendations\n")
    result = run(args("pages", project.root))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [f"created {MISSING}", f"removed {ORPHAN}"]
    assert project.read(MISSING) == expected == stub_text("recommendation_page", "ofsted-2019-r05")
    assert not project.path(ORPHAN).exists()
    assert project.read("docs/recommendations/index.md") == "# Recommendations\n"  # not a record page
    assert run(args("validate", project.root)).returncode == 0


def test_pages_puts_back_an_edited_page(project, args, capsys):
    page = "docs/minutes/cypssc-2019-05-15-item-4.md"
    expected = project.read(page)
    project.write(page, "# Minutes\n")
    assert main(args("pages", project.root)) == 0
    assert capsys.readouterr().out.splitlines() == [f"updated {page}"]
    assert project.read(page) == expected


def test_pages_when_in_step_changes_nothing(project, args, capsys):
    assert main(args("pages", project.root)) == 0
    assert capsys.readouterr().out.strip() == "Every page is already in step with the data."


def test_pages_on_bad_data_changes_nothing(project, args, capsys):
    project.replace(PROGRESS, "    status: not yet assessed\n", "    status: in progres\n")
    project.path(MISSING).unlink()
    project.write(ORPHAN, "x\n")
    assert main(args("pages", project.root)) == 1
    assert '"in progres" is not a status' in capsys.readouterr().err
    assert not project.path(MISSING).exists()
    assert project.path(ORPHAN).exists()
