"""The actions tracker over the FICTIONAL example: every resolution and action appears once, with its
due date (a meeting resolved to that meeting's date) and closing minute, and overdue flags follow the
build date (PORTAL_BUILD_DATE), never the machine's clock."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import EXAMPLE_BUILD_DATE
from sites import EXAMPLE, Site, build

from macros.data.load import load_portal
from macros.site.render import long_date

URL = "actions/"


@pytest.fixture(scope="module")
def portal():
    return load_portal(EXAMPLE)


def expected_overdue(portal, day: dt.date) -> set[str]:
    """Worked out from the data files directly: open, and due before the build date."""
    due = {r.id: portal.meeting(r.report_back.meeting).date for r in portal.resolutions
           if r.status.value == "open" and r.report_back and r.report_back.meeting}
    for action in portal.actions:
        if action.status.value == "open":
            named = {m.id: m.date for m in portal.meetings} | {m.also_known_as: m.date for m in portal.meetings}
            due[action.id] = named.get(action.due) or dt.date.fromisoformat(action.due)
    return {item for item, date in due.items() if date < day}


def flagged(site: Site) -> set[str]:
    return {row["id"] for row in site.content(URL).select("tbody tr") if row.select_one(".sp-overdue")}


def test_every_resolution_and_action_is_listed_once(example_site, portal):
    rows = [row["id"] for row in example_site.content(URL).select("tbody tr")]
    assert sorted(rows) == sorted([r.id for r in portal.resolutions] + [a.id for a in portal.actions])


def test_the_page_says_as_at_the_build_date(example_site):
    day = dt.date.fromisoformat(EXAMPLE_BUILD_DATE)
    assert example_site.content(URL).select_one(".sp-as-at").get_text().startswith(f"As at {long_date(day)}:")


def test_a_due_meeting_is_shown_as_that_meetings_date(example_site):
    row = example_site.content(URL).find(id="hcssc-2021-11-17-a2")
    assert "14 September 2022 (the September 2022 meeting)" in " ".join(row.get_text(" ").split())


def test_closed_items_link_to_the_minute_where_they_were_closed(example_site, portal):
    for action in portal.actions:
        row = example_site.content(URL).find(id=action.id)
        last = row.find_all("td")[-1]
        if action.closed:
            target = example_site.resolve(URL, last.a["href"])
            assert target[1] == f"minute-{action.closed.minute}"
            assert example_site.content(target[0]).find(id=target[1]) is not None
        else:
            assert "Not closed" in last.get_text()


# No day before the example's last meeting (15 March 2023): a build refuses data dated after its build date.
@pytest.mark.parametrize("day", ["2023-03-15", "2023-08-01"])
def test_overdue_flags_follow_the_build_date(tmp_path, portal, day):
    result = build(EXAMPLE, tmp_path / "site", PORTAL_BUILD_DATE=day)
    assert result.returncode == 0, result.stderr
    assert flagged(Site(tmp_path / "site")) == expected_overdue(portal, dt.date.fromisoformat(day))


def test_two_build_dates_give_different_flags(portal, example_site):
    early, late = expected_overdue(portal, dt.date(2023, 3, 15)), expected_overdue(portal, dt.date(2023, 8, 1))
    assert early != late and early < late
    assert flagged(example_site) == expected_overdue(portal, dt.date.fromisoformat(EXAMPLE_BUILD_DATE))


def test_a_bad_build_date_stops_the_build_with_a_plain_message(tmp_path):
    result = build(EXAMPLE, tmp_path / "site", PORTAL_BUILD_DATE="2023-13-01")
    assert result.returncode != 0
    assert "PORTAL_BUILD_DATE='2023-13-01' is not a date — write it as YYYY-MM-DD" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_page_says_how_recent_its_minutes_are(example_site):
    assert "The newest minutes the portal holds are of the meeting of 15 March 2023" in example_site.text(URL)
