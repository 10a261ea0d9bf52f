"""Which files in data/ the portal reads, and why it ignores any other.

A file the portal ignores is never skipped in silence: a hidden `.2019-05-15.yaml`, a `.yml`, a
folder named like a file (GitHub's web editor makes one when a name has a "/" in it) or a file in
the wrong folder gets a message saying it is ignored, why, and what to rename. The records it
might hold are then unknown, so checks that need every record of that kind stay quiet: the clerk
reads "this file is ignored", not a list of everything it would have held reported missing.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import PurePosixPath

from . import findings, model
from .problems import one_line

# Which model reads which file. A file in data/ that matches none of these is ignored, and said so.
SINGLE_FILES: dict[str, type[model.Record]] = {
    "portal.yaml": model.PortalFile,
    "meetings.yaml": model.MeetingsFile,
    "themes.yaml": model.ThemesFile,
    "resolutions.yaml": model.ResolutionsFile,
    "bodies.yaml": model.BodiesFile,
    "commitments.yaml": model.CommitmentsFile,
    "safeguarding-allow.yaml": model.SafeguardingAllowList,
    "actions.yaml": model.ActionsFile,
    "findings.yaml": findings.FindingsFile,
}
FOLDERS: dict[str, type[model.Record] | None] = {
    "recommendations": model.RecommendationSet,
    "progress": model.ProgressFile,
    "metrics": model.Metric,
    "minutes": None,  # Markdown with front matter, read by the loader's minutes reader
}
REQUIRED = ("portal.yaml", "meetings.yaml")
FILE_ENDINGS = (".yaml", ".yml", ".md")
# Files a computer or a tool leaves behind, which are nobody's data: skipped without a word.
NOT_DATA = {"README.md", ".gitkeep", ".keep", ".DS_Store", ".gitignore"}


@dataclass(frozen=True)
class Ignored:
    """A file the portal does not read: what to tell the clerk, and which file or folder
    ("meetings.yaml", "progress") it might have held records of."""

    message: str
    group: str | None = None


def extension(folder: str) -> str:
    return ".md" if folder == "minutes" else ".yaml"


def kind_of(relative: str) -> type[model.Record] | str | Ignored | None:
    """What reads the file at this data/-relative path: a model, "minutes" for a minutes file,
    Ignored with the reason, or None for a file that is nobody's data (README.md, .gitkeep …)."""
    path = PurePosixPath(relative)
    folders, name = path.parts[:-1], path.name
    if name in NOT_DATA or any(part.startswith(".") for part in folders):
        return None
    like_a_file = next((i for i, part in enumerate(folders) if part.lower().endswith(FILE_ENDINGS)), None)
    if like_a_file is not None:
        return _folder_named_like_a_file(one_line("/".join(folders[: like_a_file + 1])))
    if name.startswith("."):
        shown = _with_proper_ending(path.with_name(name.lstrip(".") or "."))
        if _read(shown):
            return Ignored(
                "files whose names start with a dot are hidden, so the portal ignores this one — "
                f"rename it to {one_line(PurePosixPath(shown).name)}, without the dot",
                _group(shown),
            )
        return None
    renamed = _with_proper_ending(path)
    if renamed != relative and _read(renamed):
        ending = PurePosixPath(renamed).suffix
        return Ignored(
            f"the portal reads only names ending {ending} (in small letters), so it ignores this file "
            f"— rename it to {one_line(PurePosixPath(renamed).name)}",
            _group(renamed),
        )
    return _read(relative) or _misplaced(PurePosixPath(one_line(relative)))


def file_type(relative: str) -> type[model.Record] | None:
    """The model of a YAML data file, from its path from the project folder (e.g.
    data/progress/2019-05-15.yaml), or None for a file the portal does not read as YAML."""
    kind = _read(relative.removeprefix("data/")) if relative.startswith("data/") else None
    return kind if isinstance(kind, type) else None


def _read(relative: str) -> type[model.Record] | str | None:
    """The reader of a file the portal reads, else None."""
    folder, _, name = relative.rpartition("/")
    if not folder:
        return SINGLE_FILES.get(name)
    if folder in FOLDERS and name.endswith(extension(folder)) and name != extension(folder):
        return FOLDERS[folder] or "minutes"
    return None


def _group(relative: str) -> str:
    return relative.split("/")[0]


def _with_proper_ending(path: PurePosixPath) -> str:
    """The path with a .yml, .YAML or .MD ending written as the portal reads it."""
    suffix = path.suffix.lower()
    if suffix in (".yml", ".yaml"):
        return str(path.with_suffix(".yaml"))
    if suffix == ".md":
        return str(path.with_suffix(".md"))
    return str(path)


def _folder_named_like_a_file(folder: str) -> Ignored:
    parent = PurePosixPath(folder).parent.as_posix()
    into = "data/" if parent == "." else f"data/{parent}/"
    return Ignored(
        f"data/{folder} is a folder, not a file, so the portal ignores it and everything in it "
        "(GitHub's web editor makes a folder when a file's name has a \"/\" in it) — move this file "
        f"out of it into {into}, or delete it; the folder goes when it is empty",
        _group(folder),
    )


def _misplaced(path: PurePosixPath) -> Ignored:
    """A file in a place, or of a kind, that the portal does not read."""
    folders, name = path.parts[:-1], path.name
    if not folders:
        return _nearest(
            name,
            SINGLE_FILES,
            f"the portal reads no file called {name}, so it ignores this one — did you mean {{near}}? "
            "rename it to that",
        )
    top = folders[0]
    if top in FOLDERS and len(folders) > 1:
        return Ignored(
            f"the portal does not look inside folders in data/{top}/, so it ignores this file — "
            f"move it into data/{top}/ itself",
            top,
        )
    if top in FOLDERS:
        what = "the minutes as Markdown" if top == "minutes" else "it as YAML"
        return Ignored(
            f"the portal reads only files ending {extension(top)} in data/{top}/, so it ignores this one — "
            f"save {what} in a file ending {extension(top)}, or delete this file",
            top,
        )
    return _nearest(
        top,
        FOLDERS,
        f"the portal has no folder data/{top}/, so it ignores this file — did you mean data/{{near}}/? "
        "move the file there",
    )


def _nearest(written: str, known, message: str) -> Ignored:
    """A name close to one the portal reads: the message with {near} filled in; else the list of all."""
    near = difflib.get_close_matches(written.lower(), list(known), n=1, cutoff=0.75)
    return Ignored(message.replace("{near}", near[0]), near[0]) if near else _unknown()


def _unknown() -> Ignored:
    known = list(SINGLE_FILES) + [f"{f}/…" for f in FOLDERS]
    return Ignored(
        "the portal does not read this file — check its name and folder; "
        f"it reads: {', '.join(known)} (minutes as .md, the rest as .yaml)"
    )
