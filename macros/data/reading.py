"""Reading the files clerks write, refusing what must not be read or published.

- A link (symlink) in data/ or docs/ that leads outside the repository, or into its .git folder,
  is refused: the portal would otherwise read and publish a file from elsewhere on the machine.
  Links that stay inside the repository are fine (the example council's docs/ links to the
  portal's own pages).
- A file over the size limit (limits.MAX_FILE_BYTES) is refused before it is read.
- Text must be UTF-8; a byte order mark is dropped; Windows (CR LF), old Mac (CR) and Unicode line
  separators all become one line break, so every line number matches the clerk's editor.
- A hidden control or direction character anywhere in a file is reported at its line and column.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from .characters import normalise_line_breaks, raw_problems
from .limits import MAX_FILE_BYTES
from .problems import Problem


def repository_of(root: Path) -> Path:
    """The git repository holding root (the nearest folder with a .git), or root itself."""
    root = root.resolve()
    for folder in (root, *root.parents):
        if (folder / ".git").exists():
            return folder
    return root


def _escapes(link: Path, repository: Path) -> bool:
    target = link.resolve()
    inside = target == repository or repository in target.parents
    return not inside or target == repository / ".git" or repository / ".git" in target.parents


def outside_links(root: Path, folder: str) -> list[Problem]:
    """Every link under root/folder (the folder itself included) that leads out of the repository."""
    repository, top = repository_of(root), root / folder
    links = [top] if top.is_symlink() else []
    for parent, folders, files in os.walk(top):
        links += [Path(parent) / name for name in folders + files if (Path(parent) / name).is_symlink()]
    return [
        Problem(
            link.relative_to(root).as_posix(),
            1,
            "this is a link to a file or folder outside the repository, and the portal publishes only what "
            "the repository holds — put a copy of the file here instead of the link, or delete the link",
        )
        for link in sorted(links)
        if _escapes(link, repository)
    ]


def files_under(root: Path, folder: str) -> Iterator[Path]:
    """Every file under root/folder, in name order, leaving out links that lead out of the repository
    (outside_links reports them) and files inside linked folders."""
    repository = repository_of(root)
    top = root / folder
    if top.is_symlink() and _escapes(top, repository):
        return
    for path in sorted(top.rglob("*")):
        if path.is_file() and not (path.is_symlink() and _escapes(path, repository)):
            yield path


TOO_LARGE = (
    "this file is {size:.1f} MB, more than the {most} MB the portal reads in one file (far more than any "
    "minutes or data need) — check that nothing was pasted into it by mistake, or split it into smaller files"
)


def read_text(path: Path, file: str) -> tuple[str | None, list[Problem]]:
    """A file's text with line breaks made \\n, or None and what stops it being read. A file over
    the size limit is not read at all."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        return None, [Problem(file, 1, TOO_LARGE.format(size=size / 1_000_000, most=MAX_FILE_BYTES // 1_000_000))]
    return decode(path.read_bytes(), file)


def decode(raw: bytes, file: str) -> tuple[str | None, list[Problem]]:
    """A file's bytes (from disk, or a version from the repository's history) as text, as read_text."""
    if len(raw) > MAX_FILE_BYTES:
        return None, [Problem(file, 1, TOO_LARGE.format(size=len(raw) / 1_000_000, most=MAX_FILE_BYTES // 1_000_000))]
    try:
        text = normalise_line_breaks(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        line = normalise_line_breaks(raw[: error.start].decode("utf-8", errors="replace")).count("\n") + 1
        return None, [
            Problem(
                file,
                line,
                "this file is not saved as UTF-8 text (Word, Excel and Notepad often save as "
                '"ANSI" or Windows-1252) — save it again choosing the UTF-8 encoding, or paste '
                "its text into GitHub's web editor, which always saves UTF-8",
            )
        ]
    problems = [Problem(file, line, message) for line, message in raw_problems(text)]
    return (None if problems else text), problems
