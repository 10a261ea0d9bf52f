"""macros/data/load.py: each kind of bad input in one file is reported at its file and line, in a clerk's words.

Every test starts from a copy of the real, valid data (the `project` fixture), changes one thing,
and checks the one problem that change causes: its file, its line (worked out from the text the
test wrote) and its message. `project.problems()` also checks that every message in the report
says what is wrong and how to fix it (" — ") with no programmer's wording.
"""

from __future__ import annotations

import pytest

PROGRESS = "data/progress/2019-05-15.yaml"
RECOMMENDATIONS = "data/recommendations/ofsted-2019.yaml"
MINUTES = "data/minutes/cypssc-2019-05-15-item-4.md"
MEETINGS = "data/meetings.yaml"
COMMITMENTS = "data/commitments.yaml"

FIRST_DATE = "    date: 2019-05-15\n"  # the first update's date in PROGRESS
FIRST_STATUS = "    status: not yet assessed\n"  # the first update's status in PROGRESS
# The first meeting's source in MEETINGS is a published document: this is its address.
MEETING_URL = "      url: https://westsussex.moderngov.co.uk/ieListDocuments.aspx?MId=2166\n"


# --- the real data --------------------------------------------------------------------------------


def test_the_real_data_loads_with_no_problems(project):
    portal = project.load()
    assert portal.recommendations
    assert portal.meetings
    assert portal.minutes
    for rec in portal.recommendations:
        assert portal.latest(rec).recommendation == rec.id  # every recommendation has a status


def test_the_real_minutes_skip_minute_4_4(project):
    # Several tests below rely on this: the minutes of 15 May 2019 go from 4.3 to 4.5.
    minutes = project.load().minutes
    numbers = [number for m in minutes for number in m.body.minutes]
    assert "4.3" in numbers and "4.5" in numbers
    assert "4.4" not in numbers


# --- YAML syntax ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "file, old, new, words",
    [
        pytest.param(PROGRESS, FIRST_DATE, "    date 2019-05-15\n", ["colon", "name: value"], id="missing-colon"),
        pytest.param(PROGRESS, FIRST_DATE, "\tdate: 2019-05-15\n", ["tab", "spaces"], id="tab-indent"),
        pytest.param(RECOMMENDATIONS, "    title: Caseloads\n", "    title: Caseloads: high\n",
                     ["colon", "double quotes"], id="colon-in-value"),
        pytest.param(MINUTES, "title: Ofsted Inspection", "title Ofsted Inspection",
                     ["colon", "name: value"], id="missing-colon-in-front-matter"),
    ],
)
def test_a_yaml_syntax_error_is_reported_at_its_line(project, file, old, new, words):
    line = project.replace(file, old, new)
    message = project.problem(file, line)
    assert "could not be read" in message
    for word in words:
        assert word in message


def test_a_duplicate_key_is_reported_not_silently_the_last(project):
    line = project.replace(PROGRESS, FIRST_STATUS, FIRST_STATUS + "    status: complete\n")
    message = project.problem(PROGRESS, line + 1)
    assert '"status" appears twice' in message
    assert f"first on line {line}" in message


def test_a_duplicate_key_in_front_matter_is_reported(project):
    line = project.replace(MINUTES, "item: \"4\"\n", "item: \"4\"\nitem: \"5\"\n")
    message = project.problem(MINUTES, line + 1)
    assert '"item" appears twice' in message
    assert f"first on line {line}" in message


# --- YAML 1.1 surprises: kept as written ---------------------------------------------------------------


def test_minute_4_10_stays_4_10_and_is_reported_as_missing(project):
    line = project.replace(PROGRESS, "      minute: 4.3\n", "      minute: 4.10\n")
    message = project.problem(PROGRESS, line)
    assert "no minute 4.10 —" in message  # not silently minute 4.1, which exists


@pytest.mark.parametrize("title", ["no", "NO", "yes", "off"])
def test_a_title_like_no_stays_that_text(project, title):
    project.replace(RECOMMENDATIONS, "    title: Caseloads\n", f"    title: {title}\n")
    portal = project.load()
    assert portal.recommendation("ofsted-2019-r01").title == title


def test_a_number_with_a_leading_zero_stays_as_written(project):
    project.replace(RECOMMENDATIONS, "    ref: R01\n", "    ref: 012\n")
    assert project.load().recommendation("ofsted-2019-r01").ref == "012"


def test_a_time_like_1_30_stays_as_written(project):
    project.replace(COMMITMENTS, "    when: 5 April 2019\n", "    when: 1:30\n")
    commitment = next(c for c in project.load().commitments if c.id == "full-council-cpp-redesign")
    assert commitment.when == "1:30"


def test_a_quoted_item_number_stays_text_in_front_matter(project):
    project.replace(MINUTES, 'item: "4"\n', "item: 04\n")
    assert project.load().minutes[0].front.item == "04"


# --- dates ------------------------------------------------------------------------------------------


def test_an_impossible_date_is_reported(project):
    line = project.replace(PROGRESS, FIRST_DATE, "    date: 2019-02-30\n")
    message = project.problem(PROGRESS, line)
    assert "2019-02-30 is not a real date" in message
    assert "YYYY-MM-DD" in message


@pytest.mark.parametrize("written", ["15/05/2019", "15 May 2019", "2019-5-15"])
def test_a_wrongly_written_date_is_reported_with_the_right_form(project, written):
    line = project.replace(PROGRESS, FIRST_DATE, f"    date: {written}\n")
    message = project.problem(PROGRESS, line)
    assert f'"{written}" is not written as a date' in message
    assert "YYYY-MM-DD" in message
    assert "2019-05-15" in message  # the example shows the form


# --- keys and fields ---------------------------------------------------------------------------------


def test_a_misspelt_key_is_reported_with_a_suggestion(project):
    line = project.replace(PROGRESS, FIRST_STATUS, "    staus: not yet assessed\n")
    message = project.problem(PROGRESS, line)
    assert '"staus" is not something the portal reads here' in message
    assert 'did you mean "status"?' in message


def test_a_misspelt_key_in_front_matter_is_reported_with_a_suggestion(project):
    line = project.replace(MINUTES, "report: Report by", "reprot: Report by")
    message = project.problem(MINUTES, line)
    assert 'did you mean "report"?' in message


def test_an_unknown_key_with_no_near_match_lists_the_allowed_names(project):
    line = project.replace(PROGRESS, FIRST_STATUS, FIRST_STATUS + "    colour: red\n") + 1
    message = project.problem(PROGRESS, line)
    assert '"colour" is not something the portal reads here' in message
    assert "did you mean" not in message
    assert "recommendation, date, status, reason, summary, evidence, source" in message


def test_a_missing_required_field_is_reported_at_its_record(project):
    project.replace(PROGRESS, FIRST_DATE, "")
    record_line = project.line_of(PROGRESS, "  - recommendation: ofsted-2019-r01\n")
    message = project.problem(PROGRESS, record_line)
    assert '"date" is missing' in message
    assert "date:" in message.split(" — ", 1)[1]


def test_a_missing_required_field_in_front_matter_is_reported(project):
    project.replace(MINUTES, "title: Ofsted Inspection of Children's Social Care Services\n", "")
    message = project.problem(MINUTES, 2)  # front matter starts on line 2, after the --- line
    assert '"title" is missing' in message


@pytest.mark.parametrize("file, old", [(MEETINGS, "    date: 2019-06-19\n"), (PROGRESS, FIRST_STATUS)],
                         ids=["date", "status"])
def test_an_empty_value_is_called_empty_in_plain_words(project, file, old):
    name = old.split(":")[0]  # keep the name and its colon, drop the value
    line = project.replace(file, old, f"{name}:\n")
    message = project.problem(file, line)  # also checks that the message does not say "None"
    assert "no value" in message or "empty" in message


@pytest.mark.parametrize(
    "written, suggestion",
    [("in progres", "in progress"), ("not yet asessed", "not yet assessed")],  # capitals: test_mistakes
)
def test_a_status_outside_the_vocabulary_is_reported_with_a_suggestion(project, written, suggestion):
    line = project.replace(PROGRESS, FIRST_STATUS, f"    status: {written}\n")
    message = project.problem(PROGRESS, line)
    assert f'"{written}" is not a status the portal knows' in message
    assert f'did you mean "{suggestion}"?' in message
    assert "not yet assessed, not started, in progress, at risk, off track, complete" in message


def test_a_whole_number_written_in_words_is_reported(project):
    line = project.replace(RECOMMENDATIONS, "expected_count: 12\n", "expected_count: twelve\n")
    message = project.problem(RECOMMENDATIONS, line)
    assert '"twelve"' in message
    assert "digits" in message


# --- links ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://example.org/minutes.pdf"])  # www.: test_mistakes
def test_a_url_that_is_not_a_web_link_is_reported(project, url):
    line = project.replace(MEETINGS, MEETING_URL, f"      url: {url}\n")
    message = project.problem(MEETINGS, line)
    assert f'"{url}" is not a web link' in message
    assert "https://" in message


def test_a_web_link_is_accepted(project):
    project.replace(MEETINGS, MEETING_URL, "      url: https://example.org/a?b=1\n")
    assert project.load().meetings[0].source.url == "https://example.org/a?b=1"


@pytest.mark.parametrize("target", ["javascript:alert(1)", "ftp://example.org/minutes.pdf"])
def test_a_markdown_link_in_minutes_that_is_not_a_web_link_is_reported(project, target):
    old = "The Committee considered a report by the Director"
    line = project.replace(MINUTES, old, f"The Committee considered a [report]({target}) by the Director")
    message = project.problem(MINUTES, line)
    assert "is not a web link" in message
    assert target.rstrip(")") in message
    assert "https://" in message


# --- whole files ------------------------------------------------------------------------------------


def test_a_minutes_file_with_no_front_matter_is_reported(project):
    text = project.read(MINUTES)
    body = text[text.index("\n---\n", 4) + len("\n---\n"):]
    project.write(MINUTES, body)
    message = project.problem(MINUTES, 1)
    assert "no front matter" in message
    assert "---" in message


def test_a_minutes_file_with_no_numbered_minutes_is_reported(project):
    text = project.read(MINUTES)
    end_of_front = text.index("\n---\n", 4) + len("\n---\n")
    body_line = text.count("\n", 0, end_of_front) + 1
    project.write(MINUTES, text[:end_of_front] + "\nThe minutes are to follow.\n")
    message = project.problem(MINUTES, body_line)
    assert "no numbered minutes" in message
    assert "### 4.1" in message


def test_an_empty_data_file_is_reported(project):
    project.write("data/progress/2019-06-19.yaml", "")
    message = project.problem("data/progress/2019-06-19.yaml", 1)
    assert "this file is empty" in message


def test_a_data_file_of_only_comments_is_reported_as_empty(project):
    project.write("data/progress/2019-06-19.yaml", "# to be filled in after the June meeting\n")
    message = project.problem("data/progress/2019-06-19.yaml", 1)
    assert "this file is empty" in message


def test_a_data_file_that_is_not_name_value_lines_is_reported(project):
    project.write("data/progress/2019-06-19.yaml", "Updates to follow after the June meeting.\n")
    message = project.problem("data/progress/2019-06-19.yaml", 1)  # also requires " — how to fix"
    assert "updates" in message


@pytest.mark.parametrize(
    "file, words",
    [
        ("data/notes.txt", "does not read this file"),
        ("data/progress/notes.md", "reads only files ending .yaml in data/progress/, so it ignores this one"),
        ("data/minutes/cypssc-2019-06-19.yaml", "reads only files ending .md in data/minutes/, so it ignores"),
        ("data/archive/meetings.yaml", "does not read this file"),
        ("data/progress/2019-06-19.yml", "ignores this file — rename it to 2019-06-19.yaml"),
    ],
)
def test_a_file_the_portal_does_not_read_is_reported(project, file, words):
    project.write(file, "updates: []\n")
    message = project.problem(file, 1)
    assert words in message


def test_readme_and_files_that_are_nobody_s_data_are_ignored(project):
    project.write("data/README.md", "How to edit the data.\n")
    project.write("data/progress/.gitkeep", "")
    project.write("data/.DS_Store", "\x00")
    project.load()


def test_a_missing_required_file_is_reported(project):
    project.path(MEETINGS).unlink()
    message = project.problem(MEETINGS, 1)
    assert "this file is missing" in message


def test_a_file_not_saved_as_utf8_is_reported_at_the_first_bad_line(project):
    text = project.read(COMMITMENTS)
    line = project.line_of(COMMITMENTS, "£")
    project.path(COMMITMENTS).write_bytes(text.encode("utf-8").replace("£".encode(), b"\xa3"))  # Windows-1252 £
    message = project.problem(COMMITMENTS, line)
    assert "not saved as UTF-8" in message
    assert "save it again" in message


def test_a_minutes_file_not_saved_as_utf8_is_reported(project):
    line = project.line_of(MINUTES, "\u2019")  # the first curly apostrophe
    project.path(MINUTES).write_bytes(project.read(MINUTES).encode("cp1252"))
    message = project.problem(MINUTES, line)
    assert "not saved as UTF-8" in message


def test_windows_line_endings_and_a_byte_order_mark_are_fine(project):
    text = project.read(PROGRESS)
    project.path(PROGRESS).write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    project.load()


# --- all problems at once ----------------------------------------------------------------------------


def test_many_problems_in_different_files_are_all_reported_in_one_run(project):
    expected = {
        (PROGRESS, project.replace(PROGRESS, FIRST_STATUS, "    status: in progres\n")),
        (MEETINGS, project.replace(MEETINGS, "    date: 2019-06-19\n", "    date: 2019-06-31\n")),
        ("data/bodies.yaml", project.replace("data/bodies.yaml", "    role: Champions", "    rol: Champions")),
        (MINUTES, project.replace(MINUTES, "report: Report by", "reprot: Report by")),
        ("data/notes.txt", 1),
    }
    project.write("data/notes.txt", "a note\n")
    found = {(p.file, p.line) for p in project.problems()}
    assert expected <= found, f"missing: {expected - found}"


def test_the_report_lists_every_problem_as_file_line_message(project):
    from macros.data.problems import DataProblems

    project.replace(PROGRESS, FIRST_STATUS, "    status: in progres\n")
    project.write("data/notes.txt", "a note\n")
    with pytest.raises(DataProblems) as raised:
        project.load()
    report = raised.value.report()
    for problem in raised.value.problems:
        assert f"{problem.file}:{problem.line}: {problem.message}" in report.splitlines()
    assert "Nothing has been published" in report
    assert report.endswith("on a computer with the project, run: make validate")  # the README's command


# --- one mistake, one problem ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "file, old, new",
    [
        pytest.param(PROGRESS, FIRST_STATUS, "    status: in progres\n", id="status-typo-in-progress"),
        pytest.param(RECOMMENDATIONS, "    title: Caseloads\n", "    title: Caseloads: high\n",
                     id="colon-in-a-recommendation-title"),
        pytest.param(MINUTES, "title: Ofsted Inspection", "title Ofsted Inspection",
                     id="missing-colon-in-minutes-front-matter"),
    ],
)
def test_one_mistake_is_reported_only_where_it_was_made(project, file, old, new):
    # When a file cannot be read, the records in it still exist: the clerk should not also be told
    # that every recommendation lacks an update, that IDs used elsewhere do not exist, or to
    # remove pages (which would unpublish records that are only waiting for a typo to be fixed).
    project.replace(file, old, new)
    elsewhere = [str(p) for p in project.problems() if p.file != file]
    assert elsewhere == [], "\n".join(elsewhere)


def test_a_minutes_file_name_that_cannot_be_a_web_address_is_reported(project, plain_words):
    text = project.read(MINUTES)
    project.path(MINUTES).unlink()
    project.write("data/minutes/Minutes 15 May.md", text)
    problems = project.problems()
    assert [(p.file, p.line) for p in problems] == [("data/minutes/Minutes 15 May.md", 1)]
    assert "rename it" in problems[0].message


def test_a_missing_required_file_is_reported_with_how_to_fix_it(project):
    project.path("data/meetings.yaml").unlink()
    problems = project.problems()
    assert [(p.file, p.line) for p in problems] == [("data/meetings.yaml", 1)]
