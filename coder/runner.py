"""A coding run: stream documents from readers to a writer; a bad document is rejected, never fatal."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from coder.coder import Coder
from coder.document import Document, Reject
from coder.io.readers import read_documents
from coder.io.writers import open_writer, write_rejects


@dataclass
class RunSummary:
    documents: int = 0
    sentences: int = 0
    events: int = 0
    rejects: list[Reject] = field(default_factory=list)
    seconds: float = 0.0

    def describe(self) -> str:
        rate = self.documents / self.seconds if self.seconds else 0.0
        return (f"{self.documents} documents, {self.sentences} sentences, {self.events} events, "
                f"{len(self.rejects)} rejected, {self.seconds:.1f}s ({rate:.1f} documents/s)")


def code_stream(coder: Coder, items: Iterable[Document | Reject], write: Callable[[dict], None],
                summary: RunSummary) -> None:
    """Code each document; readers' rejects and documents that fail to code are kept with the reason."""
    for item in items:
        if isinstance(item, Reject):
            summary.rejects.append(item)
            continue
        try:
            coded = coder.code_document_full(item)
        except Exception as error:  # one broken document must not stop a run over a million
            summary.rejects.append(Reject(origin=item.id, reason=f"coding failed: {type(error).__name__}: {error}",
                                          raw=item.text[:2000]))
            continue
        summary.documents += 1
        summary.sentences += len(coded.sentences)
        for event in coded.events:
            write(event.to_dict())
            summary.events += 1


def run(coder: Coder, inputs: list[Path], out: Path, fmt: str = "jsonl", lang: str | None = None,
        date: str | None = None, rejects_path: Path | None = None) -> RunSummary:
    """Code every document under `inputs` into `out`; rejects go to `rejects_path` (default: beside `out`)."""
    summary = RunSummary()
    started = time.perf_counter()
    out.parent.mkdir(parents=True, exist_ok=True)
    with open_writer(out, fmt) as writer:
        code_stream(coder, read_documents(inputs, lang=lang, date=date), writer.write, summary)
    summary.seconds = time.perf_counter() - started
    if summary.rejects:
        write_rejects(rejects_path or out.with_name(out.name + ".rejects.jsonl"), summary.rejects)
    return summary
