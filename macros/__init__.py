"""MkDocs-macros adapter: loads the data once per build and exposes one macro per kind of page.

This is the only place that knows about the macros plugin; everything it calls is plain Python
(load, validate, render) and works the same under MkDocs or Zensical.
"""

from pathlib import Path

from markupsafe import escape

from .build import prepare, record_changes
from .clerks import safeguarding
from .data import clock, provenance
from .data.load import load_portal
from .data.problems import DataProblems
from .publish.exports import DATASETS, attribution, field_docs, row_counts
from .site.render import Renderer, long_date


class DataNotPublishable(SystemExit, Exception):
    """Stops a build with the clerk's report and no traceback. As a SystemExit, `mkdocs build`
    exits non-zero printing only the report; as an Exception, `mkdocs serve` prints it and keeps
    serving the last good site until the data is fixed."""


SUMMARY_PAGES = (
    "home",
    "recommendations",
    "themes",
    "resolutions",
    "meetings",
    "commitments",
    "about",
    "actions",
    "definitions",
    "changes",
    "metrics",
    "report",
    "findings",
)


def define_env(env):
    """Called by mkdocs-macros at the start of every build."""
    if not env.conf.get("use_directory_urls", True):
        raise DataNotPublishable("mkdocs.yml: the portal's links need use_directory_urls: true — set it back to true")
    project = Path(env.project_dir)
    try:
        portal = load_portal(project)
        built, repository = clock.build_date(), provenance.repository()
    except DataProblems as problems:
        raise DataNotPublishable(problems.report()) from None
    except (clock.BadBuildDate, provenance.BadRepository) as error:
        raise DataNotPublishable(str(error)) from None
    # The safeguarding check runs in every build, however it is started (make build, a plain mkdocs
    # build or serve, Zensical): nothing is published, or put in the search index, while it finds anything.
    findings = safeguarding.scan(project)
    if findings:
        raise DataNotPublishable(safeguarding.report(findings))
    site_url = env.conf.get("site_url")
    if not site_url:
        raise DataNotPublishable(
            "mkdocs.yml: the feeds and downloads need the site's address — "
            'add site_url: !ENV [PORTAL_SITE_URL, "http://127.0.0.1:8000/"]'
        )
    if env.conf["extra"].get("fictional"):
        repository = None  # an invented example (examples/…) takes no suggested changes
    # Each record's changes, from the repository's history (macros/data/history.py; cached in .cache/).
    history = record_changes(project, repository)
    # The pages, downloads, feeds, calendar and data-file schemas go into docs/ now, before MkDocs
    # collects the files (`make build` and `make serve` have already run the same step, as every other
    # builder must: see macros/build.py). Unchanged files are not rewritten.
    try:
        prepare(portal, project, project / env.conf["docs_dir"], site_url, history)
    except DataProblems as problems:
        raise DataNotPublishable(problems.report()) from None
    # For the footer (overrides/partials/): which build of the portal the pages show, and where to
    # report a problem with the website (the repository's issue tracker, when it is known).
    env.conf["extra"]["portal_build"] = {
        "date": long_date(built),
        "date_iso": built.isoformat(),
        "version": provenance.version(project),
        "issues": repository.issues_url if repository else None,
    }
    renderer = Renderer(portal, repository, built, history)

    def set_title(title: str) -> None:
        # Themes print the page title unescaped in places (Material's <title> unescapes it), and
        # the macros plugin runs a title containing "{{" as a template. So a title taken from data
        # reaches them escaped, braces included: it shows as typed and nothing in it runs.
        env.page.meta["title"] = str(escape(title)).replace("{", "&#123;").replace("}", "&#125;")

    @env.macro
    def recommendation_page(rec_id: str) -> str:
        set_title(renderer.recommendation_title(rec_id))
        # Read by overrides/main.html: the page's own feed, for <link rel="alternate">.
        rec = portal.recommendation(rec_id)
        env.page.meta["feed"] = {
            "href": renderer.links("").feed(rec),
            "title": f"{rec.ref}: progress updates, minutes and findings",
        }
        return renderer.recommendation_page(env.page.url, rec_id)

    def record_page(name: str):
        """The macro of one kind of page the build makes (macros/site/pages.py): its title, then its content."""

        def page(record_id: str) -> str:
            set_title(getattr(renderer, name.replace("_page", "_title"))(record_id))
            return getattr(renderer, name)(env.page.url, record_id)

        return page

    for name in ("minutes_page", "history_page", "meeting_page", "year_page"):
        env.macro(record_page(name), name)

    @env.macro
    def data_page() -> str:
        """The Data page: every download and every field, documented from the export models."""
        # No "suggest a change" links: the page is generated from the export models, not a data file.
        return renderer.render(
            "data.html",
            env.page.url,
            [],
            datasets=DATASETS,
            field_docs=field_docs,
            attribution=attribution(portal),
            counts=row_counts(portal, site_url, history),
        )

    @env.macro
    def portal_page(name: str) -> str:
        if name not in SUMMARY_PAGES:
            raise ValueError(f"portal_page: no page called {name!r}; use one of {', '.join(SUMMARY_PAGES)}")
        return renderer.summary(env.page.url, name)
