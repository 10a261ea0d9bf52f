"""CSV downloads that are safe to open in a spreadsheet.

A spreadsheet runs a cell that starts with =, +, -, @, a tab or a carriage return as a formula, so
a title such as =HYPERLINK(…) in the data could run in a reader's spreadsheet. OWASP's rule against
this "CSV injection" is applied to every cell: one that would start a formula starts with an
apostrophe instead, which spreadsheets read as "this is text". A plain number such as -3.5 is left
as it is. The JSON downloads keep every text exactly as written.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")


def defused(value: Any) -> Any:
    """A cell's value with OWASP's rule applied (an empty value is an empty cell)."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not NUMBER.fullmatch(value):
        return "'" + value
    return value


def csv_file(columns: list[str], rows: Iterable[Mapping[str, Any]]) -> bytes:
    """UTF-8 CSV with a header row and the columns in the order given."""
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=columns)
    writer.writeheader()
    for row in rows:
        writer.writerow({name: defused(value) for name, value in row.items()})
    return text.getvalue().encode("utf-8")
