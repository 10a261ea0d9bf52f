"""Accessible and private, proven in Debian's Chromium over every page of the built site.

axe-core (a pinned copy bundled by axe-playwright-python) checks the WCAG 2.0/2.1/2.2 A and AA
rules on every page and on the search with results showing, in both colour schemes, at desktop
and phone widths. Screenshots of each kind of page go to test-output/screenshots/ for review.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from browser import DESKTOP, PHONE, SCREENSHOTS, search, settle, watch_requests

from macros.data.model import STATUS_MEANINGS
from macros.site.render import status_label, status_slug

WCAG_A_AND_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_A_AND_AA}, "resultTypes": ["violations"]}
MODES = {  # name: (colour scheme, viewport, whether to keep screenshots)
    "light-desktop": ("light", DESKTOP, True),
    "light-phone": ("light", PHONE, True),
    "dark-desktop": ("dark", DESKTOP, True),
    "dark-phone": ("dark", PHONE, False),
}
STATUS_WORDS = {status_label(status) for status in STATUS_MEANINGS}


def page_kind(url: str) -> str:
    """Pages made from one template are one kind: 'recommendations/ofsted-2019-r01/' → 'recommendations-item'."""
    parts = url.strip("/").split("/")
    if len(parts) > 1:
        return f"{parts[0]}-item"
    return (parts[0] or "home").removesuffix(".html")


def first_of_each_kind(urls: list[str]) -> set[str]:
    kinds: dict[str, str] = {}
    for url in urls:
        kinds.setdefault(page_kind(url), url)
    return set(kinds.values())


def violations(page) -> list[str]:
    """axe-core's WCAG A and AA violations on the page as it is now, one readable line each."""
    found = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    return [f"{v['id']} ({v['impact']}): {v['help']} — " + "; ".join(
        f"{' '.join(node['target'])}: {node['failureSummary'].splitlines()[-1].strip()}" for node in v["nodes"])
        for v in found]


@pytest.mark.parametrize("mode, site_name", [(mode, "real") for mode in MODES]
                         + [("light-desktop", "example"), ("dark-phone", "example")])
def test_every_page_and_the_search_have_no_wcag_a_or_aa_violations(mode, site_name, new_page, request):
    """The real site: every page in the first mode, and one page of each kind in the others (pages of
    one kind share their template). The example, for the charts, timelines, target tables and
    overdue flags the real data lacks yet: one page of each kind, light on a desktop, dark on a phone."""
    site = request.getfixturevalue("real_site" if site_name == "real" else "example_site")
    server = request.getfixturevalue("server" if site_name == "real" else "example_server")
    scheme, viewport, screenshots = MODES[mode]
    page = new_page(viewport=viewport, color_scheme=scheme)
    expected_scheme = "slate" if scheme == "dark" else "default"
    keep = first_of_each_kind(site.pages())
    every_page = site_name == "real" and mode == next(iter(MODES))
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    report = []
    for url in site.pages() if every_page else sorted(keep):
        page.goto(f"{server}/{url}")
        assert page.locator("body").get_attribute("data-md-color-scheme") == expected_scheme, url
        report += [f"{url or 'home'}: {line}" for line in violations(page)]
        if screenshots and url in keep:
            page.screenshot(path=SCREENSHOTS / f"{site_name}-{page_kind(url)}-{mode}.png", full_page=True)
    search(page, server, "caseloads" if site_name == "real" else "caseload")
    report += [f"search: {line}" for line in violations(page)]
    if screenshots:
        page.screenshot(path=SCREENSHOTS / f"{site_name}-search-{mode}.png")
    assert not report, f"{len(report)} axe-core violation(s) in the {site_name} site, {mode}:\n" + "\n".join(report)


def test_the_search_forms_are_named_search_landmarks_with_labelled_boxes(new_page, server):
    page = new_page(viewport=DESKTOP)
    search(page, server, "caseloads")
    assert page.get_by_role("search", name="Search this site").count() == 2  # the header's and the page's
    assert page.get_by_role("searchbox", name="Search this site").count() == 1
    assert page.get_by_role("searchbox", name="Search the recommendations, updates, meetings and minutes").count() == 1
    assert page.get_by_role("status").inner_text().startswith(f"{page.locator('.sp-search-result').count()} result")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_a_missing_address_gets_the_sites_own_404_page_which_passes_axe_and_links_to_the_statement(
        viewport, new_page, server):
    page = new_page(viewport=viewport)
    response = page.goto(server + "/recommendations/no-such-recommendation/")
    assert response.status == 404
    assert page.locator("article h1").inner_text().strip()
    assert page.locator(".md-header").evaluate("h => getComputedStyle(h).position") == "sticky"  # styled
    assert violations(page) == []
    page.locator("footer").get_by_role("link", name="Accessibility statement").click()
    assert page.locator("article h1").inner_text().startswith("Accessibility statement")


def test_no_request_leaves_the_site_and_no_cookie_is_set(new_page, server, real_site):
    page = new_page(viewport=DESKTOP)
    requests = watch_requests(page.context)  # the whole context: pages and the search's worker
    for url in real_site.pages():
        page.goto(f"{server}/{url}")
    search(page, server, "caseloads").first.locator("h2 a").click()
    page.wait_for_url("**/recommendations/ofsted-2019-r01/**")
    assert f"{server}/pagefind/pagefind-worker.js" in requests  # the watch sees the search's own fetches
    assert [url for url in requests if not url.startswith(server + "/")] == []
    assert page.context.cookies() == []
    assert page.evaluate("document.cookie") == ""


def test_the_colour_scheme_toggle_works_from_the_keyboard_and_is_remembered_without_a_cookie(new_page, server):
    page = new_page(viewport=DESKTOP, color_scheme="light")
    page.goto(server + "/")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "default"
    for _ in range(4):  # the toggle is reached and used with the keyboard alone
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('aria-label')") == "Switch to dark mode":
            break
    else:
        pytest.fail("Tab never reached the colour scheme toggle")
    page.keyboard.press("ArrowDown")  # a radio button: the arrow keys choose the other scheme
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    page.goto(server + "/themes/")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    assert violations(page) == []
    assert page.context.cookies() == []
    assert page.evaluate("document.cookie") == ""


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_skip_link_is_the_first_thing_tab_reaches_and_moves_past_the_menu(viewport, new_page, server,
                                                                             real_site):
    page = new_page(viewport=viewport)
    for url in sorted(first_of_each_kind(real_site.pages())):
        page.goto(f"{server}/{url}")
        page.keyboard.press("Tab")
        skip = page.locator(":focus")
        assert skip.inner_text().strip() == "Skip to content", url
        assert skip.is_visible() and skip.bounding_box()["y"] >= 0, url
        target = skip.get_attribute("href")
        page.keyboard.press("Enter")
        assert page.evaluate("location.hash") == target, url
        heading = page.locator(f"article {target}")
        assert heading.evaluate("h => h.tagName") == "H1", url
        assert heading.is_visible() and 0 <= heading.bounding_box()["y"] < viewport["height"], url


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_keyboard_focus_is_always_visible_on_screen(viewport, new_page, server):
    """Tab through the header, the menu and into the content: each stop must change what is seen."""
    page = new_page(viewport=viewport)
    page.goto(server + "/recommendations/ofsted-2019-r01/")
    stops = []
    for _ in range(16):
        page.keyboard.press("Tab")
        settle(page)
        name = page.evaluate("(e => e.tagName + ' ' + (e.getAttribute('aria-label') || e.textContent)"
                             ".trim().slice(0, 40))(document.activeElement)")
        focused = page.screenshot()
        page.evaluate("window.sp_last = document.activeElement; document.activeElement.blur()")
        settle(page)
        unfocused = page.screenshot()
        page.evaluate("window.sp_last.focus()")
        stops.append(name)
        assert focused != unfocused, f"focus on {name!r} cannot be seen (Tab stops so far: {stops})"
    assert any("Caseloads" in stop or stop.startswith("A ") for stop in stops[8:]), stops


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_search_is_reached_with_tab_and_enter_opens_the_caseloads_recommendation(viewport, new_page, server):
    page = new_page(viewport=viewport)
    page.goto(server + "/")
    for _ in range(8):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id === 'sp-search-q'"):
            break
    else:
        pytest.fail("Tab never reached the search box")
    assert page.locator("#sp-search-q").is_visible()
    page.keyboard.type("caseloads")
    page.keyboard.press("Enter")
    first = page.locator(".sp-search-result").first
    first.wait_for(state="visible", timeout=10_000)
    assert "ofsted-2019-r01" in first.locator("h2 a").get_attribute("href")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/recommendations/ofsted-2019-r01/**")
    assert page.locator("h1").inner_text().startswith("R01: Caseloads")


@pytest.mark.parametrize("width", [PHONE["width"], 320], ids=["phone", "reflow-at-400-percent-zoom"])
def test_without_javascript_every_table_status_and_history_is_there_and_fits_a_phone(width, new_page, server,
                                                                                     real_site):
    page = new_page(viewport={"width": width, "height": PHONE["height"]}, java_script_enabled=False)
    seen = {"tables": 0, "statuses": 0, "histories": 0}
    for url in real_site.pages():
        page.goto(f"{server}/{url}")
        built = real_site.content(url)
        for table in page.locator("article table").all():
            assert table.locator("caption").inner_text().strip(), url
            assert table.locator("th").count() > 0, url
            assert table.is_visible(), url
            seen["tables"] += 1
        statuses = page.locator("article .sp-status").all_inner_texts()
        assert len(statuses) == len(built.select(".sp-status")), url
        assert all(re.sub(r"\s+", " ", text).strip() in STATUS_WORDS for text in statuses), (url, statuses)
        seen["statuses"] += len(statuses)
        for history in page.locator("article .sp-history").all():
            assert history.is_visible() and history.inner_text().strip(), url
            seen["histories"] += 1
        overflow = page.evaluate("document.documentElement.scrollWidth")
        assert overflow <= width, f"{url} is {overflow}px wide on a {width}px screen"
    selectors = {"tables": "article table", "statuses": "article .sp-status", "histories": "article .sp-history"}
    assert seen == {name: sum(len(real_site.html(url).select(selector)) for url in real_site.pages())
                    for name, selector in selectors.items()}
    assert seen["tables"] >= 4 and seen["statuses"] >= 12 and seen["histories"] >= 12, seen


def relative_luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one: str, other: str) -> float:
    light, dark = sorted((relative_luminance(one), relative_luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_contrast_helper_matches_known_ratios():
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast("#767676", "#ffffff"), 2) == 4.54


@pytest.mark.parametrize("scheme", [":root", '[data-md-color-scheme="slate"]'])
def test_every_status_word_has_colours_with_at_least_4_5_to_1_contrast(scheme):
    """Every status, including ones the shipped data does not use yet, in both colour schemes."""
    css = (Path(__file__).resolve().parent.parent / "docs/stylesheets/portal.css").read_text(encoding="utf-8")
    block = css[css.index(scheme + " {"):]
    block = block[:block.index("}")]
    colours = dict(re.findall(r"--sp-([a-z-]+):\s*(#[0-9a-f]{6})", block))
    for status in STATUS_MEANINGS:
        slug = status_slug(status)
        ratio = contrast(colours[f"{slug}-fg"], colours[f"{slug}-bg"])
        assert ratio >= 4.5, f"{status} in {scheme}: {ratio:.2f}:1"


def test_the_accessibility_statement_follows_the_gov_uk_sample_and_every_page_links_to_it(real_site):
    headings = [h.get_text(" ", strip=True).removesuffix(" ¶")
                for h in real_site.content("accessibility/").select("h1, h2, h3, h4")]
    for heading in ("Accessibility statement", "How accessible this website is",
                    "Feedback and reporting accessibility problems", "Enforcement procedure",
                    "Compliance status", "Non-accessible content", "Preparation of this accessibility statement"):
        assert heading in headings, headings
    text = real_site.text("accessibility/")
    assert "Equality and Human Rights Commission" in text and "Equality Advisory and Support Service" in text
    assert re.search(r"prepared on \d{1,2} [A-Z][a-z]+ \d{4}\. It was last reviewed on \d{1,2} [A-Z][a-z]+ \d{4}", text)
    for url in real_site.pages():
        links = [a["href"] for a in real_site.html(url).select("footer a")
                 if a.get_text(strip=True) == "Accessibility statement"]
        assert len(links) == 1, url
        # Material's 404 page is served at any depth, so its links start from the site's root.
        target = links[0].lstrip("/") if url == "404.html" else real_site.resolve(url, links[0])[0]
        assert target == "accessibility/", (url, links)
    nav = [a.get_text(" ", strip=True) for a in real_site.html("").select("nav.md-nav--primary a")]
    assert "Accessibility statement" in nav
