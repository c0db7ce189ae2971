"""Score coded events against a gold file: precision, recall and F1 at three levels of strictness.

Levels, from lenient to strict:
  "event": per sentence, was any event coded when one was expected (presence only);
  "root":  (source country, target country, CAMEO root) per sentence; country = first 3 chars of the code;
  "full":  (source, target, full code) per sentence, exact.
Matching is multiset-aware: two identical expected events need two coded ones. Scores are micro-averaged and
also broken down per CAMEO root and per language, with the misses and false events listed with their text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coder.io.jsonlines import json_objects

LEVELS = ("event", "root", "full")
_CODE = re.compile(r"^\d{2,4}$")


@dataclass(frozen=True)
class GoldRecord:
    """One gold sentence: the input-document fields plus the events a careful human coder expects."""

    id: str
    text: str
    lang: str | None
    date: str | None
    events: tuple[tuple[str, str, str], ...]


@dataclass
class Scores:
    """Counts at one level; precision/recall/F1 are 0.0 where their denominator is 0."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    def to_dict(self) -> dict[str, float | int]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class EvaluationReport:
    """Micro scores per level, breakdowns per CAMEO root and per language, and the full-level errors."""

    overall: dict[str, Scores]
    by_root: dict[str, dict[str, Scores]]
    by_lang: dict[str, dict[str, Scores]]
    misses: list[dict[str, Any]] = field(default_factory=list)
    false_events: list[dict[str, Any]] = field(default_factory=list)
    sentences: int = 0
    expected_events: int = 0
    coded_events: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "sentences": self.sentences, "expected_events": self.expected_events,
            "coded_events": self.coded_events,
            "overall": {level: s.to_dict() for level, s in self.overall.items()},
            "by_root": {level: {k: s.to_dict() for k, s in sorted(d.items())} for level, d in self.by_root.items()},
            "by_lang": {level: {k: s.to_dict() for k, s in sorted(d.items())} for level, d in self.by_lang.items()},
            "misses": self.misses, "false_events": self.false_events,
        }

    def format_text(self, max_errors: int = 20) -> str:
        """A readable table: overall, per language, per root (full level), then the first errors."""
        out = [f"{self.sentences} sentences, {self.expected_events} expected events, "
               f"{self.coded_events} coded events", "", _table("overall", self.overall)]
        langs = sorted(self.by_lang["full"])
        for lang in langs:
            out.append(_table(f"lang {lang}", {lv: self.by_lang[lv].get(lang, Scores()) for lv in LEVELS}))
        out += ["", f"{'root':<8}{'gold':>5}  {'root P/R/F1':<20}{'full P/R/F1':<20}  (gold = expected events)"]
        for root in sorted(set(self.by_root["root"]) | set(self.by_root["full"])):
            r, f = self.by_root["root"].get(root, Scores()), self.by_root["full"].get(root, Scores())
            out.append(f"{root:<8}{r.tp + r.fn:>5}  {_prf(r):<20}{_prf(f):<20}")
        for title, items in (("misses (expected, not coded)", self.misses),
                             ("false events (coded, not expected)", self.false_events)):
            out += ["", f"{title}: {len(items)}"]
            for item in items[:max_errors]:
                hint = " [root-level match]" if item["root_match"] else ""
                out.append(f"  {item['doc_id']} ({item['lang']}): {item['source']} -{item['code']}-> "
                           f"{item['target']}{hint} | {item['sentence'][:90]}")
            if len(items) > max_errors:
                out.append(f"  ... {len(items) - max_errors} more (see --json)")
        return "\n".join(out)


def _prf(s: Scores) -> str:
    return f"{s.precision:.2f}/{s.recall:.2f}/{s.f1:.2f}"


def _table(title: str, scores: Mapping[str, Scores]) -> str:
    cells = "  ".join(f"{level} P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f}" for level, s in scores.items())
    return f"{title:<10} {cells}"


# ------------------------------------------------------------------------------------------------ reading


def gold_record(raw: Mapping[str, Any], where: str = "gold record") -> GoldRecord:
    """Validate one gold dict (input-document fields + "events") and freeze it; errors name `where`."""
    for name in ("id", "text", "events"):
        if name not in raw:
            raise ValueError(f"{where}: missing field {name!r}")
    if not isinstance(raw["text"], str) or not raw["text"].strip():
        raise ValueError(f"{where}: 'text' must be a non-empty string")
    if not isinstance(raw["events"], list):
        raise ValueError(f"{where}: 'events' must be a list")
    events = []
    for index, event in enumerate(raw["events"]):
        if not isinstance(event, Mapping) or not all(isinstance(event.get(k), str) and event.get(k)
                                                     for k in ("source", "target", "code")):
            raise ValueError(f"{where}: event {index} needs string source, target and code: {event!r}")
        if not _CODE.match(event["code"]):
            raise ValueError(f"{where}: event {index} code {event['code']!r} is not a CAMEO code string "
                             "(2-4 digits, leading zeros kept)")
        events.append((event["source"], event["target"], event["code"]))
    return GoldRecord(id=str(raw["id"]), text=raw["text"], lang=raw.get("lang"), date=raw.get("date"),
                      events=tuple(events))


def read_gold(path: str | Path) -> list[GoldRecord]:
    """Read a gold JSONL file (one sentence per line); blank lines are allowed, duplicate ids are not."""
    path = Path(path)
    records: list[GoldRecord] = []
    seen: set[str] = set()
    for where, raw in json_objects(path):
        record = gold_record(raw, where)
        if record.id in seen:
            raise ValueError(f"{where}: duplicate id {record.id!r}")
        seen.add(record.id)
        records.append(record)
    return records


# ------------------------------------------------------------------------------------------------ scoring


def _field(event: Any, name: str) -> Any:
    return event.get(name) if isinstance(event, Mapping) else getattr(event, name, None)


def _root_key(source: str, target: str, code: str) -> tuple[str, str, str]:
    return (source[:3], target[:3], code[:2])


def score(gold_records: Iterable[GoldRecord | Mapping[str, Any]], coded_events: Iterable[Any]) -> EvaluationReport:
    """Score coded events (dicts or Event objects with doc_id, source, target, code) against gold records."""
    gold = [g if isinstance(g, GoldRecord) else gold_record(g) for g in gold_records]
    by_id = {g.id: g for g in gold}
    if len(by_id) != len(gold):
        raise ValueError("gold records have duplicate ids")
    coded: dict[str, list[tuple[str, str, str]]] = {g.id: [] for g in gold}
    n_coded = 0
    for event in coded_events:
        doc_id = _field(event, "doc_id")
        if doc_id not in by_id:
            raise ValueError(f"coded event for doc_id {doc_id!r}, which is not in the gold set")
        parts = tuple(_field(event, name) for name in ("source", "target", "code"))
        if not all(isinstance(p, str) and p for p in parts):
            raise ValueError(f"coded event for {doc_id!r} lacks string source/target/code: {parts}")
        coded[str(doc_id)].append(parts)  # type: ignore[arg-type]
        n_coded += 1

    overall = {level: Scores() for level in LEVELS}
    by_root: dict[str, dict[str, Scores]] = {level: {} for level in ("root", "full")}
    by_lang: dict[str, dict[str, Scores]] = {level: {} for level in LEVELS}
    misses: list[dict[str, Any]] = []
    false_events: list[dict[str, Any]] = []

    for record in gold:
        lang = record.lang or "unknown"
        got = coded[record.id]
        expected_any, coded_any = bool(record.events), bool(got)
        presence = {"tp": int(expected_any and coded_any), "fp": int(coded_any and not expected_any),
                    "fn": int(expected_any and not coded_any)}
        overall["event"].add(**presence)
        by_lang["event"].setdefault(lang, Scores()).add(**presence)

        for level, key in (("root", lambda t: _root_key(*t)), ("full", lambda t: t)):
            want, have = Counter(map(key, record.events)), Counter(map(key, got))
            for k in want | have:
                tp = min(want[k], have[k])
                counts = {"tp": tp, "fp": have[k] - tp, "fn": want[k] - tp}
                overall[level].add(**counts)
                by_lang[level].setdefault(lang, Scores()).add(**counts)
                by_root[level].setdefault(k[2][:2], Scores()).add(**counts)

        misses += _errors(record, Counter(record.events), Counter(got))
        false_events += _errors(record, Counter(got), Counter(record.events))

    return EvaluationReport(overall=overall, by_root=by_root, by_lang=by_lang, misses=misses,
                            false_events=false_events, sentences=len(gold),
                            expected_events=sum(len(g.events) for g in gold), coded_events=n_coded)


def _errors(record: GoldRecord, these: Counter, others: Counter) -> list[dict[str, Any]]:
    """Events in `these` without an exact partner in `others`. `root_match` marks those still paired at
    the root level (same countries and root, different detail), so a reader sees near misses at a glance."""
    spare: Counter = Counter()  # root-level pairs not already used by exact pairs
    for key in {_root_key(*t) for t in these}:
        root_pairs = min(sum(n for t, n in these.items() if _root_key(*t) == key),
                         sum(n for t, n in others.items() if _root_key(*t) == key))
        exact_pairs = sum(min(n, others[t]) for t, n in these.items() if _root_key(*t) == key)
        spare[key] = root_pairs - exact_pairs
    out = []
    for triple, n in sorted((these - others).items()):
        for _ in range(n):
            key = _root_key(*triple)
            root_match = spare[key] > 0
            spare[key] -= root_match
            source, target, code = triple
            out.append({"doc_id": record.id, "lang": record.lang, "source": source, "target": target,
                        "code": code, "root_match": root_match, "sentence": record.text})
    return out


def evaluate_records(gold: Iterable[GoldRecord], coder: Any) -> EvaluationReport:
    """Code each gold sentence with `coder.code_text(text, lang=, date=, doc_id=)` and score the result."""
    gold = list(gold)
    events: list[Any] = []
    for record in gold:
        for event in coder.code_text(record.text, lang=record.lang, date=record.date, doc_id=record.id):
            events.append(event)
    return score(gold, events)


def evaluate_file(gold_path: str | Path, coder: Any) -> EvaluationReport:
    """Read a gold JSONL file, code its sentences with `coder`, and score: the CLI's `evaluate` in one call."""
    return evaluate_records(read_gold(gold_path), coder)
