"""macros/data/minutes_files.py and macros/data/files.py: minutes files named as their front matter
says, one file per item and per minute number, sources that name the minute when the minutes are
there, and files in data/ the portal ignores said to be ignored rather than missed in silence."""

from __future__ import annotations

import pytest

PROGRESS = "data/progress/2019-05-15.yaml"
MINUTES = "data/minutes/cypssc-2019-05-15-item-4.md"


def minutes(item: str, number: str, date: str = "2019-06-19") -> str:
    return (f'---\ncommittee: cypssc\ndate: {date}\nitem: "{item}"\ntitle: Update\n---\n\n'
            f"### {number}\n\nThe Committee noted the update.\n")


@pytest.mark.parametrize("item, name", [("4A", "cypssc-2019-06-19-item-4a"), ("04", "cypssc-2019-06-19-item-4"),
                                        ("5 (b)", "cypssc-2019-06-19-item-5-b")])
def test_an_item_that_is_not_a_plain_number_gives_the_name_in_small_letters(project, item, name):
    project.write(f"data/minutes/{name}.md", minutes(item, "5.1"))
    project.load()


def test_a_name_that_is_not_meeting_and_item_says_what_to_rename_it_to(project):
    project.write("data/minutes/june-minutes.md", minutes("5", "5.1"))
    assert project.problem("data/minutes/june-minutes.md", 1) == (
        "a minutes file is named after its meeting and item, which become its web address — rename the file to "
        'cypssc-2019-06-19-item-5.md (its front matter says item 5 of the meeting "cypssc-2019-06-19")')


def test_of_two_files_for_one_item_the_one_named_otherwise_is_reported_even_if_it_comes_first(project):
    project.write("data/minutes/cypssc-2019-06-19-item-5.md", minutes("5", "5.1"))
    project.write("data/minutes/cypssc-2019-06-19-item-5-a.md", minutes("5", "5.2"))  # sorts first
    problems = project.problems()
    assert [(p.file, p.line) for p in problems] == [("data/minutes/cypssc-2019-06-19-item-5-a.md", 4)]
    assert problems[0].message.startswith("data/minutes/cypssc-2019-06-19-item-5.md already holds the minutes of "
                                          'item 5 of the meeting "cypssc-2019-06-19" — ')


def test_a_blank_minute_of_a_meeting_with_no_minutes_yet_says_to_delete_the_line(project):
    project.write("data/progress/2019-07-17.yaml", (
        "updates:\n  - recommendation: ofsted-2019-r03\n    date: 2019-07-17\n    status: in progress\n"
        "    reason: Work has begun.\n"
        "    summary: Work has begun.\n    source:\n      meeting: cypssc-2019-07-17\n      minute:\n"))
    assert project.problem("data/progress/2019-07-17.yaml", 9) == (
        'minute: no value is written here — the portal has no minutes of "cypssc-2019-07-17" yet: delete this '
        "line to cite the meeting as a whole, or add its minutes to data/minutes/ and write the minute's number")
    project.replace("data/progress/2019-07-17.yaml", "      minute:\n", "")
    project.load()  # the meeting as a whole, until its minutes are in the portal


def test_adding_a_meeting_s_minutes_asks_for_the_minute_in_sources_that_cite_the_meeting_alone(project):
    project.write("data/progress/2019-07-17.yaml", (
        "updates:\n  - recommendation: ofsted-2019-r03\n    date: 2019-07-17\n    status: in progress\n"
        "    reason: Work has begun.\n"
        "    summary: Work has begun.\n    source:\n      meeting: cypssc-2019-07-17\n"))
    project.load()
    project.write("data/minutes/cypssc-2019-07-17-item-6.md", minutes("6", "6.1", date="2019-07-17"))
    assert project.problem("data/progress/2019-07-17.yaml", 8).startswith(
        'this source names the meeting "cypssc-2019-07-17" but not the minute, and the portal has its minutes — '
        "add a line minute: with the number of the minute it comes from (6.1)")


# --- files the portal ignores -----------------------------------------------------------------------


@pytest.mark.parametrize("old, new, words", [
    (PROGRESS, "data/progress/2019-05-15.YAML", "rename it to 2019-05-15.yaml"),
    (MINUTES, "data/minutes/cypssc-2019-05-15-item-4.MD", "ending .md (in small letters)"),
    (MINUTES, "data/minutes/.cypssc-2019-05-15-item-4.md", "rename it to cypssc-2019-05-15-item-4.md, without"),
    ("data/meetings.yaml", "data/meetings.yaml/meetings.yaml", "data/meetings.yaml is a folder, not a file"),
    ("data/meetings.yaml", "data/Meetings.yaml", "did you mean meetings.yaml?"),
    (PROGRESS, "data/Progress/2019-05-15.yaml", "did you mean data/progress/?"),
    (PROGRESS, "data/progress/2019/2019-05-15.yaml", "does not look inside folders in data/progress/"),
])
def test_a_file_the_portal_ignores_is_the_only_thing_reported_not_what_it_held(project, old, new, words):
    text = project.read(old)
    project.path(old).unlink()
    project.write(new, text)
    problems = project.problems()
    assert [(p.file, p.line) for p in problems] == [(new, 1)], "\n".join(map(str, problems))
    assert words in problems[0].message


def test_a_hidden_file_that_is_nobody_s_data_is_skipped_in_silence(project):
    project.write("data/progress/.notes.txt", "scratch\n")
    project.write("data/.github/whatever.yaml", "a: b\n")
    project.load()


def test_a_yml_beside_its_yaml_is_reported_and_the_yaml_is_still_read(project):
    project.write("data/progress/2019-05-15.yml", project.read(PROGRESS))
    problems = project.problems()
    assert [(p.file, p.line) for p in problems] == [("data/progress/2019-05-15.yml", 1)]


def test_a_line_break_in_the_data_is_shown_visibly_and_the_message_stays_on_one_line(project):
    project.write("data/minutes/cypssc-2019-06-19-item-5.md", minutes("5\\n6", "5.1"))
    project.write("data/progress/notes\nold.txt", "x\n")
    problems = project.problems()
    assert {p.file for p in problems} == {"data/minutes/cypssc-2019-06-19-item-5.md", "data/progress/notes\\nold.txt"}
    for problem in problems:
        assert "\n" not in str(problem)
    assert any('item: "5\\n6" is not the item' in p.message for p in problems)
