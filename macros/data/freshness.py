"""How recent the portal's information is, as at the build date: a status is never shown as
current when the council last reported it more than six months before."""

from __future__ import annotations

import calendar
import datetime as dt

STALE_AFTER_MONTHS = 6


def months_after(day: dt.date, months: int) -> dt.date:
    """The same day a number of calendar months later (31 August + 6 months is 28 or 29 February)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def stale(reported: dt.date, today: dt.date) -> bool:
    """Whether a status reported on a day is more than six months old on another."""
    return months_after(reported, STALE_AFTER_MONTHS) < today
