"""What the matcher needs to know about a word form, worked out once per word and dictionary set.

News repeats its words: working each form out once (its actor and verb keys, whether an actor or agent name
can start with it, whether it is a nominal or passive form) and reading the answers from one dict per token is
what keeps the rule-based path fast.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from coder.languages import Language
from coder.languages.base import WORD_CACHE_LIMIT

if TYPE_CHECKING:
    from coder.dictionaries import Dictionaries


@dataclass(frozen=True, slots=True)
class WordInfo:
    text: str
    lower: str
    actor_keys: tuple[str, ...]  # keys under which the word may match actor, agent and discard names
    verb_keys: tuple[str, ...]  # keys it contributes to the verb stream (a lemma may have several words)
    starts_mention: bool  # some actor or agent name begins with it
    nominal: bool  # a noun made from a verb (Indonesian pe-/-an): needs a pattern to code
    passive: bool  # a passive verb form by itself (Indonesian di-)


class Lexicon:
    """Word form -> WordInfo for one language and one set of dictionaries (bounded cache)."""

    def __init__(self, dictionaries: Dictionaries, language: Language) -> None:
        self.language = language
        roots = [trie.root for trie in (dictionaries.actors.get(language.code), dictionaries.agents.get(language.code))
                 if trie is not None]
        self._mention_starts = set().union(*(root.keys() for root in roots))
        self._needs_verb_keys = language.stem_filter(lambda: verb_dictionary_keys(dictionaries, language.code))
        self._cache: dict[str, WordInfo] = {}

    def infos(self, texts: list[str]) -> list[WordInfo]:
        get = self._cache.get
        return [get(text) or self._learn(text) for text in texts]

    def _learn(self, text: str) -> WordInfo:
        language = self.language
        actor_keys = language.text_actor_keys(text)
        verb_keys = language.verb_keys(text) if self._needs_verb_keys(text) else (text.lower(),)
        info = WordInfo(text, text.lower(), actor_keys, verb_keys, not self._mention_starts.isdisjoint(actor_keys),
                        language.is_nominal_form(text, verb_keys), language.is_passive_form(text, verb_keys))
        if len(self._cache) >= WORD_CACHE_LIMIT:
            self._cache.clear()
        self._cache[text] = info
        return info


def verb_dictionary_keys(dictionaries: Dictionaries, lang: str) -> set[str]:
    """Every key a verb trigger or a word of a verb pattern of the language matches."""
    trie = dictionaries.verbs.get(lang)
    keys: set[str] = set()
    for trigger_keys, entry in trie.items() if trie is not None else ():
        keys.update(trigger_keys)
        for pattern in entry.patterns:
            for element in pattern.before + pattern.after:
                for alternative in element.alternatives:
                    keys.update(alternative)
    return keys
