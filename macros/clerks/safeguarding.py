"""The safeguarding check: find likely personal data about children and families before publishing.

It looks through every file in data/ (minutes included) for e-mail addresses, UK phone numbers,
National Insurance numbers, NHS numbers (with a valid check digit), full UK postcodes, dates of
birth, ages next to a name, and case-reference numbers. It helps a person check; it does not
replace one. Text a person has checked and agreed may be published goes in
data/safeguarding-allow.yaml, with the reason, who checked it and when.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..data import model
from ..data.load import load_record
from ..data.problems import Problem, check_again

ALLOW_LIST = "data/safeguarding-allow.yaml"
SCANNED = (".yaml", ".yml", ".md", ".txt", ".csv", ".json")

MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
DATE = (
    rf"(?:\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH}\s+\d{{4}})"
)
AGE = re.compile(r"\b(?:aged|age)\s+\d{1,2}\b|\b\d{1,2}[- ]years?[- ]old\b|\b\d{1,2}[- ]month[- ]old\b", re.IGNORECASE)
TITLED_NAME = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Master|Dr)\.?\s+[A-Z][a-z]+")
CAPITALISED = re.compile(r"(?<![\w'’-])[A-Z][a-z]+(?:-[A-Z][a-z]+)?\b")
# Capitalised words in committee papers that are not people's names.
NOT_NAMES = set(
    """
The A An In On At For Of And Or To With By From Our Their His Her This That These Those Some All Any Each
Council County Borough District City Committee Cabinet Board Panel Group Team Service Services Member
Members Chairman Chair Leader Director Officer Officers Head Manager Minister Department Education Health
Social Care Children Child Young People Person Persons Adults Adult Families Family Parents Parent Carers
Carer Foster Fostering Leavers Leaver Looked After Residential Home Homes School Schools College Academy
Ofsted Scrutiny Select Improvement Plan Partnership Partners Agency Agencies Hub Court Police Trust NHS
Report Reports Minute Minutes Item Meeting Agenda Resolution Recommendation Recommendations Theme Themes
Children's Council's Service's Interim Executive Assistant Deputy Senior Cabinet's Corporate Parenting
Special Educational Needs Disabilities Unaccompanied Asylum Seeking Newly Qualified Workers Worker
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July
August September October November December West East North South Sussex England United Kingdom
Members' Whole Effective Learning Development Compliance Leadership Workforce Business Processes Design
First Early Earliest Help Integrated Prevention Multi Safeguarding Permanence Quality Assurance
""".split()
)
NHS_NUMBER = re.compile(r"(?<![\w/.-])(\d{3})[ -]?(\d{3})[ -]?(\d{4})(?![\w/-])")
# +44 7700 900123, (01632) 960 002, 020 7946 0123 …; how many digits it has is checked after.
PHONE = re.compile(r"(?<![\w/.+-])(?:\+44\s?(?:\(0\)\s?)?\d|\(0\d{2,5}\)\s?\d|0\d)[\d\s-]{4,14}\d(?![\w/-])")


@dataclass(frozen=True)
class Kind:
    """One kind of personal data: how to find it, what to call it and what to do about it."""

    name: str
    find: Callable[[str], Iterator[re.Match[str]]]
    advice: str


def _pattern(regex: str, flags: int = 0) -> Callable[[str], Iterator[re.Match[str]]]:
    compiled = re.compile(regex, flags)
    return compiled.finditer


def _nhs_numbers(line: str) -> Iterator[re.Match[str]]:
    for match in NHS_NUMBER.finditer(line):
        if nhs_check_digit_ok("".join(match.groups())):
            yield match


def nhs_check_digit_ok(digits: str) -> bool:
    """NHS numbers end in a modulus-11 check digit; a random 10-digit number usually fails it."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    remainder = sum(int(d) * (10 - i) for i, d in enumerate(digits[:9])) % 11
    check = 11 - remainder
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def _phones(line: str) -> Iterator[re.Match[str]]:
    for match in PHONE.finditer(line):
        digits = re.sub(r"\D", "", match.group())
        national = digits[2:] if match.group().startswith("+") else digits.removeprefix("0")
        if len(national) in (9, 10) and not nhs_check_digit_ok(digits):
            yield match


def _ages_near_names(line: str) -> Iterator[re.Match[str]]:
    for match in AGE.finditer(line):
        start = max(0, match.start() - 30)
        window = line[start : match.end() + 30]
        if TITLED_NAME.search(window) or any(
            _is_name(window, word, line[start + word.end() : match.start()]) for word in CAPITALISED.finditer(window)
        ):
            yield match


def _is_name(text: str, word: re.Match[str], up_to_age: str) -> bool:
    """A capitalised word that is not a committee-paper word; at the start of a sentence it counts
    only right before the age ("Jack, aged 7"), as "There were…" or "Many aged 16…" are not names."""
    if word.group() in NOT_NAMES:
        return False
    before = text[: word.start()].rstrip()
    sentence_start = before == "" or before[-1] in '.!?:;-*•·>"“‘(' or before.endswith("- ")
    return not sentence_start or re.fullmatch(r"[\s,(]*", up_to_age) is not None


KINDS = (
    Kind(
        "an e-mail address",
        _pattern(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
        "remove it unless it is a published work address",
    ),
    Kind("an NHS number", _nhs_numbers, "remove it: an NHS number identifies one person"),
    Kind("a UK phone number", _phones, "remove it unless it is a published work number"),
    Kind(
        "a National Insurance number",
        _pattern(r"\b[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b"),
        "remove it: a National Insurance number identifies one person",
    ),
    Kind(
        "a full postcode",
        _pattern(r"\b(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})\b"),
        "remove it unless it is the address of a public building; a full postcode can point to a family's home",
    ),
    Kind(
        "a date of birth",
        _pattern(rf"\b(?:date\s+of\s+birth|d\.?o\.?b\.?|born(?:\s+on)?)\s*[:\-–(]?\s*{DATE}", re.IGNORECASE),
        "remove it: a date of birth helps identify a child",
    ),
    Kind("an age next to a name", _ages_near_names, "remove the name or the age: together they can identify a child"),
    Kind(
        "a case reference",
        _pattern(
            r"\b(?i:case|child|client|family|referral|person|LCS|Mosaic|CareFirst|ICS)\s+"
            r"(?i:ref(?:erence)?|no|number|id)\b\.?\s*[:#]?\s*[A-Za-z]{0,4}[/-]?\d[\dA-Za-z/-]{2,}"
            r"|\b[A-Z]{2,5}[/-]\d{2,4}[/-]\d{3,6}\b"
        ),
        "remove it: a case reference points to one child's or family's records",
    ),
)


def scan_text(text: str, file: str, allowed: set[str]) -> list[Problem]:
    """Every likely piece of personal data in one file's text, as problems with file and line."""
    problems = []
    for number, line in enumerate(text.split("\n"), start=1):
        taken: list[tuple[int, int]] = []  # one finding per stretch of text: an NHS number is not also a phone
        for kind in KINDS:
            for match in kind.find(line):
                span = match.span()
                if _fold(match.group()) in allowed or any(s < span[1] and span[0] < e for s, e in taken):
                    continue
                taken.append(span)
                problems.append(Problem(file, number, _message(kind, match)))
    return problems


def scan(root: Path) -> list[Problem]:
    """Scan every data file under root/data, minus the texts in the reviewed allow-list."""
    allowed = allowed_texts(root)
    problems = []
    for path in sorted((root / "data").rglob("*")):
        relative = path.relative_to(root).as_posix()
        if path.is_file() and path.suffix in SCANNED and relative != ALLOW_LIST:
            text = path.read_bytes().decode("utf-8", errors="replace")
            problems += scan_text(text, relative, allowed)
    return problems


def flags(root: Path) -> Callable[[str], bool]:
    """A test for text published from outside data/, such as the commit messages each record's
    history shows: true where the check would stop that text if it were in a data file."""
    allowed = allowed_texts(root)
    return lambda text: bool(scan_text(text, "", allowed))


def allowed_texts(root: Path) -> set[str]:
    """The texts of the reviewed exceptions, read through the strict loader (none if the file is absent)."""
    if not (root / ALLOW_LIST).is_file():
        return set()
    return {_fold(entry.text) for entry in load_record(root, ALLOW_LIST, model.SafeguardingAllowList).allowed}


def report(problems: list[Problem]) -> str:
    count = len(problems)
    lines = [
        f"The safeguarding check found {count} thing{'s' if count != 1 else ''} that may be personal "
        "data about a child or family. Nothing has been published.",
        "",
    ]
    lines += [str(problem) for problem in sorted(problems)]
    lines += [
        "",
        "Open each file at the line shown. If the text identifies a child, a family or a member of "
        "the public, remove it. If a person has checked that it is fine to publish (a council's published "
        f"switchboard number, say), add it to {ALLOW_LIST} with the reason, who checked it and when. "
        + check_again("make safeguard"),
    ]
    return "\n".join(lines)


def _message(kind: Kind, match: re.Match[str]) -> str:
    # The text itself is not repeated: build logs can be public. The column finds it on the line.
    return (
        f"column {match.start() + 1}: this looks like {kind.name} ({_hint(match.group())}) — {kind.advice}; "
        f"if a person has checked it is fine to publish, add it to {ALLOW_LIST} with the reason, "
        "who checked it and when"
    )


def _hint(text: str) -> str:
    """Enough of the text to recognise it on the line, not enough to publish it again in a log."""
    shown = max(2, len(text) // 4)
    return f"{len(text)} characters, starting “{text[:shown]}…”"


def _fold(text: str) -> str:
    return " ".join(text.split())
