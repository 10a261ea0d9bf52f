"""The portal's search (Pagefind), used for real: Debian's Chromium driven by Playwright over the
built site. Nothing of the index loads until a reader searches; then only small pieces of it do."""

from __future__ import annotations

import pytest
from browser import DESKTOP, result_links, search, watch_requests


@pytest.fixture
def page(new_page):
    page = new_page(viewport=DESKTOP)
    page.requests = watch_requests(page)
    return page


def test_searching_caseloads_lists_the_caseloads_recommendation_first_and_the_keyboard_opens_it(page, server):
    results = search(page, server, "caseloads")
    links = result_links(results)
    assert "recommendations/ofsted-2019-r01/" in links[0], links  # the best match comes first …
    assert page.locator("#sp-search-status").inner_text().endswith("for “caseloads”.")
    assert page.evaluate("document.activeElement.id") == "sp-search-page-q"  # the search goes on here …
    page.keyboard.press("Tab")  # … past the Search button …
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.sp-search-result') !== null")
    page.keyboard.press("Enter")  # … and Enter opens it, with no mouse
    page.wait_for_url("**/recommendations/ofsted-2019-r01/**")
    assert page.locator("h1").inner_text().startswith("R01: Caseloads")
    assert all(url.startswith(server) for url in page.requests), page.requests


def test_searching_a_word_of_the_minutes_finds_the_minute_and_leads_to_it(page, server):
    results = search(page, server, "watershed")
    assert any("minutes/cypssc-2019-05-15-item-4/" in href for href in result_links(results))
    best = results.first.locator(".sp-search-result__where a")
    assert best.inner_text() == "minute 4.1"
    best.click()
    page.wait_for_url("**/minutes/cypssc-2019-05-15-item-4/#minute-4.1")


def test_searching_words_of_an_update_finds_the_recommendation(page, server):
    results = search(page, server, "recruitment")
    assert any("recommendations/ofsted-2019-r02/" in href for href in result_links(results))


def test_no_page_loads_any_of_the_search_index_until_a_reader_searches(page, server, real_site):
    for url in real_site.pages():
        page.goto(f"{server}/{url}")
    assert [url for url in page.requests if "/pagefind/" in url] == []
    search(page, server, "caseloads")
    fetched = [url for url in page.requests if "/pagefind/" in url]
    assert any(url.endswith("/pagefind/pagefind.js") for url in fetched)
    assert any(".pf_fragment" in url for url in fetched)  # the results' own pieces only


def test_a_search_with_no_results_says_so(page, server):
    page.goto(server + "/search/?q=zzzqqqxxy")
    status = page.locator("#sp-search-status")
    status.filter(has_text="No results").wait_for(timeout=10_000)
    assert page.locator(".sp-search-result").count() == 0
