"""The migration path: the real portal and the example built with both builders, MkDocs with Material
(`make build`) and Zensical (`make build-zensical`), each on the first build of a fresh checkout,
publish the same portal; every remaining difference is the one the README's migration note lists."""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import urllib.error
import urllib.request
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from bs4 import BeautifulSoup
from browser import DESKTOP, SCREENSHOTS, result_links, search, serve, watch_requests
from builders import VENV, build_site, checkout, make
from sites import PROJECT, Site
from test_accessibility import AXE_OPTIONS

from macros.data.load import load_portal

SITE_URL = "https://council.example/portal/"  # published under a path, as a project's Pages site is
SETTINGS = {"PORTAL_SITE_URL": SITE_URL, "PORTAL_BUILD_DATE": "2026-11-28", "PORTAL_VERSION": "abc1234",
            "PORTAL_REPO_URL": "https://github.com/council/portal"}
BUILDERS = ("mkdocs", "zensical")
SITES = ("real", "example")
FOOTER = "These pages show the portal as at 28 November 2026 , version abc1234."
# Pagefind's pieces named by a digest of what they hold (compared by what they hold, below).
INDEX_PIECES = r"|pagefind/(fragment|index|filter)/.*|pagefind/pagefind(\..*\.pf_meta|-entry\.json)"
# What only one builder publishes: its own theme's files, and what it makes of its own accord.
OWN_FILES = {"mkdocs": re.compile(r"assets/.*|sitemap\.xml\.gz" + INDEX_PIECES),
             "zensical": re.compile(r"assets/.*|search\.json" + INDEX_PIECES)}
README = PROJECT / "README.md"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[tuple[str, str], Site]:
    """(builder, site) → the site that builder made on the first build of a fresh checkout."""
    return {
        (builder, site): Site(build_site(tmp_path_factory.mktemp(f"{builder}-{site}"), builder, site, **SETTINGS))
        for builder in BUILDERS
        for site in SITES
    }


def files(site: Site, builder: str) -> set[str]:
    every = {p.relative_to(site.folder).as_posix() for p in site.folder.rglob("*") if p.is_file()}
    return {name for name in every if not OWN_FILES[builder].fullmatch(name)}


@pytest.mark.parametrize("site", SITES)
def test_every_page_and_file_of_the_mkdocs_site_is_in_the_zensical_site(built, site):
    mkdocs, zensical = built["mkdocs", site], built["zensical", site]
    assert len(mkdocs.pages()) > 20
    assert set(mkdocs.pages()) == set(zensical.pages())
    assert files(mkdocs, "mkdocs") == files(zensical, "zensical")  # images, styles, downloads, robots.txt …


def targets(site: Site, url: str) -> list[str]:
    """Where each link in a page's content goes, as a site-relative address with its fragment."""
    found = []
    for tag in site.content(url).select("[href], [src]"):
        link = tag["href"] if tag.has_attr("href") else tag["src"]
        if not re.match(r"^[a-z]+:", link):
            address, fragment = site.resolve(url, link)
            found.append(f"{address}#{fragment}" if fragment else address)
    return found


@pytest.mark.parametrize("site", SITES)
def test_every_page_says_the_same_and_links_to_the_same_places(built, site):
    mkdocs, zensical = built["mkdocs", site], built["zensical", site]
    for url in mkdocs.pages():
        assert zensical.text(url) == mkdocs.text(url), url
        assert targets(zensical, url) == targets(mkdocs, url), url
        assert zensical.html(url).title.get_text() == mkdocs.html(url).title.get_text(), url


def recommendations(site: Site) -> list[dict]:
    """Each recommendation as its page shows it: title, status, its updates' count and dates."""
    shown = []
    for url in sorted(u for u in site.pages() if re.fullmatch(r"recommendations/[^/]+/", u)):
        content = site.content(url)
        shown.append({
            "title": content.find("h1").get_text(" ", strip=True),
            "status": content.select_one(".sp-facts dd").get_text(" ", strip=True),
            "updates": len(content.select(".sp-history .sp-update")),
            "dates": [t["datetime"] for t in content.select("time[datetime]")],
        })
    return shown


def test_the_12_recommendations_titles_statuses_updates_and_dates_are_identical(built):
    expected = recommendations(built["mkdocs", "real"])
    assert len(expected) == len(load_portal(PROJECT).recommendations) == 12
    assert all(rec["updates"] and rec["dates"] and rec["status"] for rec in expected)
    assert recommendations(built["zensical", "real"]) == expected
    assert recommendations(built["zensical", "example"]) == recommendations(built["mkdocs", "example"])


@pytest.mark.parametrize("site", SITES)
def test_downloads_feeds_calendar_and_schemas_are_byte_identical_on_the_first_build(built, site):
    mkdocs, zensical = built["mkdocs", site], built["zensical", site]
    made = sorted(name for name in files(mkdocs, "mkdocs") if re.match(r"(data|schemas)/.*\.(json|csv|atom|ics)$", name))
    assert {"data/meetings.ics", "data/feeds/all.atom", "data/recommendations.csv"} <= set(made)
    for name in [*made, "robots.txt"]:
        assert (zensical.folder / name).read_bytes() == (mkdocs.folder / name).read_bytes(), name


@pytest.mark.parametrize("site", SITES)
def test_every_zensical_page_has_the_footer_s_build_line_and_report_link(built, site):
    zensical = built["zensical", site]
    for url in zensical.pages():  # the 404 page too
        footer = zensical.html(url).select_one("footer")
        assert " ".join(footer.select_one(".sp-build").get_text(" ").split()) == FOOTER, url
        report = footer.find("a", string="Report a problem with this website")
        assert (report is not None) == (site == "real"), url  # an invented example takes no reports
        assert "Made with Zensical" in " ".join(footer.get_text(" ").split()), url


def fragments(site: Site) -> list[dict]:
    """Each page's entry in the Pagefind index: its address, words, headings and title."""
    entries = []
    for piece in (site.folder / "pagefind" / "fragment").glob("*.pf_fragment"):
        raw = gzip.decompress(piece.read_bytes())
        entries.append(json.loads(raw[raw.index(b"{"):]))  # after Pagefind's own marker
    return entries


def search_index(site: Site) -> dict[str, dict]:
    """The index by address. Zensical's target for its "skip to content" link is an element with an
    ID (__skip) at the top of each article; Pagefind keeps every ID but shows only headings in its
    results, so readers never see it: it is left out here, and the README's note names it."""
    return {entry["url"]: {**entry, "anchors": [a for a in entry["anchors"] if a["id"] != "__skip"]}
            for entry in fragments(site)}


@pytest.mark.parametrize("site", SITES)
def test_search_finds_the_same_words_on_the_same_pages_under_both_builders(built, site):
    """Pagefind indexes both builders' sites after the build (make build, make build-zensical)."""
    mkdocs, zensical = built["mkdocs", site], built["zensical", site]
    expected = search_index(mkdocs)
    assert set(expected) == {"/" + url for url in mkdocs.pages()}
    assert search_index(zensical) == expected
    assert json.loads((zensical.folder / "search.json").read_text())["items"] == []  # Zensical's own: empty


# --- every link, served under a path ------------------------------------------------------------


ROOT_URL = "https://council.example/"  # published at a domain's root


@pytest.fixture(scope="module")
def at_root(tmp_path_factory) -> Site:
    """The real portal built by Zensical for a domain's root (MkDocs' is tests/test_build.py's)."""
    return Site(build_site(tmp_path_factory.mktemp("zensical-root"), "zensical", "real",
                           **{**SETTINGS, "PORTAL_SITE_URL": ROOT_URL}))


def internal(published: str, base: str, page: str, link: str) -> str | None:
    """A link's address on the local server, or None for one that leaves the site (or is no address)."""
    if link.startswith(published):
        link = base + "/" + link[len(published):]
    elif re.match(r"^[a-z]+:", link):
        return None  # another website, mailto: …; the published address is mapped above
    return urljoin(page, link)


@pytest.mark.parametrize("builder, site", [(builder, site) for builder in BUILDERS for site in SITES] + [("zensical", "root")])
def test_no_link_or_source_in_any_page_is_broken_when_the_site_is_served_under_a_path(builder, site, request):
    """Every href and src on every page, followed on a server that has the site at /portal/ only
    (or, built for a domain's root, at /), and every #fragment found on the page it names."""
    built_site = request.getfixturevalue("at_root") if site == "root" else request.getfixturevalue("built")[builder, site]
    published = ROOT_URL if site == "root" else SITE_URL
    broken, fetched, ids = [], {}, {}
    with serve(built_site.folder, under=urlsplit(published).path) as base:

        def fetch(address: str) -> tuple[int, bytes]:
            if address not in fetched:
                try:
                    with urllib.request.urlopen(address, timeout=10) as response:  # noqa: S310 - our own server
                        fetched[address] = (response.status, response.read())
                except urllib.error.HTTPError as error:
                    fetched[address] = (error.code, b"")
            return fetched[address]

        for url in built_site.pages():
            page = f"{base}/{url}"
            for tag in built_site.html(url).select("[href], [src]"):
                link = tag["href"] if tag.has_attr("href") else tag["src"]
                address = internal(published, base, page, link)
                if address is None:
                    continue
                target, fragment = urldefrag(address)
                status, body = fetch(target)
                if status != 200:
                    broken.append(f"{url or 'home'}: {link} → {status}")
                elif fragment and target.endswith("/"):
                    if target not in ids:
                        ids[target] = {tag["id"] for tag in BeautifulSoup(body, "html.parser").select("[id]")}
                    if fragment not in ids[target]:
                        broken.append(f"{url or 'home'}: {link} → no #{fragment}")
    assert len(fetched) > 50
    assert not broken, f"{len(broken)} broken in the {builder} {site} site:\n" + "\n".join(sorted(set(broken)))


# --- what a reader sees ---------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["", "recommendations/ofsted-2019-r01/", "guide/"])
def test_zensical_pages_pass_axe_and_are_kept_as_screenshots(built, new_page, url):
    """The home page, a recommendation's page and the clerks' guide (with its blocks of code)."""
    with serve(built["zensical", "real"].folder, under=urlsplit(SITE_URL).path) as base:
        page = new_page(viewport=DESKTOP)
        requested = watch_requests(page)
        page.goto(f"{base}/{url}")
        found = Axe().run(page, options=AXE_OPTIONS).response["violations"]
        assert all(address.startswith(base) for address in requested), requested  # nothing from elsewhere
        assert not [address for address in requested if "search" in address]  # no index before a search
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SCREENSHOTS / f"zensical-{url.strip('/').replace('/', '-') or 'home'}.png", full_page=True)
    assert not [f"{v['id']}: {v['help']}" for v in found]


def test_searching_the_zensical_site_under_a_path_finds_the_page_and_leads_to_it(built, new_page):
    with serve(built["zensical", "real"].folder, under=urlsplit(SITE_URL).path) as base:
        page = new_page(viewport=DESKTOP)
        requested = watch_requests(page)
        results = search(page, base, "caseloads")
        assert "recommendations/ofsted-2019-r01/" in result_links(results)[0]
        page.screenshot(path=SCREENSHOTS / "zensical-search.png")
        results.first.locator("h2 a").click()
        page.wait_for_url("**/portal/recommendations/ofsted-2019-r01/**")
        assert page.locator("h1").inner_text().startswith("R01: Caseloads")
    assert all(address.startswith(base) for address in requested), requested


# --- the Zensical route itself ---------------------------------------------------------------------


def test_a_rebuild_after_only_the_build_date_changes_shows_the_new_date_on_every_page(built):
    root = built["zensical", "real"].folder.parent
    result = make(root, "build-zensical", **{**SETTINGS, "PORTAL_BUILD_DATE": "2027-01-15"})
    assert result.returncode == 0, result.stderr
    rebuilt = Site(root / "site")
    assert "As at 15 January 2027 :" in rebuilt.text("actions/")  # a page's own words, not only its footer
    assert "Report as at 15 January 2027 ," in rebuilt.text("report/")
    for url in rebuilt.pages():
        footer = " ".join(rebuilt.html(url).select_one("footer .sp-build").get_text(" ").split())
        assert "as at 15 January 2027 ," in footer, url


def test_zensical_without_the_pre_build_step_stops_and_says_what_to_run(tmp_path):
    root = checkout(tmp_path)
    ran = subprocess.run([VENV / "bin" / "zensical", "build", "--strict"], cwd=root, capture_output=True, text=True,
                         timeout=300)
    assert ran.returncode != 0
    assert "docs/.meta.yml:1: the pre-build step has not run" in ran.stdout + ran.stderr
    assert not (root / "site" / "data").exists()


# --- the migration note ------------------------------------------------------------------------------


def migration_note() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index("### What differs for readers")
    return text[start:text.index("\n## ", start)]


def shipped(site: Site) -> set[str]:
    return {p.relative_to(site.folder).as_posix() for p in site.folder.rglob("*") if p.is_file()}


def credit(site: Site) -> str:
    return " ".join(site.html("").select_one("footer .md-copyright").get_text(" ").split()).rsplit("Made with", 1)[1]


# Each difference the note names (by a phrase in it), and how the two real sites show it.
DIFFERENCES = {
    '"Made with Zensical"': lambda m, z: (credit(m), credit(z)) == (" Material for MkDocs", " Zensical")
    and z.html("").select_one('meta[name="generator"]')["content"].startswith("zensical-"),
    "`search.json`": lambda m, z: shipped(z) - shipped(m) >= {"search.json"},
    "`__skip`": lambda m, z: all(entry["anchors"][0]["id"] == "__skip" for entry in fragments(z))
    and not any(a["id"] == "__skip" for entry in fragments(m) for a in entry["anchors"]),
    "`sitemap.xml.gz`": lambda m, z: "sitemap.xml.gz" in shipped(m) - shipped(z)
    and "<lastmod>" in (m.folder / "sitemap.xml").read_text() and "<lastmod>" not in (z.folder / "sitemap.xml").read_text(),
    "`assets/`": lambda m, z: {n for n in shipped(m) if n.startswith("assets/")}
    != {n for n in shipped(z) if n.startswith("assets/")},
}


def test_the_migration_note_lists_the_differences_the_builds_show(built):
    """Each difference the README's note lists is one the builds show; the tests above find every
    other file, page, word, link and download the same (OWN_FILES are the note's files)."""
    note = migration_note()
    assert len(re.findall(r"^- ", note, re.MULTILINE)) == len(DIFFERENCES), "one entry in the note per difference"
    for phrase, shows in DIFFERENCES.items():
        assert phrase in note, phrase
        assert shows(built["mkdocs", "real"], built["zensical", "real"]), phrase
