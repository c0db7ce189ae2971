"""The seed article (Indonesian, 2025-03-03) coded with the shipped dictionaries.

Expected events of the whole article, as a human coder reads it. Each is (sentence, source, roots, target)
at country+sector level where the issue asks for it; `required` ones must be found, the others may be
missed (coreference, nominal phrasing) but nothing outside this list may be coded.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from coder import Document

SEED = Path(__file__).resolve().parent.parent / "seeds" / "myanmar-russia-2025-03-03.id.txt"

# (sentence, source prefixes, acceptable roots or codes, target prefixes, required)
EXPECTED = [
    # Pertemuan ini dilakukan setelah pejabat tinggi Rusia mengunjungi Indonesia, Malaysia, dan Tiongkok.
    (0, ("RUS",), ("04",), ("IDN",), True),
    (0, ("RUS",), ("04",), ("MYS",), True),
    (0, ("RUS",), ("04",), ("CHN",), True),
    # Kepala militer Myanmar Min Aung Hlaing akan bertemu Presiden Vladimir Putin ...
    (1, ("MMRMIL", "MMRGOV"), ("03", "04"), ("RUS",), True),
    # ... junta — yang dijauhi dan diberi sanksi oleh Barat — ...
    (1, ("WST", "EUR", "USA"), ("16",), ("MMR",), False),
    # Keduanya akan membahas penguatan kerja sama ekonomi dan keamanan (both leaders: needs coreference)
    (2, ("MMR", "RUS"), ("03", "04"), ("MMR", "RUS"), False),
    # ... para pemimpin junta telah mengandalkan senjata dari Kremlin ...
    (4, ("RUS",), ("07",), ("MMR",), False),
    (4, ("MMR",), ("02", "03", "04", "05", "06"), ("RUS",), False),
    # ... Min Aung Hlaing merebut kekuasaan dalam kudeta ... dan menggulingkan pemerintahan sipil ...
    (5, ("MMR",), ("17", "18", "19"), ("MMR", "---GOV"), False),
    # ... kunjungan bulan lalu ke Myanmar oleh seorang pejabat tinggi Rusia.
    (7, ("RUS",), ("04",), ("MMR",), False),
    # Rusia dan Tiongkok telah menjadi pemasok utama sistem persenjataan canggih untuk militer Myanmar ...
    (9, ("RUS",), ("072",), ("MMR",), True),
    (9, ("CHN",), ("072",), ("MMR",), True),
    # Junta telah menggunakan jet tempur Rusia untuk serangan udara di benteng perlawanan ...
    (10, ("MMR",), ("195",), ("---REB", "MMRREB"), True),
    # Sejak kudeta, junta telah menewaskan sedikitnya 6.366 warga sipil ...
    (11, ("MMR",), ("18", "19", "20"), ("---CVL", "MMRCVL"), True),
    # AS dan sekutunya di Eropa memberlakukan beberapa putaran sanksi terhadap junta ...
    (12, ("USA",), ("163",), ("MMR",), True),
    (12, ("EUR", "IGOEEC", "WST"), ("163",), ("MMR",), False),
    # ... terhadap junta dan entitas bisnis utama ...
    (12, ("USA", "EUR", "IGOEEC", "WST"), ("163",), ("---BUS", "MMRBUS"), False),
    # ... pemerintah Putin minggu lalu mengirim ajudan keamanan utama Sergei Shoigu ke Indonesia, Malaysia, dan China
    (13, ("RUS",), ("04",), ("IDN",), True),
    (13, ("RUS",), ("04",), ("MYS",), True),
    (13, ("RUS",), ("04",), ("CHN",), True),
    # Ini akan menjadi kunjungan keempat Min Aung Hlaing ke Rusia sejak kudeta.
    (14, ("MMR",), ("03", "04"), ("RUS",), False),
]


def matches(event, expected) -> bool:
    sentence, sources, codes, targets, _ = expected
    return (event.sentence_index == sentence and event.source.startswith(sources)
            and event.code.startswith(codes) and event.target.startswith(targets))


@pytest.fixture(scope="module")
def seed_events(shipped_coder):
    text = SEED.read_text(encoding="utf-8")
    return shipped_coder.code_document(Document(id=SEED.stem, text=text, date="2025-03-03", lang="id"))


@pytest.mark.parametrize("expected", [e for e in EXPECTED if e[4]], ids=lambda e: f"s{e[0]}-{e[1][0]}-{e[3][0]}")
def test_required_seed_event_is_found(seed_events, expected) -> None:
    assert any(matches(event, expected) for event in seed_events), [
        (e.sentence_index, e.source, e.code, e.target) for e in seed_events]


def test_no_seed_event_outside_the_expected_list(seed_events) -> None:
    unexpected = [(e.sentence_index, e.source, e.code, e.target, e.event_text) for e in seed_events
                  if not any(matches(e, expected) for expected in EXPECTED)]
    assert unexpected == []


def test_seed_events_carry_provenance(seed_events) -> None:
    for event in seed_events:
        assert event.pattern.startswith("dictionaries/verbs/id/") and ".yaml:" in event.pattern
        assert event.source_entry and event.target_entry and event.event_text
        assert event.date == "2025-03-03" and event.lang == "id"


def test_junta_gets_myanmar_by_inference(seed_events) -> None:
    sanctions = [e for e in seed_events if e.code == "163" and e.target_text == "junta"]
    assert sanctions and all(e.target.startswith("MMR") and e.target_inferred for e in sanctions)
