"""macros/clerks/safeguarding.py and `python -m macros safeguard`: likely personal data stops the build."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from macros.clerks.safeguarding import nhs_check_digit_ok, scan, scan_text

PROJECT = Path(__file__).resolve().parent.parent
MINUTES = "data/minutes/cypssc-2019-05-15-item-4.md"

# Planted cases: (text a clerk might paste, the kind the check must report). Phone numbers are
# from Ofcom's ranges for drama; names, postcodes and references are made up.
PLANTED = [
    ("Contact the family at jane.doe@example.com for details.", "an e-mail address"),
    ("Her worker is s.smith@county.example.gov.uk now.", "an e-mail address"),
    ("Mum can be reached on 07700 900123 most days.", "a UK phone number"),
    ("Ring 01632 960001 after 5pm.", "a UK phone number"),
    ("The foster carer gave +44 7700 900456 as a contact.", "a UK phone number"),
    ("Tel: (01632) 960 002", "a UK phone number"),
    ("020 7946 0123 is the father's mobile.", "a UK phone number"),
    ("His NI number is AB 12 34 56 C.", "a National Insurance number"),
    ("National Insurance: JK123456D", "a National Insurance number"),
    ("NHS number 943 476 5919 was on the form.", "an NHS number"),
    ("Her NHS no. is 4010232137.", "an NHS number"),
    ("The referral quoted 640-123-4563.", "an NHS number"),
    ("The family moved to 12 Acacia Avenue, RH12 3XY last month.", "a full postcode"),
    ("She now lives near BN1 1AA with an aunt.", "a full postcode"),
    ("DOB: 03/04/2012", "a date of birth"),
    ("date of birth 3 April 2012, placed in Crawley", "a date of birth"),
    ("The boy was born on 14th March 2015 in hospital.", "a date of birth"),
    ("(d.o.b. 2011-09-01)", "a date of birth"),
    ("We heard that Jack, aged 7, was moved three times.", "an age next to a name"),
    ("Mrs Patel's daughter, aged 12, waited a year.", "an age next to a name"),
    ("A girl, Amelia (aged 9), had four social workers.", "an age next to a name"),
    ("It concerned a 14-year-old called Tyler.", "an age next to a name"),
    ("Sophie Brown, 15 years old, had no plan.", "an age next to a name"),
    ("The case ref: 123456 was closed too early.", "a case reference"),
    ("See Mosaic ID 7654321 for the plan.", "a case reference"),
    ("Referral number CR/2019/0456 was not followed up.", "a case reference"),
    ("Officers cited CP-19-00123 in the audit.", "a case reference"),
]

# Near-misses: ordinary committee text that must not be reported.
NOT_PERSONAL = [
    "### 4.1", "### 20.1.1", "minute: 4.3", "At the meeting of 15 May 2019 the Committee resolved:",
    "date: 2019-05-15", "Full Council on 5 April 2019", "R01", "recommendation: ofsted-2019-r01", "Rec 3",
    "£5m has been made available.", "around 40 Newly Qualified Social Workers would join the authority.",
    "Services for young people aged 16 to 25 were judged good.", "Care Leavers aged 18 to 21 are supported.",
    "Children aged 11 and over were asked.", "There were many aged 16 or 17.", "A reference number 123 456 7890 is not an NHS number.",
    "(ieListDocuments.aspx?MId=2166)", "County Hall is in the PO19 district.", "In 2019-2020 the budget grew.",
    "There were 7 inspectors at WSCC for 2 weeks.", "AB 12 34 56 is not complete.",
    "Email the clerk through the council's website.", "Call 0800 111 for the switchboard.",
    "12 recommendations; 6 resolutions; 4.8 Resolved that the Committee:",
]


@pytest.mark.parametrize("text, kind", PLANTED, ids=[f"{i:02d}" for i in range(len(PLANTED))])
def test_every_planted_case_is_caught_once_with_its_kind_and_line(text, kind, plain_words):
    problems = scan_text(f"first line\n{text}\n", "data/minutes/x.md", allowed=set())
    assert [(p.file, p.line) for p in problems] == [("data/minutes/x.md", 2)]
    assert f"this looks like {kind} (" in problems[0].message
    plain_words(problems[0].message)


def test_there_are_at_least_20_planted_cases_covering_every_kind():
    assert len(PLANTED) >= 20
    from macros.clerks.safeguarding import KINDS
    assert {kind for _, kind in PLANTED} == {kind.name for kind in KINDS}


@pytest.mark.parametrize("text", NOT_PERSONAL)
def test_ordinary_committee_text_is_not_reported(text):
    assert scan_text(text, "data/x.yaml", allowed=set()) == []


def test_the_shipped_data_has_no_findings():
    assert scan(PROJECT) == []


def test_the_report_does_not_repeat_the_personal_data_itself():
    message = scan_text("Mum: 07700 900123", "x.md", allowed=set())[0].message
    assert "07700 900123" not in message
    assert message.startswith("column 6: this looks like a UK phone number (12 characters, starting “077…”) — ")


def test_nhs_check_digit():
    assert nhs_check_digit_ok("9434765919")
    assert not nhs_check_digit_ok("9434765918")
    assert not nhs_check_digit_ok("1234567890")


def test_safeguard_command_fails_with_file_line_then_an_allow_list_entry_lets_it_through(project):
    planted = project.replace(MINUTES, "The next snapshot inspection", "Call 01632 960000 or email a.family@example.com. The next snapshot inspection")
    aged = project.replace("data/progress/2019-05-15.yaml", "Ofsted identified caseloads", "Amelia (aged 9) said Ofsted identified caseloads")
    result = run("safeguard", "--root", str(project.root))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert lines[0].startswith("The safeguarding check found 3 things that may be personal data")
    assert sum(line.startswith(f"{MINUTES}:{planted}: column ") for line in lines) == 2
    assert any(f"data/progress/2019-05-15.yaml:{aged}: column " in line and "an age next to a name" in line for line in lines)

    project.write("data/safeguarding-allow.yaml", "allowed:\n  - text: 01632  960000\n"
                  "    reason: the council's published switchboard number\n"
                  "    reviewed_by: A. Clerk\n    reviewed_on: 2019-06-01\n")
    result = run("safeguard", "--root", str(project.root))
    assert "found 2 things" in result.stderr and "UK phone number" not in result.stderr


def test_a_faulty_allow_list_is_reported_in_the_clerks_words(project):
    project.write("data/safeguarding-allow.yaml", "allowed:\n  - text: 01632 960000\n    reason: switchboard\n")
    for command in ("safeguard", "validate"):
        result = run(command, "--root", str(project.root))
        assert result.returncode == 1
        assert 'data/safeguarding-allow.yaml:2: "reviewed_by" is missing — ' in result.stderr


def test_make_build_and_serve_run_the_check_before_building():
    for target, command in (("build", "mkdocs build"), ("serve", "mkdocs serve")):
        plan = subprocess.run(["make", "-n", target], cwd=PROJECT, capture_output=True, text=True).stdout
        assert "python -m macros safeguard" in plan, plan
        assert plan.index("python -m macros safeguard") < plan.index(command)


def run(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "macros", *arguments], cwd=PROJECT,
                          capture_output=True, text=True, timeout=60)
