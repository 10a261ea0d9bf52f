"""Commands for clerks and maintainers: python -m macros validate | prepare | build | search-index |
safeguard | import-minutes | new-minutes | new-update."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from .build import fictional, page_clashes
from .builders import BUILDERS, run_builder
from .clerks.importing.command import import_minutes
from .clerks.safeguarding import report, scan
from .clerks.scaffold import minutes_template, update_entry, update_template, write_new
from .data import clock, model, provenance
from .data.load import load_portal, load_record
from .data.minutes import minutes_name
from .data.portal import Portal
from .data.problems import DataProblems
from .loaded import Loaded, Withheld, load, prepared
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
    site = argparse.ArgumentParser(add_help=False)
    site.add_argument(
        "--site-url", required=True, help="the published site's address, for the links in feeds and downloads"
    )
    commands.add_parser(
        "prepare",
        parents=[after, site],
        help="write what the builders publish from the data into docs/: a page per recommendation and "
        "minutes file, the downloads, feeds and calendar, and the data files' JSON Schemas",
    )
    building = commands.add_parser(
        "build",
        parents=[after, site],
        help="check the data, prepare docs/ and build the site with MkDocs or Zensical, all in one process "
        "(the data is read once): python -m macros build --site-url URL mkdocs build --strict …",
    )
    building.add_argument("builder", choices=sorted(BUILDERS), help="the builder to run after preparing docs/")
    building.add_argument("arguments", nargs=argparse.REMAINDER, help="its own command line, e.g. build --strict")
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
        help="turn what the committee system publishes (text, saved web page, Word) into minutes files, one per item",
    )
    importing.add_argument("file", type=Path, help="the export: .txt, .html/.htm, .mhtml or .docx")
    importing.add_argument(
        "--meeting", required=True, help="the meeting's ID in data/meetings.yaml, e.g. cypssc-2019-05-15"
    )
    importing.add_argument(
        "--items",
        "--item",
        help="the items to import, e.g. 3,5 (default: every item with minutes); for an export of one item "
        "that shows no number, its number, e.g. 4",
    )
    importing.add_argument(
        "--agenda",
        choices=["keep", "drop"],
        default="keep",
        help="keep each item's agenda text before its minutes (the default), or drop it",
    )
    importing.add_argument(
        "--out", type=Path, help="where to write one item's file (default: data/minutes/<meeting>-item-<item>.md)"
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
    except clock.BadBuildDate as error:
        print(error, file=sys.stderr)
        return 1


def _validate(args: argparse.Namespace) -> int:
    root = args.root
    portal = load_portal(root)
    clashes = page_clashes(portal, root, root / "docs")  # what the build would stop on, said now
    if clashes:
        raise DataProblems(clashes)
    print(_valid(portal))
    return 0


def _valid(portal: Portal) -> str:
    return (
        f"All data is valid: {len(portal.recommendations)} recommendations, {len(portal.updates)} progress "
        f"updates, {len(portal.meetings)} meetings, {len(portal.minutes)} minutes files."
    )


def _prepare(args: argparse.Namespace) -> int:
    loaded = _prepared(args)
    return 0 if loaded else 1


def _build(args: argparse.Namespace) -> int:
    loaded = _prepared(args)
    if loaded is None:
        return 1
    print(NOTHING_FOUND, _valid(loaded.portal), sep="\n")  # the safeguarding check runs first (loaded.py)
    return run_builder(args.builder, args.arguments)


def _prepared(args: argparse.Namespace) -> Loaded | None:
    """The portal loaded (safeguarding check and validation first) and docs/ prepared from it, saying
    what changed; None after printing why not."""
    root = args.root
    try:
        loaded = load(root, args.site_url, fictional(root))
    except (provenance.BadRepository, Withheld) as error:
        print(error, file=sys.stderr)
        return None
    changes = prepared(loaded, root / "docs")
    print("\n".join(changes) if changes else "Everything made from the data is already up to date in docs/.")
    return loaded


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
    print(NOTHING_FOUND)
    return 0


NOTHING_FOUND = (
    "The safeguarding check found no likely personal data in data/. It helps, and does not replace, "
    "a person reading everything before it is published."
)


def _import_minutes(args: argparse.Namespace) -> int:
    meeting = _meeting(args.root, args.meeting)
    if meeting is None:
        return 1
    items = [number.strip() for number in (args.items or "").split(",") if number.strip()]
    return import_minutes(args.file, meeting, args.root, items, keep_agenda=args.agenda == "keep", out=args.out)


def _new_minutes(args: argparse.Namespace) -> int:
    meeting = _meeting(args.root, args.meeting)
    if meeting is None:
        return 1
    path = args.root / "data" / "minutes" / f"{minutes_name(meeting.id, args.item)}.md"
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
        f"Wrote {path}. Next: fill in the status, the reason if the status changed, the summary and "
        "the source, then run: make validate"
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


COMMANDS = {
    "validate": _validate,
    "prepare": _prepare,
    "build": _build,
    "search-index": _search_index,
    "safeguard": _safeguard,
    "import-minutes": _import_minutes,
    "new-minutes": _new_minutes,
    "new-update": _new_update,
}
