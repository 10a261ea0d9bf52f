"""macros/data/minutes.py: front matter, numbered minutes and their anchors, and safe rendering of the
clerk's Markdown (never run as a template, raw HTML shown as text, unsafe links removed)."""

from __future__ import annotations

import html
import re

import pytest

from macros.data.minutes import parse_body, render_markdown, split_front_matter

MINUTES = "data/minutes/cypssc-2019-05-15-item-4.md"


def hrefs(fragment: str) -> list[str]:
    """Every link target in rendered HTML, as a browser would read it (entities decoded)."""
    return [html.unescape(target) for target in re.findall(r'\bhref="([^"]*)"', fragment)]


def lists(fragment: str) -> list[list[str]]:
    """The items of each <ul> in rendered HTML, in order."""
    return [re.findall(r"<li>(.*?)</li>", body, re.S) for body in re.findall(r"<ul>(.*?)</ul>", fragment, re.S)]


# --- front matter -------------------------------------------------------------------------------------


def test_front_matter_is_split_from_the_body_with_the_body_line():
    front, body, body_line = split_front_matter("---\ncommittee: cypssc\nitem: '4'\n---\n### 4.1\n\nText.\n")
    assert front == "committee: cypssc\nitem: '4'"
    assert body == "### 4.1\n\nText.\n"
    assert body_line == 5


def test_front_matter_may_end_with_three_dots():
    assert split_front_matter("---\na: b\n...\nBody") == ("a: b", "Body", 4)


@pytest.mark.parametrize("text, says", [
    ("### 4.1\n\nText.\n", "has no front matter"),
    ("committee: cypssc\n---\n", "has no front matter"),
    ("", "has no front matter"),
    ("---\ncommittee: cypssc\n", "never closed"),
])
def test_missing_or_unclosed_front_matter_is_explained(text, says, plain_words):
    message = split_front_matter(text)
    assert isinstance(message, str) and says in message
    plain_words(message)


# --- numbered minutes --------------------------------------------------------------------------------


def test_minute_headings_are_found_with_their_file_lines():
    body, problems = parse_body("Intro.\n\n### 4.1\n\nFirst.\n\n### 4.2 ###\n\nSecond.\n", first_line=10)
    assert problems == []
    assert list(body.minutes) == ["4.1", "4.2"]
    assert body.minutes["4.1"].line == 12
    assert body.minutes["4.2"].line == 16
    assert body.minutes["4.1"].text == "First."
    assert body.minutes["4.2"].text == "Second."


def test_minute_4_10_is_not_minute_4_1():
    body, _ = parse_body("### 4.1\n\nOne.\n\n### 4.10\n\nTen.\n", first_line=1)
    assert list(body.minutes) == ["4.1", "4.10"]
    assert body.minutes["4.10"].text == "Ten."


def test_a_minute_number_used_twice_is_a_problem_at_the_second():
    _, problems = parse_body("### 4.1\n\nOne.\n\n### 4.1\n\nAgain.\n", first_line=7)
    assert len(problems) == 1
    line, message = problems[0]
    assert line == 11
    assert "minute 4.1 appears twice" in message
    assert " — " in message


def test_a_minutes_text_folds_curly_quotes_and_spaces_for_quote_checks():
    body, _ = parse_body("### 4.6\n\nThe ‘Children First’   model,\nthe “plan”.\n", first_line=1)
    assert body.minutes["4.6"].text == "The 'Children First' model, the \"plan\"."


def test_the_real_minutes_headings_are_at_their_lines(project):
    text = project.read(MINUTES)
    minutes = project.load().minutes[0].body.minutes
    for number, minute in minutes.items():
        assert text.split("\n")[minute.line - 1].strip() == f"### {number}"
    assert "4.4" not in minutes


# --- rendering: the clerk's text, never a template, never raw HTML ------------------------------------------


@pytest.mark.parametrize("written", ["{{ x }}", "{% if %}", "{# c #}", "{{ recommendation_page('x') }}"])
def test_template_syntax_is_shown_as_written(written):
    rendered = render_markdown(f"Members asked about {written} at the meeting.")
    assert f"<p>Members asked about {written} at the meeting.</p>" in rendered


@pytest.mark.parametrize(
    "written, shown",
    [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("a <b>bold</b> claim", "a &lt;b&gt;bold&lt;/b&gt; claim"),
        ('<img src=x onerror="alert(1)">', "&lt;img src=x onerror="),
        ("<!-- hidden -->", "&lt;!-- hidden --&gt;"),
    ],
)
def test_raw_html_inline_is_shown_as_text(written, shown):
    rendered = render_markdown(f"Before {written} after.")
    assert shown in rendered
    assert "<script" not in rendered and "<img" not in rendered and "<b>" not in rendered


def test_raw_html_block_is_shown_as_text():
    rendered = render_markdown("Para.\n\n<script>alert(1)</script>\n\n<div onclick=\"x()\">Hi</div>\n\nMore.")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered
    assert "&lt;div onclick=" in rendered
    assert "<script" not in rendered and "<div" not in rendered


def test_template_syntax_and_html_in_a_minutes_file_load_and_stay_as_written(project):
    words = "Members noted {{ x }}, {% if %}, {# c #} and <script>alert(1)</script> here."
    project.replace(MINUTES, "### 4.2\n\n", f"### 4.2\n\n{words}\n\n")
    minute = project.load().minutes[0].body.minutes["4.2"]
    assert minute.text.startswith(words)


# --- rendering: minute anchors -----------------------------------------------------------------------------


def test_minute_headings_get_stable_anchors():
    rendered = render_markdown("## Minutes\n\n### 4.1\n\nOne.\n\n### 4.10\n\nTen.\n\n#### 12.3.1\n\nSub.")
    assert '<h3 class="sp-minute-number" id="minute-4.1">4.1</h3>' in rendered
    assert '<h3 class="sp-minute-number" id="minute-4.10">4.10</h3>' in rendered
    assert 'id="minute-12.3.1"' in rendered
    assert '<h2 id="minutes">Minutes</h2>' in rendered


def test_minutes_numbered_as_councils_number_them():
    """Whole numbers (21), dotted (8.1, 20.1.1), with a title or without."""
    text = ("### 21\n\nWhole.\n\n### 20.1 Ofsted Inspection Process\n\n#### 20.1.1\n\nThird level.\n\n"
            "### 22. Care Leavers' *Local* Offer\n\nWith a full stop.\n")
    body, problems = parse_body(text, first_line=1)
    assert problems == []
    assert [(m.number, m.title, m.label) for m in body.minutes.values()] == [
        ("21", "", "21"), ("20.1", "Ofsted Inspection Process", "20.1 Ofsted Inspection Process"),
        ("20.1.1", "", "20.1.1"), ("22", "Care Leavers' Local Offer", "22 Care Leavers' Local Offer")]
    assert body.minutes["20.1"].text == ""  # its words are its subminutes'
    rendered = render_markdown(text)
    assert '<h3 class="sp-minute-number" id="minute-21">21</h3>' in rendered
    assert ('<h3 class="sp-minute-number" id="minute-20.1"><span class="sp-minute-no">20.1</span> '
            "Ofsted Inspection Process</h3>") in rendered
    assert '<h4 class="sp-minute-number" id="minute-20.1.1">20.1.1</h4>' in rendered
    assert ('id="minute-22"><span class="sp-minute-no">22.</span> Care Leavers\' <em>Local</em> Offer</h3>'
            in rendered.replace("&#x27;", "'"))


def test_a_heading_that_names_a_minute_in_words_is_a_problem_at_its_line(plain_words):
    body, problems = parse_body("### 4.1\n\nOne.\n\n### Minute 4.2\n\nTwo.\n", first_line=5)
    assert list(body.minutes) == ["4.1", "4.2"]  # still read, so what cites 4.2 is not reported as well
    assert problems == [(9, 'this heading starts "Minute 4.2", so it is not read as a minute — start a '
                            "minute's heading with its number alone: ### 4.2 (its title may follow)")]
    plain_words(problems[0][1])


def test_a_paragraph_of_only_a_number_is_shown_as_typed_without_a_backslash():
    from macros.clerks.importing.minute_blocks import Block
    from macros.clerks.importing.writer import markdown

    for typed in ("19.", "19. Apologies", "3) Three", "# hash", "- dash", "+ plus", "> quote"):
        written = markdown([Block("paragraph", typed, 1)])
        shown = re.sub(r"<[^>]+>", "", render_markdown(written)).strip()
        assert shown == typed.replace(">", "&gt;"), (typed, written)
        assert "<ol" not in render_markdown(written) and "<h1" not in render_markdown(written)


def test_the_real_minutes_have_an_anchor_for_every_minute(project):
    minutes = project.load().minutes[0]
    rendered = render_markdown(minutes.body.markdown)
    anchors = re.findall(r'id="(minute-[\d.]+)"', rendered)
    assert anchors == [f"minute-{number}" for number in minutes.body.minutes]


# --- rendering: lists --------------------------------------------------------------------------------------


def test_a_star_list_after_a_dash_list_stays_a_separate_list():
    rendered = render_markdown("- a\n- b\n\n* c\n* d\n")
    assert lists(rendered) == [["a", "b"], ["c", "d"]]


def test_a_dash_list_after_a_star_list_stays_a_separate_list():
    rendered = render_markdown("* c\n* d\n\n- a\n- b\n")
    assert lists(rendered) == [["c", "d"], ["a", "b"]]


def test_a_star_list_directly_after_a_dash_list_with_no_blank_line_stays_separate():
    # CommonMark: changing the bullet character starts a new list, blank line or not.
    rendered = render_markdown("- a\n- b\n* c\n* d\n")
    assert lists(rendered) == [["a", "b"], ["c", "d"]]


def test_one_bullet_with_a_blank_line_between_items_is_still_one_list():
    rendered = render_markdown("- a\n\n- b\n")
    assert len(lists(rendered)) == 1
    assert len(re.findall(r"<li>", rendered)) == 2


def test_the_real_minute_4_6_keeps_its_two_lists_apart(project):
    rendered = render_markdown(project.load().minutes[0].body.markdown)
    section = rendered[rendered.index('id="minute-4.6"'):rendered.index('id="minute-4.7"')]
    found = lists(section)
    assert len(found) == 2
    assert "Learning and Development" in found[0]
    assert any("commissioner" in item for item in found[1])


# --- rendering: links --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    [
        "[click](javascript:alert(1))",
        "[click](JavaScript:alert(1))",
        "[click]( javascript:alert(1) )",
        "[click](<javascript:alert(1)>)",
        "[click](vbscript:msgbox(1))",
        "[click](data:text/html;base64,PHNjcmlwdD4=)",
        "[click][ref]\n\n[ref]: javascript:alert(1)",
        "[click](javascript&#58;alert(1))",  # the colon written as an HTML character reference
        "[click](javascript&colon;alert(1))",
    ],
)
def test_a_link_that_is_not_a_web_link_loses_its_href(written):
    rendered = render_markdown(f"See {written} for more.")
    assert "click" in rendered  # the words stay
    for target in hrefs(rendered):
        assert re.match(r"(https?://|mailto:|#|\.{0,2}/|[^:]*$)", target.strip(), re.I), (target, rendered)


@pytest.mark.parametrize(
    "target",
    ["https://www.westsussex.gov.uk/", "http://example.org/a_(b)", "mailto:clerk@example.org", "#minute-4.1", "../themes/"],
)
def test_a_web_link_keeps_its_href(target):
    assert hrefs(render_markdown(f"See [this]({target}).")) == [target]


@pytest.mark.parametrize(
    "written, bad_line",  # bad_line: the line of the body holding the link's target
    [
        ("[click](javascript:alert(1))", 3),
        ("[click](ftp://example.org/minutes.pdf)", 3),
        ("![image](javascript:alert(1))", 3),
        ("[click](javascript&#58;alert(1))", 3),
        ("[click][ref]\n\n[ref]: javascript:alert(1)", 5),
    ],
)
def test_a_link_that_is_not_a_web_link_is_reported_at_its_line(written, bad_line, plain_words):
    _, problems = parse_body(f"### 4.1\n\nSee {written} for more.\n", first_line=20)
    assert [line for line, _ in problems] == [20 + bad_line - 1], problems
    assert "is not a web link" in problems[0][1]
    plain_words(problems[0][1])


def test_a_web_link_is_not_reported():
    _, problems = parse_body("### 4.1\n\nSee [the report](https://example.org/report.pdf) and [4.2](#minute-4.2).\n", 1)
    assert problems == []


def test_a_titled_minute_that_heads_its_subminutes_is_not_an_empty_minute():
    _, problems = parse_body("### 20.1 Ofsted Inspection Process\n\n#### 20.1.1\n\nWords.\n\n"
                             "### 20.2 Improvement Plan\n\n### 20.3\n\nMore.\n", first_line=1)
    assert problems == [(7, "minute 20.2 has nothing under its heading — paste the minute's words on the lines "
                            "below it, or delete the heading if there is no such minute")]
