"""The safeguarding check: find likely personal data about children and families before publishing.

It looks through every file in data/ (minutes included) for the kinds of personal data listed in
personal_data.py: e-mail addresses (also written out, "jane dot smith at …"), UK phone numbers,
National Insurance and NHS numbers, postcodes and street addresses, dates of birth, ages beside a
name, initials or "Child B", named parents, relatives and foster carers, a child's name beside a
school, and case references. Each line is read as a person would read it (plain_text.fold), and
each file also as it is published: a YAML value as the portal reads it (escapes decoded, folded
lines joined) and minutes as the page shows them (Markdown rendered). A finding says what it looks
like, where, and what to do, without repeating the text itself: build logs can be public.

It helps a person check; it does not replace one. Text a person has checked and agreed may be
published goes in data/safeguarding-allow.yaml, with the reason, who checked it and when.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from ..data import model
from ..data.characters import normalise_line_breaks
from ..data.load import load_record
from ..data.minutes import split_front_matter
from ..data.parallel import shared
from ..data.problems import Problem, check_again
from ..data.reading import files_under
from ..data.yamlload import read_yaml
from .personal_data import KINDS, Kind, nhs_check_digit_ok
from .plain_text import Renderer, blocks, fold, skeleton

__all__ = ["KINDS", "allowed_texts", "flags", "nhs_check_digit_ok", "report", "scan", "scan_text"]

ALLOW_LIST = "data/safeguarding-allow.yaml"
SCANNED = (".yaml", ".yml", ".md", ".txt", ".csv", ".json")


def _findings(line: str, allowed: set[str]) -> Iterator[tuple[Kind, str, int, int, str]]:
    """(kind, folded text, first column, length, how it is written) for each finding in one line;
    one finding per stretch of text (an NHS number is not also a phone number)."""
    folded = fold(line)
    taken: list[tuple[int, int]] = []
    for kind in KINDS:
        for start, end, note in kind.find(folded.text):
            found = folded.text[start:end]
            if _fold(found) in allowed or any(s < end and start < e for s, e in taken):
                continue
            taken.append((start, end))
            column, length = folded.span(start, end)
            if folded.disguised(start, end):
                note = "written with unusual or invisible characters (such as a zero-width space or full-width digits)"
            yield kind, found, column, length, note


def scan_text(text: str, file: str, allowed: set[str]) -> list[Problem]:
    """Every likely piece of personal data in one file's text, as problems with file and line:
    the text as written, then as published (YAML values read, minutes rendered)."""
    text = normalise_line_breaks(text)
    problems, seen = [], set()
    for number, line in enumerate(text.split("\n"), start=1):
        for kind, found, column, length, note in _findings(line, allowed):
            seen.add((kind.name, skeleton(found)))
            problems.append(Problem(file, number, _message(kind, f"column {column}", length, note)))
    for number, line in _published_lines(text, file):
        for kind, found, _, length, _ in _findings(line, allowed):
            if (kind.name, skeleton(found)) not in seen:
                seen.add((kind.name, skeleton(found)))
                problems.append(Problem(file, number, _message(kind, "as published", length, PUBLISHED)))
    return problems


def _published_lines(text: str, file: str) -> Iterator[tuple[int, str]]:
    """(line of the file, text) for the text as the site shows it: each YAML value as read (for a
    .yaml file, at the line of its name), or each rendered line of a Markdown file's body (at the line
    its paragraph, list item or heading starts on)."""
    source = text.split("\n")
    if file.endswith((".yaml", ".yml")):
        document = read_yaml(text, file)
        if not document.problems:
            for number, value in _values(document.data, (), document.lines):
                if value not in source[number - 1]:  # written plainly on its line: already read there
                    yield number, value
    elif file.endswith(".md"):
        split = split_front_matter(text)
        body, first = (split[1], split[2]) if isinstance(split, tuple) else (text, 1)
        renderer = Renderer()
        for start, lines in blocks(body.split("\n"), first):
            for shown in renderer.lines("\n".join(lines)):
                if shown not in source[start - 1]:
                    yield start, shown


def _values(data: Any, path: tuple[Any, ...], lines: dict[tuple[Any, ...], int]) -> Iterator[tuple[int, str]]:
    if isinstance(data, str):
        yield lines.get(path, 1), " ".join(data.split())
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _values(value, (*path, key), lines)
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _values(value, (*path, index), lines)


# What each file's last scan found, by a fingerprint of the file, the allow-list and this check's
# code, so a build scans again only what changed since (`make build` checks before MkDocs does).
CACHE = Path(".cache") / "safeguarding.json"  # in the project folder; git-ignored
CODE = hashlib.sha256(b"".join(path.read_bytes() for path in sorted(Path(__file__).parent.glob("*.py")))).hexdigest()


def scan(root: Path) -> list[Problem]:
    """Scan every data file under root/data, minus the texts in the reviewed allow-list (many files
    are checked on every processor)."""
    allowed = allowed_texts(root)
    context = hashlib.sha256((CODE + "\n".join(sorted(allowed))).encode("utf-8")).hexdigest()
    cache_file = root / CACHE
    try:
        cached = json.loads(cache_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        cached = {}
    found: dict[str, dict[str, Any]] = {}
    unchecked: list[tuple[str, bytes]] = []  # (file, content) not checked before
    for path in files_under(root, "data"):
        relative = path.relative_to(root).as_posix()
        if path.suffix in SCANNED and relative != ALLOW_LIST:
            data = path.read_bytes()
            fingerprint = hashlib.sha256(context.encode() + data).hexdigest()
            entry = cached.get(relative)
            if isinstance(entry, dict) and entry.get("fingerprint") == fingerprint:
                found[relative] = {"fingerprint": fingerprint, "found": entry.get("found", [])}
            else:
                found[relative] = {"fingerprint": fingerprint, "found": []}
                unchecked.append((relative, data))

    def check(file: tuple[str, bytes]) -> list[tuple[int, str]]:
        relative, data = file
        return [(p.line, p.message) for p in scan_text(data.decode("utf-8-sig", errors="replace"), relative, allowed)]

    for (relative, _), lines in zip(unchecked, shared(check, unchecked, SHARED_FROM, lambda: None)[0], strict=True):
        found[relative]["found"] = lines
    try:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        cache_file.write_text(json.dumps(found), encoding="utf-8")
    except OSError:
        pass  # a read-only checkout scans everything every time, and that is all
    return [Problem(relative, line, message) for relative, entry in found.items() for line, message in entry["found"]]


SHARED_FROM = 200  # from this many files to check, they are checked on every processor


def flags(root: Path) -> Callable[[str], bool]:
    """A test for text published from outside data/, such as the commit messages each record's
    history shows: true where the check would stop that text if it were in a data file."""
    allowed = allowed_texts(root)
    return lambda text: bool(scan_text(text, "", allowed))


def allowed_texts(root: Path) -> set[str]:
    """The texts of the reviewed exceptions, read through the strict loader (none if the file is absent)."""
    if not (root / ALLOW_LIST).is_file():
        return set()
    return {_fold(entry.text) for entry in load_record(root, ALLOW_LIST, model.SafeguardingAllowList).allowed}


def report(problems: list[Problem]) -> str:
    count = len(problems)
    lines = [
        f"The safeguarding check found {count} thing{'s' if count != 1 else ''} that may be personal "
        "data about a child or family. Nothing has been published.",
        "",
    ]
    lines += [str(problem) for problem in sorted(problems)]
    lines += [
        "",
        "Open each file at the line shown. If the text identifies a child, a family or a member of "
        "the public, remove it. If a person has checked that it is fine to publish (a council's published "
        f"switchboard number, say), add it to {ALLOW_LIST} with the reason, who checked it and when. "
        + check_again("make safeguard"),
    ]
    return "\n".join(lines)


PUBLISHED = (
    "in the value or paragraph that starts on this line; it is not plain in the file, but shows on the page "
    "once the Markdown or YAML is read: for example a number split by ** or across lines, or written as "
    "&#48; or \\x30"
)


def _message(kind: Kind, where: str, length: int, note: str) -> str:
    # The text itself is not repeated, even in part: build logs can be public. Where it is and how
    # long it is are enough to find it.
    how = f"; {note}" if note else ""
    return (
        f"{where}: this looks like {kind.name} ({length} characters{how}) — {kind.advice}; "
        f"if a person has checked it is fine to publish, add it to {ALLOW_LIST} with the reason, "
        "who checked it and when"
    )


def _fold(text: str) -> str:
    """The form in which allow-list entries and findings are compared."""
    return " ".join(fold(text).text.split())
