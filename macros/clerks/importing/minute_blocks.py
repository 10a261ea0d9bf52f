"""Read one item's minutes into blocks: numbered minutes (21, 8.1, 20.1.1, "20.1 Ofsted Inspection
Process"), paragraphs, "·"/"Ø" bullets, "1." resolutions, "Decision"/"RESOLVED" labels, and a
minute of an earlier meeting quoted in this one ("… the following minute:- 15.16 …").

Every word is kept: a line that cannot be placed is kept as a paragraph where it was found and
noted with its line, never dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...data.portal import item_order
from .source import Line
from .structure import MARKER, Note

BULLETS = {  # the symbol starting a line → list level (Word's Symbol/Wingdings bullets included)
    **dict.fromkeys(["·", "•", "●", "-", "–", "*", "\uf0b7"], 1),
    **dict.fromkeys(["Ø", "o", "◦", "▪", "§", "➢", "\uf0a7", "\uf0d8", "\uf0fc"], 2),
}
BULLET = re.compile(r"^(\S)\s+(\S.*)$")
MINUTE = re.compile(r"^(\d+(?:\.\d+)+)\.?(?:\s+(\S.*)|(?=[A-Z‘“])(.+))?$")  # "4.1The …": space lost
ORDERED = re.compile(r"^(\d+)[.)]\s+(\S.*)$")
PART_LABEL = re.compile(r"^(decisions?|resolved|resolutions?|recommendations?)(\s+that)?\s*[:–—-]*$", re.IGNORECASE)
SYMBOL_START = re.compile(r"^([^\w\s#'\"‘’“”(£$€\[])\s+\S")
# A line that ends a sentence ends its paragraph too: exports that lost their blank lines keep one
# paragraph a line, while a wrapped paragraph breaks its lines between words.
SENTENCE_END = re.compile(r"[.?!:;]['’\"”)]?$")
QUOTING = re.compile(r"\bfollowing minutes?\s*[:;]?\s*[-–—]?\s*$", re.IGNORECASE)
QUOTED_INLINE = re.compile(r"\bfollowing minutes?\s*[:;]?\s*[-–—]?\s*(\d+(?:\.\d+)+)", re.IGNORECASE)


@dataclass
class Block:
    """One piece of the minutes: a heading, a paragraph or a list item, with its source line."""

    kind: str  # "heading", "paragraph", "bullet", "ordered", "label" (Decision, RESOLVED), "quote"
    text: str
    line: int
    level: int = 1  # heading level, or list nesting (1 or 2)
    number: str = ""  # a minute's number or an ordered item's number
    marker: str = "-"  # the bullet a top-level list item is written with
    parent: str = ""  # for a nested item: the kind of list it sits in ("bullet" or "ordered")


def title_like(text: str) -> bool:
    """Whether the words after a minute's number are its title ("Ofsted Inspection Process"), not its first sentence."""
    return (
        len(text.split()) <= 12
        and text[-1] not in ".;:,!?"
        and not text[0].islower()
        and not PART_LABEL.fullmatch(text)
        and not MARKER.fullmatch(text)
    )


class MinutesReader:
    """Reads an item's minutes line by line; `number` is the item's (the minute's, if unnumbered)."""

    def __init__(self, number: str, agenda: bool = False):
        self.item = number
        self.agenda = agenda  # reading the agenda text before the minutes: no minute numbers there
        self.blocks: list[Block] = []
        self.notes: list[Note] = []
        self.minute: str | None = None  # the number of the minute being read
        self.numbers: list[tuple[int, ...]] = []  # every minute number accepted so far, each above the last
        self.quoting: str | None = None  # the first part of an earlier meeting's minute being quoted
        self.label: Block | None = None  # a "Decision" waiting for the minute it labels
        self.joinable = False  # the last line was text with no blank line after it
        self.preface: int | None = None  # where text before the first numbered minute was placed
        self.misnumbered = False  # a minute not numbered as part of the item was found (and noted)

    def read(self, lines: list[Line]) -> list[Block]:
        for line in lines:
            self.take(line.text, line.where)
        if self.label and self.minute is None:
            self._open_item_minute(self.label.line)
        elif self.label:
            self.blocks.append(self.label)
        if self.preface is not None and len(self.numbers) > 1:
            self.notes.append(
                Note(
                    self.preface,
                    f"this text comes before the first numbered minute, so it was placed under the item's "
                    f"own number, minute {self.item} — check that it belongs there",
                )
            )
        return self.blocks

    def take(self, line: str, number: int) -> None:
        if not line:
            self.joinable = False
            return
        if self.joinable and not self._starts_block(line) and not SENTENCE_END.search(self.blocks[-1].text):
            self.blocks[-1].text += " " + line  # a paragraph the export wrapped over several lines
            self._quoted_inline(line, number)
            return
        self.joinable = True
        if self.agenda:
            self._content(line, number, False)
            return
        marker = MARKER.fullmatch(line)
        if marker and not self.blocks and self.label is None:
            if marker.group(1).lower() == "minutes":
                self.blocks.append(Block("heading", "Minutes", number, level=2))
            else:
                self.label = Block("label", marker.group(1).capitalize() + ":", number)
            self.joinable = False
            if marker.group(2):
                self.take(marker.group(2), number)
            return
        if PART_LABEL.fullmatch(line) or (marker and not marker.group(2)):
            self.label = Block("label", line, number)
            self.joinable = False
            return
        minute = MINUTE.match(line)
        if minute and self._accept_minute(minute.group(1), number):
            self._open(minute.group(1), number, minute.group(2) or minute.group(3))
            return
        if minute and self.quoting:
            self._place(Block("quote", line, number))
            return
        self._content(line, number, minute is not None)

    def _starts_block(self, line: str) -> bool:
        bullet = BULLET.match(line)
        return bool(
            MINUTE.match(line)
            or ORDERED.match(line)
            or MARKER.fullmatch(line)
            or PART_LABEL.fullmatch(line)
            or (bullet and bullet.group(1) in BULLETS)
        )

    def _open(self, found: str, number: int, rest: str | None) -> None:
        """Start minute `found`: its heading (with its title, if the words after the number are one)."""
        self.minute, self.quoting = found, None
        self.numbers.append(number_key_of(found))
        title = rest if rest and title_like(rest) else ""
        self.blocks.append(Block("heading", title, number, level=3 + (found.count(".") > 1), number=found))
        self.joinable = False
        if self.label:
            self.blocks.append(self.label)
            self.label = None
        if rest and not title:
            self.blocks.append(Block("paragraph", rest, number))
            self.joinable = True
            self._quoted_inline(rest, number)

    def _open_item_minute(self, number: int) -> None:
        """Text before any numbered minute: it is the minute numbered as the item is."""
        self.preface = number
        self._open(self.item, number, None)

    def _place(self, block: Block) -> None:
        if self.minute is None and not self.agenda:
            self._open_item_minute(block.line)
        if self.label:
            self.blocks.append(self.label)
            self.label = None
        self.blocks.append(block)

    def _content(self, line: str, number: int, numbered: bool) -> None:
        ordered = ORDERED.match(line)
        bullet = BULLET.match(line)
        if ordered:
            self._place(Block("ordered", ordered.group(2), number, number=ordered.group(1)))
        elif bullet and bullet.group(1) in BULLETS:
            self._bullet(BULLETS[bullet.group(1)], bullet.group(2), number)
        else:
            symbol = SYMBOL_START.match(line)
            if symbol and not numbered:
                self.notes.append(
                    Note(
                        number,
                        f'this line starts with "{symbol.group(1)}", which the importer does not know as a '
                        'bullet — kept as a paragraph; make it a list item ("- ") if it is one',
                    )
                )
            self._place(Block("paragraph", line, number))
            self._quoted_inline(line, number)

    def _quoted_inline(self, text: str, number: int) -> None:
        quoted = QUOTED_INLINE.search(text)
        if quoted:
            self._note_quote(quoted.group(1), number)

    def _note_quote(self, found: str, number: int) -> None:
        self.notes.append(
            Note(
                number,
                f'minute {found} is a minute of an earlier meeting, quoted here ("the following minute"), so it '
                f"stays part of minute {self.minute or self.item} — nothing to do unless it is this meeting's",
            )
        )

    def _accept_minute(self, found: str, number: int) -> bool:
        """A minute number starts a new minute if it comes after the last one (gaps are fine) and is
        not an earlier meeting's minute quoted after "the following minute"."""
        key = number_key_of(found)
        previous = self.blocks[-1] if self.blocks else None
        if self.quoting and found.split(".")[0] == self.quoting:
            return False
        if previous and previous.kind in ("paragraph", "quote") and QUOTING.search(previous.text):
            if found.split(".")[0] != self.item:
                self.quoting = found.split(".")[0]
                self._note_quote(found, number)
                return False
        if self.numbers and key <= self.numbers[-1]:
            self.notes.append(
                Note(
                    number,
                    f"minute {found} does not come after minute {'.'.join(map(str, self.numbers[-1]))} above it, "
                    "so it cannot start a new minute — kept as text; check the numbering",
                )
            )
            return False
        if found.split(".")[0] != self.item and not self.misnumbered:
            self.misnumbered = True  # said once for the item: the rest of its minutes are likely the same
            self.notes.append(
                Note(
                    number,
                    f"minute {found} is not numbered as part of item {self.item} — check the item's number "
                    "(ITEMS=…), or that the export holds only this item",
                )
            )
        return True

    def _bullet(self, level: int, text: str, number: int) -> None:
        """`·` starts or continues a list; `Ø` nests under the item above, or starts a list of its own."""
        previous = self.blocks[-1] if self.blocks else None
        under = (
            previous.kind
            if previous
            and previous.level == 1
            and (previous.kind == "ordered" or (previous.kind == "bullet" and previous.marker == "-"))
            else None
        )
        if level == 2 and previous is not None and previous.kind == "bullet" and previous.level == 2:
            under = previous.parent
        if level == 2 and under:
            self._place(Block("bullet", text, number, level=2, parent=under))
        else:  # a sub-bullet with no bullet above it is a list of its own, written with * to keep it apart
            self._place(Block("bullet", text, number, marker="*" if level == 2 else "-"))


def number_key_of(number: str) -> tuple[int, ...]:
    """Sort key of a minute number ("4.10" after "4.9"); an item number such as 4a counts as 4."""
    return tuple(item_order(part)[0] for part in number.split("."))
