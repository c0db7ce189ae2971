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
from typing import Protocol

from coder.coder import Coder
from coder.dictionaries import Dictionaries
from coder.long_run import prepare_long_run
from coder.runner import ChunkResult, code_batch, failed

MAX_DEATHS_IN_A_ROW = 3  # documents in a row whose fresh worker fails too: the workers cannot run at all
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

    failure = BrokenProcessPool  # a worker died: the pool and every chunk in flight are lost

    def __init__(self, coder: Coder, workers: int) -> None:
        self.spec, self.workers = CoderSpec.of(coder), workers
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=self.workers, mp_context=pool_context(), initializer=_initialize,
                                   initargs=(self.spec,))

    def submit(self, index: int, items: list) -> Future:
        return self.executor.submit(_code_chunk, index, items)

    def recover(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)
        self.executor = self._start()

    def reason(self, error: BaseException) -> str:
        return "a worker process died coding this document (a crash or out of memory)"

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


def pool_results(coder: Coder, numbered: Iterable[tuple[int, list]], workers: int,
                 window: int | None = None) -> Iterator[ChunkResult]:
    """ChunkResults of `numbered` chunks, coded by `workers` processes, in input order.

    A worker that dies (a crash in native code, the out-of-memory killer) takes the pool with it: the pool is
    started again and `in_order` codes the chunk again one document at a time.
    """
    pool = _Pool(coder, workers)
    try:
        yield from in_order(pool, numbered, window or 2 * workers)
    finally:
        pool.close()


class Workers(Protocol):
    """An engine as `in_order` drives it: the local pool or a Dask cluster."""

    failure: type[BaseException]  # what a chunk's result raises when its worker was lost

    def submit(self, index: int, items: list) -> Future: ...

    def recover(self) -> None:
        """Make the workers usable again after a failure (start the pool afresh, send the spec again)."""

    def reason(self, error: BaseException) -> str:
        """Why a document whose coding failed again is rejected."""


def in_order(workers: Workers, numbered: Iterable[tuple[int, list]], window: int) -> Iterator[ChunkResult]:
    """ChunkResults in input order, at most `window` chunks in flight, so memory stays flat however long the
    input is. A chunk whose worker was lost is coded again a document at a time, so that only the document that
    fails is rejected; the chunks in flight are sent again, as the failure may have taken them too."""
    pending: deque[tuple[int, list, Future]] = deque()
    try:
        for index, chunk in numbered:
            pending.append((index, chunk, workers.submit(index, chunk)))
            if len(pending) >= window:
                yield _collect(workers, pending)
        while pending:
            yield _collect(workers, pending)
    finally:
        for _, _, future in pending:
            future.cancel()


def _collect(workers: Workers, pending: deque[tuple[int, list, Future]]) -> ChunkResult:
    index, chunk, future = pending.popleft()
    try:
        return future.result()
    except workers.failure:
        workers.recover()
        result = _one_by_one(workers, index, chunk)
        for position, (other, items, _) in enumerate(pending):
            pending[position] = (other, items, workers.submit(other, items))
        return result


def _one_by_one(workers: Workers, index: int, chunk: list) -> ChunkResult:
    """Code a chunk a document at a time; the document whose coding fails again is rejected. Several failures in
    a row mean the workers cannot run at all: the run stops and says so."""
    result, failures = ChunkResult(index), 0
    for item in chunk:
        try:
            part = workers.submit(index, [item]).result()
            failures = 0
        except workers.failure as error:
            failures += 1
            if failures >= MAX_DEATHS_IN_A_ROW:
                raise RuntimeError(f"workers keep failing (chunk {index}): out of memory, a lost cluster or a "
                                   f"broken installation? Finished chunks are kept: rerun with --resume") from error
            workers.recover()
            part = ChunkResult(index, rejects=[failed(item, WorkerDied(workers.reason(error)))])
        result.documents += part.documents
        result.sentences += part.sentences
        result.events.extend(part.events)
        result.rejects.extend(part.rejects)
    return result


class WorkerDied(Exception):
    """The worker coding a document ended without an answer."""
