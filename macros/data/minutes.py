"""Minutes files: front matter, numbered minutes, and safe rendering of the clerk's Markdown.

A minutes file is the clerk's text. It is never run as a template, and raw HTML in it is shown
as text: `{{ x }}` and `<script>` appear on the page exactly as typed. Each minute starts with a
heading line holding its number as the council writes it (`### 21`, `### 4.3`, `#### 20.1.1`),
optionally followed by its title (`### 20.1 Ofsted Inspection Process`); the number becomes the
stable anchor `#minute-4.3`.
"""

from __future__ import annotations

import functools
import html
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass

import markdown
from markdown.extensions import Extension
from markdown.extensions.sane_lists import SaneOListProcessor, SaneUListProcessor
from markdown.treeprocessors import Treeprocessor

from .characters import shown

# A minute's heading: its number (21, 4.3, 20.1.1; a full stop after it is allowed), then its title if it has one.
NUMBER = r"(\d+(?:\.\d+)*)\.?"
MINUTE_HEADING = re.compile(r"^#{2,4}[ \t]+" + NUMBER + r"(?:[ \t]+(.*?))?[ \t]*#*[ \t]*$")
MINUTE_TEXT = re.compile(NUMBER + r"(?:\s+(.*))?", re.DOTALL)  # the same, as the heading reads on the page
# A heading that names a minute in words ("### Minute 21", "### Item 4.3"): a common slip.
WORDED_HEADING = re.compile(r"^#{2,4}[ \t]+(minute|min\.?|item|paragraph|para\.?)[ \t]+(\d+(?:\.\d+)*)\b", re.I)
SAFE_LINK = re.compile(r"^(https://|mailto:|#|\.{0,2}/|[^:]*$)", re.IGNORECASE)
# Where a link's target is written: [text](target), [name]: target, and <http…> autolinks.
LINK_TARGETS = re.compile(
    r"\]\(\s*<?([^\s>]+)|^\s{0,3}\[[^\]]+\]:\s*<?([^\s>]+)|<([a-z][a-z0-9+.-]*:[^\s>]*)>", re.IGNORECASE
)


def is_safe_link(target: str) -> bool:
    """A secure web link, an e-mail address or a link within the site; never http:, javascript: and
    the like, however disguised (browsers read &#58; as a colon and ignore spaces and control characters)."""
    plain = re.sub(r"[\x00-\x20\x7f]+", "", html.unescape(target))
    return bool(SAFE_LINK.match(plain))


def link_targets(line: str) -> list[str]:
    """Every link target written on one line of Markdown, with a trailing unmatched ) trimmed."""
    targets = []
    for match in LINK_TARGETS.finditer(line):
        target = next(group for group in match.groups() if group)
        while target.endswith(")") and target.count(")") > target.count("("):
            target = target[:-1]
        targets.append(target)
    return targets


def minute_anchor(number: str) -> str:
    return f"minute-{number}"


def minutes_name(meeting_id: str, item: str) -> str:
    """The name a minutes file has (without .md): its meeting's ID and its item, e.g.
    cypssc-2019-05-15-item-4 (item "4A" gives item-4a and "04" item-4: names are lower case)."""
    item = re.sub(r"[^a-z0-9]+", "-", item.lower()).strip("-")
    return f"{meeting_id}-item-{re.sub(r'(?<![0-9])0+(?=[0-9])', '', item)}"


@dataclass(frozen=True)
class Minute:
    number: str
    line: int
    markdown: str  # the minute's own Markdown, below its heading
    title: str = ""  # its title as shown, if the heading has one ("Ofsted Inspection Process")

    @functools.cached_property
    def text(self) -> str:
        """The minute's words as plain text, for checking quotes: rendered only when asked for (a
        quote is checked, or the minute may be empty), since rendering every minute of a long
        archive costs more than the checks."""
        return plain_text(render_markdown(self.markdown))

    @property
    def label(self) -> str:
        """The minute as a reader sees it named: "20.1 Ofsted Inspection Process", or "4.3"."""
        return f"{self.number} {self.title}" if self.title else self.number


@dataclass(frozen=True)
class MinutesBody:
    markdown: str
    first_line: int  # line of the file on which the body starts
    minutes: dict[str, Minute]


def split_front_matter(text: str) -> tuple[str, str, int] | str:
    """Split '---' front matter from the body: (front matter, body, body's first line), or what
    is wrong with it, in a clerk's words."""
    lines = text.split("\n")
    if lines[0].strip() != "---":
        return (
            "this minutes file has no front matter — start it with a line of three dashes (---), "
            "then the committee, date, item and title, then another line of three dashes"
        )
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :]), index + 2
    return (
        "the front matter that starts here is never closed — add a line of three dashes (---) "
        "after its last line, before the minutes themselves"
    )


def parse_body(body: str, first_line: int) -> tuple[MinutesBody, list[tuple[int, str]]]:
    """Find the numbered minutes in a body; returns the body and (line, problem) pairs."""
    problems: list[tuple[int, str]] = []
    starts: list[tuple[str, int, int, str]] = []  # number, file line, index in body, title
    body_lines = body.split("\n")
    for index, line in enumerate(body_lines):
        worded = WORDED_HEADING.match(line)
        # A heading in words is reported, and still read as its minute, so that what cites it is not reported too.
        match = MINUTE_HEADING.match(WORDED_HEADING.sub(lambda m: "### " + m.group(2), line) if worded else line)
        if worded:
            problems.append(
                (
                    first_line + index,
                    f'this heading starts "{worded.group(1)} {worded.group(2)}", so it is not read as a minute — '
                    f"start a minute's heading with its number alone: ### {worded.group(2)} (its title may follow)",
                )
            )
        if match:
            number = match.group(1)
            if any(number == seen for seen, _, _, _ in starts):
                problems.append(
                    (first_line + index, f"minute {number} appears twice — give each minute its own number")
                )
                continue
            title = plain_text(render_markdown(match.group(2))) if match.group(2) else ""
            starts.append((number, first_line + index, index, title))
        for target in link_targets(line):
            if not is_safe_link(target):
                problems.append((first_line + index, _unsafe_link(target)))
    minutes = {}
    for position, (number, heading_line, index, title) in enumerate(starts):
        end = starts[position + 1][2] if position + 1 < len(starts) else len(body_lines)
        section = "\n".join(body_lines[index + 1 : end])
        minutes[number] = Minute(number, heading_line, section, title)
        following = starts[position + 1][0] if position + 1 < len(starts) else ""
        empty = _may_be_empty(section) and not minutes[number].text
        if empty and not following.startswith(number + "."):  # 20.1 above 20.1.1 heads them
            problems.append(
                (
                    heading_line,
                    f"minute {number} has nothing under its heading — paste the minute's words on the lines "
                    "below it, or delete the heading if there is no such minute",
                )
            )
    return MinutesBody(body, first_line, minutes), problems


def _unsafe_link(target: str) -> str:
    if target.lower().startswith("http://"):
        return (
            f'the link "{shown(target)}" starts with http://, but the portal links only to secure addresses — '
            f"write the https:// address instead: https://{shown(target[len('http://') :])}"
        )
    return f'the link "{shown(target)}" is not a web link — links must start with https://'


LINK_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:")


def _may_be_empty(section: str) -> bool:
    """Whether a minute's Markdown might show no words: it has no line with a word on it other than
    a link's definition (which shows nothing). Only then is it rendered to find out."""
    return not any(re.search(r"\w", line) and not LINK_DEFINITION.match(line) for line in section.split("\n"))


def render_markdown(text: str) -> str:
    """Render clerk-written Markdown to HTML with raw HTML shown as text and unsafe links removed."""
    return _clerk_markdown().reset().convert(text)


@functools.cache
def _clerk_markdown() -> markdown.Markdown:
    """One renderer, reset for each text: setting up Python-Markdown costs more than most minutes."""
    return markdown.Markdown(extensions=[ClerkMarkdown()], output_format="html")


def plain_text(fragment: str) -> str:
    return normalise(html.unescape(re.sub(r"<[^>]+>", " ", fragment)))


def normalise(text: str) -> str:
    """Fold the differences a copy-and-paste introduces: curly quotes and runs of spaces."""
    text = text.replace("\u2018", "'").replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(text.replace("\u00a0", " ").split())


class _BulletStartsList(SaneUListProcessor):
    """A list written with another bullet (* after -) starts a new list, as in CommonMark.

    Minutes often put one list straight after another (minute 4.6: the seven themes, then the
    points made); without this, Python-Markdown would join them into one list.
    """

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        marker = blocks[0].lstrip()[:1]
        lines = blocks[0].split("\n")
        for index, line in enumerate(lines[1:], start=1):  # a change of bullet with no blank line
            if self.RE.match(line) and line.lstrip()[:1] != marker:
                blocks[0:1] = ["\n".join(lines[:index]), "\n".join(lines[index:])]
                break
        sibling = self.lastChild(parent)
        separator = None
        if sibling is not None and sibling.tag == "ul" and sibling.get("data-bullet") != marker:
            separator = etree.SubElement(parent, "hr")  # stops the join; removed straight after
        super().run(parent, blocks)
        if separator is not None:
            parent.remove(separator)
        made = self.lastChild(parent)
        if made is not None:  # the list super().run has just made
            made.set("data-bullet", marker)


class _MinuteAnchors(Treeprocessor):
    """Give each minute heading its stable anchor and drop links that are not web links."""

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            text = (element.text or "").strip()
            raw = (element.text or "").lstrip()
            minute = MINUTE_TEXT.fullmatch(raw) if element.tag in ("h2", "h3", "h4") else None
            if minute:
                element.set("id", minute_anchor(minute.group(1)))
                element.set("class", "sp-minute-number")
                if minute.group(2) or len(element):  # a title follows: the number is set apart from it
                    number = etree.Element("span", {"class": "sp-minute-no"})
                    title_at = minute.start(2) if minute.group(2) is not None else len(raw)
                    number.text, number.tail = raw[:title_at].rstrip(), " " + raw[title_at:]
                    element.text = None
                    element.insert(0, number)
            elif element.tag in ("h2", "h3", "h4"):
                element.set("id", re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-"))
            for attribute in ("href", "src"):
                if attribute in element.attrib and not is_safe_link(element.get(attribute, "")):
                    del element.attrib[attribute]
            element.attrib.pop("data-bullet", None)


class ClerkMarkdown(Extension):
    """Python-Markdown set up for text written by clerks rather than developers."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.parser.blockprocessors.register(SaneOListProcessor(md.parser), "olist", 40)
        md.parser.blockprocessors.register(_BulletStartsList(md.parser), "ulist", 30)
        md.treeprocessors.register(_MinuteAnchors(md), "minute_anchors", 5)
