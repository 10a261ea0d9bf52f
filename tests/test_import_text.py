"""macros/clerks/importing and `python -m macros import-minutes`: a text export of one item → its minutes
file (the seed, and the ways single-item exports vary), and the command a clerk runs."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup

from macros.data import model
from macros.clerks.importing import Export, decode, import_export, text_lines
from macros.clerks.scaffold import yaml_text
from macros.data.minutes import parse_body, plain_text, render_markdown, split_front_matter
from macros.data.yamlload import read_yaml

PROJECT = Path(__file__).resolve().parent.parent
SEED = PROJECT / "tests" / "fixtures" / "seed" / "minutes-cypssc-ofsted-item4.txt"
SHIPPED = PROJECT / "data" / "minutes" / "cypssc-2019-05-15-item-4.md"
FIXTURES = PROJECT / "tests" / "fixtures" / "import"
MEETING = model.Meeting(id="cypssc-2019-05-15", committee="cypssc", date="2019-05-15", source={"document": "x", "publisher": "x",
                                "kind": "official publication", "url": "https://example.org/x"})


def import_minutes(text: str, item: str):
    """The one item of a text export, with every note the import made about the export."""
    result = import_export(Export(text_lines(text)), [item])
    assert len(result.items) == 1 and result.missing == []
    return SimpleNamespace(**vars(result.items[0]), markdown=result.items[0].markdown,
                           notes=[(note.where, note.message) for note in result.notes])


def imported(name: str, item: str):
    text, notes = decode((FIXTURES / name).read_bytes())
    assert notes == []
    return import_minutes(text, item)


def page_text(result) -> str:
    """What the minutes page shows of an import: the item, title and report, then the rendered body."""
    return " ".join([f"Agenda item {result.item}:", result.title or "", result.report or "",
                     plain_text(render_markdown(result.body))])


def words_in_order(source: str, shown: str) -> list[str]:
    """Words of the export (bullet symbols aside) not found in order in the page text; [] if all are."""
    symbols = {"·", "•", "Ø", "\uf0b7"}
    wanted = [w.rstrip(":") for w in plain_text(source).split()
              if w not in symbols and not re.fullmatch(r"\d+\.", w)]
    seen = iter(w.rstrip(":") for w in plain_text(shown).split())
    return [w for w in wanted if not any(w == s for s in seen)]


# --- the real export --------------------------------------------------------------------------------


def test_the_seed_export_becomes_the_shipped_minutes_body_exactly():
    result = import_minutes(SEED.read_text(encoding="utf-8"), "4")
    _, shipped_body, _ = split_front_matter(SHIPPED.read_text(encoding="utf-8"))
    _, body, _ = split_front_matter(result.markdown(MEETING))
    assert plain_text(render_markdown(body)) == plain_text(render_markdown(shipped_body))
    assert body == shipped_body
    # The one line left out: the committee system's label for the documents listed after it.
    assert result.notes == [(177, '"Supporting documents:" taken out — a link to a document published with '
                                  "the item, not the minutes' words; nothing to do")]


def test_the_seed_front_matter_matches_the_shipped_file():
    result = import_minutes(SEED.read_text(encoding="utf-8"), "4")
    front = read_yaml(split_front_matter(result.markdown(MEETING))[0], "x").data
    shipped = read_yaml(split_front_matter(SHIPPED.read_text(encoding="utf-8"))[0], "x").data
    assert front == {key: shipped[key] for key in ("committee", "date", "item", "title", "report")}


def test_the_seed_keeps_every_word_and_every_minute_number_including_the_gap():
    result = import_minutes(SEED.read_text(encoding="utf-8"), "4")
    kept = SEED.read_text(encoding="utf-8").removesuffix("Supporting documents:")
    assert words_in_order(kept, page_text(result)) == []
    body, problems = parse_body(result.body, 1)
    assert problems == []
    assert list(body.minutes) == ["4.1", "4.2", "4.3", "4.5", "4.6", "4.7", "4.8"]  # no 4.4 in the minutes


def test_sub_bullets_nest_under_their_bullet_and_stand_alone_without_one():
    html = BeautifulSoup(render_markdown(import_minutes(SEED.read_text(encoding="utf-8"), "4").body), "html.parser")
    nested = html.select("ul > li > ul > li")
    assert [li.get_text() for li in nested][:2] == ["Caseloads", "Staff recruitment and retention"]
    assert len(nested) == 10
    themes = html.find(id="minute-4.6").find_next("ul")
    assert [li.get_text() for li in themes.find_all("li")][0] == "Learning and Development"
    assert len(themes.find_all("li")) == 7  # the seven themes are one list; the points made are the next
    assert "He explained" in themes.find_next("ul").get_text()
    assert len(html.select("ol > li")) == 6


def test_import_minutes_command_writes_a_file_the_portal_accepts(project):
    """The clerk's path: remove the transcribed file, import the export, and validate the whole portal."""
    project.path("data/minutes/cypssc-2019-05-15-item-4.md").unlink()
    result = run("import-minutes", str(SEED), "--meeting", "cypssc-2019-05-15", "--item", "4", "--root", str(project.root))
    assert result.returncode == 0, result.stderr
    written = project.read("data/minutes/cypssc-2019-05-15-item-4.md")
    front = SHIPPED.read_text(encoding="utf-8").split("---\n")[1]
    lists = front[front.index("minutes:"):]
    project.write("data/minutes/cypssc-2019-05-15-item-4.md", written.replace("---\n\n", lists + "---\n\n", 1))
    validate = run("validate", "--root", str(project.root))
    assert validate.returncode == 0, validate.stderr


def test_import_refuses_to_overwrite_and_names_unknown_meetings(project):
    before = project.read("data/minutes/cypssc-2019-05-15-item-4.md")
    result = run("import-minutes", str(SEED), "--meeting", "cypssc-2019-05-15", "--item", "4", "--root", str(project.root))
    assert result.returncode == 1
    assert "already exists, and was left as it is — " in result.stderr
    assert project.read("data/minutes/cypssc-2019-05-15-item-4.md") == before
    result = run("import-minutes", str(SEED), "--meeting", "cypssc-2030-01-01", "--item", "4", "--root", str(project.root))
    assert result.returncode == 1
    assert 'there is no meeting "cypssc-2030-01-01" — add it to data/meetings.yaml first' in result.stderr
    assert "Traceback" not in result.stderr


def test_import_warns_at_once_of_likely_personal_data(project, tmp_path):
    export = tmp_path / "export.txt"
    export.write_text("Agenda item 2\n\nFostering\n\nMinutes:\n\n2.1 A carer (07700 900123) spoke.\n", encoding="utf-8")
    out = project.path("data/minutes/cypssc-2019-06-19-item-2.md")
    result = run("import-minutes", str(export), "--meeting", "cypssc-2019-06-19", "--item", "2", "--root", str(project.root))
    assert result.returncode == 0, result.stderr
    assert "The safeguarding check found 1 thing that may be personal data" in result.stderr
    assert f"{out}:16: column 10: this looks like a UK phone number (12 characters, " in result.stderr
    assert "07700 900123" not in result.stderr


# --- how real exports vary ----------------------------------------------------------------------------


def test_nested_numbering_and_a_decision_label():
    result = imported("nested-numbering.txt", "20")
    assert result.notes == []
    assert result.title == "Improvement Plan: Quarterly Monitoring"
    body, _ = parse_body(result.body, 1)
    assert list(body.minutes) == ["20.1", "20.1.1", "20.1.2", "20.3"]
    html = BeautifulSoup(render_markdown(result.body), "html.parser")
    assert html.find("h2") is None  # "Decision:" is no heading of the page: it labels the minute it opens
    assert html.find(id="minute-20.1").find_next("p").get_text() == "Decision:"
    assert body.minutes["20.1"].text.startswith("Decision: The Committee considered")
    assert html.find(id="minute-20.1.1").name == "h4"
    assert [li.get_text() for li in html.select("ul > li > ul > li")] == [
        "including cases awaiting allocation", "excluding closed cases"]
    assert [li.contents[0].strip() for li in html.select("ol > li")] == ["Notes the report.", "Asks for the next report in March."]
    assert html.select_one("ol > li > ul > li").get_text() == "with thanks to the team"
    source = (FIXTURES / "nested-numbering.txt").read_text(encoding="utf-8")
    assert words_in_order(source.replace("Decision:", ""), page_text(result)) == []  # the label moved, checked above


def test_item_and_minute_numbers_on_their_own_lines_and_wrapped_paragraphs():
    result = imported("own-line-numbers.txt", "7")
    assert result.notes == []
    assert result.title == "Children’s Services Update"
    body, _ = parse_body(result.body, 1)
    assert body.minutes["7.1"].text == ("The Committee received a verbal update from the Interim Director, "
                                        "which continued on several lines of the export.")
    assert words_in_order((FIXTURES / "own-line-numbers.txt").read_text(encoding="utf-8"), page_text(result)) == []


def test_curly_quotes_are_kept_and_stray_spacing_folded():
    result = imported("quotes-and-spacing.txt", "5")
    assert result.notes == []
    assert result.title == "\u2018Children First\u2019: the \u201cnext steps\u201d"
    assert result.report == "Report by the Director of Law and Assurance."
    assert "### 5.1\n\n\u201cWe accept\u201d, said the Leader, \u2018without reservation\u2019.\n\n" in result.body
    assert "- \u2018Children First\u2019 is the working title.\n- Members noted the £5m budget.\n" in result.body
    assert result.body.endswith("### 5.2\n\nThe Chairman closed the item.\n")  # no space after the number
    front = read_yaml(split_front_matter(result.markdown(MEETING))[0], "x")
    assert front.problems == [] and front.data["title"] == result.title


def test_what_cannot_be_placed_is_kept_and_reported_with_its_line():
    result = imported("unplaceable.txt", "9")
    notes = dict(result.notes)
    assert sorted(notes) == [7, 9, 13, 15]
    assert notes[7].startswith("this text comes before the first numbered minute, so it was placed under the "
                               "item's own number, minute 9 — ")
    assert notes[9].startswith("minute 4.1 does not come after minute 9 above it, so it cannot start a new minute — ")
    assert notes[13].startswith("minute 9.2 does not come after minute 9.2 above it, so it cannot start a new minute — ")
    assert notes[15].startswith('this line starts with "➤", which the importer does not know as a bullet — ')
    shown = page_text(result)
    assert words_in_order((FIXTURES / "unplaceable.txt").read_text(encoding="utf-8"), shown) == []
    assert "# Not a heading" in shown and "the *new* fee_scale and [rates]" in shown


def test_a_windows_1252_export_with_crlf_line_ends_is_read_with_a_note():
    data = "Agenda item 4\r\n\r\nCare Leavers\r\n\r\nMinutes:\r\n\r\n4.1\xa0 The Council\u2019s offer costs £2m.\r\n".encode("cp1252")
    text, notes = decode(data)
    assert notes[0][0] == 1 and "Windows-1252" in notes[0][1]
    result = import_minutes(text, "4")
    assert result.body.endswith("### 4.1\n\nThe Council\u2019s offer costs £2m.\n")
    assert decode("\ufeffAgenda item".encode("utf-8")) == ("Agenda item", [])


def test_an_item_number_and_title_on_one_line_and_words_that_only_look_like_subheadings():
    text = ("Agenda item 6: Children First – Progress\n\nMinutes:\n\n6.1 Minutes of the Improvement Board were "
            "noted.\n\nDecisions taken by Cabinet were explained.\n\n6.2 Decision: to note the report.\n")
    result = import_minutes(text, "6")
    assert (result.title, result.notes) == ("Children First – Progress", [])
    assert result.body == ("## Minutes\n\n### 6.1\n\nMinutes of the Improvement Board were noted.\n\n"
                           "Decisions taken by Cabinet were explained.\n\n### 6.2\n\nDecision: to note the report.\n")


def test_an_export_with_no_title_says_so_and_unnumbered_minutes_take_the_item_s_number():
    result = import_minutes("Minutes:\n\nThe meeting was inquorate.\n", "3")
    assert result.notes == [(1, "no title was found for item 3 — write the agenda item's title into the front matter")]
    assert result.body == "## Minutes\n\n### 3\n\nThe meeting was inquorate.\n"
    front = read_yaml(split_front_matter(result.markdown(MEETING))[0], "x").data
    assert front["title"] is None  # left for the clerk, and validation says "title has no value"


@pytest.mark.parametrize("value", ["Care: planning", "'Quoted'", "# hash", "Plain title", "4", "- dash",
                                   "yes", "A #hash", "“Curly”: colon", "null", "@mention"])
def test_front_matter_values_read_back_exactly_as_written(value):
    assert read_yaml(f"title: {yaml_text(value)}", "x").data == {"title": value}


def run(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "macros", *arguments], cwd=PROJECT,
                          capture_output=True, text=True, timeout=60)


# --- the command on whole meetings ----------------------------------------------------------------------

WHOLE = FIXTURES / "northshire-agenda-and-minutes.txt"


def cli(capsys, *arguments: str) -> subprocess.CompletedProcess:
    """The command run in this process (quicker than a new Python for each test), as a finished process."""
    from macros.cli import main

    capsys.readouterr()
    code = main(list(arguments))
    out, err = capsys.readouterr()
    return subprocess.CompletedProcess(arguments, code, out, err)


def test_a_whole_meeting_becomes_one_file_per_item_and_items_can_be_picked(project, capsys):
    result = cli(capsys, "import-minutes", str(WHOLE), "--meeting", "cypssc-2019-06-19", "--items", "20,21",
                 "--root", str(project.root))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in project.path("data/minutes").glob("cypssc-2019-06-19-*")) == [
        "cypssc-2019-06-19-item-20.md", "cypssc-2019-06-19-item-21.md"]
    assert 'item 20 "Minutes of the last meeting of the Committee", minutes 20.1, 20.2' in result.stdout
    front = read_yaml(split_front_matter(project.read("data/minutes/cypssc-2019-06-19-item-21.md"))[0], "x").data
    assert (front["item"], front["report"]) == ("21", "Report by the Director of Finance, Performance and Procurement.")
    assert f"{WHOLE}:1: lines 1–3: \"Agenda and minutes\" comes before the first agenda item" in result.stderr
    assert "Traceback" not in result.stderr


def test_items_the_export_lacks_and_files_that_exist_are_said_and_the_rest_written(project, capsys):
    project.write("data/minutes/cypssc-2019-06-19-item-19.md", "kept\n")
    result = cli(capsys, "import-minutes", str(WHOLE), "--meeting", "cypssc-2019-06-19", "--items", "19,22,30",
                 "--root", str(project.root))
    assert result.returncode == 1
    assert f"{WHOLE}:1: the export has no item 30 — its items are 19, 20, 21, 22, 23; check ITEMS=" in result.stderr
    assert "cypssc-2019-06-19-item-19.md: this file already exists, and was left as it is — " in result.stderr
    assert project.read("data/minutes/cypssc-2019-06-19-item-19.md") == "kept\n"
    assert project.path("data/minutes/cypssc-2019-06-19-item-22.md").exists()


@pytest.mark.parametrize("name, content, says", [
    ("minutes.doc", b"\xd0\xcf\x11\xe0", "the importer cannot read .doc files — open it and save it as a Word document"),
    ("minutes.docx", b"not a zip", "this is not a Word document that can be read (.docx) — open it in Word"),
    ("missing.txt", None, "there is no such file — check the name and folder of the export"),
])
def test_files_the_import_cannot_read_are_explained(project, tmp_path, capsys, name, content, says):
    export = tmp_path / name
    if content is not None:
        export.write_bytes(content)
    result = cli(capsys, "import-minutes", str(export), "--meeting", "cypssc-2019-06-19", "--root", str(project.root))
    assert result.returncode == 1
    assert result.stderr.startswith(f"{export}: {says}")
    assert "Traceback" not in result.stderr


def test_a_bad_items_list_and_out_with_several_items_are_explained(project, tmp_path, capsys):
    bad = cli(capsys, "import-minutes", str(WHOLE), "--meeting", "cypssc-2019-06-19", "--items", "3;5",
              "--root", str(project.root))
    assert bad.returncode == 1 and 'ITEMS: "3;5" is not an item number — ' in bad.stderr
    several = cli(capsys, "import-minutes", str(WHOLE), "--meeting", "cypssc-2019-06-19", "--out", str(tmp_path / "x.md"),
                  "--root", str(project.root))
    assert several.returncode == 1 and "--out names one file, but the export holds 5 items" in several.stderr


def test_make_passes_items_and_agenda_to_the_import():
    dry = subprocess.run(["make", "-n", "import-minutes", "FILE=e.html", "MEETING=m", "ITEMS=3,5", "AGENDA=drop"],
                         cwd=PROJECT, capture_output=True, text=True, timeout=60)
    assert 'import-minutes "e.html" --meeting "m" --items "3,5" --agenda "drop"' in dry.stdout
    old = subprocess.run(["make", "-n", "import-minutes", "FILE=e.txt", "MEETING=m", "ITEM=4"],
                         cwd=PROJECT, capture_output=True, text=True, timeout=60)
    assert '--items "4" --agenda "keep"' in old.stdout
