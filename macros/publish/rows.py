"""The shape every download's rows share: flat values, and the source columns of a sourced row.

A row model's field descriptions are the Data page's documentation and its JSON Schema's; every
field must have one.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

from ..data import model


class Row(BaseModel):
    """One row of a download: the same flat values in the JSON file and the CSV file."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    @classmethod
    def columns(cls) -> list[str]:
        """The row's own fields first, then the source columns it shares with other rows."""
        shared = {name for base in cls.__mro__[1:] for name in getattr(base, "model_fields", {})}
        own = [name for name in cls.model_fields if name not in shared]
        return own + [name for name in cls.model_fields if name in shared]


class SourcedRow(Row):
    """A row with the source of its information: a minute of a meeting, or a published document."""

    source_meeting: str | None = Field(
        description="If the source is a minute of a meeting: that meeting's ID (see the meetings "
        "download). Empty if the source is a published document."
    )
    source_minute: str | None = Field(
        description="If the source is a minute of a meeting: the minute's number as printed in the "
        "minutes, for example 4.3."
    )
    source_document: str | None = Field(
        description="If the source is a published document: its title. Empty if the source is a minute."
    )
    source_publisher: str | None = Field(description="If the source is a published document: who published it.")
    source_kind: model.DocumentKind | None = Field(
        description="If the source is a published document, what kind it is: "
        + ", ".join(k.value for k in model.DocumentKind)
        + ". A press report is a news report of what happened, not the council's own words."
    )
    source_published: dt.date | None = Field(
        description="The date the document was published (YYYY-MM-DD), where the portal records it."
    )
    source_url: str | None = Field(description="The web address of the published document, if it is online.")
    source_why_no_url: str | None = Field(
        description="If the published document is not online: why it has no web address."
    )


def source_columns(src: model.Source | None) -> dict[str, str | None]:
    """The source columns of a row; all empty where there is no source (a measure with no target)."""
    return {
        "source_meeting": src and src.meeting,
        "source_minute": src and src.minute,
        "source_document": src and src.document,
        "source_publisher": src and src.publisher,
        "source_kind": src and src.kind,
        "source_published": src and src.published,
        "source_url": src.url if src and src.online else None,
        "source_why_no_url": src and src.why_no_url,
    }
