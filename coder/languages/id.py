"""Indonesian: no trained parser exists, so matching works on lemmas and stems of a blank pipeline.

spaCy's lookup table covers active and nominal forms (menandatangani -> tanda tangan, serangan -> serang)
but not passive di- forms, which Sastrawi stems (diserang -> serang).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property

from coder.languages.base import Language, load_lookup_table

POSSESSIVE = "nya"


class Indonesian(Language):
    code = "id"
    name = "Indonesian"

    @cached_property
    def lemmas(self) -> dict[str, str]:
        return load_lookup_table("id_lemma_lookup")

    @cached_property
    def stemmer(self):
        from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

        return StemmerFactory().create_stemmer()

    def lemma(self, lower: str) -> str:
        found = self.lemmas.get(lower)
        if found:
            return found
        if not any(char.isalpha() for char in lower):
            return lower
        return self.stemmer.stem(lower) or lower

    def actor_variants(self, lower: str) -> tuple[str, ...]:
        # "sekutunya" (its allies) is "sekutu"; "Kenya" must stay Kenya, so both are tried.
        if lower.endswith(POSSESSIVE) and len(lower) > len(POSSESSIVE) + 3:
            return (lower, lower[: -len(POSSESSIVE)])
        return (lower,)

    def is_nominal_form(self, word: str, verb_keys: tuple[str, ...]) -> bool:
        """pe-/per-/ke- nouns (pemasok, pertemuan, kunjungan via -an) are not actions by themselves."""
        lower = word.lower()
        stem = " ".join(verb_keys)
        if lower.startswith(("pe", "ke")) and not stem.startswith(lower[:2]):
            return True
        return lower.endswith("an") and lower == stem.replace(" ", "") + "an"

    def is_passive_form(self, word: str, verb_keys: tuple[str, ...]) -> bool:
        lower = word.lower()
        return lower.startswith("di") and len(lower) > 4 and not verb_keys[0].startswith("di")

    def stem_filter(self, dictionary_keys: Callable[[], set[str]]) -> Callable[[str], bool]:
        return StemFilter(self, dictionary_keys())


# Suffixes Sastrawi takes off, in the order they follow a stem: derivational, possessive, particle.
DERIVATIONAL, POSSESSIVES, PARTICLES = ("", "i", "kan", "an"), ("", "ku", "mu", "nya"), ("", "lah", "kah", "tah", "pun")
SUFFIXES = tuple(sorted({d + p + q for d in DERIVATIONAL for p in POSSESSIVES for q in PARTICLES}, key=len))
SHORT_KEY = 3  # keys shorter than this are looked for whole


class StemFilter:
    """Sastrawi takes about 0.1 ms per new word, and most words of news are names, numbers and words no verb
    pattern uses. A stem is what is left after prefixes and suffixes, with only its first letter changed by a
    prefix (memukul -> pukul, menyerang -> serang). So a word can stem to a dictionary key only if, with a
    suffix taken off, it ends with that key less its first letter. Words in the lemma table, di- words (their
    stem tells the passive) and hyphenated words are always worked out in full."""

    def __init__(self, language: Indonesian, dictionary_keys: set[str]) -> None:
        self.lemmas = language.lemmas
        tails = {key[1:] for key in dictionary_keys if len(key) >= SHORT_KEY}
        self.endings = {tail + suffix for tail in tails for suffix in SUFFIXES}  # a tail, then a suffix
        self.ending_lengths = sorted({len(ending) for ending in self.endings})
        self.short_keys = tuple(key for key in dictionary_keys if len(key) < SHORT_KEY)

    def __call__(self, word: str) -> bool:
        lower = word.lower()
        if lower in self.lemmas or lower.startswith("di") or "-" in lower or not any(c.isalpha() for c in lower):
            return True
        if any(key in lower for key in self.short_keys):
            return True
        return any(lower[-length:] in self.endings for length in self.ending_lengths if length <= len(lower))
