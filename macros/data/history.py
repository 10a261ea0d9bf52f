"""Each record's history, from the repository: every commit that changed a recommendation (or one
of its progress updates), a resolution or an action, and what it changed, in words.

Every version of every data file is read with the portal's own strict loader and model, and the
records compared, never the text: re-indenting a file or moving an update to another file is no
change, and a status edited on a line is "status changed from in progress to at risk". A version
the portal could not read (a commit that broke a file) is passed over: the record's next readable
version is compared with its last.

Reading versions is the expensive part, so each is read once and kept in a cache folder (by its
blob and by the code that read it). A build runs one `git log`, one `git cat-file` for versions
not yet cached, and compares only the records of the files each commit changed: the cost is
linear in commits × files changed, however long the history.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import model
from .files import file_type
from .gitlog import Commit, FileChange, Unavailable, data_commits, head, read_blobs
from .history_words import describe, status_change
from .load import read_version
from .provenance import Repository

FOLDER = "data"
CACHE = Path(".cache") / "history"  # in the project folder; git-ignored
# The records followed, by the file that holds them.
FOLLOWED = (model.RecommendationSet, model.ProgressFile, model.ResolutionsFile, model.ActionsFile)

WITHHELD = "(description not published: the safeguarding check found what may be personal data in it)"
ORDER = {"record": 0, "status": 1}  # what is said first about a record in one commit
Snapshot = dict[str, dict[str, Any]]  # "kind:id" (or "update:<recommendation>:<date>") → values


@dataclass(frozen=True)
class Change:
    """One thing one commit changed in one record, in words."""

    commit: Commit
    kind: str  # "recommendation" (its progress updates included), "resolution" or "action"
    record: str  # the record's ID
    field: str  # what it is about: "record", "status", "title", "target", "update", "update summary" …
    text: str  # e.g. "status changed from in progress to at risk"


@dataclass(frozen=True)
class Entry:
    """One commit's changes to one record, as a record's history lists them."""

    commit: Commit
    changes: list[str]


class RecordHistory:
    """The changes to every record, with one lookup per record (built once)."""

    def __init__(self, changes: list[Change], unavailable: str | None = None):
        self.changes = changes  # oldest first
        self.unavailable = unavailable  # why there is no history, in words, or None
        self._entries: dict[tuple[str, str], list[Entry]] = {}
        for change in changes:
            entries = self._entries.setdefault((change.kind, change.record), [])
            if not entries or entries[-1].commit != change.commit:
                entries.append(Entry(change.commit, []))
            entries[-1].changes.append(change.text)

    @property
    def available(self) -> bool:
        return self.unavailable is None

    def of(self, kind: str, record_id: str) -> list[Entry]:
        """A record's changes, one entry per commit, newest first."""
        return self._entries.get((kind, record_id), [])[::-1]


def record_history(
    project: Path,
    repository: Repository | None = None,
    withhold: Callable[[str], bool] | None = None,
    cache: Path | None = CACHE,
) -> RecordHistory:
    """The history of the project's records from its repository, or one that says why there is none.
    A commit message that `withhold` flags (the safeguarding check) is not published."""
    try:
        head(project, FOLDER)
        commits = data_commits(project, FOLDER)
        followed = [(commit, [c for c in files if file_type(c.path) in FOLLOWED]) for commit, files in commits]
        versions = Versions(project, None if cache is None else project / cache)
        snapshots = versions.read({c.blob: c.path for _, files in followed for c in files if c.blob})
    except Unavailable as reason:
        return RecordHistory([], unavailable=str(reason))
    tracker = Tracker(snapshots)
    for commit, files in followed:
        if files:
            url = repository.commit_url(commit.sha) if repository else None
            message = WITHHELD if withhold and withhold(commit.message) else commit.message
            tracker.apply(Commit(commit.sha, commit.date, message, url), files)
    return RecordHistory(tracker.changes)


def snapshot(record: model.Record) -> Snapshot:
    """The records one version of a file holds, as plain values (what the cache keeps)."""
    if isinstance(record, model.RecommendationSet):
        pairs: Iterable[tuple[str, model.Record]] = ((f"recommendation:{r.id}", r) for r in record.recommendations)
    elif isinstance(record, model.ProgressFile):
        pairs = ((f"update:{u.recommendation}:{u.date.isoformat()}", u) for u in record.updates)
    elif isinstance(record, model.ResolutionsFile):
        pairs = ((f"resolution:{r.id}", r) for r in record.resolutions)
    else:
        assert isinstance(record, model.ActionsFile)
        pairs = ((f"action:{a.id}", a) for a in record.actions)
    return {key: plain(item) for key, item in pairs}


def plain(record: model.Record) -> dict[str, Any]:
    """A record's values, leaving out what is not there (an empty list is no value)."""
    values = record.model_dump(mode="json")
    return {name: v for name, v in values.items() if v not in (None, [], {})}


class Versions:
    """Versions of data files read with the portal's loader, each once: kept in a cache folder
    named after the code that reads them, so changing that code reads every version again."""

    def __init__(self, project: Path, cache: Path | None):
        self.project = project
        self.folder = cache / code_fingerprint() if cache else None

    def read(self, paths: dict[str, str]) -> dict[str, Snapshot | None]:
        """Each blob (with a path it was at) → the records it holds, or None if it cannot be read."""
        found: dict[str, Snapshot | None] = {}
        missing: dict[str, str] = {}
        for blob, path in paths.items():
            kept, records = self._cached(blob, path)
            if kept:
                found[blob] = records
            else:
                missing[blob] = path
        for blob, raw in read_blobs(self.project, list(missing)).items():
            record_type = file_type(missing[blob])
            assert record_type is not None
            record = read_version(missing[blob], raw, record_type)
            found[blob] = snapshot(record) if record is not None else None
            self._keep(blob, missing[blob], found[blob])
        return found

    def _file(self, blob: str, path: str) -> Path | None:
        record_type = file_type(path)
        return self.folder / f"{record_type.__name__ if record_type else 'none'}-{blob}.json" if self.folder else None

    def _cached(self, blob: str, path: str) -> tuple[bool, Snapshot | None]:
        """Whether the version is in the cache, and its records (None: it could not be read)."""
        file = self._file(blob, path)
        try:
            return (True, json.loads(file.read_text(encoding="utf-8"))["records"]) if file else (False, None)
        except (OSError, ValueError, KeyError):
            return False, None

    def _keep(self, blob: str, path: str, records: Snapshot | None) -> None:
        file = self._file(blob, path)
        if file is None:
            return
        try:
            if not file.parent.is_dir():  # new code reads every version again: what older code kept goes
                for older in file.parent.parent.glob("*"):
                    shutil.rmtree(older, ignore_errors=True)
            file.parent.mkdir(parents=True, exist_ok=True)
            partial = file.with_suffix(f".{os.getpid()}.tmp")
            partial.write_text(json.dumps({"records": records}, ensure_ascii=False), encoding="utf-8")
            partial.replace(file)  # whole or not at all, even with two builds at once
        except OSError:
            pass  # a folder that cannot be written only makes the next build slower


def code_fingerprint() -> str:
    """Changes whenever the code that reads a version, or what it keeps of it, changes."""
    here = Path(__file__).parent
    digest = hashlib.sha256()
    for name in ("model.py", "yamlload.py", "load.py", "history.py"):
        digest.update((here / name).read_bytes())
    return digest.hexdigest()[:16]


class Tracker:
    """Walks the commits oldest first, keeping each file's records as last read, and says what
    each commit changed in the records of the files it wrote."""

    def __init__(self, snapshots: dict[str, Snapshot | None]):
        self.snapshots = snapshots
        self.files: dict[str, Snapshot] = {}
        self.statuses: dict[str, dict[str, str]] = {}  # recommendation → {update date: status}
        self.changes: list[Change] = []

    def apply(self, commit: Commit, files: list[FileChange]) -> None:
        before = {key: values for file in files for key, values in self.files.get(file.path, {}).items()}
        for file in files:
            new = self.snapshots.get(file.blob) if file.blob else {}
            if new is not None:  # an unreadable version is passed over
                self.files[file.path] = new
        after = {key: values for file in files for key, values in self.files.get(file.path, {}).items()}
        changed = [key for key in dict.fromkeys([*after, *before]) if before.get(key) != after.get(key)]
        status_before = {rec: self.status(rec) for rec in self._updated(changed)}
        for key in changed:
            if key.startswith("update:"):
                _, rec, day = key.split(":")
                if key in after:
                    self.statuses.setdefault(rec, {})[day] = after[key]["status"]
                else:
                    self.statuses.get(rec, {}).pop(day, None)
        said: dict[tuple[str, str], list[tuple[str, str]]] = {}
        for rec, status in status_before.items():
            if status != self.status(rec):
                said.setdefault(("recommendation", rec), []).append(status_change(status, self.status(rec)))
        for key in changed:
            kind, record, *_ = key.split(":")
            where = ("recommendation" if kind == "update" else kind, record)
            said.setdefault(where, []).extend(describe(kind, before.get(key), after.get(key)))
        for (kind, record), sentences in said.items():
            # A record added or removed is said first, then its status, its own fields, its updates.
            for field, text in sorted(sentences, key=lambda s: ORDER.get(s[0], 3 if s[0].startswith("update") else 2)):
                self.changes.append(Change(commit, kind, record, field, text))

    @staticmethod
    def _updated(keys: list[str]) -> list[str]:
        return list(dict.fromkeys(key.split(":")[1] for key in keys if key.startswith("update:")))

    def status(self, rec: str) -> str | None:
        """A recommendation's status: that of its newest update."""
        updates = self.statuses.get(rec)
        return updates[max(updates)] if updates else None
