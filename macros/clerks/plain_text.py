"""Text as a reader sees it, for the safeguarding check to match against.

A number can be hidden from a simple pattern in ways a reader never notices: full-width digits,
no-break or zero-width spaces, en dashes, soft hyphens, Markdown emphasis (07700 **900** 123) or an
HTML entity (&#48;7700). So each line is folded first: every character in its NFKC form, formatting
characters (zero-width, soft hyphen, direction marks) removed, every dash a hyphen, and emphasis
marks next to a digit dropped. `Folded.origin` maps each folded character back to its column.
Minutes are also checked as the page shows them (`rendered_lines`): rendered by the portal's own
Markdown renderer, tags removed and entities decoded, one line per paragraph, list item or cell row.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass

import markdown

from ..data.minutes import ClerkMarkdown

DASHES = dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63", "-")
EMPHASIS = "*_~`"


@dataclass(frozen=True)
class Folded:
    text: str
    origin: tuple[int, ...]  # for each character of text, its index in the original line
    changed: frozenset[int]  # indexes in text next to which something was folded away or replaced

    def span(self, start: int, end: int) -> tuple[int, int]:
        """A span of the folded text as (first column, length) in the original line."""
        first, last = self.origin[start], self.origin[end - 1]
        return first + 1, last - first + 1

    def disguised(self, start: int, end: int) -> bool:
        return any(index in self.changed for index in range(start, end))


def fold(line: str) -> Folded:
    """A line folded as the module docstring says (linear in its length)."""
    if line.isascii() and not any(mark in line for mark in EMPHASIS):
        return Folded(line, tuple(range(len(line))), frozenset())
    chars: list[tuple[str, int, bool]] = []  # (character, column it came from, whether it was changed)
    dropped = False
    for index, char in enumerate(line):
        if unicodedata.category(char) == "Cf":
            dropped = True
            continue
        mapped = DASHES.get(char) or unicodedata.normalize("NFKC", char)
        for part in mapped:
            chars.append((part, index, dropped or mapped != char))
            dropped = False
    text: list[str] = []
    origin: list[int] = []
    changed: set[int] = set()
    position = 0
    while position < len(chars):
        end = position
        while end < len(chars) and chars[end][0] in EMPHASIS:
            end += 1
        if end > position:  # a run of emphasis marks: dropped if a digit touches either end
            before = position > 0 and chars[position - 1][0].isdigit()
            after = end < len(chars) and chars[end][0].isdigit()
            if before or after:
                changed.add(len(text))
                position = end
                continue
        else:
            end = position + 1
        for char, column, was_changed in chars[position:end]:
            if was_changed:
                changed.add(len(text))
            text.append(char)
            origin.append(column)
        position = end
    return Folded("".join(text), tuple(origin), frozenset(changed))


def skeleton(text: str) -> str:
    """Only the letters and digits, lower-cased: what two ways of writing one thing share."""
    return "".join(char for char in text.lower() if char.isalnum())


BLOCK_TAGS = re.compile(r"</?(?:p|li|h[1-6]|ul|ol|blockquote|pre|tr|table|thead|tbody|hr|br|div)\b[^>]*>")
CELL_TAGS = re.compile(r"</?t[dh]\b[^>]*>")
TAGS = re.compile(r"<[^>]*>")


def visible_text(rendered: str) -> list[str]:
    """The lines of text a reader sees on a page rendered by the portal (raw HTML from the clerk is
    already escaped by the renderer, so every tag here is the renderer's own)."""
    text = BLOCK_TAGS.sub("\n", CELL_TAGS.sub(" ", rendered.replace("\n", " ")))
    return [" ".join(line.split()) for line in html.unescape(TAGS.sub("", text)).split("\n") if line.strip()]


# Python-Markdown takes more than linear time on some long inputs (thousands of entities in one
# paragraph); a block longer than this, which no minutes have, is read without it, in linear time:
# entities decoded and emphasis next to digits dropped (by fold), as rendering would.
RENDERED_BLOCK_LIMIT = 10_000


class Renderer:
    """The portal's Markdown renderer, reused across blocks (making one per block is slow)."""

    def __init__(self) -> None:
        self.md = markdown.Markdown(extensions=[ClerkMarkdown()], output_format="html")

    def lines(self, markdown_text: str) -> list[str]:
        if len(markdown_text) > RENDERED_BLOCK_LIMIT:
            return [" ".join(html.unescape(markdown_text).split())]
        self.md.reset()
        return visible_text(self.md.convert(markdown_text))


STARTS_BLOCK = re.compile(r"\s{0,3}(?:[-*+]|\d{1,9}[.)])\s|#{1,6}\s|\s{0,3}\|")


def blocks(lines: list[str], first: int) -> list[tuple[int, list[str]]]:
    """Markdown blocks as (number of their first line, lines): paragraphs (runs of lines between
    blank lines), and each list item, heading and table row on its own, so that what a block's
    rendering shows can be put on the line it starts on."""
    found: list[tuple[int, list[str]]] = []
    current: list[str] = []
    for number, line in enumerate(lines, start=first):
        if not line.strip():
            current = []
            continue
        if not current or STARTS_BLOCK.match(line):
            current = []
            found.append((number, current))
        current.append(line)
    return found
