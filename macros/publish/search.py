"""The site's search index, made by Pagefind from the built pages, so it works with any builder
(MkDocs, `mkdocs serve`, Zensical): run after the build, it writes pagefind/ beside the pages.

Pagefind splits the index into small pieces, and the search page (docs/search/index.md) fetches only
those its words need, and only once a reader searches: nothing is loaded with the other pages.
It indexes each page's article (not the menu, the header or the footer), leaves out the links to
edit the data and other furniture, and weights the title of each page as Pagefind does.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

FOLDER = "pagefind"  # where the index is published on the site, beside the pages
# What is indexed on each page, and what in it is furniture rather than content.
ROOT = "article.md-content__inner"
FURNITURE = (
    ".headerlink",
    ".sp-edit",
    ".sp-back",
    ".sp-neighbours",
    ".sp-record-years",
    ".sp-minute-index",
    ".sp-search-page",
    "#sp-search-status",
    ".sp-search-results",
)


class SearchIndexFailed(Exception):
    """Pagefind could not index the site; the message says what it printed."""


def index_site(site_dir: Path, output: Path | None = None) -> str:
    """Index the built site in site_dir into output (default: site_dir/pagefind/, replacing an
    older index there). Returns Pagefind's summary of what it indexed."""
    output = output or site_dir / FOLDER
    if output.exists():
        shutil.rmtree(output)  # no stale pieces of an earlier index
    command = [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(site_dir),
        "--output-path",
        str(output),
        "--root-selector",
        ROOT,
        "--force-language",
        "en",
    ]
    for selector in FURNITURE:
        command += ["--exclude-selectors", selector]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0 or not (output / "pagefind.js").is_file():
        raise SearchIndexFailed(
            f"{site_dir}: the search index could not be made — Pagefind said:\n{result.stdout}{result.stderr}"
        )
    return result.stdout
