"""Input documents as the readers deliver them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# spaCy's tokenizer takes quadratic time on long runs of punctuation: such "documents" are not prose.
MAX_PUNCTUATION_RUN = 200
MAX_WORD_CHARS = 5000
_NONSPACE_RUN = re.compile(rf"\S{{{MAX_PUNCTUATION_RUN},}}")  # fast to scan for: a prefilter
_PUNCTUATION_RUN = re.compile(rf"(?:[^\w\s]|_){{{MAX_PUNCTUATION_RUN},}}")
_LONG_WORD = re.compile(rf"\S{{{MAX_WORD_CHARS},}}")


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


def unfit_reason(text: str) -> str | None:
    """Why a text cannot be coded in reasonable time, or None."""
    if any(_PUNCTUATION_RUN.search(run.group()) for run in _NONSPACE_RUN.finditer(text)):
        return f"a run of {MAX_PUNCTUATION_RUN} or more punctuation characters: not prose"
    if _LONG_WORD.search(text):
        return f"a word of {MAX_WORD_CHARS} or more characters without spaces: not prose"
    return None
