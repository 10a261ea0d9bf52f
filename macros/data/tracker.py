"""The actions tracker: every resolution and action the committee agreed, as one kind of item."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import model
from .index import grouped

if TYPE_CHECKING:
    from .portal import Portal


def minute_order(number: str) -> tuple[int, ...]:
    """Sort key that puts 4.10 after 4.9."""
    return tuple(int(part) for part in number.split("."))


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


class Tracker:
    """Every resolution and action as the actions tracker shows them, and the questions pages ask
    of them, each worked out once."""

    def __init__(self, portal: Portal):
        self.portal = portal
        self.items = tracked_items(portal)
        named = grouped((a.id, rec_id) for a in portal.actions for rec_id in a.recommendations)
        self._open_for = grouped(
            (rec_id, item)
            for item in self.items
            if item.status == model.ActionStatus.OPEN
            for rec_id in dict.fromkeys(named.get(item.id, []))
        )

        def closed_on(item: Tracked) -> dt.date:
            meeting = portal.meeting(item.closed.meeting) if item.closed else None
            return meeting.date if meeting else dt.date.min

        closed = (item for item in self.items if item.status != model.ActionStatus.OPEN)
        self.closed_newest_first = sorted(closed, key=closed_on, reverse=True)

    def open_for(self, rec: model.Recommendation) -> list[Tracked]:
        """Open actions that name a recommendation (resolutions name none, so they are listed apart)."""
        return self._open_for.get(rec.id, [])

    def report_backs(self) -> list[tuple[model.Meeting, list[model.Resolution]]]:
        """Meetings that open resolutions report back to, earliest first, with what reports back to each."""
        due: dict[str, list[model.Resolution]] = {}
        for resolution in self.portal.resolutions:
            back = resolution.report_back
            if back and back.meeting and resolution.status == model.ActionStatus.OPEN:
                due.setdefault(back.meeting, []).append(resolution)
        meetings = [m for m in map(self.portal.meeting, due) if m is not None]  # validation reports any unknown
        return [(m, due[m.id]) for m in sorted(meetings, key=lambda m: m.date)]


def tracked_items(portal: Portal) -> list[Tracked]:
    """Every resolution and action, in the order agreed (meeting date, then minute)."""
    items = [_tracked_resolution(portal, r) for r in portal.resolutions]
    items += [_tracked_action(portal, a) for a in portal.actions]

    def order(item: Tracked) -> tuple:
        meeting = portal.meeting(item.agreed.meeting)
        return (meeting.date if meeting else dt.date.min, minute_order(item.agreed.minute), item.id)

    return sorted(items, key=order)


def _tracked_resolution(portal: Portal, resolution: model.Resolution) -> Tracked:
    back = resolution.report_back
    due_meeting = portal.meeting(back.meeting) if back and back.meeting else None
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


def _tracked_action(portal: Portal, action: model.Action) -> Tracked:
    return Tracked(
        id=action.id,
        kind="action",
        what=action.what,
        who=action.who,
        agreed=action.agreed,
        due=portal.due_date(action),
        due_meeting=portal.meeting_named(action.due),
        status=action.status,
        closed=action.closed,
    )
