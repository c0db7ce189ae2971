"""The Dask engine gives the bytes of a local run, on a small local cluster bound to 127.0.0.1."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coder import Coder, dask_engine, deadline
from coder.cli import app
from coder.runner import run
from tests.conftest import SMALL
from tests.test_runner import write_corpus

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, host="127.0.0.1", protocol="tcp",
                                  dashboard_address=None) as local:
        yield local


def test_dask_run_equals_local_run(tmp_path: Path, rules_coder: Coder, cluster) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl", 150, bad_every=31)
    local, remote = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    expected = run(rules_coder, [corpus], local, chunk_size=8)
    got = run(rules_coder, [corpus], remote, chunk_size=8, engine="dask", scheduler=cluster.scheduler_address)
    assert remote.read_bytes() == local.read_bytes()
    assert (got.documents, got.events, got.rejected) == (expected.documents, expected.events, expected.rejected)
    assert got.events > 50 and got.rejected == 4


def test_cli_codes_on_a_dask_scheduler(tmp_path: Path, cluster) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl", 40)
    common = ["--dictionaries", str(SMALL), "--no-parse", "--date", "2024-05-01", "--chunk-size", "6"]
    local, remote = tmp_path / "local.csv", tmp_path / "dask.csv"
    runner = CliRunner()
    assert runner.invoke(app, ["code", str(corpus), "-o", str(local), "--format", "csv", *common]).exit_code == 0
    result = runner.invoke(app, ["code", str(corpus), "-o", str(remote), "--format", "csv", "--engine", "dask",
                                 "--scheduler", cluster.scheduler_address, *common])
    assert result.exit_code == 0, result.output
    assert remote.read_bytes() == local.read_bytes()


def test_scheduler_without_dask_engine_is_a_usage_error(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl", 3)
    result = CliRunner().invoke(app, ["code", str(corpus), "-o", str(tmp_path / "x.jsonl"), "--scheduler",
                                      "tcp://127.0.0.1:1", "--dictionaries", str(SMALL)])
    assert result.exit_code == 2 and "--engine dask" in result.output


def test_a_stuck_document_on_a_dask_worker_is_rejected_and_the_run_ends(
        tmp_path: Path, rules_coder: Coder, cluster, monkeypatch: pytest.MonkeyPatch) -> None:
    """Dask workers code in threads: the per-document time limit must reach them too."""
    corpus = write_corpus(tmp_path / "corpus.jsonl", 24)
    warm = run(rules_coder, [corpus], tmp_path / "warm.jsonl", chunk_size=6, engine="dask",
               scheduler=cluster.scheduler_address)  # the workers' coders are built before the short limit
    original = Coder.code_analyses

    def stuck_on_one(self, analyses, document, lang):
        while document.id == "d7":
            pass
        return original(self, analyses, document, lang)

    monkeypatch.setattr(Coder, "code_analyses", stuck_on_one)
    monkeypatch.setattr(deadline, "DOCUMENT_TIME_LIMIT", 0.5)
    rejects = tmp_path / "rejects.jsonl"
    got = run(rules_coder, [corpus], tmp_path / "dask.jsonl", chunk_size=6, engine="dask",
              scheduler=cluster.scheduler_address, rejects_path=rejects)
    assert (got.documents, got.rejected) == (warm.documents - 1, 1)
    reject = json.loads(rejects.read_text(encoding="utf-8"))
    assert "DocumentTimeout: coding took longer than 0.5 s" in reject["reason"]


_code_chunk = dask_engine._code_chunk


def dies_on_d8(token, spec, index, items):
    """A task whose worker process dies whenever document d8 is in it, as on a crash in native code."""
    if any(getattr(item, "id", None) == "d8" for item in items):
        os._exit(1)
    return _code_chunk(token, spec, index, items)


class PoisonD8(distributed.WorkerPlugin):
    """Installs `dies_on_d8` in every worker process, restarted ones too."""

    def setup(self, worker) -> None:
        dask_engine._code_chunk = dies_on_d8


def test_a_document_that_kills_its_dask_worker_is_rejected_and_the_rest_coded(
        tmp_path: Path, rules_coder: Coder) -> None:
    """Dask retries the task on other workers until it gives up, and every worker it killed took the scattered
    coder spec with it: the chunk is coded again a document at a time with the spec sent again, and only the
    document that kills is lost."""
    corpus = write_corpus(tmp_path / "corpus.jsonl", 30)
    run(rules_coder, [corpus], tmp_path / "local.jsonl", chunk_size=6)
    rejects = tmp_path / "rejects.jsonl"
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=":0", silence_logs=50) as processes, \
            distributed.Client(processes) as client:
        client.register_plugin(PoisonD8())
        got = run(rules_coder, [corpus], tmp_path / "dask.jsonl", chunk_size=6, engine="dask",
                  scheduler=processes.scheduler_address, rejects_path=rejects)
    assert (got.documents, got.rejected) == (29, 1)
    reject = json.loads(rejects.read_text(encoding="utf-8"))
    assert reject["origin"].endswith("corpus.jsonl:9")
    assert "the Dask task coding this document failed" in reject["reason"]
    coded = [json.loads(line) for line in (tmp_path / "dask.jsonl").read_text(encoding="utf-8").splitlines()]
    local = [json.loads(line) for line in (tmp_path / "local.jsonl").read_text(encoding="utf-8").splitlines()]
    assert coded == [event for event in local if event["doc_id"] != "d8"] and coded
