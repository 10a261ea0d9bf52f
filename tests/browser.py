"""The one way the tests launch Chromium and serve the built site to it."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

# Debian's Chromium, kept from reaching anywhere but the site under test.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}
# Screenshots for a person to look at; the folder is ignored by git.
SCREENSHOTS = Path(__file__).resolve().parent.parent / "test-output" / "screenshots"


def chromium_path() -> str:
    """Debian's Chromium, or the one named by CHROMIUM_PATH. Missing is a failure under CI=true."""
    path = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    if not os.path.exists(path):
        message = f"Chromium not found at {path}: install Debian's chromium package or set CHROMIUM_PATH"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a built site quietly and, like GitHub Pages, answers a missing address with 404.html;
    under `prefix` (a project's Pages site is published at /<repository>/), and nothing outside it."""

    prefix = "/"

    def log_message(self, format, *args):  # noqa: A002 - the name http.server uses
        pass

    def translate_path(self, path):
        path = urlsplit(path).path
        inside = path[len(self.prefix) - 1:] if path.startswith(self.prefix) else "/does-not-exist"
        return super().translate_path(inside)

    def send_error(self, code, message=None, explain=None):
        not_found = Path(self.directory) / "404.html"
        if code != 404 or not not_found.exists():
            return super().send_error(code, message, explain)
        body = not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@contextlib.contextmanager
def serve(folder: Path, handler_class: type[SiteHandler] = SiteHandler, under: str = "/"):
    """Serve a folder on 127.0.0.1 on a free port, at the path `under`; yields the base URL without
    a trailing slash (with the path, as in http://127.0.0.1:8123/portal)."""
    handler = functools.partial(type("Handler", (handler_class,), {"prefix": under}), directory=str(folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}{under.rstrip('/')}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def watch_requests(page_or_context) -> list[str]:
    """Every URL a page (or a whole browser context) asks for from now on, in order."""
    requests: list[str] = []
    page_or_context.on("request", lambda request: requests.append(request.url))
    return requests


def settle(page) -> None:
    """Wait until no transition is running, so the page is checked as a person finally sees it."""
    page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")


def search(page, server: str, words: str):
    """Open the home page, go to the search box from the keyboard alone (the "/" shortcut), type
    the words and press Enter, and wait for the results on the search page, which are returned."""
    page.goto(server + "/")
    page.keyboard.press("/")
    page.keyboard.type(words)
    page.keyboard.press("Enter")
    results = page.locator(".sp-search-result")
    results.first.wait_for(state="visible", timeout=10_000)
    settle(page)
    return results


def result_links(results) -> list[str]:
    """The address each search result leads to, best first."""
    return [results.nth(i).locator("h2 a").get_attribute("href") for i in range(results.count())]
