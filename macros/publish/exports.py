"""Open data from the validated portal: JSON and CSV downloads (each JSON with its JSON Schema),
Atom feeds of progress updates, minutes and findings by other bodies, and an iCalendar feed of meetings.

Plain Python: never imports MkDocs. `export_files` derives every file from the data alone (no
clock), so rebuilding the same data gives byte-identical files and feed readers see no false news.
`write_exports` writes them into one folder (docs/data/ for the site), touching only files whose
content changed so that `mkdocs serve` does not reload in a loop.

To add a dataset (metric series, committee actions …): write its row model below, with a
description on every field (the Data page and the JSON Schema are made from them), and add one
Dataset line to DATASETS.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar, cast
from urllib.parse import urlsplit

from feedgen.feed import FeedGenerator
from icalendar import Calendar, Event
from pydantic import BaseModel, ConfigDict, Field

from ..data import model
from ..data.findings import Finding, FindingKind, Grade
from ..data.history import RecordHistory
from ..data.portal import MinutesDoc, Portal
from ..site.render import DATA_FOLDER, Links, long_date, status_label
from . import findings_rows
from .rows import Row, SourcedRow, source_columns
from .spreadsheet import csv_file
from .writing import write_changed

# --- export models: one per dataset; field descriptions are the Data page's documentation -----


class RecommendationRow(SourcedRow):
    id: str = Field(description="The recommendation's permanent ID. Its page's address is made from it.")
    ref: str = Field(description="The short reference readers see, for example R01.")
    set: str = Field(description="The ID of the inspection or review that made the recommendation.")
    set_title: str = Field(description="The title of that inspection or review.")
    title: str | None = Field(
        description="The recommendation's title. Empty where no source gives it yet: the site then "
        "says the title is to be confirmed."
    )
    owner: str | None = Field(description="Who is responsible for it, where a source names them.")
    status: model.Status = Field(
        description="Its latest status, one of: "
        + ", ".join(s.value for s in model.Status)
        + ". The Recommendations page says what each means."
    )
    status_date: dt.date = Field(
        description="The date the latest status applies to (YYYY-MM-DD). Its source is in the "
        "progress updates download."
    )
    original_target: dt.date | None = Field(
        description="The date it was first due to be delivered (YYYY-MM-DD), where a source gives one."
    )
    current_target: dt.date | None = Field(
        description="The date it is due now: the original target or its latest revision (see the "
        "target revisions download)."
    )
    url: str = Field(description="The recommendation's page on this site.")


class TargetRevisionRow(SourcedRow):
    recommendation: str = Field(description="The ID of the recommendation whose target date slipped.")
    ref: str = Field(description="That recommendation's short reference, for example R01.")
    reported: dt.date = Field(description="The date the new target was reported (YYYY-MM-DD).")
    new_target: dt.date = Field(description="The new target date (YYYY-MM-DD).")
    reason: str = Field(description="Why the target moved, as reported.")


class ProgressUpdateRow(SourcedRow):
    id: str = Field(
        description="The update's ID: the recommendation's ID and the update's date (with -2, -3 … "
        "if a recommendation has more than one update on a date)."
    )
    recommendation: str = Field(description="The ID of the recommendation it is about.")
    ref: str = Field(description="That recommendation's short reference, for example R01.")
    date: dt.date = Field(description="The date the status applies to (YYYY-MM-DD).")
    status: model.Status = Field(description="The status reported as at that date.")
    summary: str = Field(description="What was reported, in plain words.")
    reason: str | None = Field(
        description="Why the status changed from the previous update's, as reported. Every update "
        "that changes the status gives one; empty for an update that did not change it."
    )
    evidence_count: int = Field(description="How many pieces of evidence support it (see the evidence download).")
    url: str = Field(description="Where the update appears on the recommendation's page.")


class EvidenceRow(SourcedRow):
    update: str = Field(description="The ID of the progress update it supports.")
    kind: str = Field(
        description='"quote" if the text is the source\'s exact words (checked against the minutes), '
        '"summary" if it is the portal\'s own summary of the source.'
    )
    text: str = Field(description="The quotation or summary.")


class MeasureOfSuccessRow(SourcedRow):
    recommendation: str = Field(description="The ID of the recommendation the measure belongs to.")
    ref: str = Field(description="That recommendation's short reference, for example R01.")
    measure: str = Field(
        description="One thing that must be true for the recommendation to count as done. The source "
        "columns give where the measures come from (an improvement plan, a committee paper)."
    )
    evidence_met: int = Field(
        description="How many pieces of evidence that the recommendation's measures were met are "
        "recorded (0: none yet). They are shown on the recommendation's page."
    )


class HistoryRow(Row):
    commit: str = Field(description="The commit (the change in the portal's repository) that made this change.")
    date: dt.date = Field(description="The date the change was committed (YYYY-MM-DD).")
    message: str = Field(description="The description given with the commit.")
    commit_url: str | None = Field(description="The change on the repository's website, where its address is known.")
    record_kind: str = Field(
        description='What kind of record changed: "recommendation" (its progress updates included), '
        '"resolution" or "action".'
    )
    record_id: str = Field(description="The ID of the record that changed.")
    field: str = Field(
        description='What part of the record changed: "record" (added or removed), "status", "title", '
        '"target", "update" (a progress update added or removed), "update summary" and so on.'
    )
    change: str = Field(description='The change in words, for example "status changed from in progress to at risk".')
    record_url: str | None = Field(
        description="Where the record's changes are listed on this site. Empty for a record that no longer exists."
    )


class ResolutionRow(SourcedRow):
    id: str = Field(description="The resolution's permanent ID.")
    meeting: str = Field(description="The ID of the meeting that made it.")
    minute: str = Field(description="The number of the minute that records it.")
    number: int = Field(description="Its number within that minute.")
    text: str = Field(description="The resolution's words exactly as minuted.")
    asks: str = Field(description="What it asks, in plain words.")
    who: str = Field(description="Who is asked to act.")
    report_back_meeting: str | None = Field(description="The ID of the meeting it is to report back to, if one is set.")
    report_back_when: str | None = Field(
        description="When it reports back, in words, where the minutes put it that way."
    )
    status: model.ActionStatus = Field(
        description="Where it stands: "
        + ", ".join(s.value for s in model.ActionStatus)
        + ". The source columns give the source of this status."
    )
    url: str = Field(description="The resolution on the Committee resolutions page.")


class ActionRow(Row):
    id: str = Field(description="The resolution's or action's permanent ID.")
    kind: str = Field(
        description='"resolution" (see the resolutions download for its exact words) or '
        '"action" (agreed at a later meeting).'
    )
    what: str = Field(description="What the committee asked for, in plain words.")
    who: str = Field(description="Who is asked to act.")
    agreed_meeting: str = Field(description="The ID of the meeting where the committee agreed it.")
    agreed_minute: str = Field(description="The number of the minute that records it.")
    due_date: dt.date | None = Field(
        description="When it is due (YYYY-MM-DD): its own date, or the date of the meeting it is due "
        "at. Empty when no date is set. An open item whose due date has passed is overdue."
    )
    due_meeting: str | None = Field(description="The ID of the meeting it is due at, if it is due at a meeting.")
    status: model.ActionStatus = Field(
        description="Where it stands: " + ", ".join(s.value for s in model.ActionStatus) + "."
    )
    closed_meeting: str | None = Field(description="The ID of the meeting where it was reported done or withdrawn.")
    closed_minute: str | None = Field(description="The number of the minute that reported it done or withdrawn.")
    url: str = Field(description="The item on the actions tracker page.")


class MetricRow(SourcedRow):
    id: str = Field(description="The measure's permanent ID.")
    title: str = Field(description="What is measured.")
    unit: str = Field(description="The unit of every figure, for example % or children per social worker.")
    description: str = Field(description="What the measure means, in plain words.")
    target: float | None = Field(
        description="The target figure, where a source sets one. The source columns give the target's source."
    )
    recommendations: str | None = Field(
        description="The IDs of the recommendations it helps to track, separated by spaces."
    )
    figures: int = Field(
        description="How many figures there are so far (see the figures download); 0 means no data yet."
    )
    url: str = Field(description="The measure on the figures page.")


class FigureRow(SourcedRow):
    metric: str = Field(description="The ID of the measure (see the measures download).")
    date: dt.date = Field(
        description="The date the figure applies to (YYYY-MM-DD). For a figure of a whole month, "
        "the month's first day: see month."
    )
    month: str | None = Field(
        description="For a figure reported for a whole month rather than a day: that month (YYYY-MM)."
    )
    value: float = Field(description="The figure; for a figure reported as a range, its lower end.")
    up_to: float | None = Field(description="For a figure reported as a range (18 to 22): its upper end.")
    unit: str = Field(description="Its unit.")


class MeetingRow(SourcedRow):
    id: str = Field(description="The meeting's permanent ID. Its calendar entry's UID is made from it.")
    committee: str = Field(description="The ID of the committee that met.")
    committee_name: str = Field(description="The committee's full name.")
    date: dt.date = Field(description="The date of the meeting (YYYY-MM-DD), past or scheduled.")
    also_known_as: str | None = Field(description='How the minutes refer to it, for example "the September meeting".')
    minutes_pages: str | None = Field(
        description="The pages of this site holding its minutes, separated by spaces. Empty until "
        "the minutes are added."
    )
    url: str = Field(description="The meeting on the Meetings page. The source columns give the source of its date.")


# --- the datasets: adding one is a row model above and one line here -------------------------


@dataclass(frozen=True)
class Dataset:
    name: str  # the file names: <name>.json, <name>.csv, <name>.schema.json
    title: str
    about: str  # one sentence for the Data page
    row: type[Row]
    rows: Callable[[Exporter], Iterator[Row]]


DATASETS: list[Dataset] = [
    Dataset(
        "recommendations",
        "Recommendations",
        "Every recommendation, with its latest status.",
        RecommendationRow,
        lambda ex: ex.recommendation_rows(),
    ),
    Dataset(
        "progress-updates",
        "Progress updates",
        "Every progress update on every recommendation.",
        ProgressUpdateRow,
        lambda ex: ex.update_rows(),
    ),
    Dataset(
        "evidence",
        "Evidence",
        "The evidence given with each progress update.",
        EvidenceRow,
        lambda ex: ex.evidence_rows(),
    ),
    Dataset(
        "target-revisions",
        "Target revisions",
        "Every time a recommendation's target date slipped: when, the new date and why.",
        TargetRevisionRow,
        lambda ex: ex.target_revision_rows(),
    ),
    Dataset(
        "measures-of-success",
        "Measures of success",
        "What must be true for each recommendation to count as done, from a source, with how much "
        "evidence that it is has been recorded.",
        MeasureOfSuccessRow,
        lambda ex: ex.measure_rows(),
    ),
    Dataset(
        "resolutions",
        "Committee resolutions",
        "What the committee resolved, in its exact words, who is asked to act, and where each stands.",
        ResolutionRow,
        lambda ex: ex.resolution_rows(),
    ),
    Dataset(
        "actions",
        "Actions tracker",
        "Every resolution and every action agreed at later meetings: due when, where it stands, "
        "and where it was closed.",
        ActionRow,
        lambda ex: ex.action_rows(),
    ),
    Dataset(
        "metrics",
        "Measures",
        "Every measure the committee follows over time, with its target.",
        MetricRow,
        lambda ex: ex.metric_rows(),
    ),
    Dataset(
        "figures",
        "Figures",
        "Every figure of every measure, with its date and source.",
        FigureRow,
        lambda ex: ex.figure_rows(),
    ),
    Dataset(
        "meetings",
        "Meetings",
        "Every meeting of the committee the portal knows about, past and scheduled.",
        MeetingRow,
        lambda ex: ex.meeting_rows(),
    ),
    Dataset(
        "meeting-reports",
        "Published reports of meetings",
        "What other publications (a press report, say) recorded of the committee's meetings, with who reported it.",
        findings_rows.MeetingReportRow,
        lambda ex: findings_rows.meeting_report_rows(ex.portal, ex.links),
    ),
    Dataset(
        "findings",
        "Findings by other bodies",
        "What inspectors, the government and others found, shown apart from the council's reported status.",
        findings_rows.FindingRow,
        lambda ex: findings_rows.finding_rows(ex.portal, ex.links),
    ),
    Dataset(
        "finding-sources",
        "Sources of the findings",
        "Every source each finding is taken from: its publisher, kind and address.",
        findings_rows.FindingSourceRow,
        lambda ex: findings_rows.finding_source_rows(ex.portal, ex.links),
    ),
    Dataset(
        "finding-judgements",
        "Inspection judgements",
        "Every judgement (grade) of every inspection, in the inspectorate's words.",
        findings_rows.JudgementRow,
        lambda ex: findings_rows.judgement_rows(ex.portal, ex.links),
    ),
    Dataset(
        "finding-notes",
        "What the findings said about each recommendation",
        "For each finding that plainly addresses a recommendation's subject: what it said, in the portal's words.",
        findings_rows.FindingNoteRow,
        lambda ex: findings_rows.finding_note_rows(ex.portal, ex.links),
    ),
    Dataset(
        "record-history",
        "Changes to the records",
        "Every change to a recommendation (with its progress updates), resolution or action, one row "
        "per change, oldest first, from the portal's repository.",
        HistoryRow,
        lambda ex: ex.history_rows(),
    ),
]

R = TypeVar("R", bound=Row)


class Download(BaseModel, Generic[R]):
    """The shape of every JSON download: what it is, its licence, and its rows."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    dataset: str = Field(description="The dataset's name, as in its file name.")
    title: str = Field(description="What the dataset holds.")
    licence: str = Field(description="The licence under which the data may be reused.")
    licence_url: str = Field(description="Where the licence is published.")
    attribution: str = Field(description="The statement to include when reusing the data.")
    rows: list[R] = Field(description="One entry per record, with the same values as the CSV file's rows.")


def download_model(row: type[Row]) -> type[Download[Row]]:
    """Download[row] for a row type known only at run time (pydantic makes one class per row type)."""
    return cast("type[Download[Row]]", Download.__class_getitem__(row))


def attribution(portal: Portal) -> str:
    site = portal.site
    committees = "; ".join(c.name for c in site.committees)
    return (
        f"Contains public sector information licensed under the {site.data_licence.name}. "
        f"Compiled by {site.publisher} from the published minutes and documents of "
        f"{site.council} ({committees})."
    )


def field_docs(row: type[Row]) -> list[tuple[str, str, str]]:
    """(column, kind of value in plain words, description) for the Data page."""
    kinds = {
        dt.date: "date (YYYY-MM-DD)",
        int: "whole number",
        float: "number",
        model.Status: "status word",
        model.ActionStatus: "status word",
        model.DocumentKind: "kind of document",
        Grade: "inspection grade",
        FindingKind: "kind of finding",
    }
    docs = []
    for name in row.columns():
        info = row.model_fields[name]
        arguments = getattr(info.annotation, "__args__", ())
        optional = info.annotation is not None and type(None) in arguments
        value_type = next((a for a in arguments if a is not type(None)), None) if optional else info.annotation
        base = next((k for t, k in kinds.items() if value_type == t), "text")
        docs.append((name, base + (", may be empty" if optional else ""), info.description or ""))
    return docs


# --- building every file ------------------------------------------------------------------------


def midnight(date: dt.date) -> dt.datetime:
    """Feeds and calendars need a time: the start of the day the data gives, in UTC."""
    return dt.datetime.combine(date, dt.time(0), tzinfo=dt.UTC)


class Exporter:
    """Every export file for one loaded Portal and the site's address."""

    portal: Portal
    links: Links  # absolute URLs for downloads and feeds

    def __init__(self, portal: Portal, site_url: str, history: RecordHistory | None = None):
        self.portal = portal
        self.history = history or RecordHistory([], unavailable="not read")
        self.site_url = site_url if site_url.endswith("/") else site_url + "/"
        self.links = Links(portal, self.site_url)  # absolute URLs for downloads and feeds
        self.update_ids = self._update_ids()

    def _update_ids(self) -> list[str]:
        """A stable ID for each update, in the order of portal.updates."""
        seen: Counter[str] = Counter()
        ids = []
        for update in self.portal.updates:
            base = f"{update.recommendation}-{update.date.isoformat()}"
            seen[base] += 1
            ids.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
        return ids

    # --- rows -----------------------------------------------------------------------------------

    def recommendation_rows(self) -> Iterator[RecommendationRow]:
        for rec in self.portal.recommendations:
            rec_set, latest = self.portal.set_of(rec), self.portal.latest(rec)
            yield RecommendationRow(
                id=rec.id,
                ref=rec.ref,
                set=rec_set.id,
                set_title=rec_set.title,
                title=rec.title,
                owner=rec.owner.name if rec.owner else None,
                status=latest.status,
                status_date=latest.date,
                original_target=rec.target.original if rec.target else None,
                current_target=rec.target.current if rec.target else None,
                url=self.links.recommendation(rec),
                **source_columns(rec.source),
            )

    def target_revision_rows(self) -> Iterator[TargetRevisionRow]:
        for rec in self.portal.recommendations:
            for revision in rec.target.revisions if rec.target else []:
                yield TargetRevisionRow(
                    recommendation=rec.id,
                    ref=rec.ref,
                    reported=revision.reported,
                    new_target=revision.new_target,
                    reason=revision.reason,
                    **source_columns(revision.source),
                )

    def update_rows(self) -> Iterator[ProgressUpdateRow]:
        for update, update_id in zip(self.portal.updates, self.update_ids, strict=True):
            yield ProgressUpdateRow(
                id=update_id,
                recommendation=update.recommendation,
                ref=self.portal.recommendation(update.recommendation).ref,
                date=update.date,
                status=update.status,
                summary=update.summary,
                reason=update.reason,
                evidence_count=len(update.evidence),
                url=self.links.update(update),
                **source_columns(update.source),
            )

    def evidence_rows(self) -> Iterator[EvidenceRow]:
        for update, update_id in zip(self.portal.updates, self.update_ids, strict=True):
            for item in update.evidence:
                yield EvidenceRow(
                    update=update_id,
                    kind="quote" if item.quote else "summary",
                    text=item.quote or item.summary or "",  # the model requires one of the two
                    **source_columns(item.source),
                )

    def measure_rows(self) -> Iterator[MeasureOfSuccessRow]:
        for rec in self.portal.recommendations:
            success = rec.success
            if success is None:
                continue
            for measure in success.measures:
                yield MeasureOfSuccessRow(
                    recommendation=rec.id,
                    ref=rec.ref,
                    measure=measure,
                    evidence_met=len(success.evidence),
                    **source_columns(success.source),
                )

    def history_rows(self) -> Iterator[HistoryRow]:
        pages = {
            ("recommendation", rec.id): self.links.recommendation(rec) + "#record-changes"
            for rec in self.portal.recommendations
        }
        pages |= {(item.kind, item.id): self.links.record_changes(item) for item in self.portal.tracker()}
        for change in self.history.changes:
            yield HistoryRow(
                commit=change.commit.sha,
                date=change.commit.date.date(),
                message=change.commit.message,
                commit_url=change.commit.url,
                record_kind=change.kind,
                record_id=change.record,
                field=change.field,
                change=change.text,
                record_url=pages.get((change.kind, change.record)),
            )

    def resolution_rows(self) -> Iterator[ResolutionRow]:
        for res in self.portal.resolutions:
            back = res.report_back
            yield ResolutionRow(
                id=res.id,
                meeting=res.meeting,
                minute=res.minute,
                number=res.number,
                text=res.text,
                asks=res.asks,
                who=res.who,
                report_back_meeting=back.meeting if back else None,
                report_back_when=back.when if back else None,
                status=res.status,
                url=self.links.resolution(res),
                **source_columns(res.status_source),
            )

    def action_rows(self) -> Iterator[ActionRow]:
        for item in self.portal.tracker():
            yield ActionRow(
                id=item.id,
                kind=item.kind,
                what=item.what,
                who=item.who,
                agreed_meeting=item.agreed.meeting,
                agreed_minute=item.agreed.minute,
                due_date=item.due,
                due_meeting=item.due_meeting.id if item.due_meeting else None,
                status=item.status,
                closed_meeting=item.closed.meeting if item.closed else None,
                closed_minute=item.closed.minute if item.closed else None,
                url=self.links.action(item),
            )

    def metric_rows(self) -> Iterator[MetricRow]:
        for metric in self.portal.metrics:
            yield MetricRow(
                id=metric.id,
                title=metric.title,
                unit=metric.unit,
                description=metric.description,
                target=metric.target,
                recommendations=" ".join(metric.recommendations) or None,
                figures=len(metric.points),
                url=self.links.metric(metric),
                **source_columns(metric.target_source),
            )

    def figure_rows(self) -> Iterator[FigureRow]:
        for metric in self.portal.metrics:
            for point in sorted(metric.points, key=lambda p: p.date):
                yield FigureRow(
                    metric=metric.id,
                    date=point.date,
                    month=point.month,
                    value=point.value,
                    up_to=point.up_to,
                    unit=metric.unit,
                    **source_columns(point.source),
                )

    def meeting_rows(self) -> Iterator[MeetingRow]:
        for meeting in sorted(self.portal.meetings, key=lambda m: (m.date, m.id)):
            minutes = " ".join(self.links.minutes(m) for m in self.portal.minutes_of(meeting))
            committee = self.portal.committee(meeting.committee)  # validation checks it exists
            yield MeetingRow(
                id=meeting.id,
                committee=meeting.committee,
                committee_name=committee.name if committee else meeting.committee,
                date=meeting.date,
                also_known_as=meeting.also_known_as,
                minutes_pages=minutes or None,
                url=self.links.meeting(meeting),
                **source_columns(meeting.source),
            )

    # --- files ----------------------------------------------------------------------------------

    def files(self) -> dict[str, bytes]:
        """Path inside the data folder → the file's bytes."""
        out: dict[str, bytes] = {}
        for dataset in DATASETS:
            rows = list(dataset.rows(self))
            out[f"{dataset.name}.json"] = self.json_file(dataset, rows)
            out[f"{dataset.name}.csv"] = csv_file(dataset.row.columns(), (row.model_dump(mode="json") for row in rows))
            out[f"{dataset.name}.schema.json"] = self.schema_file(dataset)
        out[self.local(self.links.feed())] = self.atom(
            None,
            "Progress updates, minutes and findings",
            self.portal.updates,
            self.portal.minutes,
            self.portal.others.timeline,
        )
        for rec in self.portal.recommendations:
            minutes = [m for m, _ in self.portal.discussed_at(rec)]
            found = [finding for finding, _ in self.portal.others.about(rec.id)]
            out[self.local(self.links.feed(rec))] = self.atom(
                rec, f"{rec.ref}: progress updates, minutes and findings", self.portal.history(rec), minutes, found
            )
        out[self.local(self.links.calendar())] = self.calendar()
        return out

    def local(self, url: str) -> str:
        """An absolute URL of a file in the data folder → its path inside that folder."""
        return url.removeprefix(self.links.page(DATA_FOLDER))

    def json_file(self, dataset: Dataset, rows: list[Row]) -> bytes:
        site = self.portal.site
        document = {
            "$schema": self.links.download(f"{dataset.name}.schema.json"),
            **download_model(dataset.row)(
                dataset=dataset.name,
                title=dataset.title,
                licence=site.data_licence.name,
                licence_url=site.data_licence.url,
                attribution=attribution(self.portal),
                rows=rows,
            ).model_dump(mode="json"),
        }
        document["rows"] = [{name: row[name] for name in dataset.row.columns()} for row in document["rows"]]
        return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")

    def schema_file(self, dataset: Dataset) -> bytes:
        schema = download_model(dataset.row).model_json_schema()
        schema = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": self.links.download(f"{dataset.name}.schema.json"),
            **schema,
            "title": f"{dataset.title} ({dataset.name}.json)",
        }
        # The "$schema" key each download starts with, naming this schema.
        schema["properties"] = {"$schema": {"type": "string"}, **schema["properties"]}
        return (json.dumps(schema, ensure_ascii=False, indent=2) + "\n").encode("utf-8")

    def atom(
        self,
        rec: model.Recommendation | None,
        title: str,
        updates: list[model.ProgressUpdate],
        minutes: list[MinutesDoc],
        found: list[Finding],
    ) -> bytes:
        """One Atom feed: the given progress updates, minutes and findings by other bodies, newest first."""
        site = self.portal.site
        feed = FeedGenerator()
        feed_url = self.links.feed(rec)
        feed.id(feed_url)
        feed.title(f"{title} — {site.title}")
        feed.link(href=feed_url, rel="self")
        feed.link(href=self.links.recommendation(rec) if rec else self.site_url, rel="alternate")
        feed.author({"name": site.publisher})
        feed.rights(attribution(self.portal))
        feed.language("en-GB")
        feed.generator("Scrutiny Portal")
        entries = [self.update_entry(u) for u in updates] + [self.minutes_entry(m) for m in minutes]
        entries += [findings_rows.finding_entry(self.portal, self.links, f, midnight) for f in found]
        entries.sort(key=lambda e: (e["updated"], e["id"]), reverse=True)
        dates = [e["updated"] for e in entries] or [midnight(min(m.date for m in self.portal.meetings))]
        feed.updated(max(dates))
        for entry in entries:
            item = feed.add_entry(order="append")
            item.id(entry["id"])
            item.title(entry["title"])
            item.link(href=entry["link"], rel="alternate")
            item.updated(entry["updated"])
            item.published(entry["updated"])
            item.summary(entry["summary"])
        return feed.atom_str(pretty=True)

    def update_entry(self, update: model.ProgressUpdate) -> dict[str, Any]:
        rec = self.portal.recommendation(update.recommendation)
        update_id = self.update_ids[self.portal.index.update_position[id(update)]]
        return {
            "id": self.links.recommendation(rec) + "#update-" + update_id.removeprefix(rec.id + "-"),
            "title": f"{rec.ref}: {status_label(update.status)} as at {long_date(update.date)}",
            "link": self.links.update(update),
            "updated": midnight(update.date),
            "summary": f"{rec.ref} ({self.portal.title_of(rec)}): {update.summary}" + self.status_words(update),
        }

    def status_words(self, update: model.ProgressUpdate) -> str:
        """For a feed: how an update changed the status, and the reason given."""
        previous = self.portal.previous_update(update)
        if previous is None or previous.status == update.status:
            return ""
        reason = f" Reason given: {update.reason}" if update.reason else ""
        return f" Status changed from {previous.status} to {update.status}.{reason}"

    def minutes_entry(self, minutes: MinutesDoc) -> dict[str, Any]:
        front = minutes.front
        committee = self.portal.committee(front.committee)
        return {
            "id": self.links.minutes(minutes),
            "title": f"Minutes: {front.title} ({long_date(front.date)})",
            "link": self.links.minutes(minutes),
            "updated": midnight(front.date),
            "summary": f"{committee.name if committee else front.committee}, {long_date(front.date)}, "
            f"item {front.item}: {front.title}." + (f" {front.report}" if front.report else ""),
        }

    def calendar(self) -> bytes:
        """The committee's meetings as all-day events: the data gives dates, not times."""
        host = urlsplit(self.site_url).hostname or "localhost"
        calendar = Calendar()
        calendar.add("prodid", f"-//{self.portal.site.publisher}//{self.portal.site.title}//EN")
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("x-wr-calname", "; ".join(c.name for c in self.portal.site.committees) + ": meetings")
        for row in self.meeting_rows():
            event = Event()
            event.add("uid", f"{row.id}@{host}")  # stable: calendar apps update, not duplicate
            event.add("dtstamp", midnight(row.date))  # from the data, not the clock
            event.add("dtstart", row.date)
            event.add("dtend", row.date + dt.timedelta(days=1))
            event.add("summary", f"{row.committee_name} meeting")
            notes = [
                row.also_known_as and f"Also known as {row.also_known_as}.",
                f"Minutes: {row.minutes_pages}" if row.minutes_pages else "Minutes not yet added.",
                f"Details: {row.url}",
            ]
            event.add("description", "\n".join(n for n in notes if n))
            event.add("url", row.url)
            event.add("transp", "TRANSPARENT")
            calendar.add_component(event)
        return calendar.to_ical()


def row_counts(portal: Portal, site_url: str, history: RecordHistory | None = None) -> dict[str, int]:
    """How many rows each download has, for the Data page."""
    exporter = Exporter(portal, site_url, history)
    return {dataset.name: sum(1 for _ in dataset.rows(exporter)) for dataset in DATASETS}


def export_files(portal: Portal, site_url: str, history: RecordHistory | None = None) -> dict[str, bytes]:
    return Exporter(portal, site_url, history).files()


def write_exports(portal: Portal, out_dir: Path, site_url: str, history: RecordHistory | None = None) -> list[str]:
    """Write every export into out_dir, changing only what differs; remove feeds of records gone.
    Returns the paths changed, for the person running it to see."""
    files = export_files(portal, site_url, history)
    changed = write_changed(out_dir, files)
    # Only feeds come and go with the data (one per recommendation); nothing else is ever removed.
    for stale in sorted(out_dir.glob("feeds/*.atom")):
        if stale.relative_to(out_dir).as_posix() not in files:
            stale.unlink()
            changed.append(f"removed {stale}")
    return changed
