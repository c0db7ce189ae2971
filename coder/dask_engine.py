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
from collections.abc import Iterable, Iterator

from coder.coder import Coder
from coder.parallel import CoderSpec, in_order
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
            yield from in_order(_Tasks(client, coder), numbered, 2 * (sum(client.nthreads().values()) or 1))
    finally:
        if own_cluster is not None:
            own_cluster.close()


class _Tasks:
    """Submits chunks to the cluster with the coder's spec scattered to every worker (a `Workers` for
    `in_order`).

    Scattered data lives only on the workers: a document that kills its worker every time Dask retries it can
    take every copy of the spec with it, and all later tasks would fail for lost dependencies. So after a
    failure the spec is scattered again, and `in_order` sends the chunks in flight again.
    """

    failure = Exception  # whatever the cluster raises for a lost task: KilledWorker, FutureCancelledError, ...

    def __init__(self, client, coder: Coder) -> None:
        self.client, self.coder = client, coder
        self.token = uuid.uuid4().hex
        self.sent = 0
        self.recover()  # the spec's first scatter

    def recover(self) -> None:
        self.spec = self.client.scatter(CoderSpec.of(self.coder), broadcast=True)

    def submit(self, index: int, items: list):
        self.sent += 1
        return self.client.submit(_code_chunk, self.token, self.spec, index, items, pure=False,
                                  key=f"coder-chunk-{self.token}-{index}-{self.sent}")

    def reason(self, error: BaseException) -> str:
        return f"the Dask task coding this document failed: {type(error).__name__}: {error}"


__all__ = ["dask_results"]
