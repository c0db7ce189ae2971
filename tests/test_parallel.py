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
