"""Templates for a clerk's new files, with everything the portal already knows filled in.

What only the clerk knows (a title, a status, a summary, the minute it comes from, the minutes'
words) is left empty, and every such part is one the checks refuse while it is empty: they point
to each line still to fill rather than publishing a gap.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import yaml

from ..data import model


def yaml_text(value: str) -> str:
    """A value for one YAML line: as typed when YAML reads it back unchanged, else quoted."""
    if "\n" in value or re.search(r":\s|\s#|:$|^[\s\-?:,\[\]{}#&*!|>'\"%@`]|\s$", value):
        return json.dumps(value, ensure_ascii=False)
    plain = yaml.safe_load(value) == value  # not a number, date, yes/no or null to other YAML readers
    return value if plain else json.dumps(value, ensure_ascii=False)


def minutes_front_matter(meeting: model.Meeting, item: str, title: str | None, report: str | None) -> str:
    """The front matter of a minutes file: committee, date and item filled in; title if known."""
    lines = [
        "---",
        f"committee: {yaml_text(meeting.committee)}",
        f"date: {meeting.date.isoformat()}",
        f"item: {yaml_text(item)}",
    ]
    if title is None:
        lines.append("# Write the agenda item's title after the colon, as it appears in the minutes.")
    lines.append(f"title: {yaml_text(title)}" if title else "title:")
    if report:
        lines.append(f"report: {yaml_text(report)}")
    lines += [
        "# Add what each minute discusses: the minute's number, then the IDs (from data/) of the",
        "# recommendations, themes and resolutions its own words discuss, for example:",
        "# minutes:",
        "#   4.3: [ofsted-2019-r01, ofsted-2019-r02]",
        "---",
        "",
    ]
    return "\n".join(lines) + "\n"


def minutes_template(meeting: model.Meeting, item: str) -> str:
    """A new minutes file: front matter, then the first minute's heading for the clerk to fill."""
    return minutes_front_matter(meeting, item, None, None) + f"## Minutes\n\n### {item}.1\n\n"


def update_entry(
    recommendation: model.Recommendation,
    date: str,
    meeting: model.Meeting | None,
    previous: model.ProgressUpdate | None = None,
) -> str:
    """One progress update for a recommendation, as an entry of a progress file's updates: list;
    with its previous update, a reason: line to fill in if the status changes."""
    title = recommendation.title or "title to be confirmed"
    document = (
        "      # The published document's title, who published it and what kind of document it is.\n"
        "      document:\n      publisher:\n"
        "      # One of: " + ", ".join(kind.value for kind in model.DocumentKind) + "\n"
        "      kind:\n"
        "      # Its web address (https://…), or: none, with why_no_url: saying why it is not online.\n"
        "      url:\n"
    )
    source = (
        f"      meeting: {meeting.id}\n"
        "      # The number of the minute it comes from, e.g. 5.3 (delete this line only if the\n"
        "      # meeting's minutes are not in data/minutes/ yet).\n"
        "      minute:\n"
        if meeting
        else document
    )
    reason = (
        f"    # The last update ({previous.date.isoformat()}) said: {previous.status.value}. If the status is\n"
        "    # different now, say why after reason:, as the committee was told; if not, leave it empty.\n"
        "    reason:\n"
        if previous
        else ""
    )
    return (
        f"  # {recommendation.ref}: {title}\n"
        f"  - recommendation: {recommendation.id}\n"
        f"    date: {date}\n"
        "    # One of: " + ", ".join(status.value for status in model.Status) + "\n"
        "    status:\n"
        f"{reason}"
        "    # What the committee was told, in plain words, naming the minute.\n"
        "    summary:\n"
        "    # Where the status comes from: the meeting and minute number, or a published document.\n"
        "    source:\n"
        f"{source}"
    )


def update_template(
    recommendation: model.Recommendation,
    date: str,
    meeting: model.Meeting | None,
    previous: model.ProgressUpdate | None = None,
) -> str:
    """A new progress file holding one update to fill in."""
    return (
        f"# Progress on the recommendations as reported on {date}. One entry per recommendation\n"
        "# whose position was reported; copy the entry below for each further one.\n"
        "updates:\n" + update_entry(recommendation, date, meeting, previous)
    )


def write_new(path: Path, text: str) -> bool:
    """Write a new file; never replace one that exists (a clerk's work could be lost)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8") as file:
            file.write(text)
    except FileExistsError:
        print(
            f"{path}: this file already exists, and was left as it is — rename or delete the old file first "
            "if you really mean to replace it",
            file=sys.stderr,
        )
        return False
    return True
