"""The data folder's past, as the repository recorded it: every commit that changed it, and the
files each commit wrote. Read through `git` (a subprocess with a time limit), never by MkDocs.

Only the main line counts (`git log --first-parent`): a change joins the public record when it
reaches the published branch, so a merged pull request is one change, dated when it was merged.
Anything that stops the history being read (no git, a copy without .git, a shallow clone, data
files not tracked) raises Unavailable with a sentence a reader of the site understands.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

TIMEOUT = 120  # seconds for any one git command; a few hundred commits take well under one
NO_BLOB = "0" * 40


class Unavailable(Exception):
    """The repository's history cannot be read here; the message says why, for the site's readers."""


@dataclass(frozen=True)
class Commit:
    """One commit on the main line that changed the data folder."""

    sha: str
    date: dt.datetime  # when it was committed (for a merged pull request: when it was merged)
    message: str  # the commit's one-line description
    url: str | None = None  # the commit on the repository's website, when its address is known


@dataclass(frozen=True)
class FileChange:
    """A data file as one commit left it: its path from the project folder and its new content's
    blob (None when the commit deleted it)."""

    path: str
    blob: str | None


def git(project: Path, *args: str, stdin: bytes | None = None) -> bytes:
    """Run one git command in the project folder; its output, or Unavailable saying why not."""
    try:
        result = subprocess.run(
            ["git", "-c", "core.quotepath=off", *args],
            cwd=project,
            input=stdin,
            capture_output=True,
            timeout=TIMEOUT,
        )
    except FileNotFoundError:
        raise Unavailable("git is not installed where the site was built") from None
    except subprocess.TimeoutExpired:
        raise Unavailable(f"reading the repository's history took longer than {TIMEOUT} seconds") from None
    except OSError as error:
        raise Unavailable(f"git could not be run where the site was built ({error.strerror})") from None
    if result.returncode != 0:
        if b"not a git repository" in result.stderr:
            raise Unavailable("the site was built from a copy of the files without the repository's history")
        if b"dubious ownership" in result.stderr:
            raise Unavailable(
                "git would not read the repository, which belongs to another user (see git's safe.directory)"
            )
        raise Unavailable("git could not read the repository's history where the site was built")
    return result.stdout


def head(project: Path, folder: str) -> str:
    """The checked-out commit, after checking that its whole history is here and holds the data."""
    if git(project, "rev-parse", "--is-shallow-repository").strip() == b"true":
        raise Unavailable(
            "the site was built from a shallow clone, which holds only the latest commits "
            "(a publishing workflow needs fetch-depth: 0 to check out the full history)"
        )
    if not git(project, "ls-files", "--", folder).strip():
        raise Unavailable(f"the {folder} folder is not kept in the repository the site was built in")
    return git(project, "rev-parse", "HEAD").decode().strip()


def data_commits(project: Path, folder: str) -> list[tuple[Commit, list[FileChange]]]:
    """Every main-line commit that changed the folder, oldest first, with the files it wrote."""
    output = git(
        project,
        "log",
        "--first-parent",
        "--diff-merges=first-parent",
        "--reverse",
        "--raw",
        "--no-renames",
        "--no-abbrev",
        "--relative",
        "-z",
        "--format=%H%x1f%cI%x1f%P%x1f%B%x1e",
        "--",
        folder,
    ).decode("utf-8", errors="replace")
    commits: list[tuple[Commit, list[FileChange]]] = []
    tokens = iter(output.split("\0"))
    for token in tokens:
        token = token.lstrip("\n")
        if token.startswith(":"):  # ":<modes> <old blob> <new blob> <status>", then the path
            new_blob = token.split()[3]
            commits[-1][1].append(FileChange(next(tokens), None if new_blob == NO_BLOB else new_blob))
        elif token:
            sha, date, parents, message = token.rstrip("\x1e").split("\x1f", 3)
            commit = Commit(sha, dt.datetime.fromisoformat(date), one_line(message, len(parents.split()) > 1))
            commits.append((commit, []))
    return commits


def one_line(message: str, merge: bool) -> str:
    """A commit message's first line; for a pull request merged on GitHub, the request's title."""
    lines = [line.strip() for line in message.strip().splitlines() if line.strip()]
    if not lines:
        return "(no description)"
    if merge and re.match(r"Merge pull request #\d+ ", lines[0]) and len(lines) > 1:
        return lines[1]
    return lines[0]


def read_blobs(project: Path, blobs: list[str]) -> dict[str, bytes]:
    """The content of each blob, read in one `git cat-file --batch`."""
    if not blobs:
        return {}
    output = git(project, "cat-file", "--batch", stdin="".join(f"{blob}\n" for blob in blobs).encode())
    found: dict[str, bytes] = {}
    position = 0
    for blob in blobs:
        end = output.index(b"\n", position)
        header = output[position:end].split()
        if len(header) < 3 or header[1] != b"blob":  # "<blob> missing"
            raise Unavailable("the repository's history is incomplete where the site was built")
        size = int(header[2])
        found[blob] = output[end + 1 : end + 1 + size]
        position = end + 1 + size + 1
    return found
