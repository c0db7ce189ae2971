"""Grammar rules the peer suites exercise, checked on sentences coded with the TABARI suite's dictionaries."""

from __future__ import annotations

import pytest

from coder import Coder
from coder.commas import CommaLimits
from coder.document import Document
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


def test_pronoun_stands_for_the_first_participant(tabari_coder) -> None:
    text = "Elrond urged Bree to chill out and Gondor asked him to take a greater role in the peace talks."
    assert triples(tabari_coder.code_text(text)) == {("ELF", "102", "BRE"), ("GON", "090", "ELF")}


def test_plural_pronoun_stands_for_a_compound(tabari_coder) -> None:
    text = ("Elrond and Gondor urged Bree on Monday to chill out and then they requested that Rohan assist "
            "them to win a greater role in the forthcoming peace talks.")
    # Rohan is to assist "them": both Elrond and Gondor
    assert triples(tabari_coder.code_text(text)) == {("ELF", "102", "BRE"), ("GON", "102", "BRE"),
                                                     ("ROH", "092", "ELF"), ("ROH", "092", "GON")}


def test_expletive_it_is_no_participant(tabari_coder) -> None:
    assert tabari_coder.code_text("Gondor said it is expected that talks resume.") == []


def test_dual_code_gives_the_reverse_event_too(tabari_coder) -> None:
    text = "Bree Prime Minister Romendacil will meet Eriadori and Calenardhon leaders during a brief visit."
    assert triples(tabari_coder.code_text(text)) == {("BREGOV", "031", "ERI"), ("BREGOV", "031", "CAL"),
                                                     ("ERI", "031", "BREGOV"), ("CAL", "031", "BREGOV")}


def test_reverse_code_must_be_an_event_code(dictionary_dir) -> None:
    from coder.dictionaries import DictionaryError, load_dictionaries

    (dictionary_dir / "verbs" / "en").mkdir(parents=True)
    (dictionary_dir / "verbs" / "en" / "v.yaml").write_text(
        'verbs:\n  - verb: visit\n    code: "042"\n    reverse: "9x9"\n', encoding="utf-8")
    with pytest.raises(DictionaryError, match="9x9"):
        load_dictionaries(dictionary_dir)


def test_compound_slot_partners_act_on_each_other(tabari_coder) -> None:
    # POSTPONE "% HAVE POSTPONED * [191]"
    text = "Old foes Gondor and Osgiliath have postponed their meeting after a hafling was reported."
    assert triples(tabari_coder.code_text(text)) == {("GON", "191", "OSG"), ("OSG", "191", "GON")}


def test_minimum_words_leaves_short_sentences_uncoded() -> None:
    folder = suite_dictionary_dir("tabari")
    text = "Gondor's planes attacked Osgiliath on Friday night."  # seven words
    assert Coder(folder, parse=False, date="1995-01-03", lang="en", min_words=8).code_text(text) == []
    assert triples(Coder(folder, parse=False, date="1995-01-03", lang="en", min_words=7).code_text(text)) == {
        ("GON", "225", "OSG")}


def test_tabari_records_carry_the_minimum_words_in_force() -> None:
    from coder.validation_suites import load_suite

    records = {r.id: r for r in load_suite("tabari")}
    assert records["MINWRD-01"].config["MINIMUM WORDS"] == "8"  # TABARI's default
    assert records["MINWRD-02"].config["MINIMUM WORDS"] == "4"  # after SET: MINIMUM WORDS = 4


def test_describing_words_do_not_break_a_compound(tabari_coder) -> None:
    text = "Fornost and the evil awful Gondor welcomed a resumption of formal diplomatic ties with Osgiliath."
    assert triples(tabari_coder.code_text(text)) == {("FOR", "041", "OSG"), ("GON", "041", "OSG")}


def test_a_noun_trigger_does_not_end_the_search_for_the_object(shipped_coder) -> None:
    events = shipped_coder.code_text("Japan pledged 5.5 billion dollars in additional aid to Ukraine.", lang="en",
                                     date="2023-02-20")
    assert triples(events) == {("JPN", "0331", "UKR")}


def test_skip_slots_pass_over_participants(tabari_coder) -> None:
    # CELEBRATE "* IFTAR AT ^ ^ + [044]": past Osgiliath and Gondor, the target is Eriador
    text = "Arnor has celebrated Iftar at Osgiliath with the leaders of Gondor in Eriador after a hafling was seen."
    assert triples(tabari_coder.code_text(text, date="1995-01-02")) == {("ARN", "044", "ERI")}


def test_default_actors_fill_a_missing_source_or_target() -> None:
    coder = Coder(suite_dictionary_dir("tabari"), parse=True, date="1995-01-01", lang="en",
                  default_source="DEFSRC", default_target="DEFTAR")
    text = "Fxrnost is about to restore full diplomatic ties with Gondor almost five years after the war."
    assert triples(coder.code_text(text)) == {("DEFSRC", "064", "GON")}
    text = "Fornost is about to restore full diplomatic ties with Gxndor almost five years after the war."
    assert triples(coder.code_text(text)) == {("FOR", "064", "DEFTAR")}


def test_tabari_default_option_is_read() -> None:
    from coder.commands.validate_commands import tabari_defaults

    assert tabari_defaults("SOURCE [DEFSRC] PRIOR TARGET [DEFTAR] AFTER") == {
        "default_source": "DEFSRC", "default_target": "DEFTAR"}
    assert tabari_defaults("OFF") == {}


def test_words_joined_to_a_synset_must_be_consecutive(tabari_coder) -> None:
    # ABANDON "* NEW_&TIETYPES_RELATIONS [903]", default [345]
    joined = "Arnor will abandon new economic relations with Gondor almost five years after the war."
    apart = "Arnor will abandon new global economic relations with Gondor almost five years after the war."
    assert {code for _, code, _ in triples(tabari_coder.code_text(joined))} == {"903"}
    assert {code for _, code, _ in triples(tabari_coder.code_text(apart))} == {"345"}


def test_joined_words_count_each_for_specificity(tabari_coder) -> None:
    # SHOULD "suggested + * demand_geneva_conventions [161]" beats "suggested * demand conventions [162]"
    text = "Arnor suggested Gondor should demand Geneva conventions in its dealings with Rohan, a spokesman said."
    assert triples(tabari_coder.code_text(text, date="1995-01-15")) == {("ARN", "161", "GON")}


def test_without_a_parse_a_clause_codes_one_action() -> None:
    coder = Coder(suite_dictionary_dir("tabari"), parse=False, date="1995-01-01", lang="en")
    text = ("Bree Prime Minister Romendacil clashed over the efforts of Eriadori to deal with an orc infestation "
            "during a brief private visit to Eriador.")
    assert triples(coder.code_text(text)) == {("BREGOV", "121", "ERI")}  # not also the visit


def test_passive_of_a_governing_verb_leaves_the_controlled_verb_active(tabari_coder) -> None:
    events = tabari_coder.code_text("Gollum was seen to break into an anti- Gondor parade on Saturday.")
    assert triples(events) == {("HOB", "1717", "GON")}  # Gollum breaks in; "was seen" is not his undergoing


def test_verb_in_a_clause_describing_an_object_is_content(tabari_coder) -> None:
    events = tabari_coder.code_text("Gollum abandoned efforts to stop an anti- Gondor parade on Saturday.")
    assert triples(events) == {("HOB", "987", "GON")}  # the stopping is what was abandoned


def test_former_officials_are_elites(tabari_coder, shipped_coder) -> None:
    text = "Arnor former security officials are about to restore full diplomatic ties with former Gondor prosecutors."
    assert triples(tabari_coder.code_text(text, date="1995-01-01")) == {("ARNELI", "064", "GONELI")}
    text = "Former Philippine President Rodrigo Duterte was arrested by police in Manila."
    assert {target for _, _, target in triples(shipped_coder.code_text(text, lang="en", date="2025-03-11"))} == {
        "PHLELI"}


def test_seven_digit_tabari_date_is_read_as_yymmdd() -> None:
    from coder.validation_suites import load_suite

    record = {r.id: r for r in load_suite("tabari")}["ACTORSYN-01"]  # header date 9501201
    assert record.date == "1995-01-20"


def test_comma_delimited_aside_is_deleted_before_coding() -> None:
    # TABARI's COMMA option: the aside's actor (Calenardhon) is not the target of "restore"
    text = ("Arnor is about to restore full diplomatic ties with Gxndor, almost five years aftxr Calenardhon crowds "
            "burned down its embassy, a senior official said on Saturday.")
    plain = Coder(suite_dictionary_dir("tabari"), parse=True, date="1995-01-01", lang="en")
    tabari = Coder(suite_dictionary_dir("tabari"), parse=True, date="1995-01-01", lang="en",
                   comma_limits=CommaLimits())
    assert ("ARN", "064", "CAL") in triples(plain.code_text(text))
    assert tabari.code_text(text) == []


def test_aside_between_subject_and_verb_leaves_the_subject_the_source() -> None:
    tabari = Coder(suite_dictionary_dir("tabari"), parse=True, date="1992-01-02", lang="en",
                   comma_limits=CommaLimits())
    text = ("Gollum, centre of a diplomatic row between Radagast the Brown, arrived back in Gondor late Sunday "
            "after being allowed to leave Lorien by elves.")
    assert triples(tabari.code_text(text)) == {("HOB", "032", "GON"), ("GON", "033", "HOB")}


def test_possessive_after_a_name_is_no_has_for_patterns(tabari_coder) -> None:
    # URGE "- HAS * [122]" must not read "Arnor's" as "Arnor has"
    events = tabari_coder.code_text("Arnor's foreign minister urged Eriador to respond to Gondor's proposals.")
    assert triples(events) == {("ARNGOVFRM", "102", "ERI")}


def test_pronoun_after_said_is_the_reported_subject_not_the_speaker(tabari_coder) -> None:
    # REGRET "- SAID $ * [113]": "he" (Gondor's Prime Minister) fills the source slot after "said"
    text = ("Gondor's Prime Minister Falastur said he regretted Eriador's refusal to talk to Calenardhon leader "
            "Calimehtar.")
    assert triples(tabari_coder.code_text(text)) == {("GONGOV", "113", "ERI")}
    text = "Gondor Prime Minister Falastur said he regretted the refusal of Eriador to talk to Calenardhon leaders."
    assert triples(tabari_coder.code_text(text)) == {("GONGOV", "113", "ERI")}


def test_list_parsed_as_two_subjects_still_gives_the_source(tabari_coder) -> None:
    text = "Lions, tigers, and Gondor welcomed a resumption of formal diplomatic ties with Osgiliath after a rift."
    assert triples(tabari_coder.code_text(text)) == {("GON", "041", "OSG")}


def test_compound_partners_each_get_both_halves_of_a_dual_code() -> None:
    # WELCXME "- % * [044:045]": Fornost and Gondor each act both ways on the other
    coder = Coder(suite_dictionary_dir("tabari"), parse=True, date="1995-01-04", lang="en")
    text = "Fornost and Gondor welcxme a resumption of formal diplomatic ties between Gondor and Osgiliath."
    assert triples(coder.code_text(text)) == {("FOR", "044", "GON"), ("GON", "044", "FOR"),
                                              ("FOR", "045", "GON"), ("GON", "045", "FOR")}


def test_comma_asides_without_a_parse() -> None:
    rules = Coder(suite_dictionary_dir("tabari"), parse=False, date="2000-01-02", lang="en",
                  comma_limits=CommaLimits())
    text = "Elrond, suspicious as ever of Mordor, brushed aside reports that Calimehtar attacked Gandalf"
    assert ("ELF", "142", "CAL") in triples(rules.code_text(text))
    assert not any(source == "ORC" for source, _, _ in triples(rules.code_text(text)))


@pytest.mark.parametrize("parse", [True, False])
def test_forward_carries_the_first_actor_to_a_pronoun_of_the_next_sentence(parse) -> None:
    text = ("Fornost President Umbardacil has again appealed for peace in Ithilen on Monday.\n\n"
            "He has also asked Gondor to provide help in mediating the conflict.")
    forward = Coder(suite_dictionary_dir("tabari"), parse=parse, date="1995-01-16", lang="en", forward=True)
    coded = forward.code_document_full(Document(id="story", text=text))
    assert coded.sentences[1].analysis.parsed == parse  # the pronoun may give the sentence its second actor
    events = coded.events
    # Only the actor travels, not its agents (as in TABARI): "He" is FOR, not FORGOVPRS.
    assert {(e.sentence_index, e.source, e.code, e.target) for e in events} == {
        (0, "FORGOVPRS", "095", "ITH"), (1, "FOR", "090", "GON")}
    plain = Coder(suite_dictionary_dir("tabari"), parse=parse, date="1995-01-16", lang="en")
    assert {e.sentence_index for e in plain.code_text(text)} == {0}


@pytest.mark.parametrize("parse", [True, False])
def test_code_by_sentence_keeps_only_the_first_event(parse) -> None:
    text = "Arnor urged Gondor to attack Mordor but Bree later promised aid to Rohan."
    by_sentence = Coder(suite_dictionary_dir("tabari"), parse=parse, date="1995-01-16", lang="en",
                        code_by="sentence")
    assert triples(by_sentence.code_text(text)) == {("ARN", "102", "GON")}


def test_code_all_also_codes_the_content_of_another_verb() -> None:
    text = "Arnor urged Gondor to attack Mordor."
    by_clause = Coder(suite_dictionary_dir("tabari"), parse=True, date="1995-01-16", lang="en")
    assert triples(by_clause.code_text(text)) == {("ARN", "102", "GON")}
    code_all = Coder(suite_dictionary_dir("tabari"), parse=True, date="1995-01-16", lang="en", code_by="all")
    assert triples(code_all.code_text(text)) == {("ARN", "102", "GON"), ("GON", "223", "ORC")}
    with pytest.raises(ValueError):
        Coder(suite_dictionary_dir("tabari"), code_by="paragraph")


def test_tabari_forward_option_names_the_story() -> None:
    from coder.commands.validate_commands import tabari_story

    assert tabari_story("FRWD-001-002", "^^*****NNN*SSS") == "001"
    assert tabari_story("FRWD-003-005", "^^*****NNN*SSS") == "003"
    assert tabari_story("FRWD-001-002", "^^*****NNN*SSS OFF") is None
    assert tabari_story("FRWD-001-002", "") is None


@pytest.mark.parametrize("parse", [True, False])
def test_default_without_prior_or_after_looks_on_the_other_side_of_the_verb(parse) -> None:
    def coder(**flags) -> Coder:
        return Coder(suite_dictionary_dir("tabari"), parse=parse, date="1995-01-01", lang="en",
                     default_source="DEFSRC", default_target="DEFTAR", **flags)

    text = "Fxrnost is about to restore full diplomatic ties with Gondor and Bree almost five years after the war."
    assert triples(coder().code_text(text)) == {("DEFSRC", "064", "GON"), ("DEFSRC", "064", "BRE")}
    assert triples(coder(default_source_prior=False).code_text(text)) == {("GON", "064", "BRE")}
    text = "Bree and Arnor are about to restore full diplomatic ties with Gxndor almost five years after the war."
    assert triples(coder().code_text(text)) == {("BRE", "064", "DEFTAR"), ("ARN", "064", "DEFTAR")}
    assert triples(coder(default_target_after=False).code_text(text)) == {("BRE", "064", "ARN")}


def test_tabari_default_without_prior_or_after_is_read() -> None:
    from coder.commands.validate_commands import tabari_defaults

    assert tabari_defaults("SOURCE [DEFSRC] TARGET [DEFTAR] AFTER") == {
        "default_source": "DEFSRC", "default_target": "DEFTAR", "default_source_prior": False}
    assert tabari_defaults("SOURCE [DEFSRC] PRIOR TARGET [DEFTAR]") == {
        "default_source": "DEFSRC", "default_target": "DEFTAR", "default_target_after": False}


def test_a_tabari_stem_stands_for_every_word_it_begins() -> None:
    from coder.suite_dictionaries import stem_words

    assert {"resume", "resumption"} <= set(stem_words("RESUM"))
    assert stem_words("ATTACK") == []  # a word, not a stem


@pytest.mark.parametrize("parse", [True, False])
def test_a_noun_event_in_the_clause_of_a_coded_verb_is_its_content(parse) -> None:
    # One action per clause, as in TABARI, even with an uncoded verb between ("in being drawn ... by its
    # resumption of ties"); coding every verb (CODE ALL) gives the resumption too.
    text = ("Eriador was opposed by Osgiliath, the state's fiercest foe, in being drawn into the peace process by its "
            "resumption of diplomatic ties with Gondor.")
    by_clause = Coder(suite_dictionary_dir("tabari"), parse=parse, date="1995-01-12", lang="en")
    assert triples(by_clause.code_text(text)) == {("OSG", "112", "ERI")}
    code_all = Coder(suite_dictionary_dir("tabari"), parse=parse, date="1995-01-12", lang="en", code_by="all")
    assert triples(code_all.code_text(text)) == {("OSG", "112", "ERI"), ("ERI", "064", "GON")}


def test_without_a_parse_an_english_noun_from_a_verb_does_not_hide_the_object() -> None:
    rules = Coder(suite_dictionary_dir("tabari"), parse=False, date="1995-01-12", lang="en")
    text = "Fornost welcomed a resumption of formal diplomatic ties with Osgiliath after a 12-year rift."
    assert triples(rules.code_text(text)) == {("FOR", "041", "OSG")}
    from coder.languages import get_language

    english = get_language("en")
    assert english.is_nominal_form("resumption", ()) and english.is_nominal_form("Deployment", ())
    assert not english.is_nominal_form("Sanction", ()) and not english.is_nominal_form("attack", ())


def test_a_dominant_event_is_the_sentences_only_one() -> None:
    # TABARI's ATTEND [031!] is converted to `dominant: true`: the meeting is the event, not the trip to it.
    coder = Coder(suite_dictionary_dir("tabari"), parse=True, date="1995-01-03", lang="en", code_by="all")
    trip = "Dagolath's first Deputy Prime Minister Telemar left for Minas Tirith on Wednesday, the agency reported."
    assert triples(coder.code_text(trip)) == {("DAG", "032", "GON"), ("GON", "033", "DAG")}
    text = ("Dagolath's first Deputy Prime Minister Telemar left for Minas Tirith on Wednesday to attend meetings "
            "of the joint trade committee with Arnor, the Dagolathi news agency reported.")
    assert triples(coder.code_text(text)) == {("DAG", "031", "ARN")}


@pytest.mark.parametrize("parse", [True, False])
def test_validate_codes_a_forwarded_record_after_its_story(parse) -> None:
    from coder.commands.validate_commands import code_in_story
    from coder.validation_suites import load_suite

    records = {record.id: record for record in load_suite("tabari")}
    coder = Coder(suite_dictionary_dir("tabari"), parse=parse, lang="en", forward=True)
    earlier = [records["FRWD-001-001"].text]
    events = code_in_story(coder, earlier, records["FRWD-001-002"])
    assert triples(events) == {("FOR", "090", "GON")}  # only the record's own sentence, "He" forwarded
    assert triples(code_in_story(coder, [], records["FRWD-001-002"])) == set()


def test_tabari_space_in_a_name_lets_other_words_stand_there(tabari_coder) -> None:
    # PRINCE DOL_AMROTH [--- <950630] [DOL]: "of" may stand after PRINCE; before mid-1995 the name is no actor
    text = "Ithilen warned at the Gondor of the Prince of Dol_Amroth."
    assert triples(tabari_coder.code_text(text, date="1999-08-09")) == {("ITH", "162", "DOL")}
    assert triples(tabari_coder.code_text(text, date="1995-01-01")) == {("ITH", "162", "GON")}
    # AL_GORE [AGR] is written consecutively (a hyphen may join the words); AL GORE [TEN] lets words between
    assert triples(tabari_coder.code_text("The United Nations warned Al-Gore to stay out of Florida.")) == {
        ("UNO", "160", "AGR")}
    assert triples(tabari_coder.code_text('The United Nations warned Al "The Weasel" Gore to stay out.')) == {
        ("UNO", "160", "TEN")}


def test_tabari_name_endings() -> None:
    from coder.suite_dictionaries import _tabari_name_variants

    assert _tabari_name_variants("LIBYA_", exact=False) == ["Libya", "Libyas", "Libyaes"]
    assert _tabari_name_variants("MOUSE", exact=True) == ["Mouse"]  # MOUSE=: no "Mouses"
    assert _tabari_name_variants("AL GORE", exact=True) == ["Al ... Gore"]
    assert _tabari_name_variants("PRINCE DOL_AMROTH_", exact=False)[::3] == ["Prince ... Dol Amroth",
                                                                            "Prince ... Dol_amroth"]


def test_synset_member_with_a_space_lets_words_stand_there(tabari_coder) -> None:
    # &CURRENCY +AUSTRIAN FLORIN; CONTRIBUT "* &CURRENCY" [903]
    text = "Arnor will contribute a million austrian gold florin to Gondor."
    assert triples(tabari_coder.code_text(text)) == {("ARN", "903", "GON")}
    text = "Arnor will contribute a million golden silver galleons to Gondor."  # GOLDEN_GOBLIN_GALLEONS: consecutive
    assert triples(tabari_coder.code_text(text)) == {("ARN", "070", "GON")}


def test_a_pattern_naming_the_word_beats_its_synset(tabari_coder) -> None:
    # "* DOLLAR" [071] and "* &CURRENCY" [903] (DOLLAR is a member, written first): the word itself wins
    text = "Arnor will contribute a million dollars to Gondor."
    assert triples(tabari_coder.code_text(text)) == {("ARN", "071", "GON")}


def test_tabari_pattern_words_are_open_stems_unless_closed(tabari_coder) -> None:
    # BOYCOTT: "NOTED_WOULD NOW *" [173] needs NOTED itself; "NOTED WOULD *" [174] takes any word beginning so
    text = "Gollum notedown would now boycott an anti- Gondor parade on Saturday."
    assert triples(tabari_coder.code_text(text)) == {("HOB", "174", "GON")}
    text = "Gollum noted would now boycott an anti- Gondor parade on Saturday."
    assert triples(tabari_coder.code_text(text)) == {("HOB", "173", "GON")}
    # ADOPT "* REVOLUTION" [802]
    text = "Arnor will adopt a revolutionary manifesto with Gondor."
    assert triples(tabari_coder.code_text(text)) == {("ARN", "802", "GON")}


def test_tabari_regular_endings_our_lemmas_do_not_know() -> None:
    from coder.suite_dictionaries import _agent_noun_endings, _verb_endings

    assert _verb_endings("DEPART_") == ["departes", "departen"]  # departs, departed, departing: lemmas know them
    assert _verb_endings("WELCXME") == ["welcxmes", "welcxmed", "welcxmen", "welcxming"]
    assert _agent_noun_endings("MUSLIM_   [ ~MOS]") == "MUSLIM_ {MUSLIMS_ MUSLIMES_} [ ~MOS]"
    assert _agent_noun_endings("OFFICIAL_ [~GOV]") == "OFFICIAL_ [~GOV]"  # "officials" is lemmatised already


def test_tabari_verb_with_a_regular_ending(tabari_coder) -> None:
    text = "Estonia departen from Libya almost five years after crowds trashed its embassy."
    assert triples(tabari_coder.code_text(text)) == {("EST", "032", "LBY")}


def test_an_object_naming_no_one_controls_nothing(tabari_coder) -> None:
    # "inching military to accord": military is no participant, so Arnor is the one who accords
    text = "Arnor is inching military to accord with Gondor almost five years after crowds trashed its embassy."
    assert triples(tabari_coder.code_text(text)) == {("ARN", "083", "GON")}


def test_a_trigger_with_a_possessive_names_an_owner(tabari_coder) -> None:
    text = "Estonia donate's cash to Libya almost five years after crowds trashed its embassy."
    assert tabari_coder.code_text(text) == []


def test_a_verb_the_parse_reads_as_a_noun_heading_the_clause(tabari_coder) -> None:
    # the parser makes "departs" a plural noun heading the reported clause, right after the actor
    text = "Estonia departs from Libya almost five years after crowds trashed its embassy, a senior official said."
    assert triples(tabari_coder.code_text(text)) == {("EST", "032", "LBY")}


def test_tabari_verb_phrase_with_spaces_lets_words_stand_between(tabari_coder) -> None:
    # DEATH TOLL RISEN [223]: "has" stands between, and is part of the phrase, not the next verb
    text = "Eriador's death toll has risen in the dispute with Osgiliath, the state's fiercest foe."
    assert triples(tabari_coder.code_text(text)) == {("ERI", "223", "OSG")}


def test_synset_member_ends_in_an_open_stem_unless_closed(tabari_coder) -> None:
    # &CURRENCY +JAVANESE_YEN (open: "yener") and +KRONER_ (closed: not "kroneren")
    text = "Arnor will contribute a million Javanese yener to Gondor."
    assert triples(tabari_coder.code_text(text)) == {("ARN", "903", "GON")}
    text = "Arnor will contribute a million kroneren to Gondor."
    assert triples(tabari_coder.code_text(text)) == {("ARN", "070", "GON")}


def test_the_object_of_a_passive_verb_controls_nothing(tabari_coder) -> None:
    # the parse makes "parade" an object of "was knowned": the one known to break in is still Gollum
    text = "Gollum was knowned to break into an anti- Gondor parade on Saturday."
    assert triples(tabari_coder.code_text(text)) == {("HOB", "1717", "GON")}


def test_a_place_after_the_verbs_adverb_is_the_verbs(tabari_coder) -> None:
    # "in Gondor" hangs on "back" in the parse; ARRIVE [032:033]
    text = "Gollum arrived back in Gondor late Sunday after being allowed to leave Lorien by elves."
    assert triples(tabari_coder.code_text(text)) == {("HOB", "032", "GON"), ("GON", "033", "HOB")}


def test_a_trigger_between_two_actors_is_their_verb(tabari_coder) -> None:
    # the parse makes "arms" a plural noun (subject of "trashed"); between Estonia and Libya it is the verb
    text = "Estonia arms Libya almost five years after crowds trashed its embassy."
    assert triples(tabari_coder.code_text(text)) == {("EST", "182", "LBY")}
