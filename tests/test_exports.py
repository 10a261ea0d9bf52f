"""Open data, feeds and calendar (macros/publish/exports.py), each read back with an independent parser:
csv and json from the standard library, jsonschema, feedparser, and a plain line parser for ICS."""

from __future__ import annotations

import csv
import io
import json
import os
import re

import feedparser
import pytest
from jsonschema import Draft202012Validator
from sites import PROJECT, run

from macros.publish.exports import DATASETS, export_files, field_docs, write_exports
from macros.clerks.safeguarding import flags
from macros.data.history import record_history
from macros.data.load import load_portal

SITE_URL = "https://example.org/portal/"


@pytest.fixture(scope="module")
def portal():
    return load_portal(PROJECT)


@pytest.fixture(scope="module")
def history():
    """The real records' changes, from the project's own repository (builds are given no address)."""
    return record_history(PROJECT, withhold=flags(PROJECT))


@pytest.fixture(scope="module")
def files(portal, history) -> dict[str, bytes]:
    return export_files(portal, SITE_URL, history)


@pytest.fixture(scope="module")
def example_portal():
    """The fictional council: it has the actions, measures and slipped targets the real data lacks yet."""
    return load_portal(PROJECT / "examples" / "harrowmere")


@pytest.fixture(scope="module")
def example_files(example_portal) -> dict[str, bytes]:
    return export_files(example_portal, SITE_URL, record_history(PROJECT / "examples" / "harrowmere"))


@pytest.fixture(params=["real", "example"])
def any_files(request) -> dict[str, bytes]:
    return request.getfixturevalue("files" if request.param == "real" else "example_files")


def json_rows(files, name: str) -> list[dict]:
    return json.loads(files[f"{name}.json"])["rows"]


def csv_rows(files, name: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(files[f"{name}.csv"].decode("utf-8"), newline="")))


def parse_ics(data: bytes) -> list[dict[str, str]]:
    """The events of an iCalendar file, by a plain reading of RFC 5545: unfold, split, unescape."""
    lines = data.decode("utf-8").replace("\r\n ", "").replace("\r\n\t", "").split("\r\n")
    events, event = [], None
    for line in lines:
        if line == "BEGIN:VEVENT":
            event = {}
        elif line == "END:VEVENT":
            events.append(event)
            event = None
        elif event is not None and line:
            name_params, value = line.split(":", 1)
            name = name_params.split(";")[0]
            assert name not in event, f"{name} twice in one event"
            event[name] = re.sub(r"\\([\\;,nN])", lambda m: "\n" if m[1] in "nN" else m[1], value)
    return events


def feed(files, path: str):
    parsed = feedparser.parse(files[path])
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


# --- downloads -----------------------------------------------------------------------------------


def assert_each_json_file_meets_its_schema(files) -> None:
    for dataset in DATASETS:
        document = json.loads(files[f"{dataset.name}.json"])
        schema = json.loads(files[f"{dataset.name}.schema.json"])
        Draft202012Validator.check_schema(schema)
        Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER).validate(document)
        assert document["$schema"] == schema["$id"] and schema["$id"].endswith(f"/data/{dataset.name}.schema.json")
        assert document["licence"] == "Open Government Licence v3.0"
        assert document["attribution"].startswith("Contains public sector information licensed under "
                                                  "the Open Government Licence v3.0.")


def test_every_dataset_has_json_csv_and_schema_and_every_json_file_meets_its_schema(any_files):
    assert_each_json_file_meets_its_schema(any_files)


def test_every_field_of_every_dataset_is_described_for_the_data_page():
    for dataset in DATASETS:
        for name, kind, description in field_docs(dataset.row):
            assert kind and description.endswith("."), f"{dataset.name}.{name} needs a description"


def test_the_schema_rejects_a_row_that_breaks_it(files):
    document = json.loads(files["progress-updates.json"])
    schema = json.loads(files["progress-updates.schema.json"])
    document["rows"][0]["status"] = "in progres"
    assert list(Draft202012Validator(schema).iter_errors(document))


def test_csv_and_json_agree_row_for_row(any_files):
    for dataset in DATASETS:
        from_json = json_rows(any_files, dataset.name)
        from_csv = csv_rows(any_files, dataset.name)
        header = next(csv.reader(io.StringIO(any_files[f"{dataset.name}.csv"].decode("utf-8"))))
        assert header == dataset.row.columns()
        assert all(list(row) == header for row in from_json)
        as_text = [{k: "" if v is None else str(v) for k, v in row.items()} for row in from_json]
        # A cell that would start a spreadsheet formula starts with an apostrophe (test_csv_injection.py).
        unquoted = [{k: v[1:] if v.startswith("'") and v[1:2] in "=+-@" else v for k, v in r.items()} for r in from_csv]
        assert unquoted == as_text, dataset.name


def test_recommendations_download_matches_the_data(files, portal):
    rows = json_rows(files, "recommendations")
    assert [r["id"] for r in rows] == [rec.id for rec in portal.recommendations]
    for row, rec in zip(rows, portal.recommendations, strict=True):
        latest = portal.latest(rec)
        assert (row["ref"], row["title"], row["status"], row["status_date"]) == (
            rec.ref, rec.title, latest.status.value, latest.date.isoformat())
        assert row["url"] == f"{SITE_URL}recommendations/{rec.id}/"  # the permalink comes from the ID
        assert (row["source_meeting"], row["source_minute"]) == (rec.source.meeting, rec.source.minute)


def test_progress_updates_and_evidence_downloads_match_the_data(files, portal):
    rows = json_rows(files, "progress-updates")
    assert len(rows) == len(portal.updates) == 12
    assert len({r["id"] for r in rows}) == len(rows)
    for row, update in zip(rows, portal.updates, strict=True):
        assert (row["recommendation"], row["date"], row["status"], row["summary"]) == (
            update.recommendation, update.date.isoformat(), update.status.value, update.summary)
        assert row["evidence_count"] == len(update.evidence)
        # an update is kept for good on its recommendation's page for its year
        assert row["url"] == f"{SITE_URL}history/{update.recommendation}-{update.date.year}/#update-{update.date}"
    evidence = json_rows(files, "evidence")
    expected = [(row["id"], item.quote or item.summary) for row, u in zip(rows, portal.updates, strict=True)
                for item in u.evidence]
    assert [(e["update"], e["text"]) for e in evidence] == expected


def test_the_actions_download_lists_every_resolution_and_action_with_its_due_date(example_files, example_portal):
    rows = json_rows(example_files, "actions")
    expected = [*example_portal.resolutions, *example_portal.actions]
    assert sorted(r["id"] for r in rows) == sorted(item.id for item in expected)
    assert {r["kind"] for r in rows} == {"resolution", "action"}
    for action in example_portal.actions:
        row = next(r for r in rows if r["id"] == action.id)
        due = example_portal.due_date(action)
        assert (row["what"], row["status"], row["due_date"]) == (action.what, action.status.value, due and due.isoformat())
        assert (row["closed_meeting"], row["closed_minute"]) == (
            (action.closed.meeting, action.closed.minute) if action.closed else (None, None))
        assert row["url"] == f"{SITE_URL}meetings/{action.agreed.meeting}/#{action.id}"  # where it was agreed


def test_measures_figures_and_slipped_targets_match_the_data(example_files, example_portal):
    measures = json_rows(example_files, "metrics")
    assert [(m["id"], m["figures"]) for m in measures] == [(m.id, len(m.points)) for m in example_portal.metrics]
    assert any(m["figures"] == 0 for m in measures)  # a measure with no data yet is still listed
    figures = json_rows(example_files, "figures")
    assert sorted((f["metric"], f["date"], f["value"]) for f in figures) == sorted(
        (m.id, p.date.isoformat(), p.value) for m in example_portal.metrics for p in m.points)
    revisions = json_rows(example_files, "target-revisions")
    assert [(r["recommendation"], r["new_target"], r["reason"]) for r in revisions] == [
        (rec.id, rev.new_target.isoformat(), rev.reason)
        for rec in example_portal.recommendations for rev in (rec.target.revisions if rec.target else [])]
    assert revisions  # the example's targets do slip
    recs = {r["id"]: r for r in json_rows(example_files, "recommendations")}
    for rec in example_portal.recommendations:
        if rec.target:
            assert (recs[rec.id]["original_target"], recs[rec.id]["current_target"]) == (
                rec.target.original.isoformat(), rec.target.current.isoformat())


def test_resolutions_and_meetings_downloads_match_the_data(files, portal):
    rows = json_rows(files, "resolutions")
    assert [(r["id"], r["number"], r["text"], r["status"]) for r in rows] == [
        (res.id, res.number, res.text, res.status.value) for res in portal.resolutions]
    meetings = json_rows(files, "meetings")
    assert sorted(m["id"] for m in meetings) == sorted(m.id for m in portal.meetings)
    held = {m["id"]: m["minutes_pages"] for m in meetings}
    assert held["cypssc-2019-05-15"] == f"{SITE_URL}minutes/cypssc-2019-05-15-item-4/"
    assert held["cypssc-2019-09-11"] is None


# --- feeds and calendar --------------------------------------------------------------------------


def test_every_update_and_minutes_file_appears_once_in_the_feed_of_everything(files, portal):
    parsed = feed(files, "feeds/all.atom")
    ids = [entry.id for entry in parsed.entries]
    assert len(ids) == len(set(ids)) == len(portal.updates) + len(portal.minutes) + len(portal.findings)
    for update in portal.updates:
        matching = [e for e in parsed.entries if e.id == f"{SITE_URL}recommendations/{update.recommendation}/#update-{update.date}"]
        assert len(matching) == 1
        assert update.summary in matching[0].summary
        assert matching[0].updated.startswith(update.date.isoformat())
    assert f"{SITE_URL}minutes/cypssc-2019-05-15-item-4/" in ids
    newest = max([u.date for u in portal.updates] + [f.date for f in portal.findings])
    assert parsed.feed.updated.startswith(newest.isoformat())


def test_each_recommendation_has_a_feed_of_its_own_updates_and_the_minutes_that_discuss_it(files, portal):
    for rec in portal.recommendations:
        parsed = feed(files, f"feeds/{rec.id}.atom")
        links = [entry.link for entry in parsed.entries]
        updates = [link for link in links if link.startswith(f"{SITE_URL}history/")]
        assert updates == [f"{SITE_URL}history/{rec.id}-{u.date.year}/#update-{u.date}" for u in portal.history(rec)]
        assert [link for link in links if "/minutes/" in link] == [
            f"{SITE_URL}minutes/{m.id}/" for m, _ in portal.discussed_at(rec)]
        assert rec.ref in parsed.feed.title


def test_every_meeting_appears_once_in_the_calendar_with_a_uid_made_from_its_id(files, portal):
    events = parse_ics(files["meetings.ics"])
    assert sorted(e["UID"] for e in events) == sorted(f"{m.id}@example.org" for m in portal.meetings)
    for meeting in portal.meetings:
        event = next(e for e in events if e["UID"] == f"{meeting.id}@example.org")
        assert event["DTSTART"] == meeting.date.strftime("%Y%m%d")  # all day: the data gives no time
        assert event["URL"] == f"{SITE_URL}meetings/{meeting.id}/"
    assert "Also known as the September meeting." in next(
        e["DESCRIPTION"] for e in events if e["UID"].startswith("cypssc-2019-09-11@"))


def test_exports_come_from_the_data_alone_so_feeds_do_not_churn(portal, files, history, monkeypatch):
    monkeypatch.setenv("PORTAL_BUILD_DATE", "2031-01-01")
    assert export_files(portal, SITE_URL, history) == files
    everything = b"".join(files.values()).decode("utf-8")
    assert "2031" not in everything


# --- writing -------------------------------------------------------------------------------------


def test_writing_touches_only_changed_files_and_removes_only_feeds_of_records_gone(project, tmp_path):
    out = tmp_path / "out"
    written = write_exports(project.load(), out, SITE_URL)
    assert len(written) == len(export_files(project.load(), SITE_URL))
    (out / "feeds" / "ofsted-2019-r99.atom").write_text("stale")
    (out / "README.txt").write_text("not ours")
    (out / "old.json").write_text("not ours either")
    stamps = {p: p.stat().st_mtime_ns for p in out.rglob("*.json")}
    project.replace("data/meetings.yaml", "also_known_as: the September meeting", "also_known_as: the autumn meeting")
    changes = write_exports(project.load(), out, SITE_URL)
    assert sorted(changes) == sorted([f"wrote {out / 'meetings.json'}", f"wrote {out / 'meetings.csv'}",
                                      f"wrote {out / 'meetings.ics'}", f"removed {out / 'feeds' / 'ofsted-2019-r99.atom'}"])
    assert (out / "README.txt").exists() and (out / "old.json").exists()
    assert all(p.stat().st_mtime_ns == stamp for p, stamp in stamps.items() if p.name != "meetings.json")
    assert write_exports(project.load(), out, SITE_URL) == []


def test_the_pre_build_step_writes_the_exports_and_says_when_nothing_changed(project):
    out = project.root / "docs" / "data"
    first = run(PROJECT, "macros", "prepare", "--root", str(project.root), "--site-url", SITE_URL)
    assert first.returncode == 0, first.stderr
    assert (out / "feeds" / "all.atom").exists() and (out / "meetings.ics").exists()
    again = run(PROJECT, "macros", "prepare", "--root", str(project.root), "--site-url", SITE_URL)
    assert "already up to date" in again.stdout


def test_the_pre_build_step_with_bad_data_writes_nothing_and_reports_the_problem(project):
    project.replace("data/progress/2019-05-15.yaml", "status: not yet assessed", "status: in progres")
    out = project.root / "docs" / "data"
    result = run(PROJECT, "macros", "prepare", "--root", str(project.root), "--site-url", SITE_URL)
    assert result.returncode == 1
    assert 'did you mean "in progress"' in result.stderr and "Traceback" not in result.stderr
    assert not out.exists()


# --- the built site ------------------------------------------------------------------------------


def built_site_url() -> str:
    return os.environ.get("PORTAL_SITE_URL", "http://127.0.0.1:8000/")


def test_the_built_site_publishes_every_export_under_data(real_site, portal, history):
    assert history.available and history.changes  # the project's own repository
    expected = export_files(portal, built_site_url(), history)
    for path, content in expected.items():
        assert (real_site.folder / "data" / path).read_bytes() == content, path


def test_every_link_in_the_feeds_and_downloads_resolves_to_a_built_page(real_site):
    base = built_site_url()
    urls = []
    for path in (real_site.folder / "data" / "feeds").glob("*.atom"):
        parsed = feedparser.parse(path.read_bytes())
        urls += [link.href for link in parsed.feed.links] + [entry.link for entry in parsed.entries]
    for dataset in DATASETS:
        rows = json.loads((real_site.folder / "data" / f"{dataset.name}.json").read_text())["rows"]
        urls += [row["url"] for row in rows if "url" in row]
        urls += [row["record_url"] for row in rows if row.get("record_url")]
        urls += [page for row in rows for page in (row.get("minutes_pages") or "").split()]
    assert len(urls) > 50
    for url in urls:
        assert url.startswith(base), url
        target, _, fragment = url[len(base):].partition("#")
        assert real_site.file_for(target).exists(), url
        if fragment:
            assert real_site.html(target).find(id=fragment), url


def test_pages_offer_their_feeds_to_browsers_and_in_visible_links(real_site):
    def alternates(url):
        return {link["href"] for link in real_site.html(url).find_all("link", rel="alternate")
                if link.get("type") in ("application/atom+xml", "text/calendar")}

    assert alternates("") == {"data/feeds/all.atom", "data/meetings.ics"}
    rec = "recommendations/ofsted-2019-r01/"
    assert alternates(rec) == {"../../data/feeds/all.atom", "../../data/feeds/ofsted-2019-r01.atom",
                               "../../data/meetings.ics"}
    subscribe = real_site.content(rec).find("a", string="Subscribe to updates on R01 (Atom feed)")
    assert subscribe["href"] == "../../data/feeds/ofsted-2019-r01.atom"
    assert real_site.content("meetings/").find("a", href="../data/meetings.ics")
    assert real_site.content("").find("a", href="data/feeds/all.atom")


def test_the_data_page_documents_every_field_and_the_licence(real_site, portal, files):
    page = real_site.content("data/")
    for dataset in DATASETS:
        table = page.find("caption", string=re.compile(f"\\({dataset.name}.csv")).parent
        documented = {row.th.get_text(strip=True): row.find_all("td")[-1].get_text(" ", strip=True)
                      for row in table.tbody.find_all("tr")}
        assert documented == {name: " ".join(text.split()) for name, _, text in field_docs(dataset.row)}
        for suffix in (".csv", ".json", ".schema.json"):
            assert page.find("a", href=f"../data/{dataset.name}{suffix}"), f"no link to {dataset.name}{suffix}"
        about = " ".join(page.select_one(f"#dataset-{dataset.name} > p").get_text().split())
        rows = len(json_rows(files, dataset.name))
        assert about.endswith(f" {rows} rows." if rows > 1 else " 1 row." if rows else "fill as the committee's records grow.")
    licence = page.find("a", rel="license")
    assert licence.get_text() == portal.site.data_licence.name
    assert "Contains public sector information licensed under" in page.find(class_="sp-attribution").get_text()


# --- hostile text survives every format intact and escaped ---------------------------------------

HOSTILE_LINE = 'Caseloads </title><script>alert("x")</script>, "quoted", it\'s; a\\b & <b>bold</b> {{ y }}'
HOSTILE = HOSTILE_LINE + "\nsecond line, with a comma"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    """The real project with hostile text in a title, a progress update, its source and a meeting."""
    import shutil

    from sites import Site, add_build_files, build

    root = tmp_path_factory.mktemp("hostile-exports")
    for folder in ("data", "docs"):
        shutil.copytree(PROJECT / folder, root / folder, ignore=shutil.ignore_patterns("data"))
    add_build_files(root)

    def edit(relative: str, old: str, new: str) -> None:
        path = root / relative
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    # JSON's escapes are YAML's double-quoted escapes: the value is exactly the string.
    edit("data/recommendations/ofsted-2019.yaml", "title: Caseloads\n", f"title: {json.dumps(HOSTILE_LINE)}\n")
    # A meeting's other name is one line (a line break is refused: test_load); the calendar's own
    # description still holds line breaks, which must stay escaped.
    edit("data/meetings.yaml", "also_known_as: the September meeting", f"also_known_as: {json.dumps(HOSTILE_LINE)}")
    (root / "data" / "progress" / "2019-09-11.yaml").write_text(
        "updates:\n"
        "  - recommendation: ofsted-2019-r01\n"
        "    date: 2019-09-11\n"
        "    status: in progress\n"
        f"    reason: {json.dumps(HOSTILE_LINE)}\n"
        f"    summary: {json.dumps(HOSTILE)}\n"
        "    source:\n"
        f"      document: {json.dumps(HOSTILE_LINE)}\n"
        f"      publisher: {json.dumps(HOSTILE_LINE)}\n"
        "      kind: press report\n      url: https://example.org/report\n", encoding="utf-8")
    result = build(root, root / "site")
    assert result.returncode == 0, result.stderr
    return Site(root / "site")


def site_file(site, path: str) -> bytes:
    return (site.folder / "data" / path).read_bytes()


def test_hostile_text_round_trips_through_csv_and_json_exactly(hostile_site):
    files = {f"{d.name}.{kind}": site_file(hostile_site, f"{d.name}.{kind}")
             for d in DATASETS for kind in ("csv", "json", "schema.json")}
    for name in ("recommendations", "progress-updates", "meetings"):
        assert json_rows(files, name) and csv_rows(files, name)
    rec = next(r for r in csv_rows(files, "recommendations") if r["id"] == "ofsted-2019-r01")
    assert rec["title"] == HOSTILE_LINE and rec["status"] == "in progress"
    update = next(r for r in json_rows(files, "progress-updates") if r["date"] == "2019-09-11")
    assert (update["summary"], update["reason"], update["source_document"]) == (HOSTILE, HOSTILE_LINE, HOSTILE_LINE)
    assert next(r for r in csv_rows(files, "progress-updates") if r["date"] == "2019-09-11")["summary"] == HOSTILE
    meeting = next(r for r in csv_rows(files, "meetings") if r["id"] == "cypssc-2019-09-11")
    assert meeting["also_known_as"] == HOSTILE_LINE
    test_csv_and_json_agree_row_for_row(files)
    assert_each_json_file_meets_its_schema(files)


def test_hostile_text_round_trips_through_the_atom_feeds_escaped(hostile_site):
    import xml.etree.ElementTree as ET

    atom = "{http://www.w3.org/2005/Atom}"
    for path in ("feeds/all.atom", "feeds/ofsted-2019-r01.atom"):
        raw = site_file(hostile_site, path)
        assert b"<script>" not in raw and b"</title><script>" not in raw  # escaped, not live markup
        entries = ET.fromstring(raw).findall(f"{atom}entry")
        summaries = [e.findtext(f"{atom}summary") for e in entries]
        assert sum(HOSTILE in s for s in summaries) == 1, path
        # The update's summary, then how it changed the status and the reason given.
        changed = f"Status changed from not yet assessed to in progress. Reason given: {HOSTILE_LINE}"
        assert f"R01 ({HOSTILE_LINE}): {HOSTILE} {changed}" in summaries


def test_hostile_text_round_trips_through_the_calendar_escaped(hostile_site):
    raw = site_file(hostile_site, "meetings.ics")
    assert raw.count(b"\n") == raw.count(b"\r\n")  # no bare line break inside a value
    event = next(e for e in parse_ics(raw) if e["UID"].startswith("cypssc-2019-09-11@"))
    assert event["DESCRIPTION"].startswith(f"Also known as {HOSTILE_LINE}.\nMinutes")
