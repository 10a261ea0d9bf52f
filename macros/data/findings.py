"""What other bodies found: inspections, monitoring letters, directions, commissioners' reports.

A finding is another body's published view of the service, kept apart from the council's own
reported status of each recommendation and never merged into it: the status words stay the
council's, and an inspectorate's grade is shown as that body's grade. The records are here with
the questions pages ask of them, each answered from an index built once (no scan per item).
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from typing import Annotated, Any

from pydantic import Field, ValidationInfo, field_validator

from .model import Date, Fact, Id, Meeting, Record, Source, Text, _problem, _vocabulary


class FindingKind(StrEnum):
    """What sort of finding it is. The overall picture on the home page is computed from these."""

    INSPECTION = "inspection"  # a full inspection, with its judgements
    MONITORING_VISIT = "monitoring visit"  # a monitoring visit, and the letter after it
    VISIT = "visit"  # another visit by an inspectorate, e.g. one on a single subject
    DIRECTION = "direction"  # a statutory direction by the government, issued or revised
    DIRECTION_LIFTED = "direction lifted"  # the end of a statutory direction
    COMMISSIONER_REPORT = "commissioner's report"  # a report by a commissioner the government appointed
    OTHER = "other"  # any other published finding, e.g. a peer review


# What each kind means, for the "What the words mean" page. These are other bodies' findings:
# none of them is a status of the council's.
KIND_MEANINGS: dict[FindingKind, str] = {
    FindingKind.INSPECTION: "A full inspection of the service. Its judgements (grades) are the "
    "inspectorate's own words, about the whole service or an area of it, not about one recommendation.",
    FindingKind.MONITORING_VISIT: "A visit by the inspectorate between inspections to look at progress, "
    "and the letter it publishes afterwards.",
    FindingKind.VISIT: "Another visit by an inspectorate, for example one that looks at a single subject.",
    FindingKind.DIRECTION: "A statutory direction from the government requiring the council to act, "
    "when it is issued or revised. It stays in force until it is lifted.",
    FindingKind.DIRECTION_LIFTED: "The end of a statutory direction: from this date it is no longer in force.",
    FindingKind.COMMISSIONER_REPORT: "A report by a commissioner the government appointed to look at the service.",
    FindingKind.OTHER: "Any other published finding about the service, such as a peer review.",
}


class Grade(StrEnum):
    """An inspectorate's judgement words (Ofsted's four grades), worst first. These are the
    inspectorate's words, not a status of the council's."""

    INADEQUATE = "inadequate"
    REQUIRES_IMPROVEMENT = "requires improvement to be good"
    GOOD = "good"
    OUTSTANDING = "outstanding"

    @property
    def rank(self) -> int:
        return list(Grade).index(self)


FindingKindWord = Annotated[FindingKind, _vocabulary(FindingKind, "a kind of finding")]
GradeWord = Annotated[Grade, _vocabulary(Grade, "an inspection grade")]


class Judgement(Record):
    """One judgement of an inspection: the area judged, in the inspectorate's words, and its grade."""

    area: Text
    grade: GradeWord


class FindingNote(Record):
    """What a finding said about one recommendation's subject, in the portal's own words. Listed
    only where the finding plainly addresses that subject."""

    recommendation: Id
    said: Text


class Finding(Record):
    """One finding by another body, with every source it is taken from."""

    id: Id
    date: Date  # the date it was published or issued
    body: Id  # who made it: a body in data/bodies.yaml
    kind: FindingKindWord
    title: Text
    summary: Text  # what it found, in the portal's own words
    overall: GradeWord | None = None  # an inspection's judgement of overall effectiveness
    judgements: list[Judgement] = []  # an inspection's other judgements
    recommendations: list[FindingNote] = []
    sources: list[Source] = Field(min_length=1)

    @field_validator("overall", "judgements")
    @classmethod
    def _grades_belong_to_inspections(cls, value: Any, info: ValidationInfo) -> Any:
        kind = info.data.get("kind")
        if value and kind is not None and kind != FindingKind.INSPECTION:
            raise _problem(
                "grades_not_inspection",
                "only an inspection has grades, and this finding's kind is {what} — "
                "write kind: inspection, or delete overall: and judgements:",
                what=kind.value,
            )
        return value


class FindingsFile(Record):
    """data/findings.yaml: what other bodies found (inspections, monitoring letters, directions,
    commissioners' reports), shown apart from the council's own reported status."""

    findings: list[Finding] = Field(min_length=1)


# --- the questions pages ask of the findings --------------------------------------------------


@dataclass(frozen=True)
class Direction:
    """Whether a statutory direction is in force on a day, and the findings that say so."""

    in_force: bool
    issued: Finding | None  # the first direction of the latest run (None if there never was one)
    revisions: list[Finding]  # directions that revised it since
    lifted: Finding | None  # the finding that lifted it, if it has been lifted


@dataclass(frozen=True)
class Step:
    """One step of the improvement journey: a finding, or a published report of a meeting."""

    date: dt.date
    finding: Finding | None = None
    meeting: Meeting | None = None
    report: Fact | None = None  # what a published document reported of that meeting


class FindingsIndex:
    """Every finding, indexed once: in date order, by recommendation and by kind; with the
    published reports of meetings, for the journey."""

    def __init__(self, findings: Iterable[Finding], meetings: Iterable[Meeting] = ()):
        # Oldest first; findings of the same day keep the order they are written in.
        self.timeline = [f for _, f in sorted(enumerate(findings), key=lambda pair: (pair[1].date, pair[0]))]
        self._days = [f.date for f in self.timeline]
        self._about: dict[str, list[tuple[Finding, FindingNote]]] = {}
        for finding in reversed(self.timeline):  # newest first under each recommendation
            for note in finding.recommendations:
                self._about.setdefault(note.recommendation, []).append((finding, note))
        reports = [Step(m.date, meeting=m, report=r) for m in meetings for r in m.reports]
        steps = [Step(f.date, finding=f) for f in self.timeline] + reports
        self._journey = sorted(steps, key=lambda step: step.date)  # stable: findings first on a day
        self._journey_days = [step.date for step in self._journey]

    def journey(self, day: dt.date) -> list[Step]:
        """Every finding and published report of a meeting on or before a day, oldest first."""
        return self._journey[: bisect.bisect_right(self._journey_days, day)]

    def until(self, day: dt.date) -> list[Finding]:
        """The findings published on or before a day, oldest first."""
        return self.timeline[: bisect.bisect_right(self._days, day)]

    def about(self, rec_id: str, day: dt.date | None = None) -> list[tuple[Finding, FindingNote]]:
        """The findings that name a recommendation (published on or before a day, if one is given),
        newest first, each with what it said."""
        found = self._about.get(rec_id, [])
        return found if day is None else [(f, note) for f, note in found if f.date <= day]

    def latest(self, day: dt.date) -> Finding | None:
        found = self.until(day)
        return found[-1] if found else None

    @cached_property
    def _inspections(self) -> list[Finding]:
        return [f for f in self.timeline if f.overall is not None]

    def judgements(self, day: dt.date) -> list[Finding]:
        """Inspections with a judgement of overall effectiveness, on or before a day, oldest first."""
        return [f for f in self._inspections if f.date <= day]

    def direction(self, day: dt.date) -> Direction:
        """Whether a direction is in force on a day: the latest direction finding decides."""
        kinds = (FindingKind.DIRECTION, FindingKind.DIRECTION_LIFTED)
        steps = [f for f in self.until(day) if f.kind in kinds]
        if not steps:
            return Direction(in_force=False, issued=None, revisions=[], lifted=None)
        lifted = steps[-1] if steps[-1].kind == FindingKind.DIRECTION_LIFTED else None
        run = steps[:-1] if lifted else steps
        start = max((i + 1 for i, f in enumerate(run) if f.kind == FindingKind.DIRECTION_LIFTED), default=0)
        run = run[start:]
        return Direction(in_force=lifted is None, issued=run[0] if run else None, revisions=run[1:], lifted=lifted)
