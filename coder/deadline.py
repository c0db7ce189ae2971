"""A time limit per document: a pathological document must not hang a run over a million.

Python code cannot be stopped from outside a thread, so the limit uses SIGALRM, which only the main thread of a
process receives: local runs and the worker processes of `--workers N` get the limit; threads (Dask workers)
code without one.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

DOCUMENT_TIME_LIMIT = 120.0  # seconds of coding per document (a 1,000,000-character story takes about 20)


class DocumentTimeout(Exception):
    """Coding one document took longer than the limit."""


@contextmanager
def time_limit(seconds: float | None = None) -> Iterator[None]:
    """Raise DocumentTimeout inside the block once `seconds` (default DOCUMENT_TIME_LIMIT, read at each call)
    have passed, where the process allows it."""
    seconds = DOCUMENT_TIME_LIMIT if seconds is None else seconds
    if seconds <= 0 or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expired(signum, frame) -> None:
        raise DocumentTimeout(f"coding took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
