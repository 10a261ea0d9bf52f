"""The kinds of personal data about children and families the safeguarding check looks for.

Each Kind finds its matches in one line of normalised text (see plain_text.py: NFKC, no zero-width
characters, plain dashes and spaces). Every pattern is linear in the length of the text: each
quantifier has an upper bound and each pattern starts only where a word (or number) starts, so a
hostile 200,000-character token costs the same per character as a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .people import PARENTS, Finder, ages, foster_carers, relatives, schools


@dataclass(frozen=True)
class Kind:
    """One kind of personal data: how to find it, what to call it and what to do about it. `needs`
    is what a line must hold for the kind to be looked for at all (a digit, unless said), so most
    lines cost one fast search per kind."""

    name: str
    finder: Finder
    advice: str
    needs: re.Pattern[str] = re.compile(r"\d")

    def find(self, line: str) -> Iterator[tuple[int, int, str]]:
        return self.finder(line) if self.needs.search(line) else iter(())


def _pattern(regex: str, flags: int = 0, note: str = "") -> Finder:
    compiled = re.compile(regex, flags)

    def find(line: str) -> Iterator[tuple[int, int, str]]:
        for match in compiled.finditer(line):
            yield match.start(), match.end(), note

    return find


# --- numbers, addresses and dates -----------------------------------------------------------------

NHS_NUMBER = re.compile(r"(?<![\w/.-])(\d{3})[ .-]?(\d{3})[ .-]?(\d{4})(?![\w/-])")
# +44 7700 900123, (01632) 960 002, 020.7946.0123 …; how many digits it has is checked after.
PHONE = re.compile(
    r"(?<![\w/.+-])(?:\+44[\s.-]?(?:\(0\)[\s.-]?)?\d|\(0\d{2,5}\)[\s.-]?\d|0\d)[\d\s.-]{4,16}\d(?![\w/-])"
)


def nhs_check_digit_ok(digits: str) -> bool:
    """NHS numbers end in a modulus-11 check digit; a random 10-digit number usually fails it."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    remainder = sum(int(d) * (10 - i) for i, d in enumerate(digits[:9])) % 11
    check = 11 - remainder
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def _nhs_numbers(line: str) -> Iterator[tuple[int, int, str]]:
    for match in NHS_NUMBER.finditer(line):
        if nhs_check_digit_ok("".join(match.groups())):
            yield match.start(), match.end(), ""


def _phones(line: str) -> Iterator[tuple[int, int, str]]:
    for match in PHONE.finditer(line):
        digits = re.sub(r"\D", "", match.group())
        national = (digits[2:] if match.group().startswith("+") else digits).removeprefix("0")
        if len(national) in (9, 10) and not nhs_check_digit_ok(digits):
            yield match.start(), match.end(), ""


WORD = r"[\w+-]{1,40}"
SPELT_DOT = r"(?:\s{0,3}[\[({<]\s{0,2}dot\s{0,2}[\])}>]\s{0,3}|\s{1,3}dot\s{1,3})"
DOT = rf"(?:{SPELT_DOT}|\.)"
TOP_LEVEL = r"(?:com|org|net|uk|gov|edu|info|biz|io|me|co|ac|nhs|sch|police|scot|wales|eu|ie)"
SPELT_AT = r"(?:\s{0,3}[\[({<]\s{0,2}at\s{0,2}[\])}>]\s{0,3}|\s{1,3}at\s{1,3})"
WRITTEN_EMAIL = re.compile(
    rf"(?<![\w.+-])(?P<local>{WORD}(?:{DOT}{WORD}){{0,4}})(?P<at>{SPELT_AT})"
    rf"(?P<domain>(?!www\b){WORD}(?:{DOT}{WORD}){{0,4}}{DOT}{TOP_LEVEL})\b",
    re.IGNORECASE,
)


def _emails(line: str) -> Iterator[tuple[int, int, str]]:
    yield from _pattern(r"(?<![\w.+-])[\w.+-]{1,64} ?@ ?[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}")(line)
    for match in WRITTEN_EMAIL.finditer(line):
        bracketed = re.search(r"[\[({<]", match["at"])
        spelt_dot = re.search(SPELT_DOT, match.group(), re.IGNORECASE)
        dotted_name = re.search(r"[._]", match["local"])
        if bracketed or spelt_dot or dotted_name:
            yield match.start(), match.end(), "written out in words, so that it is harder to see"


STREET = (
    r"Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Close|Drive|Way|Crescent|Cres|Gardens|Gdns|Place|Court|Terrace|Grove|"
    r"Park|Hill|Row|Walk|Mews|Square|Rise|Green|Parade|Villas|Cottages|Meadows?|Gate|Wharf|Quay"
)
ADDRESS = re.compile(
    rf"(?<![\w.,/-])\d{{1,3}}[A-Za-z]?,?\s{{1,3}}(?:[A-Z][\w'’-]{{1,20}}\s{{1,3}}){{1,3}}(?:{STREET})\b"
    r"|(?<![\w.,/-])\d{1,3}[a-z]?,?\s{1,3}(?:[a-z][\w'’-]{1,20}\s{1,3}){1,2}"
    r"(?:road|street|avenue|lane|crescent|gardens|terrace|mews)\b"
    r"|\b(?:Flat|Apartment)\s{1,2}\d{1,4}[A-Za-z]?\b"
)

MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]{0,6}\.?"
DAY = r"\d{1,2}(?:st|nd|rd|th)?"
DATE = (
    rf"(?:\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}|\d{{4}}-\d{{2}}-\d{{2}}"
    rf"|(?:the\s{{1,3}})?{DAY}(?:\s{{1,3}}of)?\s{{1,3}}{MONTH}(?:,?\s{{1,3}}\d{{4}})?"
    rf"|{MONTH}\s{{1,3}}{DAY}(?:,?\s{{1,3}}\d{{4}})?|{MONTH}\s{{1,3}}\d{{4}})"
)
# A label, then up to four words ("is", "recorded as", "in Crawley on"), then a date.
BIRTH_DATE = re.compile(
    rf"\b(?:date\s{{1,3}}of\s{{1,3}}birth|birth\s{{0,3}}date|d\.?\s?o\.?\s?b|born|birthday)\b\.?"
    rf"(?:[\s:,;()-]{{1,4}}[\w']{{1,20}}){{0,4}}?[\s:,;(-]{{1,4}}{DATE}\b",
    re.IGNORECASE,
)

KINDS = (
    Kind(
        "an e-mail address",
        _emails,
        "remove it unless it is a published work address",
        re.compile(r"@|\bat\b", re.IGNORECASE),
    ),
    Kind("an NHS number", _nhs_numbers, "remove it: an NHS number identifies one person"),
    Kind("a UK phone number", _phones, "remove it unless it is a published work number"),
    Kind(
        "a National Insurance number",
        # The letters real numbers use; after a label, any two letters (HMRC's examples start QQ).
        _pattern(
            r"(?i)\b[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b"
            r"|(?i:\b(?:NI|N\.I\.|NINO|national\s{1,3}insurance)\b)[^\d\n]{0,25}?\b[A-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b"
        ),
        "remove it: a National Insurance number identifies one person",
    ),
    Kind(
        "a full postcode",
        _pattern(r"(?i)\b(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})\b"),
        "remove it unless it is the address of a public building; a full postcode can point to a family's home",
    ),
    Kind(
        "a street address",
        _pattern(ADDRESS.pattern),
        "remove it unless it is the address of a public building; it can point to a family's home",
    ),
    Kind(
        "a date of birth",
        _pattern(BIRTH_DATE.pattern, re.IGNORECASE),
        "remove it: a date of birth helps identify a child",
        re.compile(r"birth|born|d\.?\s?o\.?\s?b", re.IGNORECASE),
    ),
    Kind(
        "an age next to a name",
        ages,
        "remove the name or the age: together they can identify a child",
        re.compile(r"\d|age|old|\bof\b|who\s|turned", re.IGNORECASE),
    ),
    Kind(
        "a named foster carer",
        foster_carers,
        "remove the name: a foster carer's name can lead to the child",
        re.compile(r"foster|kinship|connected|adoptive|respite|short|guardian", re.IGNORECASE),
    ),
    Kind(
        "a named parent or relative of a child",
        relatives,
        "remove the name: naming a child's parent or relative identifies the child",
        re.compile(rf"\b(?:her|his|their|whose)\b|['’]s\b|{PARENTS}", re.IGNORECASE),
    ),
    Kind(
        "a child's name beside a school",
        schools,
        "remove the name or the school: together they can identify a child",
        re.compile(r"School|Academy|College|Nursery|Primary"),
    ),
    Kind(
        "a case reference",
        _pattern(
            r"\b(?i:case|child|client|family|referral|person|LCS|Mosaic|CareFirst|ICS|Liquidlogic|Eclipse)\s{1,3}"
            r"(?i:ref(?:erence)?|no|number|id)\b\.?\s{0,3}[:#]?\s{0,3}[A-Za-z]{0,4}[/-]?\d[\dA-Za-z/-]{2,30}"
            r"|\b(?:LCS|Mosaic|CareFirst|ICS|Liquidlogic|Eclipse)\s{0,2}[:#]\s{0,3}\d{5,12}\b"
            r"|\b[A-Z]{2,5}[/-]\d{2,4}[/-]\d{3,6}\b"
        ),
        "remove it: a case reference points to one child's or family's records",
    ),
)
