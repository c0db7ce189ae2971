"""Checkpoints of a run, so a run killed at any moment (SIGKILL, power loss) can be resumed exactly.

While a run goes on, each coded chunk is written to `OUT.parts/chunk-NNNNNNNN.jsonl` atomically (temp file,
rename): a chunk file either exists complete or not at all. Its first line says which chunk it is and how many
documents, sentences, events and rejects it holds; then come the events, then the rejects, then an end line,
and a chunk file is only reused when all of them are there. Chunks are forced to disk (fsync) at most once a
second, which costs a short run nothing: a chunk that a power failure loses or cuts short fails that check and is
coded again. `OUT.parts/manifest.json` holds the run's fingerprint (inputs with sizes and modification times,
dictionaries, coder settings, chunk size): `--resume` keeps the finished chunks only when it matches, so
chunks of different runs are never mixed. The final file is assembled from the chunks in order, so a resumed
run gives the same bytes as an uninterrupted one; then the parts folder is removed.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from coder.document import Reject
from coder.io.readers import corpus_files

MANIFEST = "manifest.json"
CHUNK_PREFIX = "chunk-"
FORMAT = 1


class ResumeMismatch(ValueError):
    """The checkpoint belongs to a run with other inputs or settings: resuming would mix two runs."""


SYNC_INTERVAL = 1.0  # seconds between forcing chunk files to disk


def _atomic_write(path: Path, data: bytes, sync: bool = True) -> None:
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            if sync:
                os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _inputs_digest(inputs: list[Path]) -> str:
    """Every input file with its size and modification time: an edited corpus is a different run."""
    digest = hashlib.sha256()
    for entry in inputs:
        path = Path(entry)
        files = corpus_files(path) if path.is_dir() else [path]
        for file in files:
            try:
                stat = file.stat()
                line = f"{file.resolve()}\t{stat.st_size}\t{stat.st_mtime_ns}\n"
            except OSError as error:
                line = f"{file}\t{type(error).__name__}\n"
            digest.update(line.encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def run_fingerprint(coder, inputs: list[Path], *, lang: str | None, date: str | None, chunk_size: int,
                    max_chars: int) -> dict:
    """What must be equal for chunks of an earlier run to be reused."""
    from coder import __version__
    from coder.dictionaries.cache import cache_key

    root = Path(coder.dictionaries.root)
    try:
        dictionaries = cache_key(root) if root.is_dir() else f"in-memory:{root}"
    except OSError:
        dictionaries = f"unreadable:{root}"
    return {
        "format": FORMAT, "coder": __version__, "inputs": _inputs_digest(list(inputs)),
        "dictionaries": dictionaries, "parse": coder.parse, "default_date": coder.default_date,
        "default_lang": coder.default_lang, "lang": lang, "date": date, "chunk_size": chunk_size,
        "max_chars": max_chars,
    }


def parts_dir(out: Path) -> Path:
    return out.with_name(out.name + ".parts")


class Checkpoint:
    """The parts folder of one run: which chunks are finished, saving new ones, reading them back in order."""

    def __init__(self, folder: Path, completed: dict[int, dict]) -> None:
        self.folder = folder
        self.completed = completed  # chunk index -> header of a finished chunk from an earlier run
        self._resumed: set[int] = set()  # completed chunks this run skipped
        self._reported: set[int] = set()
        self._indices: set[int] = set(completed)
        self._synced = time.monotonic()  # when chunk files were last forced to disk

    @classmethod
    def open(cls, out: Path, fingerprint: dict, resume: bool) -> Checkpoint:
        """Start a checkpoint for `out`; with `resume`, keep an earlier run's chunks if it was the same run."""
        folder = parts_dir(out)
        manifest = folder / MANIFEST
        completed: dict[int, dict] = {}
        if resume and manifest.is_file():
            try:
                earlier = json.loads(manifest.read_text(encoding="utf-8"))
            except (OSError, ValueError) as error:
                raise ResumeMismatch(f"cannot resume: {manifest} is unreadable ({error}); remove {folder} "
                                     f"to start again") from error
            if earlier.get("fingerprint") != fingerprint:
                different = sorted(key for key in set(fingerprint) | set(earlier.get("fingerprint", {}))
                                   if earlier.get("fingerprint", {}).get(key) != fingerprint.get(key))
                raise ResumeMismatch(f"cannot resume: the interrupted run in {folder} had different "
                                     f"{', '.join(different)}; rerun without --resume to start again")
            completed = cls._finished_chunks(folder)
        else:
            cls._clear(folder)
        folder.mkdir(parents=True, exist_ok=True)
        for stale in folder.glob(".*.part"):  # temp files of chunks being written when the run was killed
            stale.unlink(missing_ok=True)
        if not manifest.is_file():
            _atomic_write(manifest, json.dumps({"fingerprint": fingerprint}, indent=1).encode())
        return cls(folder, completed)

    @staticmethod
    def _clear(folder: Path) -> None:
        """Remove an earlier run's parts; only our own files, so a mistyped path cannot delete a user's data."""
        if not folder.is_dir():
            return
        for path in folder.iterdir():
            if path.name == MANIFEST or path.name.startswith((CHUNK_PREFIX, f".{CHUNK_PREFIX}", f".{MANIFEST}")):
                path.unlink(missing_ok=True)
        with contextlib.suppress(OSError):
            folder.rmdir()

    @staticmethod
    def _finished_chunks(folder: Path) -> dict[int, dict]:
        completed = {}
        for path in sorted(folder.glob(f"{CHUNK_PREFIX}*.jsonl")):
            chunk = _read_chunk(path, full=True)  # read whole: a damaged chunk is coded again, not trusted
            if chunk is not None and path.name == f"{CHUNK_PREFIX}{chunk[0]['chunk']:08d}.jsonl":
                completed[chunk[0]["chunk"]] = chunk[0]
        return completed

    def chunk_path(self, index: int) -> Path:
        return self.folder / f"{CHUNK_PREFIX}{index:08d}.jsonl"

    def done(self, index: int, items: int) -> bool:
        """Whether an earlier run finished this chunk (with the same number of input items)."""
        header = self.completed.get(index)
        if header is None or header["documents"] + header["rejects"] != items:
            return False
        self._resumed.add(index)
        return True

    def was_resumed(self, index: int) -> bool:
        return index in self._resumed

    def save(self, result) -> None:
        header = {"chunk": result.index, "documents": result.documents, "sentences": result.sentences,
                  "events": len(result.events), "rejects": len(result.rejects)}
        lines = [json.dumps(header)]
        lines.extend(json.dumps(event, ensure_ascii=False) for event in result.events)
        lines.extend(json.dumps({"origin": _valid(r.origin), "reason": _valid(r.reason), "raw": _valid(r.raw)},
                                ensure_ascii=False) for r in result.rejects)
        lines.append(json.dumps({"end": result.index}))
        sync = time.monotonic() - self._synced >= SYNC_INTERVAL
        _atomic_write(self.chunk_path(result.index), ("\n".join(lines) + "\n").encode("utf-8"), sync)
        if sync:
            self._synced = time.monotonic()
        self._indices.add(result.index)
        self._reported.add(result.index)

    def resumed_before(self, limit: int | None) -> Iterator:
        """Skipped (already finished) chunks below `limit` (all when None) not yet reported, in order."""
        for index in sorted(self._resumed - self._reported):
            if limit is not None and index > limit:
                break
            self._reported.add(index)
            yield self.load(index)

    def load(self, index: int):
        from coder.runner import ChunkResult

        chunk = _read_chunk(self.chunk_path(index), full=True)
        if chunk is None:
            raise RuntimeError(f"checkpoint chunk {self.chunk_path(index)} vanished or broke during the run")
        header, events, rejects = chunk
        return ChunkResult(index, header["documents"], header["sentences"], events, rejects)

    def _ordered(self) -> Iterator[int]:
        indices = sorted(self._indices)
        if indices != list(range(len(indices))):
            missing = sorted(set(range(indices[-1] + 1)) - set(indices))
            raise RuntimeError(f"checkpoint in {self.folder} is missing chunks {missing[:10]}")
        return iter(indices)

    def events(self) -> Iterator[dict]:
        for index in self._ordered():
            yield from self.load(index).events

    def rejects(self) -> Iterator[Reject]:
        for index in self._ordered():
            yield from self.load(index).rejects

    def remove(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def _valid(text: str) -> str:
    """Text safe to write as UTF-8: a reject may quote broken input (lone surrogates)."""
    return text.encode("utf-8", "replace").decode("utf-8") if isinstance(text, str) else str(text)


def _read_chunk(path: Path, full: bool):
    """A chunk file's header (or header, events, rejects); None when it is not a complete chunk file."""
    try:
        with open(path, encoding="utf-8") as handle:
            header = json.loads(handle.readline())
            if not isinstance(header, dict) or not {"chunk", "documents", "sentences", "events",
                                                    "rejects"} <= header.keys():
                return None
            if not full:
                return header
            events = [json.loads(handle.readline()) for _ in range(header["events"])]
            rejects = [Reject(**json.loads(handle.readline())) for _ in range(header["rejects"])]
            if json.loads(handle.readline()) != {"end": header["chunk"]}:
                return None
    except (OSError, ValueError, TypeError):
        return None
    return header, events, rejects


__all__ = ["Checkpoint", "ResumeMismatch", "parts_dir", "run_fingerprint"]
