"""The clerk's whole path with real-shaped exports: import a whole meeting → make validate passes → the built site shows each minute at its anchor, and progress updates citing
minute 21 and minute 20.1.1 (with quotes checked against those minutes) are published."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from browser import DESKTOP, PHONE, SCREENSHOTS, settle
from sites import Site, add_build_files, build

PROJECT = Path(__file__).resolve().parent.parent
FIXTURES = PROJECT / "tests" / "fixtures" / "import"
WHOLE = "minutes/cypssc-2019-06-19-item-21/"  # whole-number minute 21 (Northshire's text export)
THREE_LEVEL = "minutes/cypssc-2019-07-17-item-20/"  # 20.1 Ofsted Inspection Process, 20.1.1 … (a saved web page)
PROGRESS = """updates:
  - recommendation: ofsted-2019-r03
    date: 2019-07-17
    status: in progress
    reason: The committee was told of the Quarter 1 position on placements (minute 21).
    summary: The committee was told of the overspend on placements (minute 21).
    evidence:
      - quote: the overspend of £2.1m on placements.
        source:
          meeting: cypssc-2019-06-19
          minute: 21
    source:
      meeting: cypssc-2019-06-19
      minute: 21
  - recommendation: ofsted-2019-r04
    date: 2019-07-17
    status: in progress
    reason: The panel endorsed the draft Improvement Plan (minute 20.2.2).
    summary: The panel heard how many cases the inspectors looked at (minute 20.1.1).
    evidence:
      - quote: inspectors had looked at 147 children's cases.
        source:
          meeting: cypssc-2019-07-17
          minute: 20.1.1
    source:
      meeting: cypssc-2019-07-17
      minute: 20.1.1
"""


def macros(root: Path, *arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "macros", *arguments, "--root", str(root)], cwd=PROJECT,
                          capture_output=True, text=True, timeout=120)


def mark(root: Path, name: str, lines: str) -> None:
    """Mark what minutes discuss, as the clerk does after importing: a minutes: list in the front matter."""
    path = root / "data" / "minutes" / name
    path.write_text(path.read_text(encoding="utf-8").replace("---\n\n", f"minutes:\n{lines}---\n\n", 1),
                    encoding="utf-8")


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    root = tmp_path_factory.mktemp("imported")
    for folder in ("data", "docs"):
        shutil.copytree(PROJECT / folder, root / folder)
    add_build_files(root)
    runs = {
        "text": macros(root, "import-minutes", str(FIXTURES / "northshire-agenda-and-minutes.txt"),
                       "--meeting", "cypssc-2019-06-19"),
        "html": macros(root, "import-minutes", str(FIXTURES / "eastmoor-three-level.html"),
                       "--meeting", "cypssc-2019-07-17", "--items", "20,21"),
    }
    mark(root, "cypssc-2019-06-19-item-21.md", "  21: [ofsted-2019-r03]\n")
    mark(root, "cypssc-2019-07-17-item-20.md", "  20.1: [ofsted-2019-r04]\n  20.1.1: [ofsted-2019-r04]\n")
    (root / "data" / "progress" / "2019-07-17.yaml").write_text(PROGRESS, encoding="utf-8")
    runs["validate"] = macros(root, "validate")
    runs["build"] = build(root, root / "site")
    return root, runs, Site(root / "site")


def test_the_import_writes_one_file_per_item_and_says_what_it_took_out(imported):
    root, runs, _ = imported
    assert runs["text"].returncode == 0, runs["text"].stderr
    written = sorted(path.name for path in (root / "data" / "minutes").glob("cypssc-2019-0[67]-*.md"))
    assert written == [f"cypssc-2019-06-19-item-{n}.md" for n in (19, 20, 21, 22, 23)] + [
        "cypssc-2019-07-17-item-20.md", "cypssc-2019-07-17-item-21.md"]
    assert "item 21 \"Performance and Resources Report – Quarter 1 2018/19, including" in runs["text"].stdout
    fixture = FIXTURES / "northshire-agenda-and-minutes.txt"
    assert f'{fixture}:55: "Appendix A - Improvement Scorecard, item 21. pdf icon PDF 1 MB" taken out' in runs["text"].stderr
    assert f"{fixture}:39: minute 15.16 is a minute of an earlier meeting" in runs["text"].stderr
    assert "Traceback" not in runs["text"].stderr + runs["html"].stderr


def test_the_imported_portal_validates_and_builds(imported):
    _, runs, _ = imported
    assert runs["validate"].returncode == 0, runs["validate"].stderr
    assert "All data is valid" in runs["validate"].stdout
    assert runs["build"].returncode == 0 and "WARNING" not in runs["build"].stderr, runs["build"].stderr


def test_each_minute_is_at_its_anchor_with_its_title(imported):
    _, _, site = imported
    whole = site.content(WHOLE)
    assert whole.find(id="minute-21").name == "h3"
    heading = whole.find(id="minute-21")
    assert heading.find_next("p", class_=None).get_text().startswith("The Committee considered the Performance")
    assert heading.find_next(class_="sp-minute-refs").get_text(" ", strip=True).startswith("Minute 21 discusses:")
    three = site.content(THREE_LEVEL)
    titled = three.find(id="minute-20.1")
    assert titled.get_text(" ", strip=True) == "20.1 Ofsted Inspection Process"
    assert titled.find(class_="sp-minute-no").get_text() == "20.1"
    assert three.find(id="minute-20.1.1").name == "h4"
    index = [a.get_text() for a in three.select(".sp-minute-index a")]
    assert index == ["20.1 Ofsted Inspection Process", "20.1.1", "20.1.2", "20.1.3", "20.2 Improvement Plan",
                     "20.2.1", "20.2.2"]
    assert [a["href"] for a in three.select(".sp-minute-index a")][2] == "#minute-20.1.2"


def test_progress_citing_minute_21_and_20_1_1_links_to_those_anchors(imported):
    _, _, site = imported
    r03 = site.content("recommendations/ofsted-2019-r03/")
    links = {a["href"].split("/minutes/")[-1] for a in r03.select("a[href*='#minute-21']")}
    assert links == {"cypssc-2019-06-19-item-21/#minute-21"}
    r04 = site.content("recommendations/ofsted-2019-r04/")
    assert any(a["href"].endswith("cypssc-2019-07-17-item-20/#minute-20.1.1") for a in r04.select("a"))
    discussed = [a.get_text() for a in r04.select(".sp-minute-link")]
    assert "minute 20.1 Ofsted Inspection Process" in discussed


def test_a_person_sees_the_imported_minutes_at_their_anchors(imported, new_page):
    """In Chromium: following a link to minute 20.1.1 shows that minute; screenshots for review."""
    from browser import serve

    _, _, site = imported
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with serve(site.folder) as url:
        for name, address, viewport in (("imported-whole-number", WHOLE, DESKTOP),
                                        ("imported-three-level", THREE_LEVEL, DESKTOP),
                                        ("imported-three-level-phone", THREE_LEVEL, PHONE)):
            page = new_page(viewport=viewport)
            page.goto(f"{url}/{address}")
            settle(page)
            page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)
        page.goto(f"{url}/{THREE_LEVEL}#minute-20.1.1")
        settle(page)
        heading = page.locator("[id='minute-20.1.1']")
        assert heading.is_visible()
        box = heading.bounding_box()
        assert 0 <= box["y"] < PHONE["height"] / 2  # scrolled to the minute, not left at the top of the page
