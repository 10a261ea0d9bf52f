"""The feeds: Atom feeds of progress updates, minutes and findings by other bodies (one of
everything, one per recommendation) and the iCalendar file of meetings. Nothing in them comes
from the clock, so the same data gives the same files and feed readers see no false news."""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urlsplit

from feedgen.feed import FeedGenerator
from icalendar import Calendar, Event

from ..data import model
from ..data.findings import Finding
from ..data.portal import MinutesDoc
from ..site.render import DATA_FOLDER, long_date, status_label
from . import findings_rows
from .tables import Tables, attribution


def midnight(date: dt.date) -> dt.datetime:
    """Feeds and calendars need a time: the start of the day the data gives, in UTC."""
    return dt.datetime.combine(date, dt.time(0), tzinfo=dt.UTC)


class Feeds:
    """The feeds and the calendar of one loaded Portal, from its datasets' rows."""

    def __init__(self, tables: Tables):
        self.tables = tables
        self.portal = tables.portal
        self.links = tables.links
        self.site_url = tables.site_url

    def files(self) -> dict[str, bytes]:
        """Path inside the data folder → the file's bytes, for every feed and the calendar."""
        out: dict[str, bytes] = {}
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
        update_id = self.tables.update_ids[self.portal.index.update_position[id(update)]]
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
        for row in self.tables.meeting_rows():
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
