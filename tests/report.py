"""Checks, from a built site's HTML, that the printable report has every recommendation with its latest
status and update, its next milestone and its open actions."""

from __future__ import annotations

from sites import Site

from macros.data.portal import Portal
from macros.site.render import long_date, status_label


def check_report(site: Site, portal: Portal) -> None:
    content = site.content("report/")
    for rec in portal.recommendations:
        row = content.find(id=f"report-{rec.id}")
        cells = row.find_all("td")
        latest = max((u for u in portal.updates if u.recommendation == rec.id), key=lambda u: u.date)
        assert cells[0].select_one(".sp-status").get_text() == status_label(latest.status)
        assert " ".join(cells[1].get_text().split()) == " ".join(latest.summary.split())
        milestone = cells[2].get_text()
        if rec.target:
            current = rec.target.revisions[-1].new_target if rec.target.revisions else rec.target.original
            assert long_date(current) in milestone
        else:
            assert "No target date recorded" in milestone
        opened = {a.id for a in portal.actions if rec.id in a.recommendations and a.status.value == "open"}
        linked = {site.resolve("report/", a["href"])[1] for a in cells[3].select("a:not(.sp-overdue)")}
        assert linked == opened, rec.id
    assert len(content.select("tbody tr[id^=report-]")) == len(portal.recommendations)
