"""TABARI's comma-delimited clauses: which asides are deleted before coding."""

from __future__ import annotations

import spacy

from coder.commas import NEVER, CommaLimits, comma_clauses, without_clauses

NLP = spacy.blank("en")


def reduced(text: str, limits: CommaLimits = CommaLimits()) -> str:
    tokens = list(NLP(text))
    conjunctions = {i for i, token in enumerate(tokens) if token.lower_ in ("and", "or")}
    return without_clauses(tokens, comma_clauses(tokens, limits, conjunctions))


def test_limits_read_from_tabari_option() -> None:
    limits = CommaLimits.from_tabari("MIN = 4 MAX = 6 EMIN = 3 EMAX = 6 BMIN = 3 BMAX = 8")
    assert limits == CommaLimits((4, 6), (3, 6), (3, 8))
    assert CommaLimits.from_tabari("OFF") == CommaLimits(NEVER, NEVER, NEVER)
    assert CommaLimits.from_tabari("") == CommaLimits()


def test_internal_aside_goes_with_both_commas() -> None:
    text = "Gollum, centre of a diplomatic row, arrived in Gondor late on Sunday after being allowed to leave."
    assert reduced(text) == "Gollum arrived in Gondor late on Sunday after being allowed to leave."


def test_terminal_clause_counts_its_final_stop() -> None:
    assert reduced("Arnor restored ties with Gondor, a senior official said on Saturday.") == (
        "Arnor restored ties with Gondor.")
    # ten words and the stop: over the limit of ten, kept
    text = "Arnor restored ties with Gondor, urged Eriador to respond to the new proposals on elections."
    assert reduced(text) == text


def test_initial_clause_only_when_its_limits_allow() -> None:
    text = "Arnor is about to restore complete, full diplomatic ties with Gondor almost five years after the riots."
    assert reduced(text) == text  # TABARI's default: initial clauses stay
    shorter = "full diplomatic ties with Gondor almost five years after the riots."
    assert reduced(text, CommaLimits(initial=(3, 8))) == shorter


def test_list_members_are_no_asides() -> None:
    text = "Evil Mordor, the awful Fornost, and good Gondor welcomed the resumption of talks with Osgiliath last week."
    assert reduced(text) == text


def test_off_keeps_everything() -> None:
    text = "Gollum, centre of a diplomatic row, arrived in Gondor, a senior official said."
    assert reduced(text, CommaLimits.from_tabari("OFF")) == text


def test_no_terminal_clause_without_a_final_stop() -> None:
    text = "Elrond brushed aside reports, rumored to originate in Mordor, that Calimehtar attacked Gandalf"
    assert reduced(text) == "Elrond brushed aside reports that Calimehtar attacked Gandalf"
