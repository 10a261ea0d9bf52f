"""Import what committee systems publish (a text export, a saved web page, a Word document) as
minutes files, one per agenda item.

Each reader (source.py, webpage.py, word.py) turns its file into lines; structure.py finds the
items in them; minute_blocks.py reads each item's minutes; writer.py writes the Markdown.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .minute_blocks import MINUTE, MinutesReader
from .source import Export, Line, UnreadableExport, clean, decode, read_export, text_lines
from .structure import FoundItem, Note, find_items
from .writer import Imported, markdown

__all__ = [
    "Export",
    "Imported",
    "Note",
    "Result",
    "UnreadableExport",
    "clean",
    "decode",
    "import_export",
    "read_export",
    "text_lines",
]


@dataclass
class Result:
    """What an import found: one minutes file's worth for each item, and every note about the export."""

    items: list[Imported]
    found: list[str]  # the numbers of every item in the export
    missing: list[str] = field(default_factory=list)  # items asked for that the export does not have
    notes: list[Note] = field(default_factory=list)


def import_export(export: Export, items: list[str] | None = None, keep_agenda: bool = True) -> Result:
    """The minutes of each item of the export (or of those asked for), in the order they appear."""
    meeting = find_items(export.lines)
    notes = [Note(where, message) for where, message in export.notes] + meeting.notes
    for item in meeting.items:
        if item.number is None:
            _number_unnumbered(item, meeting.items, items, notes)
    found = [item.number for item in meeting.items if item.number]
    wanted = [item for item in meeting.items if item.number and (not items or item.number in items)]
    imported = [result for item in wanted if (result := _import_item(item, keep_agenda, notes))]
    missing = [number for number in items or [] if number not in found]
    return Result(imported, found, missing, sorted(notes, key=lambda note: note.where))


def _number_unnumbered(item: FoundItem, every: list[FoundItem], asked: list[str] | None, notes: list[Note]) -> None:
    """An item whose number the export does not show: the one asked for, or the number its minutes carry."""
    unnumbered = [i for i in every if i.number is None]
    numbered = {i.number for i in every if i.number}
    if asked and len(asked) == 1 and len(unnumbered) == 1 and asked[0] not in numbered:
        item.number = asked[0]
        return
    numbers = [m.group(1) for line in item.minutes or [] if (m := MINUTE.match(line.text))]
    if numbers and numbers[0].split(".")[0] not in numbered:
        item.number = numbers[0].split(".")[0]
        notes.append(
            Note(
                item.where,
                f"the export does not show this item's number, so it was taken from its first "
                f"minute, {numbers[0]}: item {item.number} — check it, or give the number: "
                f"ITEMS={item.number}",
            )
        )
    elif item.minutes:
        notes.append(
            Note(
                item.where,
                f'the item "{item.title or "with no title"}" shows no number, so it was not '
                "imported — give its number: ITEMS=<its number> (with only this item in the file)",
            )
        )


def _start_line(item: FoundItem) -> Line:
    return Line(item.title or item.number or "", item.where)


def _import_item(item: FoundItem, keep_agenda: bool, notes: list[Note]) -> Imported | None:
    name = f'item {item.number} ("{item.title}")' if item.title else f"item {item.number}"
    if item.minutes is None:
        notes.append(
            Note(
                item.where,
                f"{name} has only its agenda text in this export, no minutes, so no file "
                "was written for it — import it again once its minutes are published",
            )
        )
        return None
    reader = MinutesReader(item.number)
    blocks = reader.read(item.minutes)
    if not any(block.kind == "heading" and block.number for block in blocks):
        notes.append(
            Note(
                item.where,
                f"{name} has no minutes text in this export, so no file was written for it "
                "— nothing to do unless its minutes are missing from the export",
            )
        )
        return None
    agenda = MinutesReader(item.number, agenda=True)
    agenda.read(item.agenda)
    if not keep_agenda:
        notes += [
            Note(line.where, "agenda text left out, as asked (AGENDA=drop) — nothing to do", removed=True)
            for line in item.agenda
            if line.text
        ]
    if item.title is None:
        notes.append(
            Note(
                item.where,
                f"no title was found for item {item.number} — write the agenda item's title into the front matter",
            )
        )
    notes += reader.notes + agenda.notes
    body = markdown((agenda.blocks if keep_agenda else []) + blocks)
    numbers = [block.number for block in blocks if block.kind == "heading" and block.number]
    return Imported(item.number, item.title, item.report, body, numbers)
