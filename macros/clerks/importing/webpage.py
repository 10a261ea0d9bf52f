"""A committee system's web page, saved from a browser, read as lines (with BeautifulSoup).

Each paragraph, table cell, list item and heading becomes a line of its own, numbered by the line
of the page's source where it starts, so the structure finder sees what a person sees: the
item's number in one cell, its title in the next. Lists keep their shape: "·" before an item of
a bulleted list, "Ø" before one nested in it, "1." before an item of a numbered list.
"""

from __future__ import annotations

import email
import re

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from .source import Export, Line, UnreadableExport, clean, decode

BLOCKS = {
    *"address article aside blockquote caption dd details div dl dt fieldset figcaption figure footer".split(),
    *"h1 h2 h3 h4 h5 h6 header hr li main ol p pre section summary table tbody td tfoot th thead tr ul".split(),
}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# Never the committee's words: the page's code, the site's header, navigation and footer, its forms.
SKIPPED = {
    *"script style noscript template head nav form button select svg iframe".split(),
    *"header footer aside".split(),
}
# Where a saved page keeps its content, most specific first; the whole <body> if none of them.
CONTENT = ("#modgov", "main", "[role=main]", "#content", "body")
HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def read(text: str, numbered_by_paragraph: bool = False) -> Export:
    """The page's lines; a Word document's HTML (from mammoth) is numbered by paragraph instead."""
    soup = BeautifulSoup(text, "html.parser")
    root = next((found for selector in CONTENT if (found := soup.select_one(selector)) is not None), soup)
    walker = _Walker(numbered_by_paragraph)
    walker.walk(root)
    walker.flush()
    return Export(walker.lines, unit="paragraph" if numbered_by_paragraph else "line")


def read_mhtml(data: bytes) -> Export:
    """A page saved "as a single file" (.mhtml): the web page inside it."""
    message = email.message_from_bytes(data)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True) or b""
            charset = part.get_content_charset()
            text = payload.decode(charset, errors="replace") if charset else decode(payload)[0]
            return read(text)
    raise UnreadableExport("this saved page holds no web page — save the page again, as .html or .mhtml")


class _Walker:
    """Walks the page's elements in order, collecting the text of each block as one line."""

    def __init__(self, numbered_by_paragraph: bool):
        self.by_paragraph = numbered_by_paragraph
        self.lines: list[Line] = []
        self.words: list[str] = []
        self.where = 1
        self.paragraphs = 0
        self.marker = ""  # the bullet or number of the list item whose words are still to come
        self.bold = 0  # how many <strong>/<b> the text being read is inside
        self.weights: set[bool] = set()  # whether each piece of the block's text is bold
        self.heading = False
        self.lists: list[list] = []  # for each list we are in: [kind, next number]

    def walk(self, element: Tag) -> None:
        for child in element.children:
            if isinstance(child, Comment):
                continue
            if isinstance(child, NavigableString):
                if not self.words:
                    self.where = getattr(element, "sourceline", None) or self.where
                self.words.append(str(child))
                if str(child).strip():
                    self.weights.add(bool(self.bold))
            elif isinstance(child, Tag) and not self._skipped(child):
                self._element(child)

    def _skipped(self, tag: Tag) -> bool:
        return (
            tag.name in SKIPPED
            or tag.has_attr("hidden")
            or tag.get("aria-hidden") == "true"
            or bool(HIDDEN.search(tag.get("style", "")))
        )

    def _element(self, tag: Tag) -> None:
        if tag.name == "br":
            self.flush()
            return
        if tag.name == "img":
            return  # an icon's alt text ("pdf icon") is not the committee's words
        if tag.name not in BLOCKS:
            bold = tag.name in ("strong", "b")
            self.bold += bold
            self.walk(tag)
            self.bold -= bold
            return
        self.flush()
        self.where = tag.sourceline or self.where
        if tag.name in ("ul", "ol"):
            start = tag.get("start", "1")
            self.lists.append([tag.name, int(start) if str(start).isdigit() else 1])
            self.walk(tag)
            self.flush()
            self.lists.pop()
            return
        if tag.name == "li":
            self.marker = self._marker()  # written before the item's first words, even inside a <p>
        self.heading = tag.name in HEADINGS
        self.walk(tag)
        self.flush()
        if tag.name == "li":
            self.marker = ""

    def _marker(self) -> str:
        """What a list item starts with: a bullet for its depth, or its number."""
        if not self.lists:
            return "·"
        kind = self.lists[-1]
        if kind[0] == "ol":
            kind[1] += 1
            return f"{kind[1] - 1}."
        bullets = sum(1 for k in self.lists if k[0] == "ul")
        return "·" if bullets == 1 else "Ø"

    def flush(self) -> None:
        """End the block being collected: its line, then a blank line, as between paragraphs."""
        text = clean("".join(self.words))
        self.words = []
        all_bold, self.weights = self.weights == {True}, set()  # a bold paragraph reads as a heading
        if text:
            if self.marker:
                text, self.marker = f"{self.marker} {text}", ""
            self.paragraphs += 1
            where = self.paragraphs if self.by_paragraph else self.where
            self.lines += [Line(text, where, self.heading or all_bold), Line("", where)]
        self.heading = False
