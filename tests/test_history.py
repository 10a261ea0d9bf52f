"""Each record's history, from the repository (macros/data/history.py): a repository with a scripted
history of commits, built for real, and its pages and download read back."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess

import pytest
from history_repo import ScriptedRepository, progress_file
from sites import Site, build

from macros.data.history import CACHE, record_history

RECS = "data/recommendations/ofsted-2019.yaml"
RESOLUTIONS = "data/resolutions.yaml"
REPO_URL = "https://github.com/council/portal"
OLD_TITLE = "Frequent changes in social workers for children"
NEW_TITLE = "Too many changes of social worker for children"
TARGET = (
    "    target:\n      original: 2019-12-31\n      source:\n        document: Improvement plan\n"
    "        publisher: The council\n        kind: council paper\n        url: https://example.org/plan\n"
)
REVISION = (
    "      revisions:\n        - reported: 2019-11-13\n          new_target: 2020-06-30\n"
    "          reason: Recruitment took longer than planned.\n          source:\n"
    "            document: Progress report to the committee\n"
    "            publisher: The council\n            kind: council paper\n"
    "            url: https://example.org/progress-report\n"
)


@pytest.fixture(scope="module")
def scripted(tmp_path_factory):
    """The real portal under git, then a year of a clerk's commits; returns it and each commit's SHA."""
    repo = ScriptedRepository(tmp_path_factory.mktemp("scripted") / "portal")
    sha = {"start": repo.commit("Add the portal's data", "2024-01-10T09:00:00+00:00")}

    repo.write("data/progress/2019-09-11.yaml", progress_file(
        "ofsted-2019-r03", "2019-09-11", "in progress", "A plan to keep social workers was agreed.", "Work has begun."))
    repo.replace(RECS, f"    title: {OLD_TITLE}\n", f"    title: {OLD_TITLE}\n{TARGET}")
    sha["september"] = repo.commit("Record the September progress", "2024-02-01T09:00:00+00:00")

    repo.write("data/progress/2019-11-13.yaml", progress_file(
        "ofsted-2019-r03", "2019-11-13", "at risk", "Recruitment took longer than planned.", "Behind plan."))
    repo.replace(RECS, TARGET, TARGET + REVISION)
    sha["november"] = repo.commit("Record the November progress; R03's target slips", "2024-03-01T09:00:00+00:00")

    # The same records written differently (a comment, quotes, folded text): no change to the record.
    repo.replace(RECS, "    title: Caseloads\n", '    # As minute 4.3 puts it.\n    title: "Caseloads"\n')
    sha["tidy"] = repo.commit("Tidy the recommendations file", "2024-03-05T09:00:00+00:00")

    repo.replace(RECS, f"    title: {OLD_TITLE}\n", f"    title: {NEW_TITLE}\n")
    sha["title"] = repo.commit("Correct R03's title", "2024-03-10T09:00:00+00:00")

    repo.write("data/progress/2019-11-13.yaml", "updates:\n\t- broken\n")  # a commit the portal cannot read
    sha["broken"] = repo.commit("Half-finished edit", "2024-03-12T09:00:00+00:00")
    (repo.root / "data/progress/2019-11-13.yaml").unlink()
    sha["deleted"] = repo.commit("Remove the November update: it was reported in error", "2024-03-15T09:00:00+00:00")

    # A pull request merged on GitHub: its own commits are on a branch; the main line has the merge.
    repo.git("checkout", "-q", "-b", "r05-owner")
    repo.replace(RECS, "  - id: ofsted-2019-r05\n    ref: R05\n", "  - id: ofsted-2019-r05\n    ref: R05\n"
                 "    owner:\n      name: Director of Children's Services\n      source:\n"
                 "        document: Improvement plan\n        publisher: The council\n"
                 "        kind: council paper\n        url: https://example.org/plan\n")
    repo.commit("wip", "2024-04-01T09:00:00+00:00")
    repo.git("checkout", "-q", "main")
    repo.git("merge", "-q", "--no-ff", "r05-owner", "-m", "Merge pull request #7 from council/r05-owner",
             "-m", "Record who owns R05", when="2024-04-02T09:00:00+00:00")
    sha["merge"] = repo.git("rev-parse", "HEAD")

    text = repo.read(RESOLUTIONS)
    start = text.index("  - id: cypssc-2019-05-15-res-6\n")
    status_at = text.index("    status: open\n", start)
    repo.write(RESOLUTIONS, text[:status_at] + "    status: done\n" + text[status_at + len("    status: open\n"):])
    sha["resolution"] = repo.commit("Resolution 6 reported done", "2024-05-01T09:00:00+00:00")
    return repo, sha


@pytest.fixture(scope="module")
def site(scripted, tmp_path_factory) -> Site:
    repo, _ = scripted
    folder = tmp_path_factory.mktemp("scripted-site")
    result = build(repo.root, folder, PORTAL_REPO_URL=REPO_URL)
    assert result.returncode == 0, result.stderr
    return Site(folder)


def changes(site: Site, url: str, section: str) -> list[tuple[str, str, str | None, list[str]]]:
    """A record's changes as a reader sees them: (date, message, link, the changes in words)."""
    found = []
    for entry in site.content(url).select(f"{section} .sp-changes > li"):
        head = entry.select_one(".sp-change-head")
        link = head.find("a")
        found.append((head.time.get_text(), head.q.get_text(), link and link["href"],
                      [li.get_text(" ", strip=True) for li in entry.select("ul > li")]))
    return found


def test_a_recommendation_page_lists_every_change_newest_first_in_words(site, scripted):
    _, sha = scripted
    url = f"{REPO_URL}/commit/"
    assert changes(site, "recommendations/ofsted-2019-r03/", "#record-changes") == [
        ("15 March 2024", "Remove the November update: it was reported in error", url + sha["deleted"],
         ["Status changed from at risk to in progress", "Update of 13 November 2019 removed"]),
        ("10 March 2024", "Correct R03's title", url + sha["title"],
         [f"Title corrected from “{OLD_TITLE}” to “{NEW_TITLE}”"]),
        ("1 March 2024", "Record the November progress; R03's target slips", url + sha["november"],
         ["Status changed from in progress to at risk", "Target date revised from 31 December 2019 to 30 June 2020",
          "Update of 13 November 2019 added"]),
        ("1 February 2024", "Record the September progress", url + sha["september"],
         ["Status changed from not yet assessed to in progress", "Target date recorded: 31 December 2019",
          "Update of 11 September 2019 added"]),
        ("10 January 2024", "Add the portal's data", url + sha["start"],
         ["Recommendation added", "Status reported as not yet assessed", "Update of 15 May 2019 added"]),
    ]  # not the tidy commit (no record changed), nor the broken one (passed over)


def test_a_merged_pull_request_is_one_change_described_by_its_title(site, scripted):
    _, sha = scripted
    newest = changes(site, "recommendations/ofsted-2019-r05/", "#record-changes")[0]
    assert newest == ("2 April 2024", "Record who owns R05", f"{REPO_URL}/commit/{sha['merge']}",
                      ["Owner recorded: Director of Children's Services"])


def test_resolutions_and_actions_have_their_changes_on_their_pages(site, scripted):
    _, sha = scripted
    resolution = "cypssc-2019-05-15-res-6"
    meeting = "meetings/cypssc-2019-05-15/"  # a resolution is set out on the page of its meeting
    assert changes(site, meeting, f"#{resolution}")[0] == (
        "1 May 2024", "Resolution 6 reported done", f"{REPO_URL}/commit/{sha['resolution']}",
        ["Status changed from open to done"])
    heading = site.content(meeting).find(id=f"changes-{resolution}")
    assert heading.get_text() == "Changes to this record"
    link = site.content("actions/").find(id=resolution).find("a", class_="sp-changes-link")
    assert site.resolve("actions/", link["href"]) == (meeting, f"changes-{resolution}")


def test_the_download_has_one_row_per_change_oldest_first_with_its_schema(site, scripted):
    _, sha = scripted
    document = json.loads((site.folder / "data" / "record-history.json").read_text(encoding="utf-8"))
    rows = document["rows"]
    with (site.folder / "data" / "record-history.csv").open(encoding="utf-8", newline="") as file:
        assert [dict(row) for row in csv.DictReader(file)] == [
            {k: "" if v is None else str(v) for k, v in row.items()} for row in rows]
    r03 = [(row["commit"], row["change"]) for row in rows if row["record_id"] == "ofsted-2019-r03"]
    assert [c for _, c in r03] == [
        "recommendation added", "status reported as not yet assessed", "update of 15 May 2019 added",
        "status changed from not yet assessed to in progress", "target date recorded: 31 December 2019",
        "update of 11 September 2019 added",
        "status changed from in progress to at risk", "target date revised from 31 December 2019 to 30 June 2020",
        "update of 13 November 2019 added",
        f"title corrected from “{OLD_TITLE}” to “{NEW_TITLE}”",
        "status changed from at risk to in progress", "update of 13 November 2019 removed",
    ]
    assert [commit for commit, _ in r03] == [sha[k] for k in ["start"] * 3 + ["september"] * 3
                                              + ["november"] * 3 + ["title"] + ["deleted"] * 2]
    last = rows[-1]
    assert (last["date"], last["message"], last["record_kind"], last["field"], last["commit_url"]) == (
        "2024-05-01", "Resolution 6 reported done", "resolution", "status", f"{REPO_URL}/commit/{sha['resolution']}")
    assert site.resolve("", last["record_url"].removeprefix("http://127.0.0.1:8000/")) == (
        "meetings/cypssc-2019-05-15/", "changes-cypssc-2019-05-15-res-6")
    schema = json.loads((site.folder / "data" / "record-history.schema.json").read_text(encoding="utf-8"))
    from jsonschema import Draft202012Validator

    Draft202012Validator(schema).validate(document)


def test_the_history_is_read_once_per_version_and_then_from_the_cache(scripted):
    repo, _ = scripted
    shutil.rmtree(repo.root / CACHE, ignore_errors=True)
    older = repo.root / CACHE / "kept-by-older-code"
    older.mkdir(parents=True)
    (older / "RecommendationSet-0.json").write_text("{}")
    fresh = record_history(repo.root)
    assert any((repo.root / CACHE).rglob("*.json"))  # each version read is kept
    assert not older.exists()  # what older code kept is removed once newer code has read again
    assert record_history(repo.root).changes == fresh.changes == record_history(repo.root, cache=None).changes


def test_a_build_from_a_plain_copy_without_git_says_the_history_is_unavailable(scripted, tmp_path):
    repo, _ = scripted
    copy = tmp_path / "copy"
    shutil.copytree(repo.root, copy, ignore=shutil.ignore_patterns(".git", ".cache"))
    result = build(copy, tmp_path / "site", PORTAL_REPO_URL=REPO_URL)
    assert result.returncode == 0, result.stderr
    built = Site(tmp_path / "site")
    unavailable = ("The changes to this record cannot be shown: the site was built from a copy of the files "
                   "without the repository's history.")
    section = built.content("recommendations/ofsted-2019-r03/").select_one("#record-changes")
    assert unavailable in " ".join(section.get_text(" ").split())
    assert unavailable in built.text("resolutions/")
    assert "This copy of the portal has no history to give" in built.text("data/")
    assert json.loads((tmp_path / "site" / "data" / "record-history.json").read_text())["rows"] == []


def test_a_shallow_clone_or_a_machine_without_git_has_no_history_and_says_why(scripted, tmp_path, monkeypatch):
    repo, _ = scripted
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo.root}", str(shallow)], check=True,
                   capture_output=True, timeout=60)
    assert "shallow clone" in record_history(shallow).unavailable
    assert "fetch-depth: 0" in record_history(shallow).unavailable
    monkeypatch.setenv("PATH", str(tmp_path / "nowhere"))
    assert record_history(repo.root).unavailable == "git is not installed where the site was built"


def test_a_commit_message_the_safeguarding_check_would_stop_is_not_published(scripted):
    repo, _ = scripted
    history = record_history(repo.root, withhold=lambda message: "R05" in message)
    messages = {change.commit.message for change in history.changes}
    assert "Record who owns R05" not in messages
    assert any(message.startswith("(description not published: the safeguarding check") for message in messages)
