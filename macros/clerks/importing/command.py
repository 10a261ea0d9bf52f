"""`make import-minutes`: read an export, write one minutes file per item, and say what was done —
every line taken out or to be checked, by its line, so nothing vanishes unseen."""

from __future__ import annotations

import re
import sys
from itertools import groupby
from pathlib import Path

from ...data import model
from ...data.minutes import minutes_name
from ..safeguarding import allowed_texts, report, scan_text
from ..scaffold import write_new
from . import Imported, Note, UnreadableExport, import_export, read_export


def import_minutes(
    file: Path, meeting: model.Meeting, root: Path, items: list[str], keep_agenda: bool = True, out: Path | None = None
) -> int:
    """Import `file` for `meeting`; 0 if every file asked for was written, 1 otherwise."""
    wrong = [number for number in items if not re.fullmatch(r"\d{1,3}[a-z]?", number)]
    if wrong:
        return _fail(
            f'ITEMS: "{wrong[0]}" is not an item number — write the numbers separated by commas, e.g. ITEMS=3,5'
        )
    try:
        export = read_export(file)
    except UnreadableExport as problem:
        return _fail(f"{file}: {problem}")
    result = import_export(export, items or None, keep_agenda)
    status = 0
    if result.missing:
        found = ", ".join(result.found) or "none that could be found"
        status = _fail(
            f"{file}:1: the export has no item {', '.join(result.missing)} — its items are {found}; check ITEMS="
        )
    if out and len(result.items) > 1:
        return _fail(f"--out names one file, but the export holds {len(result.items)} items — choose one with ITEMS=")
    written: list[tuple[Path, Imported, str]] = []
    for item in result.items:
        path = out or root / "data" / "minutes" / f"{minutes_name(meeting.id, item.item)}.md"
        text = item.markdown(meeting)
        if write_new(path, text):
            written.append((path, item, text))
        else:
            status = 1
    for path, item, _ in written:
        title = f' "{item.title}"' if item.title else " (no title found)"
        print(f"Wrote {path}: item {item.item}{title}, minutes {', '.join(item.minutes)}")
    if written:
        print("Next: in each file's front matter, list what each minute discusses; then run: make validate")
    elif not result.items:
        status = _fail(f"{file}: no minutes were found in this export, so nothing was written — see the notes below")
    _report_notes(file, result.notes, export.unit)
    allowed = allowed_texts(root)
    findings = [finding for path, _, text in written for finding in scan_text(text, str(path), allowed)]
    if findings:  # said now, while the clerk has the export open; the build would stop on them anyway
        print("\n" + report(findings), file=sys.stderr)
    return status


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 1


def _report_notes(file: Path, notes: list[Note], unit: str) -> None:
    """The notes, in two lists: what was taken out, and what to check. Runs of lines with the same
    note are given once, as a range."""
    where = " (the numbers count the Word document's paragraphs)" if unit == "paragraph" else ""
    for removed, heading in (
        (True, "Taken out of the export{where}: the committee system's headings, links and labels, not minutes"),
        (
            False,
            "Check these lines of the export{where}: the text is kept, but the importer could not be sure "
            "where it belongs",
        ),
    ):
        lines = _ranges(file, [note for note in notes if note.removed == removed])
        if lines:
            print(f"\n{heading.format(where=where)} ({len(lines)}):", file=sys.stderr)
            print("\n".join(lines), file=sys.stderr)


def _ranges(file: Path, notes: list[Note]) -> list[str]:
    out = []
    for message, group in groupby(notes, key=lambda note: note.message):
        run = [note.where for note in group]
        start = 0
        for index in range(1, len(run) + 1):  # split where the lines stop following on
            if index == len(run) or run[index] - run[index - 1] > 2:
                first, last = run[start], run[index - 1]
                span = f"lines {first}–{last}: " if last != first else ""
                out.append(f"{file}:{first}: {span}{message}")
                start = index
    return out
