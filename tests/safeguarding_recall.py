"""How much of the planted-leak corpus the safeguarding check catches, and what it wrongly reports.

Usage: .venv/bin/python tests/safeguarding_recall.py

Plants every leak in tests/fixtures/safeguarding/planted.yaml into a copy of the real data, once as
a paragraph of the minutes and once in a progress summary (unless the entry says where: some
disguises exist only in Markdown or only in YAML), runs the check exactly as the build does
(macros.clerks.safeguarding.scan over data/), and prints the recall by kind and every miss. The
ordinary committee text in tests/fixtures/safeguarding/ordinary.yaml is planted the same way, and
every finding in it is printed as a false positive. tests/test_safeguarding.py asserts the same
figures: recall of at least 95% and no false positive.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from macros.clerks.safeguarding import scan  # noqa: E402

FIXTURES = PROJECT / "tests" / "fixtures" / "safeguarding"
MINUTES = "data/minutes/cypssc-2019-05-15-item-4.md"
PROGRESS = "data/progress/2019-09-11.yaml"
REQUIRED_RECALL = 0.95


@dataclass(frozen=True, eq=False)
class Placement:
    entry: dict
    file: str
    lines: range  # the lines of the file the planted text is on

    @property
    def label(self) -> str:
        return f"{self.entry['kind']} in {'minutes' if self.file == MINUTES else 'progress'}: {self.entry['text']!r}"


def corpus(name: str) -> list[dict]:
    return yaml.safe_load((FIXTURES / name).read_text(encoding="utf-8"))


def plant(root: Path, entries: list[dict]) -> list[Placement]:
    """Write every entry into root's data (a copy of the real data); returns where each went."""
    placements = []
    minutes = (root / MINUTES).read_text(encoding="utf-8").rstrip("\n").split("\n")
    progress = ["updates:"]
    for entry in entries:
        if entry.get("in", "minutes") == "minutes":
            minutes.append("")
            first = len(minutes) + 1
            minutes += entry["text"].split("\n")
            placements.append(Placement(entry, MINUTES, range(first, len(minutes) + 1)))
        if entry.get("in", "progress") == "progress":
            value = entry.get("yaml") or ">-\n" + "\n".join("      " + line for line in entry["text"].split("\n"))
            progress += ["  - recommendation: ofsted-2019-r01", "    date: 2019-09-11", "    status: in progress"]
            first = len(progress) + 1
            progress += f"    summary: {value}".split("\n")
            placements.append(Placement(entry, PROGRESS, range(first, len(progress) + 1)))
            progress += ["    source:", "      meeting: cypssc-2019-05-15", "      minute: 4.3"]
    (root / MINUTES).write_text("\n".join(minutes) + "\n", encoding="utf-8")
    (root / PROGRESS).write_text("\n".join(progress) + "\n", encoding="utf-8")
    return placements


def check(entries: list[dict]) -> tuple[list[Placement], dict[Placement, list[str]]]:
    """Plant entries into a fresh copy of the real data and scan it: each placement → its findings."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        shutil.copytree(PROJECT / "data", root / "data")
        placements = plant(root, entries)
        problems = scan(root)
    found = {p: [f.message for f in problems if f.file == p.file and f.line in p.lines] for p in placements}
    return placements, found


def recall() -> tuple[float, list[Placement], Counter, Counter]:
    placements, found = check(corpus("planted.yaml"))
    planted, caught = Counter(), Counter()
    for placement in placements:
        planted[placement.entry["kind"]] += 1
        caught[placement.entry["kind"]] += bool(found[placement])
    misses = [p for p in placements if not found[p]]
    return sum(caught.values()) / len(placements), misses, planted, caught


def false_positives() -> list[tuple[Placement, list[str]]]:
    placements, found = check(corpus("ordinary.yaml"))
    return [(p, found[p]) for p in placements if found[p]]


def main() -> int:
    rate, misses, planted, caught = recall()
    print(f"{'kind':<42} {'planted':>7} {'caught':>7} {'recall':>7}")
    for kind in planted:
        print(f"{kind:<42} {planted[kind]:>7} {caught[kind]:>7} {caught[kind] / planted[kind]:>7.0%}")
    total = sum(planted.values())
    print(f"{'all':<42} {total:>7} {sum(caught.values()):>7} {rate:>7.1%}  (required: {REQUIRED_RECALL:.0%})")
    for miss in misses:
        print(f"  missed: {miss.label}")
    wrong = false_positives()
    print(f"\nOrdinary committee text: {len(corpus('ordinary.yaml'))} sentences, {len(wrong)} wrongly reported")
    for placement, messages in wrong:
        print(f"  reported: {placement.label}: {messages[0]}")
    return 0 if rate >= REQUIRED_RECALL and not wrong else 1


if __name__ == "__main__":
    sys.exit(main())
