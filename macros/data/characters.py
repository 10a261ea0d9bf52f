"""Characters the portal refuses in what clerks write, and the one way a value is shown in a message.

Text pasted from Word, a PDF or a web page can carry characters nobody can see: a form feed or
vertical tab (Word's page and line breaks), a NUL, or a Unicode direction override that makes
text display in a different order from the one it is stored in (so a page, a feed or a review
can show words that are not the ones written). None of them belongs in a published record, and
several break the feeds, the calendar or a build log. So they are refused wherever they appear:
in a file as typed (`raw_problems`, with the line and column) and in a value written as a YAML
escape such as "\\x0b" (`hidden`, called by the model's text types).

Every message quotes a value through `shown`, and `visible` is applied to every message, so a
value can never put a line break or a control character into a report or a CI log (where a
line starting `::error` would be read as a command).
"""

from __future__ import annotations

import re
import unicodedata

# Unicode's direction controls: embeddings, overrides and isolates (the "Trojan Source" characters).
DIRECTION_CONTROLS = {
    "\u202a": "left-to-right embedding",
    "\u202b": "right-to-left embedding",
    "\u202c": "pop directional formatting",
    "\u202d": "left-to-right override",
    "\u202e": "right-to-left override",
    "\u2066": "left-to-right isolate",
    "\u2067": "right-to-left isolate",
    "\u2068": "first strong isolate",
    "\u2069": "pop directional isolate",
}
CONTROL_NAMES = {
    "\x00": "NUL",
    "\x07": "bell",
    "\x08": "backspace",
    "\t": "tab",
    "\n": "line break",
    "\x0b": "vertical tab",
    "\x0c": "form feed",
    "\r": "carriage return",
    "\x1b": "escape",
    "\x7f": "delete",
    "\x85": "next line",
}
# Line breaks other than \n that YAML (and some editors) count as the end of a line: made \n before
# anything reads the text, so every line number agrees with what the clerk's editor shows.
LINE_BREAKS = ("\r\n", "\r", "\u2028", "\u2029")


def normalise_line_breaks(text: str) -> str:
    for ending in LINE_BREAKS:
        text = text.replace(ending, "\n")
    return text


# Every character that could be refused, or is invisible, is outside printable ASCII: only those are
# looked at one by one, so checking a long file costs a search, not a Python step per character.
MAYBE = re.compile(r"[^\t\n\x20-\x7e]")
MAYBE_OR_NEWLINE = re.compile(r"[^\t\x20-\x7e]")


def is_refused(char: str, newline: bool = True) -> bool:
    """A control character (tab always allowed, a line break where newline is True), a direction
    control, a lone surrogate or one of the two non-characters U+FFFE and U+FFFF."""
    if char == "\t" or (newline and char == "\n"):
        return False
    category = unicodedata.category(char)
    return category in ("Cc", "Cs") or char in DIRECTION_CONTROLS or char in "\ufffe\uffff"


def describe(char: str) -> str:
    """A refused or invisible character in words, e.g. "a vertical tab, U+000B"."""
    code = f"U+{ord(char):04X}"
    if char in DIRECTION_CONTROLS:
        return f"a {DIRECTION_CONTROLS[char]}, {code}, which changes the order the text is shown in"
    if char in CONTROL_NAMES:
        return f"a {CONTROL_NAMES[char]}, {code}"
    name = unicodedata.name(char, "")
    return f"{name.lower()}, {code}" if name else f"an invisible control character, {code}"


HOW_TO_DELETE = (
    "delete it: it is invisible, so retype the words around it, or paste the text through a plain-text "
    "editor such as Notepad first"
)


def raw_problems(text: str) -> list[tuple[int, str]]:
    """(line, message) for the first refused character on each line of a file, as typed."""
    problems = []
    last_line = 0
    for match in MAYBE.finditer(text):
        if not is_refused(match.group()):
            continue
        number = text.count("\n", 0, match.start()) + 1
        if number == last_line:
            continue  # the first on each line is enough to send the clerk there
        last_line = number
        column = match.start() - (text.rfind("\n", 0, match.start()) + 1)
        problems.append(
            (
                number,
                f"column {column + 1} of this line holds a hidden character ({describe(match.group())}), "
                f"which pasting from Word or a PDF can leave behind — {HOW_TO_DELETE}",
            )
        )
    return problems


def hidden(value: str, newline: bool = True, invisible: bool = False) -> str | None:
    """What is wrong with a value holding a refused character (with invisible=True, also a
    zero-width or other formatting character), in words; None if it holds none."""
    for match in (MAYBE if newline else MAYBE_OR_NEWLINE).finditer(value):
        index, char = match.start(), match.group()
        if is_refused(char, newline) or (invisible and unicodedata.category(char) == "Cf"):
            where = f"after “{shown(value[max(0, index - 20) : index])}”" if index else "at the start"
            if char == "\n":
                return f"this must be one line of text, but it has a line break {where} — write it all on one line"
            return f"the text has a hidden character in it ({describe(char)}) {where} — {HOW_TO_DELETE}"
    return None


ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# Controls, formatting characters, surrogates, line and paragraph separators, private and unassigned.
UNSHOWN = {"Cc", "Cf", "Cs", "Zl", "Zp", "Co", "Cn"}


def visible(text: str) -> str:
    """Text on one line: line breaks, control, direction and formatting characters written as
    escapes such as \\n or \\u202e, so nothing in it can start a new line or change what is shown."""
    if text.isprintable():
        return text
    return "".join(
        ESCAPES.get(char, f"\\u{ord(char):04x}") if unicodedata.category(char) in UNSHOWN else char for char in text
    )


def shown(value: object, limit: int = 200) -> str:
    """A value as quoted in a message: on one line, made visible, and cut short if long."""
    text = visible(str(value))
    return text if len(text) <= limit else text[: limit - 1] + "…"
