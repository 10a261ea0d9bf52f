"""Checks across the minutes files, and of the sources that cite them.

- A minutes file is named after the meeting and item its front matter gives
  (<meeting ID>-item-<item>.md), so its name, its web address and its content agree.
- A meeting's item has one minutes file, and each minute number is in one file of its meeting, so
  a source citing "minute 4.3 of cypssc-2019-05-15" means one minute.
- A source that names a meeting whose minutes the portal holds names the minute too; a minute:
  left blank (as `make new-update` leaves it) is never taken to mean "the whole meeting".

Every question is a lookup in an index built once, so the cost grows with the data, not its square.
"""

from __future__ import annotations

from . import model
from .minutes import Minute, minutes_name
from .portal import MinutesDoc, Portal, minute_order
from .problems import Problem, one_line


def check_minutes_files(portal: Portal) -> list[Problem]:
    problems, numbers = _check_files(portal)
    by_meeting: dict[str, list[str]] = {}
    for meeting_id, number in numbers:
        by_meeting.setdefault(meeting_id, []).append(number)
    for source in portal.sources():
        if source.meeting and source.minute is None:
            found = _minute_needed(source, sorted(by_meeting.get(source.meeting, []), key=minute_order))
            if found:
                problems.append(portal.locations.problem(source, *found))
    return problems


def _check_files(portal: Portal) -> tuple[list[Problem], dict[tuple[str, str], tuple[MinutesDoc, Minute]]]:
    """Names, items and minute numbers across the files; also returns where each minute number is."""
    problems: list[Problem] = []
    where = portal.locations
    meetings = portal.index.meeting_at
    found = [
        (doc, meetings[doc.front.committee, doc.front.date])
        for doc in portal.minutes
        if (doc.front.committee, doc.front.date) in meetings  # the others are reported already
    ]
    # A file named as its front matter says comes first: a second file for its item is the odd one.
    found.sort(key=lambda pair: (pair[0].id != minutes_name(pair[1].id, pair[0].front.item), pair[0].file))
    items: dict[str, MinutesDoc] = {}
    numbers: dict[tuple[str, str], tuple[MinutesDoc, Minute]] = {}
    for doc, meeting in found:
        expected = minutes_name(meeting.id, doc.front.item)
        first = items.setdefault(expected, doc)
        if first is not doc:
            problems.append(where.problem(doc.front, ("item",), _same_item(doc, first, meeting)))
            continue  # its minute numbers are (nearly always) the other file's again: said once is enough
        if doc.id != expected:
            problems.append(_misnamed(where, doc, meeting, expected))
        for number, minute in doc.body.minutes.items():
            other, other_minute = numbers.setdefault((meeting.id, number), (doc, minute))
            if other is not doc:
                problems.append(
                    Problem(
                        doc.file,
                        minute.line,
                        f"minute {number} is also in {other.file} (line {other_minute.line}), another minutes "
                        f'file of the meeting "{meeting.id}", so a source citing minute {number} could mean '
                        "either — check the number here or there: each minute number belongs to one agenda item",
                    )
                )
    return problems, numbers


def _same_item(doc: MinutesDoc, first: MinutesDoc, meeting: model.Meeting) -> str:
    return (
        f'{first.file} already holds the minutes of item {one_line(doc.front.item)} of the meeting "{meeting.id}" — '
        f"if this file is more of the same item, move its minutes into {first.file} and delete this file; if it is "
        "another item, correct item: here (and the file's name to match)"
    )


def _misnamed(where, doc: MinutesDoc, meeting: model.Meeting, expected: str) -> Problem:
    """A file whose name is not its meeting and item: point at the front matter line that disagrees."""
    named_meeting, _, named_item = doc.id.rpartition("-item-")
    fix = f"rename the file to {expected}.md"
    if named_meeting == meeting.id:
        return where.problem(
            doc.front,
            ("item",),
            f'item: "{one_line(doc.front.item)}" is not the item in this file\'s name ({doc.id}.md) — {fix}, '
            "or correct item: if the name is right",
        )
    if named_meeting:
        return where.problem(
            doc.front,
            ("date",),
            f'this file\'s name says the meeting "{named_meeting}", but its committee: and date: are those of '
            f'"{meeting.id}" — {fix}, or correct committee: and date: if the name is right',
        )
    return Problem(
        doc.file,
        1,
        "a minutes file is named after its meeting and item, which become its web address — "
        f'{fix} (its front matter says item {one_line(doc.front.item)} of the meeting "{meeting.id}")',
    )


def _minute_needed(source: model.Source, numbers: list[str]) -> tuple[tuple, str] | None:
    """(the names of the line to point at, the message) for a meeting cited without its minute."""
    if "minute" in source.model_fields_set:  # written, and left blank
        if numbers:
            return ("minute",), (
                f"minute: no value is written here — write the number of the minute this comes from; the minutes "
                f'of "{source.meeting}" have {", ".join(numbers)}'
            )
        return ("minute",), (
            f'minute: no value is written here — the portal has no minutes of "{source.meeting}" yet: delete this '
            "line to cite the meeting as a whole, or add its minutes to data/minutes/ and write the minute's number"
        )
    if numbers:
        return ("meeting",), (
            f'this source names the meeting "{source.meeting}" but not the minute, and the portal has its minutes '
            f"— add a line minute: with the number of the minute it comes from ({', '.join(numbers)})"
        )
    return None
