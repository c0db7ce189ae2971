"""Code chunks on a Dask cluster: the same chunks and code as a local run, so the same output.

With a scheduler address the chunks go to that cluster (its workers need this package and the English model
installed); without one a local cluster of `workers` processes is started on 127.0.0.1 and stopped at the end.
The coder's spec (dictionaries and settings) is sent to every worker once; each worker thread builds its Coder
on first use and keeps it. At most two chunks per worker thread are in flight, so memory stays flat. A chunk
whose task fails is coded again a document at a time, as a local run does when a worker process dies.
"""

from __future__ import annotations

import threading
import uuid
from collections import deque
from collections.abc import Iterable, Iterator

from coder.coder import Coder
from coder.parallel import CoderSpec, code_one_by_one
from coder.runner import ChunkResult, code_batch

_coders: dict[tuple[str, int], Coder] = {}
_lock = threading.Lock()


def _code_chunk(token: str, spec: CoderSpec, index: int, items: list) -> ChunkResult:
    """Runs on a worker: one Coder per run and thread (spaCy pipelines are not shared between threads)."""
    key = (token, threading.get_ident())
    with _lock:
        coder = _coders.get(key)
    if coder is None:
        coder = spec.build()
        with _lock:
            _coders[key] = coder
    return code_batch(coder, items, index)


def _local_cluster(workers: int):
    from distributed import LocalCluster

    return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                        dashboard_address=None, silence_logs=40)


def dask_results(coder: Coder, numbered: Iterable[tuple[int, list]], workers: int = 1,
                 scheduler: str | None = None, cluster=None) -> Iterator[ChunkResult]:
    """ChunkResults in input order from a Dask cluster (`scheduler` address, `cluster`, or a local one)."""
    try:
        from distributed import Client
    except ImportError as error:  # pragma: no cover - depends on the installation
        raise RuntimeError("the dask engine needs dask[distributed]: pip install 'dask[distributed]'") from error
    own_cluster = None
    if scheduler is None and cluster is None:
        cluster = own_cluster = _local_cluster(workers)
    try:
        with Client(scheduler if scheduler is not None else cluster, set_as_default=False) as client:
            yield from _submit_all(client, coder, numbered)
    finally:
        if own_cluster is not None:
            own_cluster.close()


def _submit_all(client, coder: Coder, numbered: Iterable[tuple[int, list]]) -> Iterator[ChunkResult]:
    threads = sum(client.nthreads().values()) or 1
    window = 2 * threads
    token = uuid.uuid4().hex
    spec = client.scatter(CoderSpec.of(coder), broadcast=True)

    def submit(index: int, items: list, named: bool = True):  # a chunk's single documents get Dask's own keys
        return client.submit(_code_chunk, token, spec, index, items, pure=False,
                             key=f"coder-chunk-{token}-{index}" if named else None)

    pending: deque = deque()
    try:
        for index, chunk in numbered:
            pending.append((index, chunk, submit(index, chunk)))
            if len(pending) >= window:
                yield _collect(submit, *pending.popleft())
        while pending:
            yield _collect(submit, *pending.popleft())
    finally:
        for _, _, future in pending:
            future.cancel()


def _collect(submit, index: int, chunk: list, future) -> ChunkResult:
    """The chunk's result; a chunk whose task failed (its worker died more often than the cluster retries, or
    the task could not run) is coded again a document at a time, and only the document that fails is lost."""
    try:
        return future.result()
    except Exception:  # whatever the cluster raises for a lost task: KilledWorker, CommClosedError, ...
        return code_one_by_one(index, chunk, lambda item: submit(index, [item], named=False).result(),
                               Exception, lambda: None,
                               lambda error: f"the Dask task coding this document failed: {type(error).__name__}: "
                                             f"{error}")


__all__ = ["dask_results"]
