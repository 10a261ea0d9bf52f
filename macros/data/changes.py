"""What changed between each meeting the portal holds minutes for and the one before it.

Every dated record (an update, a figure, an action agreed or closed, a target that slipped) is put
into the one gap between meetings that it falls in, by a binary search over the meetings' dates:
one pass over the records, whatever the number of meetings.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TYPE_CHECKING

from . import model
from .tracker import Tracked

if TYPE_CHECKING:
    from .portal import Portal


@dataclass(frozen=True)
class Changes:
    """What changed between two meetings: everything dated after the earlier, up to the later."""

    earlier: model.Meeting
    later: model.Meeting
    statuses: list[tuple[model.Recommendation, model.Status | None, model.ProgressUpdate]] = field(default_factory=list)
    evidence: list[tuple[model.Recommendation, model.ProgressUpdate, model.Evidence]] = field(default_factory=list)
    figures: list[tuple[model.Metric, model.MetricPoint]] = field(default_factory=list)
    new_actions: list[Tracked] = field(default_factory=list)
    closed_actions: list[Tracked] = field(default_factory=list)
    slipped: list[tuple[model.Recommendation, model.TargetRevision]] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (
            self.statuses or self.evidence or self.figures or self.new_actions or self.closed_actions or self.slipped
        )


def status_on(history: list[model.ProgressUpdate], day: dt.date) -> model.ProgressUpdate | None:
    """The update in force on a day: the last on or before it, in a history oldest first."""
    position = bisect_right(history, day, key=lambda u: u.date)
    return history[position - 1] if position else None


def changes_between_meetings(portal: Portal) -> list[Changes]:
    """What changed between each meeting held and the one before it, earliest pair first."""
    held = portal.meetings_with_minutes()
    pairs = [Changes(earlier, later) for earlier, later in pairwise(held)]
    dates = [meeting.date for meeting in held]

    def gap(day: dt.date | None) -> Changes | None:
        """The pair of meetings whose gap (after the earlier, up to the later) holds the day."""
        position = bisect_left(dates, day) if day is not None else 0
        return pairs[position - 1] if 0 < position < len(dates) else None

    def meeting_day(ref: model.MinuteRef | None) -> dt.date | None:
        meeting = portal.meeting(ref.meeting) if ref else None
        return meeting.date if meeting else None

    for rec in portal.recommendations:
        history = portal.history(rec)[::-1]  # oldest first
        touched: list[Changes] = []
        for update in history:
            changes = gap(update.date)
            if changes is not None:
                changes.evidence.extend((rec, update, item) for item in update.evidence)
                if not touched or touched[-1] is not changes:
                    touched.append(changes)
        for changes in touched:  # a status can only change where an update falls
            before, after = status_on(history, changes.earlier.date), status_on(history, changes.later.date)
            if after is not None and (before is None or after.status != before.status):
                changes.statuses.append((rec, before.status if before else None, after))
        for revision in rec.target.revisions if rec.target else []:
            if changes := gap(revision.reported):
                changes.slipped.append((rec, revision))
    for metric in portal.metrics:
        for point in sorted(metric.points, key=lambda p: p.date):
            if changes := gap(point.date):
                changes.figures.append((metric, point))
    for item in portal.tracker():
        if changes := gap(meeting_day(item.agreed)):
            changes.new_actions.append(item)
        if changes := gap(meeting_day(item.closed)):
            changes.closed_actions.append(item)
    return pairs
