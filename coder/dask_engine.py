"""Code chunks on a Dask cluster: the same chunks and code as a local run, so the same output.

With a scheduler address the chunks go to that cluster (its workers need this package and the English model
installed); without one a local cluster of `workers` processes is started on 127.0.0.1 and stopped at the end.
The coder's spec (dictionaries and settings) is sent to every worker once; each worker thread builds its Coder
on first use and keeps it. At most two chunks per worker thread are in flight, so memory stays flat.
"""

from __future__ import annotations

import threading
import uuid
from collections import deque
from collections.abc import Iterable, Iterator

from coder.coder import Coder
from coder.parallel import CoderSpec
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
    pending: deque = deque()
    try:
        for index, chunk in numbered:
            pending.append(client.submit(_code_chunk, token, spec, index, chunk, pure=False,
                                         key=f"coder-chunk-{token}-{index}"))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        for future in pending:
            future.cancel()


__all__ = ["dask_results"]
