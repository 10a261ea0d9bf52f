"""Checks, from a built site's HTML, that each recommendation's timeline lists every status change in
the data and its target dates list every slip. Shared by the real-site and example-site tests."""

from __future__ import annotations

from sites import Site

from macros.data.portal import Portal
from macros.site.render import long_date, status_label


def changes_in_data(portal: Portal, rec_id: str) -> list[tuple[str, str | None, str]]:
    """(date, previous status, new status) worked out straight from the progress files."""
    updates = sorted((u for u in portal.updates if u.recommendation == rec_id), key=lambda u: u.date)
    changes, previous = [], None
    for update in updates:
        if update.status != previous:
            changes.append((long_date(update.date), previous and status_label(previous), status_label(update.status)))
            previous = update.status
    return changes


def changes_on_page(site: Site, rec_id: str) -> list[tuple[str, str | None, str]]:
    found = []
    for entry in site.content(f"recommendations/{rec_id}/").select("ol.sp-timeline > li"):
        words = [a.get_text() for a in entry.select(".sp-status")]
        assert entry.select_one(".sp-source a"), entry  # every change says where it comes from
        found.append((entry.time.get_text(), words[0] if len(words) == 2 else None, words[-1]))
    return found


def check_timelines(site: Site, portal: Portal) -> None:
    for rec in portal.recommendations:
        assert changes_on_page(site, rec.id) == changes_in_data(portal, rec.id), rec.id


def check_targets(site: Site, portal: Portal) -> None:
    for rec in portal.recommendations:
        table = site.content(f"recommendations/{rec.id}/").select_one("table:has(caption:-soup-contains('Target dates'))")
        if rec.target is None:
            assert table is None
            continue
        rows = [row.th.get_text() for row in table.select("tbody tr")]
        assert rows == [long_date(rec.target.original)] + [long_date(r.new_target) for r in rec.target.revisions]
