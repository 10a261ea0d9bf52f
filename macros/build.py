"""The one step every builder runs first: everything made from the data, written into docs/.

The pages of each recommendation and minutes file, the open data downloads, feeds and calendar
(with each record's history, read from the repository), the JSON Schemas of the data files,
robots.txt and the facts every page's footer shows (site/furniture.py). `make build`, `make
build-zensical` and `make serve` run it through `python -m macros build`, before the builder in
the same process; `python -m macros prepare` runs it alone; a plain `mkdocs build` or `mkdocs
serve` runs it through the macros adapter (define_env, before MkDocs collects the files). So
every builder finds the same files. Only files whose content changed are written, so `mkdocs
serve` rebuilds once after a change and settles.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

import yaml

from .clerks.safeguarding import flags
from .data import clock, provenance
from .data.history import RecordHistory, record_history
from .data.portal import Portal
from .data.problems import DataProblems, Problem
from .data.provenance import Repository
from .publish.exports import write_exports
from .publish.schemas import write_schemas
from .publish.writing import write_changed
from .site.furniture import BuildFacts, furniture_files
from .site.pages import PAGE_FOLDERS, is_generated, page_paths, render_pages
from .site.render import DATA_FOLDER, Renderer

# In docs/data/, what the downloads were last made from and which files that made (a dot file,
# which builders do not publish).
STAMP = ".made-from"
CODE = Path(__file__).resolve().parent  # the portal's code: a change to it can change every file
MADE_BY = ("feedgen", "icalendar", "pydantic")  # the libraries whose versions shape the files


def prepare(renderer: Renderer, root: Path, docs_dir: Path, site_url: str, facts: BuildFacts, made: str) -> list[str]:
    """Write every generated file for a loaded portal (the renderer's, with its records' history for
    the download) and the build's facts; `made` is the digest of what it is all made from
    (made_from). Returns what changed, for a person to see. The downloads and schemas are made
    while the pages are rendered."""
    portal, history = renderer.portal, renderer.history

    def files() -> list[str]:
        return write_downloads(portal, docs_dir / DATA_FOLDER, site_url, history, made) + write_schemas(root)

    changes = write_pages(portal, root, docs_dir, renderer, meanwhile=files)
    changes += write_changed(docs_dir, furniture_files(facts, site_url, made))
    return changes


def build_facts(root: Path, fictional: bool) -> BuildFacts:
    """This build's facts, from the environment (PORTAL_BUILD_DATE, PORTAL_VERSION, PORTAL_REPO_URL …).
    An invented example (fictional) takes no suggested changes and no reports."""
    return BuildFacts(clock.build_date(), provenance.version(root), None if fictional else provenance.repository())


def fictional(root: Path) -> bool:
    """Whether the project's site configuration (mkdocs.yml, which both builders read) marks its
    council as invented (extra: fictional: true), as the example's does. No such file: not marked."""
    path = root / "mkdocs.yml"
    if not path.is_file():
        return False

    class Loader(yaml.SafeLoader):
        """Reads the file without running its tags (!ENV …): only extra: is wanted."""

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    config = yaml.load(path.read_text(encoding="utf-8"), Loader)  # noqa: S506 - tags run nothing
    extra = config.get("extra") if isinstance(config, dict) else None
    return bool(isinstance(extra, dict) and extra.get("fictional"))


def write_downloads(portal: Portal, out_dir: Path, site_url: str, history: RecordHistory, made: str) -> list[str]:
    """The downloads, feeds and calendar: made again only when what they are made from (`made`, the
    digest of made_from) has changed since they were made, or one of them is missing (a plain
    `mkdocs build` after `make prepare` runs this step again, and makes nothing)."""
    stamp = out_dir / STAMP
    if stamp.is_file():
        recorded, *files = stamp.read_text(encoding="utf-8").splitlines()
        if recorded == made and all((out_dir / name).is_file() for name in files):
            return []
    changes = write_exports(portal, out_dir, site_url, history)
    written = sorted(p.relative_to(out_dir).as_posix() for p in out_dir.rglob("*") if p.is_file() and p != stamp)
    stamp.write_text("\n".join([made, *written]) + "\n", encoding="utf-8")
    return changes


def made_from(root: Path, site_url: str, history: RecordHistory) -> str:
    """A digest of everything the generated files and pages are made from besides the build's facts:
    the data, the portal's code and the libraries that shape the downloads, the site's address and
    the records' history."""
    digest = hashlib.sha256(site_url.rstrip("/").encode())  # MkDocs adds a "/" to site_url; Zensical does not
    digest.update(repr((history.unavailable, history.changes)).encode())
    digest.update(" ".join(f"{name}={metadata.version(name)}" for name in MADE_BY).encode())
    for folder, label in ((root / "data", "data"), (CODE, "code")):
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            digest.update(f"\0{label}/{path.relative_to(folder).as_posix()}\0".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def record_changes(root: Path, repository: Repository | None) -> RecordHistory:
    """Each record's changes, read from the repository the project is in (links to each change when
    its address is known). A commit message the safeguarding check would stop is not published."""
    return record_history(root, repository, withhold=flags(root))


def write_pages(
    portal: Portal, root: Path, docs_dir: Path, renderer: Renderer, meanwhile: Callable[[], list[str]] = list
) -> list[str]:
    """Create and update the pages the data asks for, and remove generated pages whose record has
    gone (running `meanwhile` while they are rendered, with what it changed first). A page a person
    wrote is never replaced: a record whose page would replace it is a problem."""
    made = _made_pages(docs_dir)
    clashes = page_clashes(portal, root, docs_dir, made)
    if clashes:
        raise DataProblems(clashes)
    wanted = page_paths(portal)
    pages, changes = render_pages(renderer, wanted, meanwhile)
    changes += write_changed(docs_dir, {path: text.encode("utf-8") for path, text in pages.items()})
    for path in sorted(made - wanted.keys()):
        (docs_dir / path).unlink()
        if path.endswith("/index.md") and not any((docs_dir / path).parent.iterdir()):
            (docs_dir / path).parent.rmdir()
        changes.append(f"removed {docs_dir / path}")
    return changes


def page_clashes(portal: Portal, root: Path, docs_dir: Path, made: set[str] | None = None) -> list[Problem]:
    """A page a person wrote in docs/ where a record's page would go (the build never replaces one):
    at the same place, or as folder/<id>.md, which is published at the same address. `made`: the
    pages in docs/ the build made, when already known."""
    where = docs_dir.relative_to(root).as_posix()
    made = _made_pages(docs_dir) if made is None else made
    return [
        Problem(
            f"{where}/{written}",
            1,
            "this page was written by hand, and a record in data/ has the same "
            "ID, so its page would replace this one — give the record another ID, or rename this page",
        )
        for path in sorted(page_paths(portal))
        for written in (path, path.removesuffix("/index.md") + ".md")
        if written not in made and (docs_dir / written).exists()
    ]


def _made_pages(docs_dir: Path) -> set[str]:
    return {path for path, text in _pages_in(docs_dir).items() if is_generated(text)}


def _pages_in(docs_dir: Path) -> dict[str, str]:
    """docs/-relative path -> the start of the page (where its front matter is), for every page in
    the folders the build makes pages in: each record's folder/<id>/index.md, and folder/<id>.md as
    earlier builds made them and people write."""
    return {
        path.relative_to(docs_dir).as_posix(): _start(path)
        for folder in PAGE_FOLDERS
        for pattern in ("*.md", "*/index.md")
        for path in sorted((docs_dir / folder).glob(pattern))
        if path.is_file()
    }


def _start(path: Path) -> str:
    with path.open(encoding="utf-8", errors="replace") as page:
        return page.read(4096)  # the marker is the front matter's first line
