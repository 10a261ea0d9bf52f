"""Checks on what the tracking pages read, over a copy of the FICTIONAL example's data: actions, target
dates and figures. Each problem is reported at its file and line, in a clerk's words."""

from __future__ import annotations

import shutil

import pytest
from conftest import ProjectCopy
from sites import EXAMPLE

ACTIONS = "data/actions.yaml"
RECOMMENDATIONS = "data/recommendations/insp-2020.yaml"
METRIC = "data/metrics/average-caseload.yaml"


@pytest.fixture
def example(tmp_path) -> ProjectCopy:
    for folder in ("data", "docs"):
        shutil.copytree(EXAMPLE / folder, tmp_path / folder)
    return ProjectCopy(tmp_path)


def test_the_example_data_is_valid(example):
    portal = example.load()
    assert len(portal.actions) == 5 and len(portal.metrics) == 3


def test_a_due_that_is_neither_a_date_nor_a_meeting_is_reported(example):
    line = example.replace(ACTIONS, "    due: the September 2022 meeting\n", "    due: the Septembre meeting\n")
    message = example.problem(ACTIONS, line)
    assert '"the Septembre meeting" is not a date or a meeting the portal knows' in message
    assert "the September 2022 meeting" in message  # lists the names it does know


def test_a_done_action_must_say_where_it_was_closed(example):
    text = example.read(ACTIONS)
    start = text.index("    closed:\n      meeting: hcssc-2021-11-17\n")
    example.write(ACTIONS, text[:start] + text[start:].replace(
        "    closed:\n      meeting: hcssc-2021-11-17\n      minute: 4.3\n", "", 1))
    problems = example.problems()
    assert any("needs the minute where that was reported — add closed:" in p.message for p in problems)


def test_an_open_action_cannot_say_where_it_was_closed(example):
    example.replace(ACTIONS, "    due: 2023-01-31\n    status: open\n",
                    "    due: 2023-01-31\n    status: open\n    closed:\n      meeting: hcssc-2023-03-15\n      minute: 4.3\n")
    assert any("this action is open but says where it was closed" in p.message for p in example.problems())


def test_a_closing_minute_that_does_not_exist_is_reported(example):
    line = example.replace(ACTIONS, "      meeting: hcssc-2021-11-17\n      minute: 4.3\n",
                           "      meeting: hcssc-2021-11-17\n      minute: 4.9\n") + 1
    assert 'have no minute 4.9' in example.problem(ACTIONS, line)


def test_an_action_closed_before_it_was_agreed_is_reported(example):
    line = example.replace(ACTIONS, "    closed:\n      meeting: hcssc-2022-03-16\n",
                           "    closed:\n      meeting: hcssc-2021-03-10\n") + 1
    problems = example.problems()
    assert any(p.line == line and "closed at a meeting (2021-03-10) before the one that agreed it" in p.message
               for p in problems), problems


def test_target_revisions_out_of_order_are_reported(example):
    line = example.replace(RECOMMENDATIONS, "        - reported: 2023-03-15\n", "        - reported: 2022-01-01\n")
    assert "list revisions in the order they were reported" in example.problem(RECOMMENDATIONS, line)


def test_a_target_without_its_source_is_reported(example):
    text = example.read(METRIC)
    example.write(METRIC, text.replace("target_source:\n  meeting: hcssc-2021-03-10\n  minute: 5.3\n", ""))
    assert any("a target needs its source" in p.message for p in example.problems())
