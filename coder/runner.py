"""A coding run: stream documents from readers to a writer; a bad document is rejected, never fatal.

Documents are cut into numbered chunks of `chunk_size` items in input order. Each chunk is coded as a batch
(spaCy's `nlp.pipe` over its texts, which parses about twice as fast as one call per document) by one of the
engines: this process (`workers=1`), a process pool (`coder/parallel.py`) or Dask (`coder/dask_engine.py`).
Chunk results come back in order and are checkpointed (`coder/checkpoint.py`) before the final file is
assembled, so every engine and worker count gives the same bytes, and a killed run can `--resume`.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from coder.coder import Coder
from coder.deadline import time_limit
from coder.document import Document, Reject, unfit_reason
from coder.gcpause import gc_paused
from coder.io.readers import read_documents
from coder.io.records import DEFAULT_MAX_CHARS
from coder.io.writers import open_writer, write_rejects

DEFAULT_CHUNK_SIZE = 64
# spaCy's tokenizer takes quadratic time on long runs of punctuation (3,000 dashes: 10 s in Indonesian), so one
# hostile document could stall a worker for hours. Such runs are not prose: the document is rejected up front.
REJECTS_KEPT = 1000  # rejects kept in memory for the summary; all of them go to the rejects file
ENGINES = ("local", "dask")


@dataclass
class RunSummary:
    documents: int = 0
    sentences: int = 0
    events: int = 0
    rejects: list[Reject] = field(default_factory=list)  # the first REJECTS_KEPT; `rejected` counts all
    seconds: float = 0.0
    rejected: int = 0
    resumed_chunks: int = 0  # chunks taken from an interrupted run's checkpoint instead of coded again

    def describe(self) -> str:
        rate = self.documents / self.seconds if self.seconds else 0.0
        sentence_rate = self.sentences / self.seconds if self.seconds else 0.0
        resumed = f", {self.resumed_chunks} chunks resumed" if self.resumed_chunks else ""
        return (f"{self.documents} documents, {self.sentences} sentences, {self.events} events, "
                f"{max(self.rejected, len(self.rejects))} rejected, {self.seconds:.1f}s "
                f"({rate:.1f} documents/s, {sentence_rate:.1f} sentences/s){resumed}")

    def reject(self, reject: Reject) -> None:
        self.rejected += 1
        if len(self.rejects) < REJECTS_KEPT:
            self.rejects.append(reject)

    def add(self, result: ChunkResult) -> None:
        self.documents += result.documents
        self.sentences += result.sentences
        self.events += len(result.events)
        for reject in result.rejects:
            self.reject(reject)


@dataclass
class ChunkResult:
    """What coding one chunk gave: plain dicts and Rejects, cheap to send between processes and to store."""

    index: int
    documents: int = 0
    sentences: int = 0
    events: list[dict] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)


def failed(document: Document | Reject, error: BaseException) -> Reject:
    """The Reject of a document whose coding raised `error` (a Reject stays as it is)."""
    if isinstance(document, Reject):
        return document
    return Reject(origin=str(document.meta.get("origin") or document.id),
                  reason=f"coding failed: {type(error).__name__}: {error}", raw=document.text[:500])


def _analyze_all(coder: Coder, documents: list[Document], lang: str) -> list | None:
    """All documents through spaCy and the matcher as one batch, within one document's time limit; None when
    any document breaks the batch or it runs out of time (then they go one by one)."""
    try:
        with time_limit():
            return coder.analyze_documents(documents, lang)
    except Exception:
        return None


@gc_paused()  # a chunk makes many short-lived objects and no cycles: collecting mid-chunk only costs time
def code_batch(coder: Coder, items: Iterable[Document | Reject], index: int = 0) -> ChunkResult:
    """Code a chunk: documents of one language go through spaCy together; each failure is one Reject."""
    items = list(items)
    outcome: list[object] = [None] * len(items)  # per item: Reject, or the CodedDocument
    by_language: dict[str, list[int]] = {}
    for position, item in enumerate(items):
        if isinstance(item, Reject):
            outcome[position] = item
            continue
        reason = unfit_reason(item.text)
        if reason:
            outcome[position] = Reject(str(item.meta.get("origin") or item.id), reason, item.text[:500])
            continue
        try:
            by_language.setdefault(coder.language_of(item), []).append(position)
        except Exception as error:  # unknown language, undetectable text
            outcome[position] = Reject(str(item.meta.get("origin") or item.id), str(error), item.text[:500])
    for lang, positions in by_language.items():
        analyses = _analyze_all(coder, [items[position] for position in positions], lang)
        for offset, position in enumerate(positions):
            document = items[position]
            try:
                with time_limit():
                    ready = analyses[offset] if analyses is not None else coder.analyze_documents([document], lang)[0]
                    outcome[position] = coder.code_analyses(ready, document, lang)
            except Exception as error:  # one broken document must not stop a run over a million
                outcome[position] = failed(document, error)
    result = ChunkResult(index)
    for coded in outcome:
        if isinstance(coded, Reject):
            result.rejects.append(coded)
            continue
        result.documents += 1
        result.sentences += len(coded.sentences)
        result.events.extend(event.to_dict() for event in coded.events)
    return result


def code_stream(coder: Coder, items: Iterable[Document | Reject], write: Callable[[dict], None],
                summary: RunSummary, chunk_size: int = DEFAULT_CHUNK_SIZE) -> None:
    """Code documents in this process, writing each event as it comes; no checkpoint, no files."""
    for index, chunk in enumerate(chunks(items, chunk_size)):
        result = code_batch(coder, chunk, index)
        summary.add(result)
        for event in result.events:
            write(event)


def chunks(items: Iterable, size: int) -> Iterator[list]:
    """Consecutive lists of `size` items (the last may be shorter); reads lazily."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def chunk_results(coder: Coder, numbered: Iterable[tuple[int, list]], workers: int = 1, engine: str = "local",
                  scheduler: str | None = None) -> Iterator[ChunkResult]:
    """ChunkResults in input order, from the chosen engine."""
    if engine == "dask":
        from coder.dask_engine import dask_results

        yield from dask_results(coder, numbered, workers=workers, scheduler=scheduler)
    elif workers > 1:
        from coder.parallel import pool_results

        yield from pool_results(coder, numbered, workers)
    else:
        for index, chunk in numbered:
            yield code_batch(coder, chunk, index)


def run(coder: Coder, inputs: list[Path], out: Path, fmt: str = "jsonl", lang: str | None = None,
        date: str | None = None, rejects_path: Path | None = None, *, workers: int = 1, engine: str = "local",
        scheduler: str | None = None, resume: bool = False, chunk_size: int = DEFAULT_CHUNK_SIZE,
        max_chars: int = DEFAULT_MAX_CHARS, progress: Callable[[RunSummary], None] | None = None) -> RunSummary:
    """Code every document under `inputs` into `out`; rejects go to `rejects_path` (default: beside `out`).

    Chunks are checkpointed in `OUT.parts/` while the run goes on; `out` and the rejects file are written
    atomically at the end, then the parts are removed. `resume=True` keeps the chunks an interrupted run with
    the same inputs and settings finished (a different setting raises ResumeMismatch). `progress` is called
    with the summary after every chunk.
    """
    from coder.checkpoint import Checkpoint, run_fingerprint

    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}: expected one of {', '.join(ENGINES)}")
    if workers < 1 or chunk_size < 1:
        raise ValueError("workers and chunk size must be at least 1")
    summary = RunSummary()
    started = time.perf_counter()
    items = read_documents(inputs, lang=lang, date=date, max_chars=max_chars)
    out.parent.mkdir(parents=True, exist_ok=True)
    fingerprint = run_fingerprint(coder, inputs, lang=lang, date=date, chunk_size=chunk_size, max_chars=max_chars)
    checkpoint = Checkpoint.open(out, fingerprint, resume=resume)

    def pending() -> Iterator[tuple[int, list]]:
        for index, chunk in enumerate(chunks(items, chunk_size)):
            if not checkpoint.done(index, len(chunk)):
                yield index, chunk

    def finished() -> Iterator[ChunkResult]:
        # Chunks done before an interruption are counted (in order) as the coded ones pass them.
        results = chunk_results(coder, pending(), workers=workers, engine=engine, scheduler=scheduler)
        for result in results:
            yield from checkpoint.resumed_before(result.index)
            checkpoint.save(result)
            yield result
        yield from checkpoint.resumed_before(None)

    for result in finished():
        summary.add(result)
        summary.resumed_chunks += checkpoint.was_resumed(result.index)
        summary.seconds = time.perf_counter() - started
        if progress is not None:
            progress(summary)
    rejects_path = rejects_path or out.with_name(out.name + ".rejects.jsonl")
    with open_writer(out, fmt) as writer:
        for event in checkpoint.events():
            writer.write(event)
    if summary.rejected:
        write_rejects(rejects_path, checkpoint.rejects())
    checkpoint.remove()
    summary.seconds = time.perf_counter() - started
    return summary


__all__ = ["DEFAULT_CHUNK_SIZE", "ChunkResult", "RunSummary", "chunk_results", "chunks", "code_batch",
           "code_stream", "run"]
