"""Phoenix/TABARI actor dictionaries -> `actors:` YAML (names per language, undated and dated codes).

Source format (one entry per block):

    HAMID_KARZAI_  # CountryInfo.txt          name line: starts an entry; `_` joins words
    +KARZAI_                                   synonym
        [AFGELI 750101-000101]                 dated code: YYMMDD or YYYYMMDD, `a-b`, `>a`, `<b`
        [AFGGOV >011222]
        [AFGELI]                               undated code: the code outside every range

Dates: six-digit years 00-30 are 2000-2030, 31-99 are 1931-1999 (the source was generated in 2014 and has
no six-digit year between 15 and 30; births before 1931 are written with eight digits). A range `a-b` holds
from a (inclusive) to b (exclusive, so consecutive offices chain); `>a` from a on; `<b` before b.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date as Date
from pathlib import Path

from coder.importers import english
from coder.importers.report import ImportReport
from coder.importers.tabari import is_common_single_word, numbered, phrase_words, read_lines, readable_name
from coder.importers.yamlout import flow_list, flow_map

CODE = re.compile(r"^(?:[A-Z0-9]{3})+$")  # as the loader: groups of three capitals/digits
NULL_CODE = "---"  # TABARI/PETRARCH: no actor; dated (`[--- <950630]`), the name is no actor in that range
PIVOT = 30  # six-digit years <= PIVOT are 20YY
# Names news always capitalises although the lower-case word is common too ("Polish troops", "Google").
KEEP_COMMON = {"polish", "google"}


@dataclass
class Dated:
    code: str
    start: str | None
    end: str | None

    def as_map(self) -> dict[str, str]:
        out = {"code": self.code}
        if self.start:
            out["from"] = self.start
        if self.end:
            out["to"] = self.end
        return out


@dataclass
class ActorRecord:
    """One source entry, as read."""

    file: str
    line: int
    names: list[tuple[str, int]] = field(default_factory=list)  # (source text, line)
    codes: list[tuple[str, int]] = field(default_factory=list)  # (text inside [...], line)
    nameless: bool = False
    # filled by `resolve_codes`
    code: str | None = None
    dated: list[Dated] = field(default_factory=list)
    out_names: list[str] = field(default_factory=list)

    @property
    def is_country(self) -> bool:
        """A country-level entry (`AFGHANISTAN_ [AFG]`): its own name is never filtered as generic."""
        return self.file.startswith("Phoenix.Countries") and len(self.codes) == 1 and \
            CODE.match(self.codes[0][0].strip() or "-") is not None and len(self.codes[0][0].strip()) == 3

    def spec(self) -> tuple:
        return (self.code, tuple((d.code, d.start, d.end) for d in self.dated))


def parse_actor_file(path: Path, report: ImportReport) -> list[ActorRecord]:
    """Entries of one actor file, in file order (codes still as text)."""
    name = path.name
    records: list[ActorRecord] = []
    current: ActorRecord | None = None
    for number, raw in numbered(read_lines(path)):
        if re.match(r"^\s+#\s*CountryInfo", raw):
            # The generator wrote "<name>  # CountryInfo.txt"; an indented comment means the name was empty.
            current = ActorRecord(name, number, nameless=True)
            records.append(current)
            continue
        content = raw.split("#", 1)[0]
        if not content.strip():
            continue
        stripped = content.strip()
        codes = re.findall(r"\[([^\]]*)\]", stripped)
        text = re.sub(r"\[[^\]]*\]", " ", stripped).strip()
        if stripped.count("[") != len(codes) or stripped.count("]") != len(codes):
            report.reject(name, number, "unbalanced brackets", stripped)
            continue
        if stripped.startswith("+"):
            if current is None:
                report.reject(name, number, "synonym before any entry", stripped)
                continue
            text = text[1:].strip()
        elif text:
            # A name line. TABARI lets consecutive names share the codes that follow them, so a name
            # line right after an entry that has no code yet joins that entry.
            if current is not None and not current.codes and not current.nameless:
                report.lossy(name, number, "name without code takes the codes that follow (TABARI)",
                             text, f"joined to '{current.names[0][0]}' (line {current.line})")
            else:
                current = ActorRecord(name, number)
                records.append(current)
        elif current is None:
            report.reject(name, number, "code before any entry", stripped)
            continue
        if text:
            current.names.append((text, number))
        current.codes.extend((code, number) for code in codes)
    report.read[name] += len(records)
    return records


def parse_date(text: str) -> str | None:
    """YYMMDD or YYYYMMDD -> YYYY-MM-DD; None when it is not a real date."""
    if len(text) == 6:
        year = int(text[:2])
        year += 2000 if year <= PIVOT else 1900
        month, day = int(text[2:4]), int(text[4:6])
    elif len(text) == 8:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    else:
        return None
    try:
        return Date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_code(spec: str) -> tuple[str, str | None, str | None, bool] | str:
    """`RUSGOV 991231-080507` -> (code, from, to, dated); an error message when it cannot be read."""
    match = re.match(r"^\s*([A-Z0-9~-]+)\s*(.*?)\s*$", spec)
    if not match:
        return "malformed code"
    code, rest = match.groups()
    if code == NULL_CODE and not rest:
        return "null code [---]"
    if code != NULL_CODE and not CODE.match(code):
        return "not a CAMEO actor code (groups of three capitals/digits)"
    if not rest:
        return code, None, None, False
    if m := re.fullmatch(r">\s*(\d+)", rest):
        start, end = parse_date(m.group(1)), None
        ok = start is not None
    elif m := re.fullmatch(r"<\s*(\d+)", rest):
        start, end = None, parse_date(m.group(1))
        ok = end is not None
    elif m := re.fullmatch(r"(\d+)\s*-\s*(\d+)", rest):
        start, end = parse_date(m.group(1)), parse_date(m.group(2))
        ok = start is not None and end is not None
        if ok and start >= end:
            return "date range does not end after it starts"
    else:
        return "malformed date"
    if not ok:
        return "malformed date"
    return code, start, end, True


def resolve_codes(record: ActorRecord, report: ImportReport) -> bool:
    """Fill `code` and `dated`; False when the entry has no usable code at all."""
    first = record.names[0][0] if record.names else "(no name)"
    undated: list[str] = []
    null_default = False
    for spec, number in record.codes:
        parsed = parse_code(spec)
        if isinstance(parsed, str):
            if parsed == "null code [---]":
                null_default = True
                continue
            report.reject(record.file, number, parsed, f"{first} [{spec}]")
            continue
        code, start, end, is_dated = parsed
        if is_dated:
            record.dated.append(Dated(code, start, end))
        else:
            undated.append(code)
    for extra in undated[1:]:
        if extra != undated[0]:
            report.lossy(record.file, record.line, "second undated code ignored", f"{first} [{extra}]",
                         f"kept [{undated[0]}]")
    if undated:
        record.code = undated[0]
    elif any(d.code != NULL_CODE for d in record.dated):
        # The loader needs a code outside the ranges; the source gives none (or [---]). Take the code of the
        # latest range: what the person was last known as.
        latest = max((d for d in record.dated if d.code != NULL_CODE), key=lambda d: (d.start or "", d.end or "9999"))
        record.code = latest.code
        if null_default:
            reason = "[---] outside dated ranges: latest range's code used"
        elif len({d.code for d in record.dated}) == 1:
            reason = "no undated code: the one dated code used"
        else:
            reason = "no undated code: latest range's code used"
        report.lossy(record.file, record.line, reason, first, f"undated code {latest.code}")
    else:
        reason = "only the null code [---]" if null_default or record.dated else "no valid code"
        report.reject(record.file, record.line, reason, first)
        return False
    for i, a in enumerate(record.dated):
        for b in record.dated[i + 1:]:
            if a.code != b.code and (a.start or "") < (b.end or "9999") and (b.start or "") < (a.end or "9999"):
                report.lossy(record.file, record.line, "overlapping date ranges with different codes", first,
                             f"{a.code} {a.start}..{a.end} listed first wins over {b.code} {b.start}..{b.end}")
    return True


def clean_name(raw: str, record: ActorRecord, index: int, number: int, report: ImportReport) -> str | None:
    """A source name as a readable phrase, or None (reported) when it is unusable or too generic."""
    text = raw.strip()
    if "+" in text:
        report.reject(record.file, number, "'+' inside a name (two names run together?)", text)
        return None
    if "(" in text or ")" in text:
        without = re.sub(r"\([^)]*\)", " ", text).replace("(", " ").replace(")", " ")
        report.lossy(record.file, number, "parenthesised part of a name removed", text)
        text = without
    words = phrase_words(text)
    if not words or not any(c.isalpha() for c in "".join(words)):
        report.reject(record.file, number, "name has no letters", raw)
        return None
    name = readable_name(words)
    if len(name.replace(".", "").replace(" ", "")) < 2:
        report.reject(record.file, number, "name too short", raw)
        return None
    if is_common_single_word(name) and name.lower() not in KEEP_COMMON and not (record.is_country and index == 0):
        if len(name) <= 5:
            report.lossy(record.file, number, "common word kept as exact-capitals acronym", raw,
                         f"written {name.upper()}: matches only that capitalised word")
            return name.upper()
        report.reject(record.file, number, "generic name: a common English word", raw)
        return None
    return name


def convert_actors(records: list[ActorRecord], report: ImportReport, seen: dict) -> list[ActorRecord]:
    """Resolve codes and names of all records (in order); `seen` maps name keys to the record that owns them."""
    kept = []
    for record in records:
        if record.nameless:
            codes = " ".join(f"[{c}]" for c, _ in record.codes)
            report.reject(record.file, record.line, "codes without a name", codes or "(nothing)")
            continue
        if not record.names:
            report.reject(record.file, record.line, "entry without a name", "")
            continue
        if not record.codes:
            report.reject(record.file, record.line, "entry without a code", record.names[0][0])
            continue
        if not resolve_codes(record, report):
            continue
        lost = 0
        for index, (raw, number) in enumerate(record.names):
            name = clean_name(raw, record, index, number, report)
            if name is None:
                lost += 1
                continue
            keys = english.actor_keys(name)
            if not keys:
                report.reject(record.file, number, "name has no words", raw)
                lost += 1
                continue
            owner = seen.get(keys)
            if owner is None:
                seen[keys] = record
                record.out_names.append(name)
            elif owner is record or owner.spec() == record.spec():
                report.count("actor names repeated with the same code (written once)")
            else:
                lost += 1
                report.reject(record.file, number, "same name, different code", name,
                              f"kept {describe(owner)} from {owner.file}:{owner.line}; "
                              f"this entry: {describe(record)}")
        if record.out_names:
            kept.append(record)
            report.converted[record.file] += 1
        elif lost:
            report.reject(record.file, record.line, "no usable name left", record.names[0][0])
        else:
            report.count("actor entries that only repeat earlier entries (written once)")
    return kept


def describe(record: ActorRecord) -> str:
    """`RUSELI, RUSGOV 1999-12-31..2008-05-07`: the code spec of an entry, for conflict messages."""
    ranges = [f"{d.code} {d.start or ''}..{d.end or ''}" for d in record.dated]
    return ", ".join([str(record.code), *ranges])


def actor_yaml(records: list[ActorRecord]) -> str:
    lines = ["layer: base", "actors:"]
    for record in records:
        lines.append(f"  - code: {record.code}")
        if record.dated:
            lines.append("    dated:")
            lines += [f"      - {flow_map(d.as_map())}" for d in record.dated]
        lines.append(f"    names: {{en: {flow_list(record.out_names)}}}")
    return "\n".join(lines) + "\n"
