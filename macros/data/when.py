"""Checks of when things happened, so that a typo in a year is caught rather than published.

- Nothing reported is dated after the build date (clock.build_date: today, or PORTAL_BUILD_DATE):
  an update, a figure, a target revision, the minutes of a meeting, and every source, closure or
  resolution that cites a meeting that has not happened yet.
- Nothing about a recommendation is dated before the portal's record of it begins: the date of
  the meeting its own source: names, or else the meeting its set's source: names. (A document
  carries no date, so a recommendation recorded only by documents has no such limit.)
- An update's date is the date in its file's name (data/progress/<date>.yaml) or the date of the
  meeting it cites; if it is neither, the message says which to change.

Every question is a lookup in an index built once, so the cost grows with the data, not its square.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import PurePosixPath

from . import model
from .portal import Portal
from .problems import Problem


def check_dates(portal: Portal, today: dt.date) -> list[Problem]:
    return _Dates(portal, today).run()


class _Dates:
    def __init__(self, portal: Portal, today: dt.date):
        self.portal = portal
        self.today = today
        self.where = portal.locations
        self.meetings = portal.index.meeting  # by ID
        self.held = portal.index.meeting_at  # by (committee, date)
        self.problems: list[Problem] = []
        # recommendation ID -> (date its record begins, the meeting that recorded it)
        self.begins: dict[str, tuple[dt.date, str]] = {}
        for rec_set in portal.sets:
            for rec in rec_set.recommendations:
                meeting = self.meetings.get(rec.source.meeting or rec_set.source.meeting or "")
                if meeting:
                    self.begins[rec.id] = (meeting.date, meeting.id)

    def problem(self, record, names: tuple, message: str) -> None:
        self.problems.append(self.where.problem(record, names, message))

    def run(self) -> list[Problem]:
        for update in self.portal.updates:
            self.check_update(update)
        for rec in self.portal.recommendations:
            for revision in rec.target.revisions if rec.target else []:
                self.check_revision(rec, revision)
        for metric in self.portal.metrics:
            for point in metric.points:
                if point.date > self.today:
                    self.problem(
                        point, ("date",), self.future("date", point.date, "a figure records what was measured")
                    )
        for minutes in self.portal.minutes:
            front = minutes.front
            if front.date > self.today and (front.committee, front.date) in self.held:
                self.problem(
                    front,
                    ("date",),
                    f"date: {front.date} is after today ({self.today}), and minutes can only record a meeting "
                    "that has happened — check the date, or add these minutes after the meeting",
                )
        for record in self.where.records():
            if isinstance(record, (model.Source, model.MinuteRef, model.Resolution)):
                self.check_meeting_has_happened(record)
        return self.problems

    def future(self, field: str, day: dt.date, what: str) -> str:
        return f"{field}: {day} is after today ({self.today}), but {what} — check the year"

    def check_meeting_has_happened(self, record: model.Source | model.MinuteRef | model.Resolution) -> None:
        meeting = self.meetings.get(record.meeting or "")
        if meeting and meeting.date > self.today:
            self.problem(
                record,
                ("meeting",),
                f'the meeting "{meeting.id}" is on {meeting.date}, after today ({self.today}), so nothing can '
                "have been reported or decided there yet — check the meeting's ID here, or its date in "
                "data/meetings.yaml",
            )

    def check_revision(self, rec: model.Recommendation, revision: model.TargetRevision) -> None:
        begins = self.begins.get(rec.id)
        if revision.reported > self.today:
            self.problem(
                revision,
                ("reported",),
                self.future("reported", revision.reported, "a revision records when a new target was reported"),
            )
        elif begins and revision.reported < begins[0]:
            self.problem(revision, ("reported",), self.too_early("reported", revision.reported, rec.id, begins))

    def too_early(self, field: str, day: dt.date, rec_id: str, begins: tuple[dt.date, str], hint: str = "") -> str:
        return (
            f'{field}: {day} is before the portal\'s record of {rec_id} begins ({begins[0]}, the meeting "{begins[1]}" '
            f"that recorded it) — check the year{hint}; if it really was reported earlier, give {rec_id} that "
            "earlier source: in data/recommendations/"
        )

    def check_update(self, update: model.ProgressUpdate) -> None:
        named = file_date(self.where.file(update))
        cited = self.meetings.get(update.source.meeting or "")
        begins = self.begins.get(update.recommendation)
        hint = _hint(named, cited)
        if update.date > self.today:
            self.problem(
                update, ("date",), self.future("date", update.date, "an update records what has been reported") + hint
            )
        elif begins and update.date < begins[0]:
            self.problem(update, ("date",), self.too_early("date", update.date, update.recommendation, begins, hint))
        elif (named or cited) and update.date not in (named, cited and cited.date):
            self.problem(update, ("date",), _mismatch(update.date, named, cited))


def file_date(file: str) -> dt.date | None:
    """The date in a progress file's name (data/progress/2019-05-15.yaml), if it is named by date."""
    stem = PurePosixPath(file).stem
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", stem):
        return None
    try:
        return dt.date.fromisoformat(stem)
    except ValueError:
        return None


def _hint(named: dt.date | None, cited: model.Meeting | None) -> str:
    """What the date was probably meant to be, from the file's name and the meeting cited."""
    if named and cited and named != cited.date:
        return f": this file is for {named}, and the meeting it cites was on {cited.date}"
    if named:
        return f": this file is for {named}"
    return f": the meeting it cites was on {cited.date}" if cited else ""


def _mismatch(day: dt.date, named: dt.date | None, cited: model.Meeting | None) -> str:
    """An update dated neither as its file nor as its meeting: say which to change."""
    if named and cited and named == cited.date:
        return (
            f'date: {day} is neither the date of this file ({named}) nor of the meeting it cites ("{cited.id}") — '
            f"if it is a typo, write date: {named}; if {day} is right, move this update to "
            f"data/progress/{day}.yaml with the source that reported it then"
        )
    if named and cited:
        return (
            f'date: {day} is neither the date of this file ({named}) nor of the meeting it cites ("{cited.id}", '
            f"on {cited.date}) — an update is dated the day its status was reported: if that was the meeting, "
            f"write date: {cited.date} and move the update to data/progress/{cited.date}.yaml; if it was {named}, "
            f"write date: {named} and cite that day's source"
        )
    if named or cited is None:  # the caller passes the file's date, the meeting cited, or both
        return (
            f"date: {day} is not the date of this file ({named}) — if it is a typo, write date: {named}; "
            f"if {day} is right, move this update to data/progress/{day}.yaml"
        )
    return (
        f'date: {day} is not the date of the meeting it cites ("{cited.id}", on {cited.date}) — if it is a '
        f"typo, write date: {cited.date}; if {day} is right, cite the source that reported it then"
    )
