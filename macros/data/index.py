"""The portal's indexes: built once from the records when the Portal is made, so that every
question a page or a check asks is a dictionary lookup and the whole build stays linear in the
size of the data. Where two records share a key (an ID used twice, which the checks report), the
first one in the files wins, as a search from the top would find it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, TypeVar

from . import model

if TYPE_CHECKING:
    from .portal import MinutesDoc, Portal


def item_order(item: str) -> tuple[int, str]:
    """Sort key that puts agenda item 10 after item 9 (and 4a after 4)."""
    digits = re.match(r"\d+", item)
    return (int(digits.group()), item[digits.end() :]) if digits else (0, item)


K = TypeVar("K")
R = TypeVar("R")


def first_by(records: Iterable[R], key: Callable[[R], K]) -> dict[K, R]:
    """Each key → the first record that has it."""
    found: dict[K, R] = {}
    for record in records:
        found.setdefault(key(record), record)
    return found


def grouped(pairs: Iterable[tuple[K, R]]) -> dict[K, list[R]]:
    """Each key → every record filed under it, in the order met."""
    groups: dict[K, list[R]] = defaultdict(list)
    for key, record in pairs:
        groups[key].append(record)
    return dict(groups)


def linked(records: Iterable[R], ids: Callable[[R], list[str]]) -> dict[str, list[R]]:
    """Each record ID → the records whose list of IDs names it (each record once per ID)."""
    return grouped((record_id, record) for record in records for record_id in dict.fromkeys(ids(record)))


class Index:
    """Every lookup table of one portal. Records are never copied: the tables point at them."""

    def __init__(self, portal: Portal):
        self.recommendations = [rec for rec_set in portal.sets for rec in rec_set.recommendations]
        self.recommendation = first_by(self.recommendations, lambda r: r.id)
        self.recommendations_with_id = grouped((r.id, r) for r in self.recommendations)
        self.set_of = {id(rec): rec_set for rec_set in reversed(portal.sets) for rec in rec_set.recommendations}
        self.meeting = first_by(portal.meetings, lambda m: m.id)
        self.meeting_at = first_by(portal.meetings, lambda m: (m.committee, m.date))
        names = ((name, m) for m in portal.meetings for name in (m.id, m.also_known_as) if name)
        self.meeting_named = first_by(names, lambda pair: pair[0])
        self.committee = first_by(portal.site.committees if portal.site else [], lambda c: c.id)
        self.body = first_by(portal.bodies, lambda b: b.id)
        self.resolution = first_by(portal.resolutions, lambda r: r.id)
        self.themes = portal.themes.themes if portal.themes else []
        self.theme = first_by(self.themes, lambda t: t.id)
        self.minutes_doc = first_by(portal.minutes, lambda m: m.id)
        self._minutes(portal)
        self._history(portal)
        self.themes_of = linked(self.themes, lambda t: t.recommendations)
        self.metrics_for = linked(portal.metrics, lambda m: m.recommendations)
        self.commitments_for = linked(portal.commitments, lambda c: c.recommendations)
        self.actions_for = linked(portal.actions, lambda a: a.recommendations)
        self.resolutions_at = grouped((r.meeting, r) for r in portal.resolutions)
        self.commitments_at = grouped((c.source.meeting, c) for c in portal.commitments if c.source.meeting)

    def _minutes(self, portal: Portal) -> None:
        """Minutes by meeting (keyed by the identity of the meeting record the minutes belong to),
        by minute number, and what each minute discusses."""
        self.meeting_of: dict[str, model.Meeting | None] = {
            m.id: self.meeting_at.get((m.front.committee, m.front.date)) for m in portal.minutes
        }
        by_meeting = grouped((id(self.meeting_of[m.id]), m) for m in portal.minutes if self.meeting_of[m.id])
        self.minutes_of: dict[int, list[MinutesDoc]] = {
            meeting: sorted(docs, key=lambda m: item_order(m.front.item)) for meeting, docs in by_meeting.items()
        }
        self.minutes_with: dict[tuple[str, str], MinutesDoc] = {}
        for meeting_id, meeting in self.meeting.items():
            for doc in self.minutes_of.get(id(meeting), []):
                for number in doc.body.minutes:
                    self.minutes_with.setdefault((meeting_id, number), doc)
        self.discussing: dict[str, dict[str, list[str]]] = defaultdict(dict)  # record ID → minutes ID → numbers
        for doc in portal.minutes:
            for number, ids in doc.front.minutes.items():
                for record_id in dict.fromkeys(ids):
                    self.discussing[record_id].setdefault(doc.id, []).append(number)

    def _history(self, portal: Portal) -> None:
        """Each recommendation's updates, newest first (later in the files wins on the same date)."""
        ordered = sorted(enumerate(portal.updates), key=lambda e: (e[1].date, e[0]), reverse=True)
        self.history = grouped((u.recommendation, u) for _, u in ordered)
        self.update_position = {id(u): index for index, u in enumerate(portal.updates)}
