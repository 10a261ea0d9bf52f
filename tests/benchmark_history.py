"""Benchmark of each record's history (macros/data/history.py) on a long history: a copy of the real
portal under git with a few hundred scripted commits, as a committee's clerks would make over years
(a progress file for each meeting, statuses changing with their reasons, notes on recommendations
written and corrected, updates deleted).

It times reading the history with an empty cache (the first build on a machine, as in CI) and with
the cache a previous build left, at two lengths of history, so the growth shows: the cost should
grow in step with the number of commits, not faster. Run on its own with
`.venv/bin/python tests/benchmark_history.py`; `make benchmark` runs it after the other figures.
"""

from __future__ import annotations

import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from history_repo import ScriptedRepository, progress_file  # noqa: E402

from macros.data.history import CACHE, record_history  # noqa: E402

COMMITS = (150, 300)  # two lengths of history, to see how the cost grows
TARGETS = {"with the cache, seconds": 2.0, "empty cache, seconds": 30.0}  # at the longer history
RECS = "data/recommendations/ofsted-2019.yaml"
STATUSES = ("in progress", "at risk", "in progress", "off track", "in progress", "complete")


def scripted_history(repo: ScriptedRepository, commits: int, start: int = 0) -> None:
    """Add commits to the repository: each a meeting's progress on three recommendations; every
    tenth also writes or corrects a note on a recommendation, and every twenty-fifth deletes an
    earlier meeting's updates."""
    for n in range(start, start + commits):
        year, day = 2020 + n // 300, 1 + n % 300
        date = f"{year}-{1 + day // 28 % 12:02d}-{1 + day % 28:02d}"
        updates = [progress_file(f"ofsted-2019-r{1 + (3 * n + k) % 12:02d}", date, STATUSES[(n + k) % len(STATUSES)],
                                 f"Reason {n}.{k}.", f"Benchmark update {n}.{k}.").removeprefix("updates:\n")
                   for k in range(3)]
        repo.write(f"data/progress/{date}.yaml", "updates:\n" + "".join(updates))
        if n % 10 == 5:  # a note on a recommendation written, or corrected
            record = f"  - id: ofsted-2019-r{1 + n // 10 % 12:02d}\n"
            text = re.sub(re.escape(record) + r"(    note: .*\n)?", f"{record}    note: Note {n}.\n", repo.read(RECS))
            repo.write(RECS, text)
        if n % 25 == 24:
            earlier = sorted((repo.root / "data" / "progress").glob("20*.yaml"))[-5]
            earlier.unlink()
        repo.commit(f"Progress reported on {date}", f"{date}T09:00:00+00:00")


def timings(root: Path) -> tuple[float, float, int]:
    """Seconds to read the history with an empty cache, then with the cache; the changes found."""
    shutil.rmtree(root / CACHE, ignore_errors=True)
    start = time.perf_counter()
    history = record_history(root)
    cold = time.perf_counter() - start
    start = time.perf_counter()
    assert record_history(root).changes == history.changes
    warm = time.perf_counter() - start
    assert history.available, history.unavailable
    return cold, warm, len(history.changes)


def history_benchmark() -> int:
    """Print the history's cost at each length of history; the number of targets missed."""
    print("\nEach record's history, from a repository with a scripted history of commits:")
    print(f"{'commits':>8}{'changes':>10}{'empty cache, s':>17}{'with the cache, s':>20}")
    with tempfile.TemporaryDirectory() as temp:
        repo = ScriptedRepository(Path(temp) / "portal")
        repo.commit("Add the portal's data", "2019-12-01T09:00:00+00:00")
        done, figures = 0, {}
        for commits in COMMITS:
            scripted_history(repo, commits - done, start=done)
            done = commits
            cold, warm, changes = timings(repo.root)
            figures = {"empty cache, seconds": cold, "with the cache, seconds": warm}
            print(f"{commits:>8}{changes:>10}{cold:>17.2f}{warm:>20.2f}")
    missed = 0
    for name, target in TARGETS.items():
        ok = figures[name] <= target
        missed += not ok
        print(f"At {COMMITS[-1]} commits, {name} ≤ {target:g}: {'ok' if ok else 'MISSED'}")
    return missed


if __name__ == "__main__":
    sys.exit(1 if history_benchmark() else 0)
