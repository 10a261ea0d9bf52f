"""What others found: other bodies' findings on the real and the FICTIONAL example sites, the overall
picture computed from them, the freshness of what the council reported, and every source followable."""

from __future__ import annotations

import datetime as dt

import pytest
from bs4 import BeautifulSoup
from conftest import EXAMPLE_BUILD_DATE
from findings import check_findings_on_recommendations, check_findings_page, check_sources_shown, words
from sites import EXAMPLE, PROJECT

from macros.data import model
from macros.data.load import load_portal
from macros.site.render import Renderer, long_date


@pytest.fixture(scope="module")
def portal():
    return load_portal(PROJECT)


@pytest.fixture(scope="module")
def example_portal():
    return load_portal(EXAMPLE)


def page(portal, name: str, today: dt.date, url: str = "") -> BeautifulSoup:
    """A summary page (home, findings …) rendered on a given build date, as HTML."""
    return BeautifulSoup(Renderer(portal, None, today).summary(url, name), "html.parser")


def recommendation(portal, rec_id: str, today: dt.date) -> BeautifulSoup:
    url = f"recommendations/{rec_id}/"
    return BeautifulSoup(Renderer(portal, None, today).recommendation_page(url, rec_id), "html.parser")


# --- the real public record ------------------------------------------------------------------------


def test_the_real_findings_are_the_public_record_since_2019(portal):
    timeline = [(f.date.isoformat(), f.body, f.kind.value) for f in portal.others.timeline]
    assert timeline == [
        ("2019-05-08", "ofsted", "inspection"),
        ("2019-06-04", "department-for-education", "direction"),
        ("2019-12-17", "dfe-commissioner", "commissioner's report"),
        ("2020-12-04", "ofsted", "visit"),
        ("2020-12-10", "dfe-commissioner", "commissioner's report"),
        ("2020-12-10", "department-for-education", "direction"),
        ("2021-06-23", "ofsted", "monitoring visit"),
        ("2022-03-31", "department-for-education", "direction"),
        ("2022-03-31", "dfe-commissioner", "commissioner's report"),
        ("2023-05-11", "ofsted", "inspection"),
        ("2023-05-11", "department-for-education", "direction lifted"),
    ]
    # A finding names a recommendation only where it plainly addresses its subject.
    named = {f.id: [n.recommendation[-3:] for n in f.recommendations] for f in portal.findings if f.recommendations}
    assert named == {
        "ofsted-2020-visit": ["r04"],
        "ofsted-2021-monitoring-visit": ["r01", "r03", "r05"],
        "ofsted-2023-inspection": ["r01", "r04", "r06", "r07"],
    }


def test_nothing_still_unknown_is_filled_in(portal):
    """The public record gives no per-recommendation status after May 2019, no wording of the two
    unnamed recommendations and no mapping of themes: the portal must not invent them."""
    assert {u.date for u in portal.updates} == {dt.date(2019, 5, 15)}
    assert {u.status for u in portal.updates} == {model.Status.NOT_YET_ASSESSED}
    assert [r.ref for r in portal.recommendations if r.title is None] == ["R11", "R12"]
    assert not any(t.recommendations for t in portal.themes.themes)
    assert not any(n.recommendation in ("ofsted-2019-r11", "ofsted-2019-r12")
                   for f in portal.findings for n in f.recommendations)


def test_each_real_finding_is_shown_in_full_with_its_sources(real_site, portal):
    assert check_findings_page(real_site, portal) == 11


def test_a_real_finding_is_shown_on_exactly_the_recommendations_it_names(real_site, portal):
    assert check_findings_on_recommendations(real_site, portal) == 8


def test_the_home_page_computes_the_overall_picture_from_the_real_findings(real_site):
    picture = real_site.content("").select_one(".sp-picture")
    text = words(picture)
    assert "Latest inspection judgement Requires improvement to be good for overall effectiveness" in text
    assert "Better than at the first inspection recorded here, which judged it Inadequate (8 May 2019)" in text
    assert [words(li) for li in picture.select(".sp-grades > li")] == [
        "8 May 2019: Inadequate (Ofsted's inspection of the council's children's social care services, 2019)",
        "11 May 2023: Requires improvement to be good (Ofsted's inspection of the council's children's social "
        "care services, 2023)"]
    assert ("Statutory direction Not in force: lifted on 11 May 2023 (issued on 4 June 2019, revised on "
            "10 December 2020 and 31 March 2022)") in text
    for link in picture.select("a"):
        target, fragment = real_site.resolve("", link["href"])
        assert target == "findings/" and real_site.content(target).find(id=fragment), link["href"]


def test_the_journey_lists_every_finding_and_press_report_of_a_meeting_oldest_first(real_site, portal):
    steps = real_site.content("").select(".sp-journey > li")
    reports = [(m, r) for m in portal.meetings for r in m.reports]
    assert len(steps) == len(portal.findings) + len(reports) == 13
    days = [li.time["datetime"] for li in steps]
    assert days == sorted(days)
    september = next(words(li) for li in steps if li.time["datetime"] == "2019-09-11")
    # A press report of a meeting is the press's account, never the council's words or the minutes.
    assert september.startswith("11 September 2019: at the committee's meeting of 11 September 2019, "
                                "as reported by Crawley Observer: The Children First Improvement Plan")
    for meeting, report in reports:  # on the page of the meeting
        url = f"meetings/{meeting.id}/"
        item = real_site.content(url).find(id=f"report-{meeting.id}")
        assert " ".join(report.text.split()) in words(item)
        check_sources_shown(real_site, url, item, [report.source])


def test_every_document_source_on_every_page_is_linked_or_says_why_not(real_site, portal):
    documents = [s for s in portal.sources() if s.document]
    assert len(documents) > 30 and all(s.publisher and s.kind for s in documents)
    assert sum(not s.online for s in documents) == 2  # the June and July 2019 meetings: the reason is given
    for url in real_site.pages():
        content = real_site.content(url) if url.endswith("/") or url == "" else None
        for cited in content.select(".sp-source cite") if content else []:
            assert "Not online: " in words(cited.parent), (url, words(cited))
        for link in content.select(".sp-source a[rel~=external]") if content else []:
            assert link["href"].startswith("https://"), (url, link["href"])
    about = real_site.content("about/")
    check_sources_shown(real_site, "about/", about, portal.documents_cited())


def test_the_three_facts_once_cited_to_the_meeting_list_now_name_their_real_sources(portal):
    facts = {fact.text.split(":")[0].split(".")[0]: fact.source for fact in portal.sets[0].facts}
    judged = facts["Ofsted judged the council's children's social care services inadequate"]
    assert (judged.publisher, judged.url) == (
        "West Sussex County Council", "https://www.westsussex.gov.uk/campaigns/ofsted-inspection-of-childrens-services/")
    assert facts["Ofsted published its report on 8 May 2019"].url == judged.url
    on_site = facts["The inspectors were on site from 25 February to 8 March 2019"]
    assert on_site.kind == model.DocumentKind.COUNCIL_PAPER and on_site.url.startswith("https://sambuz.com/")
    assert portal.meeting("cypssc-2019-05-15").source.url.endswith("ieListDocuments.aspx?MId=2166")
    assert portal.meeting("cypssc-2019-09-11").source.kind == model.DocumentKind.PRESS


# --- freshness, against a fixed build date ---------------------------------------------------------


@pytest.mark.parametrize("today, flagged", [(dt.date(2019, 11, 15), False), (dt.date(2019, 11, 16), True)])
def test_a_status_older_than_six_months_is_flagged_from_the_next_day(portal, today, flagged):
    home = page(portal, "home", today)
    rec = recommendation(portal, "ofsted-2019-r01", today)
    assert bool(rec.select(".sp-facts .sp-stale")) == flagged
    assert ("more than six months before these pages were built" in words(rec)) == flagged
    assert bool(home.select(".sp-glance .sp-stale")) == flagged
    table = page(portal, "recommendations", today, "recommendations/")
    assert len(table.select("tbody .sp-stale")) == (12 if flagged else 0)
    if flagged:
        assert "All 12 have had no status reported for more than six months" in words(home)


def test_the_home_page_says_how_recent_it_is_and_what_each_as_at_date_means(real_site):
    text = words(real_site.content("").select_one(".sp-freshness"))
    assert text.startswith("The council's latest reported status is from 15 May 2019; the latest finding by "
                           "another body is from 11 May 2023.")
    built = words(real_site.html("").select_one(".sp-build time"))  # the footer's "as at"
    assert (f"“as at 15 May 2019” beside a status is the date the council reported it, while “as at {built}” "
            "is the date these pages were built") in text


def test_a_recommendation_page_says_how_recent_its_status_and_findings_are(portal):
    text = words(recommendation(portal, "ofsted-2019-r01", dt.date(2026, 12, 1)))
    assert ("How recent this is: the council's latest reported status for R01 is from 15 May 2019, more than six "
            "months before these pages were built on 1 December 2026, so it may no longer be current. The latest "
            "finding by another body about its subject is from 11 May 2023, after the council's latest reported "
            "status.") in text
    assert "No finding by another body in this portal names it." in words(recommendation(
        portal, "ofsted-2019-r02", dt.date(2019, 6, 1)))


def test_the_picture_is_computed_as_at_the_build_date(portal):
    """Built on earlier dates, the same data tells the story as it stood then."""
    before = words(page(portal, "home", dt.date(2019, 5, 10)).select_one(".sp-picture"))
    assert "Inadequate for overall effectiveness" in before and "No statutory direction is recorded" in before
    assert "nothing to compare it with yet" in before
    during = words(page(portal, "home", dt.date(2021, 1, 1)).select_one(".sp-picture"))
    assert "In force as at 1 January 2021: issued by Department for Education on 4 June 2019, revised on " \
           "10 December 2020." in during
    r01 = recommendation(portal, "ofsted-2019-r01", dt.date(2022, 1, 1))
    assert [li["data-finding"] for li in r01.select(".sp-findings > li")] == ["ofsted-2021-monitoring-visit"]


def test_the_picture_follows_the_data_not_the_template(project):
    """Add a later inspection and a new direction: the picture changes with them."""
    project.write("data/findings.yaml", project.read("data/findings.yaml") + """
  - id: ofsted-2026-inspection
    date: 2026-03-01
    body: ofsted
    kind: inspection
    title: A made-up later inspection, for this test
    summary: Made up for this test.
    overall: inadequate
    sources:
      - document: A made-up report
        publisher: Ofsted
        kind: official publication
        url: https://example.org/report
  - id: dfe-direction-2026
    date: 2026-04-01
    body: department-for-education
    kind: direction
    title: A made-up direction, for this test
    summary: Made up for this test.
    sources:
      - document: A made-up direction
        publisher: Department for Education
        kind: official publication
        url: https://example.org/direction
""")
    text = words(page(project.load(), "home", dt.date(2026, 6, 1)).select_one(".sp-picture"))
    assert "Latest inspection judgement Inadequate for overall effectiveness: A made-up later inspection" in text
    assert "The same as at the first inspection recorded here" in text
    assert "In force as at 1 June 2026: issued by Department for Education on 1 April 2026." in text


# --- the FICTIONAL example ---------------------------------------------------------------------------


def test_the_example_shows_every_kind_of_finding_on_its_pages(example_site, example_portal):
    assert {f.kind for f in example_portal.findings} >= {"inspection", "monitoring visit", "direction",
                                                          "commissioner's report"}
    assert check_findings_page(example_site, example_portal) == len(example_portal.findings)
    assert check_findings_on_recommendations(example_site, example_portal) == 5
    picture = words(example_site.content("").select_one(".sp-picture"))
    assert "In force as at 1 April 2023: issued by The government department (fictional) on 15 January 2021, " \
           "revised on 10 February 2022." in picture
    assert "Better than at the first inspection recorded here, which judged it Inadequate" in picture


def test_the_example_shows_a_finding_that_disagrees_with_the_councils_reported_status(example_site, example_portal):
    """R1 was reported complete on 15 March 2023; the re-inspection of 24 March 2023 found caseloads still
    above target in two teams. Both are shown, each as what it is: neither overrides the other."""
    rec = example_portal.recommendation("insp-2020-r1")
    assert example_portal.latest(rec).status == model.Status.COMPLETE
    content = example_site.content("recommendations/insp-2020-r1/")
    status = content.select_one(".sp-facts .sp-status")
    assert words(status) == "Complete"
    newest = content.select_one(".sp-findings > li")
    assert newest["data-finding"] == "insp-2023-inspection"
    assert "Caseloads were still above the council's target in two teams." in words(newest)
    assert "Published after the council's latest reported status for R1 (15 March 2023)." in words(newest)


def test_the_example_flags_the_statuses_not_reported_for_six_months_on_its_build_date(example_site, example_portal):
    today = dt.date.fromisoformat(EXAMPLE_BUILD_DATE)
    flagged = {rec.id for rec in example_portal.recommendations
               if example_site.content(f"recommendations/{rec.id}/").select(".sp-facts .sp-stale")}
    assert flagged == {"insp-2020-r2", "insp-2020-r4"}  # last reported 16 March 2022
    for rec in example_portal.recommendations:
        old = example_portal.latest(rec).date < today.replace(year=today.year - 1, month=10)
        assert (rec.id in flagged) == old
    table = example_site.content("recommendations/")
    assert {tr["id"] for tr in table.select("tbody tr") if tr.select(".sp-stale")} == flagged
    report = example_site.content("report/")
    assert {tr["id"].removeprefix("report-") for tr in report.select("tbody tr") if tr.select(".sp-stale")} == flagged
    assert "2 of the 4 have had no status reported for more than six months" in words(example_site.content(""))
    assert long_date(today) in words(example_site.content("").select_one(".sp-freshness"))


# --- downloads and feeds ------------------------------------------------------------------------------

SITE_URL = "https://example.org/portal/"


@pytest.mark.parametrize("which", ["real", "example"])
def test_the_downloads_carry_every_finding_its_sources_judgements_and_notes(which, portal, example_portal):
    import csv
    import io
    import json

    from macros.publish.exports import export_files

    data = portal if which == "real" else example_portal
    files = export_files(data, SITE_URL)

    def rows(name):
        from_json = json.loads(files[f"{name}.json"])["rows"]
        from_csv = list(csv.DictReader(io.StringIO(files[f"{name}.csv"].decode("utf-8"), newline="")))
        assert len(from_json) == len(from_csv) and [r.get("finding", r.get("id")) for r in from_json] == [
            r.get("finding", r.get("id")) for r in from_csv]
        return from_json

    found = rows("findings")
    assert [(r["id"], r["date"], r["kind"], r["overall"]) for r in found] == [
        (f.id, f.date.isoformat(), f.kind.value, f.overall and f.overall.value) for f in data.others.timeline]
    assert all(r["url"] == f"{SITE_URL}findings/#{r['id']}" for r in found)
    notes = rows("finding-notes")
    assert [(r["finding"], r["recommendation"], r["said"]) for r in notes] == [
        (f.id, n.recommendation, n.said) for f in data.others.timeline for n in f.recommendations]
    sources = rows("finding-sources")
    expected = [(f.id, s) for f in data.others.timeline for s in f.sources]
    assert [(r["finding"], r["source_document"], r["source_publisher"], r["source_kind"]) for r in sources] == [
        (fid, s.document, s.publisher, s.kind.value) for fid, s in expected]
    for row, (_, src) in zip(sources, expected, strict=True):
        assert (row["source_url"], row["source_why_no_url"]) == ((src.url, None) if src.online else (None, src.why_no_url))
    judged = rows("finding-judgements")
    assert len(judged) == sum(bool(f.overall) + len(f.judgements) for f in data.findings)
    reports = rows("meeting-reports")
    assert [(r["meeting"], r["text"]) for r in reports] == [
        (m.id, r.text) for m in sorted(data.meetings, key=lambda m: m.date) for r in m.reports]


def test_the_feeds_carry_the_findings_each_recommendation_feed_exactly_those_that_name_it(portal):
    import feedparser

    from macros.publish.exports import export_files

    files = export_files(portal, SITE_URL)
    everything = feedparser.parse(files["feeds/all.atom"])
    entries = {e.id: e for e in everything.entries if "/findings/" in e.id}
    assert set(entries) == {f"{SITE_URL}findings/#{f.id}" for f in portal.findings}
    days = [e.updated[:10] for e in everything.entries]
    assert days == sorted(days, reverse=True)  # newest first, findings among the updates and minutes
    inspection = entries[f"{SITE_URL}findings/#ofsted-2023-inspection"]
    assert inspection.title == ("Ofsted: Ofsted's inspection of the council's children's social care services, 2023 "
                                "(11 May 2023)")
    assert inspection.updated.startswith("2023-05-11")
    assert "shown apart from the council's reported status" in inspection.summary
    assert "Overall effectiveness: Requires improvement to be good." in inspection.summary
    assert "as reported by BBC News" in inspection.summary
    for rec in portal.recommendations:
        own = feedparser.parse(files[f"feeds/{rec.id}.atom"])
        ids = {e.id for e in own.entries if "/findings/" in e.id}
        assert ids == {f"{SITE_URL}findings/#{f.id}" for f, _ in portal.others.about(rec.id)}, rec.id


def test_url_none_may_be_written_with_a_capital_and_is_shown_with_its_reason(project):
    project.replace("data/meetings.yaml", "      url: none\n", "      url: None\n")
    source = project.load().meeting("cypssc-2019-06-19").source
    assert (source.url, source.online) == ("none", False)
    assert source.why_no_url.startswith("The date was taken from the council's committee website")


def test_a_version_written_before_sources_named_publisher_kind_and_url_still_reads_for_the_history(project):
    """The history reads every old version with today's model: asking for a document's publisher,
    kind and address is a check on the current data, so older versions are not lost to it."""
    import re

    from macros.data.load import read_version

    text = project.read("data/recommendations/ofsted-2019.yaml")
    old = re.sub(r"(?m)^\s+(publisher|kind|url|why_no_url): .*\n", "", text)
    assert "publisher:" not in old and "document:" in old
    assert read_version("data/recommendations/ofsted-2019.yaml", old.encode(), model.RecommendationSet) is not None
    project.write("data/recommendations/ofsted-2019.yaml", old)
    messages = [p.message for p in project.problems() if p.file == "data/recommendations/ofsted-2019.yaml"]
    assert len(messages) == 3 and all("does not say who published it" in m for m in messages)
