"""The FICTIONAL example council (examples/harrowmere): it builds, says it is fictional on every page,
exercises what the real data cannot yet, and never leaks into the real portal."""

from __future__ import annotations

from pathlib import Path

import pytest
from references import backlinks, cited_but_not_marked, links_under_minutes, marked, newest_meeting_first
from sites import EXAMPLE, PROJECT, Site

from macros.data.load import load_portal


@pytest.fixture(scope="module")
def portal():
    return load_portal(EXAMPLE)


@pytest.fixture(scope="module")
def site(example_site) -> Site:
    return example_site


def test_every_page_says_it_is_fictional(site):
    for url in site.pages():
        if url.endswith("/") or url == "":
            page = site.html(url)
            banner = page.select_one(".md-banner .sp-fictional")
            assert banner is not None and "Fictional example" in banner.get_text(), url
            assert page.title.get_text().endswith("FICTIONAL EXAMPLE: Harrowmere scrutiny portal"), url


def test_the_real_site_is_not_labelled_fictional_and_holds_no_example_data(real_site):
    for url in real_site.pages():
        if url.endswith("/") or url == "":
            assert real_site.html(url).select_one(".md-banner") is None, url  # no banner, not even empty
    real_data = " ".join(p.read_text(encoding="utf-8") for p in (PROJECT / "data").rglob("*") if p.is_file())
    assert "Harrowmere" not in real_data and "hcssc" not in real_data


def test_the_example_covers_several_years_and_everything_the_portal_tracks(portal):
    years = {m.date.year for m in portal.meetings if portal.minutes_of(m)}
    assert len(years) >= 3
    assert len({u.status for u in portal.updates}) >= 5
    assert any(rec.target and rec.target.revisions for rec in portal.recommendations)
    assert {a.status.value for a in portal.actions} == {"open", "done", "withdrawn"}
    assert any(not m.points for m in portal.metrics) and any(len(m.points) > 2 for m in portal.metrics)


def test_recommendation_pages_link_to_exactly_the_minutes_marked_as_discussing_them(site, portal):
    assert len(marked(portal)) > 10
    assert cited_but_not_marked(portal) == set()
    assert backlinks(site, portal) == marked(portal)
    assert links_under_minutes(site, portal) == marked(portal)
    newest_meeting_first(site, portal)


def test_each_timeline_lists_every_status_change_in_the_data(site, portal):
    from timeline import changes_in_data, check_timelines

    assert len(changes_in_data(portal, "insp-2020-r3")) == 5
    check_timelines(site, portal)


def test_target_dates_show_the_original_and_every_slip(site, portal):
    from timeline import check_targets

    check_targets(site, portal)
    facts = site.content("recommendations/insp-2020-r3/").select_one(".sp-facts").get_text()
    assert "30 September 2023 (revised 2 times; originally 30 September 2021)" in " ".join(facts.split())


def test_every_status_word_links_to_its_plain_language_definition(site):
    from definitions import check_status_links

    check_status_links(site)


def test_what_changed_lists_exactly_the_differences_in_the_data(site, portal):
    from changes import check_changes, expected

    assert check_changes(site, portal) == 5
    last = expected(portal, portal.meeting("hcssc-2022-09-14"), portal.meeting("hcssc-2023-03-15"))
    assert all(last.values())  # the latest pair exercises every kind of change
    assert site.content("").select_one("#changes-hcssc-2023-03-15 .sp-change-slipped")  # and the home page shows it


def test_every_chart_has_a_text_alternative_and_a_data_table(site, portal):
    from charts import check_charts

    assert check_charts(site, portal) == 2
    assert "No data yet." in site.content("metrics/").find(id="changes-of-social-worker").get_text()


def test_a_figure_that_is_not_a_number_is_a_plain_problem_at_its_line(tmp_path, plain_words):
    import shutil

    from macros.data.problems import DataProblems

    shutil.copytree(EXAMPLE / "data", tmp_path / "data")
    path = tmp_path / "data" / "metrics" / "vacancy-rate.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    value: 9\n", "    value: 9%\n"), encoding="utf-8")
    with pytest.raises(DataProblems) as raised:
        load_portal(tmp_path)
    [problem] = raised.value.problems
    assert (problem.file, problem.line) == ("data/metrics/vacancy-rate.yaml", text[: text.index("    value: 9\n")].count("\n") + 1)
    assert '"9%" is not a figure' in problem.message
    plain_words(problem.message)


def test_the_printable_report_has_every_recommendation_with_its_open_actions(site, portal):
    from report import check_report

    check_report(site, portal)
    row = site.content("report/").find(id="report-insp-2020-r2")
    assert row.select_one(".sp-overdue")  # the agency staff plan was due 31 January 2023


def test_the_example_offers_no_edit_links_even_when_a_repository_is_set(tmp_path):
    from sites import build

    result = build(EXAMPLE, tmp_path / "site", PORTAL_REPO_URL="https://github.com/example/portal",
                   PORTAL_BUILD_DATE="2023-04-01")
    assert result.returncode == 0, result.stderr
    site = Site(tmp_path / "site")
    assert site.html("recommendations/insp-2020-r1/").select_one(".sp-edit") is None
    assert site.html("actions/").select_one(".sp-edit") is None
    assert not site.content("recommendations/insp-2020-r1/").select("#record-changes a")  # nor changes


def test_the_example_uses_the_real_configuration_apart_from_its_name_and_paths():
    from mkdocs.config import load_config

    real = load_config(str(PROJECT / "mkdocs.yml"))
    example = load_config(str(EXAMPLE / "mkdocs.yml"))
    assert list(example.plugins) == list(real.plugins)
    settings = {name: dict(real.plugins[name].config) for name in real.plugins}
    mirrored = {name: dict(example.plugins[name].config) for name in example.plugins}
    assert mirrored["macros"].pop("module_name") == "../../macros"
    settings["macros"].pop("module_name")
    assert mirrored == settings
    assert example.nav == real.nav and example.markdown_extensions == real.markdown_extensions
    assert Path(example.theme.dirs[0]).resolve() == Path(real.theme.dirs[0]).resolve()  # the same overrides
    assert example.site_name.startswith("FICTIONAL EXAMPLE") and example.extra["fictional"] is True


def test_the_example_links_every_image_script_and_stylesheet_of_the_real_portal_file_by_file():
    """Folders of file links, not linked folders: Zensical skips a linked folder (MkDocs does not)."""
    for folder in ("images", "javascripts", "stylesheets", "search"):
        linked = EXAMPLE / "docs" / folder
        assert linked.is_dir() and not linked.is_symlink(), folder
        real = sorted(p.name for p in (PROJECT / "docs" / folder).iterdir())
        assert sorted(p.name for p in linked.iterdir()) == real, folder
        for name in real:
            assert (linked / name).is_symlink() and (linked / name).resolve() == (PROJECT / "docs" / folder / name)
