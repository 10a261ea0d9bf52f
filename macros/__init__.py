"""MkDocs-macros adapter: loads the data once per build and exposes one macro per kind of page.

This is the only place that knows about the macros plugin; everything it calls is plain Python
(load, validate, render) and works the same under MkDocs or Zensical.
"""

from pathlib import Path

from markupsafe import escape

from .clock import BadBuildDate, build_date
from .load import load_portal
from .problems import DataProblems
from .render import Renderer


class DataNotPublishable(SystemExit, Exception):
    """Stops a build with the clerk's report and no traceback. As a SystemExit, `mkdocs build`
    exits non-zero printing only the report; as an Exception, `mkdocs serve` prints it and keeps
    serving the last good site until the data is fixed."""


SUMMARY_PAGES = ("home", "recommendations", "themes", "resolutions", "meetings", "commitments", "about", "actions", "definitions", "changes", "metrics", "report")


def define_env(env):
    """Called by mkdocs-macros at the start of every build."""
    if not env.conf.get("use_directory_urls", True):
        raise DataNotPublishable("mkdocs.yml: the portal's links need use_directory_urls: true — set it back to true")
    try:
        portal = load_portal(Path(env.project_dir))
    except DataProblems as problems:
        raise DataNotPublishable(problems.report()) from None
    try:
        today = build_date()
    except BadBuildDate as error:
        raise DataNotPublishable(str(error)) from None
    renderer = Renderer(portal, today)

    def set_title(title: str) -> None:
        # Themes print the page title unescaped in places (Material's <title> unescapes it), and
        # the macros plugin runs a title containing "{{" as a template. So a title taken from data
        # reaches them escaped, braces included: it shows as typed and nothing in it runs.
        env.page.meta["title"] = str(escape(title)).replace("{", "&#123;").replace("}", "&#125;")

    @env.macro
    def recommendation_page(rec_id: str) -> str:
        set_title(renderer.recommendation_title(rec_id))
        return renderer.recommendation_page(env.page.url, rec_id)

    @env.macro
    def minutes_page(minutes_id: str) -> str:
        set_title(renderer.minutes_title(minutes_id))
        return renderer.minutes_page(env.page.url, minutes_id)

    @env.macro
    def portal_page(name: str) -> str:
        if name not in SUMMARY_PAGES:
            raise ValueError(f"portal_page: no page called {name!r}; use one of {', '.join(SUMMARY_PAGES)}")
        return renderer.summary(env.page.url, name)
