"""Commands for clerks and maintainers: python -m macros validate | pages | exports."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .exports import write_exports
from .load import load_portal
from .pages import write_stubs
from .problems import DataProblems

PROJECT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros", description=__doc__)
    parser.add_argument("--root", type=Path, default=PROJECT, help="the project folder (default: this one)")
    # --root may also come after the command; there it only overrides when given.
    after = argparse.ArgumentParser(add_help=False)
    after.add_argument("--root", type=Path, default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("validate", parents=[after],
                        help="check every data file, minutes file and page; print what is wrong")
    commands.add_parser("pages", parents=[after],
                        help="create or remove the small pages in docs/ that show each record")
    exports = commands.add_parser("exports", parents=[after],
                                  help="write the open data downloads, feeds and calendar into a folder")
    exports.add_argument("--out", type=Path, required=True, help="the folder to write into, e.g. docs/data")
    exports.add_argument("--site-url", required=True,
                         help="the published site's address, for the links in feeds and downloads")
    args = parser.parse_args(argv)
    try:
        portal = load_portal(args.root, check_pages=args.command == "validate")
    except DataProblems as problems:
        print(problems.report(), file=sys.stderr)
        return 1
    if args.command == "pages":
        changes = write_stubs(portal, args.root / "docs")
        print("\n".join(changes) if changes else "Every page is already in step with the data.")
        return 0
    if args.command == "exports":
        changes = write_exports(portal, args.out, args.site_url)
        print("\n".join(changes) if changes else f"Every download in {args.out} is already up to date.")
        return 0
    count = len(portal.recommendations)
    print(f"All data is valid: {count} recommendations, {len(portal.updates)} progress updates, "
          f"{len(portal.meetings)} meetings, {len(portal.minutes)} minutes files.")
    return 0
