"""GDELT 2.0 event table output: the 61 columns of a GDELT events export, tab-separated.

What we know is filled in: dates, actor codes split into GDELT's country/group/ethnic/religion/type
columns, CAMEO codes (as strings: "0872", base "087", root "08"), QuadClass, GoldsteinScale, IsRootEvent
(the event is in the story's first sentence), one mention/source/article, and SOURCEURL (the event's `url`,
else its doc_id). Names, tone and geography are left empty. Like GDELT's own files there is no header row
unless asked for.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from coder.events import UNKNOWN_ACTOR
from coder.io.atomic import EventWriter

DATA = Path(__file__).with_name("data")


@lru_cache(maxsize=1)
def gdelt_columns() -> tuple[str, ...]:
    """The 61 GDELT 2.0 event column names, in file order."""
    spec = yaml.safe_load((DATA / "gdelt_columns.yaml").read_text(encoding="utf-8"))
    return tuple(column["name"] for column in spec["columns"])


@lru_cache(maxsize=1)
def actor_code_parts() -> dict[str, frozenset[str]]:
    """CAMEO 3-letter code sets by class: countries, known_groups, ethnic, religions, types."""
    spec = yaml.safe_load((DATA / "cameo_actor_codes.yaml").read_text(encoding="utf-8"))
    return {name: frozenset(str(code) for code in codes) for name, codes in spec.items()}


def split_actor(code: str | None) -> dict[str, str]:
    """`USAGOV` -> country USA, type1 GOV; `IGOUNO` -> type1 IGO, known group UNO; `---MIL` -> type1 MIL.

    A code is read in 3-letter groups; only the first group can be the country.
    """
    parts = {"CountryCode": "", "KnownGroupCode": "", "EthnicCode": "", "Religion1Code": "",
             "Religion2Code": "", "Type1Code": "", "Type2Code": "", "Type3Code": ""}
    if not code or code == UNKNOWN_ACTOR:
        return parts
    classes = actor_code_parts()
    religions: list[str] = []
    types: list[str] = []
    for index in range(0, len(code), 3):
        group = code[index:index + 3]
        if index == 0 and group in classes["countries"]:
            parts["CountryCode"] = group
        elif group in classes["known_groups"] and not parts["KnownGroupCode"]:
            parts["KnownGroupCode"] = group
        elif group in classes["religions"]:
            religions.append(group)
        elif group in classes["ethnic"] and not parts["EthnicCode"]:
            parts["EthnicCode"] = group
        elif group in classes["types"]:
            types.append(group)
    for number, value in enumerate(religions[:2], start=1):
        parts[f"Religion{number}Code"] = value
    for number, value in enumerate(types[:3], start=1):
        parts[f"Type{number}Code"] = value
    return parts


def code_levels(code: str, root: str | None = None) -> tuple[str, str, str]:
    """CAMEO code -> (EventCode, EventBaseCode, EventRootCode): "0872" -> ("0872", "087", "08")."""
    code = str(code or "")
    base = code[:3] if len(code) > 3 else code
    return code, base, str(root) if root else code[:2]


def date_columns(date: str | None) -> dict[str, str]:
    """SQLDATE, MonthYear, Year and GDELT's approximate FractionDate ((month * 30 + day) / 365)."""
    if not date:
        return {"SQLDATE": "", "MonthYear": "", "Year": "", "FractionDate": ""}
    day = dt.date.fromisoformat(date)
    return {
        "SQLDATE": day.strftime("%Y%m%d"),
        "MonthYear": day.strftime("%Y%m"),
        "Year": str(day.year),
        "FractionDate": f"{day.year + (day.month * 30 + day.day) / 365:.4f}",
    }


def _number(value: Any) -> str:
    if value is None or value == "":
        return ""
    number = float(value)
    return str(int(number)) if number.is_integer() else repr(number)


def _cell(value: Any) -> str:
    return " ".join(str(value).replace("\t", " ").splitlines()) if value is not None else ""


def gdelt_row(record: dict[str, Any], event_id: int) -> dict[str, str]:
    """One event as a GDELT row (column -> text); every one of the 61 columns is present."""
    row = dict.fromkeys(gdelt_columns(), "")
    row["GLOBALEVENTID"] = str(event_id)
    row.update(date_columns(record.get("date")))
    for actor, role in (("Actor1", "source"), ("Actor2", "target")):
        code = record.get(role) or ""
        if code and code != UNKNOWN_ACTOR:
            row[f"{actor}Code"] = code
            row[f"{actor}Name"] = _cell(record.get(f"{role}_text"))
        for name, value in split_actor(code).items():
            row[f"{actor}{name}"] = value
    sentence = record.get("sentence_index")
    row["IsRootEvent"] = "1" if sentence in (0, "0") else "0"
    code, base, root = code_levels(record.get("code"), record.get("root"))
    row.update(EventCode=code, EventBaseCode=base, EventRootCode=root)
    row["QuadClass"] = _number(record.get("quad_class"))
    row["GoldsteinScale"] = _number(record.get("goldstein"))
    row.update(NumMentions="1", NumSources="1", NumArticles="1")
    row["SOURCEURL"] = _cell(record.get("url") or record.get("doc_id"))
    return row


class GdeltWriter(EventWriter):
    """GDELT 2.0 events export: tab-separated, 61 columns, GLOBALEVENTID numbered 1, 2, ... in this file."""

    format_name = "gdelt"

    def __init__(self, path: Path | str, header: bool = False) -> None:
        self.header = header
        super().__init__(path)

    def _start(self) -> None:
        if self.header:
            self.stream.write("\t".join(gdelt_columns()) + "\n")

    def _write(self, record: dict[str, Any]) -> None:
        row = gdelt_row(record, self.count + 1)
        self.stream.write("\t".join(row.values()) + "\n")
