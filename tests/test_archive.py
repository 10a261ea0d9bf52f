"""A long archive (the FICTIONAL generated one of tests/archive.py): the properties that keep a
portal of hundreds of meetings fast and light, checked at a small size without timing anything.

- Every question the portal asks is a lookup: the work of checking and rendering every page,
  counted as records visited, grows with the archive, not with its square.
- Pages that sum up the archive stay the same size as it grows, and no page carries a list of
  every meeting, in its navigation or its content.
- Every meeting is reached by following links from the home page, through small index pages.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from archive import make_archive
from browser import DESKTOP, watch_requests
from sites import Site, build

from macros import SUMMARY_PAGES
from macros.data.load import load_portal
from macros.data.validate import check_portal
from macros.site.edits import SHOWN
from macros.site.pages import PAGE_FOLDERS
from macros.site.render import Renderer

SMALL, LARGE = 40, 160  # meetings; LARGE is four times SMALL


class Counting(list):
    """A list that counts the records visited each time it is searched or gone through."""

    visits = 0

    def __iter__(self):
        Counting.visits += len(self)
        return super().__iter__()

    def __contains__(self, item):
        Counting.visits += len(self)
        return super().__contains__(item)


GROWING = ("meetings", "minutes", "updates", "resolutions", "actions", "metrics", "commitments")


def work(folder: Path, meetings: int) -> tuple[int, dict[str, int]]:
    """Load a generated archive; count the records visited to check it and render every page, and
    measure each page the portal makes from the whole archive (characters of content). Every list
    a page shows the latest of is cut to a few here, so that even the small archive fills them and
    what is left to grow is anything that is not cut."""
    today = make_archive(folder, meetings)
    portal = load_portal(folder)
    for name in GROWING:
        object.__setattr__(portal, name, Counting(getattr(portal, name)))
    portal.locations._keep = Counting(portal.locations._keep)
    Counting.visits = 0
    assert check_portal(portal, today) == []
    renderer = Renderer(portal, today=today)
    for folder_name, (macro, ids) in PAGE_FOLDERS.items():
        for record_id in ids(portal):
            getattr(renderer, macro)(f"{folder_name}/{record_id}/", record_id)
    sizes = {name: len(renderer.summary(f"{name}/", name)) for name in SUMMARY_PAGES}
    return Counting.visits, sizes


@pytest.fixture(scope="module")
def measured(tmp_path_factory):
    kept = dict(SHOWN)
    SHOWN.update(dict.fromkeys(SHOWN, 2))
    try:
        return {n: work(tmp_path_factory.mktemp(f"archive-{n}"), n) for n in (SMALL, LARGE)}
    finally:
        SHOWN.update(kept)


def test_checking_and_rendering_every_page_visits_records_in_proportion_to_the_archive(measured):
    small, large = measured[SMALL][0], measured[LARGE][0]
    # Four times the meetings (and so about four times every other record): linear work is about
    # four times as much, a search per question about sixteen times.
    assert large / small < 6, f"{small} record visits at {SMALL} meetings, {large} at {LARGE}: not linear"


@pytest.mark.parametrize("name", SUMMARY_PAGES)
def test_pages_that_sum_up_the_archive_stay_the_same_size_as_it_grows(measured, name):
    small, large = measured[SMALL][1][name], measured[LARGE][1][name]
    assert large <= 1.5 * small + 2000, f"{name}: {small} characters at {SMALL} meetings, {large} at {LARGE}"


@pytest.fixture(scope="module")
def archive_site(tmp_path_factory):
    """The generated archive of SMALL meetings, built as `make build` builds (search index too)."""
    root = tmp_path_factory.mktemp("archive-project")
    today = make_archive(root, SMALL)
    folder = tmp_path_factory.mktemp("archive-site")
    result = build(root, folder, PORTAL_BUILD_DATE=today.isoformat())
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return Site(folder), load_portal(root)


def test_no_meeting_is_in_the_navigation_that_every_page_carries(archive_site):
    site, portal = archive_site
    navigations = set()
    for url in ("", "meetings/", f"meetings/{portal.meetings[0].id}/", f"minutes/{portal.minutes[-1].id}/"):
        nav = site.html(url).select_one("nav.md-nav--primary")
        for contents in nav.select("nav.md-nav--secondary"):  # the page's own contents, on a phone
            contents.decompose()
        links = [a["href"] for a in nav.select("a[href]")]
        assert not [href for href in links if "meetings/" in href and not href.rstrip("/").endswith("meetings")], url
        assert not [href for href in links if "minutes/" in href or "years/" in href], url
        navigations.add(len(links))
    assert len(navigations) == 1  # the same menu everywhere, whatever the page


def test_every_meeting_and_minutes_page_is_reached_from_the_home_page_by_following_links(archive_site):
    site, portal = archive_site
    seen, queue = {""}, [""]
    while queue:
        url = queue.pop()
        for a in site.html(url).select("a[href]"):
            target, _ = site.resolve(url, a["href"])
            if target not in seen and site.file_for(target).is_file() and not target.startswith(("data/", "schemas/")):
                seen.add(target)
                queue.append(target)
    missing = [f"meetings/{m.id}/" for m in portal.meetings if f"meetings/{m.id}/" not in seen]
    missing += [f"minutes/{m.id}/" for m in portal.minutes if f"minutes/{m.id}/" not in seen]
    assert not missing, f"{len(missing)} pages no link leads to, e.g. {missing[:3]}"


def test_every_meeting_is_listed_on_its_years_page_which_the_meetings_page_links_to(archive_site):
    site, portal = archive_site
    index = {site.resolve("meetings/", a["href"])[0] for a in site.content("meetings/").select("a[href]")}
    for year in portal.meeting_index.years:
        assert f"years/{year}/" in index
        listed = {site.resolve(f"years/{year}/", a["href"])[0] for a in site.content(f"years/{year}/").select("a")}
        assert {f"meetings/{m.id}/" for m in portal.meeting_index.in_year[year]} <= listed, year


def test_a_meeting_page_sets_out_what_the_meeting_did(archive_site):
    site, portal = archive_site
    meeting = next(m for m in portal.meetings if portal.index.resolutions_at.get(m.id) and portal.minutes_of(m))
    content = site.content(f"meetings/{meeting.id}/")
    for resolution in portal.index.resolutions_at[meeting.id]:
        assert content.find(id=resolution.id), resolution.id
    for item in portal.meeting_index.agreed(meeting):
        assert content.find(id=item.id), item.id
    hrefs = {site.resolve(f"meetings/{meeting.id}/", a["href"])[0] for a in content.select("a[href]")}
    assert {f"minutes/{m.id}/" for m in portal.minutes_of(meeting)} <= hrefs


def test_pages_of_the_archive_load_no_search_index_until_a_reader_searches(archive_site, new_page):
    from browser import serve

    site, portal = archive_site
    page = new_page(viewport=DESKTOP)
    requests = watch_requests(page.context)
    with serve(site.folder) as server:
        for url in ("", "meetings/", f"meetings/{portal.meetings[-5].id}/", "changes/"):
            page.goto(f"{server}/{url}")
        assert [url for url in requests if "/pagefind/" in url] == []
        page.goto(f"{server}/search/?q=fostering")
        page.locator(".sp-search-result").first.wait_for(timeout=10_000)
    assert any("/pagefind/" in url for url in requests)
