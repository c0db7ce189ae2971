"""Indonesian: no trained parser exists, so matching works on lemmas and stems of a blank pipeline.

spaCy's lookup table covers active and nominal forms (menandatangani -> tanda tangan, serangan -> serang)
but not passive di- forms, which Sastrawi stems (diserang -> serang).
"""

from __future__ import annotations

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

    def is_nominal_form(self, word: str) -> bool:
        """pe-/per-/ke- nouns (pemasok, pertemuan, kunjungan via -an) are not actions by themselves."""
        lower = word.lower()
        stem = " ".join(self.verb_keys(word))
        if lower.startswith(("pe", "ke")) and not stem.startswith(lower[:2]):
            return True
        return lower.endswith("an") and lower == stem.replace(" ", "") + "an"

    def is_passive_form(self, word: str) -> bool:
        lower = word.lower()
        return lower.startswith("di") and len(lower) > 4 and not self.verb_keys(word)[0].startswith("di")
