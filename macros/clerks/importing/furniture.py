"""The committee system's furniture in an export — the page's heading, the links to documents,
"pdf icon PDF 283 KB", "… view the full minutes text for item 3" — recognised and taken out, each
with a note naming its line, so nothing vanishes unseen."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .source import Line

TRAILER = re.compile(
    r"\s*(?:\.{2,}|…)?\s*view the full (minutes|agenda|decision|decisions) text for item (\d{1,3}[a-z]?)\s*\.?\s*$",
    re.IGNORECASE,
)
DOCUMENT_SIZE = re.compile(
    r"\s*(?:\b(?:pdf|word|docx?|excel|xlsx?|powerpoint|pptx?|html?)\s+icon\s*)?"
    r"\b(?:PDF|DOCX?|Word|XLSX?|Excel|PPTX?|HTML?)\s+\d+(?:[.,]\d+)?\s*(?:KB|MB|kB|bytes)\s*$",
    re.IGNORECASE,
)
# The page's other links: "View the declarations of interest for item 4", "View the reasons why item 9 is restricted".
VIEW_LINK = re.compile(
    r"^view (the )?(declarations? of interests? for item|reasons? (why )?(the )?item|background to item|"
    r"decision for item|directions\b|webcast\b)",
    re.IGNORECASE,
)
DOCUMENTS_LABEL = re.compile(r"^(additional|supporting|background)\s+documents\s*:?$", re.IGNORECASE)
# The page's own furniture, wherever it appears: its title, the table's column heads, print footers.
FURNITURE = re.compile(
    r"^(agenda(\s+and\s+minutes)?|items?|no|no\.?\s+item|item\s+no\.?|page\s+\d+(\s+of\s+\d+)?)\.?$",
    re.IGNORECASE,
)
HEADER = re.compile(
    r"^(venue|contact|contact officer|media|webcast)\s*:|"
    r"^(monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+\d{1,2}(st|nd|rd|th)?\s+\w+,?\s+\d{4}",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Note:
    """Something the clerk should know about one line of the export: taken out, or to check."""

    where: int
    message: str
    removed: bool = False


def header_end(lines: list[Line]) -> int:
    """Where a flattened page's heading block ends: after its last "Venue:", date or "Items" line."""
    end = 0
    for index, line in enumerate(lines[:60]):
        if line.text and (HEADER.search(line.text) or FURNITURE.fullmatch(line.text)):
            end = index + 1
    return end


def header_lines(lines: list[Line], notes: list[Note]) -> set[str]:
    """The lines before the first item: the page's heading, not any item's. Their texts are kept
    so that a heading the page repeats further down is taken out there too."""
    texts = set()
    for line in lines:
        if line.text:
            texts.add(line.text)
            notes.append(
                Note(
                    line.where,
                    f'"{_short(line.text)}" comes before the first agenda item, so it is not part of any item\'s '
                    "minutes — left out; nothing to do unless it belongs in an item",
                    removed=True,
                )
            )
    return texts


def strip_size(text: str, where: int, notes: list[Note]) -> str:
    size = DOCUMENT_SIZE.search(text)
    if not size:
        return text
    notes.append(
        Note(
            where,
            f'"{size.group().strip()}" taken off the end of the title — the committee system\'s link '
            "to the report, not part of the title",
            removed=True,
        )
    )
    return text[: size.start()].rstrip()


def without_furniture(line: Line, header: set[str], notes: list[Note]) -> Line | None:
    """The line with the committee system's links and labels taken out (noted), or None if nothing is left."""
    text, why = line.text, None
    if not text:
        return line
    trailer = TRAILER.search(text)
    if trailer:
        notes.append(
            Note(
                line.where,
                f'"{trailer.group().strip()}" taken out — a link on the committee system\'s page; if the '
                "text before it stops short, the full text is on that item's own page: copy the rest from there",
                removed=True,
            )
        )
        text = text[: trailer.start()].rstrip()
    elif DOCUMENTS_LABEL.fullmatch(text) or DOCUMENT_SIZE.search(text):
        why = "a link to a document published with the item, not the minutes' words"
    elif VIEW_LINK.match(text):
        why = "a link on the committee system's page, not the minutes' words"
    elif text in header or FURNITURE.fullmatch(text):
        why = "the committee system's page heading, repeated on the page"
    if why:
        notes.append(Note(line.where, f'"{_short(text)}" taken out — {why}; nothing to do', removed=True))
        return None
    return Line(text, line.where, line.heading) if text else None


def _short(text: str, length: int = 70) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"
