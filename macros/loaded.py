"""What the page macros render from: the loaded portal, its records' history and the build's facts.

MkDocs calls define_env once per build, before it collects the files: the adapter loads all this
(`load`) and runs the pre-build step with it (`prepared`). Zensical calls define_env for every page
it renders, after it has collected the files: there nothing may be written, and loading the portal
for each page would make a build's cost grow with pages × data. So `for_pages` takes the facts the
pre-build step left in every page's metadata (site/furniture.py), loads the portal once per
process for them, checks that it is what docs/ was prepared from, and hands the same one to
every page after. Either way a portal already loaded in the process from the same data, code and
settings is used again: `python -m macros build` reads the data once, prepares docs/ and runs the
builder in the same process.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass, field
from pathlib import Path

from .build import build_facts, made_from, prepare, record_changes
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


def _read(root: Path, today: dt.date) -> Portal:
    """The loaded portal, once the safeguarding check has found nothing in data/: it runs first in
    every build, however it is started (make, a plain mkdocs build or serve, Zensical), so nothing is
    published, or put in the search index, while it finds anything."""
    findings = safeguarding.scan(root)
    if findings:
        raise Withheld(safeguarding.report(findings))
    return load_portal(root, today)  # checked as at the date the pages show


@dataclass
class Loaded:
    root: Path
    portal: Portal
    history: RecordHistory
    facts: BuildFacts
    site_url: str
    made_from: str
    renderer: Renderer = field(init=False)
    prepared: set[Path] = field(default_factory=set)  # the docs/ folders the pre-build step wrote from it

    def __post_init__(self) -> None:
        self.renderer = Renderer(self.portal, self.facts.repository, self.facts.date, self.history)


def load(root: Path, site_url: str, fictional: bool) -> Loaded:
    """The portal, its history and this build's facts as they are now (data/, the repository and the
    environment): the portal this process loaded last for the project when nothing it is made from
    has changed since (so `python -m macros build`'s builder, or a rebuild of `mkdocs serve` after a
    page's edit, reads the data no second time), otherwise read afresh."""
    facts = build_facts(root, fictional)
    history = record_changes(root, facts.repository)
    made = made_from(root, site_url, history)
    with _LOCK:
        known = _LOADED.get(root.resolve())
        if known is not None and known.made_from == made and known.facts == facts:
            return known
        return _keep(Loaded(root, _read(root, facts.date), history, facts, site_url, made))


def prepared(loaded: Loaded, docs_dir: Path) -> list[str]:
    """Run the pre-build step into docs_dir from the loaded portal, unless this process has already
    done so from it; returns what changed."""
    if docs_dir.resolve() in loaded.prepared:
        return []
    changes = prepare(loaded.renderer, loaded.root, docs_dir, loaded.site_url, loaded.facts, loaded.made_from)
    loaded.prepared.add(docs_dir.resolve())
    return changes


# The portal each project was last loaded as in this process, and the lock that loads it once when
# a builder renders pages on several threads.
_LOADED: dict[Path, Loaded] = {}
_LOCK = threading.Lock()


def _keep(loaded: Loaded) -> Loaded:
    _LOADED[loaded.root.resolve()] = loaded  # only the newest is kept (a long `serve` sees many)
    return loaded


def for_pages(root: Path, docs_dir: Path, site_url: str, facts: dict | None) -> Loaded:
    """For a builder that renders page by page: the portal docs/ was prepared from, loaded once per
    process (none, when `python -m macros build` prepared docs/ in it). `facts` is what the page's
    metadata holds from docs/.meta.yml (None: nothing)."""
    where = f"{docs_dir.relative_to(root).as_posix()}/{META_FILE}"
    if not facts:
        raise NotPrepared(
            f"{where}:1: the pre-build step has not run, so the site would have no record pages, downloads "
            "or feeds — build with make build-zensical, which runs it first (python -m macros prepare)"
        )
    with _LOCK:
        known = _LOADED.get(root.resolve())
        if known is not None and known.made_from == facts["made_from"]:
            return known
        build = BuildFacts.from_meta(facts)
        history = record_changes(root, build.repository)
        made = made_from(root, site_url, history)
        if made != facts["made_from"]:
            raise NotPrepared(
                f"{where}:1: docs/ was prepared from other data, code or settings than the build has "
                "now, so its downloads would not match the pages — build with make build-zensical, "
                "which prepares it again first"
            )
        return _keep(Loaded(root, _read(root, build.date), history, build, site_url, made))
