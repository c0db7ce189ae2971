"""English coding rules, with the dependency parser and with the fast rule-based path."""

from __future__ import annotations

import pytest
from conftest import triples


@pytest.fixture(params=["parsed", "rules"])
def coder(request, small_coder, rules_coder):
    return small_coder if request.param == "parsed" else rules_coder


def code(coder, text: str, date: str = "2025-03-03"):
    return coder.code_text(text, lang="en", date=date)


def test_compound_source_gives_one_event_per_actor(coder) -> None:
    events = code(coder, "Russia and China supplied weapons to the Myanmar military.")
    assert triples(events) == {("RUS", "072", "MMRMIL"), ("CHN", "072", "MMRMIL")}


def test_compound_target_list(coder) -> None:
    events = code(coder, "Russian officials visited Indonesia, Malaysia and China last week.")
    assert triples(events) == {("RUSGOV", "042", "IDN"), ("RUSGOV", "042", "MYS"), ("RUSGOV", "042", "CHN")}


def test_pattern_places_the_target(coder) -> None:
    events = code(coder, "The United States imposed new sanctions on Iran.")
    assert triples(events) == {("USA", "163", "IRN")}
    [event] = events
    assert event.pattern == "small/verbs/en/verbs.yaml:23"
    assert event.pattern_text == "impose: * sanctions on +"
    assert event.event_text == "imposed sanctions on"


def test_passive_voice_swaps_source_and_target(coder) -> None:
    events = code(coder, "Ukraine was attacked by Russian troops on Tuesday.")
    assert triples(events) == {("RUSMIL", "190", "UKR")}
    assert events[0].voice == "passive"


def test_negated_verb_gives_no_event(coder) -> None:
    assert code(coder, "Russia did not supply weapons to Myanmar.") == []
    assert code(coder, "China has never attacked Ukraine.") == []


def test_future_becomes_intent_code(coder) -> None:
    [event] = code(coder, "Putin will meet Min Aung Hlaing in Moscow.")
    assert (event.source, event.code, event.target, event.intent) == ("RUSGOV", "036", "MMRGOV", True)
    assert event.quad_class == 1 and event.goldstein == 4.0


def test_attribution_codes_the_reported_event(coder) -> None:
    events = code(coder, "Russian troops attacked Kyiv, Ukrainian officials said.")
    assert triples(events) == {("RUSMIL", "190", "UKR")}
    assert events[0].attributed_to == "Ukrainian officials"


def test_reported_event_after_the_speaker(coder) -> None:
    events = code(coder, "The United Nations said Russian troops killed Ukrainian civilians.")
    assert triples(events) == {("RUSMIL", "1823", "UKRCVL")}


def test_dated_actor_codes_follow_the_document_date(coder) -> None:
    assert triples(code(coder, "Min Aung Hlaing met Putin.", date="2019-06-01")) == {("MMRMIL", "040", "RUSGOV")}
    assert triples(code(coder, "Min Aung Hlaing met Putin.", date="2023-06-01")) == {("MMRGOV", "040", "RUSGOV")}
    assert triples(code(coder, "Min Aung Hlaing met Putin.", date="1998-06-01")) == {("MMRMIL", "040", "RUSELI")}


def test_agent_combines_with_country(coder) -> None:
    assert triples(code(coder, "Chinese troops attacked Ukrainian police.")) == {("CHNMIL", "190", "UKRCOP")}


def test_discarded_sentence_is_not_coded(coder) -> None:
    assert code(coder, "Russia attacked Ukraine in the world cup qualifier.") == []


def test_event_record_fields(coder) -> None:
    [event] = code(coder, "Israel accused Iran.")
    record = event.to_dict()
    assert record["code"] == "112" and record["root"] == "11" and record["quad_class"] == 3
    assert record["goldstein"] == -2.0 and record["lang"] == "en" and record["date"] == "2025-03-03"
    assert record["source_entry"].startswith("small/actors/actors.yaml:")
    assert record["sentence"] == "Israel accused Iran."


def test_subject_of_a_controlled_verb_with_the_parser(small_coder) -> None:
    events = small_coder.code_text("Russia agreed to supply weapons to the Myanmar military.", lang="en")
    assert triples(events) == {("RUS", "072", "MMRMIL")}


def test_content_of_an_accusation_is_not_an_event(coder) -> None:
    events = code(coder, "Israel accused Iran of supplying missiles to the rebels.")
    assert triples(events) == {("ISR", "112", "IRN")}


def test_role_word_modifying_a_noun_names_no_one(small_coder) -> None:
    events = small_coder.code_text("The United States sent military aid to Ukraine.", lang="en")
    assert all(event.target == "UKR" for event in events)


def test_compound_partners_of_an_agreement_get_events_both_ways(coder) -> None:
    events = code(coder, "Russia and China signed a strategic partnership treaty in Moscow.")
    assert triples(events) == {("RUS", "057", "CHN"), ("CHN", "057", "RUS")}


def test_a_place_is_a_target_only_when_the_pattern_names_its_preposition(coder) -> None:
    assert triples(code(coder, "Putin arrived in Beijing for talks on Sunday.")) == {("RUSGOV", "046", "CHN")}
    assert triples(code(coder, "Putin met Chinese officials in Moscow.")) == {("RUSGOV", "040", "CHNGOV")}
    assert triples(code(coder, "Russian troops killed two people in Kyiv.")) == {("RUSMIL", "1823", "UKR")}


def test_a_place_inside_the_object_is_a_violent_event_s_target(coder) -> None:
    events = code(coder, "Russian troops killed the mayor of a village in Kyiv.")
    assert triples(events) == {("RUSMIL", "1823", "UKR")}
    assert code(coder, "Putin visited the cathedral in Moscow.") == []


def test_blocking_pattern_stops_the_event(coder) -> None:
    assert code(coder, "Putin met Min Aung Hlaing for lunch.") == []
    assert triples(code(coder, "Putin met Min Aung Hlaing in Moscow.")) == {("RUSGOV", "040", "MMRGOV")}


def test_one_role_word_applies_to_a_list_of_countries(coder) -> None:
    events = code(coder, "Chinese and Russian troops attacked Ukraine.")
    assert triples(events) == {("CHNMIL", "190", "UKR"), ("RUSMIL", "190", "UKR")}


def test_role_word_takes_the_country_after_in_or_from(coder) -> None:
    events = code(coder, "Soldiers from Russia attacked Kyiv.")
    assert triples(events) == {("RUSMIL", "190", "UKR")}


def test_agent_alone_takes_the_country_the_story_gives_it(coder) -> None:
    text = "The Myanmar military attacked rebels in the north. The United States imposed sanctions on the junta."
    events = code(coder, text)
    sanction = next(event for event in events if event.code == "163")
    assert (sanction.source, sanction.target, sanction.target_inferred) == ("USA", "MMRGOVMIL", True)


def test_words_inside_names_and_adjectives_are_not_actions(small_coder) -> None:
    events = small_coder.code_text("The United States imposed sweeping sanctions on Iran.", lang="en")
    assert triples(events) == {("USA", "163", "IRN")}


@pytest.mark.parametrize("parse", [True, False])
def test_without_require_dyad_an_action_needs_no_target(parse) -> None:
    from conftest import SMALL

    from coder.coder import Coder

    text = "Russian troops killed two men, Ukrainian officials said."
    monadic = Coder(SMALL, parse=parse, date="2025-03-03", require_dyad=False)
    assert triples(monadic.code_text(text, lang="en")) == {("RUSMIL", "1823", "---"), ("UKRGOV", "010", "---")}
    dyadic = Coder(SMALL, parse=parse, date="2025-03-03")
    assert dyadic.code_text(text, lang="en") == []


def test_describing_words_do_not_break_a_list_of_actors(coder) -> None:
    events = code(coder, "Russia and the mighty Iran attacked Ukraine.")
    assert triples(events) == {("RUS", "190", "UKR"), ("IRN", "190", "UKR")}


def test_describing_words_after_a_possessive_keep_the_role(small_coder) -> None:
    events = code(small_coder, "Russia's tough and cunning minister attacked Ukraine.")
    assert triples(events) == {("RUSGOV", "190", "UKR")}


def test_an_entry_for_one_written_form_of_a_verb(coder) -> None:
    assert triples(code(coder, "Putin left for China on Monday.")) == {("RUSGOV", "042", "CHN")}
    assert code(coder, "Putin is leaving for China on Monday.") == []


def test_a_pattern_word_glued_to_the_verb_must_stand_right_next_to_it(coder) -> None:
    assert triples(code(coder, "Russian troops fired on Kyiv.")) == {("RUSMIL", "190", "UKR")}
    assert code(coder, "Russian troops fired rockets on Kyiv.") == []
