"""Material's search, used for real: Debian's Chromium driven by Playwright over the built site."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading

import pytest
from playwright import sync_api as playwright_api

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium_path() -> str:
    """Debian's Chromium, or the one named by CHROMIUM_PATH. Missing is a failure under CI=true."""
    path = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    if not os.path.exists(path):
        message = f"Chromium not found at {path}: install Debian's chromium package or set CHROMIUM_PATH"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture(scope="module")
def server(real_site):
    """The built site served on 127.0.0.1 by this test, on a free port."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(real_site.folder))
    handler.log_message = lambda *args: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    yield page
    context.close()


def search(page, server: str, words: str):
    page.goto(server + "/")
    page.keyboard.press("/")  # Material's shortcut: opens search from the keyboard alone
    page.keyboard.type(words)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(state="visible", timeout=10_000)
    return results


def test_searching_caseloads_lists_the_caseloads_recommendation_first_and_enter_opens_it(page, server):
    results = search(page, server, "caseloads")
    first_links = [results.nth(i).locator("a").first.get_attribute("href") for i in range(results.count())]
    assert any("recommendations/ofsted-2019-r01/" in href for href in first_links), first_links
    assert "ofsted-2019-r01" in first_links[0]  # the best match comes first …
    page.keyboard.press("Enter")  # … and Enter opens it, with no mouse
    page.wait_for_url("**/recommendations/ofsted-2019-r01/**")
    assert page.locator("h1").inner_text().startswith("R01: Caseloads")
    assert all(url.startswith(server) for url in page.requests), page.requests


def test_searching_a_word_of_the_minutes_finds_the_minute(page, server):
    results = search(page, server, "watershed")
    hrefs = [results.nth(i).locator("a").first.get_attribute("href") for i in range(results.count())]
    assert any("minutes/cypssc-2019-05-15-item-4/" in href for href in hrefs), hrefs
