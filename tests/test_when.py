"""macros/data/when.py: nothing reported is dated after the build date or before its recommendation's
record begins, and an update's date agrees with its file's name or the meeting it cites."""

from __future__ import annotations

import pytest

PROGRESS = "data/progress/2019-05-15.yaml"
RECOMMENDATIONS = "data/recommendations/ofsted-2019.yaml"
FIRST_DATE = "    date: 2019-05-15\n"  # ofsted-2019-r01's update

# One update for ofsted-2019-r03 in a file of its own; {date}, {file_date} and {source} filled in.
UPDATE = (
    "updates:\n"
    "  - recommendation: ofsted-2019-r03\n"
    "    date: {date}\n"
    "    status: in progress\n"
    "    reason: Work has begun.\n"
    "    summary: Work has begun.\n"
    "    source:\n"
    "{source}"
)
AT_MEETING = "      meeting: cypssc-2019-05-15\n      minute: 4.3\n"
IN_A_DOCUMENT = (
    "      document: A report to the committee\n      publisher: The council\n      kind: council paper\n"
    "      url: https://example.org/report\n"
)


@pytest.fixture(autouse=True)
def no_later_figures(project):
    """These checks are made as at days in 2019 before the real figures of September 2019 were
    reported, so the copy leaves those figures out (they would rightly be dated after the build)."""
    for path in project.path("data/metrics").glob("*.yaml"):
        path.unlink()


@pytest.fixture
def as_at(monkeypatch):
    def set_build_date(day: str) -> None:
        monkeypatch.setenv("PORTAL_BUILD_DATE", day)

    return set_build_date


def test_an_update_dated_the_build_date_is_accepted_and_one_a_day_later_is_not(project, as_at):
    project.write("data/progress/2019-06-19.yaml", UPDATE.format(date="2019-06-19", source=IN_A_DOCUMENT))
    as_at("2019-06-19")
    project.load()
    as_at("2019-06-18")
    message = project.problem("data/progress/2019-06-19.yaml", 3)
    assert message == ("date: 2019-06-19 is after today (2019-06-18), but an update records what has been "
                       "reported — check the year: this file is for 2019-06-19")


def test_without_a_build_date_today_is_used(project):
    line = project.replace(PROGRESS, FIRST_DATE, "    date: 2991-05-15\n")
    assert "is after today (" in project.problem(PROGRESS, line)


def test_a_bad_build_date_is_said_in_words_by_the_check(project, as_at):
    import subprocess
    import sys

    from sites import PROJECT

    result = subprocess.run([sys.executable, "-m", "macros", "validate", "--root", str(project.root)], cwd=PROJECT,
                            capture_output=True, text=True, env={"PORTAL_BUILD_DATE": "15/05/2019", "PATH": ""})
    assert result.returncode == 1
    assert result.stderr.startswith("PORTAL_BUILD_DATE='15/05/2019' is not a date — write it as YYYY-MM-DD")
    assert "Traceback" not in result.stderr


def test_minutes_of_a_meeting_that_has_not_happened_are_refused(project, as_at):
    as_at("2019-05-14")  # the day before the real minutes' meeting: everything citing it goes too
    problems = {(p.file, p.line): p.message for p in project.problems()}
    minutes = "data/minutes/cypssc-2019-05-15-item-4.md"
    assert problems[minutes, 3] == ("date: 2019-05-15 is after today (2019-05-14), and minutes can only record a "
                                    "meeting that has happened — check the date, or add these minutes after the meeting")
    first_source = project.line_of(PROGRESS, "          meeting: cypssc-2019-05-15\n")
    assert problems[PROGRESS, first_source].startswith(
        'the meeting "cypssc-2019-05-15" is on 2019-05-15, after today (2019-05-14), so nothing can have been '
        "reported or decided there yet — ")
    resolutions_meeting = project.line_of("data/resolutions.yaml", "    meeting: cypssc-2019-05-15\n")
    assert problems["data/resolutions.yaml", resolutions_meeting].startswith('the meeting "cypssc-2019-05-15" is on')


def test_a_target_revision_reported_in_the_future_or_before_the_record_is_reported(project, as_at):
    as_at("2020-01-01")
    target = (
        "    target:\n"
        "      original: 2019-12-31\n"
        "      source:\n"
        "        meeting: cypssc-2019-05-15\n"
        "        minute: 4.3\n"
        "      revisions:\n"
        "        - reported: 2019-01-10\n"
        "          new_target: 2020-03-31\n"
        "          reason: Recruitment took longer.\n"
        "          source:\n"
        "            document: A report to the committee\n"
        "        - reported: 2020-02-10\n"
        "          new_target: 2020-06-30\n"
        "          reason: Recruitment took longer still.\n"
        "          source:\n"
        "            document: A report to the committee\n"
    )
    start = project.replace(RECOMMENDATIONS, "    ref: R01\n", "    ref: R01\n" + target)
    problems = {p.line: p.message for p in project.problems() if p.file == RECOMMENDATIONS}
    assert problems[start + 7].startswith(
        "reported: 2019-01-10 is before the portal's record of ofsted-2019-r01 begins (2019-05-15, the meeting "
        '"cypssc-2019-05-15" that recorded it) — check the year; ')
    assert problems[start + 12] == ("reported: 2020-02-10 is after today (2020-01-01), but a revision records "
                                    "when a new target was reported — check the year")


def test_an_update_in_a_file_of_another_date_that_cites_another_meeting_is_told_which_to_fix(project):
    project.write("data/progress/2019-06-19.yaml", UPDATE.format(date="2019-06-20", source=AT_MEETING))
    message = project.problem("data/progress/2019-06-19.yaml", 3)
    assert message == (
        'date: 2019-06-20 is neither the date of this file (2019-06-19) nor of the meeting it cites '
        '("cypssc-2019-05-15", on 2019-05-15) — an update is dated the day its status was reported: if that '
        "was the meeting, write date: 2019-05-15 and move the update to data/progress/2019-05-15.yaml; if it "
        "was 2019-06-19, write date: 2019-06-19 and cite that day's source")


@pytest.mark.parametrize("date", ["2019-07-17", "2019-06-19"])
def test_an_update_dated_as_its_file_or_as_its_meeting_is_accepted(project, date):
    # The July meeting's minutes are not in the portal yet, so the meeting alone may be cited.
    project.write("data/progress/2019-06-19.yaml", UPDATE.format(date=date, source="      meeting: cypssc-2019-07-17\n"))
    project.load()


def test_in_a_file_not_named_by_date_the_update_is_compared_with_its_meeting_only(project):
    project.write("data/progress/peer-review.yaml", UPDATE.format(date="2019-05-16", source=AT_MEETING))
    assert project.problem("data/progress/peer-review.yaml", 3) == (
        'date: 2019-05-16 is not the date of the meeting it cites ("cypssc-2019-05-15", on 2019-05-15) — if it '
        "is a typo, write date: 2019-05-15; if 2019-05-16 is right, cite the source that reported it then")
    project.write("data/progress/peer-review.yaml", UPDATE.format(date="2019-05-16", source=IN_A_DOCUMENT))
    project.load()  # nothing to compare it with


def test_a_recommendation_recorded_only_in_documents_has_no_earliest_date(project):
    report = "document: The Ofsted report\n{0}publisher: Ofsted\n{0}kind: official publication\n{0}url: none\n" \
             "{0}why_no_url: A test's.\n"
    project.replace(RECOMMENDATIONS, "source:\n  meeting: cypssc-2019-05-15\n  minute: 4.3\n",
                    "source:\n  " + report.format("  "))
    project.replace(RECOMMENDATIONS, "    title: Caseloads\n    source:\n      meeting: cypssc-2019-05-15\n"
                    "      minute: 4.3\n", "    title: Caseloads\n    source:\n      " + report.format("      "))
    earlier = UPDATE.replace("r03", "r01").replace("in progress", "not yet assessed").replace("    reason: Work has begun.\n", "")
    project.write("data/progress/2019-05-01.yaml", earlier.format(date="2019-05-01", source=IN_A_DOCUMENT))
    project.load()
