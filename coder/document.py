"""Input documents as the readers deliver them."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Document:
    """One story. `lang` None means detect; `date` None means use the run's date."""

    id: str
    text: str
    date: str | None = None
    lang: str | None = None
    meta: dict = field(default_factory=dict)


@dataclass
class Reject:
    """An input that could not become a Document, kept with the reason so nothing is lost."""

    origin: str   # file and line/record: "corpus.jsonl:17"
    reason: str
    raw: str = ""
