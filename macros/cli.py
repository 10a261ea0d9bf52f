"""Commands for clerks and maintainers: python -m macros validate | prepare | search-index |
safeguard | import-minutes | new-minutes | new-update."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from .build import prepare, record_changes
from .clerks.importer import decode, import_minutes
from .clerks.safeguarding import allowed_texts, report, scan, scan_text
from .clerks.scaffold import minutes_template, update_entry, update_template
from .data import model, provenance
from .data.load import load_portal, load_record
from .data.problems import DataProblems
from .publish.search import SearchIndexFailed, index_site

PROJECT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros", description=__doc__)
    parser.add_argument("--root", type=Path, default=PROJECT, help="the project folder (default: this one)")
    # --root may also come after the command; there it only overrides when given.
    after = argparse.ArgumentParser(add_help=False)
    after.add_argument("--root", type=Path, default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser(
        "validate", parents=[after], help="check every data file, minutes file and page; print what is wrong"
    )
    preparing = commands.add_parser(
        "prepare",
        parents=[after],
        help="write what the builders publish from the data into docs/: a page per recommendation and "
        "minutes file, the downloads, feeds and calendar, and the data files' JSON Schemas",
    )
    preparing.add_argument(
        "--site-url", required=True, help="the published site's address, for the links in feeds and downloads"
    )
    indexing = commands.add_parser(
        "search-index", help="after a build: make the search index of the built site (Pagefind) into SITE/pagefind/"
    )
    indexing.add_argument("--site", type=Path, required=True, help="the built site's folder, e.g. site")
    indexing.add_argument("--output", type=Path, help="where to write the index instead (make serve: docs/pagefind)")
    commands.add_parser(
        "safeguard", parents=[after], help="look through data/ for likely personal data about children and families"
    )
    importing = commands.add_parser(
        "import-minutes",
        parents=[after],
        help="turn the committee system's text export of one agenda item into a minutes file",
    )
    importing.add_argument("file", type=Path, help="the exported text file")
    importing.add_argument(
        "--meeting", required=True, help="the meeting's ID in data/meetings.yaml, e.g. cypssc-2019-05-15"
    )
    importing.add_argument("--item", required=True, help="the agenda item's number, e.g. 4")
    importing.add_argument(
        "--out", type=Path, help="where to write it (default: data/minutes/<meeting>-item-<item>.md)"
    )
    new_minutes = commands.add_parser(
        "new-minutes", parents=[after], help="start a minutes file for one agenda item, with its front matter filled in"
    )
    new_minutes.add_argument("--meeting", required=True, help="the meeting's ID in data/meetings.yaml")
    new_minutes.add_argument("--item", required=True, help="the agenda item's number, e.g. 5")
    new_update = commands.add_parser(
        "new-update", parents=[after], help="start a progress file with one update for a recommendation"
    )
    new_update.add_argument("--recommendation", required=True, help="the recommendation's ID, e.g. ofsted-2019-r03")
    new_update.add_argument("--date", required=True, help="the date the progress was reported, YYYY-MM-DD")
    args = parser.parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except DataProblems as problems:
        print(problems.report(), file=sys.stderr)
        return 1


def _validate(args: argparse.Namespace) -> int:
    portal = load_portal(args.root)
    print(
        f"All data is valid: {len(portal.recommendations)} recommendations, {len(portal.updates)} progress "
        f"updates, {len(portal.meetings)} meetings, {len(portal.minutes)} minutes files."
    )
    return 0


def _prepare(args: argparse.Namespace) -> int:
    root = args.root
    try:
        repository = provenance.repository()
    except provenance.BadRepository as error:
        print(error, file=sys.stderr)
        return 1
    changes = prepare(load_portal(root), root, root / "docs", args.site_url, record_changes(root, repository))
    print("\n".join(changes) if changes else "Everything made from the data is already up to date in docs/.")
    return 0


def _search_index(args: argparse.Namespace) -> int:
    try:
        summary = index_site(args.site, args.output)
    except SearchIndexFailed as error:
        print(error, file=sys.stderr)
        return 1
    indexed = [line.strip() for line in summary.splitlines() if line.strip().startswith("Indexed")]
    print(f"Search index written to {args.output or args.site / 'pagefind'}: " + "; ".join(indexed[:3]))
    return 0


def _safeguard(args: argparse.Namespace) -> int:
    problems = scan(args.root)
    if problems:
        print(report(problems), file=sys.stderr)
        return 1
    print(
        "The safeguarding check found no likely personal data in data/. It helps, and does not replace, "
        "a person reading everything before it is published."
    )
    return 0


def _import_minutes(args: argparse.Namespace) -> int:
    meeting = _meeting(args.root, args.meeting)
    if meeting is None:
        return 1
    if not args.file.is_file():
        print(f"{args.file}: there is no such file — check the name and folder of the exported text", file=sys.stderr)
        return 1
    text, notes = decode(args.file.read_bytes())
    result = import_minutes(text, args.item)
    out = args.out or args.root / "data" / "minutes" / f"{meeting.id}-item-{args.item}.md"
    minutes = result.markdown(meeting)
    if not write_new(out, minutes):
        return 1
    print(
        f"Wrote {out}. Next: list the recommendations, themes and resolutions it discusses in its "
        "front matter, then run: make validate"
    )
    notes += result.notes
    if notes:
        print(
            f"\nCheck these {len(notes)} lines of the export: the text is kept, but the importer could "
            "not be sure where it belongs.",
            file=sys.stderr,
        )
        for line, message in sorted(notes):
            print(f"{args.file}:{line}: {message}", file=sys.stderr)
    findings = scan_text(minutes, str(out), allowed_texts(args.root))
    if findings:  # said now, while the clerk has the export open; the build would stop on them anyway
        print("\n" + report(findings), file=sys.stderr)
    return 0


def _new_minutes(args: argparse.Namespace) -> int:
    meeting = _meeting(args.root, args.meeting)
    if meeting is None:
        return 1
    path = args.root / "data" / "minutes" / f"{meeting.id}-item-{args.item}.md"
    if not write_new(path, minutes_template(meeting, args.item)):
        return 1
    print(f"Wrote {path}. Next: write the title, paste the minutes under their ### headings, then run: make validate")
    return 0


def _new_update(args: argparse.Namespace) -> int:
    try:
        date = dt.date.fromisoformat(args.date).isoformat()
    except ValueError:
        print(f'--date "{args.date}" is not a date written YYYY-MM-DD — write it like 2019-09-11', file=sys.stderr)
        return 1
    recommendations = {
        rec.id: rec
        for path in sorted((args.root / "data" / "recommendations").glob("*.yaml"))
        for rec in load_record(
            args.root, path.relative_to(args.root).as_posix(), model.RecommendationSet
        ).recommendations
    }
    recommendation = recommendations.get(args.recommendation)
    if recommendation is None:
        print(
            f'there is no recommendation "{args.recommendation}" in data/recommendations/ — use one of: '
            f"{', '.join(recommendations)}",
            file=sys.stderr,
        )
        return 1
    meetings = load_record(args.root, "data/meetings.yaml", model.MeetingsFile).meetings
    meeting = next((m for m in meetings if m.date.isoformat() == date), None)
    previous = _previous_update(args.root, recommendation.id, dt.date.fromisoformat(date))
    path = args.root / "data" / "progress" / f"{date}.yaml"
    if path.exists():
        print(
            f"{path} already exists, so it was left as it is. To add this update to it, paste these lines "
            f"at the end of its updates: list:\n\n{update_entry(recommendation, date, meeting, previous)}",
            file=sys.stderr,
        )
        return 1
    write_new(path, update_template(recommendation, date, meeting, previous))
    print(
        print(
            f"Wrote {path}. Next: fill in the status, the reason if the status changed, the summary and "
            "the source, then run: make validate"
        )
    )
    return 0


def _previous_update(root: Path, rec_id: str, before: dt.date) -> model.ProgressUpdate | None:
    """The recommendation's newest update before a date, from the progress files that can be read."""
    updates = []
    for path in sorted((root / "data" / "progress").glob("*.yaml")):
        try:
            progress = load_record(root, path.relative_to(root).as_posix(), model.ProgressFile)
        except DataProblems:
            continue  # a file with a mistake is reported by validate; a template still helps
        updates += [u for u in progress.updates if u.recommendation == rec_id and u.date < before]
    return max(updates, key=lambda u: u.date, default=None)


def _meeting(root: Path, meeting_id: str) -> model.Meeting | None:
    """The meeting with this ID in data/meetings.yaml, or None after telling the clerk what to do."""
    meetings = load_record(root, "data/meetings.yaml", model.MeetingsFile).meetings
    for meeting in meetings:
        if meeting.id == meeting_id:
            return meeting
    known = ", ".join(m.id for m in meetings)
    print(
        f'data/meetings.yaml:1: there is no meeting "{meeting_id}" — add it to data/meetings.yaml first '
        f"(id, committee, date and source), or use one of: {known}",
        file=sys.stderr,
    )
    return None


def write_new(path: Path, text: str) -> bool:
    """Write a new file; never replace one that exists (a clerk's work could be lost)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8") as file:
            file.write(text)
    except FileExistsError:
        print(
            f"{path}: this file already exists, and was left as it is — choose another name with --out, "
            "or delete the old file first if you really mean to replace it",
            file=sys.stderr,
        )
        return False
    return True


COMMANDS = {
    "validate": _validate,
    "prepare": _prepare,
    "search-index": _search_index,
    "safeguard": _safeguard,
    "import-minutes": _import_minutes,
    "new-minutes": _new_minutes,
    "new-update": _new_update,
}
