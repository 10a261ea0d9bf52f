"""Generated files (downloads, feeds, schemas) go into docs/ so that every builder publishes them.

Only files whose content changed are written, so `mkdocs serve`, which watches docs/, rebuilds
once after a data change and then settles instead of reloading for ever.
"""

from __future__ import annotations

from pathlib import Path


def write_changed(folder: Path, files: dict[str, bytes]) -> list[str]:
    """Write each file (path inside folder → bytes) whose content differs; returns what was written."""
    written = []
    for path, content in sorted(files.items()):
        target = folder / path
        if not target.is_file() or target.read_bytes() != content:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
            written.append(f"wrote {target}")
    return written
