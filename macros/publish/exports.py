"""Open data from the validated portal: JSON and CSV downloads (each JSON with its JSON Schema),
and the feeds and calendar (feeds.py).

Plain Python: never imports MkDocs. `export_files` derives every file from the data alone (no
clock), so rebuilding the same data gives byte-identical files and feed readers see no false news.
`write_exports` writes them into one folder (docs/data/ for the site), touching only files whose
content changed so that `mkdocs serve` does not reload in a loop.

To add a dataset (metric series, committee actions …): write its row model in record_rows.py,
with a description on every field (the Data page and the JSON Schema are made from them), a
method making its rows in tables.py, and one Dataset line in DATASETS below.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar, cast

from pydantic import BaseModel, ConfigDict, Field

from ..data import model
from ..data.findings import FindingKind, Grade
from ..data.history import RecordHistory
from ..data.portal import Portal
from . import findings_rows, record_rows
from .feeds import Feeds
from .rows import Row
from .spreadsheet import csv_file
from .tables import Tables, attribution
from .writing import write_changed

__all__ = ["DATASETS", "attribution", "export_files", "field_docs", "row_counts", "write_exports"]


@dataclass(frozen=True)
class Dataset:
    name: str  # the file names: <name>.json, <name>.csv, <name>.schema.json
    title: str
    about: str  # one sentence for the Data page
    row: type[Row]
    rows: Callable[[Tables], Iterator[Row]]


DATASETS: list[Dataset] = [
    Dataset(
        "recommendations",
        "Recommendations",
        "Every recommendation, with its latest status.",
        record_rows.RecommendationRow,
        lambda tables: tables.recommendation_rows(),
    ),
    Dataset(
        "progress-updates",
        "Progress updates",
        "Every progress update on every recommendation.",
        record_rows.ProgressUpdateRow,
        lambda tables: tables.update_rows(),
    ),
    Dataset(
        "evidence",
        "Evidence",
        "The evidence given with each progress update.",
        record_rows.EvidenceRow,
        lambda tables: tables.evidence_rows(),
    ),
    Dataset(
        "target-revisions",
        "Target revisions",
        "Every time a recommendation's target date slipped: when, the new date and why.",
        record_rows.TargetRevisionRow,
        lambda tables: tables.target_revision_rows(),
    ),
    Dataset(
        "measures-of-success",
        "Measures of success",
        "What must be true for each recommendation to count as done, from a source, with how much "
        "evidence that it is has been recorded.",
        record_rows.MeasureOfSuccessRow,
        lambda tables: tables.measure_rows(),
    ),
    Dataset(
        "resolutions",
        "Committee resolutions",
        "What the committee resolved, in its exact words, who is asked to act, and where each stands.",
        record_rows.ResolutionRow,
        lambda tables: tables.resolution_rows(),
    ),
    Dataset(
        "actions",
        "Actions tracker",
        "Every resolution and every action agreed at later meetings: due when, where it stands, "
        "and where it was closed.",
        record_rows.ActionRow,
        lambda tables: tables.action_rows(),
    ),
    Dataset(
        "metrics",
        "Measures",
        "Every measure the committee follows over time, with its target.",
        record_rows.MetricRow,
        lambda tables: tables.metric_rows(),
    ),
    Dataset(
        "figures",
        "Figures",
        "Every figure of every measure, with its date and source.",
        record_rows.FigureRow,
        lambda tables: tables.figure_rows(),
    ),
    Dataset(
        "meetings",
        "Meetings",
        "Every meeting of the committee the portal knows about, past and scheduled.",
        record_rows.MeetingRow,
        lambda tables: tables.meeting_rows(),
    ),
    Dataset(
        "meeting-reports",
        "Published reports of meetings",
        "What other publications (a press report, say) recorded of the committee's meetings, with who reported it.",
        findings_rows.MeetingReportRow,
        lambda tables: findings_rows.meeting_report_rows(tables.portal, tables.links),
    ),
    Dataset(
        "findings",
        "Findings by other bodies",
        "What inspectors, the government and others found, shown apart from the council's reported status.",
        findings_rows.FindingRow,
        lambda tables: findings_rows.finding_rows(tables.portal, tables.links),
    ),
    Dataset(
        "finding-sources",
        "Sources of the findings",
        "Every source each finding is taken from: its publisher, kind and address.",
        findings_rows.FindingSourceRow,
        lambda tables: findings_rows.finding_source_rows(tables.portal, tables.links),
    ),
    Dataset(
        "finding-judgements",
        "Inspection judgements",
        "Every judgement (grade) of every inspection, in the inspectorate's words.",
        findings_rows.JudgementRow,
        lambda tables: findings_rows.judgement_rows(tables.portal, tables.links),
    ),
    Dataset(
        "finding-notes",
        "What the findings said about each recommendation",
        "For each finding that plainly addresses a recommendation's subject: what it said, in the portal's words.",
        findings_rows.FindingNoteRow,
        lambda tables: findings_rows.finding_note_rows(tables.portal, tables.links),
    ),
    Dataset(
        "record-history",
        "Changes to the records",
        "Every change to a recommendation (with its progress updates), resolution or action, one row "
        "per change, oldest first, from the portal's repository.",
        record_rows.HistoryRow,
        lambda tables: tables.history_rows(),
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


def export_files(portal: Portal, site_url: str, history: RecordHistory | None = None) -> dict[str, bytes]:
    """Path inside the data folder → the file's bytes: each dataset as JSON, CSV and JSON Schema,
    then the feeds and the calendar."""
    tables = Tables(portal, site_url, history)
    out: dict[str, bytes] = {}
    for dataset in DATASETS:
        rows = [row.model_dump(mode="json") for row in dataset.rows(tables)]  # once, for both files
        out[f"{dataset.name}.json"] = _json_file(tables, dataset, rows)
        out[f"{dataset.name}.csv"] = csv_file(dataset.row.columns(), rows)
        out[f"{dataset.name}.schema.json"] = _schema_file(tables, dataset)
    return out | Feeds(tables).files()


def _json_file(tables: Tables, dataset: Dataset, rows: list[dict[str, Any]]) -> bytes:
    """The dataset's JSON download: its Download model's fields, then the rows (already dumped, by
    their model) with their values in the columns' order."""
    site = tables.portal.site
    document = {
        "$schema": tables.links.download(f"{dataset.name}.schema.json"),
        **download_model(dataset.row)(
            dataset=dataset.name,
            title=dataset.title,
            licence=site.data_licence.name,
            licence_url=site.data_licence.url,
            attribution=attribution(tables.portal),
            rows=[],
        ).model_dump(mode="json"),
    }
    document["rows"] = [{name: row[name] for name in dataset.row.columns()} for row in rows]
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _schema_file(tables: Tables, dataset: Dataset) -> bytes:
    schema = download_model(dataset.row).model_json_schema()
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": tables.links.download(f"{dataset.name}.schema.json"),
        **schema,
        "title": f"{dataset.title} ({dataset.name}.json)",
    }
    # The "$schema" key each download starts with, naming this schema.
    schema["properties"] = {"$schema": {"type": "string"}, **schema["properties"]}
    return (json.dumps(schema, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def row_counts(portal: Portal, site_url: str, history: RecordHistory | None = None) -> dict[str, int]:
    """How many rows each download has, for the Data page."""
    tables = Tables(portal, site_url, history)
    return {dataset.name: sum(1 for _ in dataset.rows(tables)) for dataset in DATASETS}


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
