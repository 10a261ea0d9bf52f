"""Which data files each page is made from, for its "suggest a change" links: the files of the
records the page shows (never every file of a long archive), each once, in the order first met."""

from __future__ import annotations

from pydantic import BaseModel

from ..data import model
from ..data.portal import MinutesDoc, Portal

# How many of a growing list a page shows before it links to the rest (by year, by meeting, or
# the downloads), so that no page grows with the archive. Templates read these as `shown`.
SHOWN = {
    "history": 10,  # a recommendation's updates on its page; every one is on its page for the year
    "timeline": 10,  # its changes of status
    "discussed": 10,  # the minutes that discussed it
    "commitments": 25,  # commitments recorded at meetings (each is on its meeting's page)
    "changes": 10,  # pairs of meetings on "What changed"
    "closed": 25,  # closed resolutions and actions on the tracker (each is on its meeting's page)
    "resolution_meetings": 10,  # meetings whose resolutions the resolutions page sets out in full
    "report_items": 5,  # open actions of one recommendation in the printable report
    "report_resolutions": 25,  # open resolutions in the printable report
    "report_backs": 3,  # meetings due a report, passed and to come, on the home page
    "figures": 24,  # figures of one measure, charted and tabled
    "about_minutes": 10,  # minutes files listed on the About page
    "documents": 20,  # published documents listed on the About page
    "meetings": 5,  # next and latest meetings on the meetings page
    "journey": 20,  # findings and published reports of meetings in the journey on the home page
    "record_changes": 10,  # commits that changed a recommendation, on its page (all in the download)
}


class PageFiles:
    """The data files behind each page of one portal."""

    def __init__(self, portal: Portal):
        self.portal = portal

    def summary(self, name: str) -> list[str]:
        """A page made from the whole portal: home, themes, meetings …"""
        portal = self.portal
        latest = [portal.latest(rec) for rec in portal.recommendations]
        changes = portal.changes_between_meetings()[: SHOWN["changes"]]
        changed = [u for c in changes for u in [*(s[2] for s in c.statuses), *(e[1] for e in c.evidence)]]
        records: dict[str, list] = {
            "home": [
                portal.site,
                *portal.sets,
                *portal.latest_updates(5),
                *changed[:50],
                *portal.resolutions[:1],
                *portal.findings,
                *portal.meetings[:1],
            ],
            "recommendations": [*portal.sets, *latest],
            "themes": [portal.themes] if portal.themes else [],
            "resolutions": portal.resolutions[:1],
            "commitments": [*portal.commitments[:1], *portal.bodies[:1]],
            "meetings": [
                *portal.meetings[:1],
                *(m for held in portal.meeting_index.latest_held(SHOWN["meetings"]) for m in portal.minutes_of(held)),
            ],
            "about": [portal.site],
            "actions": [*portal.resolutions[:1], *portal.actions[:1]],
            "definitions": [],
            "changes": [*changed, *portal.sets, *portal.resolutions[:1], *portal.actions[:1], *portal.metrics],
            "metrics": portal.metrics,
            "report": [*portal.sets, *latest, *portal.actions[:1]],
            "findings": [*portal.findings, *portal.bodies[:1]],
        }
        return portal.files_of(*records[name])

    def recommendation(self, rec: model.Recommendation, today) -> list[str]:
        found = [finding for finding, _ in self.portal.others.about(rec.id, today)]
        return self.portal.files_of(rec, *self.portal.history(rec)[: SHOWN["history"]], *found)

    def history(self, rec: model.Recommendation, year: int) -> list[str]:
        return self.portal.files_of(rec, *self.portal.by_year.updates(rec, year))

    def meeting(self, meeting: model.Meeting) -> list[str]:
        portal, index = self.portal, self.portal.meeting_index
        records: list[BaseModel | MinutesDoc] = [
            meeting,
            *portal.minutes_of(meeting),
            *portal.index.resolutions_at.get(meeting.id, [])[:1],
            *portal.index.commitments_at.get(meeting.id, [])[:1],
            *index.updates(meeting),
        ]
        files = portal.files_of(*records)
        if any(item.kind == "action" for item in index.agreed(meeting)):
            files += [f for f in portal.files_of(*portal.actions[:1]) if f not in files]
        return files

    def year(self, year: int) -> list[str]:
        meetings = self.portal.meeting_index.in_year.get(year, [])
        return self.portal.files_of(
            *meetings[:1], *(m for meeting in meetings for m in self.portal.minutes_of(meeting))
        )
