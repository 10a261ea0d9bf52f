"""An export as lines of text with their place in the file, whatever format it came in.

Every reader (plain text here, a saved web page in webpage.py, a Word document in word.py) turns
its file into the same thing: `Line`s, each with the number a clerk can find it by, with blank
lines between paragraphs. The structure finder (structure.py) reads only these.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

# Spaces a word processor leaves behind: tabs, non-breaking and other Unicode spaces, zero-width ones.
ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
SPACES = re.compile(r"[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


@dataclass(frozen=True)
class Line:
    """One line of an export: its text with stray spacing folded, and where it was found."""

    text: str
    where: int  # the line of a text file or web page, or the paragraph of a Word document
    heading: bool = False  # the source marked it as a heading (a web page's <h2>, Word's Heading 2)


@dataclass
class Export:
    """What a reader made of a file: its lines, what the numbers in messages count, and notes."""

    lines: list[Line]
    unit: str = "line"  # "line", or "paragraph" for a Word document
    notes: list[tuple[int, str]] = field(default_factory=list)


class UnreadableExport(Exception):
    """The file cannot be read as an export at all; the message says why and what to do."""


def clean(line: str) -> str:
    """One line with its stray spacing folded: runs of spaces, tabs and non-breaking spaces → one space."""
    return SPACES.sub(" ", ZERO_WIDTH.sub("", line)).strip()


def decode(data: bytes) -> tuple[str, list[tuple[int, str]]]:
    """The export's text; a file that is not UTF-8 is read as Windows-1252, with a note saying so."""
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        note = (
            1,
            "the file is not UTF-8, so it was read as Windows-1252 (the usual Windows encoding) "
            "— check that accented letters, quotes and £ signs came out right",
        )
        return data.decode("cp1252", errors="replace"), [note]


def text_lines(text: str) -> list[Line]:
    """A plain-text export's lines, numbered from 1, with Windows and old Mac line ends read too."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return [Line(clean(line), number) for number, line in enumerate(lines, start=1)]


def looks_like_html(text: str) -> bool:
    """Whether a file named .txt is really a web page (a page saved under the wrong name)."""
    return bool(re.match(r"\s*(<!doctype html|<html|<\?xml[^>]*>\s*<html)", text[:500], re.IGNORECASE))


def read_export(path: Path) -> Export:
    """Read an export by its kind: .txt, .html/.htm, .mhtml/.mht (a page saved as one file), or .docx."""
    from . import webpage, word  # each reader loads its parser only when a file needs it

    suffix = path.suffix.lower()
    if not path.is_file():
        raise UnreadableExport("there is no such file — check the name and folder of the export")
    data = path.read_bytes()
    if suffix == ".docx":
        return word.read(data)
    if suffix in (".mhtml", ".mht"):
        return webpage.read_mhtml(data)
    if suffix in (".doc", ".rtf", ".odt", ".pdf"):
        raise UnreadableExport(
            f"the importer cannot read {suffix} files — open it and save it as a Word document (.docx), "
            "or save the committee system's page from the browser (.html), or copy its text into a .txt file"
        )
    text, notes = decode(data)
    if suffix in (".html", ".htm", ".xhtml") or looks_like_html(text):
        export = webpage.read(text)
        export.notes[:0] = notes
        return export
    return Export(text_lines(text), notes=notes)
