"""Whole meetings as committee systems publish them (text, saved web page, Word) → one minutes file
per item. Each fixture's expectation is what a careful person finds in it, written down by hand:
for each item its title, then each minute's number, title and first words."""

from __future__ import annotations

import email.message
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from word_drafts import southvale_draft

from macros.clerks.importing import import_export, read_export
from macros.data.minutes import parse_body, render_markdown

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "import"

# item → (title, [(minute, its title, its first words)])
NORTHSHIRE = {  # whole-meeting text export: header twice, "21." alone on a line, a quoted earlier minute
    "19": ("Declarations of Interest", [("19", "", "In accordance with the Code of Conduct, Mr Baxter")]),
    "20": ("Minutes of the last meeting of the Committee", [
        ("20.1", "", "Resolved – that the minutes of the meeting held on 12 July 2018 be approved"),
        ("20.2", "", "The Chairman noted that the action log"),
    ]),
    "21": ("Performance and Resources Report – Quarter 1 2018/19, including the Children's Social Care "
           "Improvement Scorecard and the Directorate Risk Register",
           [("21", "", "The Committee considered the Performance and Resources Report for Quarter 1")]),
    "22": ("Forward Plan of Key Decisions", [("22", "", "The Committee noted the Forward Plan")]),
    "23": ("Date of the next meeting", [("23", "", "The Committee noted that its next meeting")]),
}
EASTMOOR = {  # saved web page: site chrome, a table of items, three-level numbering with titled subheadings
    "18": ("Apologies for Absence", [("18", "", "Apologies for absence were received")]),
    "19": ("Minutes of the Previous Meeting held on 8 November 2018", [("19", "", "RESOLVED That the minutes")]),
    "20": ("Ofsted Inspection of Local Authority Children's Services (ILACS): Outcome, Improvement Plan and the "
           "Role of the Panel in Monitoring Progress", [
               ("20.1", "Ofsted Inspection Process", ""),
               ("20.1.1", "", "The Director of Children's Services explained that the inspection"),
               ("20.1.2", "", "Members asked: whether the findings on the front door"),
               ("20.1.3", "", "The Director said that the service had anticipated"),
               ("20.2", "Improvement Plan", ""),
               ("20.2.1", "", "The Head of Quality Assurance presented the draft plan"),
               ("20.2.2", "", "Decision RESOLVED that the Panel: notes the outcome of the inspection;"),
           ]),
    "21": ("Questions from Members of the Public", [("21", "", "Question from a parent How many children waited")]),
}
WESTBRIDGE = {  # flattened page: the numbers survive only in "… view the full minutes text for item N"
    "1": ("Apologies and Substitutions", [("1", "", "Apologies were recieved from Councillor Dunn.")]),
    "2": ("Minutes of the meeting held on 10 December 2018", [("2", "", "Resolved that the minutes")]),
    "3": ("Care Leavers' Local Offer and the Staying Put Policy: Annual Review of Take-up and the Views of "
          "Young People", [("3", "", "The Panel considered the report, which set out the Local Offer")]),
    "4": ("Members' Questions", [("4", "", "Councilor Patel asked whether care leavers had been consulted")]),
}
SOUTHVALE = {  # Word draft: Word headings "30.<tab>Title", a table row "32. | Title", Word's and typed bullets
    "30": ("Apologies for Absence", [("30", "", "Apologies were received from Councillor T. Venn.")]),
    "31": ("Minutes", [("31", "", "The minutes of the meeting held on 16 January 2019")]),
    "32": ("Fostering Sufficiency Strategy 2019-2022", [
        ("32.1", "", "The Sub-Committee considered a report"),
        ("32.2", "", "Members raised the following points: the number of in-house foster carers"),
        ("32.3", "", "RESOLVED That the Strategy be endorsed, and that the Sub-Committee recieve"),
    ]),
    "33": ("Update on the Ofsted Improvement Plan", [
        ("33.1", "Caseloads", ""),
        ("33.1.1", "", "The Head of Service reported"),
        ("33.1.2", "", "Members asked for caseloads"),
        ("33.2", "Quality Assurance", ""),
        ("33.2.1", "", "The Principal Social Worker"),
        ("33.2.2", "", "Decision: The Sub-Committee noted the update."),
    ]),
    "34": ("Work Programme", [("34", "", "The Sub-Committee agreed its work programme for 2019/20, with two "
                                          "additions: placement stability; the voice of the child. The meeting")]),
}


@pytest.fixture(scope="module")
def southvale(tmp_path_factory) -> Path:
    return southvale_draft(tmp_path_factory.mktemp("word") / "southvale-draft.docx")


def found(path: Path, expected: dict, **options) -> dict:
    """What the import found, in the expectations' shape (first words as many as expected)."""
    result = import_export(read_export(path), **options)
    shape = {}
    for item in result.items:
        body, problems = parse_body(item.body, 1)
        assert problems == []
        lengths = {number: len(words) for number, _, words in expected.get(item.item, ("", []))[1]}
        shape[item.item] = (item.title, [(m.number, m.title, m.text[: lengths.get(m.number, 40)])
                                         for m in body.minutes.values()])
    return shape


EXPECTED = {"northshire-agenda-and-minutes.txt": NORTHSHIRE, "eastmoor-three-level.html": EASTMOOR,
            "westbridge-flattened.txt": WESTBRIDGE, "southvale-draft.docx": SOUTHVALE}


@pytest.mark.parametrize("name", ["northshire-agenda-and-minutes.txt", "eastmoor-three-level.html",
                                  "westbridge-flattened.txt"])
def test_each_export_gives_the_minutes_a_careful_person_finds(name):
    assert found(FIXTURES / name, EXPECTED[name]) == EXPECTED[name]


def test_a_word_draft_gives_the_minutes_a_careful_person_finds(southvale):
    assert found(southvale, SOUTHVALE) == SOUTHVALE


def test_a_page_saved_as_a_single_file_reads_as_the_page_itself(tmp_path):
    message = email.message.EmailMessage()
    message["Subject"] = "Agenda for Children and Families Scrutiny Panel"
    message.set_content((FIXTURES / "eastmoor-three-level.html").read_text(encoding="utf-8"), subtype="html",
                        cte="quoted-printable")
    saved = tmp_path / "agenda.mhtml"
    saved.write_bytes(message.as_bytes())
    assert found(saved, EASTMOOR) == EASTMOOR


def test_items_can_be_picked():
    picked = found(FIXTURES / "eastmoor-three-level.html", EASTMOOR, items=["20", "21"])
    assert picked == {number: EASTMOOR[number] for number in ("20", "21")}


def notes_of(path: Path, **options) -> dict[int, list[str]]:
    result = import_export(read_export(path), **options)
    notes: dict[int, list[str]] = {}
    for note in result.notes:
        notes.setdefault(note.where, []).append(("taken out: " if note.removed else "") + note.message)
    return notes


def test_every_artefact_taken_out_is_listed_by_its_line():
    notes = notes_of(FIXTURES / "northshire-agenda-and-minutes.txt")
    header = [line for line in (1, 3, 5, 7, 9, 11, 13, 15, 17) if "comes before the first agenda item" in notes[line][0]]
    assert header == [1, 3, 5, 7, 9, 11, 13, 15, 17]  # "Agenda and minutes" twice … "No.", "Item"
    assert notes[31] == ['taken out: "pdf icon PDF 214 KB" taken off the end of the title — the committee '
                         "system's link to the report, not part of the title"]
    assert notes[53][0].startswith('taken out: "Additional documents:" taken out — a link to a document')
    assert notes[55][0].startswith('taken out: "Appendix A - Improvement Scorecard, item 21. pdf icon PDF 1 MB"')
    assert [notes[line][0].split(" — ")[1] for line in (81, 83, 85)] == ["the committee system's page heading, "
                                                                          "repeated on the page; nothing to do"] * 3
    assert notes[39] == ['minute 15.16 is a minute of an earlier meeting, quoted here ("the following minute"), '
                         "so it stays part of minute 20.1 — nothing to do unless it is this meeting's"]
    # and nothing else: every other line is placed in a minutes file
    assert sorted(notes) == [*header, 31, 39, 47, 53, 55, 57, 81, 83, 85, 95]


def test_trailers_are_taken_out_and_said_to_point_to_the_full_text():
    notes = notes_of(FIXTURES / "westbridge-flattened.txt")
    trailers = sorted(line for line, messages in notes.items() if "view the full" in messages[0])
    assert trailers == [9, 11, 13, 15, 22, 29]
    assert "the full text is on that item's own page" in notes[9][0]


def test_the_agenda_text_can_be_dropped_and_each_dropped_line_is_listed():
    keep = import_export(read_export(FIXTURES / "northshire-agenda-and-minutes.txt"), items=["21"])
    drop = import_export(read_export(FIXTURES / "northshire-agenda-and-minutes.txt"), items=["21"], keep_agenda=False)
    assert keep.items[0].body.startswith("The performance report can be found at pp a to b of the agenda pack.")
    assert drop.items[0].body.startswith("## Minutes\n\n### 21\n\nThe Committee considered")
    assert [note.where for note in drop.notes if "AGENDA=drop" in note.message] == [51]
    assert keep.items[0].report == "Report by the Director of Finance, Performance and Procurement."


def test_the_quoted_minute_stays_in_the_minute_that_quotes_it_as_a_quotation():
    result = import_export(read_export(FIXTURES / "northshire-agenda-and-minutes.txt"), items=["20"])
    html = BeautifulSoup(render_markdown(result.items[0].body), "html.parser")
    quote = html.find("blockquote")
    assert quote.get_text(strip=True).startswith("15.16 The Committee was told")
    assert quote.find_previous("h3")["id"] == "minute-20.1"
    assert "minute-15.16" not in str(html)


def test_bullets_labels_and_spacing_from_the_web_page_and_word():
    page = import_export(read_export(FIXTURES / "northshire-agenda-and-minutes.txt"), items=["21"]).items[0].body
    assert ("- agency social worker numbers had fallen for the third month running;\n"
            "    - in the North area from 31 to 24;\n    - in the South area from 19 to 17;\n") in page
    assert "**Resolved –**\n\n1. That the Committee notes the Quarter 1 position;\n2. That the Committe asks" in page
    html = BeautifulSoup(render_markdown(page), "html.parser")
    assert html.find("h2") and [h.get_text() for h in html.find_all("h2")] == ["Minutes"]  # Resolved is no heading
    assert html.find("strong").get_text() == "Resolved –"


def test_word_s_own_numbering_is_flagged_for_checking(southvale):
    notes = notes_of(southvale)
    assert any("Word's automatic numbering" in message for message in notes[1])
    assert "SOUTHVALE DISTRICT COUNCIL" in notes[1][1]


def shape(result) -> list[tuple[str, str | None, list[str]]]:
    return [(item.item, item.title, item.minutes) for item in result.items]


def test_a_plain_text_draft_with_number_and_title_on_one_line():
    from macros.clerks.importing import Export, text_lines

    text = ("Minutes of the Adoption Panel, 3 April 2019\n\nPresent: Councillor Adeyemi\n\n12. Apologies\n\n"
            "None were received.\n\n13. Regional Adoption Agency Update\n\n13.1 The Panel received an update.\n\n"
            "RESOLVED that the Panel:\n\n1. Notes the update\n\n2. Asks for a report in July\n\n"
            "14. Any Other Business\n\nThere was none.\n")
    result = import_export(Export(text_lines(text)))
    assert shape(result) == [("12", "Apologies", ["12"]), ("13", "Regional Adoption Agency Update", ["13.1"]),
                             ("14", "Any Other Business", ["14"])]
    assert "1. Notes the update\n2. Asks for a report in July\n" in result.items[1].body


def test_bold_paragraphs_are_headings_in_a_page_or_a_word_document():
    from macros.clerks.importing.webpage import read

    page = ("<body><p><b>Minutes of the Fostering Panel</b></p><p><strong>7. Fostering Recruitment</strong></p>"
            "<p>7.1 The Panel heard that <b>nine</b> households had applied.</p>"
            "<p><strong>8.</strong> <strong>Date of Next Meeting</strong></p><p>The Panel will meet on 5 June.</p>"
            "</body>")
    result = import_export(read(page))
    assert shape(result) == [("7", "Fostering Recruitment", ["7.1"]), ("8", "Date of Next Meeting", ["8"])]
    assert "nine households" in result.items[0].body


def test_other_links_of_the_page_are_taken_out_and_sentences_are_not_items():
    from macros.clerks.importing import Export, text_lines

    text = ("Items\n\n4.\n\nDeclarations of Interest\n\nView the declarations of interest for item 4.\n\n"
            "Minutes:\n\nNone.\n\n5.\n\nCare Leavers' Council Tax Exemption\n\nMinutes:\n\n"
            "Item 6 was deferred to June.\n\nMinute 15 of the last meeting was noted.\n")
    result = import_export(Export(text_lines(text)))
    assert shape(result) == [("4", "Declarations of Interest", ["4"]), ("5", "Care Leavers' Council Tax Exemption", ["5"])]
    assert "Item 6 was deferred to June.\n\nMinute 15 of the last meeting was noted.\n" in result.items[1].body
    assert [(n.where, n.removed) for n in result.notes if "declarations" in n.message] == [(7, True)]


def test_a_page_with_no_content_area_leaves_out_the_site_s_header_and_footer():
    from macros.clerks.importing.webpage import read

    page = ("<body><header><p>Westbridge Council</p><nav>Home</nav></header><h1>Agenda and minutes</h1>"
            "<table><tr><td>6.</td><td>Youth Justice Plan</td></tr></table><p>Minutes:</p>"
            "<p>The Panel endorsed the plan.</p><footer><p>© Westbridge Council 2019</p></footer>"
            "<div hidden>Print</div><p style='display: none'>Share</p></body>")
    result = import_export(read(page))
    assert shape(result) == [("6", "Youth Justice Plan", ["6"])]
    assert result.items[0].body == "## Minutes\n\n### 6\n\nThe Panel endorsed the plan.\n"
