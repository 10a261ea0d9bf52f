"""The kinds of personal data about children and families the safeguarding check looks for.

Each Kind finds its matches in one line of normalised text (see plain_text.py: NFKC, no zero-width
characters, plain dashes and spaces). Every pattern is linear in the length of the text: each
quantifier has an upper bound and each pattern starts only where a word (or number) starts, so a
hostile 200,000-character token costs the same per character as a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

Finder = Callable[[str], Iterator[tuple[int, int, str]]]  # (start, end, a note on how it is written)


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


# --- names -------------------------------------------------------------------------------------

# A capitalised word, with the usual forms of surnames: O'Neill, D'Souza, McDonald, MacLeod, Smith-Jones.
CAPITALISED = re.compile(r"(?<![\w'’-])(?:Ma?c|[OD]['’])?[A-Z][a-z]{1,24}(?:-[A-Z][a-z]{1,24})?\b")
ADULT_TITLES = r"Mr|Mrs|Ms|Miss|Mx|Dr|Councillor|Cllr|Sir|Dame|Lady|Lord"
TITLED_NAME = re.compile(rf"\b(?:{ADULT_TITLES}|Master)\.?\s{{1,3}}[A-Z][a-z]{{1,24}}")
INITIALS = re.compile(r"(?<![\w.])[A-Z]\.\s?[A-Z]\.(?:\s?[A-Z]\.)?")
CHILD_LABEL = re.compile(r"\b(?:Child|Baby|Sibling|Infant|Young\s{1,2}Person|YP)\s{1,2}[A-Z0-9]{1,2}\b")
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
Councillor Cllr Commissioner Secretary State Government Office Panel's Mayor Governor Governors Head's
Headteacher Teacher Teachers Pupil Pupils Student Students Year Years Primary Secondary Nursery Infant
Junior High Grammar Community Catholic Church Saint St Mary's Primary's Inspection Inspectors Inspector
Independent Chief Lead Principal Practice Practitioner Practitioners Manager's Review Reviews Case Cases
Mum Dad Mother Father Son Daughter Grandmother Grandfather Aunt Uncle Brother Sister Boy Girl Baby
He She They We It There Here When Where What Who Why How Many Most Several Both Every No Not Also But
However Meanwhile Currently Additionally Overall Recently Similarly Furthermore Therefore Nevertheless
Instead Today Previously Finally Firstly Secondly Thirdly Lastly Generally Historically Unfortunately
Importantly Notably Specifically Consequently Moreover Alternatively Again Yet Still Now Then Since While
Although Because Following Further Last Next Appendix Table Figure Annex Section Paragraph Page Chapter
Part Schedule Option Phase Stage Level Tier Quarter Priority Action Actions Area Areas Point Points
Question Questions Note Notes Total Average Target Targets Rate Number Percentage Budget
""".split()
)


def _is_name(text: str, word: re.Match[str], up_to_age: str) -> bool:
    """A capitalised word that is not a committee-paper word; at the start of a sentence it counts
    only right before the age ("Jack, aged 7"), as "There were…" or "Many aged 16…" are not names."""
    if word.group() in NOT_NAMES:
        return False
    before = text[: word.start()].rstrip()
    sentence_start = before == "" or before[-1] in '.!?:;-*•·>"“‘(' or before.endswith("- ")
    return not sentence_start or re.fullmatch(r"[\s,(]*", up_to_age) is not None


def _name_in(window: str, up_to: int) -> bool:
    """Whether a window of text names a person: a title and name, initials, a label such as
    Child B, or a capitalised word that is not a committee-paper word (see _is_name)."""
    if TITLED_NAME.search(window) or INITIALS.search(window) or CHILD_LABEL.search(window):
        return True
    return any(_is_name(window, word, window[word.end() : up_to]) for word in CAPITALISED.finditer(window))


def _named_mid_sentence(line: str, word: re.Match[str]) -> bool:
    """A name that is not merely a capitalised first word of a sentence ("Meanwhile, …")."""
    return word.group() not in NOT_NAMES and _is_name(line, word, "x")


def _near_a_name(pattern: re.Pattern[str], before: int = 30, after: int = 30) -> Finder:
    def find(line: str) -> Iterator[tuple[int, int, str]]:
        for match in pattern.finditer(line):
            start = max(0, match.start() - before)
            if _name_in(line[start : match.end() + after], match.start() - start):
                yield match.start(), match.end(), ""

    return find


# --- ages ------------------------------------------------------------------------------------------

NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    "seventeen|eighteen|nineteen"
)
YEARS = rf"(?:\d{{1,2}}|{NUMBER_WORDS})"
AGE = re.compile(
    rf"\b(?:aged?|age:)\s{{1,3}}{YEARS}\b"
    rf"|\b{YEARS}[- ](?:years?|yrs?|months?|weeks?)[- ]old\b"
    rf"|\b(?:girl|boy|child|baby|toddler|son|daughter)\s{{1,3}}of\s{{1,3}}{YEARS}\b"
    rf"|\b(?:who\s{{1,3}}(?:is|was)|turned)\s{{1,3}}{YEARS}\b(?!\s{{0,2}}(?:%|per\b|cases\b))",
    re.IGNORECASE,
)
# Initials, a label (Child B) or a name straight before a bare age: "J.T. (8)", "Child B, 4", "Jack (8)".
BARE_AGE = r"\s{0,2}\(\s{0,2}\d{1,2}\s{0,2}(?:years?|yrs?|y/o)?\s{0,2}\)"
LABELLED_AGE = re.compile(
    rf"(?:{INITIALS.pattern}|{CHILD_LABEL.pattern})(?:{BARE_AGE}|\s{{0,2}},\s{{0,2}}\d{{1,2}}\b(?![.,]\d))"
    rf"(?!\s{{0,2}}(?:and|&|to|-)(?!\w))|(?<![\w.])[A-Z]{{2}}(?![\w.]){BARE_AGE}"
)
# "Jack (8)", or "Amelia, 9, said" (but not "Crawley, 12, and Horsham, 9").
NAMED_AGE = re.compile(
    rf"{CAPITALISED.pattern}(?:{BARE_AGE}|\s{{0,2}},\s{{0,2}}\d{{1,2}}\s{{0,2}},\s{{0,2}}(?!(?:and|or)\b)(?=[a-z]))"
)


def _ages(line: str) -> Iterator[tuple[int, int, str]]:
    yield from _near_a_name(AGE)(line)
    for match in LABELLED_AGE.finditer(line):
        yield match.start(), match.end(), ""
    for match in NAMED_AGE.finditer(line):
        word = CAPITALISED.match(line, match.start())
        if word and _is_name(line, word, ""):
            yield match.start(), match.end(), ""


# --- family, foster carers and schools ----------------------------------------------------------------

CHILDREN = (
    r"sons?|daughters?|child|children|bab(?:y|ies)|grand(?:son|daughter|child|children)s?|step(?:son|daughter)s?|"
    r"nephews?|nieces?|twins|boys?|girls?|kids?"
)
ONE_CHILD = r"son|daughter|baby|child|grandson|granddaughter|stepson|stepdaughter|nephew|niece|boy|girl"
PARENTS = (
    r"mum|mother|dad|father|grand(?:mother|father|ma|pa)|gran|nan|aunt|uncle|step(?:mother|father|mum|dad)|"
    r"brother|sister|parents?"
)
RELATIVES = rf"{PARENTS}|{ONE_CHILD}"
# At most two words between, and only words that describe the child: "her two young sons".
DESCRIBED = (
    r"(?:(?:two|three|four|five|six|eldest|oldest|youngest|younger|older|little|young|teenage|adopted|own|"
    r"only|twin|baby|infant|disabled|autistic|new|late)\s{1,3}){0,2}"
)
TITLE = rf"(?:(?:{ADULT_TITLES})\.?\s{{1,3}})"
POSSESSED_CHILD = re.compile(
    rf"(?i:\b(?:her|his|whose)\s{{1,3}}{DESCRIBED}(?:{CHILDREN})|\btheir\s{{1,3}}{DESCRIBED}(?:{ONE_CHILD}))\b(?!['’]s)"
)
RELATIVE_THEN_NAME = re.compile(
    rf"(?i:\b(?:her|his|their)\s{{1,3}}{DESCRIBED}(?:{CHILDREN})\s{{0,2}},?|\b(?:{PARENTS})\s{{0,2}},?(?:\s{{1,3}}of)?)"
    rf"\s{{1,3}}{TITLE}?(?P<name>[A-Z][a-z]{{1,24}})\b"
)
NAME_POSSESSIVE = re.compile(rf"{CAPITALISED.pattern}['’]s\s{{1,3}}(?i:{DESCRIBED}(?:{RELATIVES}))\b")
# "Lisa Green (mother)", "Mark Taylor, the child's father", "the Smiths, her parents".
NAME_THEN_RELATIVE = re.compile(
    rf"{CAPITALISED.pattern}\s{{0,2}}(?:\(\s{{0,2}}(?i:(?:the\s{{1,3}})?(?:{PARENTS}))\s{{0,2}}\)"
    rf"|,\s{{1,3}}(?i:(?:the\s{{1,3}}child['’]s|the\s{{1,3}}young\s{{1,3}}person['’]s|his|her|their)\s{{1,3}}(?:{PARENTS})|the\s{{1,3}}(?:{PARENTS})\s{{1,3}}of)\b)"
)


def _named_before(line: str, start: int) -> bool:
    """A name earlier in the same sentence, within 40 characters: "Karen and her two daughters"."""
    sentence = re.split(r"[.!?;:]\s", line[max(0, start - 40) : start])[-1]
    return bool(TITLED_NAME.search(sentence) or INITIALS.search(sentence)) or any(
        word.group() not in NOT_NAMES for word in CAPITALISED.finditer(sentence)
    )


def _relatives(line: str) -> Iterator[tuple[int, int, str]]:
    for match in POSSESSED_CHILD.finditer(line):
        if _named_before(line, match.start()):
            yield match.start(), match.end(), ""
    for match in RELATIVE_THEN_NAME.finditer(line):
        if match["name"] not in NOT_NAMES:
            yield match.start(), match.end(), ""
    for pattern in (NAME_POSSESSIVE, NAME_THEN_RELATIVE):
        for match in pattern.finditer(line):
            word = CAPITALISED.match(line, match.start())
            if word and word.group() not in NOT_NAMES:
                yield match.start(), match.end(), ""


FOSTER = (
    r"(?:foster(?:ing)?|kinship|connected|adoptive|respite|short[- ]break)\s{1,3}"
    r"(?:carers?|parents?|mum|mother|dad|father|famil(?:y|ies))|special\s{1,3}guardians?"
)
FOSTER_THEN_NAME = re.compile(
    rf"(?i:\b(?:{FOSTER})\s{{0,2}}[,:(]?\s{{0,2}}(?:(?:called|named|the)\s{{1,3}})?)"
    rf"(?P<name>{TITLE}(?:and\s{{1,3}}{TITLE})?[A-Z][a-z]{{1,24}}|[A-Z][a-z]{{1,24}})\b"
)
NAME_THEN_FOSTER = re.compile(
    rf"{CAPITALISED.pattern}\s{{0,2}}[,(]\s{{0,2}}(?P<article>(?i:(?:a|an|the|her|his|their|our)\s{{1,3}}))?(?i:{FOSTER})\b"
)


def _foster_carers(line: str) -> Iterator[tuple[int, int, str]]:
    for match in FOSTER_THEN_NAME.finditer(line):
        if match["name"] not in NOT_NAMES:
            yield match.start(), match.end(), ""
    for match in NAME_THEN_FOSTER.finditer(line):
        word = CAPITALISED.match(line, match.start())
        if word and (_named_mid_sentence(line, word) or (match["article"] and word.group() not in NOT_NAMES)):
            yield match.start(), match.end(), ""


SCHOOL = re.compile(
    r"(?:\b(?:St|Saint)\.?\s{1,2})?(?:[A-Z][\w'’.-]{1,24}\s{1,3}){1,4}"
    r"(?:(?:C\s?of\s?E|CE|RC|Catholic|Community|Church|Infant|Infants|Junior|Primary|High|Grammar|Secondary)\s{1,3})?"
    r"(?:School|Academy|College|Nursery|Primary)\b"
)
LINKS_TO_SCHOOL = (
    r"(?:attends|attended|goes\s{1,3}to|went\s{1,3}to|at|from|to|of|in|pupil\s{1,3}at|Year\s{1,2}\d{1,2}\s{1,3}at)"
)


SCHOOL_THEN_PUPIL = re.compile(
    rf"{SCHOOL.pattern}\s{{1,3}}(?i:pupils?|students?|learners?)\s{{1,3}}[A-Z][a-z]{{1,24}}\b"
)


def _schools(line: str) -> Iterator[tuple[int, int, str]]:
    """A child's first name (one capitalised word, not a title and surname) shortly before a school,
    or a school's pupil named after it ("Oakwood Academy pupil Jack")."""
    for match in SCHOOL_THEN_PUPIL.finditer(line):
        if match.group().split()[-1] not in NOT_NAMES:
            yield match.start(), match.end(), ""
    for school in SCHOOL.finditer(line):
        start = max(0, school.start() - 60)
        window = line[start : school.start()]
        sentence = re.split(r"[.!?;]\s", window)[-1]
        offset = school.start() - len(sentence)
        for word in CAPITALISED.finditer(sentence):
            after = sentence[word.end() :]
            titled = re.search(rf"\b(?:{ADULT_TITLES})\.?\s{{0,2}}$", sentence[: word.start()])
            surname = re.match(r"\s{1,3}[A-Z]", after)
            linked = re.search(rf"(?i:\b{LINKS_TO_SCHOOL})\s{{0,3}}$|[(,]\s{{0,2}}$", after)
            if word.group() not in NOT_NAMES and not titled and not surname and linked:
                yield offset + word.start(), school.end(), ""
                break


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
        _ages,
        "remove the name or the age: together they can identify a child",
        re.compile(r"\d|age|old|\bof\b|who\s|turned", re.IGNORECASE),
    ),
    Kind(
        "a named foster carer",
        _foster_carers,
        "remove the name: a foster carer's name can lead to the child",
        re.compile(r"foster|kinship|connected|adoptive|respite|short|guardian", re.IGNORECASE),
    ),
    Kind(
        "a named parent or relative of a child",
        _relatives,
        "remove the name: naming a child's parent or relative identifies the child",
        re.compile(rf"\b(?:her|his|their|whose)\b|['’]s\b|{PARENTS}", re.IGNORECASE),
    ),
    Kind(
        "a child's name beside a school",
        _schools,
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
