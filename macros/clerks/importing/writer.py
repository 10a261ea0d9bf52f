"""Write an item's blocks as a minutes file: front matter, then the agenda text and the minutes in
Markdown, with every character the export had shown as typed (nothing it holds is formatting)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...data import model
from ..scaffold import minutes_front_matter
from .minute_blocks import Block

# Characters that Markdown would read as formatting; a backslash keeps them as typed.
INLINE_SPECIALS = re.compile(r"([\\`*_\[\]])")
# What would start a heading, quote or list at the start of a paragraph: the backslash goes before
# the character Markdown reads ("19\." for a line holding only "19.", never "\19.").
BLOCK_START = re.compile(r"^(?:([#>+\-])|(\d+)([.)])(?=\s|$))")


@dataclass
class Imported:
    """One item's minutes file: its front matter values and its Markdown body."""

    item: str
    title: str | None
    report: str | None
    body: str
    minutes: list[str] = field(default_factory=list)  # the minute numbers it holds, in order

    def markdown(self, meeting: model.Meeting) -> str:
        """The whole minutes file: front matter filled in, then the body."""
        return minutes_front_matter(meeting, self.item, self.title, self.report) + self.body


def markdown(blocks: list[Block]) -> str:
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


def inline(text: str) -> str:
    """Text shown as typed: Markdown's formatting characters backslashed."""
    return INLINE_SPECIALS.sub(r"\\\1", text)


def _line(block: Block) -> str:
    if block.kind == "heading":
        words = block.number or block.text
        return f"{'#' * block.level} {words}" + (f" {inline(block.text)}" if block.number and block.text else "")
    text = inline(block.text)
    if block.kind == "ordered":
        return f"{block.number}. {text}"
    if block.kind == "bullet":
        return f"    - {text}" if block.level == 2 else f"{block.marker} {text}"
    if block.kind == "label":
        return f"**{text}**"
    text = BLOCK_START.sub(lambda m: f"\\{m.group(1)}" if m.group(1) else f"{m.group(2)}\\{m.group(3)}", text)
    return f"> {text}" if block.kind == "quote" else text
