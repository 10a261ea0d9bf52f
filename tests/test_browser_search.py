"""Material's search, used for real: Debian's Chromium driven by Playwright over the built site."""

from __future__ import annotations

import pytest
from browser import DESKTOP, search, watch_requests


@pytest.fixture
def page(new_page):
    page = new_page(viewport=DESKTOP)
    page.requests = watch_requests(page)
    return page


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
