"""`mkdocs serve` (what `make serve` runs) picks up a clerk's new minutes file while it runs, and
drops the page when the file is deleted: the pages are made by the build, not by hand."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

from sites import add_build_files

MEETING = """
  - id: cypssc-2019-11-20
    committee: cypssc
    date: 2019-11-20
    source:
      document: A meeting added by a test
      publisher: The tests
      kind: official publication
      url: none
      why_no_url: It is invented by a test.
"""
MINUTES = '---\ncommittee: cypssc\ndate: 2019-11-20\nitem: "5"\ntitle: Added by a test\n---\n\n### 5.1\n\nWords.\n'


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return 0  # not serving yet


def wait_for(url: str, code: int, server: subprocess.Popen, log, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert server.poll() is None, log.read_text()
        if status(url) == code:
            return
        time.sleep(0.5)
    raise AssertionError(f"{url} did not answer {code} within {seconds} s:\n{log.read_text()}")


def test_serve_publishes_a_new_minutes_file_and_removes_the_page_of_a_deleted_one(project, tmp_path):
    add_build_files(project.root)
    log = tmp_path / "serve.log"
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("PORTAL_")} | {"NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--strict", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project.root, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}/"
    page = f"{base}minutes/cypssc-2019-11-20-item-5/"
    try:
        wait_for(base, 200, server, log)
        assert status(page) == 404
        project.write("data/meetings.yaml", project.read("data/meetings.yaml") + MEETING)
        project.write("data/minutes/cypssc-2019-11-20-item-5.md", MINUTES)
        wait_for(page, 200, server, log)
        project.path("data/minutes/cypssc-2019-11-20-item-5.md").unlink()
        wait_for(page, 404, server, log)
        assert not project.path("docs/minutes/cypssc-2019-11-20-item-5").exists()
    finally:
        server.terminate()
        server.wait(timeout=30)
