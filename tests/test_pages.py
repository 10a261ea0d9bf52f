"""macros/site/pages.py: the pages made from the data, rendered whole by the pre-build step."""

from __future__ import annotations

import threading

import pytest

import macros.data.parallel as parallel
import macros.site.pages as pages
from macros.data.load import load_portal
from macros.site.render import Renderer


@pytest.fixture
def rendering(example):
    """The FICTIONAL example's portal (it has pages of every kind) and a renderer for it."""
    portal = load_portal(example.root)
    return portal, Renderer(portal)


def test_every_record_has_a_page_in_a_folder_of_its_own(rendering):
    portal, _ = rendering
    paths = pages.page_paths(portal)
    assert {folder for folder, _ in paths.values()} == set(pages.PAGE_FOLDERS)
    assert all(path == f"{folder}/{record}/index.md" for path, (folder, record) in paths.items())
    assert len(paths) == sum(len(ids(portal)) for _, ids in pages.PAGE_FOLDERS.values())


def test_pages_shared_among_processors_are_the_pages_rendered_in_one(rendering, monkeypatch, forking):
    """A big archive's pages are rendered by forked workers while this process writes the downloads;
    what they make is what one process makes, page for page and in the same order."""
    portal, renderer = rendering
    wanted = pages.page_paths(portal)
    alone, done = pages.render_pages(renderer, wanted, lambda: "meanwhile")
    assert done == "meanwhile"
    monkeypatch.setattr(pages, "SHARED_FROM", 1)
    shared, done = pages.render_pages(renderer, wanted, lambda: "meanwhile too")
    assert forking, "the pages were not shared among processes"
    assert done == "meanwhile too"
    assert list(shared.items()) == list(alone.items())
    assert parallel._WORK is None  # nothing of the portal is kept after


def test_with_another_thread_running_nothing_is_forked(rendering, monkeypatch):
    """`mkdocs serve` runs threads; forking then could copy a lock another thread holds."""
    portal, renderer = rendering
    monkeypatch.setattr(pages, "SHARED_FROM", 1)
    monkeypatch.setattr(parallel, "ProcessPoolExecutor", lambda *a, **k: pytest.fail("forked beside a thread"))
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        shared, _ = pages.render_pages(renderer, pages.page_paths(portal), list)
    finally:
        stop.set()
        other.join()
    assert all(text.startswith(f"---\n{pages.MARKER}\nrender_macros: false\ntitle: ") for text in shared.values())


def test_a_page_s_front_matter_is_its_escaped_title_and_for_a_recommendation_its_feed(rendering):
    portal, renderer = rendering
    rec = portal.recommendations[0]
    text = pages.page_text(renderer, "recommendations", rec.id)
    assert text.startswith(f"---\n{pages.MARKER}\nrender_macros: false\ntitle: ")
    assert f"  href: data/feeds/{rec.id}.atom\n" in text
    assert pages.theme_title("<b>{{ x }}</b>") == "&lt;b&gt;&#123;&#123; x &#125;&#125;&lt;/b&gt;"
