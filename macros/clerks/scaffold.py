"""Templates for a clerk's new files, with everything the portal already knows filled in.

What only the clerk knows (a title, a status, a summary, the minute it comes from) is left empty,
so `python -m macros validate` points to each line still to fill rather than publishing a guess.
"""

from __future__ import annotations

import json
import re

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
    source = f"      meeting: {meeting.id}\n      minute:\n" if meeting else "      document:\n"
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
