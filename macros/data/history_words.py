"""What a change to a record was, in words: two versions of a record (as plain values, read with
the portal's model) → sentences such as "title corrected from “A” to “B”" or "target date revised
from 31 December 2021 to 30 September 2022".

Each sentence comes with the field it is about, for the download. A field these rules do not name
still gets a sentence ("… changed"), so a field added to the model later is never silently missed.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from .clock import long_date

Values = dict[str, Any]
Sentence = tuple[str, str]  # (field, words)

# How a field is named in a sentence, where its name alone would not read well.
LABELS = {
    "ref": "reference",
    "status_source": "source of the status",
    "report_back": "report-back",
    "asks": "what it asks",
    "who": "who is asked",
    "text": "wording",
    "what": "what was asked",
    "due": "due date",
    "closed": "where it was reported closed",
    "agreed": "where it was agreed",
    "recommendations": "recommendations it names",
    "success": "measures of success",
}
SHOWN = {"status", "ref", "due", "who", "number", "minute", "meeting"}  # short values: "from A to B"
QUOTED = {"title"}  # text that is shown in quotation marks
CORRECTED = {"title", "text"}  # changes to what was already published are corrections
KIND_NAMES = {"recommendation": "recommendation", "resolution": "resolution", "action": "action"}


def value(field: str, raw: Any) -> str:
    text = str(raw)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        text = long_date(dt.date.fromisoformat(text))
    return f"“{text}”" if field in QUOTED else text


def field_change(field: str, old: Any, new: Any) -> str:
    """One field that differs, in words ("status changed from open to done"); an empty list is none."""
    label = LABELS.get(field, field.replace("_", " "))
    verb = "corrected" if field in CORRECTED else "changed"
    old, new = (None if item in (None, [], {}) else item for item in (old, new))
    if old is None:
        return f"{label} added" + (f": {value(field, new)}" if field in SHOWN | QUOTED else "")
    if new is None:
        return f"{label} removed" + (f" (it was {value(field, old)})" if field in SHOWN | QUOTED else "")
    if field in SHOWN | QUOTED and isinstance(old, str) and isinstance(new, str):
        return f"{label} {verb} from {value(field, old)} to {value(field, new)}"
    return f"{label} {verb}"


def describe(kind: str, old: Values | None, new: Values | None) -> list[Sentence]:
    """What changed in one record between two versions (None: it did not exist)."""
    if kind == "update":
        return update_changes(old, new)
    if old is None:
        return [("record", f"{KIND_NAMES[kind]} added")]
    if new is None:
        return [("record", f"{KIND_NAMES[kind]} removed")]
    sentences: list[Sentence] = []
    for field in dict.fromkeys([*new, *old]):
        before, after = old.get(field), new.get(field)
        if before == after:
            continue
        special = SPECIAL.get(field)
        if special:
            sentences += [(field, words) for words in special(before, after)]
        else:
            sentences.append((field, field_change(field, before, after)))
    return sentences


def update_changes(old: Values | None, new: Values | None) -> list[Sentence]:
    """A progress update added, removed or corrected (its date never changes: that is a new update)."""
    day = value("date", (new or old or {}).get("date"))
    if old is None:
        return [("update", f"update of {day} added")]
    if new is None:
        return [("update", f"update of {day} removed")]
    return [
        (f"update {field}", f"update of {day}: {field_change(field, old.get(field), new.get(field))}")
        for field in dict.fromkeys([*new, *old])
        if old.get(field) != new.get(field)
    ]


def status_change(before: str | None, after: str | None) -> Sentence:
    """A recommendation's status (that of its newest update) before and after a commit."""
    if before is None:
        return ("status", f"status reported as {after}")
    if after is None:
        return ("status", f"status no longer reported (its updates were removed; it was {before})")
    return ("status", f"status changed from {before} to {after}")


def owner_changes(old: Values | None, new: Values | None) -> list[str]:
    if old is None or new is None:
        return [f"owner recorded: {new['name']}" if new else f"owner removed (it was {old and old['name']})"]
    if old["name"] == new["name"]:
        return ["source of the owner changed"]
    return [f"owner changed from {old['name']} to {new['name']}"]


def target_changes(old: Values | None, new: Values | None) -> list[str]:
    """An original target set or corrected, each revision added, corrected or removed."""
    if new is None:
        return [f"target date removed (it was {value('date', current(old))})"]
    if old is None:
        return [f"target date recorded: {value('date', current(new))}"]
    words = []
    if old["original"] != new["original"]:
        words.append(
            f"original target date corrected from {value('date', old['original'])} to {value('date', new['original'])}"
        )
    before, after = old.get("revisions", []), new.get("revisions", [])
    for index, revision in enumerate(after):
        if index < len(before) and before[index] == revision:
            continue
        if index < len(before):
            words.append(f"target revision reported on {value('date', revision['reported'])} corrected")
        else:
            previous = after[index - 1]["new_target"] if index else new["original"]
            words.append(
                f"target date revised from {value('date', previous)} to {value('date', revision['new_target'])}"
            )
    for revision in before[len(after) :]:
        words.append(
            f"target revision reported on {value('date', revision['reported'])} removed "
            f"(it had moved the target to {value('date', revision['new_target'])})"
        )
    if old["source"] != new["source"]:
        words.append("source of the target date changed")
    return words


def current(target: Values | None) -> str:
    revisions = (target or {}).get("revisions") or []
    return revisions[-1]["new_target"] if revisions else (target or {}).get("original", "")


def success_changes(old: Values | None, new: Values | None) -> list[str]:
    """Measures of success recorded or changed, and the evidence that they were met."""
    if old is None or new is None:
        return ["measures of success recorded" if old is None else "measures of success removed"]
    met = "evidence that the measures of success were met"
    words = []
    if old.get("measures") != new.get("measures"):
        words.append("measures of success changed")
    if old.get("source") != new.get("source"):
        words.append("source of the measures of success changed")
    if old.get("evidence") != new.get("evidence"):
        words.append(field_change("evidence", old.get("evidence"), new.get("evidence")).replace("evidence", met, 1))
    return words


SPECIAL = {"owner": owner_changes, "target": target_changes, "success": success_changes}
