"""The one step every builder runs first: everything made from the data, written into docs/.

The pages of each recommendation and minutes file, the open data downloads, feeds and calendar
(with each record's history, read from the repository), and the JSON Schemas of the data files.
MkDocs runs it through the macros adapter (define_env, before it collects the files) and `make
build` and `make serve` run it as `python -m macros prepare`, so every builder — MkDocs, `mkdocs
serve`, Zensical — finds the same files. Only files whose content changed are written, so
`mkdocs serve` rebuilds once after a change and settles.
"""

from __future__ import annotations

from pathlib import Path

from .clerks.safeguarding import flags
from .data.history import RecordHistory, record_history
from .data.portal import Portal
from .data.problems import DataProblems, Problem
from .data.provenance import Repository
from .publish.exports import write_exports
from .publish.schemas import write_schemas
from .publish.writing import write_changed
from .site.pages import PAGE_FOLDERS, is_generated, page_files
from .site.render import DATA_FOLDER


def prepare(
    portal: Portal, root: Path, docs_dir: Path, site_url: str, history: RecordHistory | None = None
) -> list[str]:
    """Write every generated file for a loaded portal (and its records' history, for the download);
    returns what changed, for a person to see."""
    changes = write_pages(portal, root, docs_dir)
    changes += write_exports(portal, docs_dir / DATA_FOLDER, site_url, history)
    changes += write_schemas(root)
    return changes


def record_changes(root: Path, repository: Repository | None) -> RecordHistory:
    """Each record's changes, read from the repository the project is in (links to each change when
    its address is known). A commit message the safeguarding check would stop is not published."""
    return record_history(root, repository, withhold=flags(root))


def write_pages(portal: Portal, root: Path, docs_dir: Path) -> list[str]:
    """Create and update the pages the data asks for, and remove generated pages whose record has
    gone. A page a person wrote is never replaced: a record whose page would replace it is a problem."""
    clashes = page_clashes(portal, root, docs_dir)
    if clashes:
        raise DataProblems(clashes)
    wanted = page_files(portal)
    made = _made_pages(docs_dir)
    changes = write_changed(docs_dir, {path: text.encode("utf-8") for path, text in wanted.items()})
    for path in sorted(made - wanted.keys()):
        (docs_dir / path).unlink()
        changes.append(f"removed {docs_dir / path}")
    return changes


def page_clashes(portal: Portal, root: Path, docs_dir: Path) -> list[Problem]:
    """A page a person wrote in docs/ where a record's page would go (the build never replaces one)."""
    where = docs_dir.relative_to(root).as_posix()
    return [
        Problem(
            f"{where}/{path}",
            1,
            "this page was written by hand, and a record in data/ has the same "
            "ID, so its page would replace this one — give the record another ID, or rename this page",
        )
        for path in sorted(page_files(portal).keys() - _made_pages(docs_dir))
        if (docs_dir / path).exists()
    ]


def _made_pages(docs_dir: Path) -> set[str]:
    return {path for path, text in _pages_in(docs_dir).items() if is_generated(text)}


def _pages_in(docs_dir: Path) -> dict[str, str]:
    """docs/-relative path -> text, for every page in the folders the build makes pages in."""
    return {
        path.relative_to(docs_dir).as_posix(): path.read_text(encoding="utf-8")
        for folder in PAGE_FOLDERS
        for path in sorted((docs_dir / folder).glob("*.md"))
        if path.is_file()
    }
