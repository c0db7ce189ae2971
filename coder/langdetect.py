"""Guess a document's language from function words listed in dictionaries/languages/<lang>.yaml."""

from __future__ import annotations

import itertools
import re

from coder.dictionaries import Dictionaries

WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
SAMPLE_WORDS = 400


def detect_language(text: str, dictionaries: Dictionaries) -> str:
    """The language whose marker words are most frequent in the first words; ties go to the first loaded."""
    words = [match.group().lower() for match in itertools.islice(WORD.finditer(text), SAMPLE_WORDS)]
    scores = {
        lang: sum(1 for word in words if word in lists.get("markers", set()))
        for lang, lists in dictionaries.word_lists.items()
    }
    if not scores:
        raise ValueError("no language has marker words: cannot detect the language")
    return max(dictionaries.languages, key=lambda lang: (scores.get(lang, 0), -dictionaries.languages.index(lang)))
