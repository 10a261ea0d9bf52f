"""Build real sites for tests with `mkdocs build --strict`, and read what they contain."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin

from bs4 import BeautifulSoup

PROJECT = Path(__file__).resolve().parent.parent


def add_build_files(root: Path) -> None:
    """Put what a build needs beside a copied data/ and docs/: the config, the macros package and
    the theme overrides."""
    shutil.copy(PROJECT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(PROJECT / "macros", root / "macros", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(PROJECT / "overrides", root / "overrides", dirs_exist_ok=True)


EXAMPLE = PROJECT / "examples" / "harrowmere"  # the FICTIONAL example council

# Set by the publishing workflow for its own build; a test build sees only what the test sets.
PUBLISHING_SETTINGS = ("PORTAL_SITE_URL", "PORTAL_VERSION", "PORTAL_REPO_URL", "PORTAL_REPO_BRANCH")


def run(root: Path, *args: str, **settings: str) -> subprocess.CompletedProcess:
    """Run a Python module (mkdocs, macros …) in a project folder, as a clerk or CI would, with
    the publishing settings given (PORTAL_VERSION="abc1234" …) and no others."""
    env = {k: v for k, v in os.environ.items() if k not in PUBLISHING_SETTINGS}
    env.update(NO_MKDOCS_2_WARNING="1", **settings)
    return subprocess.run([sys.executable, "-m", *args], cwd=root, env=env, capture_output=True, text=True)


def build(root: Path, site_dir: Path, **settings: str) -> subprocess.CompletedProcess:
    """Build as `make build` does: mkdocs build --strict, then the search index of what it built."""
    result = run(root, "mkdocs", "build", "--strict", "--site-dir", str(site_dir), **settings)
    if result.returncode != 0:
        return result
    indexed = run(PROJECT, "macros", "search-index", "--site", str(site_dir))
    if indexed.returncode != 0:
        return indexed
    return result


class Site:
    """A built site folder, read the way a browser would find it."""

    def __init__(self, folder: Path):
        self.folder = folder
        self._parsed: dict[str, BeautifulSoup] = {}

    def pages(self) -> list[str]:
        """Site-relative URLs of every HTML page, in directory-URL form ('', 'themes/' …)."""
        urls = []
        for path in sorted(self.folder.rglob("*.html")):
            relative = path.relative_to(self.folder).as_posix()
            urls.append(relative[: -len("index.html")] if relative.endswith("index.html") else relative)
        return urls

    def file_for(self, url: str) -> Path:
        path = self.folder / unquote(url)
        return path / "index.html" if url == "" or url.endswith("/") else path

    def html(self, url: str) -> BeautifulSoup:
        if url not in self._parsed:
            self._parsed[url] = BeautifulSoup(self.file_for(url).read_text(encoding="utf-8"), "html.parser")
        return self._parsed[url]

    def content(self, url: str) -> BeautifulSoup:
        """The page's own content (the article), without the theme's navigation and search."""
        return self.html(url).select_one("article.md-content__inner")

    def text(self, url: str) -> str:
        return " ".join(self.content(url).get_text(" ").split())

    def resolve(self, page_url: str, href: str) -> tuple[str, str]:
        """An href on a page → (site-relative URL, fragment)."""
        absolute, fragment = urldefrag(urljoin("http://site/" + page_url, href))
        return absolute[len("http://site/"):], fragment
