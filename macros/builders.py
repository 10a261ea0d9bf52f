"""Run a builder's own command line (MkDocs or Zensical) in this process, after the pre-build step.

`python -m macros build` checks the data, prepares docs/ and then hands over to the builder here, so
the builder's macros adapter finds the portal already loaded (loaded.py) and the data is read once
per build. This is the only module that starts a builder; the core never imports one.
"""

from __future__ import annotations

import gc
import importlib

BUILDERS = {"mkdocs": "mkdocs.__main__", "zensical": "zensical.main"}  # builder -> module with its `cli`


def run_builder(builder: str, arguments: list[str]) -> int:
    """Run `<builder> <arguments>` (e.g. mkdocs build --strict) as its own command would; its exit status."""
    command = importlib.import_module(BUILDERS[builder]).cli
    # What is loaded so far (the portal, its history, the libraries) stays for the whole build: the
    # garbage collector need not look through it again and again while the builder works.
    gc.freeze()
    try:
        command.main(args=arguments, prog_name=builder)  # a click command: it ends by raising SystemExit
    except SystemExit as ended:
        return ended.code if isinstance(ended.code, int) else (0 if ended.code is None else 1)
    return 0
