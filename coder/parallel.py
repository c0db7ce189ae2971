"""Code chunks in a pool of worker processes; results come back in input order, as plain dicts.

Each worker builds its own Coder once (pool initializer) from a CoderSpec: the loaded dictionaries and the
coder's settings. Workers return ChunkResults (event dicts and Rejects), never spaCy Docs, which are slow to
send between processes. At most `2 * workers` chunks are in flight, so memory stays flat however long the
input is (Pool.imap would read the whole corpus ahead into its task queue).
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from coder.coder import Coder
from coder.dictionaries import Dictionaries
from coder.gcpause import settle_long_lived
from coder.runner import ChunkResult, code_batch

START_METHOD_VARIABLE = "CODER_START_METHOD"  # fork (default where available), forkserver or spawn


@dataclass(frozen=True)
class CoderSpec:
    """Everything a worker needs to build a Coder equal to the parent's."""

    dictionaries: Dictionaries
    parse: bool
    date: str
    lang: str

    @classmethod
    def of(cls, coder: Coder) -> CoderSpec:
        return cls(coder.dictionaries, coder.parse, coder.default_date, coder.default_lang)

    def build(self) -> Coder:
        return Coder(self.dictionaries, parse=self.parse, date=self.date, lang=self.lang)


_worker_coder: Coder | None = None


def _initialize(spec: CoderSpec) -> None:
    global _worker_coder
    _exit_with_parent(os.getppid())
    _worker_coder = spec.build()
    settle_long_lived()


def _exit_with_parent(parent: int, interval: float = 1.0) -> None:
    """A worker whose parent was killed (SIGKILL, OOM killer) would wait for work forever, holding its memory:
    a daemon thread ends the worker once the parent is gone."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(interval)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _code_chunk(index: int, items: list) -> ChunkResult:
    assert _worker_coder is not None, "worker used before its initializer ran"
    return code_batch(_worker_coder, items, index)


def pool_context() -> multiprocessing.context.BaseContext:
    """fork where the platform has it: workers start at once and share the parent's loaded dictionaries."""
    method = os.environ.get(START_METHOD_VARIABLE)
    if not method:
        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    return multiprocessing.get_context(method)


def pool_results(coder: Coder, numbered: Iterable[tuple[int, list]], workers: int,
                 window: int | None = None) -> Iterator[ChunkResult]:
    """ChunkResults of `numbered` chunks, coded by `workers` processes, in input order."""
    window = window or 2 * workers
    pending: deque[tuple[int, Future]] = deque()
    with ProcessPoolExecutor(max_workers=workers, mp_context=pool_context(), initializer=_initialize,
                             initargs=(CoderSpec.of(coder),)) as pool:
        try:
            for index, chunk in numbered:
                pending.append((index, pool.submit(_code_chunk, index, chunk)))
                if len(pending) >= window:
                    yield _result(*pending.popleft())
            while pending:
                yield _result(*pending.popleft())
        finally:
            for _, future in pending:
                future.cancel()


def _result(index: int, future: Future) -> ChunkResult:
    try:
        return future.result()
    except BrokenProcessPool as error:
        raise RuntimeError(f"a worker process died while coding chunk {index} (out of memory or killed?); "
                           f"finished chunks are kept: rerun with --resume to go on") from error


__all__ = ["CoderSpec", "pool_results"]
