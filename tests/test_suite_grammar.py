"""Grammar rules the peer suites exercise, checked on sentences coded with the TABARI suite's dictionaries."""

from __future__ import annotations

import pytest

from coder import Coder
from coder.suite_dictionaries import suite_dictionary_dir
from tests.conftest import triples


@pytest.fixture(scope="module")
def tabari_coder() -> Coder:
    return Coder(suite_dictionary_dir("tabari"), parse=True, date="1992-01-02", lang="en")


def test_word_cut_at_its_hyphen_does_not_end_the_sentence(tabari_coder) -> None:
    events = tabari_coder.code_text("Gollum abandoned an anti- Gondor parade on Saturday.")
    assert triples(events) == {("HOB", "345", "GON")}  # one sentence; the parade is what was abandoned


def test_prefix_with_hyphen_is_not_a_dateline(tabari_coder) -> None:
    events = tabari_coder.code_text("Gollum participated in an anti- Gondor parade on Saturday.")
    assert triples(events) == {("HOB", "111", "GON")}


def test_pattern_source_slot_after_a_passive_verb(tabari_coder) -> None:
    # BREAK_ "+ * IN_ $": the one named after "in" broke in on the subject of the passive
    events = tabari_coder.code_text("Gollum was seen to break in an anti- Gondor parade on Saturday.")
    assert triples(events) == {("GON", "075", "HOB")}


def test_pattern_source_slot_holding_a_place_keeps_the_subject() -> None:
    shipped = Coder(parse=True, lang="en", date="2023-03-30")
    text = "Russian authorities arrested Wall Street Journal reporter Evan Gershkovich in Yekaterinburg."
    assert {(s, t) for s, _, t in triples(shipped.code_text(text))} == {("RUSGOV", "MEDMED")}
