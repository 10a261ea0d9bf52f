"""macros/__init__.py: the thin adapter the macros plugin (and later Zensical) calls."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
import yaml

from macros import DataNotPublishable, define_env
from macros.data.load import load_portal
from macros.site.pages import PAGE_FOLDERS


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


def generated(project, path: str) -> tuple[dict, str]:
    """A page the pre-build step wrote into docs/: its front matter, and its content."""
    _, front, body = project.read(f"docs/{path}").split("---\n", 2)
    return yaml.safe_load(front), body


def test_define_env_registers_the_summary_pages_macros(project):
    env = FakeEnv(project.root)
    define_env(env)
    # every page made from the data is rendered by the pre-build step, so only the summary pages
    # and the data page, which people write, call macros
    assert set(env.macros) == {"portal_page", "data_page"}


def test_each_record_s_page_is_written_rendered_into_a_folder_of_its_own(project):
    define_env(FakeEnv(project.root))
    assert {path for folder in PAGE_FOLDERS for path in (project.root / "docs" / folder).glob("*/index.md")}
    front, body = generated(project, "recommendations/ofsted-2019-r01/index.md")
    assert front["title"] == "R01: Caseloads"
    assert front["made_by"].startswith("the portal's build from data/")
    assert body.startswith("# R01: Caseloads")
    assert 'href="../../minutes/cypssc-2019-05-15-item-4/#minute-4.3"' in body  # relative to its folder
    assert "{{" not in body and front["render_macros"] is False  # no builder renders it again


def test_a_title_from_data_reaches_the_theme_escaped_with_no_template_syntax(project):
    project.replace("data/recommendations/ofsted-2019.yaml", "    title: Caseloads\n",
                    "    title: '<b>{{ x }}</b>'\n")
    define_env(FakeEnv(project.root))
    front, _ = generated(project, "recommendations/ofsted-2019-r01/index.md")
    assert front["title"] == "R01: &lt;b&gt;&#123;&#123; x &#125;&#125;&lt;/b&gt;"


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
    define_env(FakeEnv(project.root))
    front, _ = generated(project, "recommendations/ofsted-2019-r01/index.md")
    assert front["feed"] == {"href": "data/feeds/ofsted-2019-r01.atom",
                             "title": "R01: progress updates, minutes and findings"}


def test_without_a_site_address_the_build_stops_and_says_how_to_fix_it(project, plain_words):
    env = FakeEnv(project.root)
    del env.conf["site_url"]
    with pytest.raises(DataNotPublishable) as stopped:
        define_env(env)
    plain_words(stopped.value.code)
    assert "site_url" in stopped.value.code


def test_the_footer_s_facts_go_into_every_page_s_metadata_before_files_are_collected(project, monkeypatch):
    """docs/.meta.yml, which the meta plugin of both builders merges into every page's metadata."""
    monkeypatch.setenv("PORTAL_BUILD_DATE", "2026-11-28")
    monkeypatch.setenv("PORTAL_VERSION", "abc1234")
    monkeypatch.setenv("PORTAL_REPO_URL", "https://github.com/council/portal")
    env = FakeEnv(project.root)
    define_env(env)
    facts = yaml.safe_load(project.read("docs/.meta.yml"))["portal_build"]
    assert facts.pop("made_from")
    assert facts == {"date": "28 November 2026", "date_iso": "2026-11-28", "version": "abc1234",
                     "issues": "https://github.com/council/portal/issues",
                     "repository": {"url": "https://github.com/council/portal", "branch": "main"}}
    assert "portal_build" not in env.conf["extra"]  # no builder's configuration is changed while it builds


def test_edit_links_appear_only_when_the_repository_is_given(project, monkeypatch):
    monkeypatch.delenv("PORTAL_REPO_URL", raising=False)
    define_env(FakeEnv(project.root))
    assert "sp-edit" not in generated(project, "minutes/cypssc-2019-05-15-item-4/index.md")[1]
    monkeypatch.setenv("PORTAL_REPO_URL", "https://github.com/council/portal")
    define_env(FakeEnv(project.root))
    _, body = generated(project, "minutes/cypssc-2019-05-15-item-4/index.md")
    assert 'href="https://github.com/council/portal/edit/main/data/minutes/cypssc-2019-05-15-item-4.md"' in body


@pytest.mark.parametrize("variable, value", [("PORTAL_REPO_URL", "github.com/council/portal"),
                                             ("PORTAL_BUILD_DATE", "28/11/2026")])
def test_a_bad_publishing_setting_stops_the_build_with_words_not_a_traceback(project, monkeypatch, plain_words,
                                                                              variable, value):
    monkeypatch.setenv(variable, value)
    with pytest.raises(DataNotPublishable) as stopped:
        define_env(FakeEnv(project.root))
    assert stopped.value.code.startswith(f"{variable}=")
    plain_words(stopped.value.code)


# --- under Zensical, which calls define_env for every page it renders ----------------------------


def prepared(project) -> dict:
    """Run the pre-build step on the copy, as make build-zensical does (python -m macros build);
    returns the facts every page's metadata then holds (docs/.meta.yml)."""
    from macros.loaded import load, prepared

    prepared(load(project.root, "https://example.org/portal/", fictional=False), project.root / "docs")
    return yaml.safe_load(project.read("docs/.meta.yml"))


def zensical_env(root, path: str, meta: dict):
    """Zensical's own env for one page, as its macros extension makes it."""
    from zensical.extensions.context import Page
    from zensical.extensions.macros import MacroEnv

    conf = {"root_dir": str(root), "docs_dir": "docs", "site_url": "https://example.org/portal/",
            "use_directory_urls": True, "extra": {}}
    url = "" if path == "index.md" else path.removesuffix("index.md").removesuffix(".md").rstrip("/") + "/"
    return MacroEnv(conf=conf, page=Page(url=url, path=path, meta=dict(meta)))


def test_under_zensical_the_portal_is_loaded_once_for_every_page_and_nothing_is_written(project, monkeypatch):
    """Checked as at the build date docs/ was prepared for, which the pages show, even on another day."""
    import datetime as dt

    import macros.loaded

    monkeypatch.setenv("PORTAL_BUILD_DATE", "2026-11-28")
    meta = prepared(project)
    monkeypatch.setenv("PORTAL_BUILD_DATE", "2026-11-29")  # Zensical started a day later, in a new process
    monkeypatch.setattr(macros.loaded, "_LOADED", {})
    loads = []
    monkeypatch.setattr(macros.loaded, "load_portal",
                        lambda root, today: loads.append(today) or load_portal(root, today))
    before = {p: p.read_bytes() for p in (project.root / "docs").rglob("*") if p.is_file()}
    pages = ("index.md", "recommendations/ofsted-2019-r01/index.md", "recommendations/ofsted-2019-r02/index.md",
             "themes.md")
    for path in pages:
        env = zensical_env(project.root, path, meta)
        define_env(env)
        assert set(env.macros) == {"portal_page", "data_page"}
    assert loads == [dt.date(2026, 11, 28)]
    assert {p: p.read_bytes() for p in (project.root / "docs").rglob("*") if p.is_file()} == before


def test_under_zensical_links_go_from_the_page_s_markdown_file(project):
    """Zensical resolves a relative link from the page's Markdown file (themes.md: the site's top
    folder), where MkDocs resolves it from the page's address (themes/)."""
    meta = prepared(project)
    env = zensical_env(project.root, "themes.md", meta)
    define_env(env)
    assert 'href="minutes/cypssc-2019-05-15-item-4/#minute-4.6"' in env.macros["portal_page"]("themes")
    env = FakeEnv(project.root, url="themes/")
    define_env(env)
    assert 'href="../minutes/cypssc-2019-05-15-item-4/#minute-4.6"' in env.macros["portal_page"]("themes")


def test_the_build_command_s_builder_reads_the_data_no_second_time(project, monkeypatch):
    """python -m macros build prepares docs/ and starts the builder in one process: the builder's
    define_env (MkDocs once, Zensical for every page) takes the portal already loaded, and MkDocs'
    does not prepare docs/ again; data changed since is read again and prepared again."""
    import macros.loaded

    meta = prepared(project)
    loads, preparations = [], []
    monkeypatch.setattr(macros.loaded, "load_portal",
                        lambda root, today: loads.append(root) or load_portal(root, today))
    prepare = macros.loaded.prepare
    monkeypatch.setattr(macros.loaded, "prepare", lambda *a: preparations.append(a) or prepare(*a))
    for path in ("index.md", "recommendations/ofsted-2019-r01/index.md"):
        define_env(zensical_env(project.root, path, meta))
    env = FakeEnv(project.root)
    env.conf["site_url"] = "https://example.org/portal/"
    define_env(env)
    assert (loads, preparations) == ([], [])
    project.replace("data/progress/2019-05-15.yaml", "status: not yet assessed", "status: in progress")
    define_env(env)
    assert len(loads) == len(preparations) == 1
    assert "In progress" in generated(project, "recommendations/ofsted-2019-r01/index.md")[1]


def test_under_zensical_pages_are_made_only_from_docs_as_the_pre_build_step_left_it(project, plain_words,
                                                                                    monkeypatch):
    """Without the step's facts, or with data changed since it ran, there is nothing to render from
    (Zensical started on its own, in a process of its own)."""
    import macros.loaded
    from macros.loaded import NotPrepared, for_pages

    docs, url = project.root / "docs", "https://example.org/portal/"
    with pytest.raises(NotPrepared) as missing:
        for_pages(project.root, docs, url, None)
    assert str(missing.value).startswith("docs/.meta.yml:1: the pre-build step has not run")
    facts = prepared(project)["portal_build"]
    project.replace("data/progress/2019-05-15.yaml", "status: not yet assessed", "status: in progress")
    monkeypatch.setattr(macros.loaded, "_LOADED", {})
    with pytest.raises(NotPrepared) as changed:
        for_pages(project.root, docs, url, facts)
    assert "docs/ was prepared from other data" in str(changed.value)
    plain_words(str(missing.value))
    plain_words(str(changed.value))
    facts = prepared(project)["portal_build"]  # the step run again: the pages can be made
    assert for_pages(project.root, docs, url, facts).facts.version == facts["version"]
