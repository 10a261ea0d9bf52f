"""Both builders' sites, built as a council would build them: `make build` (MkDocs with Material) and
`make build-zensical` (Zensical), each in a fresh checkout of the repository of its own, so that
every file the pre-build step makes is made for the first time by the build under test."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from sites import PROJECT, PUBLISHING_SETTINGS

VENV = PROJECT / ".venv"
# What `make` runs, and what it would otherwise install again in a checkout of its own.
STAMPS = (".installed", ".installed-dev", ".installed-zensical")
TARGETS = {  # (builder, site) -> (make target, where the site goes in the checkout)
    ("mkdocs", "real"): ("build", "site"),
    ("zensical", "real"): ("build-zensical", "site"),
    ("mkdocs", "example"): ("example", "site-example"),
    ("zensical", "example"): ("example-zensical", "site-example"),
}
WHEN = "2026-11-02T09:00:00+00:00"  # the checkout's one commit: the same SHA in every checkout


def git(root: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "A clerk", "GIT_AUTHOR_EMAIL": "clerk@example.org",
           "GIT_COMMITTER_NAME": "A clerk", "GIT_COMMITTER_EMAIL": "clerk@example.org",
           "GIT_AUTHOR_DATE": WHEN, "GIT_COMMITTER_DATE": WHEN, "GIT_CONFIG_GLOBAL": os.devnull,
           "GIT_CONFIG_NOSYSTEM": "1"}
    result = subprocess.run(["git", *args], cwd=root, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout


def checkout(root: Path) -> Path:
    """The repository as a fresh clone holds it (the files git tracks or would track, links kept as
    links, nothing the build makes), committed once: its records' history is read from git."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=PROJECT,
                            capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = PROJECT / name
        if not source.is_symlink() and not source.exists():
            continue  # deleted in the working tree, not yet committed
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        if source.is_symlink():
            (root / name).symlink_to(os.readlink(source))
        else:
            shutil.copy2(source, root / name)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "The portal")
    return root


def make(root: Path, target: str, **settings: str) -> subprocess.CompletedProcess:
    """`make TARGET` in a checkout, with this project's installed tools (nothing is installed again)
    and only the publishing settings given."""
    env = {k: v for k, v in os.environ.items() if k not in PUBLISHING_SETTINGS and k != "PORTAL_BUILDER"}
    env.update(settings)
    old = [arg for stamp in STAMPS for arg in ("-o", f"{VENV}/{stamp}")]
    return subprocess.run(["make", "--no-print-directory", target, f"VENV={VENV}", *old], cwd=root, env=env,
                          capture_output=True, text=True, timeout=600)


def build_site(folder: Path, builder: str, site: str, **settings: str) -> Path:
    """Build the real portal or the example with one builder in a fresh checkout; returns the site."""
    target, out = TARGETS[builder, site]
    root = checkout(folder)
    result = make(root, target, **settings)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "WARNING" not in result.stderr, result.stderr
    return root / out
