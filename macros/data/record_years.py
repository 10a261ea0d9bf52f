"""A recommendation's record year by year: its updates, the changes of its status and the minutes
that discussed it, grouped once per portal. Its page shows the latest; a page per year the rest."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import model
from .index import grouped

if TYPE_CHECKING:
    from .portal import MinutesDoc, Portal

StatusChange = tuple[model.ProgressUpdate, model.Status | None]


class RecordsByYear:
    def __init__(self, portal: Portal):
        self.status_changes: dict[str, list[StatusChange]] = {}
        for rec_id, history in portal.index.history.items():
            changes: list[StatusChange] = []
            previous: model.Status | None = None
            for update in reversed(history):
                if update.status != previous:
                    changes.append((update, previous))
                    previous = update.status
            self.status_changes[rec_id] = changes
        self.previous: dict[int, model.ProgressUpdate | None] = {}  # each update (by identity) → the one before
        for history in portal.index.history.values():
            for update, before in zip(history, [*history[1:], None], strict=True):
                self.previous[id(update)] = before
        self._updates = grouped(((u.recommendation, u.date.year), u) for h in portal.index.history.values() for u in h)
        self._changes = grouped(
            ((rec_id, u.date.year), (u, before)) for rec_id, c in self.status_changes.items() for u, before in c
        )
        self._discussed = grouped(
            ((rec.id, m.front.date.year), (m, numbers))
            for rec in portal.recommendations
            for m, numbers in portal.discussed_at(rec)
        )
        self._years = grouped((rec_id, year) for rec_id, year in dict.fromkeys([*self._updates, *self._discussed]))

    def years(self, rec: model.Recommendation) -> list[int]:
        """The years in which a recommendation had an update or was discussed, newest first."""
        return sorted(self._years.get(rec.id, []), reverse=True)

    def updates(self, rec: model.Recommendation, year: int) -> list[model.ProgressUpdate]:
        """Its updates of a year, newest first."""
        return self._updates.get((rec.id, year), [])

    def changes(self, rec: model.Recommendation, year: int) -> list[StatusChange]:
        """The changes of its status in a year, oldest first."""
        return self._changes.get((rec.id, year), [])

    def discussed(self, rec: model.Recommendation, year: int) -> list[tuple[MinutesDoc, list[str]]]:
        """The minutes of a year that discussed it, newest first."""
        return self._discussed.get((rec.id, year), [])
