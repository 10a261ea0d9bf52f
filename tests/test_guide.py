"""docs/guide.md: the clerks' guide lists the common messages exactly as the checks give them."""

from __future__ import annotations

import os
import re
from pathlib import Path

from test_mistakes import CORPUS

GUIDE = Path(__file__).resolve().parent.parent / "docs" / "guide.md"
START, END = "<!-- mistakes:start -->\n", "<!-- mistakes:end -->"


def escape(text: str) -> str:
    """Text shown as typed in Markdown: formatting characters backslashed, < as an entity."""
    return re.sub(r"([\\`*_\[\]])", r"\\\1", text).replace("<", "&lt;")


def mistakes_list() -> str:
    """Each common mistake, then its message as code: exactly what the check prints."""
    cases = [case for case in CORPUS if case.get("guide") and case["message"]]
    assert not any("`" in case["message"] for case in cases)
    return "".join(f"- **{escape(case['mistake'])}.** The check says: `{case['message']}`\n" for case in cases)


def test_the_guide_lists_the_common_messages_from_the_mistake_corpus():
    text = GUIDE.read_text(encoding="utf-8")
    before, rest = text.split(START)
    listed, after = rest.split(END)
    if os.environ.get("UPDATE_GUIDE") == "1":
        GUIDE.write_text(before + START + mistakes_list() + END + after, encoding="utf-8")
        listed = mistakes_list()
    assert listed == mistakes_list(), ("docs/guide.md's common messages are out of step with "
                                       "tests/fixtures/mistakes.yaml — run: UPDATE_GUIDE=1 make test")
    assert listed.count("\n") >= 20


def test_the_built_guide_is_in_the_navigation_and_shows_the_messages(real_site):
    nav = [a.get_text(strip=True) for a in real_site.html("").select(".md-nav--primary a[href]")]
    assert "Clerks' guide" in nav
    text = real_site.text("guide/")
    tab = next(case for case in CORPUS if case["id"] == "tab-indent")
    assert tab["message"] in text
    assert "The check helps; it does not replace a person." in text
    assert "```" not in text


def test_every_message_the_guide_quotes_is_one_the_portal_prints():
    """Outside the list above too (the web-editor steps, how to read a message): each quoted
    `file:line: message` is a message from the corpus, word for word, and the report's last line is
    the one the check prints."""
    from macros.data.problems import DataProblems, Problem

    text = GUIDE.read_text(encoding="utf-8")
    messages = {case["message"] for case in CORPUS if case["message"]}
    quoted = re.findall(r"`data/[^`:]+:\d+: ([^`]+)`", text.split(START)[0] + text.split(END)[1])
    assert quoted, "the guide shows how a message looks"
    for message in quoted:
        assert message in messages, f"docs/guide.md quotes a message the portal does not print: {message}"
    footer = DataProblems([Problem("data/x.yaml", 1, "x — y")]).report().splitlines()[-1]
    assert f"`{footer}`" in text
