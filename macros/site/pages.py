"""The pages made from the data: one per recommendation (and per year of its record), minutes
file, meeting and year of meetings.

They are written into docs/ by the pre-build step (macros/build.py), which every builder runs
first, and are git-ignored: adding a record is all a clerk does, and deleting one deletes its page.
Each is rendered there and then, whole: its title (and a recommendation's feed) in its front
matter, its content as Markdown and HTML, so no builder renders it again (it is no template). Each
is the index page of a folder of its own (recommendations/<id>/index.md, published at
recommendations/<id>/), so its relative links resolve the same from its address (MkDocs) and from
its Markdown file's folder (Zensical). A marker line in its front matter tells a page the build
made (and may replace or remove) from a page a person wrote (which it never touches).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import yaml
from markupsafe import escape

from ..data.parallel import shared
from ..data.portal import Portal

MARKER = "made_by: the portal's build from data/ — do not edit this page, change the data file instead"

# folder in docs/ -> (the Renderer's method for the page, how to list the records' IDs). Meetings are
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


def page_path(folder: str, record_id: str) -> str:
    """Where a record's page goes in docs/: a folder's index page, published at folder/record_id/."""
    return f"{folder}/{record_id}/index.md"


def page_paths(portal: Portal) -> dict[str, tuple[str, str]]:
    """docs/-relative path -> (folder, record ID), for every page the data asks for."""
    return {
        page_path(folder, record_id): (folder, record_id)
        for folder, (_, ids) in PAGE_FOLDERS.items()
        for record_id in ids(portal)
    }


def page_text(renderer: Any, folder: str, record_id: str) -> str:
    """A record's page, rendered by a site.render.Renderer: front matter, then its content."""
    method = PAGE_FOLDERS[folder][0]
    meta: dict[str, Any] = {
        # never a template, even if a council sets render_by_default: the minutes in it are a clerk's text
        "render_macros": False,
        "title": theme_title(getattr(renderer, method.replace("_page", "_title"))(record_id)),
    }
    if folder == "recommendations":
        meta["feed"] = renderer.recommendation_feed(record_id)  # read by overrides/main.html
    body = getattr(renderer, method)(f"{folder}/{record_id}/", record_id)
    front = yaml.dump(meta, Dumper=DUMPER, allow_unicode=True, sort_keys=False, width=10_000)
    return f"---\n{MARKER}\n{front}---\n{body}"


DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's, when PyYAML has it: the same text, faster
SHARED_FROM = 400  # from this many pages, they are rendered on every processor (data/parallel.py)
T = TypeVar("T")


def render_pages(
    renderer: Any, pages: dict[str, tuple[str, str]], meanwhile: Callable[[], T]
) -> tuple[dict[str, str], T]:
    """docs/-relative path -> text of each page (from page_paths), rendered, and what `meanwhile`
    returned (a big archive's pages are rendered by other processes while it runs)."""
    paths = list(pages)
    texts, done = shared(lambda path: page_text(renderer, *pages[path]), paths, SHARED_FROM, meanwhile)
    return dict(zip(paths, texts, strict=True)), done


def theme_title(title: str) -> str:
    """A title from data as the theme gets it. Themes print the page title unescaped in places
    (Material's <title> unescapes it), and a title containing "{{" could be taken for a template:
    so it is escaped, braces included, and shows as typed with nothing in it run."""
    return str(escape(title)).replace("{", "&#123;").replace("}", "&#125;")


def is_generated(text: str) -> bool:
    """Whether a page in docs/ was made by the build (and so may be replaced or removed by it)."""
    return MARKER in text.split("\n---\n", 1)[0]
