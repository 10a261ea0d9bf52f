"""People in committee text: names, ages beside them, family, foster carers and schools.

The finders the safeguarding check uses for personal data that is about a person rather than a
number (personal_data.py has those and the list of kinds). Each finds its matches in one line of
normalised text and is linear in its length: every quantifier bounded, windows of fixed size.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

Finder = Callable[[str], Iterator[tuple[int, int, str]]]  # (start, end, a note on how it is written)


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


def _led_by_a_name(
    pattern: re.Pattern[str], line: str, named: Callable[[re.Match[str], re.Match[str]], bool]
) -> Iterator[tuple[int, int, str]]:
    """Matches of a pattern that starts with a capitalised word that named(word, match) calls a name."""
    for match in pattern.finditer(line):
        word = CAPITALISED.match(line, match.start())
        if word and named(word, match):
            yield match.start(), match.end(), ""


def _naming(pattern: re.Pattern[str], line: str) -> Iterator[tuple[int, int, str]]:
    """Matches of a pattern whose group "name" is not a committee-paper word."""
    for match in pattern.finditer(line):
        if match["name"] not in NOT_NAMES:
            yield match.start(), match.end(), ""


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


def ages(line: str) -> Iterator[tuple[int, int, str]]:
    yield from _near_a_name(AGE)(line)
    for match in LABELLED_AGE.finditer(line):
        yield match.start(), match.end(), ""
    yield from _led_by_a_name(NAMED_AGE, line, lambda word, _: _is_name(line, word, ""))


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


def relatives(line: str) -> Iterator[tuple[int, int, str]]:
    for match in POSSESSED_CHILD.finditer(line):
        if _named_before(line, match.start()):
            yield match.start(), match.end(), ""
    yield from _naming(RELATIVE_THEN_NAME, line)
    for pattern in (NAME_POSSESSIVE, NAME_THEN_RELATIVE):
        yield from _led_by_a_name(pattern, line, lambda word, _: word.group() not in NOT_NAMES)


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


def foster_carers(line: str) -> Iterator[tuple[int, int, str]]:
    yield from _naming(FOSTER_THEN_NAME, line)
    yield from _led_by_a_name(
        NAME_THEN_FOSTER,
        line,
        lambda word, match: _named_mid_sentence(line, word) or bool(match["article"] and word.group() not in NOT_NAMES),
    )


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


def schools(line: str) -> Iterator[tuple[int, int, str]]:
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
