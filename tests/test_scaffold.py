"""`python -m macros new-minutes | new-update`: templates with what the portal knows filled in."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
NEW_MINUTES = "data/minutes/cypssc-2019-06-19-item-5.md"
NEW_PROGRESS = "data/progress/2019-09-11.yaml"


def run(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "macros", *arguments], cwd=PROJECT,
                          capture_output=True, text=True, timeout=60)


def test_new_minutes_fills_the_front_matter_and_validation_points_to_the_title(project):
    result = run("new-minutes", "--meeting", "cypssc-2019-06-19", "--item", "5", "--root", str(project.root))
    assert result.returncode == 0, result.stderr
    text = project.read(NEW_MINUTES)
    assert text.startswith("---\ncommittee: cypssc\ndate: 2019-06-19\nitem: \"5\"\n")
    assert text.endswith("---\n\n## Minutes\n\n### 5.1\n\n")
    title_line = project.line_of(NEW_MINUTES, "title:")
    assert project.problem(NEW_MINUTES, title_line).startswith('"title" has no value — ')

    project.replace(NEW_MINUTES, "title:\n", "title: Fostering update\n")
    heading = project.line_of(NEW_MINUTES, "### 5.1")  # a minute left empty is never published
    assert project.problem(NEW_MINUTES, heading).startswith("minute 5.1 has nothing under its heading — ")
    project.replace(NEW_MINUTES, "### 5.1\n\n", "### 5.1\n\nThe Committee noted the update.\n")
    validate = run("validate", "--root", str(project.root))
    assert validate.returncode == 0, validate.stderr


def test_new_minutes_refuses_to_overwrite_and_names_unknown_meetings(project):
    args = ("new-minutes", "--meeting", "cypssc-2019-05-15", "--item", "4", "--root", str(project.root))
    before = project.read("data/minutes/cypssc-2019-05-15-item-4.md")
    result = run(*args)
    assert result.returncode == 1 and "already exists, and was left as it is — " in result.stderr
    assert project.read("data/minutes/cypssc-2019-05-15-item-4.md") == before
    result = run("new-minutes", "--meeting", "cypssc-2019-06-20", "--item", "4", "--root", str(project.root))
    assert result.returncode == 1 and 'there is no meeting "cypssc-2019-06-20"' in result.stderr


def test_new_update_fills_in_what_is_known_and_leaves_the_judgement_to_the_clerk(project):
    result = run("new-update", "--recommendation", "ofsted-2019-r03", "--date", "2019-09-11", "--root", str(project.root))
    assert result.returncode == 0, result.stderr
    text = project.read(NEW_PROGRESS)
    assert "  # R03: Frequent changes in social workers for children\n  - recommendation: ofsted-2019-r03\n" \
           "    date: 2019-09-11\n" in text
    assert "      meeting: cypssc-2019-09-11\n" in text  # the meeting held that day
    problems = {p.line: p.message for p in project.problems() if p.file == NEW_PROGRESS}
    assert problems[project.line_of(NEW_PROGRESS, "    status:")].startswith("status: no value is written here — ")
    assert problems[project.line_of(NEW_PROGRESS, "    summary:")].startswith('"summary" has no value — ')


def test_new_update_shows_the_last_status_and_a_reason_line_the_checks_ask_for_if_it_changes(project):
    result = run("new-update", "--recommendation", "ofsted-2019-r03", "--date", "2019-09-11", "--root", str(project.root))
    assert result.returncode == 0, result.stderr
    text = project.read(NEW_PROGRESS)
    assert "    # The last update (2019-05-15) said: not yet assessed. If the status is\n" in text
    assert "    status:\n" in text and "    reason:\n" in text
    project.replace(NEW_PROGRESS, "    status:\n", "    status: in progress\n")
    project.replace(NEW_PROGRESS, "    summary:\n", "    summary: Work has begun.\n")
    start = project.line_of(NEW_PROGRESS, "      meeting: cypssc-2019-09-11\n")  # and its minute, with its notes
    lines = project.read(NEW_PROGRESS).split("\n")
    document = ["      document: A report", "      publisher: The council", "      kind: council paper",
                "      url: https://example.org/report"]
    project.write(NEW_PROGRESS, "\n".join(lines[: start - 1] + document + lines[start + 3:]))
    message = project.problem(NEW_PROGRESS, project.line_of(NEW_PROGRESS, "    status: in progress"))
    assert message.startswith('the status of ofsted-2019-r03 changes here from "not yet assessed" (its update of ')
    project.replace(NEW_PROGRESS, "    reason:\n", "    reason: A plan was agreed.\n")
    project.load()  # complete: nothing more to fix


def test_new_update_refuses_to_overwrite_and_prints_the_entry_to_paste(project):
    result = run("new-update", "--recommendation", "ofsted-2019-r04", "--date", "2019-05-15", "--root", str(project.root))
    assert result.returncode == 1
    assert "already exists, so it was left as it is" in result.stderr
    assert "  - recommendation: ofsted-2019-r04\n    date: 2019-05-15\n" in result.stderr
    assert project.read("data/progress/2019-05-15.yaml") == (PROJECT / "data/progress/2019-05-15.yaml").read_text(encoding="utf-8")


def test_new_update_explains_a_wrong_date_or_recommendation(project):
    result = run("new-update", "--recommendation", "ofsted-2019-r03", "--date", "11/09/2019", "--root", str(project.root))
    assert result.returncode == 1 and '--date "11/09/2019" is not a date written YYYY-MM-DD — ' in result.stderr
    result = run("new-update", "--recommendation", "Rec 3", "--date", "2019-09-11", "--root", str(project.root))
    assert result.returncode == 1 and 'there is no recommendation "Rec 3" in data/recommendations/ — ' in result.stderr
    assert not project.path(NEW_PROGRESS).exists()


def test_make_targets_pass_their_values_to_the_commands():
    plan = subprocess.run(["make", "-n", "new-minutes", "MEETING=cypssc-2019-06-19", "ITEM=5",
                           "new-update", "RECOMMENDATION=ofsted-2019-r03", "DATE=2019-09-11"],
                          cwd=PROJECT, capture_output=True, text=True).stdout
    assert 'python -m macros new-minutes --meeting "cypssc-2019-06-19" --item "5"' in plan
    assert 'python -m macros new-update --recommendation "ofsted-2019-r03" --date "2019-09-11"' in plan


def test_new_update_s_blank_minute_is_refused_until_a_number_is_written(project):
    """Every part the template leaves empty is refused while empty; the minute, too, once the
    meeting's minutes are in the portal (before that, the line can be deleted)."""
    root = ("--root", str(project.root))
    assert run("new-update", "--recommendation", "ofsted-2019-r03", "--date", "2019-09-11", *root).returncode == 0
    project.replace(NEW_PROGRESS, "    status:\n", "    status: in progress\n")
    project.replace(NEW_PROGRESS, "    reason:\n", "    reason: Work has begun.\n")
    project.replace(NEW_PROGRESS, "    summary:\n", "    summary: Work has begun.\n")
    minute = project.line_of(NEW_PROGRESS, "      minute:\n")
    assert project.problem(NEW_PROGRESS, minute).startswith(
        'minute: no value is written here — the portal has no minutes of "cypssc-2019-09-11" yet: delete this line')

    assert run("new-minutes", "--meeting", "cypssc-2019-09-11", "--item", "5", *root).returncode == 0
    minutes = "data/minutes/cypssc-2019-09-11-item-5.md"
    project.replace(minutes, "title:\n", "title: Improvement plan\n")
    project.replace(minutes, "### 5.1\n\n", "### 5.1\n\nThe Committee noted progress.\n")
    assert project.problem(NEW_PROGRESS, minute) == (
        "minute: no value is written here — write the number of the minute this comes from; the minutes of "
        '"cypssc-2019-09-11" have 5.1')
    project.replace(NEW_PROGRESS, "      minute:\n", "      minute: 5.1\n")
    validate = run("validate", *root)
    assert validate.returncode == 0, validate.stderr
