"""Printing, for real: Debian's Chromium emulating print media over the built sites. The print
stylesheet hides the navigation, search, header and footer, keeps the report's table, and keeps the
FICTIONAL banner on the example site."""

from __future__ import annotations

import pytest
from browser import DESKTOP, serve

HIDDEN_IN_PRINT = (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".sp-search", ".md-footer")


@pytest.fixture(scope="module", params=["real", "example"])
def served(request):
    site = request.getfixturevalue("real_site" if request.param == "real" else "example_site")
    with serve(site.folder) as url:
        yield request.param, url


@pytest.fixture
def page(new_page, served):
    return new_page(viewport=DESKTOP)


def test_the_report_prints_without_navigation_search_header_or_footer(page, served):
    kind, server = served
    page.goto(server + "/report/")
    for selector in HIDDEN_IN_PRINT:  # on screen they are there, so the check below can fail
        assert page.locator(selector).first.is_visible(), selector
    page.emulate_media(media="print")
    for selector in HIDDEN_IN_PRINT:
        assert not page.locator(selector).first.is_visible(), f"{selector} shows when printed"
    assert page.locator(".sp-report table").first.is_visible()
    assert page.locator(".sp-report tbody tr").count() == (12 if kind == "real" else 4)
    banner = page.locator(".sp-fictional")
    assert (banner.count() == 1 and banner.is_visible()) if kind == "example" else banner.count() == 0


def test_the_report_fits_the_width_of_an_a4_page(page, served):
    _, server = served
    page.goto(server + "/report/")
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dots per inch
    table = page.locator(".sp-report table").first.bounding_box()
    assert table["x"] >= 0 and table["x"] + table["width"] <= 794
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
