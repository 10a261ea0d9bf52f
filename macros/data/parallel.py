"""Share CPU-bound work among the machine's processors, when there is enough of it and it is safe.

The work is a function over a list of items (rendering pages, checking files): forked workers
inherit everything already in memory (the loaded portal), so nothing is read again, and each
returns its share's results. Forking is safe on Linux with no other thread running; `mkdocs serve`
runs some, so there, on another system or on a machine with one processor, the work is done in
this process.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

I = TypeVar("I")  # noqa: E741 - an item
R = TypeVar("R")  # its result
T = TypeVar("T")

_WORK: Callable[[Any], Any] | None = None  # the work a forked worker inherits


def shared(work: Callable[[I], R], items: Sequence[I], at_least: int, meanwhile: Callable[[], T]) -> tuple[list[R], T]:
    """[work(item) for item in items], in order, and what `meanwhile` returned: shared among the
    processors (while this process runs `meanwhile`) when there are at least `at_least` items."""
    global _WORK
    workers = min(os.cpu_count() or 1, 4)
    fork = sys.platform == "linux" and threading.active_count() == 1  # macOS's libraries do not survive a fork
    if len(items) < at_least or workers < 2 or not fork or _WORK is not None:
        done = meanwhile()
        return [work(item) for item in items], done
    _WORK = work
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            running = [pool.submit(_run, list(items[start::workers])) for start in range(workers)]
            done = meanwhile()
            shares = [share.result() for share in running]
    finally:
        _WORK = None
    results: list[Any] = [None] * len(items)
    for start, share in enumerate(shares):
        results[start::workers] = share
    return results, done


def _run(share: list[Any]) -> list[Any]:
    assert _WORK is not None  # set before the workers were forked
    return [_WORK(item) for item in share]
