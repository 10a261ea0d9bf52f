"""The actions tracker: every resolution and action the committee agreed, as one kind of item."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import model

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
