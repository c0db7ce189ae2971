"""Worker processes: same bytes as one process, in the same order, with bounded read-ahead."""

from __future__ import annotations

import itertools
from pathlib import Path

from coder import Coder
from coder.parallel import pool_results
from coder.runner import chunks, code_batch, run
from tests.test_runner import write_corpus


def test_two_workers_write_the_same_bytes_as_one(tmp_path: Path, rules_coder: Coder) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl", 400, bad_every=37)
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    first = run(rules_coder, [corpus], one, chunk_size=16)
    second = run(rules_coder, [corpus], two, chunk_size=16, workers=2)
    assert one.read_bytes() == two.read_bytes()
    assert (tmp_path / "one.jsonl.rejects.jsonl").read_bytes() == (tmp_path / "two.jsonl.rejects.jsonl").read_bytes()
    assert (first.documents, first.sentences, first.events, first.rejected) == \
        (second.documents, second.sentences, second.events, second.rejected)
    assert first.events > 100 and first.rejected == 10


def test_parsed_english_with_workers_matches_one_process(tmp_path: Path, small_coder: Coder) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl", 24)
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    run(small_coder, [corpus], one, fmt="csv", chunk_size=5)
    run(small_coder, [corpus], two, fmt="csv", chunk_size=5, workers=2)
    assert one.read_bytes() == two.read_bytes()
    assert one.read_text(encoding="utf-8").count("\n") > 10


def test_pool_reads_only_a_few_chunks_ahead(rules_coder: Coder) -> None:
    """The pool must not pull the whole corpus into its queue: memory would grow with the corpus."""
    from coder.document import Document

    produced = itertools.count()
    documents = (Document(f"d{next(produced)}", "Russia attacked Ukraine.", lang="en") for _ in range(10_000))
    numbered = enumerate(chunks(documents, 10))
    results = pool_results(rules_coder, numbered, workers=2)
    first = next(results)
    assert first.index == 0 and first.documents == 10
    read = next(produced)
    assert read <= 10 * (2 * 2 + 2), f"{read} documents read for the first chunk"
    results.close()


def test_pool_results_come_back_in_input_order(rules_coder: Coder) -> None:
    from coder.document import Document

    # Chunks of very different cost: an ordered pool must still return them by index.
    texts = ["Russia attacked Ukraine. " * (200 if i % 4 == 0 else 1) for i in range(24)]
    numbered = list(enumerate(chunks((Document(f"d{i}", t, lang="en") for i, t in enumerate(texts)), 3)))
    pooled = list(pool_results(rules_coder, numbered, workers=2))
    assert [result.index for result in pooled] == list(range(8))
    assert [r.events for r in pooled] == [code_batch(rules_coder, chunk, index).events for index, chunk in numbered]


def test_a_document_that_kills_its_worker_is_rejected_and_the_run_goes_on(
        tmp_path: Path, rules_coder: Coder, monkeypatch) -> None:
    """A crash in native code or the out-of-memory killer ends a worker: only that document is lost."""
    import os

    corpus = write_corpus(tmp_path / "corpus.jsonl", 120)
    reference = tmp_path / "reference.jsonl"
    run(rules_coder, [corpus], reference, chunk_size=8)
    original = Coder.code_analyses

    def dies_on_d50(self, analyses, document, lang):
        if document.id == "d50":
            os._exit(9)  # what a segfault or SIGKILL looks like from the pool
        return original(self, analyses, document, lang)

    monkeypatch.setattr(Coder, "code_analyses", dies_on_d50)  # forked workers inherit it
    out = tmp_path / "events.jsonl"
    summary = run(rules_coder, [corpus], out, chunk_size=8, workers=2)
    expected = [line for line in reference.read_text(encoding="utf-8").splitlines() if '"doc_id": "d50"' not in line]
    assert out.read_text(encoding="utf-8").splitlines() == expected
    assert summary.rejected == 1 and summary.documents == 119
    rejects = (tmp_path / "events.jsonl.rejects.jsonl").read_text(encoding="utf-8")
    assert 'corpus.jsonl:51"' in rejects and "a worker process died coding this document" in rejects


def test_workers_that_cannot_run_stop_the_run_with_a_clear_error(
        tmp_path: Path, rules_coder: Coder, monkeypatch) -> None:
    import os

    import pytest

    corpus = write_corpus(tmp_path / "corpus.jsonl", 40)
    monkeypatch.setattr(Coder, "code_analyses", lambda *args: os._exit(9))
    with pytest.raises(RuntimeError, match="workers keep failing.*--resume"):
        run(rules_coder, [corpus], tmp_path / "events.jsonl", chunk_size=8, workers=2)
    assert not (tmp_path / "events.jsonl").exists()
