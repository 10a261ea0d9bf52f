"""The build date: the day every "as at" and "overdue" on the site is computed against; and how
dates are written.

It is today's date unless PORTAL_BUILD_DATE (YYYY-MM-DD) says otherwise, so tests and a rebuild of
an old version can fix it. Every part of the portal asks this module, never the system clock.
"""

from __future__ import annotations

import datetime as dt
import os

VARIABLE = "PORTAL_BUILD_DATE"
MONTHS = ("January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December")  # fmt: skip


class BadBuildDate(ValueError):
    """PORTAL_BUILD_DATE is set but is not a real date written YYYY-MM-DD."""


def build_date(environ: dict[str, str] | None = None) -> dt.date:
    value = (os.environ if environ is None else environ).get(VARIABLE, "").strip()
    if not value:
        return dt.date.today()
    try:
        if len(value) == 10:  # fromisoformat alone would also take 20190911
            return dt.date.fromisoformat(value)
    except ValueError:
        pass
    raise BadBuildDate(
        f"{VARIABLE}={value!r} is not a date — write it as YYYY-MM-DD, for example 2019-05-15, "
        f"or unset it to use today's date"
    )


def long_date(value: dt.date) -> str:
    """15 May 2019 — the way dates are written on GOV.UK, whatever the machine's locale."""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"
