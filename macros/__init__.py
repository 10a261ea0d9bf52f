"""The builders' adapter: define_env and the page macros, nothing else.

MkDocs' macros plugin imports this package and calls define_env once per build, before it collects
the files; Zensical's copy of the plugin runs this file by its path and calls define_env for every
page it renders, after it has collected them (loaded.py says what each then does). Everything they
call is plain Python (load, validate, render) and works the same under either builder.
"""

import os
import sys
from pathlib import Path
from typing import NoReturn

if "macros" not in sys.modules:  # Zensical ran this file by its path, outside its package:
    import importlib.util  # import the package itself first, so that its modules can be found

    _spec = importlib.util.spec_from_file_location("macros", Path(__file__).resolve())
    assert _spec is not None and _spec.loader is not None  # a package's __init__.py always has both
    sys.modules["macros"] = importlib.util.module_from_spec(_spec)
    _spec.loader.exec_module(sys.modules["macros"])

# By their full names, after the package is importable: this file may be running outside it (above).
from macros.data import clock, provenance  # noqa: E402
from macros.data.problems import DataProblems  # noqa: E402
from macros.loaded import NotPrepared, Withheld, for_pages, load, prepared  # noqa: E402
from macros.publish.exports import DATASETS, attribution, field_docs, row_counts  # noqa: E402
from macros.site.furniture import KEY  # noqa: E402


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
    """Called by MkDocs' macros plugin at the start of every build, and by Zensical's for every page."""
    if not env.conf.get("use_directory_urls", True):
        raise DataNotPublishable("mkdocs.yml: the portal's links need use_directory_urls: true — set it back to true")
    project = Path(env.project_dir)
    docs_dir = project / env.conf["docs_dir"]
    site_url = env.conf.get("site_url")
    if not site_url:
        raise DataNotPublishable(
            "mkdocs.yml: the feeds and downloads need the site's address — "
            'add site_url: !ENV [PORTAL_SITE_URL, "http://127.0.0.1:8000/"]'
        )
    try:
        if page_by_page(env):
            # Zensical: docs/ was prepared before the build (make build-zensical); nothing is written now.
            loaded = for_pages(project, docs_dir, site_url, env.page.meta.get(KEY))
        else:
            # MkDocs: the pages, downloads, feeds, calendar, schemas and the footer's facts go into
            # docs/ now, before it collects the files, unless this process has already done so from
            # the same data (`make build` runs the step and then MkDocs in one process; `make serve`
            # runs it first, as every other builder must: see macros/build.py). Unchanged files are
            # not rewritten. An invented example (extra: fictional) takes no suggested changes. Both
            # ways, the safeguarding check runs first (loaded.py), however the build was started.
            loaded = load(project, site_url, fictional=bool(env.conf["extra"].get("fictional")))
            prepared(loaded, docs_dir)
    except DataProblems as problems:
        stop(env, problems.report())
    except (clock.BadBuildDate, provenance.BadRepository, NotPrepared, Withheld) as error:
        stop(env, str(error))
    portal, renderer, history = loaded.portal, loaded.renderer, loaded.history

    @env.macro
    def data_page() -> str:
        """The Data page: every download and every field, documented from the export models."""
        # No "suggest a change" links: the page is generated from the export models, not a data file.
        return renderer.render(
            "data.html",
            links_from(env),
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
        return renderer.summary(links_from(env), name)


def stop(env, report: str) -> NoReturn:
    """Stop the build with the report and no traceback. Zensical shows a traceback for anything raised
    while it renders a page, so there the report is printed and the build ends at once."""
    if page_by_page(env):
        print(report, file=sys.stderr, flush=True)
        os._exit(1)
    raise DataNotPublishable(report) from None


def page_by_page(env) -> bool:
    """Whether the builder calls define_env for each page it renders: Zensical's macros extension."""
    return type(env).__module__.startswith("zensical.")


def links_from(env) -> str:
    """The site folder the page's relative links are resolved from. MkDocs publishes a page's HTML as
    written, so they go from the page's own address (recommendations/ofsted-2019-r01/); Zensical
    rewrites every relative link in a page as relative to its Markdown file, so they go from that
    file's folder (recommendations/). Either way a link works at the domain's root and under a path."""
    if page_by_page(env):
        folder = env.page.path.replace("\\", "/").rpartition("/")[0]
        return folder + "/" if folder else ""
    return env.page.url
