"""What a page view asks the server for, recorded in Chromium: only what the page needs.

Material's language-selector code fetches a sitemap.xml beside every <link rel="alternate">; for
the feeds and the calendar that was two failed requests on every page view (overrides/main.html
explains the fix). Feed discovery must keep working: the links are in the published HTML and in
the page as a browser extension sees it.
"""

from __future__ import annotations

import pytest

PAGES = ["/", "/recommendations/ofsted-2019-r01/", "/data/", "/minutes/cypssc-2019-05-15-item-4/"]


@pytest.mark.parametrize("path", PAGES)
def test_a_page_view_makes_no_failed_request_and_asks_for_no_sitemap(server, new_page, path):
    page = new_page()
    requested, failed = [], []
    page.on("request", lambda request: requested.append(request.url))
    page.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.goto(server + path)
    page.wait_for_load_state("networkidle")
    assert failed == []
    assert not [url for url in requested if url.endswith("sitemap.xml")], requested
    assert all(url.startswith(server) for url in requested)


def test_the_feeds_and_calendar_stay_discoverable_in_the_html_and_in_the_page(server, new_page, real_site):
    rec = "recommendations/ofsted-2019-r01/"
    published = [(link["href"], link["type"]) for link in real_site.html(rec).find_all("link")
                 if link.get("rel") == ["alternate"]]  # exactly rel="alternate", as readers look for it
    assert published == [("../../data/feeds/all.atom", "application/atom+xml"),
                         ("../../data/feeds/ofsted-2019-r01.atom", "application/atom+xml"),
                         ("../../data/meetings.ics", "text/calendar")]
    page = new_page()
    page.goto(server + "/" + rec)
    page.wait_for_load_state("networkidle")
    live = page.evaluate("""() => [...document.querySelectorAll("link[rel='alternate']")]
                                  .map(link => [link.getAttribute("href"), link.type])""")
    assert live == [list(pair) for pair in published]  # what a feed-finding browser extension sees
    for href, _ in published:
        response = page.request.get(server + "/" + rec + href)
        assert response.status == 200, href
