"""The meetings as an archive that grows for years: which meetings each year and committee held,
the meeting before and after each, and what each meeting did (its minutes, resolutions, actions,
commitments, the progress reported at it, what changed since the meeting before). Worked out once
per portal, so that a page per meeting and per year costs the same however long the archive is.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import TYPE_CHECKING

from . import model
from .index import grouped

if TYPE_CHECKING:
    from .changes import Changes
    from .portal import Portal
    from .tracker import Tracked


class MeetingIndex:
    def __init__(self, portal: Portal):
        self.portal = portal
        ordered = sorted(portal.meetings, key=lambda m: (m.date, m.id))
        self.by_committee = grouped((m.committee, m) for m in ordered)
        self._position = {m.id: i for meetings in self.by_committee.values() for i, m in enumerate(meetings)}
        self.in_year = grouped((m.date.year, m) for m in ordered)
        self.years = sorted(self.in_year, reverse=True)  # newest first
        self._counts = Counter((m.date.year, m.committee) for m in ordered)
        self.updates_at = grouped((u.source.meeting, u) for u in portal.updates if u.source.meeting)
        self.agreed_at = grouped((t.agreed.meeting, t) for t in portal.tracker())
        self.due_at = grouped((t.due_meeting.id, t) for t in portal.tracker() if t.due_meeting)
        self.changes_into: dict[str, Changes] = {c.later.id: c for c in portal.changes_between_meetings()}

    def committees_in(self, year: int) -> list[tuple[model.Committee, list[model.Meeting]]]:
        """The committees that met in a year, in the portal's order, each with its meetings."""
        meetings = grouped((m.committee, m) for m in self.in_year.get(year, []))
        return [(c, meetings[c.id]) for c in self.portal.site.committees if c.id in meetings]

    def count(self, year: int, committee_id: str) -> int:
        return self._counts[(year, committee_id)]

    def neighbours(self, meeting: model.Meeting) -> tuple[model.Meeting | None, model.Meeting | None]:
        """The same committee's meeting before this one and after it."""
        meetings = self.by_committee[meeting.committee]
        position = self._position[meeting.id]
        return (
            meetings[position - 1] if position else None,
            meetings[position + 1] if position + 1 < len(meetings) else None,
        )

    def upcoming(self, today: dt.date, limit: int) -> list[model.Meeting]:
        """The next meetings on or after a day, soonest first."""
        later = (m for year in reversed(self.years) if year >= today.year for m in self.in_year[year])
        return [m for m in later if m.date >= today][:limit]

    def latest_held(self, limit: int) -> list[model.Meeting]:
        """The newest meetings whose minutes the portal holds, newest first."""
        return self.portal.meetings_with_minutes()[::-1][:limit]

    def with_resolutions(self) -> list[model.Meeting]:
        """The meetings that made resolutions, newest first."""
        made = self.portal.index.resolutions_at
        return [m for year in self.years for m in reversed(self.in_year[year]) if m.id in made]

    def agreed(self, meeting: model.Meeting) -> list[Tracked]:
        return self.agreed_at.get(meeting.id, [])

    def due(self, meeting: model.Meeting) -> list[Tracked]:
        return self.due_at.get(meeting.id, [])

    def updates(self, meeting: model.Meeting) -> list[model.ProgressUpdate]:
        return self.updates_at.get(meeting.id, [])

    def changes(self, meeting: model.Meeting) -> Changes | None:
        """What changed between the meeting held before this one (of any committee) and this one."""
        return self.changes_into.get(meeting.id)
