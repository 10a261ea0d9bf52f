"""macros/data/yamlload.py: every value stays the text the clerk wrote, and every value keeps its line."""

from __future__ import annotations

import pytest

from macros.data.yamlload import read_yaml


@pytest.fixture
def only_problem(plain_words):
    """The one problem a document has, checked for a clerk's wording."""

    def check(document):
        assert len(document.problems) == 1, document.problems
        problem = document.problems[0]
        plain_words(problem.message)
        return problem

    return check


# --- YAML 1.1 surprises: what was written is what is kept ----------------------------------------


@pytest.mark.parametrize(
    "written, kept",
    [
        ("no", "no"),  # YAML 1.1: false
        ("NO", "NO"),
        ("yes", "yes"),  # YAML 1.1: true
        ("off", "off"),
        ("012", "012"),  # YAML 1.1: octal 10
        ("1:30", "1:30"),  # YAML 1.1: sexagesimal 90
        ("4.10", "4.10"),  # a float would make it 4.1
        ("4.1", "4.1"),
        ("2019-05-15", "2019-05-15"),  # stays text; the model turns it into a date
        ("1e3", "1e3"),
        ('"null"', "null"),  # quoted, so it is the word
    ],
)
def test_scalars_stay_the_text_as_written(written, kept):
    document = read_yaml(f"value: {written}\n", "data/x.yaml")
    assert document.problems == []
    assert document.data == {"value": kept}
    assert type(document.data["value"]) is str


@pytest.mark.parametrize("written", ["", "~", "null", "Null", "NULL"])
def test_an_empty_value_or_null_is_none(written):
    document = read_yaml(f"value: {written}\n", "data/x.yaml")
    assert document.problems == []
    assert document.data == {"value": None}


def test_keys_stay_text_too():
    document = read_yaml("no: a\n012: b\n1:30: c\n", "data/x.yaml")
    assert document.data == {"no": "a", "012": "b", "1:30": "c"}


def test_lists_and_nested_maps_keep_their_text():
    document = read_yaml("items:\n  - id: 012\n    on: yes\n  - [4.10, NO]\n", "data/x.yaml")
    assert document.problems == []
    assert document.data == {"items": [{"id": "012", "on": "yes"}, ["4.10", "NO"]]}


# --- line numbers -----------------------------------------------------------------------------------


def test_every_path_has_its_line():
    text = "title: A\nitems:\n  - id: one\n    source:\n      minute: 4.1\n  - id: two\n"
    document = read_yaml(text, "data/x.yaml")
    assert document.lines[("title",)] == 1
    assert document.lines[("items",)] == 2
    assert document.lines[("items", 0)] == 3
    assert document.lines[("items", 0, "id")] == 3
    assert document.lines[("items", 0, "source", "minute")] == 5
    assert document.lines[("items", 1, "id")] == 6


def test_a_missing_key_is_placed_at_its_record():
    document = read_yaml("items:\n  - id: one\n  - id: two\n    name: Two\n", "data/x.yaml")
    assert document.line_of(("items", 1, "title")) == 3
    assert document.line_of(("items", 5, "title")) == 1  # no such item: the nearest parent that exists


def test_first_line_shifts_lines_for_front_matter():
    document = read_yaml("committee: cypssc\ndate: 2019-05-15\n", "data/minutes/m.md", first_line=2)
    assert document.lines[("committee",)] == 2
    assert document.lines[("date",)] == 3


# --- duplicate keys --------------------------------------------------------------------------------


def test_a_duplicate_key_is_a_problem_not_silently_the_last(only_problem):
    document = read_yaml("title: First\nstatus: open\ntitle: Second\n", "data/x.yaml")
    problem = only_problem(document)
    assert (problem.file, problem.line) == ("data/x.yaml", 3)
    assert '"title" appears twice' in problem.message
    assert "first on line 1" in problem.message
    assert document.data["title"] == "First"  # whatever is kept, the clerk is told


def test_a_duplicate_key_in_a_nested_entry_names_both_lines_with_the_offset(only_problem):
    text = "items:\n  - id: one\n    name: A\n    name: B\n"
    problem = only_problem(read_yaml(text, "data/minutes/m.md", first_line=2))
    assert (problem.file, problem.line) == ("data/minutes/m.md", 5)
    assert "first on line 4" in problem.message


def test_the_same_key_in_different_entries_is_fine():
    document = read_yaml("items:\n  - id: one\n  - id: two\n", "data/x.yaml")
    assert document.problems == []


# --- syntax errors and empty documents -----------------------------------------------------------------


def test_a_missing_colon_is_reported_on_its_own_line(only_problem):
    text = "id: ofsted-2019\ntitle Caseloads\nissued_by: Ofsted\n"
    problem = only_problem(read_yaml(text, "data/x.yaml"))
    assert problem.line == 2, problem  # the line without the colon, not the line after it
    assert "missing the colon" in problem.message
    assert "name: value" in problem.message
    assert read_yaml(text, "data/x.yaml").data is None


def test_a_missing_colon_in_front_matter_is_reported_on_its_own_line(only_problem):
    text = "committee: cypssc\ntitle Ofsted inspection\nitem: '4'\n"
    problem = only_problem(read_yaml(text, "data/minutes/m.md", first_line=2))
    assert problem.line == 3, problem


def test_a_tab_used_for_indenting_is_named(only_problem):
    text = "source:\n\tmeeting: cypssc-2019-05-15\n"
    problem = only_problem(read_yaml(text, "data/x.yaml"))
    assert problem.line == 2
    assert "tab" in problem.message
    assert "spaces" in problem.message


def test_a_colon_inside_a_value_says_to_quote_it(only_problem):
    problem = only_problem(read_yaml("id: a\ntitle: Care: planning\n", "data/x.yaml"))
    assert problem.line == 2
    assert "double quotes" in problem.message


@pytest.mark.parametrize("value", ["*Important", "*Important* note"])
def test_a_value_starting_with_a_star_says_to_quote_it(value, only_problem):
    # A clerk writing Markdown emphasis: YAML reads a leading * as a reference to another value.
    problem = only_problem(read_yaml(f"id: a\ntitle: {value}\n", "data/x.yaml"))
    assert problem.line == 2
    assert "double quotes" in problem.message


@pytest.mark.parametrize("value", ["&Important note", "!important note"])
def test_a_value_starting_with_and_or_bang_is_not_silently_cut_short(value):
    # YAML reads a leading &name as an anchor and !name as a tag, and drops them from the value.
    document = read_yaml(f"id: a\ntitle: {value}\n", "data/x.yaml")
    if not document.problems:
        assert document.data == {"id": "a", "title": value}
    else:
        assert [p.line for p in document.problems] == [2]
        assert "double quotes" in document.problems[0].message


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n"])
def test_an_empty_document_is_a_problem(text, only_problem):
    document = read_yaml(text, "data/x.yaml")
    problem = only_problem(document)
    assert (problem.file, problem.line) == ("data/x.yaml", 1)
    assert "empty" in problem.message
    assert document.data is None


def test_an_alias_to_itself_is_a_problem_not_a_crash(plain_words):
    # `&a` names a value and `*a` repeats it; here the value contains itself, so it never ends.
    document = read_yaml("facts: &a\n  - *a\n", "data/x.yaml")
    assert document.data is None
    assert [p.line for p in document.problems] == [1, 2]  # the & and the *, each on its line
    for problem in document.problems:
        plain_words(problem.message)


def test_an_alias_bomb_is_refused_before_it_is_expanded():
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]"
              for i in range(20)]
    document = read_yaml("\n".join(lines) + "\n", "data/x.yaml")
    assert document.data is None and document.problems


def test_an_unclosed_quote_is_reported_where_it_opens_even_when_a_later_quote_trips_the_parser():
    text = ('title: "Care planning\n'
            'report: a report\n'
            '# see "notes" below\n'
            'item: "4"\n')
    [problem] = read_yaml(text, "data/x.yaml").problems
    assert (problem.line, problem.message.split(": ", 1)[1]) == (1, "a quotation mark opened on this line is never "
                                                                  "closed — add the closing quotation mark at the end of the value")


def test_quotation_marks_inside_a_folded_block_are_not_taken_for_an_open_quote():
    text = ('quote: >-\n'
            '  "The committee noted\n'
            '  the report.\n'
            'status: [open\n')
    [problem] = read_yaml(text, "data/x.yaml").problems
    assert "quotation mark" not in problem.message
