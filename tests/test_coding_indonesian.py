"""Indonesian coding rules: lemmas and stems, di- passive with oleh, tidak/belum, akan, kata/menurut."""

from __future__ import annotations

from conftest import triples


def code(coder, text: str, date: str = "2025-03-03"):
    return coder.code_text(text, lang="id", date=date)


def test_compound_source_and_stemmed_trigger(rules_coder) -> None:
    events = code(rules_coder, "Rusia dan Tiongkok telah menjadi pemasok utama persenjataan untuk militer Myanmar.")
    assert triples(events) == {("RUS", "072", "MMRMIL"), ("CHN", "072", "MMRMIL")}
    assert {event.event_text for event in events} == {"pemasok persenjataan untuk"}


def test_inflected_forms_match_one_trigger(rules_coder) -> None:
    assert triples(code(rules_coder, "Rusia menyerang Ukraina.")) == {("RUS", "190", "UKR")}
    assert triples(code(rules_coder, "Militer Rusia melancarkan serangan udara ke Ukraina.")) == {
        ("RUSMIL", "195", "UKR")}


def test_di_passive_with_oleh(rules_coder) -> None:
    events = code(rules_coder, "Ukraina diserang oleh pasukan Rusia pada Selasa.")
    assert triples(events) == {("RUSMIL", "190", "UKR")}
    assert events[0].voice == "passive"


def test_passive_light_verb_in_relative_clause(rules_coder) -> None:
    text = "Junta Myanmar — yang dijauhi dan diberi sanksi oleh Barat — beralih ke Rusia."
    assert ("WST", "163", "MMRGOVMIL") in triples(code(rules_coder, text))


def test_negation_blocks_the_event(rules_coder) -> None:
    assert code(rules_coder, "Tiongkok tidak menyerang Ukraina.") == []
    assert code(rules_coder, "Rusia belum mengirim utusan ke Ukraina.") == []


def test_future_akan_becomes_intent(rules_coder) -> None:
    [event] = code(rules_coder, "Min Aung Hlaing akan bertemu Presiden Vladimir Putin di Moskow.")
    assert (event.source, event.code, event.target, event.intent) == ("MMRGOV", "036", "RUSGOV", True)


def test_attribution_after_kata(rules_coder) -> None:
    text = "Rusia menyerang Ukraina, kata pejabat Amerika Serikat."
    events = code(rules_coder, text)
    assert triples(events) == {("RUS", "190", "UKR")}
    assert events[0].attributed_to == "pejabat Amerika Serikat"


def test_menurut_speaker_is_not_a_target(rules_coder) -> None:
    text = "Sejak kudeta, junta Myanmar telah menewaskan sedikitnya 6.366 warga sipil, menurut PBB."
    assert triples(code(rules_coder, text)) == {("MMRGOVMIL", "1823", "MMRCVL")}


def test_agent_alone_takes_the_country_the_story_gives_its_sector(rules_coder) -> None:
    text = ("Militer Myanmar menyerang kelompok etnis bersenjata. "
            "AS memberlakukan sanksi terhadap junta.")
    events = code(rules_coder, text)
    assert ("USA", "163", "MMRGOVMIL") in triples(events)
    sanction = next(event for event in events if event.code == "163")
    assert sanction.target_inferred and not sanction.source_inferred


def test_agent_without_a_country_stays_unknown(rules_coder) -> None:
    events = code(rules_coder, "Polisi menyerang pemberontak.")
    assert triples(events) == {("---COP", "190", "---REB")}


def test_compound_target_with_dan(rules_coder) -> None:
    text = "Pemerintah Putin mengirim ajudan keamanan utama Sergei Shoigu ke Indonesia, Malaysia, dan China."
    assert triples(code(rules_coder, text)) == {("RUSGOV", "042", "IDN"), ("RUSGOV", "042", "MYS"),
                                                ("RUSGOV", "042", "CHN")}


def test_story_discard(rules_coder) -> None:
    assert code(rules_coder, "Rusia menyerang Ukraina. Pertandingan sepak bola itu berakhir imbang.") == []


def test_dateline_is_not_an_actor(rules_coder) -> None:
    text = "Moskow, Suarathailand- Militer Myanmar akan bertemu Presiden Vladimir Putin."
    assert triples(code(rules_coder, text)) == {("MMRMIL", "036", "RUSGOV")}


def test_compound_partners_sign_both_ways(rules_coder) -> None:
    events = code(rules_coder, "Rusia dan Tiongkok menandatangani perjanjian kemitraan strategis di Moskow.")
    assert triples(events) == {("RUS", "057", "CHN"), ("CHN", "057", "RUS")}


def test_purpose_clause_after_a_coded_verb_is_not_an_event(rules_coder) -> None:
    text = "Pemerintah Putin mengirim utusan ke Indonesia untuk bekerja sama dengan Malaysia."
    assert triples(code(rules_coder, text)) == {("RUSGOV", "042", "IDN")}


def test_passive_attack_on_a_place_targets_its_country(rules_coder) -> None:
    text = "Sebuah pusat perbelanjaan di Kyiv diserang oleh pasukan Rusia."
    assert triples(code(rules_coder, text)) == {("RUSMIL", "190", "UKR")}



def test_target_skips_a_second_mention_of_the_source(rules_coder) -> None:
    text = "Rusia menuduh Moskow dan Ukraina."
    assert triples(code(rules_coder, text)) == {("RUS", "112", "UKR")}


def test_subject_of_tewas_is_the_victim_not_the_killer(rules_coder) -> None:
    assert code(rules_coder, "Tiga tentara Rusia tewas di Ukraina.") == []
    assert triples(code(rules_coder, "Militer Rusia menewaskan warga sipil Ukraina.")) == {("RUSMIL", "1823", "UKRCVL")}
