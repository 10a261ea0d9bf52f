"""What a published site needs around the pages: canonical links, sitemap, robots.txt, a helpful
404 page, a favicon, a footer saying which build the pages show, and "suggest a change" links."""

from __future__ import annotations

import functools
import http.server
import io
import subprocess
import threading
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from sites import PROJECT, Site, build

from macros.data.load import load_portal

SITE_URL = "https://council.example/scrutiny-portal/"
REPO_URL = "https://github.com/example-council/scrutiny-portal"
PUBLISHED = {"PORTAL_SITE_URL": SITE_URL, "PORTAL_VERSION": "abc1234", "PORTAL_BUILD_DATE": "2026-11-28",
             "PORTAL_REPO_URL": REPO_URL}


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Site:
    """The real site built as the publishing workflow builds it, with the settings fixed."""
    folder = tmp_path_factory.mktemp("published")
    result = build(PROJECT, folder, **PUBLISHED)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return Site(folder)


@pytest.fixture(scope="module")
def portal():
    return load_portal(PROJECT)


def content_pages(site: Site) -> list[str]:
    return [url for url in site.pages() if url != "404.html"]


def test_every_page_names_its_published_address_as_canonical(published, portal):
    pages = content_pages(published)
    assert len(pages) >= 7 + len(portal.recommendations) + len(portal.minutes)  # nav pages and stubs
    for url in pages:
        canonical = published.html(url).select('link[rel="canonical"]')
        assert [link["href"] for link in canonical] == [SITE_URL + url], url


def test_the_sitemap_lists_every_page_at_its_published_address(published):
    root = ET.parse(published.folder / "sitemap.xml").getroot()
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    listed = [loc.text for loc in root.findall("s:url/s:loc", namespace)]
    assert sorted(listed) == sorted(SITE_URL + url for url in content_pages(published))


def test_robots_txt_lets_crawlers_in_and_points_them_at_the_sitemap(published):
    lines = (published.folder / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "User-agent: *"
    assert "Allow: /" in lines
    assert f"Sitemap: {SITE_URL}sitemap.xml" in lines
    assert not any(line.startswith("Disallow: /") and line != "Disallow: " for line in lines)


def test_the_404_page_says_the_page_is_missing_and_offers_working_ways_on(published):
    page = published.html("404.html")
    article = published.content("404.html")
    assert article.find("h1").get_text(strip=True) == "Page not found"
    assert "search" in published.text("404.html")
    links = {a.get_text(" ", strip=True): a["href"] for a in article.select("a")}
    # GitHub Pages shows this page at any depth, so its links start from the site's own path.
    expected = {"/scrutiny-portal/", "/scrutiny-portal/recommendations/", "/scrutiny-portal/meetings/"}
    assert set(links.values()) == expected
    for href in links.values():
        target = published.file_for(href.removeprefix("/scrutiny-portal/"))
        assert target.is_file(), href
    for link in page.select('link[rel="stylesheet"]'):
        assert link["href"].startswith("/scrutiny-portal/"), link["href"]


def test_every_page_has_the_portal_s_own_favicon(published):
    favicon = published.folder / "images" / "favicon.svg"
    svg = ET.parse(favicon).getroot()
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    assert "href" not in favicon.read_text(encoding="utf-8")  # draws itself; fetches nothing
    for url in published.pages():
        icons = published.html(url).select('link[rel="icon"]')
        assert len(icons) == 1, url
        base = urljoin(SITE_URL, url) if url != "404.html" else SITE_URL
        assert urljoin(base, icons[0]["href"]) == SITE_URL + "images/favicon.svg", url


def test_every_page_footer_says_which_build_it_shows(published):
    for url in published.pages():
        footer = published.html(url).select_one("footer .sp-build")
        assert footer is not None, url
        words = " ".join(footer.get_text(" ").split())
        assert words == "These pages show the portal as at 28 November 2026 , version abc1234.", url
        assert footer.find("time")["datetime"] == "2026-11-28"


def test_without_a_version_given_the_footer_shows_the_checked_out_commit(real_site):
    """The test builds get no PORTAL_VERSION (sites.run drops the workflow's), so git's answer shows."""
    git = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=PROJECT, capture_output=True, text=True)
    expected = git.stdout.strip() if git.returncode == 0 else "unknown"
    footer = " ".join(real_site.html("").select_one("footer .sp-build").get_text(" ").split())
    assert footer.endswith(f", version {expected}.")


def test_a_version_with_markup_in_it_shows_as_typed(tmp_path):
    """MkDocs' theme templates do not escape by themselves; the footer partial does."""
    result = build(PROJECT, tmp_path, PORTAL_VERSION="<b>v1</b>")
    assert result.returncode == 0, result.stderr
    footer = Site(tmp_path).html("").select_one("footer .sp-build")
    assert footer.find("b") is None
    assert "version <b>v1</b>." in footer.get_text()


# --- suggest a change ----------------------------------------------------------------------------


def edit_links(site: Site, url: str) -> list[str]:
    aside = site.html(url).select_one("article .sp-edit")
    return [a["href"] for a in aside.select("a")] if aside else []


def edit(path: str) -> str:
    return f"{REPO_URL}/edit/main/{path}"


def test_minutes_pages_link_to_their_minutes_file_not_the_stub_page(published, portal):
    assert portal.minutes
    for minutes in portal.minutes:
        url = f"minutes/{minutes.id}/"
        assert edit_links(published, url) == [edit(f"data/minutes/{minutes.id}.md")]
        link = published.html(url).select_one(".sp-edit a")
        assert link.get_text(strip=True) == f"Suggest a change to data/minutes/{minutes.id}.md"


def test_recommendation_pages_link_to_the_recommendation_progress_and_findings_files_they_show(published, portal):
    for rec in portal.recommendations:
        files = ["data/recommendations/ofsted-2019.yaml", *sorted({portal.locations.file(u) for u in portal.history(rec)})]
        files += ["data/findings.yaml"] if portal.others.about(rec.id) else []
        assert edit_links(published, f"recommendations/{rec.id}/") == [edit(f) for f in files]
    assert edit_links(published, "findings/") == [edit("data/findings.yaml"), edit("data/bodies.yaml")]


def test_summary_pages_link_to_the_data_files_they_are_made_from(published):
    expected = {
        "themes/": ["data/themes.yaml"],
        "resolutions/": ["data/resolutions.yaml"],
        "meetings/": ["data/meetings.yaml", "data/minutes/cypssc-2019-05-15-item-4.md"],
        "about/": ["data/portal.yaml"],
    }
    for url, files in expected.items():
        assert edit_links(published, url) == [edit(f) for f in files], url


def test_every_edit_link_opens_a_data_file_that_exists(published):
    linked = {href for url in published.pages() for href in edit_links(published, url)}
    assert len(linked) >= 8
    for href in linked:
        path = href.removeprefix(edit(""))
        assert path.startswith("data/") and (PROJECT / path).is_file(), href


def test_no_edit_links_when_the_repository_is_not_given(real_site):
    assert not [url for url in real_site.pages() if real_site.html(url).select(".sp-edit")]


def test_every_footer_offers_the_public_issue_tracker_for_reporting_a_problem(published, real_site):
    for url in published.pages():
        link = published.html(url).select_one("footer .sp-footer-line").find("a", string="Report a problem with this website")
        assert link is not None and link["href"] == f"{REPO_URL}/issues", url
    assert "Report a problem" not in real_site.html("").select_one("footer").get_text()  # no repository given


# --- the 404 page in a real browser, served as GitHub Pages serves it ---------------------------


class PagesHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site under its published path and answers a missing page with 404.html, as
    GitHub Pages does."""

    prefix = urlsplit(SITE_URL).path

    def log_message(self, *args):
        pass

    def translate_path(self, path):
        path = urlsplit(path).path
        inside = path[len(self.prefix) - 1:] if path.startswith(self.prefix) else "/does-not-exist"
        return super().translate_path(inside)

    def send_head(self):
        target = Path(self.translate_path(self.path))
        if target.is_file() or (target / "index.html").is_file():
            return super().send_head()
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def test_a_missing_page_at_any_depth_shows_the_styled_404_page_whose_links_work(published, new_page):
    handler = functools.partial(PagesHandler, directory=str(published.folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{httpd.server_address[1]}"
    try:
        page = new_page()
        failed, requested = [], []
        page.on("request", lambda request: requested.append(request.url))
        page.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
        response = page.goto(origin + urlsplit(SITE_URL).path + "recommendations/no/such/page/")
        assert response.status == 404
        assert page.locator("h1").inner_text() == "Page not found"
        # Material's stylesheet reached the page (an unstyled header would not be sticky) …
        assert page.locator("header.md-header").evaluate("e => getComputedStyle(e).position") == "sticky"
        # … only the page itself was missing, none of its assets. (Material's script also asks
        # for a sitemap.xml beside each <link rel="alternate"> — the feeds and the calendar —
        # to support language switchers; those probes find nothing and change nothing.)
        assert [url for url in failed if not url.endswith("/sitemap.xml")] == [response.url]
        assert all(url.startswith(origin) for url in requested), requested  # and nothing from elsewhere
        page.get_by_role("link", name="see all the recommendations").click()
        page.wait_for_url("**/scrutiny-portal/recommendations/")
        assert page.locator("h1").inner_text().startswith("Recommendations")
    finally:
        httpd.shutdown()
