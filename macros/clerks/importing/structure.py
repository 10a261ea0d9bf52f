"""Find the items of a whole meeting's export: where each starts, its number and title, its agenda
text and its minutes, with the committee system's furniture taken out and every removal noted.

Committee systems publish a meeting as a page headed "Agenda and minutes" (the committee, the date,
"Venue:", "Contact:", "Items", "No. Item"), then each item: its number alone on a line ("21."), its
title on the next ("… pdf icon PDF 283 KB"), the agenda text, "Additional documents:", then
"Minutes:" and the minutes. Pages whose table was flattened lose the numbers, and each item ends
with a link instead: "… view the full minutes text for item 3.". Both shapes are read here; the
minutes themselves are read by minute_blocks.py, and the committee system's furniture is
recognised by furniture.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...data.portal import item_order as number_key
from .furniture import DOCUMENT_SIZE, TRAILER, Note, header_end, header_lines, strip_size, without_furniture
from .source import Line

LONE_NUMBER = re.compile(r"^(\d{1,3}[a-z]?)\.?$")
LABEL = re.compile(r"^(?:agenda\s+)?item(?:\s+(?:no\.?\s*)?(\d{1,3}[a-z]?))?\s*[.:]?(?:\s+[–-]?\s*(\S.*))?$", re.I)
NUMBER_AND_TITLE = re.compile(r"^(\d{1,3}[a-z]?)[.)]?\s+([A-Z‘“'\"(].*)$")
MARKER = re.compile(r"^(minutes|decisions?)\s*(?::\s*(.*))?$", re.IGNORECASE)  # text after it needs the colon
MINUTE_START = re.compile(r"^\d+\.\d+")
REPORT = re.compile(r"^reports?\s+(by|of|from)\b", re.IGNORECASE)


@dataclass
class FoundItem:
    """One agenda item as found in the export, before its minutes are read."""

    number: str | None
    where: int
    title: str | None = None
    report: str | None = None
    agenda: list[Line] = field(default_factory=list)
    minutes: list[Line] | None = None  # None: the export holds no minutes for this item


@dataclass
class Meeting:
    items: list[FoundItem]
    notes: list[Note]


@dataclass
class _Start:
    index: int
    number: str | None
    title: str | None = None
    own_line: bool = True  # the start is a line of its own ("21.", "Agenda item 4"), not the title


def find_items(lines: list[Line]) -> Meeting:
    """Split an export into its items; an export with no item numbers at all is one item."""
    notes: list[Note] = []
    starts = _numbered_starts(lines) or _trailer_starts(lines) or _numbered_starts(lines, one_line_titles=True)
    first = starts[0].index if starts else _first_text(lines)
    header = header_lines(lines[:first], notes)
    starts = starts or [_Start(first, None, own_line=False)]
    ends = [start.index for start in starts[1:]] + [len(lines)]
    items = [_item(lines[start.index : end], start, header, notes) for start, end in zip(starts, ends, strict=True)]
    if all(item.minutes is None for item in items):  # a draft with no "Minutes:" labels: it is all minutes
        for item in items:
            item.minutes, item.agenda = item.agenda, []
    return Meeting(items, notes)


def _first_text(lines: list[Line]) -> int:
    return next((index for index, line in enumerate(lines) if line.text), 0)


def _has_text(lines: list[Line]) -> bool:
    return any(line.text for line in lines)


def _next_text(lines: list[Line], index: int) -> Line | None:
    return next((lines[after] for after in range(index + 1, len(lines)) if lines[after].text), None)


def _title_like(text: str) -> bool:
    """A line that can be an item's title: not a number, a label ("Minutes:") or a sentence of a list."""
    text = DOCUMENT_SIZE.sub("", text)
    return (
        bool(text) and len(text) <= 300 and not (LONE_NUMBER.fullmatch(text) or text[-1] in ".;,:" or text[0].islower())
    )


def _numbered_starts(lines: list[Line], one_line_titles: bool = False) -> list[_Start]:
    """Where items start: "21." alone on a line before a title, "Agenda item 4", or a heading "21 Title".
    A plain text file with none of these may have "21. Title" on one line (`one_line_titles`)."""
    starts: list[_Start] = []
    current = (0, "")
    list_numbers: set[int] = set()  # lone numbers in this item that were a numbered list's
    previous_text = -1  # index of the last line with text
    for index, line in enumerate(lines):
        if not line.text:
            continue
        found = _start_at(lines, index, one_line_titles)
        lone = LONE_NUMBER.fullmatch(line.text)
        if found and lone and starts and starts[-1].number is None and starts[-1].index == previous_text:
            starts[-1].number = found.number  # "Agenda item", then "7" on the next line
            current = number_key(found.number)
        elif found is None or (found.number and number_key(found.number) <= current):
            if lone:
                list_numbers.add(number_key(lone.group(1))[0])
        elif not (lone and starts and number_key(found.number)[0] - 1 in list_numbers):
            starts.append(found)  # (not "4." after "3." in one item's minutes: that is a numbered list)
            current = number_key(found.number) if found.number else current
            list_numbers = set()
        previous_text = index
    return starts


def _start_at(lines: list[Line], index: int, one_line_titles: bool) -> _Start | None:
    text = lines[index].text
    label, lone = LABEL.fullmatch(text), LONE_NUMBER.fullmatch(text)
    one_line = NUMBER_AND_TITLE.fullmatch(text) if lines[index].heading or one_line_titles else None
    if one_line and not lines[index].heading and not _stands_alone(lines, index, one_line.group(2)):
        one_line = None
    bare = label and not label.group(1) and not text.lower().startswith("agenda")  # "Item": a column's heading
    titled = not label or not label.group(2) or _title_like(label.group(2))  # not "Item 4 was deferred."
    if label and (label.group(1) or not label.group(2)) and titled and not bare and not DOCUMENT_SIZE.search(text):
        return _Start(index, label.group(1), label.group(2))
    if lone and (following := _next_text(lines, index)) and _title_like(following.text):
        return _Start(index, lone.group(1))
    if one_line and _title_like(one_line.group(2)):
        return _Start(index, one_line.group(1), one_line.group(2))
    return None


def _stands_alone(lines: list[Line], index: int, title: str) -> bool:
    """ "21. Title" in plain text is an item's heading only if it is short, a paragraph of its own,
    and not followed by the next number of a list ("1. Notes the report" then "2. …")."""
    after = lines[index + 1] if index + 1 < len(lines) else None
    following = _next_text(lines, index)
    return (
        len(title.split()) <= 15
        and (after is None or not after.text)
        and not (following and re.match(r"\d{1,3}[.)]\s", following.text))
    )


def _trailer_starts(lines: list[Line]) -> list[_Start]:
    """A flattened page: each item ends with "… view the full minutes text for item N"; the next
    item starts on the first line after its last such link."""
    groups: list[tuple[str, int]] = []  # item number, index of its last trailer
    for index, line in enumerate(lines):
        trailer = TRAILER.search(line.text)
        if trailer:
            if groups and groups[-1][0] == trailer.group(2):
                groups[-1] = (trailer.group(2), index)
            else:
                groups.append((trailer.group(2), index))
    starts = []
    previous_end = header_end(lines)
    for number, end in groups:
        starts.append(_Start(previous_end, number, own_line=False))
        previous_end = end + 1
    if groups and _has_text(lines[previous_end:]):
        starts.append(_Start(previous_end, None, own_line=False))  # after the last link: short minutes
    return starts


def _item(lines: list[Line], start: _Start, header: set[str], notes: list[Note]) -> FoundItem:
    """One item's lines → its number, title, agenda text and minutes."""
    item = FoundItem(start.number, lines[0].where if lines else 1, start.title)
    rest = lines[1:] if start.own_line else lines
    if start.title is None:
        rest = _take_title(item, rest, notes)
    else:
        item.title = strip_size(start.title, lines[0].where, notes)
    kept: list[Line] = []
    for line in rest:
        line = without_furniture(line, header, notes)
        if line is None:
            continue
        if item.minutes is None and _divides(line.text, kept):
            item.minutes = [line]
        elif item.minutes is not None:
            item.minutes.append(line)
        elif line.text and item.report is None and REPORT.match(line.text) and not _has_text(kept):
            item.report = line.text
        else:
            kept.append(line)
    item.agenda = kept
    return item


def _divides(text: str, before: list[Line]) -> bool:
    """ "Minutes:" divides an item's agenda text from its minutes; so does "Decision:", unless it
    comes after numbered minutes (then it labels a part of one)."""
    marker = MARKER.fullmatch(text)
    if not marker:
        return False
    return marker.group(1).lower() == "minutes" or not any(MINUTE_START.match(line.text) for line in before)


def _take_title(item: FoundItem, rest: list[Line], notes: list[Note]) -> list[Line]:
    """The item's number (if on its own line after "Agenda item") and its title: the first line of text."""
    index = _first_text(rest)
    lone = LONE_NUMBER.fullmatch(rest[index].text) if index < len(rest) else None
    if lone and item.number in (None, lone.group(1)):  # "Agenda item", then its number on a line of its own
        item.number = lone.group(1)
        index = _first_text(rest[index + 1 :]) + index + 1
    if index >= len(rest) or not rest[index].text or not _title_like(rest[index].text):
        return rest
    item.title = strip_size(rest[index].text, rest[index].where, notes)
    return rest[index + 1 :]
