"""The whole validated portal: every record, where each came from, and the questions pages ask.

Every question is answered from the indexes (index.py) built once when the Portal is made, or
from an answer worked out once for the whole portal (the tracker, what changed): never by
searching the records again, so a portal of hundreds of meetings builds in seconds.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

from pydantic import BaseModel

from . import model
from .changes import Changes, changes_between_meetings
from .findings import Finding, FindingsIndex
from .index import Index, item_order
from .locations import Locations
from .meeting_index import MeetingIndex
from .minutes import MinutesBody
from .record_years import RecordsByYear
from .tracker import Tracked, Tracker, minute_order

__all__ = ["Changes", "Locations", "MinutesDoc", "Portal", "Tracked", "item_order", "minute_order"]


@dataclass(frozen=True)
class MinutesDoc:
    """One minutes file: its front matter and its numbered minutes."""

    id: str  # the file name without .md; also the page's address
    file: str
    front: model.MinutesFrontMatter
    body: MinutesBody


@dataclass(frozen=True, eq=False)
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
    index: Index = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "index", Index(self))

    # --- lookups by ID -------------------------------------------------------------------------

    @cached_property
    def others(self) -> FindingsIndex:
        """The findings of other bodies, indexed once: by date, by recommendation, by kind."""
        return FindingsIndex(self.findings, self.meetings)

    @property
    def recommendations(self) -> list[model.Recommendation]:
        return self.index.recommendations

    def recommendation(self, rec_id: str) -> model.Recommendation:
        return self.index.recommendation[rec_id]

    def minutes_doc(self, minutes_id: str) -> MinutesDoc:
        return self.index.minutes_doc[minutes_id]

    def set_of(self, rec: model.Recommendation) -> model.RecommendationSet:
        return self.index.set_of[id(rec)]

    def title_of(self, rec: model.Recommendation) -> str:
        return rec.title or self.set_of(rec).untitled_label

    def meeting(self, meeting_id: str) -> model.Meeting | None:
        return self.index.meeting.get(meeting_id)

    def meeting_of(self, minutes: MinutesDoc) -> model.Meeting | None:
        return self.index.meeting_at.get((minutes.front.committee, minutes.front.date))

    def minutes_of(self, meeting: model.Meeting) -> list[MinutesDoc]:
        return self.index.minutes_of.get(id(meeting), [])

    def minutes_with(self, meeting_id: str, number: str) -> MinutesDoc | None:
        """The minutes file of a meeting that contains a given minute number."""
        return self.index.minutes_with.get((meeting_id, number))

    def meeting_named(self, name: str) -> model.Meeting | None:
        """A meeting by its ID or by how the minutes name it ("the September meeting")."""
        found = self.index.meeting_named.get(name)
        return found[1] if found else None

    def due_date(self, action: model.Action) -> dt.date | None:
        """An action's due date: its date, or the date of the meeting it is due at."""
        try:
            return dt.date.fromisoformat(action.due)
        except ValueError:
            meeting = self.meeting_named(action.due)
            return meeting.date if meeting else None

    def committee(self, committee_id: str) -> model.Committee | None:
        return self.index.committee.get(committee_id)

    def body(self, body_id: str) -> model.Body | None:
        return self.index.body.get(body_id)

    def resolution(self, resolution_id: str) -> model.Resolution | None:
        return self.index.resolution.get(resolution_id)

    def theme(self, theme_id: str) -> model.Theme | None:
        return self.index.theme.get(theme_id)

    def referable(self, record_id: str) -> list[tuple[str, BaseModel]]:
        """Every record a minute may be marked as discussing with this ID, as (kind, record)."""
        found: list[tuple[str, BaseModel]] = [
            ("recommendation", r) for r in self.index.recommendations_with_id.get(record_id, [])
        ]
        found += [
            (kind, record)
            for kind, record in (("theme", self.theme(record_id)), ("resolution", self.resolution(record_id)))
            if record
        ]
        return found

    # --- derived answers -----------------------------------------------------------------------

    def history(self, rec: model.Recommendation) -> list[model.ProgressUpdate]:
        """A recommendation's updates, newest first (later in the files wins on the same date)."""
        return self.index.history.get(rec.id, [])

    def status_changes(self, rec: model.Recommendation) -> list[tuple[model.ProgressUpdate, model.Status | None]]:
        """Each update that changed a recommendation's status (the first one included), oldest
        first, with the status it changed from."""
        return self.by_year.status_changes.get(rec.id, [])

    def previous_update(self, update: model.ProgressUpdate) -> model.ProgressUpdate | None:
        """The update before this one on the same recommendation (None for the first)."""
        return self.by_year.previous[id(update)]

    def changes_status(self, update: model.ProgressUpdate) -> bool:
        """Whether an update changes its recommendation's status, so it must say why (reason:)."""
        previous = self.previous_update(update)
        return previous is not None and previous.status != update.status

    def latest(self, rec: model.Recommendation) -> model.ProgressUpdate:
        return self.history(rec)[0]

    def themes_of(self, rec: model.Recommendation) -> list[model.Theme]:
        return self.index.themes_of.get(rec.id, [])

    def status_counts(self, rec_set: model.RecommendationSet) -> list[tuple[model.Status, int]]:
        """How many recommendations stand at each status, in the vocabulary's order, zeros left out."""
        counts = Counter(self.latest(rec).status for rec in rec_set.recommendations)
        return [(status, counts[status]) for status in model.Status if counts[status]]

    def latest_updates(self, limit: int) -> list[model.ProgressUpdate]:
        """The newest updates; updates of the same date keep the order they were written in."""
        return self._newest_updates[:limit]

    @cached_property
    def _newest_updates(self) -> list[model.ProgressUpdate]:
        ordered = sorted(enumerate(self.updates), key=lambda e: (-e[1].date.toordinal(), e[0]))
        return [u for _, u in ordered]

    def discussed_at(self, rec: model.Recommendation) -> list[tuple[MinutesDoc, list[str]]]:
        """Minutes files whose clerk marked a minute as discussing a recommendation, newest
        meeting first, each with those minute numbers in order."""
        return self._discussed.get(rec.id, [])

    @cached_property
    def _discussed(self) -> dict[str, list[tuple[MinutesDoc, list[str]]]]:
        answers = {}
        for record_id, minutes in self.index.discussing.items():
            found = [(self.minutes_doc(m), sorted(numbers, key=minute_order)) for m, numbers in minutes.items()]
            answers[record_id] = sorted(found, key=lambda f: (f[0].front.date, f[0].front.item), reverse=True)
        return answers

    @cached_property
    def by_year(self) -> RecordsByYear:
        """A recommendation's record year by year (record_years.py)."""
        return RecordsByYear(self)

    @cached_property
    def meeting_index(self) -> MeetingIndex:
        """The meetings year by year and what each one did (meeting_index.py)."""
        return MeetingIndex(self)

    def minute_refs(self, minutes: MinutesDoc) -> dict[str, list[tuple[str, BaseModel]]]:
        """What each minute of a file discusses, as (kind, record) pairs, for minutes that say."""
        return {
            number: [pair for record_id in ids for pair in self.referable(record_id)[:1]]
            for number, ids in minutes.front.minutes.items()
            if ids
        }

    def metrics_for(self, rec: model.Recommendation) -> list[model.Metric]:
        return self.index.metrics_for.get(rec.id, [])

    def commitments_for(self, rec: model.Recommendation) -> list[model.Commitment]:
        return self.index.commitments_for.get(rec.id, [])

    def as_at(self, rec_set: model.RecommendationSet) -> dt.date:
        """The date of the newest update to any recommendation in a set."""
        return max(self.latest(rec).date for rec in rec_set.recommendations)

    def reported_as_at(self) -> dt.date | None:
        """The date of the council's newest reported status of any recommendation, in any set."""
        return max((self.as_at(rec_set) for rec_set in self.sets), default=None)

    def tracker(self) -> list[Tracked]:
        """Every resolution and action, in the order agreed (meeting date, then minute)."""
        return self.tracking.items

    @cached_property
    def tracking(self) -> Tracker:
        """The tracker's items and the questions pages ask of them (tracker.py)."""
        return Tracker(self)

    def meetings_with_minutes(self) -> list[model.Meeting]:
        """Meetings whose minutes the portal holds, earliest first."""
        return self._held

    @cached_property
    def _held(self) -> list[model.Meeting]:
        return sorted((m for m in self.meetings if self.minutes_of(m)), key=lambda m: m.date)

    def changes_between_meetings(self) -> list[Changes]:
        """What changed between each meeting and the one before it, latest pair first."""
        return self._changes[::-1]

    @cached_property
    def _changes(self) -> list[Changes]:
        return changes_between_meetings(self)

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
