"""What the theme's templates need from the build, written into docs/ by the pre-build step, so that
every builder publishes the same: robots.txt, and the facts every page's footer shows.

The facts (the build date, the version, where to report a problem) go into docs/.meta.yml, which
the meta plugin of both builders (Material's and Zensical's own) merges into every page's
metadata; the theme reads them from the home page's (overrides/partials/: the 404 page has no
metadata of its own). No builder's configuration is changed while it builds: Zensical reads its
configuration before any of the portal's code runs. The facts also say what the pages were made
from, so a builder that renders page by page (Zensical) can reuse one loaded portal for them all,
and knows when docs/ was prepared from other data.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import yaml

from ..data.clock import long_date
from ..data.provenance import Repository

META_FILE = ".meta.yml"  # Material's and Zensical's name for it; builders do not publish dot files
KEY = "portal_build"  # the facts' key in every page's metadata


@dataclass(frozen=True)
class BuildFacts:
    """Which build of the portal the pages show, and the repository that takes reports and changes."""

    date: dt.date  # the build date: every "as at" and "overdue" is as at it
    version: str
    repository: Repository | None

    def meta(self, made_from: str) -> dict:
        """The facts as page metadata (what the theme's footer reads), with what the pages are made from."""
        repository = self.repository
        return {
            KEY: {
                "date": long_date(self.date),
                "date_iso": self.date.isoformat(),
                "version": self.version,
                "issues": repository.issues_url if repository else None,
                "repository": {"url": repository.url, "branch": repository.branch} if repository else None,
                "made_from": made_from,
            }
        }

    @classmethod
    def from_meta(cls, facts: dict) -> BuildFacts:
        """The facts back from a page's metadata (as the pre-build step wrote them)."""
        repository = facts.get("repository")
        return cls(
            dt.date.fromisoformat(facts["date_iso"]),
            facts["version"],
            Repository(repository["url"], repository["branch"]) if repository else None,
        )


def furniture_files(facts: BuildFacts, site_url: str, made_from: str) -> dict[str, bytes]:
    """docs/-relative path → content: the facts for every page's metadata, and robots.txt."""
    meta = (
        "# Made by the portal's pre-build step (macros/build.py) for every page's metadata: the\n"
        "# facts the footer shows. Do not edit: it is made again on every build.\n"
    ) + yaml.safe_dump(facts.meta(made_from), sort_keys=True, allow_unicode=True)
    robots = f"User-agent: *\nAllow: /\n\nSitemap: {site_url.rstrip('/')}/sitemap.xml\n"
    return {META_FILE: meta.encode("utf-8"), "robots.txt": robots.encode("utf-8")}
