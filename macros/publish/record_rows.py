"""The rows of the downloads about the council's own records: recommendations, their targets,
progress updates and evidence, measures of success, resolutions, actions, measures and figures,
meetings, and each record's changes. A row model's field descriptions are the Data page's
documentation and its JSON Schema's.
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from ..data import model
from .rows import Row, SourcedRow


class RecommendationRow(SourcedRow):
    id: str = Field(description="The recommendation's permanent ID. Its page's address is made from it.")
    ref: str = Field(description="The short reference readers see, for example R01.")
    set: str = Field(description="The ID of the inspection or review that made the recommendation.")
    set_title: str = Field(description="The title of that inspection or review.")
    title: str | None = Field(
        description="The recommendation's title. Empty where no source gives it yet: the site then "
        "says the title is to be confirmed."
    )
    owner: str | None = Field(description="Who is responsible for it, where a source names them.")
    status: model.Status = Field(
        description="Its latest status, one of: "
        + ", ".join(s.value for s in model.Status)
        + ". The Recommendations page says what each means."
    )
    status_date: dt.date = Field(
        description="The date the latest status applies to (YYYY-MM-DD). Its source is in the "
        "progress updates download."
    )
    original_target: dt.date | None = Field(
        description="The date it was first due to be delivered (YYYY-MM-DD), where a source gives one."
    )
    current_target: dt.date | None = Field(
        description="The date it is due now: the original target or its latest revision (see the "
        "target revisions download)."
    )
    url: str = Field(description="The recommendation's page on this site.")


class TargetRevisionRow(SourcedRow):
    recommendation: str = Field(description="The ID of the recommendation whose target date slipped.")
    ref: str = Field(description="That recommendation's short reference, for example R01.")
    reported: dt.date = Field(description="The date the new target was reported (YYYY-MM-DD).")
    new_target: dt.date = Field(description="The new target date (YYYY-MM-DD).")
    reason: str = Field(description="Why the target moved, as reported.")


class ProgressUpdateRow(SourcedRow):
    id: str = Field(
        description="The update's ID: the recommendation's ID and the update's date (with -2, -3 … "
        "if a recommendation has more than one update on a date)."
    )
    recommendation: str = Field(description="The ID of the recommendation it is about.")
    ref: str = Field(description="That recommendation's short reference, for example R01.")
    date: dt.date = Field(description="The date the status applies to (YYYY-MM-DD).")
    status: model.Status = Field(description="The status reported as at that date.")
    summary: str = Field(description="What was reported, in plain words.")
    reason: str | None = Field(
        description="Why the status changed from the previous update's, as reported. Every update "
        "that changes the status gives one; empty for an update that did not change it."
    )
    evidence_count: int = Field(description="How many pieces of evidence support it (see the evidence download).")
    url: str = Field(description="Where the update appears on the recommendation's page.")


class EvidenceRow(SourcedRow):
    update: str = Field(description="The ID of the progress update it supports.")
    kind: str = Field(
        description='"quote" if the text is the source\'s exact words (checked against the minutes), '
        '"summary" if it is the portal\'s own summary of the source.'
    )
    text: str = Field(description="The quotation or summary.")


class MeasureOfSuccessRow(SourcedRow):
    recommendation: str = Field(description="The ID of the recommendation the measure belongs to.")
    ref: str = Field(description="That recommendation's short reference, for example R01.")
    measure: str = Field(
        description="One thing that must be true for the recommendation to count as done. The source "
        "columns give where the measures come from (an improvement plan, a committee paper)."
    )
    evidence_met: int = Field(
        description="How many pieces of evidence that the recommendation's measures were met are "
        "recorded (0: none yet). They are shown on the recommendation's page."
    )


class HistoryRow(Row):
    commit: str = Field(description="The commit (the change in the portal's repository) that made this change.")
    date: dt.date = Field(description="The date the change was committed (YYYY-MM-DD).")
    message: str = Field(description="The description given with the commit.")
    commit_url: str | None = Field(description="The change on the repository's website, where its address is known.")
    record_kind: str = Field(
        description='What kind of record changed: "recommendation" (its progress updates included), '
        '"resolution" or "action".'
    )
    record_id: str = Field(description="The ID of the record that changed.")
    field: str = Field(
        description='What part of the record changed: "record" (added or removed), "status", "title", '
        '"target", "update" (a progress update added or removed), "update summary" and so on.'
    )
    change: str = Field(description='The change in words, for example "status changed from in progress to at risk".')
    record_url: str | None = Field(
        description="Where the record's changes are listed on this site. Empty for a record that no longer exists."
    )


class ResolutionRow(SourcedRow):
    id: str = Field(description="The resolution's permanent ID.")
    meeting: str = Field(description="The ID of the meeting that made it.")
    minute: str = Field(description="The number of the minute that records it.")
    number: int = Field(description="Its number within that minute.")
    text: str = Field(description="The resolution's words exactly as minuted.")
    asks: str = Field(description="What it asks, in plain words.")
    who: str = Field(description="Who is asked to act.")
    report_back_meeting: str | None = Field(description="The ID of the meeting it is to report back to, if one is set.")
    report_back_when: str | None = Field(
        description="When it reports back, in words, where the minutes put it that way."
    )
    status: model.ActionStatus = Field(
        description="Where it stands: "
        + ", ".join(s.value for s in model.ActionStatus)
        + ". The source columns give the source of this status."
    )
    url: str = Field(description="The resolution on the Committee resolutions page.")


class ActionRow(Row):
    id: str = Field(description="The resolution's or action's permanent ID.")
    kind: str = Field(
        description='"resolution" (see the resolutions download for its exact words) or '
        '"action" (agreed at a later meeting).'
    )
    what: str = Field(description="What the committee asked for, in plain words.")
    who: str = Field(description="Who is asked to act.")
    agreed_meeting: str = Field(description="The ID of the meeting where the committee agreed it.")
    agreed_minute: str = Field(description="The number of the minute that records it.")
    due_date: dt.date | None = Field(
        description="When it is due (YYYY-MM-DD): its own date, or the date of the meeting it is due "
        "at. Empty when no date is set. An open item whose due date has passed is overdue."
    )
    due_meeting: str | None = Field(description="The ID of the meeting it is due at, if it is due at a meeting.")
    status: model.ActionStatus = Field(
        description="Where it stands: " + ", ".join(s.value for s in model.ActionStatus) + "."
    )
    closed_meeting: str | None = Field(description="The ID of the meeting where it was reported done or withdrawn.")
    closed_minute: str | None = Field(description="The number of the minute that reported it done or withdrawn.")
    url: str = Field(description="The item on the actions tracker page.")


class MetricRow(SourcedRow):
    id: str = Field(description="The measure's permanent ID.")
    title: str = Field(description="What is measured.")
    unit: str = Field(description="The unit of every figure, for example % or children per social worker.")
    description: str = Field(description="What the measure means, in plain words.")
    target: float | None = Field(
        description="The target figure, where a source sets one. The source columns give the target's source."
    )
    recommendations: str | None = Field(
        description="The IDs of the recommendations it helps to track, separated by spaces."
    )
    figures: int = Field(
        description="How many figures there are so far (see the figures download); 0 means no data yet."
    )
    url: str = Field(description="The measure on the figures page.")


class FigureRow(SourcedRow):
    metric: str = Field(description="The ID of the measure (see the measures download).")
    date: dt.date = Field(
        description="The date the figure applies to (YYYY-MM-DD). For a figure of a whole month, "
        "the month's first day: see month."
    )
    month: str | None = Field(
        description="For a figure reported for a whole month rather than a day: that month (YYYY-MM)."
    )
    value: float = Field(description="The figure; for a figure reported as a range, its lower end.")
    up_to: float | None = Field(description="For a figure reported as a range (18 to 22): its upper end.")
    unit: str = Field(description="Its unit.")


class MeetingRow(SourcedRow):
    id: str = Field(description="The meeting's permanent ID. Its calendar entry's UID is made from it.")
    committee: str = Field(description="The ID of the committee that met.")
    committee_name: str = Field(description="The committee's full name.")
    date: dt.date = Field(description="The date of the meeting (YYYY-MM-DD), past or scheduled.")
    also_known_as: str | None = Field(description='How the minutes refer to it, for example "the September meeting".')
    minutes_pages: str | None = Field(
        description="The pages of this site holding its minutes, separated by spaces. Empty until "
        "the minutes are added."
    )
    url: str = Field(description="The meeting on the Meetings page. The source columns give the source of its date.")


# --- the datasets: adding one is a row model above and one line here -------------------------
