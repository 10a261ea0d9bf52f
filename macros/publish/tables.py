"""The rows of every download about the council's own records, made from the loaded portal: one
method per dataset (exports.py lists them), and the attribution every download and feed carries."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from ..data.history import RecordHistory
from ..data.portal import Portal
from ..site.render import Links
from .record_rows import (
    ActionRow,
    EvidenceRow,
    FigureRow,
    HistoryRow,
    MeasureOfSuccessRow,
    MeetingRow,
    MetricRow,
    ProgressUpdateRow,
    RecommendationRow,
    ResolutionRow,
    TargetRevisionRow,
)
from .rows import source_columns


def attribution(portal: Portal) -> str:
    site = portal.site
    committees = "; ".join(c.name for c in site.committees)
    return (
        f"Contains public sector information licensed under the {site.data_licence.name}. "
        f"Compiled by {site.publisher} from the published minutes and documents of "
        f"{site.council} ({committees})."
    )


class Tables:
    """Every dataset's rows for one loaded Portal; their links are absolute, from the site's address."""

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
