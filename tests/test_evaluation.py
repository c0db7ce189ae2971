"""Gold-set scoring: hand-computed precision/recall/F1 at the three levels, and the shipped gold files."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
import yaml

from coder.evaluation import evaluate_file, read_gold, score
from coder.events import Event

ROOT = Path(__file__).resolve().parent.parent
GOLD = {"en": ROOT / "gold" / "en.gold.jsonl", "id": ROOT / "gold" / "id.gold.jsonl"}


def ev(source: str, target: str, code: str) -> dict:
    return {"source": source, "target": target, "code": code}


# Five sentences, two languages.
GOLD_RECORDS = [
    {"id": "g1", "lang": "en", "text": "US and EU sanction Russia.",
     "events": [ev("USA", "RUS", "163"), ev("IGOEUREEC", "RUS", "163")]},
    {"id": "g2", "lang": "en", "text": "Russian troops struck Ukraine twice.",
     "events": [ev("RUSMIL", "UKR", "195"), ev("RUSMIL", "UKR", "195")]},
    {"id": "g3", "lang": "id", "text": "Prabowo akan bertemu Xi.", "events": [ev("IDNGOV", "CHNGOV", "036")]},
    {"id": "g4", "lang": "id", "text": "Timnas mengalahkan Malaysia.", "events": []},
    {"id": "g5", "lang": "id", "text": "Polisi menembakkan gas air mata.", "events": [ev("IDNCOP", "IDNCVL", "175")]},
]
CODED = [
    {"doc_id": "g1", "source": "USAGOV", "target": "RUS", "code": "163"},   # full miss, root hit
    {"doc_id": "g1", "source": "IGOEUREEC", "target": "RUS", "code": "163"},  # exact
    {"doc_id": "g2", "source": "RUSMIL", "target": "UKR", "code": "195"},   # one of the two expected
    {"doc_id": "g3", "source": "IDNGOV", "target": "CHNGOV", "code": "042"},  # wrong root
    {"doc_id": "g4", "source": "IDN", "target": "MYS", "code": "111"},      # event where none expected
]                                                                          # g5: nothing coded


def test_full_level_counts_and_scores():
    # exact triples: tp = g1 IGOEUREEC + g2 one = 2; fp = g1 USAGOV, g3 042, g4 111 = 3;
    # fn = g1 USA, g2 second 195, g3 036, g5 175 = 4.  P = 2/5, R = 2/6, F1 = 2PR/(P+R) = 4/11
    full = score(GOLD_RECORDS, CODED).overall["full"]
    assert (full.tp, full.fp, full.fn) == (2, 3, 4)
    assert full.precision == pytest.approx(0.4)
    assert full.recall == pytest.approx(1 / 3)
    assert full.f1 == pytest.approx(4 / 11)


def test_root_level_uses_countries_and_root():
    # (src[:3], tgt[:3], code[:2]): g1 both match (USA==USA) -> tp 2; g2 tp 1 fn 1; g3 03 vs 04 -> fp 1 fn 1;
    # g4 fp 1; g5 fn 1.  tp 3, fp 2, fn 3: P = 3/5, R = 3/6, F1 = 6/11
    root = score(GOLD_RECORDS, CODED).overall["root"]
    assert (root.tp, root.fp, root.fn) == (3, 2, 3)
    assert root.precision == pytest.approx(0.6)
    assert root.recall == pytest.approx(0.5)
    assert root.f1 == pytest.approx(6 / 11)


def test_event_level_is_presence_per_sentence():
    # g1, g2, g3 expected and coded -> tp 3; g4 coded but none expected -> fp 1; g5 expected, none -> fn 1
    event = score(GOLD_RECORDS, CODED).overall["event"]
    assert (event.tp, event.fp, event.fn) == (3, 1, 1)
    assert event.precision == pytest.approx(0.75)
    assert event.f1 == pytest.approx(0.75)


def test_breakdowns_by_language_and_root():
    report = score(GOLD_RECORDS, CODED)
    en, id_ = report.by_lang["full"]["en"], report.by_lang["full"]["id"]
    assert (en.tp, en.fp, en.fn) == (2, 1, 2)       # g1 + g2
    assert (id_.tp, id_.fp, id_.fn) == (0, 2, 2)    # g3 + g4 + g5
    by_root = report.by_root["full"]
    assert (by_root["16"].tp, by_root["16"].fp, by_root["16"].fn) == (1, 1, 1)
    assert (by_root["19"].tp, by_root["19"].fn) == (1, 1)
    assert by_root["19"].precision == 1.0 and by_root["19"].recall == 0.5
    assert set(by_root) == {"03", "04", "11", "16", "17", "19"}


def test_multiset_matching_needs_two_coded_for_two_expected():
    gold = [GOLD_RECORDS[1]]
    once = score(gold, [CODED[2]]).overall["full"]
    twice = score(gold, [CODED[2], CODED[2]]).overall["full"]
    thrice = score(gold, [CODED[2]] * 3).overall["full"]
    assert (once.tp, once.fn) == (1, 1)
    assert (twice.tp, twice.fn, twice.fp) == (2, 0, 0)
    assert (thrice.tp, thrice.fp) == (2, 1)


def test_misses_and_false_events_carry_text_and_near_miss_flag():
    report = score(GOLD_RECORDS, CODED)
    misses = {(m["doc_id"], m["source"], m["code"]): m for m in report.misses}
    assert set(misses) == {("g1", "USA", "163"), ("g2", "RUSMIL", "195"), ("g3", "IDNGOV", "036"),
                           ("g5", "IDNCOP", "175")}
    assert misses[("g1", "USA", "163")]["root_match"] is True      # USAGOV coded instead: same at root level
    assert misses[("g2", "RUSMIL", "195")]["root_match"] is False  # the one coded event is already paired
    assert misses[("g5", "IDNCOP", "175")]["sentence"] == "Polisi menembakkan gas air mata."
    false = {(f["doc_id"], f["code"]) for f in report.false_events}
    assert false == {("g1", "163"), ("g3", "042"), ("g4", "111")}


def test_accepts_event_objects_and_serialises():
    event = Event(doc_id="g5", sentence_index=0, event_index=0, date=None, lang="id", source="IDNCOP",
                  source_text="Polisi", target="IDNCVL", target_text="suporter", code="175", root="17",
                  quad_class=4, goldstein=-9.0, event_text="menembakkan", pattern="test", sentence="")
    report = score([GOLD_RECORDS[4]], [event])
    assert report.overall["full"].f1 == 1.0
    data = json.loads(json.dumps(report.to_dict()))
    assert data["overall"]["full"] == {"tp": 1, "fp": 0, "fn": 0, "precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert "full P=1.000" in report.format_text()


def test_format_text_lists_errors():
    text = score(GOLD_RECORDS, CODED).format_text()
    assert "misses (expected, not coded): 4" in text
    assert "false events (coded, not expected): 3" in text
    assert "lang en" in text and "lang id" in text


def test_bad_input_is_a_clear_error(tmp_path):
    with pytest.raises(ValueError, match="not in the gold set"):
        score(GOLD_RECORDS, [{"doc_id": "nope", "source": "A", "target": "B", "code": "010"}])
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "x", "events": [{"source": "USA", "target": "RUS", "code": 163}]}\n')
    with pytest.raises(ValueError, match=r"bad.jsonl:1: event 0"):
        read_gold(bad)
    bad.write_text('{"id": "a", "text": "x", "events": []}\n{"id": "a", "text": "y", "events": []}\n')
    with pytest.raises(ValueError, match="duplicate id"):
        read_gold(bad)
    bad.write_text('{"id": "a", "text": "x"}\n')
    with pytest.raises(ValueError, match="missing field 'events'"):
        read_gold(bad)


class _LookupCoder:
    """Codes by looking the sentence up in a table: lets evaluate_file be tested without the engine."""

    def __init__(self, table: dict[str, list[tuple[str, str, str]]]):
        self.table = table
        self.calls: list[dict] = []

    def code_text(self, text, lang=None, date=None, doc_id=None):
        self.calls.append({"text": text, "lang": lang, "date": date, "doc_id": doc_id})
        return [{"doc_id": doc_id, "source": s, "target": t, "code": c} for s, t, c in self.table.get(text, [])]


def test_evaluate_file_codes_each_record_with_its_fields(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps({**r, "date": "2024-01-02"}) for r in GOLD_RECORDS) + "\n")
    table = {r["text"]: [(e["source"], e["target"], e["code"]) for e in r["events"]] for r in GOLD_RECORDS}
    coder = _LookupCoder(table)
    report = evaluate_file(path, coder)
    assert [c["doc_id"] for c in coder.calls] == ["g1", "g2", "g3", "g4", "g5"]
    assert coder.calls[2] == {"text": "Prabowo akan bertemu Xi.", "lang": "id", "date": "2024-01-02", "doc_id": "g3"}
    assert all(report.overall[level].f1 == 1.0 for level in ("event", "root", "full"))


# --------------------------------------------------------------------------------- the shipped gold sets

def _cameo_codes() -> set[str]:
    data = yaml.safe_load((ROOT / "dictionaries" / "cameo" / "event_codes.yaml").read_text(encoding="utf-8"))
    return set(data["event_codes"])


@pytest.mark.parametrize("lang", ["en", "id"])
def test_gold_file_coverage(lang):
    records = read_gold(GOLD[lang])
    assert len(records) >= 110
    assert all(r.lang == lang and r.date for r in records)
    roots = Counter(root for r in records for root in {code[:2] for _, _, code in r.events})
    assert all(roots[f"{n:02d}"] >= 4 for n in range(1, 21)), roots
    no_event = sum(not r.events for r in records)
    assert 0.08 <= no_event / len(records) <= 0.15
    known = _cameo_codes()
    unknown = {code for r in records for _, _, code in r.events} - known
    assert not unknown, f"codes not in CAMEO: {unknown}"


def test_gold_scores_perfectly_against_itself():
    records = read_gold(GOLD["en"]) + read_gold(GOLD["id"])
    coded = [{"doc_id": r.id, "source": s, "target": t, "code": c} for r in records for s, t, c in r.events]
    report = score(records, coded)
    assert report.overall["full"].f1 == 1.0
    assert report.overall["event"].fp == 0 and report.overall["event"].fn == 0
    assert not report.misses and not report.false_events
