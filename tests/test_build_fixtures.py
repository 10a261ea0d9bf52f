"""Fixture sites: a copy of the real project with one thing changed, built for real."""

from __future__ import annotations

import pytest
from sites import PROJECT, Site, add_build_files, build

from macros.site.pages import MARKER

HOSTILE = PROJECT / "tests" / "fixtures" / "hostile"
TITLE = '<script>alert("title")</script> {{ y }} [click](javascript:alert(2))'


@pytest.fixture
def buildable(project):
    """The project fixture (a copy of data/ and docs/) plus mkdocs.yml and macros/."""
    add_build_files(project.root)
    return project


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Site:
    """The real site plus minutes full of template syntax and HTML, and a YAML title with a script."""
    import shutil

    from conftest import committed_only

    root = tmp_path_factory.mktemp("hostile")
    shutil.copytree(PROJECT / "data", root / "data")
    shutil.copytree(PROJECT / "docs", root / "docs", ignore=committed_only)
    add_build_files(root)
    shutil.copy(HOSTILE / "cypssc-2019-06-19-item-1.md", root / "data" / "minutes")
    (root / "docs" / "clerk-note.md").write_text("# Note\n\nA page without opt-in: {{ x }} {% if %}\n")
    sets = root / "data" / "recommendations" / "ofsted-2019.yaml"
    text = sets.read_text(encoding="utf-8")
    sets.write_text(text.replace("ref: R11\n", f"ref: R11\n    title: '{TITLE}'\n", 1), encoding="utf-8")
    result = build(root, root / "site")
    assert result.returncode == 0, result.stderr
    return Site(root / "site")


def no_script_ran(site: Site, url: str) -> None:
    for script in site.html(url).find_all("script"):
        assert "alert" not in script.get_text(), f"{url} has a live script: {script}"
    for element in site.html(url).find_all(True):
        assert not any(name.startswith("on") for name in element.attrs), f"{url} has {element}"
        assert not element.get("href", "").startswith("javascript:"), f"{url} has {element}"


def test_template_syntax_in_minutes_is_shown_as_text_not_run(hostile):
    url = "minutes/cypssc-2019-06-19-item-1/"
    text = hostile.text(url)
    assert "{{ x }} and {% if true %}shown{% endif %} and {# not a comment #}" in text
    assert "{{ config.site_name }}" in text
    assert '{{ recommendation_page("ofsted-2019-r01") }}' in text
    assert "Hostile text {{ title_macro }} <b>bold?</b>" in hostile.content(url).find("h1").get_text()


def test_html_in_minutes_is_shown_as_text_and_never_runs(hostile):
    url = "minutes/cypssc-2019-06-19-item-1/"
    text = hostile.text(url)
    assert '<script>alert("minutes")</script>' in text
    assert "<img src=x onerror=alert(1)>" in text
    assert hostile.content(url).find("img") is None
    assert hostile.content(url).find("b") is None
    no_script_ran(hostile, url)


def test_a_script_in_a_yaml_title_is_shown_as_text_everywhere(hostile):
    rec_url = "recommendations/ofsted-2019-r11/"
    assert TITLE in hostile.content(rec_url).find("h1").get_text()
    assert TITLE in hostile.text("recommendations/")
    for url in (rec_url, "recommendations/", "", "minutes/cypssc-2019-05-15-item-4/"):
        no_script_ran(hostile, url)
    raw = "".join(hostile.file_for(url).read_text() for url in hostile.pages())
    assert '<script>alert("title")' not in raw and "<script>alert(" not in raw


def test_pages_that_do_not_opt_in_are_never_templates(hostile):
    assert "{{ x }} {% if %}" in hostile.text("clerk-note/")


def test_bad_data_stops_the_build_with_the_clerks_report_and_publishes_nothing(buildable, tmp_path):
    line = buildable.replace("data/progress/2019-05-15.yaml", "status: not yet assessed", "status: in progres")
    line_2 = buildable.replace("data/meetings.yaml", "date: 2019-06-19", "date: 2019-06-31")
    result = build(buildable.root, tmp_path / "out")
    assert result.returncode != 0
    assert f'data/progress/2019-05-15.yaml:{line}: status: "in progres" is not a status' in result.stderr
    assert f"data/meetings.yaml:{line_2}: date: 2019-06-31 is not a real date" in result.stderr
    assert "Nothing has been published" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out" / "index.html").exists()


def test_a_macro_error_fails_the_build_instead_of_publishing_the_error(buildable, tmp_path):
    buildable.write("docs/broken.md", "---\nrender_macros: true\n---\n# Broken\n\n{{ no_such_macro() }}\n")
    result = build(buildable.root, tmp_path / "out")
    assert result.returncode != 0
    assert not (tmp_path / "out" / "broken" / "index.html").exists()


def test_a_plain_build_of_a_fresh_checkout_makes_every_record_page_and_removes_those_of_records_gone(
    buildable, tmp_path
):
    """No page is written by hand: a plain `mkdocs build` makes them (macros/build.py, from define_env)."""
    assert not buildable.path("docs/recommendations/ofsted-2019-r05/index.md").exists()
    buildable.write("docs/minutes/cypssc-2019-01-01-item-9/index.md", f"---\n{MARKER}\n---\n# Gone\n")
    result = build(buildable.root, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    site = Site(tmp_path / "out")
    assert site.content("recommendations/ofsted-2019-r05/").find("h1").get_text().startswith("R05")
    assert "minutes/cypssc-2019-05-15-item-4/" in site.pages()
    assert not buildable.path("docs/minutes/cypssc-2019-01-01-item-9").exists()  # its record is gone
    assert "minutes/cypssc-2019-01-01-item-9/" not in site.pages()


def test_a_second_set_of_recommendations_needs_no_code_change(buildable, tmp_path):
    second = PROJECT / "tests" / "fixtures" / "second-set"
    buildable.write("data/recommendations/example-2023.yaml", (second / "example-2023.yaml").read_text())
    for progress in ("2023-03-01.yaml", "2023-06-01.yaml"):  # a progress file holds the updates of its date
        buildable.write(f"data/progress/{progress}", (second / progress).read_text())
    result = build(buildable.root, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    site = Site(tmp_path / "out")
    rows = {set_id: len(site.content("recommendations/").select(f"#{set_id} table tbody tr"))
            for set_id in ("ofsted-2019", "example-2023")}
    assert rows == {"ofsted-2019": 12, "example-2023": 2}
    history = site.content("recommendations/example-2023-r01/").select(".sp-history > .sp-update")
    assert [h.find("time").get_text() for h in history] == ["1 June 2023", "1 March 2023"]
    assert history[0].select_one(".sp-status").get_text() == "Complete"
    counts = [[li.get_text(" ", strip=True) for li in ul.select("li")] for ul in site.content("").select(".sp-counts")]
    assert sorted(counts) == [["1 Not started", "1 Complete"], ["12 Not yet assessed"]]
