"""The pages made from the data: one per recommendation (and per year of its record), minutes
file, meeting and year of meetings.

They are written into docs/ by the pre-build step (macros/build.py), which every builder runs
first, and are git-ignored: adding a record is all a clerk does, and deleting one deletes its page.
Each is a short Markdown page that calls one macro; a marker line in its front matter tells a page
the build made (and may replace or remove) from a page a person wrote (which it never touches).
"""

from __future__ import annotations

from collections.abc import Callable

from ..data.portal import Portal

MARKER = "made_by: the portal's build from data/ — do not edit this page, change the data file instead"

# folder in docs/ -> (macro that renders the page, how to list the records' IDs). Meetings are
# reached from the index of years (docs/meetings/index.md) and a page per year, never from the
# site-wide navigation, which every page carries: so no page grows with the archive.
PAGE_FOLDERS: dict[str, tuple[str, Callable[[Portal], list[str]]]] = {
    "recommendations": ("recommendation_page", lambda portal: [r.id for r in portal.recommendations]),
    "history": (
        "history_page",
        lambda portal: [history_id(r, y) for r in portal.recommendations for y in portal.by_year.years(r)],
    ),
    "minutes": ("minutes_page", lambda portal: [m.id for m in portal.minutes]),
    "meetings": ("meeting_page", lambda portal: [m.id for m in portal.meetings]),
    "years": ("year_page", lambda portal: [str(year) for year in portal.meeting_index.years]),
}


def history_id(rec, year: int) -> str:
    """The page of a recommendation's record in one year, e.g. ofsted-2019-r01-2021."""
    return f"{rec.id}-{year}"


def page_text(macro: str, record_id: str) -> str:
    return f'---\nrender_macros: true\n{MARKER}\n---\n{{{{ {macro}("{record_id}") }}}}\n'


def page_files(portal: Portal) -> dict[str, str]:
    """docs/-relative path -> the text of the page the data asks for."""
    return {
        f"{folder}/{record_id}.md": page_text(macro, record_id)
        for folder, (macro, ids) in PAGE_FOLDERS.items()
        for record_id in ids(portal)
    }


def is_generated(text: str) -> bool:
    """Whether a page in docs/ was made by the build (and so may be replaced or removed by it)."""
    return MARKER in text.split("\n---\n", 1)[0]
