"""macros/__init__.py: the thin adapter the macros plugin (and later Zensical) calls."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from macros import DataNotPublishable, define_env


class FakeEnv:
    """Just what define_env uses of the macros plugin's env: no MkDocs needed."""

    def __init__(self, root, url="recommendations/ofsted-2019-r01/"):
        self.project_dir = str(root)
        self.conf = {"use_directory_urls": True, "site_url": "https://example.org/portal/",
                     "docs_dir": str(root / "docs"), "extra": {}}
        self.page = SimpleNamespace(url=url, meta={})
        self.macros = {}

    def macro(self, function, name=""):  # as the macros plugin's env.macro
        self.macros[name or function.__name__] = function
        return function


def test_define_env_registers_the_page_macros(project):
    env = FakeEnv(project.root)
    define_env(env)
    from macros.site.pages import PAGE_FOLDERS

    # one macro for each kind of page the build makes from the data, and the summary and data pages
    assert set(env.macros) == {macro for macro, _ in PAGE_FOLDERS.values()} | {"portal_page", "data_page"}
    markdown = env.macros["recommendation_page"]("ofsted-2019-r01")
    assert markdown.startswith("# R01: Caseloads")
    assert 'href="../../minutes/cypssc-2019-05-15-item-4/#minute-4.3"' in markdown  # relative to the page
    assert env.page.meta["title"] == "R01: Caseloads"


def test_a_title_from_data_reaches_the_theme_escaped_with_no_template_syntax(project):
    project.replace("data/recommendations/ofsted-2019.yaml", "    title: Caseloads\n",
                    "    title: '<b>{{ x }}</b>'\n")
    env = FakeEnv(project.root)
    define_env(env)
    env.macros["recommendation_page"]("ofsted-2019-r01")
    assert env.page.meta["title"] == "R01: &lt;b&gt;&#123;&#123; x &#125;&#125;&lt;/b&gt;"


def test_an_unknown_summary_page_is_an_error_not_a_silent_blank(project):
    env = FakeEnv(project.root, url="")
    define_env(env)
    with pytest.raises(ValueError, match="no page called 'homepage'"):
        env.macros["portal_page"]("homepage")


def test_bad_data_stops_with_an_exit_that_serve_survives_and_build_reports(project):
    project.replace("data/progress/2019-05-15.yaml", "status: not yet assessed", "status: in progres")
    with pytest.raises(DataNotPublishable) as stopped:
        define_env(FakeEnv(project.root))
    # A SystemExit whose code is the report: `mkdocs build` prints it and exits 1, no traceback.
    assert stopped.value.code.startswith("The portal's data has 1 problem.")
    # Also an Exception: `mkdocs serve` prints it and keeps serving until the data is fixed.
    assert isinstance(stopped.value, Exception)



def test_define_env_writes_the_downloads_into_docs_data_before_files_are_collected(project):
    define_env(FakeEnv(project.root))
    feed = project.read("docs/data/feeds/ofsted-2019-r01.atom")
    assert "<id>https://example.org/portal/data/feeds/ofsted-2019-r01.atom</id>" in feed
    assert (project.root / "docs" / "data" / "meetings.ics").exists()


def test_a_recommendation_page_names_its_own_feed_for_the_theme(project):
    env = FakeEnv(project.root)
    define_env(env)
    env.macros["recommendation_page"]("ofsted-2019-r01")
    assert env.page.meta["feed"] == {"href": "data/feeds/ofsted-2019-r01.atom",
                                     "title": "R01: progress updates, minutes and findings"}


def test_without_a_site_address_the_build_stops_and_says_how_to_fix_it(project, plain_words):
    env = FakeEnv(project.root)
    del env.conf["site_url"]
    with pytest.raises(DataNotPublishable) as stopped:
        define_env(env)
    plain_words(stopped.value.code)
    assert "site_url" in stopped.value.code


def test_the_footer_gets_the_build_date_and_version(project, monkeypatch):
    monkeypatch.setenv("PORTAL_BUILD_DATE", "2026-11-28")
    monkeypatch.setenv("PORTAL_VERSION", "abc1234")
    env = FakeEnv(project.root)
    define_env(env)
    assert env.conf["extra"]["portal_build"] == {"date": "28 November 2026", "date_iso": "2026-11-28",
                                                 "version": "abc1234", "issues": None}


def test_edit_links_appear_only_when_the_repository_is_given(project, monkeypatch):
    monkeypatch.delenv("PORTAL_REPO_URL", raising=False)
    env = FakeEnv(project.root, url="minutes/cypssc-2019-05-15-item-4/")
    define_env(env)
    assert "sp-edit" not in env.macros["minutes_page"]("cypssc-2019-05-15-item-4")
    monkeypatch.setenv("PORTAL_REPO_URL", "https://github.com/council/portal")
    define_env(env)
    markdown = env.macros["minutes_page"]("cypssc-2019-05-15-item-4")
    assert 'href="https://github.com/council/portal/edit/main/data/minutes/cypssc-2019-05-15-item-4.md"' in markdown


@pytest.mark.parametrize("variable, value", [("PORTAL_REPO_URL", "github.com/council/portal"),
                                             ("PORTAL_BUILD_DATE", "28/11/2026")])
def test_a_bad_publishing_setting_stops_the_build_with_words_not_a_traceback(project, monkeypatch, plain_words,
                                                                              variable, value):
    monkeypatch.setenv(variable, value)
    with pytest.raises(DataNotPublishable) as stopped:
        define_env(FakeEnv(project.root))
    assert stopped.value.code.startswith(f"{variable}=")
    plain_words(stopped.value.code)
