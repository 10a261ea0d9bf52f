"""Which build of the portal a page shows, and where its data files live for a "suggest a change" link.

Read from the environment, so the publishing workflow can say (tests fix them too):
PORTAL_VERSION (else `git rev-parse --short HEAD`, else "unknown"), PORTAL_REPO_URL (the
repository's web address; no edit links when unset) and PORTAL_REPO_BRANCH (default "main").
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

VERSION, REPO_URL, REPO_BRANCH = "PORTAL_VERSION", "PORTAL_REPO_URL", "PORTAL_REPO_BRANCH"


class BadRepository(ValueError):
    """PORTAL_REPO_URL or PORTAL_REPO_BRANCH is set to something that cannot make a link."""


def version(project: Path, environ: dict[str, str] | None = None) -> str:
    """The version the build shows: PORTAL_VERSION, else the checked-out commit, else "unknown"."""
    value = (os.environ if environ is None else environ).get(VERSION, "").strip()
    if value:
        return value
    try:
        result = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=project, capture_output=True, text=True, timeout=10
        )
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return result.stdout.strip() if result.returncode == 0 and result.stdout.strip() else "unknown"


@dataclass(frozen=True)
class Repository:
    """The repository the portal's files are kept in, on the web (GitHub's address layout)."""

    url: str
    branch: str = "main"

    @property
    def issues_url(self) -> str:
        """Where anyone can report a problem with the website, in public."""
        return f"{self.url}/issues"

    def edit_url(self, path: str) -> str:
        """Where a file (e.g. data/minutes/x.md) opens in the repository's editor, which offers a
        pull request to anyone who may not change it directly."""
        return f"{self.url}/edit/{quote(self.branch)}/{quote(path)}"

    def commit_url(self, sha: str) -> str:
        """Where one commit (one change to the portal's files) is shown on the repository's site."""
        return f"{self.url}/commit/{sha}"


def repository(environ: dict[str, str] | None = None) -> Repository | None:
    env = os.environ if environ is None else environ
    url = env.get(REPO_URL, "").strip().rstrip("/")
    branch = env.get(REPO_BRANCH, "").strip() or "main"
    if not url:
        return None
    if not re.fullmatch(r"https://[^\s\"'<>]+", url):
        raise BadRepository(
            f"{REPO_URL}={url!r} is not a web address — set it to the repository's "
            f"address starting https://, for example https://github.com/council/portal, "
            f"or unset it to leave out the 'suggest a change' links"
        )
    if not re.fullmatch(r"[\w./-]+", branch) or ".." in branch:
        raise BadRepository(
            f"{REPO_BRANCH}={branch!r} is not a branch name — set it to the branch "
            f"clerks change, for example main, or unset it"
        )
    return Repository(url, branch)
