"""A time limit per document: a pathological document must not hang a run over a million.

Python code cannot be stopped from outside, so the limit raises DocumentTimeout inside the coding code: in a
process's main thread (local runs, the worker processes of `--workers N`) with SIGALRM; in other threads (the
workers of a Dask cluster run tasks in threads) a watchdog thread raises it there with CPython's
PyThreadState_SetAsyncExc. Either way the exception arrives between two Python instructions, as SIGALRM's
handler does, so a document stuck inside one long C call is stopped when that call returns.
"""

from __future__ import annotations

import ctypes
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

DOCUMENT_TIME_LIMIT = 120.0  # seconds of coding per document (a 1,000,000-character story takes about 20)


class DocumentTimeout(Exception):
    """Coding one document took longer than the limit."""


@contextmanager
def time_limit(seconds: float | None = None) -> Iterator[None]:
    """Raise DocumentTimeout inside the block once `seconds` (default DOCUMENT_TIME_LIMIT, read at each call)
    have passed."""
    seconds = DOCUMENT_TIME_LIMIT if seconds is None else seconds
    if seconds <= 0:
        yield
        return
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        with _WATCHDOG.watch(seconds):
            yield
        return

    def expired(signum, frame) -> None:
        raise _timeout(seconds)

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _timeout(seconds: float) -> DocumentTimeout:
    return DocumentTimeout(f"coding took longer than {seconds:g} s")


def _raise_in_thread(ident: int, exception: type[BaseException] | None) -> None:
    """Make `exception` pending in thread `ident` (None clears a pending one)."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(ident),
                                               None if exception is None else ctypes.py_object(exception))


class _Watchdog:
    """One daemon thread per process that stops the threads whose document ran out of time.

    A watched thread whose deadline passed is taken off the watch list when the exception is sent, so the
    thread itself can tell, when its block ends, whether it was stopped: then it clears the exception if it
    has not arrived yet and raises its own, with the limit in the message, before leaving the block.
    """

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._deadlines: dict[int, float] = {}  # thread id -> time.monotonic() deadline
        self._thread: threading.Thread | None = None

    @contextmanager
    def watch(self, seconds: float) -> Iterator[None]:
        ident = threading.get_ident()
        with self._changed:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="coder-document-deadline", daemon=True)
                self._thread.start()
            self._deadlines[ident] = time.monotonic() + seconds
            self._changed.notify()
        try:
            yield
        finally:
            with self._changed:
                stopped = self._deadlines.pop(ident, None) is None
            if stopped:
                _raise_in_thread(ident, None)
                raise _timeout(seconds)

    def _run(self) -> None:
        with self._changed:
            while True:
                now = time.monotonic()
                for ident in [ident for ident, deadline in self._deadlines.items() if deadline <= now]:
                    del self._deadlines[ident]
                    _raise_in_thread(ident, DocumentTimeout)
                next_deadline = min(self._deadlines.values(), default=None)
                self._changed.wait(None if next_deadline is None else next_deadline - now)


_WATCHDOG = _Watchdog()
