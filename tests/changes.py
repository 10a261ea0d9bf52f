"""Checks, from a built site's HTML, that 'what changed' lists exactly the differences in the data
between each pair of meetings, worked out here straight from the records rather than by the portal."""

from __future__ import annotations

from collections import Counter
from itertools import pairwise

from sites import Site

from macros.data.portal import Portal

SECTIONS = ("statuses", "evidence", "figures", "new", "closed", "slipped")


def expected(portal: Portal, earlier, later) -> dict[str, Counter]:
    def within(day) -> bool:
        return day is not None and earlier.date < day <= later.date

    def day_of(meeting_id) -> object:
        meeting = portal.meeting(meeting_id) if meeting_id else None
        return meeting.date if meeting else None

    def status_on(rec_id, day):
        dated = sorted((u.date, u.status) for u in portal.updates if u.recommendation == rec_id and u.date <= day)
        return dated[-1][1] if dated else None

    recs = [r.id for r in portal.recommendations]
    found = {
        "statuses": Counter(r for r in recs if status_on(r, later.date) not in (None, status_on(r, earlier.date))),
        "evidence": Counter(u.recommendation for u in portal.updates if within(u.date) for _ in u.evidence),
        "figures": Counter(m.id for m in portal.metrics for p in m.points if within(p.date)),
        "new": Counter([r.id for r in portal.resolutions if within(day_of(r.meeting))]
                       + [a.id for a in portal.actions if within(day_of(a.agreed.meeting))]),
        "closed": Counter([r.id for r in portal.resolutions
                           if r.status.value != "open" and within(day_of(r.status_source.meeting))]
                          + [a.id for a in portal.actions if a.closed and within(day_of(a.closed.meeting))]),
        "slipped": Counter(r.id for r in portal.recommendations if r.target
                           for v in r.target.revisions if within(v.reported)),
    }
    return found


def on_page(site: Site, url: str, later_id: str) -> dict[str, Counter]:
    block = site.content(url).find(id=f"changes-{later_id}")
    assert block is not None, (url, later_id)
    return {name: Counter(li["data-id"] for li in block.select(f"ul.sp-change-{name} > li")) for name in SECTIONS}


def check_changes(site: Site, portal: Portal) -> int:
    """Every consecutive pair of meetings on the changes page, the latest on the home page too."""
    held = sorted((m for m in portal.meetings if portal.minutes_of(m)), key=lambda m: m.date)
    pairs = list(pairwise(held))
    for earlier, later in pairs:
        assert on_page(site, "changes/", later.id) == expected(portal, earlier, later), later.id
    if pairs:
        earlier, later = pairs[-1]
        assert on_page(site, "", later.id) == expected(portal, earlier, later)
    return len(pairs)
