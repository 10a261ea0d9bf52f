"""Checks, from a built site's HTML, that minutes and recommendations link to each other exactly as
the minutes' front matter says. Shared by the real-site and example-site build tests."""

from __future__ import annotations

from sites import Site

from macros.data.minutes import minute_anchor
from macros.data.portal import Portal


def marked(portal: Portal) -> set[tuple[str, str, str]]:
    """(recommendation ID, minutes ID, minute number) for every reference clerks wrote."""
    recs = {rec.id for rec in portal.recommendations}
    return {(ref, minutes.id, number)
            for minutes in portal.minutes
            for number, ids in minutes.front.minutes.items()
            for ref in ids if ref in recs}


def backlinks(site: Site, portal: Portal) -> set[tuple[str, str, str]]:
    """(recommendation ID, minutes ID, minute number) for every 'discussed at' link on the pages."""
    found = set()
    for rec in portal.recommendations:
        url = f"recommendations/{rec.id}/"
        for link in site.content(url).select(".sp-discussed a.sp-minute-link"):
            target, fragment = site.resolve(url, link["href"])
            minutes_id = target.removeprefix("minutes/").strip("/")
            number = fragment.removeprefix("minute-")
            assert link.get_text(strip=True) == f"minute {number}"
            assert site.content(target).find(id=minute_anchor(number)) is not None, (url, link["href"])
            found.add((rec.id, minutes_id, number))
    return found


def links_under_minutes(site: Site, portal: Portal) -> set[tuple[str, str, str]]:
    """(recommendation ID, minutes ID, minute number) for every recommendation linked under a minute."""
    found = set()
    for minutes in portal.minutes:
        url = f"minutes/{minutes.id}/"
        for block in site.content(url).select(".sp-minute-refs"):
            heading = block.find_previous_sibling(class_="sp-minute-number")
            for link in block.select("a"):
                target, _ = site.resolve(url, link["href"])
                if target.startswith("recommendations/"):
                    found.add((target.split("/")[1], minutes.id, heading["id"].removeprefix("minute-")))
    return found


def newest_meeting_first(site: Site, portal: Portal) -> None:
    for rec in portal.recommendations:
        url = f"recommendations/{rec.id}/"
        dates = [portal.minutes_doc(site.resolve(url, item.a["href"])[0].split("/")[1]).front.date
                 for item in site.content(url).select(".sp-discussed > li")]
        assert dates == sorted(dates, reverse=True), url


def cited_but_not_marked(portal: Portal) -> set[tuple[str, str, str]]:
    """Minutes a recommendation's record, updates or evidence cite that no clerk marked as discussing it."""
    marked_minutes = {(ref, minutes.front.date, number) for minutes in portal.minutes
                      for number, ids in minutes.front.minutes.items() for ref in ids}
    missing = set()
    for rec in portal.recommendations:
        sources = [rec.source] + [s for u in portal.updates if u.recommendation == rec.id
                                  for s in [u.source] + [e.source for e in u.evidence]]
        for src in sources:
            if src.meeting and src.minute and (rec.id, portal.meeting(src.meeting).date, src.minute) not in marked_minutes:
                missing.add((rec.id, src.meeting, src.minute))
    return missing
