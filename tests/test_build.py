"""Build the real site from the shipped data with `mkdocs build --strict` and check the HTML."""

from __future__ import annotations

import copy
import re
import subprocess
import sys

import pytest
from sites import PROJECT, Site, add_build_files, build

from macros.data.load import load_portal
from macros.data.model import Status
from macros.site.render import long_date, status_label


@pytest.fixture(scope="module")
def portal():
    return load_portal(PROJECT)


@pytest.fixture(scope="module")
def site(real_site) -> Site:
    return real_site


def test_strict_build_passes_with_no_warnings(tmp_path):
    result = build(PROJECT, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    assert "ERROR" not in result.stderr


def test_every_recommendation_has_a_page_showing_its_status(site, portal):
    assert len(portal.recommendations) == 12
    for rec in portal.recommendations:
        url = f"recommendations/{rec.id}/"
        heading = site.content(url).find("h1").get_text(" ", strip=True)
        assert heading.startswith(f"{rec.ref}: {portal.title_of(rec)}")
        facts = site.content(url).select_one(".sp-facts")
        status_cell = facts.find("dt", string="Status").find_next_sibling("dd")
        word = status_cell.select_one(".sp-status").get_text(strip=True)
        assert word == status_label(portal.latest(rec).status)
        assert "as at " + long_date(portal.latest(rec).date) in status_cell.get_text(" ")


def test_every_progress_update_appears_once_on_its_recommendation_page(site, portal):
    shown = 0
    for rec in portal.recommendations:
        entries = site.content(f"recommendations/{rec.id}/").select(".sp-history > .sp-update")
        history = portal.history(rec)
        assert len(entries) == len(history)
        for entry, update in zip(entries, history, strict=True):  # newest first, in the same order
            assert entry.find("time")["datetime"] == update.date.isoformat()
            assert " ".join(update.summary.split()) in " ".join(entry.get_text(" ").split())
            assert len(entry.select(".sp-evidence")) == len(update.evidence)
        shown += len(entries)
    assert shown == len(portal.updates)


def test_recommendations_table_lists_all_twelve_with_a_status_word(site, portal):
    table = site.content("recommendations/").find("table")
    assert table.find("caption")
    headers = [th.get_text(strip=True) for th in table.select("thead th")]
    assert headers == ["Ref", "Recommendation", "Theme", "Owner", "Status", "Last update"]
    rows = table.select("tbody tr")
    assert [row.find("td").get_text(strip=True) for row in rows] == [r.ref for r in portal.recommendations]
    words = {status_label(s) for s in Status}
    for row in rows:
        assert row.select_one(".sp-status").get_text(strip=True) in words


def test_unnamed_recommendations_say_title_to_be_confirmed(site, portal):
    untitled = [rec for rec in portal.recommendations if rec.title is None]
    assert [rec.ref for rec in untitled] == ["R11", "R12"]
    for rec in untitled:
        assert "Title to be confirmed from the published Ofsted report" in site.text(f"recommendations/{rec.id}/")


def test_home_page_shows_counts_by_status_latest_updates_and_next_report_back(site, portal):
    content = site.content("")
    counts = {li.select_one(".sp-status").get_text(strip=True): int(li.select_one(".sp-count").get_text())
              for li in content.select(".sp-counts > li")}
    assert sum(counts.values()) == 12
    assert counts == {"Not yet assessed": 12}
    assert len(content.select(".sp-latest > li")) == 5
    text = site.text("")
    assert "as at 15 May 2019" in text
    assert "11 September 2019" in text and "the September meeting" in text


@pytest.mark.parametrize("build_date, words, overdue", [
    ("2019-06-01", "6 open resolutions of the committee report back to this meeting.", False),
    ("2019-09-12", "6 open resolutions of the committee were due to report back to this meeting, and the "
                   "portal has no record that they have: Overdue as at 12 September 2019", True),
])
def test_home_says_a_report_back_is_overdue_only_once_its_meeting_has_passed(project, tmp_path, build_date, words,
                                                                             overdue):
    add_build_files(project.root)
    # As at June 2019 the figures reported in September 2019 did not exist yet: leave them out.
    for path in project.path("data/metrics").glob("*.yaml"):
        path.unlink()
    result = build(project.root, tmp_path / "site", PORTAL_BUILD_DATE=build_date)
    assert result.returncode == 0, result.stderr
    site = Site(tmp_path / "site")
    section = site.content("").select_one(".sp-report-backs")
    assert words in " ".join(section.get_text(" ").split())
    assert bool(section.select(".sp-overdue")) == overdue


def test_minutes_page_keeps_minute_numbers_as_anchors_with_the_gap(site):
    content = site.content("minutes/cypssc-2019-05-15-item-4/")
    anchors = [h["id"] for h in content.select(".sp-minutes .sp-minute-number")]
    assert anchors == [f"minute-4.{n}" for n in (1, 2, 3, 5, 6, 7, 8)]
    text = site.text("minutes/cypssc-2019-05-15-item-4/")
    assert "This was a watershed time for Children’s Social Care." in text
    assert "Requests progress on all recommendations of the above to be reported to the September meeting." in text


def test_every_word_of_the_seed_minutes_is_on_the_minutes_page_in_order(site):
    """Faithful transcription: the published text's words, bullets aside, all appear in order.
    ("Minutes:" became the heading "Minutes", so a trailing colon is not compared, and the
    resolutions' "1." … "6." became an ordered list, whose numbers are not text. The committee
    system's closing label "Supporting documents:" is not minutes, and the import takes it out.)"""
    seed = PROJECT / "tests" / "fixtures" / "seed" / "minutes-cypssc-ofsted-item4.txt"
    published = seed.read_text(encoding="utf-8").removesuffix("Supporting documents:")
    seed_words = [w.rstrip(":") for w in published.split()
                  if w not in ("·", "Ø") and not re.fullmatch(r"\d\.", w)]
    page_words = iter(w.rstrip(":") for w in site.text("minutes/cypssc-2019-05-15-item-4/").split())
    missing = [word for word in seed_words if not any(word == seen for seen in page_words)]
    assert not missing, f"first word not found in order: {missing[:1]}"


def test_every_internal_link_and_anchor_resolves(site):
    pages = set(site.pages())
    broken = []
    for url in pages:
        if not url.endswith("/") and url != "":
            continue  # 404.html and similar are not linked from content
        for tag in site.html(url).find_all(["a", "link"], href=True):
            href = tag["href"]
            if re.match(r"^[a-z]+:", href):
                continue  # external: http(s), mailto
            target, fragment = site.resolve(url, href)
            if not site.file_for(target).exists():
                broken.append(f"{url} → {href} (no file)")
            elif fragment and not site.html(target).find(id=fragment):
                broken.append(f"{url} → {href} (no #{fragment})")
    assert not broken, "\n".join(broken)


def test_dates_read_like_15_may_2019_never_as_iso(site):
    """Dates a reader sees; text in code (a file name, what a clerk types, in the guide) is not one."""
    for url in site.pages():
        if (url.endswith("/") or url == "") and site.content(url):
            content = copy.copy(site.content(url))
            for code in content.select("code, pre"):
                code.decompose()
            assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", content.get_text(" ")), url


def test_navigation_stays_short_and_lists_no_individual_records(site):
    nav = site.html("").select(".md-nav--primary > .md-nav__list > .md-nav__item")
    titles = [item.get_text(" ", strip=True) for item in nav]
    assert len(titles) <= 8
    links = [a["href"] for a in site.html("").select(".md-nav--primary a[href]")]
    assert not any("ofsted-2019-r" in href or "minutes/" in href for href in links)


def test_no_request_leaves_the_site(site):
    """No Google Fonts or other third-party assets: every stylesheet and script is our own."""
    for url in site.pages():
        page = site.html(url)
        for tag in page.find_all(["link", "script", "img"]):
            ref = tag.get("href") or tag.get("src") or ""
            if tag.name == "link" and tag.get("rel") in (["canonical"], ["alternate"]):
                continue
            assert not re.match(r"^(https?:)?//", ref), f"{url} loads {ref}"


def test_the_core_never_imports_mkdocs():
    code = ("import sys, macros.data.load, macros.site.render, macros.cli, macros.site.pages, macros.publish.exports, "
            "macros.clerks.importing.command, macros.clerks.importing.webpage, macros.clerks.importing.word, "
            "macros.clerks.safeguarding; "
            "sys.exit(any(m.split('.')[0] in ('mkdocs', 'material', 'mkdocs_macros') for m in sys.modules))")
    assert subprocess.run([sys.executable, "-c", code], cwd=PROJECT).returncode == 0


def test_each_resolution_shows_what_it_asks_who_when_it_reports_back_and_a_dated_status(site, portal):
    assert len(portal.resolutions) == 6
    for resolution in portal.resolutions:
        card = site.content("resolutions/").find(id=resolution.id)
        facts = {dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(" ", strip=True)
                 for dt in card.select(".sp-facts dt")}
        assert " ".join(resolution.asks.split()) in facts["What it asks"]
        assert " ".join(resolution.who.split()) in facts["Who"]
        assert facts["Reports back"].startswith("11 September 2019 (the September meeting)")
        assert facts["Status"].startswith("Open as at 15 May 2019")
        assert " ".join(resolution.text.split()) in card.find("blockquote").get_text(" ", strip=True)


def test_recommendation_pages_link_to_exactly_the_minutes_marked_as_discussing_them(site, portal):
    from references import backlinks, links_under_minutes, marked, newest_meeting_first

    assert marked(portal)  # the real minutes do mark what they discuss
    assert backlinks(site, portal) == marked(portal)
    assert links_under_minutes(site, portal) == marked(portal)
    newest_meeting_first(site, portal)


def test_each_minute_links_to_the_themes_and_resolutions_it_discusses(site, portal):
    url = "minutes/cypssc-2019-05-15-item-4/"
    content = site.content(url)
    themes = content.find(id="minute-4.6").find_next_sibling(class_="sp-minute-refs")
    assert [a.get_text() for a in themes.select("a")] == [t.name for t in portal.themes.themes]
    resolutions = content.find(id="minute-4.8").find_next_sibling(class_="sp-minute-refs")
    assert [site.resolve(url, a["href"]) for a in resolutions.select("a")] == [
        (f"meetings/{r.meeting}/", r.id) for r in portal.resolutions]  # set out on their meeting's page


def test_each_timeline_lists_every_status_change_in_the_data(site, portal):
    from timeline import check_targets, check_timelines

    check_timelines(site, portal)
    check_targets(site, portal)  # the real data has no target dates yet: no table is drawn


def test_the_actions_tracker_lists_every_resolution(site, portal):
    rows = [row["id"] for row in site.content("actions/").select("tbody tr")]
    assert sorted(rows) == sorted(r.id for r in portal.resolutions)


def test_every_status_word_links_to_its_plain_language_definition(site):
    from definitions import check_status_links

    check_status_links(site)


def test_what_changed_says_there_is_nothing_to_compare_with_one_meeting(site, portal):
    from changes import check_changes

    assert check_changes(site, portal) == 0
    assert "so there is nothing to compare yet" in site.text("changes/")
    assert "so there is nothing to compare yet" in site.text("")


def test_the_figures_reported_in_september_2019_are_charted_as_reported_with_their_press_source(site, portal):
    assert {m.id for m in portal.metrics} == {"average-caseload-experienced", "average-caseload-newly-qualified",
                                              "vacancy-rate"}
    page = site.content("metrics/")
    assert len(page.select("svg.sp-chart")) == 3
    vacancy = page.find(id="vacancy-rate")
    rows = [[" ".join(cell.get_text(" ").split()) for cell in row.find_all(["th", "td"])]
            for row in vacancy.select("tbody tr")]
    # Two figures were reported for a month, not a day: no day is made up for them.
    assert [row[:2] for row in rows] == [["February 2019", "18.5"], ["August 2019", "5.19"],
                                         ["11 September 2019", "2"]]
    assert all("as reported by Crawley Observer" in row[2] and "(press report)" in row[2] for row in rows)
    experienced = page.find(id="average-caseload-experienced")
    assert experienced.select_one("tbody td").get_text(strip=True) == "18 to 22"  # a range stays a range
    assert experienced.select_one("svg .sp-chart-range") is not None
    assert "Target: 18." in experienced.get_text(" ")


def test_the_real_site_has_no_measures_of_success_yet_and_says_so(site, portal):
    # No published source gives the real recommendations measures of success: none is invented.
    assert all(rec.success is None for rec in portal.recommendations)
    for rec in portal.recommendations:
        facts = site.content(f"recommendations/{rec.id}/").select_one(".sp-facts")
        shown = facts.find("dt", string="Measures of success").find_next_sibling("dd")
        assert " ".join(shown.get_text().split()) == "Not recorded: no source yet sets measures of success."


def test_every_recommendation_page_shows_its_changes_from_the_repository(site, portal):
    for rec in portal.recommendations:
        entries = site.content(f"recommendations/{rec.id}/").select("#record-changes .sp-changes > li")
        assert entries, rec.id  # the tests run in a clone of the repository, with its history
        oldest = [" ".join(li.get_text().split()) for li in entries[-1].select("ul > li")]
        assert oldest == ["Recommendation added", "Status reported as not yet assessed", "Update of 15 May 2019 added"]
    for resolution in portal.resolutions:
        assert site.content("resolutions/").find(id=f"changes-{resolution.id}").find_next_sibling("ol")


def test_the_printable_report_has_every_recommendation(site, portal):
    from report import check_report

    check_report(site, portal)



def test_every_minute_the_real_data_cites_about_a_recommendation_is_marked_as_discussing_it(portal):
    from references import cited_but_not_marked

    assert cited_but_not_marked(portal) == set()
