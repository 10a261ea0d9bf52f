"""The mistake corpus (tests/fixtures/mistakes.yaml): each realistic clerk mistake gets one clear
`file:line: what is wrong — how to fix it` message, and many mistakes are all reported in one run."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

PROJECT = Path(__file__).resolve().parent.parent
CORPUS = yaml.safe_load((PROJECT / "tests" / "fixtures" / "mistakes.yaml").read_text(encoding="utf-8"))


# The day the corpus is checked as at, unless a case gives its own build_date: fixed, so that a
# message naming "today" reads the same every day (and in the guide).
CORPUS_BUILD_DATE = "2026-12-01"


@pytest.fixture(autouse=True)
def corpus_build_date(monkeypatch):
    monkeypatch.setenv("PORTAL_BUILD_DATE", CORPUS_BUILD_DATE)


def make(project, case: dict) -> int:
    """Make the case's mistake in the project copy; returns the line its message belongs on."""
    path = project.path(case["file"])
    encoding = case.get("encoding", "utf-8")
    if "from" in case:  # a file renamed (or moved into a folder of the same name: read it first)
        text = project.path(case["from"]).read_bytes()
        project.path(case["from"]).unlink()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text)
        return case["line"]
    if "text" in case:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(case["text"].encode(encoding))
        return case["line"]
    text = path.read_text(encoding="utf-8")
    assert case["old"] in text, f"{case['file']} no longer contains {case['old']!r}; update the corpus"
    changed = text.replace(case["old"], case["new"], 1)
    path.write_bytes(changed.encode(encoding))
    return changed.count("\n", 0, changed.index(case.get("at", case["new"]))) + 1


@pytest.mark.parametrize("case", CORPUS, ids=[case["id"] for case in CORPUS])
def test_each_mistake_gets_one_clear_message_at_its_line(project, case, monkeypatch):
    monkeypatch.setenv("PORTAL_BUILD_DATE", str(case.get("build_date", CORPUS_BUILD_DATE)))
    line = make(project, case)
    if case["message"] is None:  # handled for the clerk: read correctly, nothing to fix
        project.load()
        return
    problems = project.problems()  # also checks every message is in plain words with " — how to fix"
    here = [p.message for p in problems if (p.file, p.line) == (case["file"], line)]
    report = "\n".join(map(str, problems))
    assert here == [case["message"]], report
    others = [p for p in problems if (p.file, p.line) != (case["file"], line)]
    assert len(others) == len(case.get("also", [])), report
    for expected, problem in zip(case.get("also", []), others, strict=True):
        assert expected in problem.message, report


def test_the_corpus_has_at_least_30_distinct_mistakes():
    ids = [case["id"] for case in CORPUS]
    assert len(set(ids)) == len(ids)
    messages = [case["message"] for case in CORPUS if case["message"]]
    assert len(set(messages)) >= 30


def test_mistakes_in_many_files_are_all_reported_in_one_run(project):
    """One mistake in each file the corpus touches, all at once: every message is in the one report."""
    first_per_file: dict[str, dict] = {}
    for case in CORPUS:
        if case["message"] and not (case.get("also") or case.get("alone") or "from" in case or "build_date" in case):
            first_per_file.setdefault(case["file"], case)
    expected = {(case["file"], make(project, case), case["message"]) for case in first_per_file.values()}
    assert len(expected) >= 10
    reported = {(p.file, p.line, p.message) for p in project.problems()}
    assert expected <= reported, "\n".join(map(str, sorted(expected - reported)))
