"""The clerks' guide's GitHub web-editor route, played on a copy of the repository: the meeting and
the minutes file exactly as the guide shows them, and nothing else. The build publishes the page,
its minute links work in a real browser, and a progress update citing a minute validates."""

from __future__ import annotations

import re
import textwrap

import pytest
from browser import serve
from sites import PROJECT, Site, add_build_files, build, run

GUIDE = PROJECT / "docs" / "guide.md"


def web_editor_section() -> str:
    text = GUIDE.read_text(encoding="utf-8")
    return text.split("## Do it all in GitHub's web editor\n", 1)[1].split("\n## ", 1)[0]


def guide_examples() -> tuple[str, str, str]:
    """(the meeting's lines, the minutes file's name, its text), as the guide prints them."""
    section = web_editor_section()
    blocks = [textwrap.dedent(block) for block in re.findall(r"\n\n((?: {8}.*\n|\n)+)", section)]
    meeting, minutes = (block.strip("\n") + "\n" for block in blocks[:2])
    name = re.search(r"such as `([a-z0-9-]+-item-\d+\.md)`", section).group(1)
    return meeting, name, minutes


@pytest.fixture(scope="module")
def clerk_site(tmp_path_factory):
    """A copy of the repository with the guide's two changes, built as the workflow builds it."""
    import shutil

    from conftest import committed_only

    root = tmp_path_factory.mktemp("web-editor")
    shutil.copytree(PROJECT / "data", root / "data")
    shutil.copytree(PROJECT / "docs", root / "docs", ignore=committed_only)
    add_build_files(root)
    meeting, name, minutes = guide_examples()
    meetings = root / "data" / "meetings.yaml"
    meetings.write_text(meetings.read_text(encoding="utf-8") + "\n" + textwrap.indent(meeting, "  "),
                        encoding="utf-8")
    (root / "data" / "minutes" / name).write_text(minutes, encoding="utf-8")
    assert not list(root.glob("docs/minutes/*.md"))  # no page is written: the build makes it
    checked = run(root, "macros", "validate")
    assert checked.returncode == 0, checked.stderr
    result = build(root, root / "site")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return root, name.removesuffix(".md"), Site(root / "site")


def test_the_guide_s_example_is_a_meeting_and_a_minutes_file_and_nothing_else(clerk_site):
    _, page, _ = clerk_site
    meeting, name, minutes = guide_examples()
    meeting_id = re.match(r"- id: (\S+)\n", meeting).group(1)
    assert page == f"{meeting_id}-item-5" and name == f"{page}.md"
    assert f"date: {meeting_id.removeprefix('cypssc-')}\n" in meeting and minutes.startswith("---\ncommittee: ")


def test_the_build_publishes_the_minutes_page_with_an_anchor_for_each_minute(clerk_site):
    _, page, site = clerk_site
    url = f"minutes/{page}/"
    assert url in site.pages()
    anchors = [h["id"] for h in site.content(url).select(".sp-minute-number")]
    assert anchors == ["minute-5.1", "minute-5.2"]
    meetings = [a["href"] for a in site.content("meetings/").select("a[href]")]
    assert any(site.resolve("meetings/", href)[0] == url for href in meetings)
    # The recommendation the minute is marked as discussing links to that minute.
    links = [site.resolve("recommendations/ofsted-2019-r01/", a["href"])
             for a in site.content("recommendations/ofsted-2019-r01/").select("a[href]")]
    assert (url, "minute-5.2") in links


def test_the_minute_anchors_work_in_a_real_browser(clerk_site, new_page):
    _, page_id, site = clerk_site
    with serve(site.folder) as server:
        page = new_page(viewport={"width": 375, "height": 700})
        page.goto(f"{server}/recommendations/ofsted-2019-r01/")
        page.locator(f"a[href*='{page_id}/#minute-5.2']").first.click()
        page.wait_for_url(f"**/minutes/{page_id}/#minute-5.2")
        target = page.locator(":target")
        assert target.get_attribute("id") == "minute-5.2"
        box = target.bounding_box()
        assert box is not None and 0 <= box["y"] < 700  # scrolled to, in view


def test_a_progress_update_citing_the_new_minutes_validates(clerk_site, tmp_path):
    import shutil

    root, page, _ = clerk_site
    copy = tmp_path / "copy"
    shutil.copytree(root / "data", copy / "data")
    meeting_id = page.rsplit("-item-", 1)[0]
    date = meeting_id.removeprefix("cypssc-")
    update = (
        "updates:\n"
        "  - recommendation: ofsted-2019-r01\n"
        f"    date: {date}\n"
        "    status: in progress\n"
        "    reason: The committee was told that work on caseloads had begun.\n"
        "    summary: The committee was told of progress on caseloads.\n"
        "    source:\n"
        f"      meeting: {meeting_id}\n"
        "      minute: 5.2\n"
    )
    (copy / "data" / "progress" / f"{date}.yaml").write_text(update, encoding="utf-8")
    checked = run(PROJECT, "macros", "validate", "--root", str(copy))
    assert checked.returncode == 0, checked.stderr
    (copy / "data" / "progress" / f"{date}.yaml").write_text(update.replace("minute: 5.2", "minute: 5.3"))
    checked = run(PROJECT, "macros", "validate", "--root", str(copy))
    assert checked.returncode == 1
    assert f'the minutes of "{meeting_id}" have no minute 5.3 — they have 5.1, 5.2; check the number' in checked.stderr
