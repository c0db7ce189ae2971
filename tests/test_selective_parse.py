"""Only sentences that can give an event are parsed, and coding them gives what parsing everything gives."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coder.analysis import analyze, reparsed
from coder.document import Document
from coder.languages import get_language
from coder.selective_parse import rule_sentences
from tests.conftest import triples

STORY = ("The weather in the capital was fine on Monday. Russia provided military aid to Myanmar's junta. "
         "Somalia Al Shabaab militants killed 38 people in an attack on a military base in Somalia's "
         "semi-autonomous Puntland region, an army officer said.\n\nNothing else happened.")


@pytest.fixture(scope="module")
def parsing(shipped_coder):
    nlp, parsed = shipped_coder.pipeline("en")
    if not parsed:
        pytest.skip("no trained English pipeline installed")
    return shipped_coder, nlp


def test_sentences_that_cannot_give_an_event_are_not_parsed(parsing) -> None:
    coder, _ = parsing
    coded = coder.code_document_full(Document(id="story", text=STORY, lang="en", date="2021-01-01"))
    assert [(s.analysis.text.split()[0], s.analysis.parsed) for s in coded.sentences] == [
        ("The", False), ("Russia", True), ("Somalia", True), ("Nothing", False)]
    assert [s.analysis.index for s in coded.sentences] == [0, 1, 2, 3]
    assert {(e.source, e.code[:2], e.target) for e in coded.events} == {
        ("RUS", "07", "MMRGOV"), ("SOMREB", "18", "---CVL")}


def test_coding_the_parsed_sentences_gives_what_parsing_everything_gives(parsing) -> None:
    coder, nlp = parsing
    document = Document(id="story", text=STORY, lang="en", date="2021-01-01")
    selective = coder.code_document_full(document).events
    everything = coder.code_spacy_doc(nlp(STORY), document, "en", True).events
    assert triples(selective) == triples(everything) and len(selective) == 2
    assert [e.source_text for e in selective] == [e.source_text for e in everything]


@pytest.mark.parametrize("sentence, parsed_participants", [
    ("Somalia Al Shabaab militants killed 38 people in Somalia's semi-autonomous Puntland region.",
     ["Somalia Al Shabaab militants", "people in Somalia's semi-autonomous Puntland"]),  # joined only with POS
    ("Russia provided military aid to the rebels.", ["Russia", "rebels"]),  # "military" modifies "aid": no one
])
def test_reusing_the_unparsed_match_gives_the_parsed_participants(parsing, sentence, parsed_participants) -> None:
    coder, nlp = parsing
    language, dictionaries = get_language("en"), coder.dictionaries
    rough = analyze(rule_sentences(nlp.make_doc(sentence))[0], 0, dictionaries, language, "2021-01-01", False)
    parsed_span = next(nlp(sentence).sents)
    reused = reparsed(rough, parsed_span, dictionaries, "2021-01-01", True)
    direct = analyze(parsed_span, 0, dictionaries, language, "2021-01-01", True)
    assert [(p.text, p.code) for p in reused.phrases] == [(p.text, p.code) for p in direct.phrases]
    assert [t.start for t in reused.triggers] == [t.start for t in direct.triggers]
    assert [p.text for p in reused.phrases] == parsed_participants != [p.text for p in rough.phrases]


def test_rule_sentences_leave_the_parser_free_to_split(parsing) -> None:
    _, nlp = parsing
    doc = nlp.make_doc("Police arrested protesters in Yangon. The junta said it would fight on.")
    assert [s.text for s in rule_sentences(doc)] == ["Police arrested protesters in Yangon.",
                                                     "The junta said it would fight on."]
    assert not doc.has_annotation("SENT_START")


_PIECES = ["Russia", "aid", "junta", "U.S.", "3.5", ".", "!", "?", "...", "!?", "。", "؟", "।", ",", "-", '"', "'",
           ")", "(", "\n", "\n\n", " ", "  ", "Dr.", "e.g.", "—"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40), st.sampled_from(["en", "id"]))
def test_rule_sentences_split_where_spacys_sentencizer_splits(pieces, lang) -> None:
    """The array-based splitter must keep spaCy's sentencizer boundaries: every sentence of a rule-based run
    comes from it."""
    nlp = get_language(lang).tokenizer_pipeline
    doc = nlp(" ".join(pieces))
    assert [(s.start, s.end) for s in rule_sentences(doc)] == [(s.start, s.end) for s in doc.sents]
