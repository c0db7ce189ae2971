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
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from coder.coder import Coder
from coder.dictionaries import Dictionaries
from coder.long_run import prepare_long_run
from coder.runner import ChunkResult, code_batch, failed

MAX_DEATHS_IN_A_ROW = 3  # documents in a row whose fresh worker fails too: the workers cannot run at all
DIED = "a worker process died coding this document (a crash or out of memory)"
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
    prepare_long_run()


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


class _Pool:
    """A ProcessPoolExecutor of coder workers that can be started afresh after a worker died."""

    def __init__(self, coder: Coder, workers: int) -> None:
        self.spec, self.workers = CoderSpec.of(coder), workers
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=self.workers, mp_context=pool_context(), initializer=_initialize,
                                   initargs=(self.spec,))

    def submit(self, index: int, items: list) -> Future:
        return self.executor.submit(_code_chunk, index, items)

    def restart(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)
        self.executor = self._start()

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


def pool_results(coder: Coder, numbered: Iterable[tuple[int, list]], workers: int,
                 window: int | None = None) -> Iterator[ChunkResult]:
    """ChunkResults of `numbered` chunks, coded by `workers` processes, in input order.

    A worker that dies (a crash in native code, the out-of-memory killer) takes the pool with it: the pool is
    started again, the chunk it was coding is coded again one document at a time so that only the document that
    kills a worker is rejected, and the chunks in flight are sent again.
    """
    window = window or 2 * workers
    pool = _Pool(coder, workers)
    pending: deque[tuple[int, list, Future]] = deque()
    try:
        for index, chunk in numbered:
            pending.append((index, chunk, pool.submit(index, chunk)))
            if len(pending) >= window:
                yield _collect(pool, pending)
        while pending:
            yield _collect(pool, pending)
    finally:
        pool.close()


def _collect(pool: _Pool, pending: deque[tuple[int, list, Future]]) -> ChunkResult:
    index, chunk, future = pending.popleft()
    try:
        return future.result()
    except BrokenProcessPool:
        pool.restart()
        result = code_one_by_one(index, chunk, lambda item: pool.submit(index, [item]).result(), BrokenProcessPool,
                                 pool.restart, lambda error: DIED)
        for position, (other, items, _) in enumerate(pending):  # they died with the pool
            pending[position] = (other, items, pool.submit(other, items))
        return result


def code_one_by_one(index: int, chunk: list, code: Callable[[object], ChunkResult], failure: type[BaseException],
                    after_failure: Callable[[], None], reason: Callable[[BaseException], str]) -> ChunkResult:
    """Code a chunk whose worker failed a document at a time (`code` codes one item elsewhere); the document
    whose coding fails again is rejected, `reason` saying why. Several failures in a row mean the workers cannot run
    at all: the run stops and says so."""
    result, failures = ChunkResult(index), 0
    for item in chunk:
        try:
            part = code(item)
            failures = 0
        except failure as error:
            failures += 1
            if failures >= MAX_DEATHS_IN_A_ROW:
                raise RuntimeError(f"workers keep failing (chunk {index}): out of memory, a lost cluster or a "
                                   f"broken installation? Finished chunks are kept: rerun with --resume") from error
            after_failure()
            part = ChunkResult(index, rejects=[failed(item, WorkerDied(reason(error)))])
        result.documents += part.documents
        result.sentences += part.sentences
        result.events.extend(part.events)
        result.rejects.extend(part.rejects)
    return result


class WorkerDied(Exception):
    """The worker coding a document ended without an answer."""
