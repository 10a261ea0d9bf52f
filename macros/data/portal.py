"""The whole validated portal: every record, where each came from, and the questions pages ask."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import pairwise
from typing import Any

from pydantic import BaseModel

from . import model
from .findings import Finding, FindingsIndex
from .minutes import MinutesBody
from .problems import Problem
from .yamlload import Document


def minute_order(number: str) -> tuple[int, ...]:
    """Sort key that puts 4.10 after 4.9."""
    return tuple(int(part) for part in number.split("."))


def item_order(item: str) -> tuple[int, str]:
    """Sort key that puts agenda item 10 after item 9 (and 4a after 4)."""
    digits = re.match(r"\d+", item)
    return (int(digits.group()), item[digits.end() :]) if digits else (0, item)


class Locations:
    """Remembers the file and line of every record loaded, so later checks can point at them."""

    def __init__(self) -> None:
        self._where: dict[int, tuple[str, Document, tuple[Any, ...]]] = {}
        self._keep: list[BaseModel] = []  # ids are only unique while the object lives

    def register(self, record: BaseModel, file: str, document: Document, path: tuple[Any, ...] = ()) -> None:
        self._where[id(record)] = (file, document, path)
        self._keep.append(record)
        for name in type(record).model_fields:
            value = getattr(record, name)
            items = enumerate(value) if isinstance(value, list) else [(None, value)]
            for index, item in items:
                if isinstance(item, BaseModel):
                    sub = path + ((name,) if index is None else (name, index))
                    self.register(item, file, document, sub)

    def file(self, record: BaseModel) -> str:
        return self._where[id(record)][0]

    def line(self, record: BaseModel, *names: Any) -> int:
        _, document, path = self._where[id(record)]
        return document.line_of(path + names)

    def records(self) -> Iterator[BaseModel]:
        return iter(self._keep)

    def problem(self, record: BaseModel, names: tuple[Any, ...], message: str) -> Problem:
        """A problem with a record, at the line of one of its names (or of the record itself)."""
        return Problem(self.file(record), self.line(record, *names), message)


@dataclass(frozen=True)
class MinutesDoc:
    """One minutes file: its front matter and its numbered minutes."""

    id: str  # the file name without .md; also the page's address
    file: str
    front: model.MinutesFrontMatter
    body: MinutesBody


@dataclass(frozen=True)
class Tracked:
    """One thing the committee asked for, resolution or action, as the actions tracker shows it."""

    id: str
    kind: str  # "resolution" or "action"
    what: str
    who: str
    agreed: model.MinuteRef
    due: dt.date | None  # None when no date or meeting is given (e.g. "at each meeting")
    due_meeting: model.Meeting | None  # the meeting it is due at, when the due date is a meeting's
    status: model.ActionStatus
    closed: model.MinuteRef | None  # where it was reported done or withdrawn

    def overdue(self, today: dt.date) -> bool:
        """Still open after its due date (as far as the portal's records go)."""
        return self.status == model.ActionStatus.OPEN and self.due is not None and self.due < today


@dataclass(frozen=True)
class Changes:
    """What changed between two meetings: everything dated after the earlier, up to the later."""

    earlier: model.Meeting
    later: model.Meeting
    statuses: list[tuple[model.Recommendation, model.Status | None, model.ProgressUpdate]]
    evidence: list[tuple[model.Recommendation, model.ProgressUpdate, model.Evidence]]
    figures: list[tuple[model.Metric, model.MetricPoint]]
    new_actions: list[Tracked]
    closed_actions: list[Tracked]
    slipped: list[tuple[model.Recommendation, model.TargetRevision]]

    @property
    def empty(self) -> bool:
        return not (
            self.statuses or self.evidence or self.figures or self.new_actions or self.closed_actions or self.slipped
        )


@dataclass(frozen=True)
class Portal:
    site: model.PortalFile
    meetings: list[model.Meeting]
    sets: list[model.RecommendationSet]
    themes: model.ThemesFile | None
    resolutions: list[model.Resolution]
    bodies: list[model.Body]
    commitments: list[model.Commitment]
    updates: list[model.ProgressUpdate]
    minutes: list[MinutesDoc]
    actions: list[model.Action]
    metrics: list[model.Metric]
    findings: list[Finding]  # what other bodies found, kept apart from the council's statuses
    locations: Locations = field(repr=False)
    # Files (e.g. "meetings.yaml") or folders (e.g. "progress") that held a record that could not
    # be read. Checks that need every record of that kind stay quiet rather than mislead.
    incomplete: frozenset[str] = frozenset()

    # --- lookups -------------------------------------------------------------------------------

    @cached_property
    def others(self) -> FindingsIndex:
        """The findings of other bodies, indexed once: by date, by recommendation, by kind."""
        return FindingsIndex(self.findings, self.meetings)

    @property
    def recommendations(self) -> list[model.Recommendation]:
        return [rec for rec_set in self.sets for rec in rec_set.recommendations]

    def recommendation(self, rec_id: str) -> model.Recommendation:
        return next(rec for rec in self.recommendations if rec.id == rec_id)

    def minutes_doc(self, minutes_id: str) -> MinutesDoc:
        return next(m for m in self.minutes if m.id == minutes_id)

    def set_of(self, rec: model.Recommendation) -> model.RecommendationSet:
        return next(s for s in self.sets if rec in s.recommendations)

    def title_of(self, rec: model.Recommendation) -> str:
        return rec.title or self.set_of(rec).untitled_label

    def meeting(self, meeting_id: str) -> model.Meeting | None:
        return next((m for m in self.meetings if m.id == meeting_id), None)

    def meeting_of(self, minutes: MinutesDoc) -> model.Meeting | None:
        front = minutes.front
        return next((m for m in self.meetings if (m.committee, m.date) == (front.committee, front.date)), None)

    def minutes_of(self, meeting: model.Meeting) -> list[MinutesDoc]:
        return sorted(
            (m for m in self.minutes if self.meeting_of(m) == meeting), key=lambda m: item_order(m.front.item)
        )

    def minutes_with(self, meeting_id: str, number: str) -> MinutesDoc | None:
        """The minutes file of a meeting that contains a given minute number."""
        meeting = self.meeting(meeting_id)
        if meeting is None:
            return None
        return next((m for m in self.minutes_of(meeting) if number in m.body.minutes), None)

    def meeting_named(self, name: str) -> model.Meeting | None:
        """A meeting by its ID or by how the minutes name it ("the September meeting")."""
        return next((m for m in self.meetings if name in (m.id, m.also_known_as)), None)

    def due_date(self, action: model.Action) -> dt.date | None:
        """An action's due date: its date, or the date of the meeting it is due at."""
        try:
            return dt.date.fromisoformat(action.due)
        except ValueError:
            meeting = self.meeting_named(action.due)
            return meeting.date if meeting else None

    def committee(self, committee_id: str) -> model.Committee | None:
        return next((c for c in self.site.committees if c.id == committee_id), None)

    def body(self, body_id: str) -> model.Body | None:
        return next((b for b in self.bodies if b.id == body_id), None)

    def resolution(self, resolution_id: str) -> model.Resolution | None:
        return next((r for r in self.resolutions if r.id == resolution_id), None)

    def theme(self, theme_id: str) -> model.Theme | None:
        themes = self.themes.themes if self.themes else []
        return next((t for t in themes if t.id == theme_id), None)

    # --- derived answers -----------------------------------------------------------------------

    def history(self, rec: model.Recommendation) -> list[model.ProgressUpdate]:
        """A recommendation's updates, newest first (later in the files wins on the same date)."""
        entries = [(u.date, index, u) for index, u in enumerate(self.updates) if u.recommendation == rec.id]
        return [u for _, _, u in sorted(entries, key=lambda e: (e[0], e[1]), reverse=True)]

    def status_changes(self, rec: model.Recommendation) -> list[tuple[model.ProgressUpdate, model.Status | None]]:
        """Each update that changed a recommendation's status (the first one included), oldest
        first, with the status it changed from."""
        changes: list[tuple[model.ProgressUpdate, model.Status | None]] = []
        previous = None
        for update in reversed(self.history(rec)):
            if update.status != previous:
                changes.append((update, previous))
                previous = update.status
        return changes

    @cached_property
    def _previous_updates(self) -> dict[int, model.ProgressUpdate | None]:
        """Each update's previous update on the same recommendation (by identity), found in one pass."""
        previous: dict[int, model.ProgressUpdate | None] = {}
        last: dict[str, model.ProgressUpdate] = {}
        for _, update in sorted(enumerate(self.updates), key=lambda e: (e[1].date, e[0])):
            previous[id(update)] = last.get(update.recommendation)
            last[update.recommendation] = update
        return previous

    def previous_update(self, update: model.ProgressUpdate) -> model.ProgressUpdate | None:
        """The update before this one on the same recommendation (None for the first)."""
        return self._previous_updates[id(update)]

    def changes_status(self, update: model.ProgressUpdate) -> bool:
        """Whether an update changes its recommendation's status, so it must say why (reason:)."""
        previous = self.previous_update(update)
        return previous is not None and previous.status != update.status

    def latest(self, rec: model.Recommendation) -> model.ProgressUpdate:
        return self.history(rec)[0]

    def themes_of(self, rec: model.Recommendation) -> list[model.Theme]:
        themes = self.themes.themes if self.themes else []
        return [t for t in themes if rec.id in t.recommendations]

    def status_counts(self, rec_set: model.RecommendationSet) -> list[tuple[model.Status, int]]:
        """How many recommendations stand at each status, in the vocabulary's order, zeros left out."""
        counts = Counter(self.latest(rec).status for rec in rec_set.recommendations)
        return [(status, counts[status]) for status in model.Status if counts[status]]

    def latest_updates(self, limit: int) -> list[model.ProgressUpdate]:
        """The newest updates; updates of the same date keep the order they were written in."""
        ordered = sorted(enumerate(self.updates), key=lambda e: (-e[1].date.toordinal(), e[0]))
        return [u for _, u in ordered[:limit]]

    def discussed_at(self, rec: model.Recommendation) -> list[tuple[MinutesDoc, list[str]]]:
        """Minutes files whose clerk marked a minute as discussing a recommendation, newest
        meeting first, each with those minute numbers in order."""
        found = []
        for minutes in self.minutes:
            numbers = [n for n, ids in minutes.front.minutes.items() if rec.id in ids]
            if numbers:
                found.append((minutes, sorted(numbers, key=minute_order)))
        return sorted(found, key=lambda f: (f[0].front.date, f[0].front.item), reverse=True)

    def referable(self, record_id: str) -> list[tuple[str, BaseModel]]:
        """Every record a minute may be marked as discussing with this ID, as (kind, record)."""
        found: list[tuple[str, BaseModel]] = [("recommendation", r) for r in self.recommendations if r.id == record_id]
        found += [
            (kind, record)
            for kind, record in (("theme", self.theme(record_id)), ("resolution", self.resolution(record_id)))
            if record
        ]
        return found

    def minute_refs(self, minutes: MinutesDoc) -> dict[str, list[tuple[str, BaseModel]]]:
        """What each minute of a file discusses, as (kind, record) pairs, for minutes that say."""
        return {
            number: [pair for record_id in ids for pair in self.referable(record_id)[:1]]
            for number, ids in minutes.front.minutes.items()
            if ids
        }

    def metrics_for(self, rec: model.Recommendation) -> list[model.Metric]:
        return [m for m in self.metrics if rec.id in m.recommendations]

    def commitments_for(self, rec: model.Recommendation) -> list[model.Commitment]:
        return [c for c in self.commitments if rec.id in c.recommendations]

    def as_at(self, rec_set: model.RecommendationSet) -> dt.date:
        """The date of the newest update to any recommendation in a set."""
        return max(self.latest(rec).date for rec in rec_set.recommendations)

    def reported_as_at(self) -> dt.date | None:
        """The date of the council's newest reported status of any recommendation, in any set."""
        return max((self.as_at(rec_set) for rec_set in self.sets), default=None)

    def report_backs(self) -> list[tuple[model.Meeting, list[model.Resolution]]]:
        """Meetings that resolutions report back to, earliest first, with what reports back to each."""
        due: dict[str, list[model.Resolution]] = {}
        for resolution in self.resolutions:
            if (
                resolution.report_back
                and resolution.report_back.meeting
                and resolution.status == model.ActionStatus.OPEN
            ):
                due.setdefault(resolution.report_back.meeting, []).append(resolution)
        meetings = [m for m in map(self.meeting, due) if m is not None]  # validation reports any unknown
        return [(m, due[m.id]) for m in sorted(meetings, key=lambda m: m.date)]

    def tracker(self) -> list[Tracked]:
        """Every resolution and action, in the order agreed (meeting date, then minute)."""
        items = [self._tracked_resolution(r) for r in self.resolutions]
        items += [self._tracked_action(a) for a in self.actions]

        def order(item: Tracked) -> tuple:
            meeting = self.meeting(item.agreed.meeting)
            return (meeting.date if meeting else dt.date.min, minute_order(item.agreed.minute), item.id)

        return sorted(items, key=order)

    def _tracked_resolution(self, resolution: model.Resolution) -> Tracked:
        back = resolution.report_back
        due_meeting = self.meeting(back.meeting) if back and back.meeting else None
        source = resolution.status_source
        closed = None
        if resolution.status != model.ActionStatus.OPEN and source.meeting and source.minute:
            closed = model.MinuteRef(meeting=source.meeting, minute=source.minute)
        return Tracked(
            id=resolution.id,
            kind="resolution",
            what=resolution.asks,
            who=resolution.who,
            agreed=model.MinuteRef(meeting=resolution.meeting, minute=resolution.minute),
            due=due_meeting.date if due_meeting else None,
            due_meeting=due_meeting,
            status=resolution.status,
            closed=closed,
        )

    def _tracked_action(self, action: model.Action) -> Tracked:
        return Tracked(
            id=action.id,
            kind="action",
            what=action.what,
            who=action.who,
            agreed=action.agreed,
            due=self.due_date(action),
            due_meeting=self.meeting_named(action.due),
            status=action.status,
            closed=action.closed,
        )

    def meetings_with_minutes(self) -> list[model.Meeting]:
        """Meetings whose minutes the portal holds, earliest first."""
        return sorted((m for m in self.meetings if self.minutes_of(m)), key=lambda m: m.date)

    def status_on(self, rec: model.Recommendation, day: dt.date) -> model.Status | None:
        """A recommendation's status as last reported on or before a day (None before any)."""
        return next((u.status for u in self.history(rec) if u.date <= day), None)

    def changes(self, earlier: model.Meeting, later: model.Meeting) -> Changes:
        def between(day: dt.date | None) -> bool:
            return day is not None and earlier.date < day <= later.date

        def meeting_day(ref: model.MinuteRef | None) -> dt.date | None:
            meeting = self.meeting(ref.meeting) if ref else None
            return meeting.date if meeting else None

        statuses, evidence = [], []
        for rec in self.recommendations:
            before, after = self.status_on(rec, earlier.date), self.status_on(rec, later.date)
            if after is not None and after != before:
                update = next(u for u in self.history(rec) if u.date <= later.date)
                statuses.append((rec, before, update))
            for update in reversed(self.history(rec)):
                if between(update.date):
                    evidence += [(rec, update, item) for item in update.evidence]
        tracked = self.tracker()
        slipped = [
            (rec, revision)
            for rec in self.recommendations
            if rec.target
            for revision in rec.target.revisions
            if between(revision.reported)
        ]
        return Changes(
            earlier=earlier,
            later=later,
            statuses=statuses,
            evidence=evidence,
            figures=[(m, p) for m in self.metrics for p in sorted(m.points, key=lambda p: p.date) if between(p.date)],
            new_actions=[t for t in tracked if between(meeting_day(t.agreed))],
            closed_actions=[t for t in tracked if between(meeting_day(t.closed))],
            slipped=slipped,
        )

    def changes_between_meetings(self) -> list[Changes]:
        """What changed between each meeting and the one before it, latest pair first."""
        held = self.meetings_with_minutes()
        return [self.changes(a, b) for a, b in pairwise(held)][::-1]

    def open_items_for(self, rec: model.Recommendation) -> list[Tracked]:
        """Open actions that name a recommendation (resolutions name none, so they are listed apart)."""
        linked = {a.id for a in self.actions if rec.id in a.recommendations}
        return [t for t in self.tracker() if t.id in linked and t.status == model.ActionStatus.OPEN]

    def documents_cited(self) -> list[model.Source]:
        """Each published document cited anywhere, once (by title and address), in the order first cited."""
        seen: dict[tuple[str, str | None], model.Source] = {}
        for src in self.sources():
            if src.document:
                seen.setdefault((src.document, src.url), src)
        return list(seen.values())

    def sources(self) -> Iterator[model.Source]:
        return (r for r in self.locations.records() if isinstance(r, model.Source))

    def files_of(self, *records: BaseModel | MinutesDoc) -> list[str]:
        """The data files that records were read from, each once, in the order first met."""
        files = (r.file if isinstance(r, MinutesDoc) else self.locations.file(r) for r in records)
        return list(dict.fromkeys(files))

    def summary_files(self, name: str) -> list[str]:
        """The data files a summary page (home, themes, meetings …) is made from."""
        themes = [self.themes] if self.themes else []
        groups: dict[str, Sequence[BaseModel | MinutesDoc]] = {
            "home": [self.site, *self.sets, *self.updates, *self.findings, *self.meetings],
            "recommendations": [*self.sets, *self.updates],
            "themes": themes,
            "resolutions": self.resolutions,
            "commitments": [*self.commitments, *self.bodies],
            "meetings": [*self.meetings, *self.minutes],
            "about": [self.site],
            "actions": [*self.resolutions, *self.actions],
            "definitions": [],
            "changes": [*self.updates, *self.sets, *self.resolutions, *self.actions, *self.metrics],
            "metrics": self.metrics,
            "report": [*self.sets, *self.updates, *self.actions],
            "findings": [*self.findings, *self.bodies],
        }
        return self.files_of(*groups[name])
