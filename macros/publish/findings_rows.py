"""Open data about other bodies' findings: their rows in the downloads and their feed entries.

A finding may have several sources, judgements and notes on recommendations, so each of those is
a dataset of its own that names the finding by its ID; the findings download has one row each.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from pydantic import Field

from ..data import findings, model
from ..data.portal import Portal
from ..site.render import Links, long_date, status_label
from .rows import Row, SourcedRow, source_columns


class FindingRow(Row):
    id: str = Field(description="The finding's permanent ID.")
    date: dt.date = Field(description="The date it was published or issued (YYYY-MM-DD).")
    body: str = Field(description="The ID of the body that made it (see the Commitments and bodies page).")
    body_name: str = Field(description="That body's name, for example Ofsted.")
    kind: findings.FindingKind = Field(
        description="What sort of finding it is: "
        + ", ".join(k.value for k in findings.FindingKind)
        + '. The "What the words mean" page says what each means.'
    )
    title: str = Field(description="What the finding is, in a few words.")
    summary: str = Field(
        description="What it found, in the portal's own words. A finding taken from a press report says so."
    )
    overall: findings.Grade | None = Field(
        description="An inspection's judgement of overall effectiveness, in the inspectorate's words ("
        + ", ".join(g.value for g in findings.Grade)
        + "). It is not a status of any recommendation. Empty for other kinds of finding."
    )
    recommendations: str | None = Field(
        description="The IDs of the recommendations whose subject it plainly addresses, separated by "
        "spaces (what it said about each is in the finding notes download)."
    )
    sources: int = Field(description="How many sources it is taken from (see the finding sources download).")
    url: str = Field(description="The finding on the What others found page.")


class FindingSourceRow(SourcedRow):
    finding: str = Field(description="The ID of the finding (see the findings download).")


class JudgementRow(Row):
    finding: str = Field(description="The ID of the inspection's finding (see the findings download).")
    area: str = Field(description="The area judged, in the inspectorate's words.")
    grade: findings.Grade = Field(description="The grade it gave, in the inspectorate's words.")


class FindingNoteRow(Row):
    finding: str = Field(description="The ID of the finding (see the findings download).")
    recommendation: str = Field(description="The ID of the recommendation whose subject it addresses.")
    ref: str = Field(description="That recommendation's short reference, for example R01.")
    said: str = Field(
        description="What the finding said about that subject, in the portal's own words. It is not a "
        "status: the council's reported status is in the recommendations download."
    )


class MeetingReportRow(SourcedRow):
    meeting: str = Field(description="The ID of the meeting (see the meetings download).")
    text: str = Field(
        description="What the published document recorded of the meeting, in the portal's own words. "
        "A press report is not the minutes, nor the council's words: the source columns say who reported it."
    )


def finding_rows(portal: Portal, links: Links) -> Iterator[FindingRow]:
    for finding in portal.others.timeline:
        yield FindingRow(
            id=finding.id,
            date=finding.date,
            body=finding.body,
            body_name=portal.body(finding.body).name,
            kind=finding.kind,
            title=finding.title,
            summary=finding.summary,
            overall=finding.overall,
            recommendations=" ".join(n.recommendation for n in finding.recommendations) or None,
            sources=len(finding.sources),
            url=links.finding(finding),
        )


def finding_source_rows(portal: Portal, links: Links) -> Iterator[FindingSourceRow]:
    for finding in portal.others.timeline:
        for src in finding.sources:
            yield FindingSourceRow(finding=finding.id, **source_columns(src))


def judgement_rows(portal: Portal, links: Links) -> Iterator[JudgementRow]:
    for finding in portal.others.timeline:
        if finding.overall:
            yield JudgementRow(finding=finding.id, area="Overall effectiveness", grade=finding.overall)
        for judgement in finding.judgements:
            yield JudgementRow(finding=finding.id, area=judgement.area, grade=judgement.grade)


def finding_note_rows(portal: Portal, links: Links) -> Iterator[FindingNoteRow]:
    for finding in portal.others.timeline:
        for note in finding.recommendations:
            rec = portal.recommendation(note.recommendation)
            yield FindingNoteRow(finding=finding.id, recommendation=rec.id, ref=rec.ref, said=note.said)


def meeting_report_rows(portal: Portal, links: Links) -> Iterator[MeetingReportRow]:
    for meeting in sorted(portal.meetings, key=lambda m: (m.date, m.id)):
        for report in meeting.reports:
            yield MeetingReportRow(meeting=meeting.id, text=report.text, **source_columns(report.source))


def cited(src: model.Source) -> str:
    """A source in one line of plain text, for a feed entry."""
    if src.meeting:
        return f"minute {src.minute} of {src.meeting}" if src.minute else f"meeting {src.meeting}"
    reported = "as reported by " if src.kind == model.DocumentKind.PRESS else ""
    return f"{reported}{src.publisher}, {src.document} ({src.kind.value})"


def finding_entry(portal: Portal, links: Links, finding: findings.Finding, midnight) -> dict[str, Any]:
    """One finding as an entry of an Atom feed."""
    body = portal.body(finding.body).name
    grade = f" Overall effectiveness: {status_label(finding.overall)}." if finding.overall else ""
    return {
        "id": links.finding(finding),
        "title": f"{body}: {finding.title} ({long_date(finding.date)})",
        "link": links.finding(finding),
        "updated": midnight(finding.date),
        "summary": f"{status_label(finding.kind)} by {body}, shown apart from the council's reported status."
        f"{grade} {finding.summary} Sources: {'; '.join(cited(src) for src in finding.sources)}.",
    }
