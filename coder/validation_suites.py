"""Readers for the peer coders' validation suites (PETRARCH, TABARI) and a runner that checks a coder on them.

The suites are the closest thing the field has to regression tests: stylised sentences, each with the events
its coder must produce. Reading them lets us state, record by record, where we agree with PETRARCH/TABARI
and where we deliberately code differently (marked with a reason, never silently skipped).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date as _date
from pathlib import Path

import defusedxml.ElementTree as DefusedET

Triple = tuple[str, str, str]

SUITE_DIR = Path(__file__).resolve().parent.parent / "validation"
PETRARCH_SUITE = SUITE_DIR / "petrarch" / "PETR.UnitTest.records.xml"
TABARI_SUITE = SUITE_DIR / "tabari" / "Validate.text"


@dataclass
class SuiteRecord:
    """One validation sentence with the events its suite expects.

    `outcome` says why `expected` is what it is: "events"; "none" (the suite says no event); "complex" (TABARI
    `{+++}`: rejected as too complex); "discard" (TABARI `{###}`, discard dictionary); "error:<kind>"
    (PETRARCH `<EventCoding error=...>`); "unspecified" (the suite gives no usable expectation).
    `valid` is False where the suite itself does not expect its coder to pass (PETRARCH valid="false" or a
    category outside <Include>, TABARI records after FINAL-01 or without an expectation).
    `config` holds the suite options in force for this record (PETRARCH <Config>, TABARI OPTION records).
    """

    id: str
    date: str | None
    text: str
    expected: list[Triple]
    notes: str = ""
    suite: str = ""
    category: str = ""
    valid: bool = True
    outcome: str = "events"
    config: dict[str, str] = field(default_factory=dict)
    parse: str = ""


class SuiteFormatError(ValueError):
    """A suite file could not be read; the message names the file and the place."""


def _squash(text: str | None) -> str:
    return " ".join((text or "").split())


def _suite_text(text: str | None) -> str:
    """A record's text as the suites mean it: an underscore between letters joins the words of a name
    ("the Prince of Dol_Amroth"), as in their dictionaries, so it reads as a space."""
    return _squash(re.sub(r"(?<=[A-Za-z])_(?=[A-Za-z])", " ", text or ""))


def _iso_date(raw: str) -> str | None:
    """YYMMDD (TABARI, pivot 1950) or YYYYMMDD -> ISO date; None when not a real date."""
    raw = raw.strip()
    try:
        if len(raw) == 6 and raw.isdigit():
            yy = int(raw[:2])
            return _date(2000 + yy if yy < 50 else 1900 + yy, int(raw[2:4]), int(raw[4:6])).isoformat()
        if len(raw) == 8 and raw.isdigit():
            return _date(int(raw[:4]), int(raw[4:6]), int(raw[6:8])).isoformat()
    except ValueError:
        return None
    return None


def _unique_id(raw: str, seen: dict[str, int]) -> str:
    """Suites repeat a few ids (TABARI VERBEND-04b twice); suffix repeats so ids can key deviation maps."""
    seen[raw] = seen.get(raw, 0) + 1
    return raw if seen[raw] == 1 else f"{raw}#{seen[raw]}"


# --------------------------------------------------------------------------------------------- PETRARCH


def read_petrarch_suite(path: str | Path = PETRARCH_SUITE) -> list[SuiteRecord]:
    """Read PETRARCH's unit-test XML (`PETR.UnitTest.records.xml`) into records, in file order."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"PETRARCH suite not found: {path}")
    parser = DefusedET.DefusedXMLParser(target=ET.TreeBuilder(insert_comments=True))
    try:
        root = DefusedET.parse(str(path), parser=parser).getroot()
    except ET.ParseError as err:
        raise SuiteFormatError(f"{path}: not well-formed XML: {err}") from err
    sentences = root.find("Sentences")
    if sentences is None:
        raise SuiteFormatError(f"{path}: no <Sentences> element")

    config: dict[str, str] = {}
    environment = root.find("Environment")
    include: set[str] = set()
    if environment is not None:
        for option in environment.findall("Config"):
            config[option.get("option", "")] = option.get("value", "")
        include = set((environment.findtext("Include") or "").split())

    records: list[SuiteRecord] = []
    seen: dict[str, int] = {}
    for element in sentences:
        if element.tag == "Config":
            config[element.get("option", "")] = element.get("value", "")
        elif element.tag == "Sentence":
            records.append(_petrarch_record(element, dict(config), include, seen, path))
    return records


def _petrarch_record(element, config: dict[str, str], include: set[str], seen: dict[str, int],
                     path: Path) -> SuiteRecord:
    raw_id = element.get("id")
    if not raw_id:
        raise SuiteFormatError(f"{path}: <Sentence> without id after {len(seen)} records")
    notes = [_squash(child.text) for child in element if child.tag is ET.Comment]
    expected: list[Triple] = []
    outcome = "events"
    for coding in element.findall("EventCoding"):
        if coding.get("error"):
            outcome = f"error:{coding.get('error')}"
        elif (coding.get("noevents") or "").lower() == "true":
            outcome = "none"
        else:
            triple = tuple(coding.get(name, "").strip() for name in ("sourcecode", "targetcode", "eventcode"))
            if not all(triple):
                raise SuiteFormatError(f"{path}: record {raw_id}: incomplete <EventCoding {coding.attrib}>")
            expected.append(triple)  # type: ignore[arg-type]
    if outcome == "events" and not expected:
        outcome = "unspecified"
    category = element.get("category", "")
    valid = (element.get("valid", "true").lower() == "true") and outcome != "unspecified"
    if include and category not in include:
        valid = False
        notes.append(f"category {category} is not in the suite's <Include> list: PETRARCH does not run it")
    if element.get("place"):
        notes.append(f"place={element.get('place')}")
    return SuiteRecord(
        id=_unique_id(raw_id.strip(), seen), date=_iso_date(element.get("date", "")),
        text=_suite_text(element.findtext("Text")), expected=expected, notes=" | ".join(n for n in notes if n),
        suite="petrarch", category=category, valid=valid, outcome=outcome, config=config,
        parse=(element.findtext("Parse") or "").strip(),
    )


# ----------------------------------------------------------------------------------------------- TABARI

_HEADER = re.compile(r"^(\d{6,9})\s+(\S+)(?:\s+(.*\S))?\s*$")
_BRACES = re.compile(r"(-?)\{([^{}]*)\}")
_OPEN_OPTION = re.compile(r"\{\s*(OPTION:[^{}]*)$", re.S)
_MARKERS = {"---": "none", "+++": "complex", "###": "discard"}
TABARI_DEFAULTS = {"MINIMUM WORDS": "8"}  # TABARI's own default: shorter sentences are not coded


def read_tabari_suite(path: str | Path = TABARI_SUITE, options_path: str | Path | None = None) -> list[SuiteRecord]:
    """Read TABARI's `Validate.text` into records, in file order.

    Layout: a header line `YYMMDD  ID [extra]` after a blank or `#` line, the text, then a `/* ... */`
    comment holding `{ SRC / TGT / CODE } [date]` expectations, `{---}` (no event), `{+++}` (complex),
    `{###}` (discard), `-{...}` (disabled expectation) or `{ OPTION: ... }` (an options change, not a test).
    Everything after FINAL-01 needs other settings or crashed TABARI: those records get valid=False.
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"TABARI suite not found: {path}")
    lines = path.read_text(encoding="latin-1").splitlines()
    options_file = Path(options_path) if options_path else path.with_name("Validate.options")
    config = dict(TABARI_DEFAULTS)
    config.update(_read_tabari_options(options_file) if options_file.is_file() else {})

    blocks = _tabari_blocks(lines)
    if not blocks:
        raise SuiteFormatError(f"{path}: no records found (expected header lines like '950101  DEMO-01')")
    records: list[SuiteRecord] = []
    seen: dict[str, int] = {}
    after_final = False
    for line_no, header, body in blocks:
        record = _tabari_record(line_no, header, body, config, seen, after_final, path)
        if record is None:
            continue
        if record.id == "FINAL-01":
            after_final = True
            continue
        records.append(record)
    return records


def _tabari_blocks(lines: list[str]) -> list[tuple[int, re.Match, list[str]]]:
    """Split the file into (line number, header match, body lines); the session log before the first `#`
    banner is skipped."""
    start = next((i for i, line in enumerate(lines) if line.startswith("#")), len(lines))
    blocks: list[tuple[int, re.Match, list[str]]] = []
    previous = ""
    for index in range(start, len(lines)):
        line = lines[index]
        match = _HEADER.match(line)
        # A header after a blank line always opens a record, even inside an unclosed comment: two records
        # (COMPOUND-06, DEFAULT-06b) end their comment with a typo and would otherwise swallow the next one.
        if match and (not previous.strip() or previous.startswith("#")):
            blocks.append((index + 1, match, []))
        elif line.startswith("#"):
            pass  # section banner
        elif blocks:
            blocks[-1][2].append(line)
        previous = line
    return blocks


def _read_tabari_options(path: Path) -> dict[str, str]:
    config: dict[str, str] = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        line = line.strip()
        if ":" in line and not line.startswith("//") and not line.startswith("LABEL:"):
            _apply_option(config, line)
    return config


def _apply_option(config: dict[str, str], option: str) -> None:
    """`SET: TIME SHIFT = FALSE` -> config["TIME SHIFT"] = "FALSE"; `DEFAULT: OFF` -> config["DEFAULT"];
    `SET: CODE ALL` -> config["CODE"] = "ALL" (one setting: CODE BY CLAUSE / BY SENTENCE / ALL)."""
    command, _, rest = option.partition(":")
    command, rest = command.strip().upper(), " ".join(rest.split())
    if command == "SET" and rest.upper().startswith("CODE "):  # CODE BY CLAUSE / CODE BY SENTENCE / CODE ALL
        config["CODE"] = rest[len("CODE "):].upper()
    elif command == "SET" and "=" in rest:
        key, _, value = rest.partition("=")
        config[key.strip()] = value.strip()
    elif command == "SET":
        config[rest] = "TRUE"
    else:
        config[command] = rest


_STRAY_EXPECTATION = re.compile(r"((?:(?:\s|\\n)*\{[^{}]*/[^{}]*/[^{}]*\})+)(?:\s|\\n)*\*/")


def _first_comment(after_open: str) -> str:
    """The comment's text up to its close; expectations right after the close that end in a second `*/`
    still belong to it (AGENTS-11 closes its comment after the first of its two expectations, PATTERN-26
    after two of its four)."""
    parts = re.split(r"(\*/|/\*)", after_open, maxsplit=1)
    comment = parts[0]
    if len(parts) == 3 and parts[1] == "*/":
        stray = _STRAY_EXPECTATION.match(parts[2])
        if stray:
            comment += " " + stray.group(1)
    return comment


def _tabari_record(line_no: int, header: re.Match, body: list[str], config: dict[str, str],
                   seen: dict[str, int], after_final: bool, path: Path) -> SuiteRecord | None:
    raw_date, raw_id, extra = header.group(1), header.group(2), header.group(3) or ""
    if raw_id == raw_date and extra:  # "950101  950101  AGENTS-11"
        raw_id, _, extra = extra.partition(" ")
    joined = "\n".join(body)
    text_part, opened, comment = joined.partition("/*")
    comment = _first_comment(comment) if opened else ""

    expected: list[Triple] = []
    markers: list[str] = []
    options: list[str] = []
    notes: list[str] = []
    for negated, inner in _BRACES.findall(comment):
        inner = " ".join(inner.split())
        if inner.upper().startswith("OPTION:"):
            options.append(inner[len("OPTION:"):].strip())
        elif negated:
            notes.append(f"disabled expectation -{{{inner}}}")
        elif not inner:
            continue  # "{}" in START-00's prose
        elif inner in _MARKERS:
            markers.append(_MARKERS[inner])
        elif inner.count("/") == 2:
            expected.append(tuple(part.strip() for part in inner.split("/")))  # type: ignore[arg-type]
        else:
            notes.append(f"unrecognised expectation {{{inner}}}")
    open_option = _OPEN_OPTION.search(comment)
    if open_option:  # "{ OPTION: SET: MINIMUM WORDS = 8  */": closing brace missing in the suite
        options.append(" ".join(open_option.group(1)[len("OPTION:"):].split()))
    for option in options:
        _apply_option(config, option)
    if options and not expected and not markers:
        return None  # an options-change record, not a test sentence

    if expected:
        outcome = "events"
        if markers:
            notes.append(f"also marked {', '.join(markers)}; the listed events are taken as expected")
    elif markers:
        outcome = markers[0]
    else:
        outcome = "unspecified"
    valid = not after_final and outcome != "unspecified"
    if after_final:
        notes.append("after FINAL-01: needs other options or crashed TABARI")
    if extra:
        notes.append(f"header: {extra}")
    date = _iso_date(raw_date)
    if date is None and len(raw_date) == 7:  # "9501201": TABARI reads a fixed-width YYMMDD field
        date = _iso_date(raw_date[:6])
        notes.append(f"date {raw_date!r} read as its first six digits, as TABARI does")
    if date is None:
        notes.append(f"unparsable date {raw_date!r}")
    comment_text = " ".join(comment.replace("\\n", " ").split())
    comment_text = comment_text.strip("-").strip()
    if comment_text:
        notes.insert(0, comment_text)
    return SuiteRecord(
        id=_unique_id(raw_id, seen), date=date, text=_suite_text(text_part), expected=expected,
        notes=" | ".join(notes), suite="tabari", category=raw_id.split("-")[0], valid=valid,
        outcome=outcome, config=dict(config), parse="",
    )


# -------------------------------------------------------------------------------------------- running

@dataclass
class SuiteResult:
    """How the coder did on one record. `deviation` is our documented reason for coding it differently."""

    record: SuiteRecord
    coded: list[Triple]
    passed: bool
    deviation: str | None = None
    error: str | None = None

    def to_dict(self) -> dict:
        return {
            "id": self.record.id, "text": self.record.text, "valid": self.record.valid,
            "outcome": self.record.outcome, "expected": [list(t) for t in sorted(set(self.record.expected))],
            "coded": [list(t) for t in self.coded], "passed": self.passed, "deviation": self.deviation,
            "error": self.error,
        }


@dataclass
class SuiteReport:
    """Per-record results and totals. Totals split out records the suite marks invalid and our deviations."""

    results: list[SuiteResult]

    def totals(self) -> dict[str, int]:
        counted = [r for r in self.results if r.record.valid and r.deviation is None]
        return {
            "records": len(self.results),
            "checked": len(counted),
            "passed": sum(r.passed for r in counted),
            "failed": sum(not r.passed for r in counted),
            "deviations": sum(r.deviation is not None for r in self.results),
            "invalid": sum(not r.record.valid and r.deviation is None for r in self.results),
            "errors": sum(r.error is not None for r in self.results),
            "passed_all": sum(r.passed for r in self.results),
        }

    @property
    def failures(self) -> list[SuiteResult]:
        """Checked records (valid, no documented deviation) that failed: the regressions to look at."""
        return [r for r in self.results if r.record.valid and r.deviation is None and not r.passed]

    def to_dict(self) -> dict:
        return {"totals": self.totals(), "results": [r.to_dict() for r in self.results]}

    def format_text(self, show: str = "failures") -> str:
        """Readable summary; `show` is "failures", "all" or "none"."""
        t = self.totals()
        rate = t["passed"] / t["checked"] if t["checked"] else 0.0
        lines = [
            f"records {t['records']}: checked {t['checked']}, passed {t['passed']} ({rate:.1%}), "
            f"failed {t['failed']}; documented deviations {t['deviations']}; marked invalid by the suite "
            f"{t['invalid']}; coder errors {t['errors']}",
        ]
        chosen = {"all": self.results, "failures": self.failures, "none": []}.get(show)
        if chosen is None:
            raise ValueError(f"show must be 'failures', 'all' or 'none', not {show!r}")
        for result in chosen:
            status = "PASS" if result.passed else "FAIL"
            if result.deviation:
                status += f" (deviation: {result.deviation})"
            elif not result.record.valid:
                status += " (invalid in suite)"
            lines.append(f"{status:<6} {result.record.id}: {result.record.text[:100]}")
            lines.append(f"       expected {_fmt(sorted(set(result.record.expected)))} [{result.record.outcome}]")
            lines.append(f"       coded    {_fmt(result.coded)}")
            if result.error:
                lines.append(f"       error    {result.error}")
        return "\n".join(lines)


def _fmt(triples: Iterable[Triple]) -> str:
    items = [f"{s} -{c}-> {t}" for s, t, c in triples]
    return ", ".join(items) if items else "(none)"


def run_suite(records: Iterable[SuiteRecord], code_fn: Callable[[SuiteRecord], Iterable[Triple]],
              deviations: Mapping[str, str] | None = None) -> SuiteReport:
    """Code every record with `code_fn(record) -> [(source, target, code), ...]` and compare sets.

    A record passes when the set of coded triples equals the set of expected ones. `deviations` maps record
    id -> reason for records we knowingly code differently: they are still run and shown, but kept out of
    the pass/fail totals. An exception from `code_fn` fails that record and is reported with it.
    """
    deviations = dict(deviations or {})
    records = list(records)
    unknown = sorted(set(deviations) - {r.id for r in records})
    if unknown:
        raise ValueError(f"deviation ids not in the suite: {', '.join(unknown)}")
    results = []
    for record in records:
        error = None
        try:
            coded = sorted({tuple(str(part) for part in triple) for triple in code_fn(record)})
        except Exception as err:  # noqa: BLE001 - one bad record must not hide the rest of the report
            coded, error = [], f"{type(err).__name__}: {err}"
        bad = [t for t in coded if len(t) != 3]
        if bad:
            raise ValueError(f"code_fn returned non-triples for record {record.id}: {bad[:3]}")
        passed = error is None and set(coded) == set(record.expected)
        results.append(SuiteResult(record, coded, passed, deviations.get(record.id), error))  # type: ignore[arg-type]
    return SuiteReport(results)


def load_suite(name: str) -> list[SuiteRecord]:
    """The packaged suites by name: "petrarch" or "tabari"."""
    readers = {"petrarch": read_petrarch_suite, "tabari": read_tabari_suite}
    if name not in readers:
        raise ValueError(f"unknown suite {name!r}; choose from {', '.join(readers)}")
    return readers[name]()
