"""Event output formats: JSONL, CSV, Parquet, PETRARCH, GDELT, PLOVER, and the reject log.

    with open_writer(Path("events.csv"), "csv") as out:
        for event in events:
            out.write(event)          # an Event or a dict with EVENT_FIELDS keys

Every writer is atomic (see coder/io/atomic.py). CAMEO codes stay strings everywhere ("072", never 72).
"""

from __future__ import annotations

import csv
import dataclasses
import json
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coder.document import Reject
from coder.events import EVENT_FIELDS, Event
from coder.io.atomic import EventWriter, event_record
from coder.io.gdelt import GdeltWriter
from coder.io.plover import PloverWriter

if TYPE_CHECKING:
    import pyarrow as pa


def clean_cell(value: Any) -> str:
    """A value for a tab-separated cell: None -> "", tabs and line breaks -> spaces."""
    if value is None:
        return ""
    return " ".join(str(value).replace("\t", " ").splitlines()) if isinstance(value, str) else str(value)


def compact_date(date: str | None) -> str:
    """`2025-03-03` -> `20250303` (empty when undated)."""
    return date.replace("-", "") if date else ""


class JsonlWriter(EventWriter):
    """One JSON object per line: EVENT_FIELDS in order, then any extra keys the events carry."""

    format_name = "jsonl"

    def _write(self, record: dict[str, Any]) -> None:
        self.stream.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")


class CsvWriter(EventWriter):
    """Comma-separated with a header row of exactly EVENT_FIELDS; extra keys are not written."""

    format_name = "csv"
    newline = ""

    def _start(self) -> None:
        self._csv = csv.writer(self.stream)
        self._csv.writerow(EVENT_FIELDS)

    def _write(self, record: dict[str, Any]) -> None:
        self._csv.writerow(["" if record.get(name) is None else record[name] for name in EVENT_FIELDS])


def event_schema() -> pa.Schema:
    """Parquet schema from the Event dataclass annotations, so a new Event field needs no change here."""
    import pyarrow as pa  # imported on use: it is heavy, and most runs write JSONL or CSV

    arrow_types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
    annotations = {field.name: str(field.type) for field in dataclasses.fields(Event)}
    columns = []
    for name in EVENT_FIELDS:
        base = annotations.get(name, "str").replace("| None", "").replace("None |", "").strip()
        columns.append(pa.field(name, arrow_types.get(base, pa.string())))
    return pa.schema(columns)


def _to_arrow(value: Any, kind: str) -> Any:
    """Coerce one value to the column's Arrow type name ("string", "int64", "double", "bool")."""
    if value is None or (value == "" and kind != "string"):
        return None
    if kind == "string":
        return str(value)
    if kind == "bool":
        return value.strip().lower() in ("true", "1", "yes") if isinstance(value, str) else bool(value)
    if kind == "int64":
        return int(value)
    return float(value)


class ParquetWriter(EventWriter):
    """Parquet with typed columns (codes as strings); rows are buffered and written in row groups."""

    format_name = "parquet"
    text_mode = False
    row_group_size = 50_000

    def _start(self) -> None:
        import pyarrow.parquet as pq

        self._schema = event_schema()
        self._rows: list[dict[str, Any]] = []
        self._parquet = pq.ParquetWriter(str(self._temp), self._schema)

    def _write(self, record: dict[str, Any]) -> None:
        self._rows.append(record)
        if len(self._rows) >= self.row_group_size:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa

        columns = {
            column.name: pa.array([_to_arrow(row.get(column.name), str(column.type)) for row in self._rows],
                                  column.type)
            for column in self._schema
        }
        self._parquet.write_table(pa.table(columns, schema=self._schema))
        self._rows = []

    def _finish(self) -> None:
        if self._rows or self.count == 0:
            self._flush()
        self._parquet.close()

    def _discard(self) -> None:
        parquet = getattr(self, "_parquet", None)
        if parquet is not None:
            try:
                parquet.close()
            finally:
                super()._discard()
        else:
            super()._discard()


PETRARCH_COLUMNS = ("date", "source", "target", "code", "issues", "ids", "url", "story_source")


class PetrarchWriter(EventWriter):
    """PETRARCH2's tab-separated event lines, no header:

        date(YYYYMMDD)  source  target  code  issues  ids  url  story_source

    `ids` is `doc_id-sentence_index`. Issues are not coded (empty); `url` comes from an event's `url` key and
    `story_source` from its `story_source` key (PETRARCH writes NULL when unknown). Unlike PETRARCH, the url
    column is always present (maybe empty) so every line has the same 8 columns.
    """

    format_name = "petrarch"

    def _write(self, record: dict[str, Any]) -> None:
        cells = (
            compact_date(record.get("date")), record.get("source"), record.get("target"), record.get("code"),
            "", f"{record.get('doc_id')}-{record.get('sentence_index')}", record.get("url"),
            record.get("story_source") or "NULL",
        )
        self.stream.write("\t".join(clean_cell(cell) for cell in cells) + "\n")


WRITERS: dict[str, type[EventWriter]] = {
    "jsonl": JsonlWriter,
    "csv": CsvWriter,
    "parquet": ParquetWriter,
    "petrarch": PetrarchWriter,
    "gdelt": GdeltWriter,
    "plover": PloverWriter,
}

_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet", ".pq": "parquet"}


def format_from_path(path: Path) -> str | None:
    """`events.csv(.gz)` -> "csv"; None when the suffix does not say."""
    suffixes = [suffix.lower() for suffix in Path(path).suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    return _SUFFIXES.get(suffixes[-1]) if suffixes else None


def open_writer(path: Path | str, fmt: str | None = None, **options: Any) -> EventWriter:
    """A writer for `fmt` (one of WRITERS; default: from the file suffix). Use it as a context manager.

    Options are passed to the writer, e.g. `open_writer(p, "gdelt", header=True)`.
    """
    path = Path(path)
    name = (fmt or format_from_path(path) or "").lower()
    if name not in WRITERS:
        known = ", ".join(WRITERS)
        raise ValueError(f"unknown output format {fmt!r}: expected one of {known}" if fmt else
                         f"cannot tell the output format from {path.name!r}: pass one of {known}")
    if name == "parquet" and path.suffix.lower() == ".gz":
        raise ValueError("parquet output is compressed already: drop the .gz suffix")
    return WRITERS[name](path, **options)


class RejectWriter(EventWriter):
    """The reject log: one JSON object per line with origin, reason and the start of the raw input."""

    format_name = "rejects"

    def write(self, reject: Reject) -> None:  # type: ignore[override]
        if self.closed:
            raise ValueError(f"write to closed writer for {self.path}")
        record = {"origin": reject.origin, "reason": reject.reason, "raw": reject.raw}
        self.stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.count += 1


def write_rejects(path: Path | str, rejects: Iterable[Reject]) -> int:
    """Write all rejects to a JSONL file (atomically); returns how many were written."""
    with RejectWriter(path) as out:
        for reject in rejects:
            out.write(reject)
    return out.count


__all__ = [
    "WRITERS", "CsvWriter", "EventWriter", "GdeltWriter", "JsonlWriter", "ParquetWriter", "PetrarchWriter",
    "PloverWriter", "RejectWriter", "event_record", "open_writer", "write_rejects", "format_from_path",
]
