"""Hostile and broken input: each class gets a `file:line: what — how` message, never a traceback.

Control and direction characters (typed or written as YAML escapes), every kind of line ending,
deep nesting, files and values over the size limits, dates and figures out of range, http://
links, links (symlinks) that leave the repository, and values that try to write into the report.
"""

from __future__ import annotations

import json
import os
import time

import pytest

from macros.data.characters import shown, visible
from macros.data.limits import MAX_DEPTH, MAX_FILE_BYTES, MAX_VALUE_CHARACTERS
from macros.data.problems import DataProblems, Problem

PROGRESS = "data/progress/2019-05-15.yaml"
MEETINGS = "data/meetings.yaml"
RECS = "data/recommendations/ofsted-2019.yaml"
MINUTES = "data/minutes/cypssc-2019-05-15-item-4.md"
STATUS = "    status: not yet assessed\n"
SEPTEMBER = "also_known_as: the September meeting"

CONTROLS = {"\x00": "NUL", "\x0b": "vertical tab", "\x0c": "form feed", "\x1b": "escape", "\x7f": "delete",
            "\x85": "next line", "\u202e": "right-to-left override", "\u2066": "left-to-right isolate"}


# --- control and direction characters --------------------------------------------------------


@pytest.mark.parametrize("char", CONTROLS, ids=[f"U+{ord(c):04X}" for c in CONTROLS])
@pytest.mark.parametrize("file, old", [(PROGRESS, "status: not yet assessed"), (MEETINGS, SEPTEMBER),
                                       (MINUTES, "The Committee considered a report")])
def test_a_typed_control_or_direction_character_is_reported_at_its_line_and_column(project, file, old, char):
    line = project.replace(file, old, old[:10] + char + old[10:])
    message = project.problem(file, line)
    column = project.read(file).split("\n")[line - 1].index(char) + 1
    assert message.startswith(f"column {column} of this line holds a hidden character (a {CONTROLS[char]}, "
                              f"U+{ord(char):04X}")


@pytest.mark.parametrize("escape, name", [("\\x0b", "vertical tab"), ("\\0", "NUL"), ("\\f", "form feed"),
                                          ("\\e", "escape"), ("\\u202e", "right-to-left override")])
def test_a_control_character_written_as_a_yaml_escape_is_refused_by_the_model(project, escape, name):
    line = project.replace(MEETINGS, SEPTEMBER, f'also_known_as: "the Sept{escape}ember meeting"')
    message = project.problem(MEETINGS, line)
    assert message.startswith(f"also_known_as: the text has a hidden character in it (a {name}, ")
    assert "after “the Sept”" in message


def test_an_escaped_control_character_in_a_summary_never_reaches_the_feed_writer(project):
    project.write("data/progress/2019-09-11.yaml", "updates:\n  - recommendation: ofsted-2019-r01\n"
                  "    date: 2019-09-11\n    status: in progress\n    summary: \"Form\\ffeed\"\n"
                  "    source:\n      meeting: cypssc-2019-05-15\n      minute: 4.3\n")
    message = project.problem("data/progress/2019-09-11.yaml", 5)
    assert message.startswith("summary: the text has a hidden character in it (a form feed, U+000C) after “Form”")


def test_a_line_break_is_refused_in_a_title_but_kept_in_a_summary(project):
    line = project.replace(RECS, "    title: Caseloads\n", '    title: "Case\\nloads"\n')
    assert project.problem(RECS, line).startswith("title: this must be one line of text, but it has a line break "
                                                  "after “Case” — ")
    project.replace(RECS, '    title: "Case\\nloads"\n', "    title: Caseloads\n")
    project.replace(PROGRESS, "    summary: >-\n", "    summary: |-\n")
    assert "\n" in project.load().updates[0].summary


def test_tab_and_ordinary_unicode_are_kept(project):
    project.replace(MEETINGS, SEPTEMBER, 'also_known_as: "the\\tSeptember meeting — Médecins, 東京, 🙂"')
    assert project.load().meetings[3].also_known_as == "the\tSeptember meeting — Médecins, 東京, 🙂"


# --- line endings ------------------------------------------------------------------------------


@pytest.mark.parametrize("ending", ["\r", "\r\n", "\u2028"], ids=["CR", "CRLF", "LINE-SEPARATOR"])
def test_every_line_ending_reads_the_same_and_keeps_line_numbers(project, ending):
    line = project.line_of(PROGRESS, STATUS)
    text = project.read(PROGRESS).replace(STATUS, "    status: in progres\n", 1)
    project.path(PROGRESS).write_bytes(text.replace("\n", ending).encode("utf-8"))
    assert '"in progres" is not a status' in project.problem(PROGRESS, line)


def test_mixed_line_endings_and_a_stray_cr_inside_a_value_keep_the_right_line(project):
    lines = project.read(MEETINGS).split("\n")
    lines[0] += "\r"  # one Windows line among Unix ones
    september = next(i for i, value in enumerate(lines) if SEPTEMBER in value)
    lines[september] = lines[september].replace("the September", "the\rSeptember")  # a stray CR
    project.path(MEETINGS).write_bytes("\n".join(lines).encode("utf-8"))
    # An editor shows the stray CR as a line break, so "September meeting" is on the next line:
    # that is the line reported, as the editor numbers it.
    assert project.problem(MEETINGS, september + 2) == (
        "this line could not be read: this line is missing the colon after its name — write name: value")


# --- nesting and size --------------------------------------------------------------------------


@pytest.mark.parametrize("shape", ["flow", "block", "dashes"])
def test_deep_nesting_is_refused_quickly_and_in_words(project, shape):
    depth = 5000
    text = {"flow": "updates: " + "[" * depth + "]" * depth,
            "block": "updates:\n" + "".join(" " * i + f"k{i}:\n" for i in range(1, 1000)),  # 0.5 MB
            "dashes": "updates:\n  " + "- " * depth + "x\n"}[shape]
    project.write(PROGRESS, text)
    started = time.perf_counter()
    problems = [p for p in project.problems() if p.file == PROGRESS]
    assert time.perf_counter() - started < 5  # generous: it stops at the limit, not after recursing
    assert len(problems) == 1 and f"nested more than {MAX_DEPTH} levels deep" in problems[0].message


def test_the_deepest_shipped_data_is_well_within_the_nesting_limit():
    import yaml

    from macros.data.yamlload import _events
    from sites import EXAMPLE, PROJECT

    deepest = 0
    for path in [*(PROJECT / "data").rglob("*.yaml"), *(EXAMPLE / "data").rglob("*.yaml")]:
        depth = 0
        for event in _events(path.read_text(encoding="utf-8")):
            depth += isinstance(event, yaml.CollectionStartEvent) - isinstance(event, yaml.CollectionEndEvent)
            deepest = max(deepest, depth)
    assert deepest == 7 < MAX_DEPTH


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(project):
    project.write(PROGRESS, "updates: []\n# " + "x" * MAX_FILE_BYTES)
    message = project.problem(PROGRESS, 1)
    assert message.startswith("this file is 1.0 MB, more than the 1 MB the portal reads in one file")


def test_a_value_over_the_size_limit_is_refused_with_its_length(project):
    line = project.replace(MEETINGS, SEPTEMBER, "also_known_as: " + "x" * (MAX_VALUE_CHARACTERS + 1))
    message = project.problem(MEETINGS, line)
    assert message.startswith(f'"also_known_as" is {MAX_VALUE_CHARACTERS + 1:,} characters long, more than the '
                              f"{MAX_VALUE_CHARACTERS:,}")
    assert len(str(Problem(MEETINGS, line, message))) < 400  # the value itself is not repeated


def test_an_id_too_long_for_a_file_name_is_refused_before_a_page_is_written(project):
    long_id = "ofsted-2019-r01" + "x" * 300
    for path in (project.root / "data").rglob("*.*"):
        path.write_text(path.read_text(encoding="utf-8").replace("ofsted-2019-r01", long_id), encoding="utf-8")
    line = project.line_of(RECS, f"id: {long_id}")
    assert project.problem(RECS, line) == (
        "id: this ID is 315 characters long, and an ID may have at most 100, because it becomes part of a web "
        "address and a file name — use a shorter one, for example ofsted-2019-r01")


# --- ranges --------------------------------------------------------------------------------------


@pytest.mark.parametrize("date", ["9999-12-31", "0001-01-01", "1899-12-31", "2101-01-01"])
def test_a_date_outside_1900_to_2100_is_refused(project, date):
    line = project.replace(MEETINGS, "    date: 2019-09-11\n", f"    date: {date}\n")
    assert project.problem(MEETINGS, line) == (
        f"date: {date} is outside the years the portal accepts (1900 to 2100) — check the year: a date so far "
        "away is almost always a typing slip")


@pytest.mark.parametrize("date", ["1900-01-01", "2100-12-31"])
def test_the_first_and_last_days_of_the_range_are_accepted(project, date):
    project.replace(MEETINGS, "    date: 2019-09-11\n", f"    date: {date}\n")
    project.load()


def test_a_figure_with_too_many_digits_is_refused_and_fifteen_are_kept(example):
    path = "data/metrics/vacancy-rate.yaml"
    line = example.replace(path, "    value: 9\n", "    value: " + "9" * 400 + "\n")
    assert example.problem(path, line) == (
        "value: this figure has 400 digits, more than the 15 a figure may have (no count, percentage or sum of "
        "money needs more) — check the figure and write it again")
    example.replace(path, "9" * 400, "-12345678901234.5")
    metric = next(m for m in example.load().metrics if m.id == "vacancy-rate")
    assert metric.points[0].value == -12345678901234.5


@pytest.mark.parametrize("written, words", [("1000", "which is too large — it must be at most 999"),
                                            ("9" * 5000, 'should be a whole number, but it is "999')])
def test_a_whole_number_out_of_range_is_refused(project, written, words):
    line = project.replace(RECS, "expected_count: 12", f"expected_count: {written}")
    assert words in project.problem(RECS, line)


# --- links ---------------------------------------------------------------------------------------


MEETING_URL = "      url: https://westsussex.moderngov.co.uk/ieListDocuments.aspx?MId=2166\n"


def test_an_http_link_is_refused_with_its_https_address(project):
    line = project.replace(MEETINGS, MEETING_URL, "      url: http://cypnow.co.uk/news/article/x\n")
    assert project.problem(MEETINGS, line) == (
        'url: "http://cypnow.co.uk/news/article/x" starts with http://, but the portal links only to secure '
        "(https://) addresses — write the https:// address instead: url: https://cypnow.co.uk/news/article/x")


def test_an_http_link_in_minutes_is_refused_with_its_https_address(project):
    old = "The Committee considered a report by the Director"
    line = project.replace(MINUTES, old, "The Committee considered a [report](http://example.org/r.pdf) by the Director")
    assert project.problem(MINUTES, line).startswith(
        'the link "http://example.org/r.pdf" starts with http://, but the portal links only to secure addresses '
        "— write the https:// address instead: https://example.org/r.pdf")


def test_a_link_with_a_zero_width_character_is_refused(project):
    line = project.replace(MEETINGS, MEETING_URL, '      url: "https://exa\\u200bmple.org/"\n')
    assert "zero width space, U+200B" in project.problem(MEETINGS, line)


# --- links (symlinks) that leave the repository ---------------------------------------------------


def test_a_symlink_in_data_to_a_file_outside_the_repository_is_refused_and_not_read(project, tmp_path_factory):
    secret = tmp_path_factory.mktemp("elsewhere") / "secret.yaml"
    secret.write_text("themes: [not, readable]\n", encoding="utf-8")
    os.symlink(secret, project.path("data/bodies-elsewhere.yaml"))
    os.remove(project.path("data/themes.yaml"))
    os.symlink(secret, project.path("data/themes.yaml"))
    problems = project.problems()
    for name in ("data/themes.yaml", "data/bodies-elsewhere.yaml"):
        assert [p.message for p in problems if p.file == name][0].startswith(
            "this is a link to a file or folder outside the repository")
    assert not any("not, readable" in p.message or "programme" in p.message for p in problems)


def test_a_symlinked_folder_in_docs_that_leaves_the_repository_is_refused(project, tmp_path_factory):
    os.symlink(tmp_path_factory.mktemp("elsewhere"), project.path("docs/extra"))
    assert project.problem("docs/extra", 1).startswith("this is a link to a file or folder outside the repository")


def test_a_symlink_that_stays_inside_the_repository_is_fine(project):
    project.path("docs/copy-of-about.md").symlink_to("about.md")
    project.path("data/.git").mkdir()  # the copy is its own repository: links must stay inside it
    project.load()
    from macros.data.reading import outside_links

    assert outside_links(project.root, "docs") == []


def test_a_symlink_into_the_git_folder_is_refused(project):
    (project.root / ".git").mkdir()
    (project.root / ".git" / "config").write_text("[core]\n", encoding="utf-8")
    project.path("docs/config.md").symlink_to(project.root / ".git" / "config")
    assert project.problem("docs/config.md", 1).startswith("this is a link to a file or folder outside")


# --- what messages may say -------------------------------------------------------------------------


INJECTION = "x\n::error file=.github/workflows/portal.yml,line=1::Fake\r\n\x1b[31mred\u202eevil"


def test_a_value_can_never_put_a_line_or_a_workflow_command_into_a_report(project):
    line = project.replace(PROGRESS, STATUS, f"    status: {json.dumps(INJECTION)}\n")
    project.replace(MEETINGS, SEPTEMBER, SEPTEMBER + f"\n    {json.dumps(INJECTION)}: 1")
    with pytest.raises(DataProblems) as raised:
        project.load()
    report = raised.value.report()
    assert len(raised.value.problems) >= 2
    for row in report.split("\n"):
        assert not row.startswith("::") and "\r" not in row and "\x1b" not in row and "\u202e" not in row
    assert f"{PROGRESS}:{line}: " + 'status: "x\\n::error file=' in report  # shown, visibly, on one line


def test_every_problem_is_one_visible_line_whoever_wrote_it():
    problem = Problem("data/x\n.yaml", 3, "bad: " + INJECTION)
    assert "\n" not in str(problem) and "\r" not in str(problem)
    assert str(problem).startswith("data/x\\n.yaml:3: bad: x\\n::error")
    assert visible("tab\there") == "tab\\there"
    assert shown("y" * 1000).endswith("…") and len(shown("y" * 1000)) == 200
