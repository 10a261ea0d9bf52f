"""Load the data folder into a validated Portal, or raise DataProblems listing everything wrong."""

from __future__ import annotations

import contextlib
import datetime as dt
import difflib
import gc
import re
import types
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from . import clock, files, model
from .characters import shown
from .limits import MAX_VALUE_CHARACTERS
from .locations import Locations
from .minutes import parse_body, split_front_matter
from .portal import MinutesDoc, Portal
from .problems import DataProblems, Problem, one_line
from .reading import decode, files_under, outside_links, read_text
from .validate import check_portal
from .yamlload import Document, read_yaml


def load_portal(root: Path, today: dt.date | None = None) -> Portal:
    """Read and check everything under root/data, as at `today` (default: the build date, which
    raises clock.BadBuildDate if PORTAL_BUILD_DATE is set to something that is not a date)."""
    with _collecting_later():
        loader = _Loader(root)
        portal = loader.load()
        problems = loader.problems + check_portal(portal, today or clock.build_date()) + outside_links(root, "docs")
    if problems:
        raise DataProblems(problems)
    return portal


@contextlib.contextmanager
def _collecting_later() -> Iterator[None]:
    """No garbage collection while the data is read: reading makes many objects that all stay, and
    the collector looking through them again and again costs a quarter of the time (it runs after)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


R = TypeVar("R", bound=model.Record)


def load_record(root: Path, relative: str, record_type: type[R]) -> R:
    """One data file read and checked on its own, for commands that need only it."""
    loader = _Loader(root)
    path = root / relative
    if not path.is_file():
        raise DataProblems(
            [
                Problem(
                    relative,
                    1,
                    "this file is missing — restore it from the repository's "
                    "history, or create it as the README describes",
                )
            ]
        )
    record = loader._load_yaml(path, record_type)
    if loader.problems or record is None:
        raise DataProblems(loader.problems)
    return record


def read_version(relative: str, raw: bytes, record_type: type[model.Record]) -> model.Record | None:
    """One version of a data file (e.g. from the repository's history: its path and its bytes),
    read with the portal's own strict reader and model; None if the portal would not read it."""
    loader = _Loader(Path("."))
    text = loader._decode(raw, relative)
    return None if text is None else loader._validate(read_yaml(text, relative), record_type, relative)


class _Loader:
    def __init__(self, root: Path):
        self.root = root
        self.data_dir = root / "data"
        self.problems: list[Problem] = []
        self.locations = Locations()
        self.incomplete: set[str] = set()  # files or folders with a record that could not be read

    def load(self) -> Portal:
        parsed: dict[str, Any] = {}
        self.problems += outside_links(self.root, "data")
        for path in files_under(self.root, "data"):  # links out of the repository are left out
            relative = path.relative_to(self.data_dir).as_posix()
            kind = files.kind_of(relative)
            if isinstance(kind, files.Ignored):
                self.problems.append(Problem(one_line(self._display(path)), 1, kind.message))
                if kind.group:
                    self.incomplete.add(kind.group)
                continue
            if kind is None:
                continue
            group = relative.split("/")[0]
            record = self._load_minutes(path) if isinstance(kind, str) else self._load_yaml(path, kind)
            parsed.setdefault(group, []).append(record)
            if record is None:
                self.incomplete.add(group)
        for name in files.REQUIRED:
            if name not in parsed and name not in self.incomplete:  # an ignored file said why already
                self.problems.append(
                    Problem(
                        f"data/{name}",
                        1,
                        "this file is missing, and the portal cannot be built without "
                        "it — restore it from the repository's history, or create it as the README describes",
                    )
                )
        return self._assemble(parsed)

    def _display(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def _read_text(self, path: Path) -> str | None:
        text, problems = read_text(path, self._display(path))
        self.problems += problems
        return text

    def _decode(self, raw: bytes, file: str) -> str | None:
        text, problems = decode(raw, file)
        self.problems += problems
        return text

    def _load_yaml(self, path: Path, record_type: type[R]) -> R | None:
        text = self._read_text(path)
        if text is None:
            return None
        document = read_yaml(text, self._display(path))
        return self._validate(document, record_type, self._display(path))

    def _validate(self, document: Document, record_type: type[R], file: str) -> R | None:
        self.problems += document.problems
        if document.problems:
            return None
        if not isinstance(document.data, dict):
            self.problems.append(
                Problem(
                    file,
                    1,
                    "this file does not start with name: value lines — begin it with "
                    f"the names the portal reads here: {', '.join(record_type.model_fields)}",
                )
            )
            return None
        try:
            record = record_type.model_validate(document.data)
        except ValidationError as error:
            details = error.errors()
            misspelt = {_misspelling(d, record_type) for d in details} - {None}
            for detail in details:
                loc = tuple(detail["loc"])
                if detail["type"] == "missing" and loc in misspelt:
                    continue  # "staus" already says "did you mean status?"; "status is missing" adds nothing
                self.problems.append(Problem(file, document.line_of(loc), explain(detail, record_type)))
            return None
        self.locations.register(record, file, document)
        return record

    def _load_minutes(self, path: Path) -> MinutesDoc | None:
        file = self._display(path)
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", path.stem):
            self.problems.append(
                Problem(
                    file,
                    1,
                    "this file's name becomes the page's web address, so it may use only "
                    "lower-case letters, digits and hyphens — rename it, for example to "
                    "cypssc-2019-05-15-item-4.md",
                )
            )
            return None
        text = self._read_text(path)
        if text is None:
            return None
        split = split_front_matter(text)
        if isinstance(split, str):
            self.problems.append(Problem(file, 1, split))
            return None
        front_text, body_text, body_line = split
        front = self._validate(read_yaml(front_text, file, first_line=2), model.MinutesFrontMatter, file)
        body, body_problems = parse_body(body_text, body_line)
        self.problems += [Problem(file, line, message) for line, message in body_problems]
        if not body.minutes:
            self.problems.append(
                Problem(
                    file,
                    body_line,
                    "no numbered minutes were found — start each minute with a "
                    "heading line holding its number, for example: ### 4.1 or ### 21 (a title may follow the number)",
                )
            )
        if front is None or not body.minutes:
            return None  # not publishable as it is; other checks would only repeat this one
        return MinutesDoc(id=path.stem, file=file, front=front, body=body)

    def _assemble(self, parsed: dict[str, list[Any]]) -> Portal:
        def single(name: str) -> Any:
            records = [r for r in parsed.get(name, []) if r is not None]
            return records[0] if records else None

        def many(name: str) -> list[Any]:
            return [r for r in parsed.get(name, []) if r is not None]

        return Portal(
            site=single("portal.yaml"),
            meetings=getattr(single("meetings.yaml"), "meetings", []),
            sets=many("recommendations"),
            themes=single("themes.yaml"),
            resolutions=getattr(single("resolutions.yaml"), "resolutions", []),
            bodies=getattr(single("bodies.yaml"), "bodies", []),
            commitments=getattr(single("commitments.yaml"), "commitments", []),
            updates=[u for progress in many("progress") for u in progress.updates],
            actions=getattr(single("actions.yaml"), "actions", []),
            metrics=many("metrics"),
            findings=getattr(single("findings.yaml"), "findings", []),
            minutes=many("minutes"),
            locations=self.locations,
            incomplete=frozenset(self.incomplete),
        )


# ---------------------------------------------------------------------------------------------
# Turning pydantic's errors into a clerk's words
# ---------------------------------------------------------------------------------------------


def explain(detail: ErrorDetails, record_type: type[BaseModel]) -> str:
    """One pydantic error as 'what is wrong — how to fix it'."""
    loc = tuple(detail["loc"])
    kind = detail["type"]
    names = [part for part in loc if isinstance(part, str)]
    field = shown(names[-1]) if names else "this entry"
    given = detail.get("input")
    if kind == "missing":
        return f'"{field}" is missing — add a line {field}: with its value'
    reworded = RE_WORDED[kind](field, detail.get("ctx", {})) if kind in RE_WORDED else None
    if reworded:
        return reworded
    if kind == "extra_forbidden":
        allowed = list(_model_at(record_type, loc[:-1]).model_fields)
        if str(loc[-1]).lower() in allowed:
            return (
                f'"{field}" is written with a capital letter — names are written in small letters: '
                f"{str(loc[-1]).lower()}"
            )
        near = _misspelling(detail, record_type)
        hint = f'did you mean "{near[-1]}"? ' if near else ""
        return (
            f'"{field}" is not something the portal reads here — {hint}the names allowed here are: {", ".join(allowed)}'
        )
    if kind in ("string_type", "int_type", "date_type") and given is None:
        return f'"{field}" has no value — write its value after the colon, or delete the line if it is optional'
    if kind == "string_unicode":  # half of a character written as an escape, such as "\ud83d"
        return (
            f'"{field}" holds half of a character written as an escape (\\u followed by D800 to DFFF) — '
            "write the character itself, or delete the escape"
        )
    if kind == "string_type":
        return (
            f'"{field}" should be a single piece of text, not a list or a group of lines — '
            "put the text on one line after the colon"
        )
    if kind == "string_too_short":
        return f'"{field}" is empty — write its text after the colon'
    if kind == "string_too_long":
        return (
            f'"{field}" is {len(str(given)):,} characters long, more than the {MAX_VALUE_CHARACTERS:,} (about 3,000 '
            "words) the portal takes in one value — shorten it, or link to the document it comes from"
        )
    if kind == "list_type":
        return f'"{field}" should be a list — write each item on its own line starting with "- "'
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f'"{field}" should be a group of name: value lines, indented under it'
    if kind == "too_short":
        return f'"{field}" has no entries — add at least one, each on a line starting with "- "'
    if kind in ("int_parsing", "int_from_float", "int_parsing_size"):
        return f'"{field}" should be a whole number, but it is "{shown(given)}" — write digits only, for example 12'
    if kind == "greater_than_equal":
        return f'"{field}" is {given}, which is too small — it must be at least {detail["ctx"]["ge"]}'
    if kind == "less_than_equal":
        return f'"{field}" is {given}, which is too large — it must be at most {detail["ctx"]["le"]}'
    message = detail["msg"].removeprefix("Value error, ")
    return f"{field}: {message}" if names else message


CURLY_QUOTES = "“”‘’„«»"
COLOURS = {"red", "amber", "green", "rag", "blue", "grey", "gray", "yellow"}
MONTH_NAMES = {name[:3].lower(): number for number, name in enumerate(clock.MONTHS, start=1)}


def _vocabulary(field: str, ctx: dict[str, Any]) -> str | None:
    """A word outside a vocabulary: name the usual slips (curly quotes, capitals, a colour) exactly."""
    value, allowed = str(ctx["value"]), ctx["allowed"]
    words = allowed.split(", ")
    plain = value.strip(CURLY_QUOTES + "\"' ")
    if plain != value and plain.lower() in words:
        return (
            f"{field}: the value is wrapped in curly quotation marks, which are read as part of the word — "
            f"remove them and write: {field}: {plain.lower()}"
        )
    if value.lower() in words:
        return (
            f'{field}: "{value}" has capital letters, but statuses are written in small letters — '
            f"write: {field}: {value.lower()}"
        )
    if value.lower() in COLOURS:
        return (
            f'{field}: "{value}" is a colour, but the portal shows every status as words, never a colour '
            f"alone — use the words that fit: {allowed}"
        )
    return None


def _date_format(field: str, ctx: dict[str, Any]) -> str:
    """A date not written YYYY-MM-DD: if it can be read as a UK date, say exactly what to write."""
    value = str(ctx["value"])
    meant = _uk_date(value)
    fix = f"write {field}: {meant}" if meant else "write it as YYYY-MM-DD, for example 2019-05-15 for 15 May 2019"
    return f'{field}: "{value}" is not written as a date the portal reads (YYYY-MM-DD) — {fix}'


def _uk_date(value: str) -> str | None:
    """15/05/2019, 15.5.19, 15 May 2019 or 15th May 2019 as 2019-05-15 (05/15/2019 read the US way)."""
    numeric = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})", value.strip())
    words = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})", value.strip())
    if numeric:
        day, month, year = (int(part) for part in numeric.groups())
        if month > 12 >= day:
            day, month = month, day
    elif words and words.group(2)[:3].lower() in MONTH_NAMES:
        day, month, year = int(words.group(1)), MONTH_NAMES[words.group(2)[:3].lower()], int(words.group(3))
    else:
        return None
    year += 2000 if year < 100 else 0
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _pattern(field: str, ctx: dict[str, Any]) -> str | None:
    """An ID or link that does not fit its pattern, with the usual slips named."""
    value = str(ctx["value"])
    number = re.fullmatch(r"(?i)(?:rec(?:ommendation)?\.?|r)\s*0*(\d{1,2})", value.strip())
    if field.startswith("recommendation") and number:
        return (
            f'{field}: "{value}" is how people say it, but the portal needs the recommendation\'s ID — '
            f"write the ID from data/recommendations/, for example ofsted-2019-r{int(number.group(1)):02d}"
        )
    if value.startswith("www.") and " " not in value:
        return f'{field}: "{value}" needs https:// at the start — write: {field}: https://{value}'
    if value.lower().startswith("http://"):
        return (
            f'{field}: "{value}" starts with http://, but the portal links only to secure (https://) addresses — '
            f"write the https:// address instead: {field}: https://{value[len('http://') :]}"
        )
    return None


# Messages model.py raises in its own words, re-worded here when the value shows the usual slip.
RE_WORDED = {"vocabulary": _vocabulary, "date_format": _date_format, "pattern": _pattern}


def _misspelling(detail: ErrorDetails, record_type: type[BaseModel]) -> tuple[Any, ...] | None:
    """For an unknown key, the path of the allowed key it most likely meant to be."""
    if detail["type"] != "extra_forbidden":
        return None
    loc = tuple(detail["loc"])
    allowed = list(_model_at(record_type, loc[:-1]).model_fields)
    near = difflib.get_close_matches(str(loc[-1]), allowed, n=1, cutoff=0.6)
    return loc[:-1] + (near[0],) if near else None


def _model_at(record_type: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel]:
    """The record type found at a path inside a file's model (for listing its allowed names)."""
    current: Any = record_type
    for part in loc:
        if isinstance(part, int):
            continue
        current = _unwrap(current.model_fields[part].annotation)
    return current


def _unwrap(annotation: Any) -> Any:
    """Find the record class inside Optional[...], list[...] or Annotated[...]."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType, list, typing.Annotated):
        for argument in typing.get_args(annotation):
            found = _unwrap(argument)
            if found is not None:
                return found
    return None
