"""--resume: a run killed with SIGKILL and resumed ends with the bytes of an uninterrupted run."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
from typer.testing import CliRunner

from coder import Coder
from coder.checkpoint import parts_dir
from coder.cli import app
from coder.runner import run
from tests.conftest import SMALL
from tests.test_runner import write_corpus

CHUNK = 10


def code_command(corpus: Path, out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-c", "from coder.cli import app; app()", "code", str(corpus), "-o", str(out),
            "--dictionaries", str(SMALL), "--no-parse", "--date", "2024-05-01", "--chunk-size", str(CHUNK),
            "--no-progress", *extra]


def kill_after_chunks(command: list[str], out: Path, chunks: int, timeout: float = 60) -> tuple[int, list]:
    """Start a run, SIGKILL it once `chunks` chunk files exist; returns how many existed at the kill and the
    run's worker processes."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    parts = parts_dir(out)
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            done = len(list(parts.glob("chunk-*.jsonl"))) if parts.is_dir() else 0
            if done >= chunks:
                workers = psutil.Process(process.pid).children(recursive=True)
                os.kill(process.pid, signal.SIGKILL)
                process.wait()
                return done, workers
            if process.poll() is not None:
                raise AssertionError("the run finished before it could be killed: make the corpus larger")
            time.sleep(0.005)
        raise AssertionError("no chunks were written in time")
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_sigkilled_run_resumes_to_identical_output(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl", 2500, bad_every=97)
    reference, out = tmp_path / "reference.jsonl", tmp_path / "events.jsonl"
    # The uninterrupted run, in this process with the settings of the command line above.
    run(Coder(SMALL, parse=False, date="2024-05-01"), [corpus], reference, chunk_size=CHUNK)

    done, workers = kill_after_chunks(code_command(corpus, out, "--workers", "2"), out, chunks=8)
    assert not out.exists(), "a killed run must not leave a half-written output"
    assert len(workers) >= 2
    _, alive = psutil.wait_procs(workers, timeout=10)
    assert not alive, "worker processes must not outlive a killed run"
    total_chunks = -(-2500 // CHUNK)
    assert 8 <= done < total_chunks

    resumed = subprocess.run(code_command(corpus, out, "--resume"), capture_output=True, text=True, check=False)
    assert resumed.returncode == 1, resumed.stderr
    assert "chunks resumed" in resumed.stderr
    assert out.read_bytes() == reference.read_bytes()
    rejects = Path(str(out) + ".rejects.jsonl")
    assert rejects.read_bytes() == Path(str(reference) + ".rejects.jsonl").read_bytes()
    assert len(rejects.read_text().splitlines()) == 2500 // 97
    assert not parts_dir(out).exists()
    keys = [(e["doc_id"], e["sentence_index"], e["event_index"]) for e in map(json.loads, out.open())]
    assert len(keys) == len(set(keys)) > 1000  # nothing duplicated, nothing lost (the bytes match)


def test_resume_keeps_finished_chunks_and_codes_the_rest(tmp_path: Path, rules_coder: Coder) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl", 100)
    reference, out = tmp_path / "reference.jsonl", tmp_path / "events.jsonl"
    run(rules_coder, [corpus], reference, chunk_size=CHUNK)

    class Interrupted(Exception):
        pass

    def stop_after_four(summary) -> None:
        if summary.documents >= 4 * CHUNK:
            raise Interrupted

    with contextlib.suppress(Interrupted):
        run(rules_coder, [corpus], out, chunk_size=CHUNK, progress=stop_after_four)
    parts = parts_dir(out)
    assert len(list(parts.glob("chunk-*.jsonl"))) == 4 and not out.exists()
    # A chunk damaged on disk is coded again instead of trusted.
    damaged = sorted(parts.glob("chunk-*.jsonl"))[2]
    damaged.write_text(damaged.read_text()[:50])
    summary = run(rules_coder, [corpus], out, chunk_size=CHUNK, resume=True)
    assert summary.resumed_chunks == 3 and summary.documents == 100
    assert out.read_bytes() == reference.read_bytes()


def test_resume_refuses_a_checkpoint_of_another_run(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl", 60)
    out = tmp_path / "events.jsonl"
    parts = parts_dir(out)
    parts.mkdir()
    (parts / "manifest.json").write_text(json.dumps({"fingerprint": {"inputs": "something else"}}))
    result = CliRunner().invoke(app, ["code", str(corpus), "-o", str(out), "--dictionaries", str(SMALL),
                                      "--no-parse", "--resume"])
    assert result.exit_code == 2 and "cannot resume" in result.output
    # Without --resume the stale checkpoint is replaced and the run completes.
    result = CliRunner().invoke(app, ["code", str(corpus), "-o", str(out), "--dictionaries", str(SMALL),
                                      "--no-parse"])
    assert result.exit_code == 0 and out.exists() and not parts.exists()


def test_a_chunk_cut_short_by_a_power_failure_is_coded_again(tmp_path: Path, monkeypatch) -> None:
    """Chunk files are forced to disk at most once a second; one that a power failure left empty or cut short
    is not taken as finished, so resuming codes it again and the output is the uninterrupted run's."""
    import coder.checkpoint as checkpoint

    corpus = write_corpus(tmp_path / "corpus.jsonl", 60)
    coder = Coder(SMALL, parse=False, date="2024-05-01")
    reference = tmp_path / "reference.jsonl"
    synced: list[int] = []
    monkeypatch.setattr(checkpoint.os, "fsync", lambda fd: synced.append(fd))
    run(coder, [corpus], reference, chunk_size=CHUNK)
    assert len(synced) <= 2  # the manifest, and a chunk if the run took over a second
    out = tmp_path / "events.jsonl"
    monkeypatch.setattr(checkpoint.Checkpoint, "remove", lambda self: None)  # keep the parts of a full run
    run(coder, [corpus], out, chunk_size=CHUNK)
    chunk_files = sorted(parts_dir(out).glob("chunk-*.jsonl"))
    chunk_files[1].write_bytes(b"\0" * 100)  # what a lost write-back looks like
    chunk_files[2].write_bytes(chunk_files[2].read_bytes()[:-40])  # cut short
    out.unlink()
    summary = run(coder, [corpus], out, chunk_size=CHUNK, resume=True)
    assert out.read_bytes() == reference.read_bytes()
    assert summary.resumed_chunks == len(chunk_files) - 2
