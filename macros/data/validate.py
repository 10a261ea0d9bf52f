"""Checks across records: IDs are unique, every reference resolves, every quote is in its source."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from itertools import pairwise

from pydantic import BaseModel

from . import model
from .findings import FindingKind
from .minutes import normalise
from .minutes_files import check_minutes_files
from .portal import Portal
from .problems import Problem
from .when import check_dates

# Where each kind of record is kept, for messages and for knowing what could not be read.
FILES_OF = {
    "recommendation": "data/recommendations/",
    "theme": "data/themes.yaml",
    "resolution": "data/resolutions.yaml",
    "body": "data/bodies.yaml",
    "meeting": "data/meetings.yaml",
    "minutes": "data/minutes/",
    "progress": "data/progress/",
    "action": "data/actions.yaml",
    "metric": "data/metrics/",
    "finding": "data/findings.yaml",
}


def check_portal(portal: Portal, today: dt.date) -> list[Problem]:
    """Every check across records; `today` is the build date (nothing reported may be after it)."""
    if portal.site is None or not portal.meetings:
        return []  # the loader has already reported the missing or unreadable file
    checks = _Checks(portal)
    checks.run()
    return checks.problems + check_dates(portal, today) + check_minutes_files(portal)


class _Checks:
    def __init__(self, portal: Portal):
        self.portal = portal
        self.where = portal.locations
        self.problems: list[Problem] = []

    def problem(self, record: BaseModel, names: tuple, message: str) -> None:
        self.problems.append(Problem(self.where.file(record), self.where.line(record, *names), message))

    def run(self) -> None:
        portal = self.portal
        themes = portal.themes.themes if portal.themes else []
        self.unique("committee", portal.site.committees)
        self.unique("meeting", portal.meetings)
        self.unique("recommendation set", portal.sets)
        self.unique("recommendation", portal.recommendations)
        self.unique("theme", themes)
        self.unique("resolution", portal.resolutions)
        self.unique("body", portal.bodies)
        self.unique("commitment", portal.commitments)

        for meeting in portal.meetings:
            if portal.committee(meeting.committee) is None:
                self.problem(meeting, ("committee",), self.unknown("committee", meeting.committee, "data/portal.yaml"))
        for rec_set in portal.sets:
            self.check_count(rec_set)
        for theme in themes:
            self.refs(theme, "recommendations", theme.recommendations, "recommendation")
        for commitment in portal.commitments:
            self.refs(commitment, "bodies", commitment.bodies, "body")
            self.refs(commitment, "recommendations", commitment.recommendations, "recommendation")
        for resolution in portal.resolutions:
            self.check_resolution(resolution)
        self.check_updates()
        self.unique("action", portal.actions)
        for action in portal.actions:
            self.check_action(action)
        for rec in portal.recommendations:
            if rec.target:
                self.check_target(rec.target)
        self.unique("finding", portal.findings)
        self.check_findings()
        self.unique("metric", portal.metrics)
        for metric in portal.metrics:
            self.refs(metric, "recommendations", metric.recommendations, "recommendation")
        for record in portal.locations.records():
            if isinstance(record, model.MinuteRef):
                self.check_source(record)
        for minutes in portal.minutes:
            self.check_minutes_front(minutes)
        for source in portal.sources():
            self.check_source(source)
            unfollowable = source.unfollowable()
            if unfollowable:
                self.problem(source, (), unfollowable)
        for record in portal.locations.records():
            if isinstance(record, model.Evidence) and record.quote:
                self.check_quote(record, ("quote",), record.quote, record.source.meeting, record.source.minute)

    # --- each kind of check --------------------------------------------------------------------

    def unique(self, kind: str, records: Iterable[BaseModel]) -> None:
        self.once(
            records,
            lambda r: r.id,
            "id",
            lambda r: f'the {kind} ID "{r.id}" is already used at {{place}} — give each {kind} its own ID',
        )

    def once(self, records: Iterable[BaseModel], key, field: str, message) -> None:
        """Report every record whose key was already taken by an earlier one, naming that place."""
        first: dict[object, BaseModel] = {}
        for record in records:
            earlier = first.setdefault(key(record), record)
            if earlier is not record:
                place = f"{self.where.file(earlier)}:{self.where.line(earlier, field)}"
                self.problem(record, (field,), message(record).format(place=place))

    def complete(self, kind: str) -> bool:
        """Whether every record of a kind was read (its file or folder had no unreadable record)."""
        return FILES_OF[kind].removeprefix("data/").strip("/") not in self.portal.incomplete

    def exists(self, kind: str, record_id: str) -> bool:
        """Whether a record exists — or might, because its file could not be read."""
        portal = self.portal
        if not self.complete(kind):
            return True
        finders: dict[str, Callable[[str], object]] = {
            "recommendation": portal.index.recommendation.get,
            "theme": portal.theme,
            "resolution": portal.resolution,
            "body": portal.body,
            "meeting": portal.meeting,
        }
        return bool(finders[kind](record_id))

    @staticmethod
    def unknown(kind: str, record_id: str, where: str) -> str:
        return f'there is no {kind} with the ID "{record_id}" — check the spelling against {where}'

    def refs(self, record: BaseModel, field: str, ids: list[str], kind: str) -> None:
        for index, record_id in enumerate(ids):
            if not self.exists(kind, record_id):
                self.problem(record, (field, index), self.unknown(kind, record_id, FILES_OF[kind]))

    def check_count(self, rec_set: model.RecommendationSet) -> None:
        count = len(rec_set.recommendations)
        if count != rec_set.expected_count:
            self.problem(
                rec_set,
                ("expected_count",),
                f"the report made {rec_set.expected_count} recommendations but this file lists {count} — "
                "list every recommendation (use no title: where no source gives one yet) or correct expected_count",
            )

    def check_findings(self) -> None:
        """Each finding names a known body and known recommendations, and a direction is lifted
        only while one is in force."""
        in_force = False
        for finding in self.portal.others.timeline:
            if not self.exists("body", finding.body):
                self.problem(finding, ("body",), self.unknown("body", finding.body, FILES_OF["body"]))
            named = [note.recommendation for note in finding.recommendations]
            for index, rec_id in enumerate(named):
                if not self.exists("recommendation", rec_id):
                    self.problem(
                        finding.recommendations[index],
                        ("recommendation",),
                        self.unknown("recommendation", rec_id, FILES_OF["recommendation"]),
                    )
                elif rec_id in named[:index]:
                    self.problem(
                        finding.recommendations[index],
                        ("recommendation",),
                        f"{rec_id} is already listed for this finding — say everything it found about "
                        "that recommendation in one said:",
                    )
            if finding.kind == FindingKind.DIRECTION_LIFTED and not in_force:
                self.problem(
                    finding,
                    ("kind",),
                    f"this finding lifts a direction, but no direction is recorded as in force before "
                    f"{finding.date} — add the direction it lifts (kind: direction), or correct kind:",
                )
            if finding.kind in (FindingKind.DIRECTION, FindingKind.DIRECTION_LIFTED):
                in_force = finding.kind == FindingKind.DIRECTION

    def check_target(self, target: model.Target) -> None:
        """Revisions are listed in the order they were reported, so the latest is the current target."""
        for earlier, later in pairwise(target.revisions):
            if later.reported < earlier.reported:
                self.problem(
                    later,
                    ("reported",),
                    f"this revision was reported on {later.reported}, before the one above it "
                    f"({earlier.reported}) — list revisions in the order they were reported, oldest first",
                )

    def check_action(self, action: model.Action) -> None:
        self.refs(action, "recommendations", action.recommendations, "recommendation")
        agreed = self.portal.meeting(action.agreed.meeting)
        closed = self.portal.meeting(action.closed.meeting) if action.closed else None
        if agreed and closed and action.closed and closed.date < agreed.date:
            self.problem(
                action.closed,
                ("meeting",),
                f"this action is closed at a meeting ({closed.date}) before the one that agreed it "
                f"({agreed.date}) — check the meeting under closed:",
            )
        if self.portal.due_date(action) is None and self.complete("meeting"):
            named = [m.also_known_as for m in self.portal.meetings if m.also_known_as]
            self.problem(
                action,
                ("due",),
                f'"{action.due}" is not a date or a meeting the portal knows — write a date as YYYY-MM-DD, '
                "a meeting's ID from data/meetings.yaml" + (f", or one of: {', '.join(named)}" if named else ""),
            )

    def check_source(self, source: model.Source | model.MinuteRef) -> None:
        if source.meeting is None:
            return
        if not self.exists("meeting", source.meeting):
            self.problem(source, ("meeting",), self.unknown("meeting", source.meeting, "data/meetings.yaml"))
        elif (
            source.minute
            and self.complete("minutes")
            and self.portal.minutes_with(source.meeting, source.minute) is None
        ):
            self.problem(source, ("minute",), self.no_minute(source.meeting, source.minute))

    def no_minute(self, meeting_id: str, number: str) -> str:
        meeting = self.portal.meeting(meeting_id)
        numbers = [n for m in self.portal.minutes_of(meeting) for n in m.body.minutes] if meeting else []
        if not numbers:
            return (
                f'the portal has no minutes for the meeting "{meeting_id}", so minute {number} cannot be '
                "found — add its minutes file to data/minutes/, or cite a published document instead"
            )
        return (
            f'the minutes of "{meeting_id}" have no minute {number} — they have {", ".join(numbers)}; check the number'
        )

    def check_quote(
        self, record: BaseModel, names: tuple, words: str, meeting_id: str | None, number: str | None
    ) -> None:
        """A quote must be the minute's own words, so the portal never puts words in anyone's mouth."""
        if not (meeting_id and number):
            return
        minutes = self.portal.minutes_with(meeting_id, number)
        if minutes is None:
            return  # check_source reports the missing minute
        if normalise(words) not in minutes.body.minutes[number].text:
            self.problem(
                record,
                names,
                f"these words are not in minute {number} of {minutes.file} — copy them exactly from the "
                "minutes, or write them as a summary: instead of a quote:",
            )

    def check_resolution(self, resolution: model.Resolution) -> None:
        if not self.exists("meeting", resolution.meeting):
            self.problem(resolution, ("meeting",), self.unknown("meeting", resolution.meeting, "data/meetings.yaml"))
            return
        if self.portal.minutes_with(resolution.meeting, resolution.minute) is None:
            if self.complete("minutes"):
                self.problem(resolution, ("minute",), self.no_minute(resolution.meeting, resolution.minute))
        else:
            self.check_quote(resolution, ("text",), resolution.text, resolution.meeting, resolution.minute)
        back = resolution.report_back
        if back and back.meeting and not self.exists("meeting", back.meeting):
            self.problem(back, ("meeting",), self.unknown("meeting", back.meeting, "data/meetings.yaml"))

    def check_updates(self) -> None:
        for update in self.portal.updates:
            if not self.exists("recommendation", update.recommendation):
                self.problem(
                    update,
                    ("recommendation",),
                    self.unknown("recommendation", update.recommendation, "data/recommendations/"),
                )
        self.once(
            self.portal.updates,
            lambda u: (u.recommendation, u.date),
            "date",
            lambda u: (
                f"{u.recommendation} already has an update dated {u.date} at {{place}} — put both into one update"
            ),
        )
        for update in self.portal.updates if self.complete("progress") else []:
            previous = self.portal.previous_update(update)
            if update.reason is None and previous and previous.status != update.status:
                self.problem(
                    update,
                    ("status",),
                    f'the status of {update.recommendation} changes here from "{previous.status}" (its update '
                    f'of {previous.date}) to "{update.status}", but this update does not say why — add a line '
                    "reason: under status:, saying why the status changed, as the committee was told",
                )
        updated = {u.recommendation for u in self.portal.updates}
        for rec in self.portal.recommendations if self.complete("progress") else []:
            if rec.id not in updated:
                self.problem(
                    rec,
                    ("id",),
                    f"{rec.id} has no progress update, so it has no sourced status — add one to a file in "
                    'data/progress/ (use status: "not yet assessed" if no judgement has been made)',
                )

    def check_minutes_front(self, minutes) -> None:
        front = minutes.front
        if self.portal.meeting_of(minutes) is None and self.complete("meeting"):
            self.problem(
                front,
                ("date",),
                f"there is no meeting of {front.committee} on {front.date} in data/meetings.yaml — "
                "add the meeting there, or correct the committee or date here",
            )
        numbers = list(minutes.body.minutes)
        for number, ids in front.minutes.items():
            if number not in minutes.body.minutes:
                self.problem(
                    front,
                    ("minutes", number),
                    f"this file has no minute {number}, so nothing can be marked as discussed there — "
                    f"its minutes are {', '.join(numbers)}; check the number",
                )
            for index, record_id in enumerate(ids):
                self.check_minute_ref(front, ("minutes", number, index), record_id)

    def check_minute_ref(self, front: model.MinutesFrontMatter, names: tuple, record_id: str) -> None:
        """A minute's reference names exactly one recommendation, theme or resolution."""
        if not all(self.complete(kind) for kind in ("recommendation", "theme", "resolution")):
            return
        found = self.portal.referable(record_id)
        if not found:
            self.problem(
                front,
                names,
                f'there is no recommendation, theme or resolution with the ID "{record_id}" — check the '
                "spelling against data/recommendations/, data/themes.yaml and data/resolutions.yaml",
            )
        elif len(found) > 1:
            both = " and a ".join(kind for kind, _ in found)
            self.problem(
                front,
                names,
                f'the ID "{record_id}" belongs to both a {both}, so the portal cannot tell which is meant '
                "— give one of them a different ID",
            )
