"""What the engine needs from a language: tokenizer, pipeline, and how words are normalised for matching.

A language is a small module plus dictionaries: the module says how text becomes tokens and how a word is
normalised; the words themselves (negation, future, attribution, ...) are data in dictionaries/languages/.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import cached_property

import spacy
import srsly

TOKENIZER_CACHE_SIZE = 200_000  # spaCy keeps 10,000 by default; real vocabularies are larger
WORD_CACHE_LIMIT = 500_000  # word -> keys caches are emptied past this, so a million-story run stays flat


def load_lookup_table(name: str) -> dict[str, str]:
    """A spacy-lookups-data table, read from the installed package (never downloaded)."""
    import spacy_lookups_data

    path = os.path.join(os.path.dirname(spacy_lookups_data.__file__), "data", f"{name}.json.gz")
    return srsly.read_gzip_json(path)


def is_acronym(word: str) -> bool:
    """`US`, `AS`, `PBB`, `U.N.`: written in capitals, at most five letters; matched case-sensitively."""
    letters = word.replace(".", "")
    return 0 < len(letters) <= 5 and letters.isalpha() and letters.isupper()


class Language:
    """Base class; subclasses set `code`, `has_parser` and the normalisers."""

    code: str = ""
    name: str = ""

    def __init__(self) -> None:
        self._verb_cache: dict[str, tuple[str, ...]] = {}
        self._actor_cache: dict[str, tuple[str, ...]] = {}

    # -- pipelines ---------------------------------------------------------------------------------
    @cached_property
    def tokenizer_pipeline(self) -> spacy.language.Language:
        """Blank pipeline that splits sentences; used for dictionary phrases and the rule-based path."""
        nlp = spacy.blank(self.code)
        nlp.add_pipe("sentencizer")
        if hasattr(nlp.tokenizer, "max_cache_size"):
            nlp.tokenizer.max_cache_size = TOKENIZER_CACHE_SIZE
        return nlp

    def parser_pipeline(self) -> spacy.language.Language | None:
        """A trained pipeline with a dependency parser, or None where the language has none."""
        return None

    def tokenize_phrase(self, phrase: str) -> list[str]:
        return [token.text for token in self.tokenizer_pipeline.tokenizer(str(phrase)) if not token.is_space]

    # -- normalisation -----------------------------------------------------------------------------
    def lemma(self, lower: str) -> str:
        """Context-free lemma or stem of a lower-case word; may contain a space ("tanda tangan")."""
        return lower

    def verb_keys(self, word: str) -> tuple[str, ...]:
        """Keys a word contributes to verb matching (a multi-word lemma gives several keys)."""
        keys = self._verb_cache.get(word)
        if keys is None:
            keys = tuple(self.lemma(word.lower()).split()) or (word.lower(),)
            if len(self._verb_cache) >= WORD_CACHE_LIMIT:
                self._verb_cache.clear()
            self._verb_cache[word] = keys
        return keys

    def actor_key(self, word: str) -> str:
        """Key of a dictionary word in an actor or agent name."""
        if is_acronym(word):
            return "=" + word
        return self.actor_norm(word.lower())

    def actor_norm(self, lower: str) -> str:
        return lower

    def text_actor_keys(self, word: str) -> tuple[str, ...]:
        """Keys under which a word of running text may match an actor or agent name."""
        keys = self._actor_cache.get(word)
        if keys is None:
            keys = self.actor_variants(word.lower())
            if is_acronym(word):
                keys = ("=" + word, *keys)
            if len(self._actor_cache) >= WORD_CACHE_LIMIT:
                self._actor_cache.clear()
            self._actor_cache[word] = keys
        return keys

    def actor_variants(self, lower: str) -> tuple[str, ...]:
        return (self.actor_norm(lower),)

    def is_nominal_form(self, word: str, verb_keys: tuple[str, ...]) -> bool:
        """Whether the word is a noun made from a verb (Indonesian pe-/-an); such triggers need a pattern."""
        return False

    def is_passive_form(self, word: str, verb_keys: tuple[str, ...]) -> bool:
        """Whether the word itself marks passive voice (Indonesian di- verbs); English uses auxiliaries."""
        return False

    def stem_filter(self, dictionary_keys: Callable[[], set[str]]) -> Callable[[str], bool]:
        """Which words need their full verb keys, given (on request: collecting them takes a while) every key
        the verb dictionaries use. Where working a key out is costly (a stemmer), the language may say that a
        word's key cannot be one of them; such a word keeps its lower-case form as its key. Lemma lookups are
        cheap: every word gets its keys, and the dictionary keys are never collected."""
        return lambda word: True
