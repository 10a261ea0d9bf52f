"""Word (.docx) minutes drafts for the import tests, written with python-docx the way a clerk's
council template lays them out: a title, who was present, items as numbered Word headings or as a
two-cell table (number | title), minutes numbered by hand with a tab after the number, Word's own
bullets beside typed "·" and "Ø" bullets, a bold RESOLVED, and paragraphs of no-break spaces."""

from __future__ import annotations

from pathlib import Path

import docx

NB = "\u00a0"


def southvale_draft(path: Path) -> Path:
    """A district council's three-level draft: items 30 to 34 (expected minutes in test_import_formats.py)."""
    document = docx.Document()
    document.add_paragraph("SOUTHVALE DISTRICT COUNCIL", style="Title")
    document.add_paragraph(
        "Minutes of a meeting of the Children's Services Scrutiny Sub-Committee held at the Council Offices, "
        "Market Street, on Wednesday 20 March 2019 at 7.00 pm"
    )
    document.add_paragraph("Present: Councillors A. Grey (Chair), M. Okafor, S. Lindqvist and P. Rowe")
    document.add_heading("30.\tApologies for Absence", level=2)
    document.add_paragraph("Apologies were received from Councillor T. Venn.")
    document.add_heading("31.\tMinutes", level=2)
    document.add_paragraph("The minutes of the meeting held on 16 January 2019 were agreed as a correct record.")
    document.add_paragraph(NB * 3)
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "32."
    table.cell(0, 1).text = "Fostering Sufficiency Strategy 2019-2022"
    document.add_paragraph(
        "32.1\tThe Sub-Committee considered a report by the Head of Children's Services (copy appended to the "
        "signed minutes)."
    )
    document.add_paragraph("32.2\tMembers raised the following points:")
    document.add_paragraph("the number of in-house foster carers had fallen by 9 in the year;", style="List Bullet")
    document.add_paragraph("recruitment events had been poorly advertised;", style="List Bullet")
    document.add_paragraph(f"·\t{NB}{NB}   fees were lower than those of neighbouring councils;")
    document.add_paragraph(f"Ø\t{NB}  especially for carers of teenagers.")
    document.add_paragraph(NB)
    resolved = document.add_paragraph()
    resolved.add_run("RESOLVED").bold = True
    document.add_paragraph("32.3\tThat the Strategy be endorsed, and that  the Sub-Committee recieve a report on fees.")
    document.add_heading("33.\tUpdate on the Ofsted Improvement Plan", level=2)
    document.add_paragraph("33.1\tCaseloads")
    document.add_paragraph("33.1.1\tThe Head of Service reported that average caseloads had fallen to 17.")
    document.add_paragraph("33.1.2\tMembers asked for caseloads to be shown by team in future reports.")
    document.add_paragraph("33.2\tQuality Assurance")
    document.add_paragraph("33.2.1\tThe Principal Social Worker described the new audit programme.")
    document.add_paragraph("Decision:")
    document.add_paragraph("33.2.2\tThe Sub-Committee noted the update.")
    document.add_heading("34.\tWork Programme", level=2)
    document.add_paragraph("The Sub-Committee agreed its work programme for 2019/20, with two additions:")
    document.add_paragraph("placement stability;", style="List Number")
    document.add_paragraph("the voice of the child.", style="List Number")
    document.add_paragraph("The meeting closed at 8.52 pm")
    document.add_paragraph("Chair")
    document.save(path)
    return path
