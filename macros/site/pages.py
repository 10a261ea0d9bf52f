"""The small committed pages in docs/ that show one record each, kept in step with data/.

Each record with a page of its own (a recommendation, a minutes file) has a two-line Markdown
page in docs/ that calls one macro. They are committed, not made during the build, so that any
builder reading mkdocs.yml (MkDocs today, Zensical later) finds them. `python -m macros pages`
writes missing ones and removes ones whose record has gone; validation reports any out of step.
"""

from __future__ import annotations

from pathlib import Path

from ..data.portal import Portal
from ..data.problems import Problem

# folder in docs/ -> (macro that renders the page, how to list the records' IDs)
STUB_FOLDERS = {
    "recommendations": ("recommendation_page", lambda portal: [r.id for r in portal.recommendations]),
    "minutes": ("minutes_page", lambda portal: [m.id for m in portal.minutes]),
}
INDEX = "index.md"


def stub_text(macro: str, record_id: str) -> str:
    return (
        "---\n"
        "render_macros: true\n"
        "made_by: python -m macros pages  # do not edit: the page shows data from data/\n"
        "---\n"
        f'{{{{ {macro}("{record_id}") }}}}\n'
    )


def expected_stubs(portal: Portal) -> dict[str, str]:
    """docs/-relative path -> the text that page should have."""
    return {
        f"{folder}/{record_id}.md": stub_text(macro, record_id)
        for folder, (macro, ids) in STUB_FOLDERS.items()
        for record_id in ids(portal)
    }


def existing_stubs(docs_dir: Path) -> dict[str, str]:
    found = {}
    for folder in STUB_FOLDERS:
        for path in sorted((docs_dir / folder).glob("*.md")):
            if path.name != INDEX:
                found[f"{folder}/{path.name}"] = path.read_text(encoding="utf-8")
    return found


def stub_problems(portal: Portal, docs_dir: Path) -> list[Problem]:
    expected, existing = expected_stubs(portal), existing_stubs(docs_dir)
    fix = "run: python -m macros pages"
    problems = [
        Problem(
            f"docs/{path}", 1, f"this page does not match the data (it should call the macro for its record) — {fix}"
        )
        for path in expected.keys() & existing.keys()
        if existing[path] != expected[path]
    ]
    problems += [
        Problem(f"docs/{path}", 1, f"no record in data/ has this page any more — {fix} to remove it")
        for path in existing.keys() - expected.keys()
    ]
    problems += [
        Problem(f"docs/{path}", 1, f"this page is missing, so its record would not be published — {fix} to create it")
        for path in expected.keys() - existing.keys()
    ]
    return problems


def write_stubs(portal: Portal, docs_dir: Path) -> list[str]:
    """Create, update and remove stub pages; returns what changed, for the clerk to see."""
    expected, existing = expected_stubs(portal), existing_stubs(docs_dir)
    changes = []
    for path, text in sorted(expected.items()):
        if existing.get(path) != text:
            (docs_dir / path).parent.mkdir(parents=True, exist_ok=True)
            (docs_dir / path).write_text(text, encoding="utf-8")
            changes.append(f"{'updated' if path in existing else 'created'} docs/{path}")
    for path in sorted(existing.keys() - expected.keys()):
        (docs_dir / path).unlink()
        changes.append(f"removed docs/{path}")
    return changes
