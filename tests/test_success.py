"""What "done" looks like (measures of success and the evidence they were met) and the reason for every
change of status, on the FICTIONAL example's pages, report, feeds and downloads; and each example
record's changes from the project's own repository."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from sites import EXAMPLE, PROJECT, Site

from macros.data import model
from macros.data.load import load_portal
from macros.site.render import Renderer

FLAG_NO_EVIDENCE = "Reported complete without evidence that its measures of success were met"
FLAG_NO_MEASURES = "Reported complete without measures of success"


@pytest.fixture(scope="module")
def portal():
    return load_portal(EXAMPLE)


def words(element) -> str:
    return " ".join(element.get_text(" ").split())


def success_of(site: Site, rec_id: str):
    facts = site.content(f"recommendations/{rec_id}/").select_one(".sp-facts")
    term = facts.find("dt", string="Measures of success")
    return term.find_next_sibling("dd")


def test_measures_of_success_and_their_evidence_are_shown_beside_the_status(example_site, portal):
    for rec in portal.recommendations:
        shown = success_of(example_site, rec.id)
        if rec.success is None:
            assert words(shown) == "Not recorded: no source yet sets measures of success.", rec.id
            continue
        assert [li.get_text() for li in shown.select(".sp-measures > li")] == rec.success.measures
        assert rec.success.source.document in words(shown)
        quotes = [words(q) for q in shown.select(".sp-evidence blockquote")]
        assert quotes == [f"“{e.quote}”" for e in rec.success.evidence if e.quote], rec.id
        assert ("No evidence yet that they were met." in words(shown)) == (not rec.success.evidence)


def test_a_completion_that_cannot_show_its_measures_were_met_is_flagged(example_site, portal):
    latest = {rec.id: portal.latest(rec).status for rec in portal.recommendations}
    assert latest["insp-2020-r1"] == latest["insp-2020-r2"] == model.Status.COMPLETE
    flags = {rec.id: [words(a) for a in success_of(example_site, rec.id).select("a.sp-flag")]
             for rec in portal.recommendations}
    assert flags == {"insp-2020-r1": [], "insp-2020-r2": [FLAG_NO_EVIDENCE], "insp-2020-r3": [], "insp-2020-r4": []}
    report = example_site.content("report/")
    assert [words(a) for a in report.find(id="report-insp-2020-r2").select("a.sp-flag")] == [FLAG_NO_EVIDENCE]
    assert not report.find(id="report-insp-2020-r1").select("a.sp-flag")
    measures = [li.get_text() for li in report.find(id="report-insp-2020-r1").select(".sp-measures li")]
    assert measures == portal.recommendation("insp-2020-r1").success.measures


def test_complete_with_no_measures_at_all_is_flagged_too(tmp_path):
    shutil.copytree(EXAMPLE / "data", tmp_path / "data")
    progress = tmp_path / "data" / "progress" / "2023-03-15.yaml"
    progress.write_text(progress.read_text(encoding="utf-8") + (
        "  - recommendation: insp-2020-r4\n    date: 2023-03-15\n    status: complete\n"
        "    reason: Care plans were reviewed.\n    summary: Reported as delivered.\n"
        "    source:\n      meeting: hcssc-2023-03-15\n      minute: 4.1\n"), encoding="utf-8")
    portal = load_portal(tmp_path)
    page = BeautifulSoup(Renderer(portal).recommendation_page("recommendations/insp-2020-r4/", "insp-2020-r4"),
                         "html.parser")
    flag = page.select_one(".sp-success a.sp-flag")
    assert words(flag) == FLAG_NO_MEASURES and flag["href"] == "../../definitions/#term-measures-of-success"


def test_every_change_of_status_shows_the_reason_given(example_site, portal):
    for rec in portal.recommendations:
        timeline = example_site.content(f"recommendations/{rec.id}/").select("ol.sp-timeline > li")
        changed = [u for u, previous in portal.status_changes(rec) if previous is not None]
        assert changed and all(u.reason for u in changed), rec.id
        shown = [words(li.select_one(".sp-reason")) for li in timeline if li.select_one(".sp-reason")]
        assert shown == [f"Reason given: {u.reason}" for u in changed], rec.id


def test_the_feeds_say_how_an_update_changed_the_status_and_why(example_site, portal):
    atom = "{http://www.w3.org/2005/Atom}"
    rec = portal.recommendation("insp-2020-r1")
    feed = ET.fromstring((example_site.folder / "data" / "feeds" / f"{rec.id}.atom").read_bytes())
    summaries = [e.findtext(f"{atom}summary") for e in feed.findall(f"{atom}entry")]
    for update, previous in portal.status_changes(rec):
        expected = (f" Status changed from {previous.value} to {update.status.value}. Reason given: {update.reason}"
                    if previous else "")
        assert sum(s.endswith(update.summary + expected) for s in summaries) == 1, update.date


def test_the_downloads_hold_the_reasons_and_the_measures_of_success(example_site, portal):
    def rows(name):
        return json.loads((example_site.folder / "data" / f"{name}.json").read_text(encoding="utf-8"))["rows"]

    assert {(r["recommendation"], r["date"]): r["reason"] for r in rows("progress-updates")} == {
        (u.recommendation, u.date.isoformat()): u.reason for u in portal.updates}
    assert [(r["recommendation"], r["measure"], r["evidence_met"]) for r in rows("measures-of-success")] == [
        (rec.id, measure, len(rec.success.evidence)) for rec in portal.recommendations if rec.success
        for measure in rec.success.measures]


def test_each_example_record_shows_its_changes_from_the_project_repository(example_site, portal):
    assert (PROJECT / ".git").exists(), "the tests run in a clone of the repository, with its history"
    for rec in portal.recommendations:
        entries = example_site.content(f"recommendations/{rec.id}/").select("#record-changes .sp-changes > li")
        oldest = [words(li) for li in entries[-1].select("ul > li")]
        assert oldest[0] == "Recommendation added" and oldest[1].startswith("Status reported as "), rec.id
        assert not entries[-1].select("a"), "a FICTIONAL site links to no repository"
    for item in portal.actions:  # on the page of the meeting that agreed it
        page = example_site.content(f"meetings/{item.agreed.meeting}/")
        assert page.find(id=f"changes-{item.id}").find_next_sibling("ol")
