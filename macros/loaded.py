"""What the page macros render from: the loaded portal, its records' history and the build's facts.

MkDocs calls define_env once per build, before it collects the files: the adapter loads all this
afresh (`load`) and runs the pre-build step with it. Zensical calls define_env for every page it
renders, after it has collected the files: there nothing may be written, and loading the portal
for each page would make a build's cost grow with pages × data. So `for_pages` takes the facts the
pre-build step left in every page's metadata (site/furniture.py), loads the portal once per
process for them, checks that it is what docs/ was prepared from, and hands the same one to
every page after.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from .build import build_facts, made_from, record_changes
from .clerks import safeguarding
from .data.history import RecordHistory
from .data.load import load_portal
from .data.portal import Portal
from .site.furniture import META_FILE, BuildFacts
from .site.render import Renderer


class NotPrepared(ValueError):
    """docs/ was not prepared by the pre-build step for the data as it is now."""


class Withheld(ValueError):
    """The safeguarding check found what may be personal data: nothing is made from the data."""


def _read(root: Path) -> Portal:
    """The loaded portal, once the safeguarding check has found nothing in data/: it runs in every
    build, however it is started (make, a plain mkdocs build or serve, Zensical), so nothing is
    published, or put in the search index, while it finds anything."""
    portal = load_portal(root)
    findings = safeguarding.scan(root)
    if findings:
        raise Withheld(safeguarding.report(findings))
    return portal


@dataclass
class Loaded:
    portal: Portal
    history: RecordHistory
    facts: BuildFacts
    site_url: str
    made_from: str
    renderer: Renderer = field(init=False)

    def __post_init__(self) -> None:
        self.renderer = Renderer(self.portal, self.facts.repository, self.facts.date, self.history)


def load(root: Path, site_url: str, fictional: bool) -> Loaded:
    """The portal, its history and this build's facts, read now (from data/, the repository and the
    environment)."""
    portal = _read(root)
    facts = build_facts(root, fictional)
    history = record_changes(root, facts.repository)
    return Loaded(portal, history, facts, site_url, made_from(root, site_url, history))


_LOADED: dict[tuple[Path, str, str], Loaded] = {}
_LOCK = threading.Lock()


def for_pages(root: Path, docs_dir: Path, site_url: str, facts: dict | None) -> Loaded:
    """For a builder that renders page by page: the portal docs/ was prepared from, loaded once per
    process. `facts` is what the page's metadata holds from docs/.meta.yml (None: nothing)."""
    where = f"{docs_dir.relative_to(root).as_posix()}/{META_FILE}"
    if not facts:
        raise NotPrepared(
            f"{where}:1: the pre-build step has not run, so the site would have no record pages, downloads "
            "or feeds — build with make build-zensical, which runs it first (python -m macros prepare)"
        )
    key = (root, site_url, facts["made_from"])
    with _LOCK:  # a builder may render pages on several threads: load once
        if key not in _LOADED:
            build = BuildFacts.from_meta(facts)
            history = record_changes(root, build.repository)
            loaded = Loaded(_read(root), history, build, site_url, made_from(root, site_url, history))
            if loaded.made_from != facts["made_from"]:
                raise NotPrepared(
                    f"{where}:1: docs/ was prepared from other data, code or settings than the build has "
                    "now, so its downloads would not match the pages — build with make build-zensical, "
                    "which prepares it again first"
                )
            _LOADED.clear()  # only the newest is kept (a long `zensical serve` sees many)
            _LOADED[key] = loaded
        return _LOADED[key]
