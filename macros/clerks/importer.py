"""Turn a committee system's plain-text minutes export into a minutes file the portal reads.

The export (like tests/fixtures/seed/minutes-cypssc-ofsted-item4.txt) has a heading block
("Agenda item", the title, "Report by …", the purpose), then "Minutes:" and numbered minutes
("4.1", "20.1.1") with `·` bullets, `Ø` sub-bullets and "1." resolutions, padded with
non-breaking spaces. Every word is kept: a line the importer cannot place is kept as a paragraph
where it was found and reported with its line number, never dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..data import model
from .scaffold import minutes_front_matter

# Spaces a word processor leaves behind: tabs, non-breaking and other Unicode spaces, zero-width ones.
ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
SPACES = re.compile(r"[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
BULLETS = {  # the symbol starting a line → list level (Word's Symbol/Wingdings bullets included)
    "·": 1,
    "•": 1,
    "●": 1,
    "-": 1,
    "–": 1,
    "*": 1,
    "\uf0b7": 1,
    "Ø": 2,
    "o": 2,
    "◦": 2,
    "▪": 2,
    "§": 2,
    "➢": 2,
    "\uf0a7": 2,
    "\uf0d8": 2,
    "\uf0fc": 2,
}
BULLET = re.compile(r"^(\S)\s+(\S.*)$")
MINUTE = re.compile(r"^(\d+(?:\.\d+)+)\.?(?:\s+(\S.*)|(?=[A-Z‘“])(.+))?$")  # "4.1The …": space lost
ORDERED = re.compile(r"^(\d+)[.)]\s+(\S.*)$")
SUBHEADING = re.compile(r"^(minutes|decisions?)\s*(?::\s*(.*))?$", re.IGNORECASE)  # text after it needs the colon
AGENDA_ITEM = re.compile(r"^(?:agenda\s+)?item(?:\s+(?:no\.?\s*)?(\d+))?\s*[.:]?(?:\s+[–-]?\s*(\S.*))?$", re.IGNORECASE)
LONE_NUMBER = re.compile(r"^(\d+)\.?$")
REPORT = re.compile(r"^reports?\s+(by|of|from)\b", re.IGNORECASE)
SYMBOL_START = re.compile(r"^([^\w\s#'\"‘’“”(£$€\[])\s+\S")
# Characters that Markdown would read as formatting; a backslash keeps them as typed.
INLINE_SPECIALS = re.compile(r"([\\`*_\[\]])")
BLOCK_START = re.compile(r"^([#>+\-=]|\d+[.)](\s|$))")


@dataclass
class Block:
    """One piece of the minutes: a heading, a paragraph or a list item, with its source line."""

    kind: str  # "heading", "paragraph", "bullet", "ordered"
    text: str
    line: int
    level: int = 1  # heading level, or list nesting (1 or 2)
    number: str = ""  # a minute's number or an ordered item's number
    marker: str = "-"  # the bullet a top-level list item is written with
    parent: str = ""  # for a nested item: the kind of list it sits in ("bullet" or "ordered")


@dataclass
class Imported:
    """The result of an import: the front matter values, the Markdown body and what to check."""

    item: str
    title: str | None
    report: str | None
    body: str
    notes: list[tuple[int, str]] = field(default_factory=list)

    def markdown(self, meeting: model.Meeting) -> str:
        """The whole minutes file: front matter filled in, then the body."""
        return minutes_front_matter(meeting, self.item, self.title, self.report) + self.body


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


def clean(line: str) -> str:
    """One line with its stray spacing folded: runs of spaces, tabs and non-breaking spaces → one space."""
    return SPACES.sub(" ", ZERO_WIDTH.sub("", line)).strip()


def import_minutes(text: str, item: str) -> Imported:
    """Convert an export's text for agenda item `item` into front matter values and a Markdown body."""
    reader = _Reader(item)
    for number, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        reader.take(clean(line), number)
    return reader.finish()


class _Reader:
    """Reads the export line by line: first the heading block, then the minutes."""

    def __init__(self, item: str):
        self.item = item
        self.title: str | None = None
        self.report: str | None = None
        self.blocks: list[Block] = []
        self.notes: list[tuple[int, str]] = []
        self.in_minutes = False
        self.minute: str | None = None  # the number of the minute being read
        self.joinable = False  # the last line was text with no blank line after it

    def take(self, line: str, number: int) -> None:
        if not line:
            self.joinable = False
            return
        if self.joinable and not self._starts_block(line):
            self.blocks[-1].text += " " + line  # a paragraph the export wrapped over several lines
            return
        self.joinable = True
        if self._heading_block(line, number):
            return
        self._minutes_line(line, number)

    def _starts_block(self, line: str) -> bool:
        return bool(
            MINUTE.match(line)
            or ORDERED.match(line)
            or SUBHEADING.fullmatch(line)
            or ((bullet := BULLET.match(line)) is not None and bullet.group(1) in BULLETS)
        )

    def _heading_block(self, line: str, number: int) -> bool:
        """Lines before the minutes: agenda item label and number, title, report, purpose."""
        if self.in_minutes:
            return False
        if SUBHEADING.fullmatch(line) or MINUTE.match(line):
            self.in_minutes = True
            return False
        label = AGENDA_ITEM.fullmatch(line)
        numbered = label or LONE_NUMBER.fullmatch(line)
        if self.title is None and numbered and not (label and label.group(2) and not label.group(1)):
            found = numbered.group(1)
            if found and found != self.item:
                self.notes.append(
                    (
                        number,
                        f"the export says agenda item {found}, but the import was asked "
                        f"for item {self.item} — check --item",
                    )
                )
            if label and label.group(2):
                self.title = label.group(2)  # "Agenda item 4: Ofsted Inspection …" on one line
            self.joinable = False
            return True
        if self.title is None:
            self.title = line
            self.joinable = False
            return True
        if self.report is None and REPORT.match(line) and not self.blocks:
            self.report = line
            self.joinable = False
            return True
        self.blocks.append(Block("paragraph", line, number))
        return True

    def _minutes_line(self, line: str, number: int) -> None:
        subheading = SUBHEADING.fullmatch(line)
        if subheading:
            self.blocks.append(Block("heading", subheading.group(1).capitalize(), number, level=2))
            self.joinable = False
            if subheading.group(2):
                self._minutes_line(subheading.group(2), number)
            return
        minute = MINUTE.match(line)
        if minute and self._accept_minute(minute.group(1), number):
            self.minute = minute.group(1)
            self.blocks.append(
                Block(
                    "heading",
                    minute.group(1),
                    number,
                    level=3 + (minute.group(1).count(".") > 1),
                    number=minute.group(1),
                )
            )
            self.joinable = False
            if minute.group(2) or minute.group(3):
                self.blocks.append(Block("paragraph", minute.group(2) or minute.group(3), number))
                self.joinable = True
            return
        if self.minute is None and not minute:
            self.notes.append(
                (
                    number,
                    "this text comes before the first numbered minute, so it is not "
                    "inside any minute — kept as a paragraph under the heading above it; "
                    "move it into the right minute if it belongs to one",
                )
            )
        ordered = ORDERED.match(line)
        bullet = BULLET.match(line)
        if ordered:
            self.blocks.append(Block("ordered", ordered.group(2), number, number=ordered.group(1)))
        elif bullet and bullet.group(1) in BULLETS:
            self._bullet(BULLETS[bullet.group(1)], bullet.group(2), number)
        else:
            symbol = SYMBOL_START.match(line)
            if symbol and not minute:
                self.notes.append(
                    (
                        number,
                        f'this line starts with "{symbol.group(1)}", which the importer does '
                        "not know as a bullet — kept as a paragraph; make it a list item "
                        '("- ") if it is one',
                    )
                )
            self.blocks.append(Block("paragraph", line, number))

    def _accept_minute(self, found: str, number: int) -> bool:
        """A minute number starts a new minute if it comes after the last one (gaps are fine)."""
        key = tuple(int(part) for part in found.split("."))
        previous = [tuple(int(p) for p in b.number.split(".")) for b in self.blocks if b.kind == "heading" and b.number]
        if previous and key <= max(previous):
            self.notes.append(
                (
                    number,
                    f"minute {found} does not come after minute "
                    f"{'.'.join(map(str, max(previous)))} above it, so it cannot start a new minute — "
                    "kept as text; check the numbering",
                )
            )
            return False
        if found.split(".")[0] != self.item:
            self.notes.append(
                (
                    number,
                    f"minute {found} is not numbered as part of item {self.item} — "
                    "check --item, or that the export holds only this item",
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
            self.blocks.append(Block("bullet", text, number, level=2, parent=under))
        else:  # a sub-bullet with no bullet above it is a list of its own, written with * to keep it apart
            self.blocks.append(Block("bullet", text, number, marker="*" if level == 2 else "-"))

    def finish(self) -> Imported:
        if self.title is None:
            self.notes.append(
                (1, "no title was found before the minutes — write the agenda item's title into the front matter")
            )
        if not any(b.kind == "heading" and b.number for b in self.blocks):
            self.notes.append(
                (
                    1,
                    "no numbered minutes (such as 4.1) were found — add a heading line "
                    "such as ### 4.1 before each minute",
                )
            )
        return Imported(self.item, self.title, self.report, _markdown(self.blocks), sorted(self.notes))


def _markdown(blocks: list[Block]) -> str:
    """The blocks as Markdown: list items of one list on consecutive lines, other blocks apart."""
    out: list[str] = []
    previous: Block | None = None
    for block in blocks:
        if previous is not None:
            out.append("\n" if _same_list(previous, block) else "\n\n")
        out.append(_line(block))
        previous = block
    return "".join(out) + "\n" if out else ""


def _same_list(previous: Block, block: Block) -> bool:
    """Whether a block continues the list the previous block is in (and so follows on the next line)."""
    if block.kind not in ("bullet", "ordered") or previous.kind not in ("bullet", "ordered"):
        return False
    if block.level == 2:
        return True
    outer = previous.parent if previous.level == 2 else previous.kind
    if block.kind == "ordered":
        return outer == "ordered"
    return outer == "bullet" and (previous.level == 2 or previous.marker == block.marker)


def _line(block: Block) -> str:
    if block.kind == "heading":
        return f"{'#' * block.level} {block.number or block.text}"
    text = INLINE_SPECIALS.sub(r"\\\1", block.text)
    if block.kind == "ordered":
        return f"{block.number}. {text}"
    if block.kind == "bullet":
        return f"    - {text}" if block.level == 2 else f"{block.marker} {text}"
    return ("\\" + text) if BLOCK_START.match(text) else text
