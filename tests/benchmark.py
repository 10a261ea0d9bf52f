"""Benchmark: the portal over a FICTIONAL archive of 50, 200 and 800 meetings (tests/archive.py).

Run with `make benchmark` (or `.venv/bin/python tests/benchmark.py [--sizes 50 200] [--runs 3]`).
It is a script, not a test: timings depend on the machine. For each size it prints a table of
every figure against its target, each time the median of --runs runs (at least 3 for figures to
publish), the portal's build and plain MkDocs's build run in turn, side by side, so that both
see the same machine. It writes the tables to docs/benchmark.md (with --write) and exits 1 when
a target is missed.

- validate: `python -m macros validate`, as a clerk runs it after every change;
- portal build: `python -m macros build … mkdocs build --strict`, as `make build` runs it (the
  safeguarding check, the data checked, docs/ prepared and MkDocs, in one process);
- plain build: the same pages, as the portal rendered them, built by MkDocs and Material without
  the macros plugin (the cost of MkDocs itself), from a static copy of docs/;
- pages: count, total size, median and largest HTML page, the navigation's share of a page;
- in Chromium, over the site served gzipped as GitHub Pages serves it: the bytes moved to load the
  home page with nobody searching, and to answer one search, with the time to its first result;
- search, chosen by measuring: Material's own index (what a lazily loaded Material search would
  fetch, whole, at the first search) against what Pagefind fetches for one search.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import io
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parent.parent)]
from archive import make_archive  # noqa: E402
from browser import SiteHandler, serve  # noqa: E402

from macros.site.pages import PAGE_FOLDERS  # noqa: E402

PROJECT = Path(__file__).resolve().parent.parent
SITE_URL = "http://127.0.0.1:8000/"
QUERY = "fostering"  # a word in many minutes, updates and recommendations of the archive
KB = 1000
TARGETS = {  # figure → (target, how it is compared, why)
    "validate s": (5.0, "at 800", "a clerk waits for this after every change"),
    "build growth 800/200": (4.4, "ratio", "the build grows linearly with the archive"),
    "portal / plain build": (1.5, "at 800", "the portal adds at most half again to MkDocs's own work"),
    "median page growth": (1.10, "at 800", "median HTML page at 800 within 10% of its size at 50"),
    "largest page KB": (250, "each", "one page's HTML, read on a phone"),
    "home page transferred KB": (200, "each", "with nobody searching"),
    "one search transferred KB": (300, "each", "everything fetched to answer one search"),
    "first result s": (1.0, "each", "from pressing Enter to the first result shown"),
}
# A plain MkDocs build must not depend on the portal's code; this hook (a benchmark tool, not part
# of the portal) writes each page's Markdown as the macros plugin rendered it, for that build.
DUMP_HOOK = '''
from pathlib import Path
import mkdocs.plugins, yaml
OUT = Path(__file__).parent / "docs-static"

@mkdocs.plugins.event_priority(-100)
def on_page_markdown(markdown, page, **kwargs):
    front = {k: v for k, v in page.meta.items() if k not in ("render_macros", "made_by", "feed")}
    target = OUT / page.file.src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    head = ("---\\n" + yaml.safe_dump(front, allow_unicode=True) + "---\\n") if front else ""
    target.write_text(head + markdown, encoding="utf-8")
    return markdown
'''


def run(args: list[str], cwd: Path, **env: str) -> tuple[float, int, float]:
    """Run a command; its wall-clock seconds, peak memory (MB) and processor seconds (user and
    system: on a machine others are using, a fairer comparison than the clock). Stops the
    benchmark if the command fails."""
    start = time.perf_counter()
    process = subprocess.Popen(args, cwd=cwd, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.exit(f"{' '.join(args)} failed in {cwd}:\n{output.decode(errors='replace')}")
    return seconds, usage.ru_maxrss // 1024, usage.ru_utime + usage.ru_stime


def python(*args: str) -> list[str]:
    return [sys.executable, "-m", *args]


class Portal:
    """One generated archive: its project folder, the portal's site and the plain copy."""

    def __init__(self, folder: Path, meetings: int):
        self.root = folder / "project"
        self.meetings = meetings
        self.today = make_archive(self.root, meetings)
        self.env = {"PORTAL_BUILD_DATE": self.today.isoformat(), "PORTAL_SITE_URL": SITE_URL}
        self.site = folder / "site"
        self.plain_root = folder / "plain"
        self.plain_site = folder / "plain-site"

    def validate(self) -> tuple[float, float]:
        seconds, _, cpu = run(python("macros", "validate"), self.root, **self.env)
        return seconds, cpu

    def build(self) -> tuple[float, int, float]:
        """As CI builds a fresh checkout: nothing made from the data is there yet (the pages, the
        downloads, the schemas). What the safeguarding check found in each file is remembered in
        .cache/ from the build before, as on a clerk's computer (the first build is timed apart)."""
        docs = self.root / "docs"
        pages = [page.parent for folder in PAGE_FOLDERS for page in (docs / folder).glob("*/index.md")]
        made = [docs / "data", docs / "schemas", *pages]
        for folder in made:
            shutil.rmtree(folder, ignore_errors=True)
        return run(python("macros", "build", "--site-url", SITE_URL, "mkdocs", "build", "--strict", "-q",
                          "--site-dir", str(self.site)), self.root, **self.env)

    def search_index(self) -> float:
        return run(python("macros", "search-index", "--site", str(self.site)), PROJECT)[0]

    def make_plain_copy(self) -> int:
        """Write each page's rendered Markdown into a static docs/ and a config without the macros
        plugin; returns the size of Material's search index for the same pages (bytes, gzipped)."""
        shutil.copytree(self.root / "docs", self.plain_root / "docs")  # downloads, styles, scripts
        (self.root / "dump_hook.py").write_text(DUMP_HOOK, encoding="utf-8")
        config = (self.root / "mkdocs.yml").read_text(encoding="utf-8")
        dump = self.root / "mkdocs-dump.yml"
        dump.write_text(config.replace("plugins:\n", "hooks:\n  - dump_hook.py\nplugins:\n  - search\n", 1),
                        encoding="utf-8")
        run(python("mkdocs", "build", "-q", "-f", str(dump), "--site-dir", str(self.plain_root / "dumped")),
            self.root, **self.env)
        for page in (self.root / "docs-static").rglob("*.md"):
            target = self.plain_root / "docs" / page.relative_to(self.root / "docs-static")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page.read_text(encoding="utf-8"), encoding="utf-8")
        plain = config[: config.index("plugins:")] + "plugins: []\n\n" + config[config.index("markdown_extensions:"):]
        plain = plain[: plain.index("watch:")] + plain[plain.index("validation:"):]
        (self.plain_root / "mkdocs.yml").write_text(plain, encoding="utf-8")
        shutil.copytree(self.root / "overrides", self.plain_root / "overrides")
        index = (self.plain_root / "dumped" / "search" / "search_index.json").read_bytes()
        return len(gzip.compress(index))

    def plain_build(self) -> tuple[float, float]:
        seconds, _, cpu = run(python("mkdocs", "build", "-q", "--site-dir", str(self.plain_site)), self.plain_root,
                              **self.env)
        return seconds, cpu


def pages(site: Path) -> dict[str, float]:
    from bs4 import BeautifulSoup

    sizes = sorted(p.stat().st_size for p in site.rglob("*.html"))
    home = (site / "index.html").read_text(encoding="utf-8")
    nav = BeautifulSoup(home, "html.parser").select_one("nav.md-nav--primary")
    return {
        "pages": len(sizes),
        "site MB": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 1e6,
        "median page KB": statistics.median(sizes) / KB,
        "largest page KB": sizes[-1] / KB,
        "navigation KB": len(str(nav).encode()) / KB,
    }


class GzipHandler(SiteHandler):
    """Serves the site as the tests do, gzipping text as GitHub Pages does."""

    TEXT = (".html", ".css", ".js", ".json", ".svg", ".xml", ".atom", ".csv", ".ics")

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        if not path.endswith(self.TEXT) or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        try:
            body = gzip.compress(Path(path).read_bytes())
        except OSError:
            return super().send_head()
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def moved(requests: list) -> int:
    """Bytes received for these requests, as sent (compressed), headers included."""
    sizes = [request.sizes() for request in requests]
    return sum(size["responseBodySize"] + size["responseHeadersSize"] for size in sizes)


def in_chromium(site: Path, runs: int) -> dict[str, float]:
    """Bytes moved (as sent, compressed) for the home page and for one search; seconds to the first
    result. Each run in a fresh browser context, so nothing is cached."""
    from browser import CHROMIUM_ARGS, chromium_path
    from playwright.sync_api import sync_playwright

    figures: dict[str, list[float]] = {"home page transferred KB": [], "one search transferred KB": [],
                                       "first result s": []}
    with serve(site, GzipHandler) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        for _ in range(runs):
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            finished: list = []  # every response, the search's worker's included
            context.on("requestfinished", lambda request: finished.append(request))
            page = context.new_page()
            page.goto(server + "/", wait_until="networkidle")
            figures["home page transferred KB"].append(moved(finished) / KB)
            page.goto(server + "/search/", wait_until="networkidle")
            finished.clear()
            page.locator("#sp-search-page-q").fill(QUERY)
            start = time.perf_counter()
            page.keyboard.press("Enter")
            page.locator(".sp-search-result").first.wait_for(state="visible", timeout=30_000)
            figures["first result s"].append(time.perf_counter() - start)
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(500)  # the results' own pieces, fetched as they are shown
            figures["one search transferred KB"].append(moved(finished) / KB)
            context.close()
        browser.close()
    return {name: statistics.median(values) for name, values in figures.items()}


def measure(folder: Path, meetings: int, runs: int) -> dict[str, float]:
    print(f"\n{meetings} meetings: generating the archive …", flush=True)
    portal = Portal(folder, meetings)
    validate = [portal.validate() for _ in range(runs)]
    builds, plains, memory = [], [], 0
    first = portal.build()[0]  # once first, with nothing cached, so that every timed build starts alike
    material_index = portal.make_plain_copy()
    for _ in range(runs):  # side by side: the portal's build, then plain MkDocs, in turn
        seconds, peak, cpu = portal.build()
        builds.append((seconds, cpu))
        memory = max(memory, peak)
        plains.append(portal.plain_build())
    index = portal.search_index()
    print(f"  validate {validate}; builds {builds}; plain {plains} (seconds, CPU s)",
          flush=True)
    figures = {
        "validate s": statistics.median(v for v, _ in validate),
        "validate CPU s": statistics.median(c for _, c in validate),
        "first build s (nothing cached)": first,
        "portal build s": statistics.median(b for b, _ in builds),
        "plain build s": statistics.median(p for p, _ in plains),
        "portal / plain build": statistics.median(b[0] / p[0] for b, p in zip(builds, plains, strict=True)),
        "portal build CPU s": statistics.median(c for _, c in builds),
        "plain build CPU s": statistics.median(c for _, c in plains),
        "portal / plain CPU": statistics.median(b[1] / p[1] for b, p in zip(builds, plains, strict=True)),
        "peak memory MB": memory,
        "search index s": index,
        **pages(portal.site),
        **in_chromium(portal.site, runs),
        "Material index at first search KB": material_index / KB,
    }
    print(f"  done: {figures['portal build s']:.1f} s to build, {figures['pages']:.0f} pages", flush=True)
    return figures


def verdicts(results: dict[int, dict[str, float]]) -> tuple[dict[str, str], int]:
    """Each figure with a target → 'ok' or 'MISSED' with the target; how many were missed."""
    sizes = sorted(results)
    if len(sizes) > 1:
        large, middle, small = sizes[-1], sizes[-2], sizes[0]
        results[large]["build growth 800/200"] = (results[large]["portal build s"]
                                                  / results[middle]["portal build s"])
        results[large]["median page growth"] = (results[large]["median page KB"] / results[small]["median page KB"])
    notes, missed = {}, 0
    for figure, (target, scope, _) in TARGETS.items():
        checked = [n for n in sizes if figure in results[n] and (scope != "at 800" or n == sizes[-1])]
        bad = [n for n in checked if results[n][figure] > target]
        missed += len(bad)
        if checked:
            notes[figure] = f"≤ {target:g}: " + ("ok" if not bad else "MISSED at " + ", ".join(map(str, bad)))
    return notes, missed


def table(results: dict[int, dict[str, float]], notes: dict[str, str]) -> str:
    sizes = sorted(results)
    names = list(dict.fromkeys(name for n in sizes for name in results[n]))
    lines = ["| figure | " + " | ".join(f"{n} meetings" for n in sizes) + " | target |",
             "|---|" + "---:|" * len(sizes) + "---|"]
    for name in names:
        cells = [f"{results[n][name]:,.2f}" if name in results[n] else "" for n in sizes]
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {notes.get(name, '')} |")
    return "\n".join(lines)


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor() or "unknown")
    memory = next((int(line.split()[1]) // 1024 ** 2 for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal")), 0)
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    return (f"{os.cpu_count()} cores ({cpu}), {memory} GB of memory, Python {platform.python_version()}, "
            f"{platform.system()} {platform.release()}; load average (1, 5, 15 min) {load}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 200, 800], help="meetings in each archive")
    parser.add_argument("--runs", type=int, default=3, help="runs of each timing (the median is shown)")
    parser.add_argument("--write", action="store_true", help="write the tables to docs/benchmark.md")
    args = parser.parse_args()
    before = machine()
    with tempfile.TemporaryDirectory() as temp:
        results = {n: measure(Path(temp) / str(n), n, args.runs) for n in args.sizes}
    notes, missed = verdicts(results)
    report = table(results, notes)
    after = machine()
    print("\n" + report)
    print(f"\nMachine, before: {before}\nMachine, after:  {after}")
    from benchmark_history import history_benchmark  # each record's history on a long history of commits

    missed += history_benchmark()
    print("\n" + ("Every figure is within its target." if not missed else f"{missed} figure(s) missed the target."))
    if args.write:
        write(report, before, after, args)
    return 1 if missed else 0


def write(report: str, before: str, after: str, args: argparse.Namespace) -> None:
    why = "\n".join(f"- **{name}** ≤ {target:g} ({scope}): {reason}." for name, (target, scope, reason) in TARGETS.items())
    (PROJECT / "docs" / "benchmark.md").write_text(f"""# Benchmark

What `make benchmark` (`tests/benchmark.py`) measured on {dt.date.today().isoformat()}: the portal
over a FICTIONAL archive of {", ".join(map(str, args.sizes))} meetings of four committees (tests/archive.py),
each time the median of {args.runs} runs. Sizes are in KB (1,000 bytes) and MB; times in seconds.
"Transferred" is what Chromium received, gzipped as GitHub Pages serves it.

{report}

The machine: {before} (before), {after.split("; ")[-1]} (after).

The targets:

{why}

The builds: "portal build" is `python -m macros build … mkdocs build --strict`, as `make build`
runs it, on a checkout with nothing made from the data yet (no generated pages, downloads or
schemas), the safeguarding check remembering in `.cache/` what it found in each file at the build
before (as on a clerk's computer); "first build (nothing cached)" is the first of them, with
`.cache/` empty, so the check reads every file (what a fresh clone in CI pays). "plain build" is
MkDocs and Material alone building the same rendered pages. The portal renders a big archive's
pages and checks many files on every processor (forked workers, `macros/data/parallel.py`), where
MkDocs uses one: so its share of the processor time ("portal / plain CPU") is higher than its share
of the clock, and both are shown.

Search was chosen by measuring: "Material index at first search" is what Material's own search,
even loaded lazily, would fetch (gzipped) the first time a reader searches; "one search
transferred" is what Pagefind fetches.
""", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
