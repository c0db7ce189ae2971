"""The fast paths give the answers of the slow ones: POS table vs spaCy's attribute ruler, the one-key trie walk
vs the general one, the early stop for sentences with fewer than two actors, the paused collector."""

from __future__ import annotations

import gc
import importlib.util
import signal
import sys

import pytest

from coder.analysis import find_words
from coder.document import Document
from coder.explain import explain
from coder.gcpause import gc_paused
from coder.grammar.sentence import FEWER_THAN_TWO_ACTORS
from coder.languages.coarse_pos import replace_attribute_ruler
from coder.languages.en import MODEL_NAMES
from coder.phrases import GAP, PhraseMatch, PhraseTrie

NEWS = [
    "Russia provided military aid to Myanmar's junta after the coup, which the West condemned.",
    "There was no sign that the talks in Istanbul would resume, as both sides had said before.",
    "Something must be done, said the minister, but nobody has asked China to lift the ban.",
    "The rebels who attacked the convoy were arrested by police on Tuesday while they slept.",
]


def _model():
    name = next((name for name in MODEL_NAMES if importlib.util.find_spec(name)), None)
    if name is None:
        pytest.skip("no trained English pipeline installed")
    import spacy

    return spacy.load(name, exclude=["ner", "lemmatizer"])


def test_pos_table_agrees_with_the_attribute_ruler() -> None:
    ruler_pipeline = _model()
    table_pipeline = replace_attribute_ruler(_model())
    assert "attribute_ruler" not in table_pipeline.pipe_names
    for text in NEWS:
        expected = [(token.text, token.pos_) for token in ruler_pipeline(text)]
        found = [(token.text, token.pos_) for token in table_pipeline(text)]
        assert found == expected


def test_one_key_walk_finds_what_the_general_walk_finds() -> None:
    trie: PhraseTrie[str] = PhraseTrie()
    for phrase, value in [("united states", "USA"), ("united", "U"), ("united states army", "USAMIL"),
                          ("army", "MIL"), ("states", "S")]:
        trie.add(phrase.split(), value)
    words = ["the", "united", "states", "army", "and", "the", "united", "nations", "and", "states", "army"]
    general = trie.find_all([(word,) for word in words])
    assert trie.find_all_keys(words) == general
    assert [(m.start, m.end, m.value) for m in general] == [
        (1, 4, "USAMIL"), (6, 7, "U"), (9, 10, "S"), (10, 11, "MIL")]


def test_function_words_keep_their_phrase(small_coder) -> None:
    trie = small_coder.dictionaries.words["en"]
    marks = find_words(trie, ["he", "said", "that", "he", "would", "not", "go"])
    assert PhraseMatch(1, 2, "said") in marks["attribution"]


def test_sentence_with_one_actor_is_explained_not_matched(small_coder) -> None:
    coded = small_coder.code_document_full(Document(id="one", text="Russia attacked the village.", lang="en"))
    assert coded.events == []
    assert [d.dropped for d in coded.sentences[0].decisions] == [FEWER_THAN_TWO_ACTORS]
    assert "attacked" in explain(coded) and FEWER_THAN_TWO_ACTORS in explain(coded)


def test_collector_paused_inside_and_restored_after() -> None:
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()  # a caller's own choice is left alone
    finally:
        gc.enable()


def test_climbing_the_parse_ends_at_the_root(small_coder) -> None:
    """spaCy makes a new Token object at each access: comparing tokens by identity never found the root and
    looped for ever on real news (a CASE 2021 snippet hung a whole run)."""
    from coder.grammar.roles import _controlled

    nlp, parsed = small_coder.pipeline("en")
    if not parsed:
        pytest.skip("no trained English pipeline installed")
    doc = nlp("Russia attacked Ukraine.")
    root = next(token for token in doc if token.dep_ == "ROOT")
    other = next(token for token in doc if token.i != root.i and token.is_alpha)

    def hung(*_) -> None:
        raise AssertionError("climbing the parse did not stop at the root")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(5)
    try:
        assert _controlled(root, other) is False
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's mallopt")
def test_long_run_keeps_freed_batch_memory_and_freezes_what_is_loaded() -> None:
    """Run in a child process: the settings are for processes that only code from then on."""
    import subprocess

    script = ("import gc; from coder.long_run import keep_freed_memory, prepare_long_run; "
              "prepare_long_run(); print(keep_freed_memory(), gc.get_freeze_count() > 0)")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["True", "True"]


def test_stemmer_runs_only_where_a_stem_can_be_a_dictionary_key() -> None:
    """Sastrawi is the slowest step of a new Indonesian word: a word whose stem cannot be a key of the verb
    dictionaries keeps its own form, and every other word is stemmed as before."""
    from coder.languages import get_language

    indonesian = get_language("id")
    needs_stem = indonesian.stem_filter(lambda: {"pukul", "serang", "kirim", "ke"})
    for word in ("memukul", "menyerangnya", "dikirimkan", "Kemlu", "pukul", "anak-anak", "Tangerang"):
        assert needs_stem(word), word
    for word in ("Jokowi", "Garuda", "Surabaya", "sekolah"):
        assert not needs_stem(word), word
    assert indonesian.verb_keys("menyerangnya") == ("serang",)


def test_words_left_unstemmed_code_as_before(monkeypatch) -> None:
    from coder import Coder
    from coder.languages import get_language
    from coder.languages.id import Indonesian
    from tests.conftest import SHIPPED

    text = ("Polisi menyerang para demonstran di Jakarta, kata Kapolri. Presiden Jokowi mengunjungi Tiongkok dan "
            "bertemu Presiden Xi Jinping. Rusia dikecam Ukraina karena serangan itu.")
    indonesian = get_language("id")
    filtered = Coder(SHIPPED, parse=False, date="2024-01-01")
    filtered_words = filtered.dictionaries.lexicon(indonesian)
    monkeypatch.setattr(Indonesian, "stem_filter", lambda self, keys: lambda word: True)
    stemmed = Coder(SHIPPED, parse=False, date="2024-01-01")
    assert stemmed.dictionaries is not filtered.dictionaries  # so each has its own lexicon
    events = filtered.code_text(text, lang="id")
    assert [e.to_dict() for e in events] == [e.to_dict() for e in stemmed.code_text(text, lang="id")]
    assert len(events) >= 2
    assert filtered_words.infos(["awalnya"])[0].verb_keys == ("awalnya",)
    assert stemmed.dictionaries.lexicon(indonesian).infos(["awalnya"])[0].verb_keys == ("awal",)


def test_gap_in_a_phrase_passes_over_words_within_the_clause() -> None:
    trie: PhraseTrie[str] = PhraseTrie()
    trie.add(["al", "gore"], "AGR")
    trie.add(["al", GAP, "gore"], "TEN")
    trie.add(["durthang", GAP, "orc"], "MORORC")

    def found(text: str) -> list[tuple[int, int, str]]:
        return [(m.start, m.end, m.value) for m in trie.find_all([(word,) for word in text.split()])]

    assert found("al gore") == [(0, 2, "AGR")]  # consecutive beats the gap on equal length
    assert found('al " the weasel " gore') == [(0, 6, "TEN")]
    assert found("al - gore") == [(0, 3, "AGR")]  # a hyphen between two words of a name
    assert found("durthang and an orc") == [(0, 4, "MORORC")]
    assert found("durthang , an orc") == []  # a gap never passes a comma
