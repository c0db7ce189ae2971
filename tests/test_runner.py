"""Runs over corpora: streaming, batching equals one-by-one coding, checkpoints, progress, CLI exit codes."""

from __future__ import annotations

import io
import json
import threading
import time
import tracemalloc
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coder import Coder, Document, deadline
from coder.checkpoint import parts_dir
from coder.cli import app
from coder.dictionaries.cache import cache_key, load_cached
from coder.progress import Progress
from coder.runner import RunSummary, code_batch, run
from tests.conftest import SMALL

EN = ["Russia attacked Ukraine on Monday.", "The United States imposed sanctions on Iran.",
      "China and Russia met in Beijing.", "Nothing happened here."]
ID = ["Rusia menyerang Ukraina.", "Presiden Indonesia bertemu Presiden Rusia di Jakarta.",
      "Tiongkok tidak menyerang Ukraina."]


def write_corpus(path: Path, count: int, bad_every: int = 0) -> Path:
    """A JSONL corpus mixing English and Indonesian; every `bad_every`-th line is broken JSON."""
    with open(path, "w", encoding="utf-8") as out:
        for number in range(count):
            if bad_every and number % bad_every == bad_every - 1:
                out.write('{"id": "broken", "text": \n')
                continue
            lang, texts = ("en", EN) if number % 3 else ("id", ID)
            text = " ".join(texts[(number + k) % len(texts)] for k in range(1 + number % 3))
            out.write(json.dumps({"id": f"d{number}", "text": text, "lang": lang, "date": "2024-05-01"}) + "\n")
    return path


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_batch_coding_gives_the_events_of_one_by_one_coding(small_coder: Coder) -> None:
    documents = [Document(f"d{i}", text, lang="en" if text in EN else "id") for i, text in enumerate(EN + ID)]
    expected = [event.to_dict() for document in documents for event in small_coder.code_document(document)]
    result = code_batch(small_coder, documents)
    assert result.events == expected
    assert result.documents == len(documents) and not result.rejects
    assert {(e["source"], e["code"], e["target"]) for e in expected} >= {("RUS", "190", "UKR")}


def test_a_failing_document_is_rejected_and_the_rest_of_its_chunk_is_coded(rules_coder: Coder) -> None:
    documents = [Document("ok", EN[0], lang="en"), Document("unknown", "Bonjour", lang="xx"),
                 Document("ok2", ID[0], lang="id")]
    result = code_batch(rules_coder, documents)
    assert result.documents == 2
    assert [reject.origin for reject in result.rejects] == ["unknown"]
    assert "no dictionaries for language 'xx'" in result.rejects[0].reason
    assert {event["doc_id"] for event in result.events} == {"ok", "ok2"}


def test_a_document_that_takes_too_long_is_rejected_and_the_run_goes_on(
        rules_coder: Coder, monkeypatch: pytest.MonkeyPatch) -> None:
    original = Coder.code_analyses

    def stuck_on_slow(self, analyses, document, lang):
        while document.id == "slow":  # a document the coder never finishes
            pass
        return original(self, analyses, document, lang)

    documents = [Document("ok", EN[0], lang="en"), Document("slow", EN[1], lang="en"),
                 Document("ok2", ID[0], lang="id")]
    code_batch(rules_coder, documents)  # both languages loaded before the short limit applies
    monkeypatch.setattr(Coder, "code_analyses", stuck_on_slow)
    monkeypatch.setattr(deadline, "DOCUMENT_TIME_LIMIT", 0.2)
    result = code_batch(rules_coder, documents)
    assert [reject.origin for reject in result.rejects] == ["slow"]
    assert "DocumentTimeout: coding took longer than 0.2 s" in result.rejects[0].reason
    assert {event["doc_id"] for event in result.events} == {"ok", "ok2"}


def test_a_document_that_takes_too_long_in_a_worker_thread_is_rejected_too(
        rules_coder: Coder, monkeypatch: pytest.MonkeyPatch) -> None:
    """Dask workers code in threads, where SIGALRM cannot reach: the watchdog stops the document there."""
    original = Coder.code_analyses

    def stuck_on_slow(self, analyses, document, lang):
        while document.id == "slow":
            pass
        return original(self, analyses, document, lang)

    documents = [Document("ok", EN[0], lang="en"), Document("slow", EN[1], lang="en"),
                 Document("slow", EN[2], lang="en"), Document("ok2", ID[0], lang="id")]
    code_batch(rules_coder, documents)
    monkeypatch.setattr(Coder, "code_analyses", stuck_on_slow)
    monkeypatch.setattr(deadline, "DOCUMENT_TIME_LIMIT", 0.2)
    results = []
    worker = threading.Thread(target=lambda: results.append(code_batch(rules_coder, documents)), daemon=True)
    worker.start()
    worker.join(timeout=10)
    assert not worker.is_alive()
    result = results[0]
    assert [reject.origin for reject in result.rejects] == ["slow", "slow"]
    assert all("DocumentTimeout: coding took longer than 0.2 s" in reject.reason for reject in result.rejects)
    assert {event["doc_id"] for event in result.events} == {"ok", "ok2"}


def test_a_document_that_ends_in_time_in_a_thread_is_not_stopped_later() -> None:
    """A watched block that ends before its limit leaves no exception behind for the thread's next work."""
    def work() -> None:
        for _ in range(50):
            with deadline.time_limit(0.05):
                pass
        time.sleep(0.2)  # past every limit set above: nothing may arrive now
        finished.append(True)

    finished: list[bool] = []
    worker = threading.Thread(target=work, daemon=True)
    worker.start()
    worker.join(timeout=10)
    assert finished == [True]


def test_run_writes_events_in_input_order_and_removes_its_checkpoint(tmp_path: Path, rules_coder: Coder) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl", 60, bad_every=17)
    out = tmp_path / "events.jsonl"
    seen: list[int] = []
    summary = run(rules_coder, [corpus], out, chunk_size=7, progress=lambda s: seen.append(s.documents))
    events = lines(out)
    order = [(int(e["doc_id"][1:]), e["event_index"]) for e in events]
    assert order == sorted(order) and len(events) == summary.events > 20
    assert summary.documents == 57 and summary.rejected == 3
    assert len(lines(tmp_path / "events.jsonl.rejects.jsonl")) == 3
    assert seen == sorted(seen) and seen[-1] == 57 and len(seen) == 9  # one call per chunk of 7 items
    assert not parts_dir(out).exists()


def test_chunk_size_does_not_change_the_output(tmp_path: Path, rules_coder: Coder) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl", 40)
    outputs = []
    for size in (1, 5, 64):
        out = tmp_path / f"events-{size}.csv"
        run(rules_coder, [corpus], out, fmt="csv", chunk_size=size)
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] == outputs[2]


def test_memory_stays_flat_as_the_corpus_grows(tmp_path: Path, rules_coder: Coder) -> None:
    """Peak Python allocations for 2,000 documents are close to those for 200: nothing grows per document."""
    peaks = []
    for count in (200, 2000):
        corpus = write_corpus(tmp_path / f"corpus-{count}.jsonl", count, bad_every=50)
        run(rules_coder, [corpus], tmp_path / "warm.jsonl")  # fill the word caches first
        tracemalloc.start()
        summary = run(rules_coder, [corpus], tmp_path / f"events-{count}.jsonl")
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
        assert summary.documents == count - count // 50
    assert peaks[1] < peaks[0] * 1.5 + 1_000_000, peaks  # holding the corpus would take ~10x


def test_summary_keeps_a_bounded_sample_of_rejects_but_counts_all() -> None:
    from coder.document import Reject
    from coder.runner import REJECTS_KEPT

    summary = RunSummary()
    for number in range(REJECTS_KEPT + 5):
        summary.reject(Reject(f"x:{number}", "bad"))
    assert summary.rejected == REJECTS_KEPT + 5 and len(summary.rejects) == REJECTS_KEPT
    assert f"{REJECTS_KEPT + 5} rejected" in summary.describe()


def test_progress_line_shows_rates_and_events() -> None:
    stream = io.StringIO()
    progress = Progress(stream, interval=0)
    progress(RunSummary(documents=100, sentences=250, events=7, seconds=2.0, rejected=1))
    assert stream.getvalue() == "100 documents (50/s), 250 sentences (125/s), 7 events, 1 rejected\n"


runner = CliRunner()


def test_cli_exit_codes_say_whether_anything_was_rejected(tmp_path: Path) -> None:
    clean = write_corpus(tmp_path / "clean.jsonl", 12)
    dirty = write_corpus(tmp_path / "dirty.jsonl", 12, bad_every=5)
    common = ["--dictionaries", str(SMALL), "--no-parse", "--chunk-size", "4", "--no-progress"]
    ok = runner.invoke(app, ["code", str(clean), "-o", str(tmp_path / "a.jsonl"), *common])
    assert ok.exit_code == 0, ok.output
    some = runner.invoke(app, ["code", str(dirty), "-o", str(tmp_path / "b.jsonl"), *common])
    assert some.exit_code == 1 and "2 rejected" in some.output
    bad_date = runner.invoke(app, ["code", str(clean), "-o", str(tmp_path / "c.jsonl"), "--date", "yesterday",
                                   *common])
    assert bad_date.exit_code == 2 and "bad date" in bad_date.output
    bad_workers = runner.invoke(app, ["code", str(clean), "-o", str(tmp_path / "d.jsonl"), "--workers", "0",
                                      *common])
    assert bad_workers.exit_code == 2
    missing = runner.invoke(app, ["code", str(tmp_path / "nope.jsonl"), "-o", str(tmp_path / "f.jsonl"), *common])
    assert missing.exit_code == 2 and "no such file" in missing.output


def test_cli_progress_flag_prints_progress(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl", 10)
    result = runner.invoke(app, ["code", str(corpus), "-o", str(tmp_path / "e.jsonl"), "--dictionaries", str(SMALL),
                                 "--no-parse", "--progress"])
    assert result.exit_code == 0
    assert "10 documents (" in result.output and "sentences (" in result.output


def test_dictionary_cache_is_used_and_invalidated_by_edits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    monkeypatch.setenv("CODER_CACHE_DIR", str(tmp_path / "cache"))
    root = tmp_path / "dictionaries"
    shutil.copytree(SMALL, root)
    first = load_cached(root)
    assert len(list((tmp_path / "cache").glob("*.pickle"))) == 1
    second = load_cached(root)
    assert second.actors["en"].root == first.actors["en"].root and second is not first
    actors = root / "actors" / "actors.yaml"
    key = cache_key(root)
    actors.write_text(actors.read_text(encoding="utf-8").replace("code: RUS\n", "code: RUZ\n", 1), encoding="utf-8")
    assert cache_key(root) != key
    edited = load_cached(root)
    assert "RUZ" in {actor.code for actor in _entries(edited.actors["en"].root)}
    # A damaged cache file is ignored, not trusted.
    for path in (tmp_path / "cache").glob("*.pickle"):
        path.write_bytes(path.read_bytes()[:100])
    assert load_cached(root).actors["en"].root == edited.actors["en"].root


def _entries(node: dict):
    for key, value in node.items():
        if key == "":
            yield value
        else:
            yield from _entries(value)
