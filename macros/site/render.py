"""Render the Portal into page content through small autoescaped Jinja partials in templates/.

Every page macro returns Markdown: at most a few heading lines (so page titles and the table of
contents work) around blocks of HTML built by the partials. Data strings are always escaped; a
minutes file is rendered by minutes.render_markdown, never by Jinja.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from ..data import findings, model
from ..data.clock import build_date, long_date
from ..data.freshness import stale
from ..data.history import RecordHistory
from ..data.minutes import minute_anchor, render_markdown
from ..data.portal import MinutesDoc, Portal, Tracked
from ..data.provenance import Repository
from .edits import SHOWN, PageFiles
from .pages import history_id

TEMPLATES = Path(__file__).parent / "templates"
DATA_FOLDER = "data/"  # where the open data, feeds and calendar are published on the site
MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!])")  # < and > are HTML-escaped instead


def markdown_text(value: str) -> Markup:
    """Data text placed on a Markdown line (a heading): Markdown syntax and HTML both neutralised."""
    return Markup(escape(MARKDOWN_SPECIALS.sub(r"\\\1", str(value))))


def status_label(status: StrEnum) -> str:
    """A status (or a grade, or a kind of finding) as a label: its words with a capital letter."""
    return status.value[0].upper() + status.value[1:]


def status_slug(status: model.Status | model.ActionStatus) -> str:
    return status.value.replace(" ", "-")


def kind_slug(kind: findings.FindingKind) -> str:
    """A kind of finding as an anchor: "commissioner's report" → "commissioner-s-report"."""
    return re.sub(r"[^a-z]+", "-", kind.value).strip("-")


class Renderer:
    """Renders each kind of page for one loaded Portal. With a repository, each page ends with
    "suggest a change" links to the data files it is made from."""

    def __init__(
        self,
        portal: Portal,
        repository: Repository | None = None,
        today: dt.date | None = None,
        history: RecordHistory | None = None,
    ):
        self.portal = portal
        self.repository = repository
        self.today = today or build_date()  # every "as at" and "overdue" is as at this date
        # Each record's changes, from the repository (data/history.py); without it, pages say so.
        self.history = history or RecordHistory([], unavailable="the repository's history was not read for this build")
        self.env = Environment(
            loader=FileSystemLoader(TEMPLATES),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            auto_reload=False,  # templates do not change during a build: each is read once, not checked per use
        )
        self.env.filters.update(
            long_date=long_date,
            md=markdown_text,
            status_label=status_label,
            status_slug=status_slug,
            kind_slug=kind_slug,
            sentence=lambda text: text[:1].upper() + text[1:],
        )
        from .charts import figure_date, figure_value, latest_points, line_chart, number  # charts use long_date

        self.env.filters.update(figure=number, figure_date=figure_date, figure_value=figure_value)
        self.env.globals.update(chart=line_chart, latest_points=latest_points, shown=SHOWN)
        self.files = PageFiles(portal)
        self.env.tests["overdue_on"] = lambda item, today: item.overdue(today)
        # "is stale": a status reported on this date is more than six months old on the build date.
        self.env.tests["stale"] = lambda day: stale(day, self.today)
        self.env.globals.update(
            portal=portal,
            history=self.history,
            today=self.today,
            meaning=model.STATUS_MEANINGS,
            terms=model.TERM_MEANINGS,
            Status=model.Status,
            ActionStatus=model.ActionStatus,
            DocumentKind=model.DocumentKind,
            FindingKind=findings.FindingKind,
            finding_kinds=findings.KIND_MEANINGS,
        )

    def links(self, page_url: str) -> Links:
        """Links relative to the page at page_url (a site-relative URL such as 'recommendations/')."""
        depth = len([part for part in page_url.split("/") if part])
        return Links(self.portal, "../" * depth)

    def render(self, template: str, page_url: str, files: list[str], **context) -> str:
        """Render a partial for the page at page_url, made from the data files named in files."""
        page = self.env.get_template(template).render(link=self.links(page_url), **context)
        if self.repository is None or not files:
            return page
        return page + "\n" + self.env.get_template("_edit.html").render(repository=self.repository, files=files)

    # --- one method per page macro -------------------------------------------------------------

    def recommendation_title(self, rec_id: str) -> str:
        rec = self.portal.recommendation(rec_id)
        return f"{rec.ref}: {self.portal.title_of(rec)}"

    def minutes_title(self, minutes_id: str) -> str:
        return self.portal.minutes_doc(minutes_id).front.title

    def _meeting(self, meeting_id: str) -> model.Meeting:
        """A meeting a generated page is for: the build makes those pages only for meetings that exist."""
        meeting = self.portal.meeting(meeting_id)
        if meeting is None:
            raise ValueError(f"there is no meeting {meeting_id!r} in data/meetings.yaml for this page")
        return meeting

    def meeting_title(self, meeting_id: str) -> str:
        meeting = self._meeting(meeting_id)
        committee = self.portal.committee(meeting.committee)
        return f"{committee.name if committee else meeting.committee}, {long_date(meeting.date)}"

    def year_title(self, year: str) -> str:
        return f"Meetings in {year}"

    def history_title(self, history: str) -> str:
        rec, year = self._history(history)
        return f"{rec.ref} in {year}: {self.portal.title_of(rec)}"

    def _history(self, history: str) -> tuple[model.Recommendation, int]:
        rec_id, year = history.rsplit("-", 1)
        return self.portal.recommendation(rec_id), int(year)

    def recommendation_page(self, page_url: str, rec_id: str) -> str:
        rec = self.portal.recommendation(rec_id)
        files = self.files.recommendation(rec, self.today)
        return self.render("recommendation.html", page_url, files, rec=rec, rec_set=self.portal.set_of(rec))

    def recommendation_feed(self, rec_id: str) -> dict[str, str]:
        """The page's own feed, for its <link rel="alternate"> (its address from the site's root)."""
        rec = self.portal.recommendation(rec_id)
        return {"href": self.links("").feed(rec), "title": f"{rec.ref}: progress updates, minutes and findings"}

    def history_page(self, page_url: str, history: str) -> str:
        rec, year = self._history(history)
        return self.render("history.html", page_url, self.files.history(rec, year), rec=rec, year=year)

    def meeting_page(self, page_url: str, meeting_id: str) -> str:
        meeting = self._meeting(meeting_id)
        return self.render("meeting.html", page_url, self.files.meeting(meeting), meeting=meeting)

    def year_page(self, page_url: str, year: str) -> str:
        return self.render("year.html", page_url, self.files.year(int(year)), year=int(year))

    def minutes_page(self, page_url: str, minutes_id: str) -> str:
        minutes = self.portal.minutes_doc(minutes_id)
        body = render_markdown(minutes.body.markdown)
        for number, refs in self.portal.minute_refs(minutes).items():
            # Our own renderer wrote each minute heading, so its anchor is found exactly.
            heading = re.compile(r'(<h[234][^>]*id="' + re.escape(minute_anchor(number)) + r'"[^>]*>.*?</h[234]>)')
            refs_html = self.render("minute_refs.html", page_url, [], number=number, refs=refs)
            found = heading.search(body)
            if found:
                body = body[: found.end()] + refs_html + body[found.end() :]
        return self.render(
            "minutes.html",
            page_url,
            [minutes.file],
            minutes=minutes,
            meeting=self.portal.meeting_of(minutes),
            body=Markup(body),
        )

    def summary(self, page_url: str, name: str) -> str:
        """A page made from the whole portal: home, recommendations, themes, resolutions …"""
        return self.render(f"{name}.html", page_url, self.files.summary(name))


class Links:
    """Relative links from the current page to every place in the portal (directory URLs)."""

    def __init__(self, portal: Portal, base: str):
        self.portal = portal
        self.base = base

    def page(self, path: str) -> str:
        # The home page from a page in the site's top folder under Zensical (links from the Markdown
        # file's folder: adapter's links_from) is "./", not "", which would be the page itself.
        return self.base + path or "./"

    def recommendation(self, rec: model.Recommendation) -> str:
        return self.page(f"recommendations/{rec.id}/")

    def minutes(self, minutes: MinutesDoc) -> str:
        return self.page(f"minutes/{minutes.id}/")

    def minute(self, meeting_id: str, number: str) -> str:
        minutes = self.portal.minutes_with(meeting_id, number)
        if minutes is None:  # validation has checked every minute cited; a template asked for another
            raise ValueError(f"no minutes file holds minute {number} of {meeting_id}")
        return self.minutes(minutes) + "#" + minute_anchor(number)

    def meeting(self, meeting: model.Meeting) -> str:
        return self.page(f"meetings/{meeting.id}/")

    def year(self, year: int, committee_id: str | None = None) -> str:
        """The page of a year's meetings, or one committee's part of it."""
        return self.page(f"years/{year}/" + (f"#{committee_id}" if committee_id else ""))

    def history(self, rec: model.Recommendation, year: int) -> str:
        """A recommendation's record in one year: every update, status change and discussion."""
        return self.page(f"history/{history_id(rec, year)}/")

    def update(self, update: model.ProgressUpdate) -> str:
        """Where an update is kept for good: its recommendation's page for that year."""
        rec = self.portal.recommendation(update.recommendation)
        return self.history(rec, update.date.year) + f"#update-{update.date.isoformat()}"

    def resolution(self, resolution: model.Resolution) -> str:
        """A resolution is set out on the page of the meeting that made it."""
        return self.page(f"meetings/{resolution.meeting}/#{resolution.id}")

    def commitment(self, commitment: model.Commitment) -> str:
        """On the page of the meeting that recorded it; one from a document, on the commitments page."""
        if commitment.source.meeting:
            return self.page(f"meetings/{commitment.source.meeting}/#{commitment.id}")
        return self.page(f"commitments/#{commitment.id}")

    def theme(self, theme: model.Theme) -> str:
        return self.page(f"themes/#{theme.id}")

    def body(self, body: model.Body) -> str:
        return self.page(f"commitments/#{body.id}")

    def action(self, item: Tracked) -> str:
        """A resolution or action, on the page of the meeting that agreed it (where it stays when
        the tracker no longer lists it)."""
        return self.page(f"meetings/{item.agreed.meeting}/#{item.id}")

    def record_changes(self, item: Tracked) -> str:
        """The changes to a resolution or an action, on the page of the meeting that agreed it."""
        return self.page(f"meetings/{item.agreed.meeting}/#changes-{item.id}")

    def metric(self, metric: model.Metric) -> str:
        return self.page(f"metrics/#{metric.id}")

    def finding(self, finding: findings.Finding) -> str:
        """A finding by another body, on the What others found page."""
        return self.page(f"findings/#{finding.id}")

    def finding_kind(self, kind: findings.FindingKind) -> str:
        """Where a kind of finding ("monitoring visit") is explained."""
        return self.page(f"definitions/#finding-{kind_slug(kind)}")

    def feed(self, rec: model.Recommendation | None = None) -> str:
        """The Atom feed of one recommendation's updates and minutes, or of everything."""
        return self.download(f"feeds/{rec.id if rec else 'all'}.atom")

    def calendar(self) -> str:
        return self.download("meetings.ics")

    def download(self, name: str) -> str:
        return self.page(DATA_FOLDER + name)

    def status(self, status: model.Status | model.ActionStatus) -> str:
        """Where a status word is defined in plain language."""
        return self.page(f"definitions/#status-{status_slug(status)}")

    def definition(self, term: str) -> str:
        """Where another word about progress ("overdue") is defined."""
        return self.page(f"definitions/#term-{term.replace(' ', '-')}")
