"""Benchmark: how long the portal takes to check and build, and how heavy its pages are.

Run with `make benchmark` (or `.venv/bin/python tests/benchmark.py`). It prints figures and, for
each, the target it is held to; it exits 1 if a figure misses its target. It is not part of the
test suite, because timings depend on the machine: run it on a quiet machine before and after a
change that could make the build slower or the pages heavier.

Three portals are measured: the real one, the fictional example council, and a large portal made
from the real data with many more recommendations and updates (a council's whole improvement plan
over several years), to show how the build grows.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
EXAMPLE = PROJECT / "examples" / "harrowmere"
LARGE_RECOMMENDATIONS = 120  # ten times the real set
LARGE_MEETINGS = 8  # progress reported at each of eight meetings: 960 updates
LARGE_FINDINGS = 60  # findings by other bodies, each naming ten recommendations

# What each portal is held to, figure by figure. Times are on a 2-core machine like CI's.
TARGETS = {
    "check seconds": {"real": 2, "example": 2, "large": 5},  # a clerk waits for this after every change
    "build seconds": {"real": 6, "example": 6, "large": 40},  # mkdocs build --strict, downloads included
    "largest page KB": {"real": 250, "example": 250, "large": 250},  # one page's HTML, on a phone
    "home page weight KB": {"real": 500, "example": 500, "large": 500},  # HTML, CSS, scripts, images
}


def timed(*args: str) -> float:
    """Seconds a command takes; stops the benchmark with its output if it fails."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", *args], cwd=PROJECT, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"{' '.join(args)} failed:\n{result.stdout}{result.stderr}")
    return seconds


def measure(name: str, root: Path, config: Path, site: Path) -> dict[str, float]:
    """Check and build one portal; its figures."""
    check = min(timed("macros", "--root", str(root), "validate") for _ in range(3))
    build = timed("mkdocs", "build", "--strict", "-q", "-f", str(config), "--site-dir", str(site))
    pages = list(site.rglob("*.html"))
    largest = max(pages, key=lambda p: p.stat().st_size)
    figures = {
        "check seconds": check,
        "build seconds": build,
        "pages": len(pages),
        "site MB": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 1e6,
        "largest page KB": largest.stat().st_size / 1000,
        "home page weight KB": page_weight(site),
    }
    print(f"{name}: {len(pages)} pages; the largest is {largest.relative_to(site)}")
    return figures


def page_weight(site: Path) -> float:
    """The home page and every stylesheet, script and image it links to, in KB."""
    from bs4 import BeautifulSoup

    home = site / "index.html"
    html = BeautifulSoup(home.read_text(encoding="utf-8"), "html.parser")
    refs = {tag.get("href") for tag in html.select('link[rel="stylesheet"], link[rel="icon"]')}
    refs |= {tag.get("src") for tag in html.select("script[src], img[src]")}
    files = [home] + [site / ref.split("?")[0] for ref in refs if ref and "://" not in ref]
    return sum(f.stat().st_size for f in files if f.is_file()) / 1000


def large_portal(folder: Path) -> Path:
    """A copy of the real portal with LARGE_RECOMMENDATIONS recommendations, each with an update at
    each of LARGE_MEETINGS meetings: made-up records for timing only, never published."""
    for part in ("data", "docs", "overrides", "macros"):
        shutil.copytree(PROJECT / part, folder / part, symlinks=True,
                        ignore=shutil.ignore_patterns("__pycache__", "data" if part == "docs" else "-"))
    shutil.copy(PROJECT / "mkdocs.yml", folder / "mkdocs.yml")
    recs = folder / "data" / "recommendations" / "ofsted-2019.yaml"
    text = recs.read_text(encoding="utf-8").replace("expected_count: 12", f"expected_count: {LARGE_RECOMMENDATIONS}")
    text += "".join(
        f"\n  - id: ofsted-2019-r{n:02d}\n    ref: R{n:02d}\n    title: Benchmark recommendation {n}\n"
        "    source:\n      meeting: cypssc-2019-05-15\n      minute: 4.3\n"
        for n in range(13, LARGE_RECOMMENDATIONS + 1))
    recs.write_text(text, encoding="utf-8")
    statuses = ("not started", "in progress", "at risk", "in progress", "off track", "in progress", "complete")
    for meeting in range(1, LARGE_MEETINGS + 1):
        # Quarterly from July 2019: after the meeting that recorded the recommendations (15 May 2019).
        year, month = 2019 + (meeting + 1) // 4, 1 + 3 * ((meeting + 1) % 4)
        date = f"{year}-{month:02d}-15"
        start = 1 if meeting > 1 else 13  # the real file already gives 1–12 their first update
        updates = "".join(
            f"  - recommendation: ofsted-2019-r{n:02d}\n    date: {date}\n"
            f"    status: {statuses[(n + meeting) % len(statuses)]}\n"
            f"    summary: Benchmark update {meeting} on recommendation {n}, long enough to be like a real one "
            "that says what was reported, by whom, and what the committee made of it.\n"
            "    evidence:\n      - summary: A summary of the evidence for the benchmark.\n"
            "        source:\n          document: Benchmark report\n          publisher: The benchmark\n"
            "          kind: council paper\n          url: https://example.org/benchmark\n"
            "    source:\n      document: Benchmark report\n      publisher: The benchmark\n"
            "      kind: council paper\n      url: https://example.org/benchmark\n"
            for n in range(start, LARGE_RECOMMENDATIONS + 1))
        (folder / "data" / "progress" / f"{date}.yaml").write_text("updates:\n" + updates, encoding="utf-8")
    findings = folder / "data" / "findings.yaml"
    findings.write_text(findings.read_text(encoding="utf-8") + "".join(
        f"\n  - id: benchmark-finding-{n}\n    date: 2024-{1 + n % 12:02d}-01\n    body: ofsted\n"
        f"    kind: monitoring visit\n    title: Benchmark finding {n}\n    summary: A made-up finding for timing.\n"
        "    recommendations:\n" + "".join(
            f"      - recommendation: ofsted-2019-r{(n * 7 + k) % LARGE_RECOMMENDATIONS + 1:02d}\n"
            "        said: A made-up note for timing.\n" for k in range(10))
        + "    sources:\n      - document: Benchmark letter\n        publisher: Ofsted\n"
        "        kind: official publication\n        url: https://example.org/letter\n"
        for n in range(LARGE_FINDINGS)), encoding="utf-8")
    return folder


def report(results: dict[str, dict[str, float]]) -> int:
    """Print a table of the figures against their targets; the number of targets missed."""
    missed = 0
    print(f"\n{'figure':<22}" + "".join(f"{name:>10}" for name in results) + "   against the target")
    for figure in next(iter(results.values())):
        row = f"{figure:<22}" + "".join(f"{values[figure]:>10.2f}" for values in results.values())
        verdicts = []
        for name, target in TARGETS.get(figure, {}).items():
            ok = results[name][figure] <= target
            missed += not ok
            verdicts.append(f"{name} ≤ {target:g} {'ok' if ok else 'MISSED'}")
        print(row + ("   " + ", ".join(verdicts) if verdicts else ""))
    return missed


def main() -> int:
    with tempfile.TemporaryDirectory() as temp:
        temp = Path(temp)
        results = {
            "real": measure("The real portal", PROJECT, PROJECT / "mkdocs.yml", temp / "real"),
            "example": measure("The fictional example", EXAMPLE, EXAMPLE / "mkdocs.yml", temp / "example"),
        }
        large = large_portal(temp / "large")
        results["large"] = measure(
            f"A large portal: {LARGE_RECOMMENDATIONS} recommendations × {LARGE_MEETINGS} updates", large,
            large / "mkdocs.yml", temp / "large-site")
    missed = report(results)
    from benchmark_history import history_benchmark  # each record's history on a long history of commits

    missed += history_benchmark()
    print(f"\n{'Every figure is within its target.' if not missed else f'{missed} figure(s) missed the target.'}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
