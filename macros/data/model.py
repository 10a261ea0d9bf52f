"""The portal's typed data model: every field a clerk may write in data/, and what it means.

Plain Python and pydantic only; nothing here imports MkDocs. Each class is one kind of record;
the *File classes describe a whole data file. Messages raised here are written for clerks.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError


class Status(StrEnum):
    """Where a recommendation stands, as reported to the committee."""

    NOT_YET_ASSESSED = "not yet assessed"
    NOT_STARTED = "not started"
    IN_PROGRESS = "in progress"
    AT_RISK = "at risk"
    OFF_TRACK = "off track"
    COMPLETE = "complete"


class ActionStatus(StrEnum):
    """Where a committee resolution or action stands."""

    OPEN = "open"
    DONE = "done"
    WITHDRAWN = "withdrawn"


# Plain-language meanings, shown wherever a status is explained. Readers of public trackers often
# read a label as "finished" when it is not, so each says what it does NOT mean as well.
STATUS_MEANINGS: dict[StrEnum, str] = {
    Status.NOT_YET_ASSESSED: "No judgement of progress has been reported to the committee yet. "
    "It does not mean that nothing is happening.",
    Status.NOT_STARTED: "The council has reported that work on this has not begun.",
    Status.IN_PROGRESS: "The council has reported that work has begun. It is not finished "
    "and has not yet been shown to make a difference.",
    Status.AT_RISK: "Work has begun, but it has been reported that it may not be delivered on time or in full.",
    Status.OFF_TRACK: "It has been reported that this will not be delivered as planned unless something changes.",
    Status.COMPLETE: "The council has reported this as delivered and shown the committee "
    "evidence. It does not mean Ofsted has judged the result.",
    ActionStatus.OPEN: "Agreed by the committee and not yet reported back as done.",
    ActionStatus.DONE: "Reported to the committee as done, at the minute shown.",
    ActionStatus.WITHDRAWN: "The committee decided it is no longer needed, at the minute shown.",
}


# Other words the portal uses about progress, with what they mean (shown on the definitions page).
TERM_MEANINGS: dict[str, str] = {
    "overdue": "Still open after its due date, as far as the minutes in this portal record. It does not "
    "mean nothing has been done: only that no report of it being done has been recorded here yet.",
    "revised target": "A target date that has been moved. The original date and every revision stay "
    "visible, with the reason the committee was given.",
    "not reported for over six months": "The council's latest reported status is more than six months "
    "older than the date these pages were built. It is the last status reported, not necessarily where "
    "things stand now: ask the committee, or see what other bodies found since.",
    "measures of success": "What a source (the improvement plan, a committee paper) says must be true for a "
    "recommendation to count as done, and the evidence that it is. A recommendation reported complete "
    "without them is flagged: the portal cannot show that it was delivered, only that it was reported so.",
}


def _problem(kind: str, message: str, **context: Any) -> PydanticCustomError:
    """A validation problem whose message is already in the clerk's words ('what — how to fix')."""
    return PydanticCustomError(kind, message, context)


def _vocabulary(enum: type[StrEnum], what: str, meant: dict[str, str] | None = None):
    """A validator accepting exactly one of an enum's words, suggesting the nearest on a typo (or
    the word usually meant, from `meant`: other words people use for the same thing)."""
    allowed = [member.value for member in enum]

    def check(value: Any) -> Any:
        if isinstance(value, str) and value in allowed:
            return value
        if value is None:
            raise _problem("empty", "no value is written here — write one of: {allowed}", allowed=", ".join(allowed))
        near = difflib.get_close_matches(str(value).lower(), allowed, n=1, cutoff=0.6)
        near = [(meant or {})[str(value).lower()]] if str(value).lower() in (meant or {}) else near
        hint = f'did you mean "{near[0]}"? ' if near else ""
        raise _problem(
            "vocabulary",
            '"{value}" is not {what} the portal knows — {hint}use one of: {allowed}',
            value=value,
            what=what,
            hint=hint,
            allowed=", ".join(allowed),
        )

    return BeforeValidator(check)


def _iso_date(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value
    if value is None:
        raise _problem(
            "empty", "no value is written here — write the date after the colon as YYYY-MM-DD, for example 2019-05-15"
        )
    text = str(value)
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise _problem(
            "date_format",
            '"{value}" is not written as a date the portal reads — write it as YYYY-MM-DD, '
            "for example 2019-05-15 for 15 May 2019",
            value=text,
        )
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise _problem(
            "date_impossible",
            "{value} is not a real date — check the day and the month (YYYY-MM-DD)",
            value=text,
        ) from None


def _figure(value: Any) -> Any:
    """A figure in a metric: digits, optionally with a decimal point and a minus sign."""
    text = "" if value is None else str(value).strip()
    span = re.fullmatch(r"(\d+(?:\.\d+)?)\s*(?:-|–|—|to)\s*(\d+(?:\.\d+)?)", text)
    if span:
        raise _problem(
            "figure_range",
            '"{value}" is a range, and value: takes one figure — write its lower end as value: {low} '
            "and its upper end on the next line as up_to: {high}",
            value=text,
            low=span.group(1),
            high=span.group(2),
        )
    if not re.fullmatch(r"-?\d+(\.\d+)?", text):
        raise _problem(
            "figure",
            '"{value}" is not a figure the portal can chart — write digits only, '
            "with a decimal point if needed, and no units or commas (for example 18 or 9.5)",
            value=text or "nothing",
        )
    return float(text)


def _pattern(regex: str, message: str):
    def check(value: str) -> str:
        if not re.fullmatch(regex, value):
            raise _problem("pattern", message, value=value)
        return value

    return AfterValidator(check)


Text = Annotated[str, Field(min_length=1)]
# Each WithJsonSchema says how the type looks to an editor reading the YAML (macros/publish/schemas.py).
Date = Annotated[
    dt.date,
    BeforeValidator(_iso_date),
    WithJsonSchema(
        {
            "type": "string",
            "format": "date",
            "pattern": r"^\d{4}-\d{2}-\d{2}$",
            "description": "A date written YYYY-MM-DD, e.g. 2019-05-15",
        }
    ),
]
Figure = Annotated[
    float,
    BeforeValidator(_figure),
    WithJsonSchema({"type": ["number", "string"], "description": "A number, e.g. 18.5 — no units or % sign"}),
]
Id = Annotated[
    str,
    _pattern(
        r"[a-z0-9]+(-[a-z0-9]+)*",
        '"{value}" is not a usable ID — IDs use lower-case letters, digits and single hyphens, '
        "for example ofsted-2019-r01",
    ),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^[a-z0-9]+(-[a-z0-9]+)*$",
            "description": "An ID: lower-case letters, digits and single hyphens, e.g. ofsted-2019-r01",
        }
    ),
]


def _minute_number(value: str) -> str:
    """A minute's number as councils write them: 21, 4.3 or 20.1.1 — the number alone."""
    if re.fullmatch(r"\d+(\.\d+)*", value):
        return value
    within = re.fullmatch(r"(?:minute|min\.?|item|para(?:graph)?\.?)?\s*(\d+(?:\.\d+)*)\.?(?:\s+\S.*)?", value, re.I)
    if within:
        raise _problem(
            "minute_number",
            '"{value}" is not a minute number on its own — write only the number, without a title or '
            "the word minute: {number}",
            value=value,
            number=within.group(1),
        )
    raise _problem(
        "pattern",
        '"{value}" is not a minute number — write it as in the minutes, for example 21, 4.3 or 20.1.1',
        value=value,
    )


MinuteNumber = Annotated[
    str,
    AfterValidator(_minute_number),
    # An editor reads `minute: 4.3` as a number; the portal keeps it as the text written.
    WithJsonSchema(
        {
            "type": ["string", "number"],
            "pattern": r"^\d+(\.\d+)*$",
            "description": "A minute number as in the minutes: 21, 4.3 or 20.1.1 (the number alone, no title)",
        }
    ),
]
LINK_PATTERN = r"https?://[^\s/$.?#][^\s]*"
LINK_MESSAGE = (
    '"{value}" is not a web link the portal can publish — links must start with https:// '
    "(or http://) and contain no spaces"
)
Link = Annotated[
    str,
    _pattern(LINK_PATTERN, LINK_MESSAGE),
    WithJsonSchema({"type": "string", "pattern": r"^https?://\S+$", "description": "A web link starting https://"}),
]
NO_URL = "none"  # what a document source's url: says when the document is not online


def _link_or_none(value: str) -> str:
    if value.lower() == NO_URL:
        return NO_URL  # "None" or "NONE" means the same
    if not re.fullmatch(LINK_PATTERN, value):
        raise _problem("pattern", LINK_MESSAGE, value=value)
    return value


DocumentUrl = Annotated[
    str,
    AfterValidator(_link_or_none),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^(https?://\S+|none)$",
            "description": "The document's web address, starting https:// — or none, with why_no_url: saying why",
        }
    ),
]
StatusWord = Annotated[Status, _vocabulary(Status, "a status")]
ActionStatusWord = Annotated[ActionStatus, _vocabulary(ActionStatus, "an action status")]


class Record(BaseModel):
    """Base for every record: unknown keys are errors, text is trimmed, records are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class DocumentKind(StrEnum):
    """What sort of published document a source is: readers weigh a press report differently."""

    OFFICIAL = "official publication"  # by a public body: a council web page, a government direction
    COUNCIL_PAPER = "council paper"  # a report or presentation to a council meeting
    PRESS = "press report"  # a newspaper's or news site's report: shown as "as reported by …"


DOCUMENT_KIND_SYNONYMS = {
    word: kind.value
    for kind, words in {
        DocumentKind.PRESS: ("newspaper", "news", "press", "news report", "article", "news article"),
        DocumentKind.COUNCIL_PAPER: ("committee paper", "committee report", "report", "presentation", "agenda"),
        DocumentKind.OFFICIAL: ("official", "publication", "government", "web page", "website", "letter"),
    }.items()
    for word in words
}
DocumentKindWord = Annotated[DocumentKind, _vocabulary(DocumentKind, "a kind of document", DOCUMENT_KIND_SYNONYMS)]
# What a document source must say, so that a reader can weigh it and follow it: (what, how to add it).
DOCUMENT_NEEDS = {
    "publisher": ("who published it", "publisher: (who published it, for example West Sussex County Council)"),
    "kind": ("what kind of document it is", "kind: (one of: " + ", ".join(k.value for k in DocumentKind) + ")"),
    "url": (
        "where to find it",
        "url: (its web address, starting https://; or url: none and why_no_url: if it is not online)",
    ),
}


class Source(Record):
    """Where a fact comes from: a minute of a meeting in this portal, or a published document
    (with who published it, what kind of document it is, and its address or why it has none)."""

    meeting: Id | None = None
    minute: MinuteNumber | None = None
    document: Text | None = None  # the document's title, as published
    publisher: Text | None = None  # who published it, e.g. "Department for Education" or "BBC News"
    kind: DocumentKindWord | None = None
    published: Date | None = None  # the date it was published, where the record gives it
    url: DocumentUrl | None = None  # its web address, or "none" if it is not online
    why_no_url: Text | None = None  # with url: none, why it has no address

    @model_validator(mode="after")
    def _one_kind(self) -> Source:
        if (self.meeting is None) == (self.document is None):
            raise _problem(
                "source_kind",
                "a source names either a meeting (with its minute) or a published document, "
                "not both and not neither — write meeting: and minute:, or document: (and url:)",
            )
        if self.minute and not self.meeting:
            raise _problem("source_minute", "a minute number needs its meeting — add meeting:")
        about_document = [n for n in ("publisher", "kind", "published", "url", "why_no_url") if getattr(self, n)]
        if self.meeting and about_document:
            raise _problem(
                "source_url",
                "{names} belong{s} to a published document, not to a meeting's minutes — "
                "add document: with its title instead of meeting:, or delete {names}",
                names=" and ".join(f"{n}:" for n in about_document),
                s="" if len(about_document) > 1 else "s",
            )
        return self

    def unfollowable(self) -> str | None:
        """Why a reader could not weigh or follow this document (who published it, what kind it is,
        where to find it), in the clerk's words; None if they can. Checked on the current data only,
        so versions in the repository's history written before these were asked for still read."""
        if self.document is None:
            return None
        missing = [name for name in DOCUMENT_NEEDS if getattr(self, name) is None]
        if missing:
            what = ", or ".join(DOCUMENT_NEEDS[name][0] for name in missing)
            how = "; ".join(DOCUMENT_NEEDS[name][1] for name in missing)
            return f'the document "{self.document}" does not say {what} — add {how}'
        if self.url == NO_URL and not self.why_no_url:
            return (
                "url: none needs a reason — add why_no_url: saying why the document is not online, "
                "for example: tabled at the meeting and not published"
            )
        if self.url != NO_URL and self.why_no_url:
            return (
                "why_no_url: is only for a document with url: none, and this one has an address — "
                "delete the why_no_url: line, or write url: none"
            )
        return None

    @property
    def online(self) -> bool:
        return self.url is not None and self.url != NO_URL


class Fact(Record):
    """One sourced statement, shown with its citation."""

    text: Text
    source: Source


class Committee(Record):
    id: Id
    name: Text
    abbreviation: Text | None = None


class Licence(Record):
    name: Text
    url: Link


class PortalFile(Record):
    """data/portal.yaml: who publishes the portal, for which council, and under what licence."""

    title: Text
    council: Text
    publisher: Text
    independence: Text
    data_licence: Licence
    repository: Link | None = None
    committees: list[Committee] = Field(min_length=1)


class Meeting(Record):
    id: Id
    committee: Id
    date: Date
    also_known_as: Text | None = None  # how the minutes refer to it, e.g. "the September meeting"
    source: Source
    # What published documents (a press report, say) record of the meeting, in our words, each
    # with its document: never the minutes' words, which belong in data/minutes/.
    reports: list[Fact] = []

    @field_validator("reports")
    @classmethod
    def _reports_are_documents(cls, reports: list[Fact]) -> list[Fact]:
        if any(report.source.meeting for report in reports):
            raise _problem(
                "report_from_minutes",
                "a report of a meeting cites a published document (a press report, a council paper), "
                "not the minutes — cite its document:, or put what the minutes say in data/minutes/",
            )
        return reports


class MeetingsFile(Record):
    """data/meetings.yaml: every meeting of the committee the portal knows about."""

    meetings: list[Meeting] = Field(min_length=1)


class Owner(Record):
    name: Text
    source: Source


class TargetRevision(Record):
    """A target date that slipped: when the new date was reported, the new date, and why."""

    reported: Date
    new_target: Date
    reason: Text
    source: Source


class Target(Record):
    """When something is due: the original date, and every revision since. Slips are never removed."""

    original: Date
    source: Source
    revisions: list[TargetRevision] = []

    @property
    def current(self) -> dt.date:
        return self.revisions[-1].new_target if self.revisions else self.original


class Evidence(Record):
    """A piece of evidence: the source's own words (quote, checked) or a summary in ours."""

    quote: Text | None = None
    summary: Text | None = None
    source: Source

    @model_validator(mode="after")
    def _quote_or_summary(self) -> Evidence:
        if (self.quote is None) == (self.summary is None):
            raise _problem(
                "evidence_kind",
                "evidence is either a quote: (the source's exact words) or a summary: "
                "(in your words) — write one of them, not both",
            )
        return self


class Success(Record):
    """What "done" looks like for a recommendation: the measures of success a source sets (the
    improvement plan, a committee paper), and the evidence that they were met."""

    measures: list[Text] = Field(min_length=1)
    source: Source  # where the measures come from
    evidence: list[Evidence] = []  # that the measures were met: expected before a status of complete


class Recommendation(Record):
    id: Id
    ref: Text  # the short reference readers see, e.g. "R01"
    title: Text | None = None  # left out when no source gives it: shown as "title to be confirmed"
    owner: Owner | None = None
    note: Text | None = None
    target: Target | None = None  # only where a source gives a target date
    success: Success | None = None  # only where a source sets measures of success
    source: Source


class RecommendationSet(Record):
    """data/recommendations/<set>.yaml: one inspection's (or review's) recommendations."""

    id: Id
    title: Text
    issued_by: Text
    expected_count: int = Field(ge=1)  # how many the report made; the list must have this many
    untitled_label: Text  # what to show for a recommendation whose title no source gives yet
    note: Text | None = None  # anything readers must know about the whole set
    source: Source
    facts: list[Fact] = []
    recommendations: list[Recommendation] = Field(min_length=1)


class Programme(Record):
    name: Text
    description: Text
    source: Source


class Theme(Record):
    id: Id
    name: Text
    source: Source
    recommendations: list[Id] = []  # only where a source maps them
    mapping_source: Source | None = None

    @model_validator(mode="after")
    def _mapping_is_sourced(self) -> Theme:
        if self.recommendations and self.mapping_source is None:
            raise _problem(
                "unsourced_mapping",
                "this theme lists recommendations but not where that mapping comes from — "
                "add mapping_source: naming the meeting and minute or document",
            )
        return self


class ThemesFile(Record):
    """data/themes.yaml: the improvement programme and its themes."""

    programme: Programme
    themes: list[Theme] = Field(min_length=1)


class ReportBack(Record):
    meeting: Id | None = None  # the meeting it reports back to
    when: Text | None = None  # or in words, e.g. "at each meeting"
    source: Source

    @model_validator(mode="after")
    def _says_when(self) -> ReportBack:
        if self.meeting is None and self.when is None:
            raise _problem("report_back", "say when it reports back — add meeting: or when:")
        return self


class Resolution(Record):
    id: Id
    meeting: Id
    minute: MinuteNumber
    number: int = Field(ge=1)
    text: Text  # the resolution's words exactly as minuted (checked against the minutes)
    asks: Text  # what it asks, in plain words
    who: Text  # who is asked to act
    report_back: ReportBack | None = None
    status: ActionStatusWord
    status_source: Source


class ResolutionsFile(Record):
    """data/resolutions.yaml: what the committee resolved, and where each stands."""

    resolutions: list[Resolution] = Field(min_length=1)


class Body(Record):
    id: Id
    name: Text
    abbreviation: Text | None = None
    role: Text
    source: Source


class BodiesFile(Record):
    """data/bodies.yaml: the boards, panels and organisations involved."""

    bodies: list[Body] = Field(min_length=1)


class Commitment(Record):
    id: Id
    what: Text
    when: Text | None = None  # as the source puts it, e.g. "September 2019"
    bodies: list[Id] = []
    recommendations: list[Id] = []  # only where the source links them
    source: Source


class CommitmentsFile(Record):
    """data/commitments.yaml: dated or quantified commitments recorded in the minutes."""

    commitments: list[Commitment] = Field(min_length=1)


class ProgressUpdate(Record):
    recommendation: Id
    date: Date  # the date the position applies to
    status: StatusWord
    reason: Text | None = None  # why the status differs from the previous update's (needed then)
    summary: Text
    evidence: list[Evidence] = []
    source: Source  # where the status comes from


class ProgressFile(Record):
    """data/progress/<date>.yaml: progress updates, one entry per recommendation updated."""

    updates: list[ProgressUpdate] = Field(min_length=1)


class MinuteRef(Record):
    """A minute of a meeting in this portal: where something was agreed or closed."""

    meeting: Id
    minute: MinuteNumber


class Action(Record):
    """Something the committee asked for at a meeting, tracked until it is reported done."""

    id: Id
    agreed: MinuteRef  # the meeting and minute where the committee agreed it
    what: Text
    who: Text
    # A date (YYYY-MM-DD), a meeting's ID, or how the minutes name a meeting ("the September
    # meeting", its also_known_as in data/meetings.yaml): a meeting is due on its date.
    due: Text
    status: ActionStatusWord
    closed: MinuteRef | None = None  # where it was reported done or withdrawn
    recommendations: list[Id] = []

    @model_validator(mode="after")
    def _closed_where(self) -> Action:
        if self.status != ActionStatus.OPEN and self.closed is None:
            raise _problem(
                "closed_missing",
                "an action that is {status} needs the minute where that was "
                "reported — add closed: with its meeting: and minute:",
                status=self.status.value,
            )
        if self.status == ActionStatus.OPEN and self.closed is not None:
            raise _problem(
                "closed_open",
                "this action is open but says where it was closed — change status: "
                "to done or withdrawn, or delete the closed: lines",
            )
        return self


class ActionsFile(Record):
    """data/actions.yaml: actions the committee agreed at its meetings, beyond its resolutions."""

    actions: list[Action] = Field(min_length=1)


MONTH = r"\d{4}-(0[1-9]|1[0-2])"


def _date_or_month(schema: dict[str, Any]) -> None:
    """In an editor's schema, a figure needs date: or month:, not always date:."""
    schema["required"] = [name for name in schema.get("required", []) if name != "date"]
    schema["oneOf"] = [{"required": ["date"]}, {"required": ["month"]}]


class MetricPoint(Record):
    model_config = ConfigDict(**Record.model_config, json_schema_extra=_date_or_month)

    date: Date  # the date the figure applies to (for a figure of a whole month, the month's first day)
    # A figure reported for a whole month ("18.5% in February 2019"): write month: 2019-02 instead
    # of date:, and the site shows "February 2019", never a day the source does not give.
    month: (
        Annotated[
            str,
            _pattern(
                MONTH,
                '"{value}" is not written as a month the portal reads — write it as YYYY-MM, '
                "for example 2019-02 for February 2019",
            ),
            WithJsonSchema({"type": "string", "pattern": f"^{MONTH}$", "description": "A month, e.g. 2019-02"}),
        ]
        | None
    ) = None
    value: Figure
    up_to: Figure | None = None  # a figure reported as a range ("18–22"): value is its low end
    source: Source

    @model_validator(mode="before")
    @classmethod
    def _month_or_day(cls, data: Any) -> Any:
        if not isinstance(data, dict) or data.get("month") is None:
            return data
        month = str(data["month"])
        if data.get("date") is not None:
            raise _problem(
                "month_and_date",
                "this figure has both a date: and a month: — keep date: for a figure of one day, "
                "or month: for a figure of a whole month, and delete the other",
            )
        # A month written wrongly is reported by month:'s own check; the date stands in meanwhile.
        return {**data, "date": f"{month}-01" if re.fullmatch(MONTH, month) else "0001-01-01"}

    @field_validator("up_to")
    @classmethod
    def _range_goes_up(cls, up_to: float | None, info: ValidationInfo) -> float | None:
        value = info.data.get("value")
        if up_to is not None and value is not None and up_to <= value:
            raise _problem(
                "range_order",
                "the top of a range must be more than its value: — write the lower figure as "
                "value: and the higher as up_to:, or delete up_to: for a single figure",
            )
        return up_to

    @property
    def middle(self) -> float:
        """Where a chart draws the point: the figure, or the middle of its range."""
        return self.value if self.up_to is None else (self.value + self.up_to) / 2


class Metric(Record):
    """data/metrics/<id>.yaml: one measure over time, e.g. average caseload per social worker."""

    id: Id
    title: Text
    unit: Text  # every point has this unit, e.g. "children per social worker" or "%"
    description: Text
    target: Figure | None = None
    target_source: Source | None = None
    recommendations: list[Id] = []
    points: list[MetricPoint] = []  # none yet: the page says there is no data yet

    @model_validator(mode="after")
    def _target_is_sourced(self) -> Metric:
        if (self.target is None) != (self.target_source is None):
            raise _problem(
                "target_source",
                "a target needs its source and a source needs its target — write "
                "both target: and target_source:, or neither",
            )
        return self


class MinutesFrontMatter(Record):
    """The front matter at the top of a minutes file in data/minutes/."""

    committee: Id
    date: Date
    item: Text
    title: Text
    report: Text | None = None
    # What each minute discusses: minute number -> IDs of recommendations, themes and
    # resolutions, e.g.  4.3: [ofsted-2019-r01, ofsted-2019-r02]. Each ID names one record.
    minutes: dict[MinuteNumber, list[Id]] = {}


class AllowedText(Record):
    """Text the safeguarding check finds that a person has checked and agreed may be published."""

    text: Text  # exactly as it appears in the data, e.g. a council's published switchboard number
    reason: Text  # why it is not personal data about a child or family
    reviewed_by: Text
    reviewed_on: Date


class SafeguardingAllowList(Record):
    """data/safeguarding-allow.yaml: the reviewed exceptions to the safeguarding check."""

    allowed: list[AllowedText] = []
