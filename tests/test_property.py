"""Property-based (Hypothesis): arbitrary text and bytes written into every kind of data file and into
minutes — whole files, spliced into a real file, as a value, after a minute — and then everything the
build does with them: load, validate, render every page, write every download, the safeguarding
check. Each must succeed or report problems as `file:line: what — how`, never raise anything else.

Bounded and repeatable: a fixed number of examples each, derandomized (the same examples on every
run, so CI cannot pass one day and fail the next), no example database written, and no per-example
deadline (a loaded 2-core machine would turn one into a flaky failure; the size and nesting limits
and the linear-time guards in test_hostile_input.py and test_safeguarding.py bound the time).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from macros import SUMMARY_PAGES
from macros.clerks.safeguarding import scan_text
from macros.data.load import load_portal
from macros.data.problems import DataProblems
from macros.publish.exports import export_files
from macros.site.render import Renderer

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "harrowmere"
FILES = sorted(p.relative_to(EXAMPLE).as_posix() for p in (EXAMPLE / "data").rglob("*") if p.is_file())
FOLDERS = sorted({f.split("/")[1] for f in FILES if f.count("/") == 2})
# One file of each kind (each file of data/, the first of each folder), and a new file.
TARGETS = [f for f in FILES if f.count("/") == 1] + [next(f for f in FILES if f.startswith(f"data/{d}/")) for d in FOLDERS]
TARGETS.append("data/progress/2099-01-01.yaml")
VALUE = re.compile(r"^(\s*(?:- )?[\w-]+: )(\S.*)$", re.MULTILINE)

PROPERTY = settings(
    max_examples=24,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
# Text as pasted: any Unicode, with the characters that break things drawn more often.
AWKWARD = st.sampled_from(list("\x00\x0b\x0c\r\n\t\x1b\x7f\x85\u2028\u202e\u200b\ufeff\ufffe:#&*!|>-[]{}\"'\\%@=<"))
TEXT = st.text(st.one_of(st.characters(), AWKWARD), max_size=80)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("property")
    shutil.copytree(EXAMPLE / "data", root / "data")
    shutil.copytree(EXAMPLE / "docs", root / "docs")
    return root


def holds(root: Path, file: str, content: bytes) -> None:
    """Write content into file, run everything, and put the file back as it was."""
    path = root / file
    before = path.read_bytes() if path.exists() else None
    path.write_bytes(content)
    try:
        build_everything(root, file)
    finally:
        if before is None:
            path.unlink()
        else:
            path.write_bytes(before)


def build_everything(root: Path, file: str) -> None:
    scan_text((root / file).read_bytes().decode("utf-8", errors="replace"), file, set())
    try:
        portal = load_portal(root)
    except DataProblems as problems:
        assert problems.problems
        for problem in problems.problems:
            assert (root / problem.file).exists() or problem.file.startswith(("data/", "docs/")), problem
            assert problem.line >= 1 and "\n" not in str(problem) and "\r" not in str(problem), problem
            assert " — " in problem.message, problem
        return
    renderer = Renderer(portal, None, dt.date(2023, 4, 1))
    for name in SUMMARY_PAGES:
        renderer.summary("page/", name)
    for rec in portal.recommendations:
        renderer.recommendation_page(f"recommendations/{rec.id}/", rec.id)
    for minutes in portal.minutes:
        renderer.minutes_page(f"minutes/{minutes.id}/", minutes.id)
    for name, content in export_files(portal, "https://example.org/portal/").items():
        assert content, name


@PROPERTY
@given(file=st.sampled_from(TARGETS), text=TEXT)
def test_any_text_as_a_whole_file(site, file, text):
    holds(site, file, text.encode("utf-8", errors="surrogatepass"))


@PROPERTY
@given(file=st.sampled_from(TARGETS), data=st.binary(max_size=200))
def test_any_bytes_as_a_whole_file(site, file, data):
    holds(site, file, data)


@PROPERTY
@given(file=st.sampled_from(TARGETS[:-1]), where=st.floats(0, 1), cut=st.integers(0, 12), text=TEXT)
def test_any_text_spliced_into_a_real_file(site, file, where, cut, text):
    original = (EXAMPLE / file).read_text(encoding="utf-8")
    at = int(where * len(original))
    holds(site, file, (original[:at] + text + original[at + cut :]).encode("utf-8", errors="surrogatepass"))


@PROPERTY
@given(file=st.sampled_from(TARGETS[:-1]), which=st.integers(0, 200), text=TEXT)
def test_any_text_as_a_value_written_with_yaml_escapes(site, file, which, text):
    """Every value quoted as JSON, which YAML reads exactly: control characters arrive as escapes."""
    original = (EXAMPLE / file).read_text(encoding="utf-8")
    values = list(VALUE.finditer(original))
    match = values[which % len(values)]
    changed = original[: match.start(2)] + json.dumps(text) + original[match.end(2) :]
    holds(site, file, changed.encode("utf-8"))


@PROPERTY
@given(text=TEXT, heading=st.booleans())
def test_any_text_in_the_minutes(site, text, heading):
    file = next(f for f in FILES if f.startswith("data/minutes/"))
    original = (EXAMPLE / file).read_text(encoding="utf-8")
    added = ("\n### 9.9\n\n" if heading else "\n") + text + "\n"
    holds(site, file, (original + added).encode("utf-8", errors="surrogatepass"))
