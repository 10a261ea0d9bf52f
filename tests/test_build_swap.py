"""`make build` builds beside the last site and swaps the new one in only when the build succeeds,
so a build that fails part-way (MkDocs empties its folder first) never leaves the site wiped."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from sites import PROJECT, add_build_files

# Only the build step itself: the checks before it (make's other targets) have tests of their own.
ALREADY_DONE = ("install", "safeguard", "validate", "prepare")


def make_build(root: Path, site: Path) -> subprocess.CompletedProcess:
    skip = [f"--old-file={target}" for target in ALREADY_DONE]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(["make", "build", *skip, f"VENV={Path(sys.executable).parent.parent}", f"SITE={site}/"],
                          cwd=root, env=env, capture_output=True, text=True, timeout=300)


def test_a_failed_build_keeps_the_last_good_site_and_a_good_one_replaces_it(tmp_path):
    for folder in ("data", "docs"):
        shutil.copytree(PROJECT / folder, tmp_path / folder)
    add_build_files(tmp_path)
    shutil.copy2(PROJECT / "Makefile", tmp_path / "Makefile")
    site = tmp_path / "site"
    (site / "recommendations").mkdir(parents=True)
    (site / "index.html").write_text("the last good site", encoding="utf-8")

    # Valid data, but a page the build refuses (a broken link fails --strict after pages are written).
    (tmp_path / "docs" / "broken.md").write_text("# Broken\n\n[a page](no-such-page.md)\n", encoding="utf-8")
    failed = make_build(tmp_path, site)
    assert failed.returncode != 0, failed.stdout
    assert "no-such-page.md" in failed.stderr
    assert (site / "index.html").read_text(encoding="utf-8") == "the last good site"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("site")) == ["site"]  # nothing left over

    (tmp_path / "docs" / "broken.md").unlink()
    built = make_build(tmp_path, site)
    assert built.returncode == 0, built.stderr
    assert "Ofsted" in (site / "index.html").read_text(encoding="utf-8")
    assert (site / "recommendations" / "ofsted-2019-r01" / "index.html").is_file()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("site")) == ["site"]
