"""Strict YAML reading: every value stays the text the clerk wrote, and every value keeps its line.

PyYAML's usual loaders apply YAML 1.1 rules that quietly change what was written (`no` becomes
false, `012` becomes 10, `1:30` becomes 90, `4.10` becomes 4.1) and keep only the last of two
duplicate keys. Here scalars are always strings (an empty value or `null` is None), duplicate keys
are problems, and a map from each value's path to its line lets later checks name the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from .characters import shown
from .limits import MAX_DEPTH
from .problems import Problem

Path = tuple[str | int, ...]
NULLS = {"", "~", "null", "Null", "NULL"}


class _TextLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's reader (when PyYAML has it), without YAML 1.1's guessing of types (every value
    stays text here, and an empty or null value is found by _build): guessing costs more than
    reading."""

    TAGS = {
        yaml.ScalarNode: "tag:yaml.org,2002:str",
        yaml.SequenceNode: "tag:yaml.org,2002:seq",
        yaml.MappingNode: "tag:yaml.org,2002:map",
    }

    def resolve(self, kind, value, implicit):
        return self.TAGS[kind]


FAST_LOADER = _TextLoader


@dataclass
class Document:
    """A parsed YAML document: its data, the line of every path in it, and what went wrong."""

    data: Any
    lines: dict[Path, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def line_of(self, path: Path) -> int:
        """The line of a path, or of its nearest parent that has one (a missing key's record)."""
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path, 1)


def read_yaml(text: str, file: str, first_line: int = 1) -> Document:
    """Parse one YAML document; first_line shifts line numbers (for front matter in Markdown)."""
    offset = first_line - 1
    try:
        try:  # libyaml, when PyYAML has it, reads the events many times faster (a plain value's
            # style is "" there, None in PyYAML's own reader) …
            events = _events(text, FAST_LOADER)
        except yaml.MarkedYAMLError:  # … but a file with a mistake is read again for the usual words
            events = _events(text, yaml.SafeLoader)
        if isinstance(events, int):
            return Document(None, problems=[Problem(file, events + 1 + offset, TOO_DEEP)])
        if _needs_composer(events):
            _Replay(events).get_single_node()  # only the composer finds the mistakes of anchors and aliases
    except yaml.MarkedYAMLError as error:
        return Document(None, problems=[_syntax_problem(error, text, file, offset)])
    except yaml.YAMLError as error:  # e.g. a character the reader refuses (files.read_text reports those first)
        line = text[: getattr(error, "position", 0)].count("\n") + first_line
        return Document(None, problems=[Problem(file, line, f"this line could not be read ({error}) — {CHECK}")])
    document = Document(None)
    document.problems += _surprises(events, text.split("\n"), file, offset)
    if not any(isinstance(event, yaml.DocumentStartEvent) for event in events):
        document.problems.append(Problem(file, first_line, "this file is empty — add its data, or delete the file"))
    if document.problems:
        return document
    document.data = _build(_Events(events), (), document, file, offset)
    return document


TOO_DEEP = (
    f"the data here is nested more than {MAX_DEPTH} levels deep (lists inside lists, or names indented under "
    "names), deeper than any file the portal reads — check the indentation, and the brackets [ ] { }, "
    "on this line and above"
)
CHECK = "check the indentation, colons and quotes here and on the line above"


def _events(text: str, loader: Any = FAST_LOADER) -> list[yaml.Event] | int:
    """The parser's events, or the 0-based line where the nesting passes MAX_DEPTH. PyYAML's
    composer recurses once per level, so the depth is checked on the flat event stream first."""
    events, depth = [], 0
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                return _row(event.start_mark)
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
        events.append(event)
    return events


def _needs_composer(events: list[yaml.Event]) -> bool:
    """Anchors, aliases or several documents: the mistakes only PyYAML's composer reports."""
    documents = sum(isinstance(event, yaml.DocumentStartEvent) for event in events)
    anchored = any(isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) for event in events)
    return documents > 1 or anchored


class _Events:
    """The parser's events, read one at a time, with a look at the next."""

    def __init__(self, events: list[yaml.Event]):
        self.events = events
        self.at = next(i for i, e in enumerate(events) if isinstance(e, yaml.DocumentStartEvent)) + 1

    def peek(self) -> yaml.Event:
        return self.events[self.at]

    def take(self) -> yaml.Event:
        self.at += 1
        return self.events[self.at - 1]

    def skip(self) -> None:
        """Pass over one whole value: a scalar, or a map or list with everything in it."""
        depth = 0
        while True:
            event = self.take()
            depth += isinstance(event, yaml.CollectionStartEvent) - isinstance(event, yaml.CollectionEndEvent)
            if depth == 0:
                return


class _Replay(yaml.composer.Composer, yaml.resolver.Resolver):
    """PyYAML's composer fed from events already parsed, so each file is parsed once, not twice."""

    def __init__(self, events: list[yaml.Event]):
        self.pending = events[::-1]
        yaml.composer.Composer.__init__(self)
        yaml.resolver.Resolver.__init__(self)

    def check_event(self, *choices: type[yaml.Event]) -> bool:
        return bool(self.pending) and (not choices or isinstance(self.pending[-1], choices))

    def peek_event(self) -> yaml.Event:
        return self.pending[-1]

    def get_event(self) -> yaml.Event:
        return self.pending.pop()


def _syntax_problem(error: yaml.MarkedYAMLError, text: str, file: str, offset: int) -> Problem:
    # A key missing its colon is found on the next line, and an unclosed quote at the end of
    # the file; the line where the key or the quote starts is the context.
    context = error.context or ""
    starts_earlier = "simple key" in context or "quoted scalar" in context
    mark = error.context_mark if starts_earlier else error.problem_mark
    line = (mark.line + 1 + offset) if mark else offset + 1
    # A quote left open swallows the lines after it, so the parser trips further down (often on
    # the next quotation mark): the line that opened it is where the clerk must look.
    unclosed = _unclosed_quote(text.split("\n")[: line - offset])
    if unclosed is not None:
        return Problem(file, unclosed + 1 + offset, f"this line could not be read: {UNCLOSED}")
    return Problem(file, line, _explain_syntax(error, text.split("\n"), line - offset))


def _surprises(events: list[yaml.Event], lines: list[str], file: str, offset: int) -> list[Problem]:
    """Valid YAML that would not mean what a clerk typed: & * ! at the start of a value, or a
    " #" inside one (YAML drops the rest of the line as a comment)."""
    problems: dict[int, Problem] = {}  # one per line is enough to send the clerk there
    for event in events:
        line = _row(event.start_mark) + 1 + offset
        special = (
            isinstance(event, yaml.AliasEvent)
            or getattr(event, "anchor", None)
            or (isinstance(event, yaml.ScalarEvent) and not event.implicit[0] and not event.style)
        )
        if special:
            problems.setdefault(
                line,
                Problem(
                    file,
                    line,
                    "a value here starts with &, * or !, which YAML treats as an instruction "
                    "and not as text — put the whole value in double quotes",
                ),
            )
        elif (
            isinstance(event, yaml.ScalarEvent)
            and not event.style
            and event.end_mark
            and _row(event.end_mark) == _row(event.start_mark)
        ):
            rest = lines[event.end_mark.line][event.end_mark.column :]
            if rest.lstrip().startswith("#") and rest[:1].isspace():
                problems.setdefault(
                    line,
                    Problem(
                        file,
                        line,
                        'the words after " #" on this line are ignored, because YAML reads them '
                        "as a note — if they are part of the value, put the whole value in double quotes; "
                        "if they are a note, put it on a line of its own",
                    ),
                )
    return list(problems.values())


def _row(mark: Any) -> int:
    """The 0-based line of a mark (PyYAML gives every event and node one; its stubs allow None)."""
    return mark.line if mark else 0


def _whole_characters(value: str) -> str:
    """A character beyond U+FFFF written as two escapes ("\\ud83d\\ude00", as JSON tools write it)
    is one character; PyYAML keeps the two halves. A half on its own stays, for the model to refuse."""
    if not any("\ud800" <= char <= "\udfff" for char in value):
        return value
    return value.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")


def _build(events: _Events, path: Path, doc: Document, file: str, offset: int) -> Any:
    """The value that starts at the next event, with the line of every path in it."""
    event = events.take()
    doc.lines[path] = _row(event.start_mark) + 1 + offset
    if isinstance(event, yaml.ScalarEvent):
        if event.tag == "tag:yaml.org,2002:null" or (not event.style and event.value in NULLS):
            return None
        return _whole_characters(event.value)
    if isinstance(event, yaml.SequenceStartEvent):
        items: list[Any] = []
        while not isinstance(events.peek(), yaml.SequenceEndEvent):
            items.append(_build(events, path + (len(items),), doc, file, offset))
        events.take()
        return items
    result: dict[str, Any] = {}
    first_seen: dict[str, int] = {}
    while not isinstance(events.peek(), yaml.MappingEndEvent):
        key_event = events.peek()
        line = _row(key_event.start_mark) + 1 + offset
        if not isinstance(key_event, yaml.ScalarEvent):
            doc.problems.append(Problem(file, line, "a key here is not a plain name — write keys as name: value"))
            events.skip()
            events.skip()
            continue
        events.take()
        key = _whole_characters(key_event.value)
        if key in first_seen:
            doc.problems.append(
                Problem(
                    file,
                    line,
                    f'"{shown(key)}" appears twice in the same entry (first on line {first_seen[key]}) '
                    "— keep one and delete the other, because only the last would be used",
                )
            )
            events.skip()
            continue
        first_seen[key] = line
        result[key] = _build(events, path + (key,), doc, file, offset)
        doc.lines[path + (key,)] = line
    events.take()
    return result


UNCLOSED = (
    "a quotation mark opened on this line is never closed — add the closing quotation mark at the end of the value"
)
QUOTE_OPENS = re.compile(r"""\s*(?:- )?(?:[\w-]+:\s+)?(?P<quote>["'])(?P<rest>.*)$""")


def _unclosed_quote(lines: list[str]) -> int | None:
    """The index of the first line whose value opens a quotation mark that the line never closes."""
    block_indent = None  # inside a > or | block, where quotation marks are just text
    for index, text in enumerate(lines):
        indent = len(text) - len(text.lstrip(" "))
        if block_indent is not None and (indent > block_indent or not text.strip()):
            continue
        block_indent = indent if re.search(r":\s+[>|][-+]?\s*$", text) else None
        found = QUOTE_OPENS.fullmatch(text)
        if found and found["quote"] not in found["rest"].replace('\\"', ""):
            return index
    return None


def _explain_syntax(error: yaml.MarkedYAMLError, lines: list[str], line: int) -> str:
    """Turn PyYAML's parser wording into what a clerk can act on (line: the 1-based line reported)."""
    problem = f"{error.context or ''} {error.problem or ''}".strip()
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    above = next((text for text in reversed(lines[: max(line - 1, 0)]) if text.strip()), "")
    indent = len(here) - len(here.lstrip(" "))
    if "\\t" in problem or "\t" in problem:
        hint = "a tab character is used for indenting — indent with spaces only"
    elif (
        "mapping values are not allowed" in problem
        and indent > len(above) - len(above.lstrip(" "))
        and re.match(r"\s*(- )?[\w-]+:\s+\S", above)
    ):
        hint = (
            "this line is indented further than the line above, so it reads as part of that line's "
            "value — start it in the same column as the line above"
        )
    elif "could not find expected ':'" in problem and re.match(r"\s*(- )?[\w-]+:[^\s:]", here):
        hint = "there is no space after the colon — write a space between the colon and the value, as in name: value"
    elif "quoted scalar" in problem:
        hint = UNCLOSED
    elif "mapping values are not allowed" in problem:
        hint = 'there is a colon inside a value — put the value in double quotes, for example title: "Care: planning"'
    elif "could not find expected ':'" in problem:
        hint = "this line is missing the colon after its name — write name: value"
    elif "alias" in problem or "anchor" in problem or "cannot start any token" in problem:
        hint = (
            "a value starts with a character YAML reserves (such as * & @ ` %) — put the whole value in double quotes"
        )
    elif "found unexpected end of stream" in problem or "found unknown escape" in problem:
        hint = "a quotation mark is not closed, or a backslash is inside double quotes — check the quotes on this line"
    elif "did not find expected" in problem or "expected <block end>" in problem:
        hint = "the indentation does not line up — make each item start in the same column as the ones around it"
    else:
        return f"this line could not be read ({problem}) — {CHECK}"
    return f"this line could not be read: {hint}"
