"""A throw-away git repository holding a copy of the portal, with commits made by a script: the
history tests and the benchmark build its records' history from it."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from sites import PROJECT, add_build_files


class ScriptedRepository:
    """A copy of the real project (data/, docs/ and what a build needs) under git, on branch main."""

    def __init__(self, root: Path):
        self.root = root
        for folder in ("data", "docs"):
            shutil.copytree(PROJECT / folder, root / folder)
        add_build_files(root)
        (root / ".gitignore").write_text(".cache/\nsite/\ndocs/data/\ndocs/schemas/\n__pycache__/\n")
        self.git("init", "-q", "-b", "main")

    def git(self, *args: str, when: str = "2024-01-01T09:00:00+00:00") -> str:
        env = {**os.environ, "GIT_AUTHOR_NAME": "A clerk", "GIT_AUTHOR_EMAIL": "clerk@example.org",
               "GIT_COMMITTER_NAME": "A clerk", "GIT_COMMITTER_EMAIL": "clerk@example.org",
               "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when, "GIT_CONFIG_GLOBAL": os.devnull,
               "GIT_CONFIG_NOSYSTEM": "1"}
        result = subprocess.run(["git", *args], cwd=self.root, env=env, capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stderr
        return result.stdout.strip()

    def commit(self, message: str, when: str) -> str:
        """Commit everything as it is now; returns the commit's SHA."""
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", message, when=when)
        return self.git("rev-parse", "HEAD")

    def read(self, relative: str) -> str:
        return (self.root / relative).read_text(encoding="utf-8")

    def write(self, relative: str, text: str) -> None:
        (self.root / relative).parent.mkdir(parents=True, exist_ok=True)
        (self.root / relative).write_text(text, encoding="utf-8")

    def replace(self, relative: str, old: str, new: str) -> None:
        text = self.read(relative)
        assert old in text, f"{relative} no longer contains {old!r}; update the test"
        self.write(relative, text.replace(old, new, 1))


def progress_file(rec_id: str, date: str, status: str, reason: str | None, summary: str) -> str:
    """A progress file with one update whose source is a published document."""
    return (
        "updates:\n"
        f"  - recommendation: {rec_id}\n"
        f"    date: {date}\n"
        f"    status: {status}\n"
        + (f"    reason: {reason}\n" if reason else "")
        + f"    summary: {summary}\n"
        "    source:\n"
        "      document: Progress report to the committee\n"
        "      publisher: The council\n      kind: council paper\n      url: https://example.org/progress-report\n"
    )
