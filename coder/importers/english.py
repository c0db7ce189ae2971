"""English word knowledge the importer needs: the engine's normal form, and which words are real words.

The engine matches English on lower-cased lookup lemmas, so two dictionary phrases conflict when the
loader's keys are equal ("talks" and "talk"): `actor_keys`/`verb_keys` ask the engine's own language
module. spaCy's lookup tables tell whether a word is common English (a single-word actor name such as
"Reading" is unsafe) and whether a pattern word is a truncated TABARI stem ("negotiat").
"""

from __future__ import annotations

import gzip
import json
from bisect import bisect_right
from functools import lru_cache
from pathlib import Path

# Known words: in the lemma table, or at least this probable.
KNOWN_PROB = -15.0


def _data_dir() -> Path:
    import spacy_lookups_data

    return Path(spacy_lookups_data.__file__).parent / "data"


@lru_cache(maxsize=1)
def lemma_table() -> dict[str, str]:
    with gzip.open(_data_dir() / "en_lemma_lookup.json.gz", "rt", encoding="utf-8") as fh:
        return json.load(fh)


@lru_cache(maxsize=1)
def word_probs() -> dict[str, float]:
    with gzip.open(_data_dir() / "en_lexeme_prob.json.gz", "rt", encoding="utf-8") as fh:
        return json.load(fh)


@lru_cache(maxsize=1)
def known_words() -> frozenset[str]:
    """Lower-case words that are real English: lemma table keys and values, and frequent lexemes."""
    table = lemma_table()
    frequent = (w.lower() for w, p in word_probs().items() if p >= KNOWN_PROB and w.isalpha())
    return frozenset(table) | frozenset(table.values()) | frozenset(frequent)


@lru_cache(maxsize=1)
def _known_sorted() -> tuple[str, ...]:
    return tuple(sorted(known_words()))


def looks_truncated(word: str) -> bool:
    """A TABARI stem such as "negotiat": not a word itself, but the start of a longer known word.

    PETRARCH matches pattern words as whole words, so such stems did not match there either.
    """
    low = word.lower()
    if not low.isalpha() or len(low) < 3 or low in known_words():
        return False
    words = _known_sorted()
    i = bisect_right(words, low)
    return i < len(words) and words[i].startswith(low)


def _engine():
    """The engine's English module: the importer must normalise exactly as the loader will."""
    from coder.languages import get_language

    return get_language("en")


def actor_keys(phrase: str) -> tuple[str, ...]:
    """Keys the loader files an actor/agent/discard phrase under (acronyms keep their capitals)."""
    language = _engine()
    return tuple(language.actor_key(word) for word in language.tokenize_phrase(phrase))


def verb_keys(phrase: str) -> tuple[str, ...]:
    """Keys the loader files a verb trigger or pattern word under (lemmas)."""
    language = _engine()
    return tuple(key for word in language.tokenize_phrase(phrase) for key in language.verb_keys(word))
