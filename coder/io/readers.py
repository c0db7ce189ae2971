"""Read corpora into Documents, one at a time, whatever the file format.

`read_documents` never loads a whole corpus and never stops on bad input: every record that cannot become a
Document comes out as a `Reject` with its origin (`file:line`) and a reason, and reading goes on.

Formats (each may also be gzip-compressed, `name.jsonl.gz`):
    .txt            one document per file; id = file name, `YYYY-MM-DD` in the name = date,
                    a second suffix of two letters = language (`story-2025-03-03.id.txt`)
    .jsonl/.ndjson  one JSON object per line: id, text, date, lang; other keys -> meta
    .csv/.tsv       a header row with the same columns; the text column may be text/sentence/snippet/content
    .xml            PETRARCH validation/input XML (<Sentence date= id=><Text>...</Text></Sentence>)
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import zlib
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from coder.document import Document, Reject
from coder.io.petrarch_xml import read_petrarch_xml
from coder.io.records import (
    DEFAULT_MAX_CHARS,
    ReadOptions,
    clip,
    make_document,
    normalize_date,
    normalize_lang,
)
from coder.io.sources import UTF8_BOM, binary_reason, open_binary

TEXT_COLUMNS = ("text", "sentence", "snippet", "content")
ID_COLUMNS = ("id", "doc_id")
FORMATS = {".txt": "txt", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".tsv": "tsv", ".xml": "xml"}

_NAME_DATE = re.compile(r"(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)")
_NAME_LANG = re.compile(r"^[a-z]{2}$")
_READ_ERRORS = (OSError, EOFError, zlib.error)


def read_documents(
    paths: Iterable[Path | str] | Path | str,
    lang: str | None = None,
    date: str | None = None,
    *,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Iterator[Document | Reject]:
    """Stream Documents (and Rejects) from files and folders, in the order given; folders recursively, sorted.

    `lang` and `date` are defaults for records that carry none; a bad default is the caller's error and raises
    ValueError at once. Documents longer than `max_chars` characters are rejected.
    """
    options = ReadOptions(
        lang=normalize_lang(lang) if lang else None,
        date=normalize_date(date) if date else None,
        max_chars=max_chars,
    )
    if isinstance(paths, (str, Path)):
        paths = [paths]
    return _read_all(paths, options)


def _read_all(paths: Iterable[Path | str], options: ReadOptions) -> Iterator[Document | Reject]:
    for entry in paths:
        path = Path(entry)
        if path.is_dir():
            for file in corpus_files(path):
                yield from read_file(file, options)
        else:
            yield from read_file(path, options)


def input_format(path: Path) -> str | None:
    """The reader for a file name (`a.jsonl.gz` -> "jsonl"), or None when no reader knows it."""
    suffixes = [suffix.lower() for suffix in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    return FORMATS.get(suffixes[-1]) if suffixes else None


def corpus_files(folder: Path) -> Iterator[Path]:
    """Readable files below a folder, sorted; hidden entries skipped, folder symlinks not followed."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(name for name in dirs if not name.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and input_format(Path(name)):
                yield Path(root) / name


def read_file(path: Path, options: ReadOptions | None = None) -> Iterator[Document | Reject]:
    """Documents from one file; unreadable, binary or unknown files become a single Reject."""
    options = options or ReadOptions()
    fmt = input_format(path)
    if fmt is None:
        suffix = "".join(path.suffixes) or "(none)"
        yield Reject(str(path), f"unsupported file type {suffix}: expected one of "
                                f"{', '.join(sorted(FORMATS))} (optionally .gz)")
        return
    try:
        if not path.is_file():
            yield Reject(str(path), "no such file" if not path.exists() else "not a regular file")
            return
        reason = binary_reason(path)
        if reason:
            yield Reject(str(path), reason)
            return
        yield from _READERS[fmt](path, options)
    except _READ_ERRORS as error:
        yield Reject(str(path), f"cannot read file (rest of file skipped): {error or type(error).__name__}")


def _name_parts(path: Path) -> tuple[str, str | None, str | None]:
    """`myanmar-russia-2025-03-03.id.txt(.gz)` -> ("myanmar-russia-2025-03-03", "id", "2025-03-03")."""
    name = path.name
    for suffix in (".gz", ".txt"):
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
    lang = None
    stem, dot, last = name.rpartition(".")
    if dot and stem and _NAME_LANG.match(last):
        name, lang = stem, last
    found = _NAME_DATE.search(name)
    return name, lang, found.group(1) if found else None


def _read_txt(path: Path, options: ReadOptions) -> Iterator[Document | Reject]:
    limit = options.max_chars * 4 + len(UTF8_BOM)  # UTF-8 needs at most 4 bytes a character
    with open_binary(path) as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        yield Reject(str(path), f"document too large: more than {limit} bytes (limit {options.max_chars} "
                                f"characters)")
        return
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        yield Reject(f"{path}:{line}", f"invalid UTF-8 at byte {error.start} (line {line})",
                     clip(data[max(0, error.start - 60): error.start + 60].decode("utf-8", "replace")))
        return
    doc_id, lang, date = _name_parts(path)
    yield make_document(str(path), options, doc_id=doc_id, text=text, date=date, lang=lang,
                        meta={"origin": str(path)})


def _skip_rest_of_line(handle, chunk: int = 1 << 20) -> int:
    skipped = 0
    while True:
        part = handle.readline(chunk)
        skipped += len(part)
        if not part or part.endswith(b"\n"):
            return skipped


def _read_jsonl(path: Path, options: ReadOptions) -> Iterator[Document | Reject]:
    # JSON may escape every character as \uXXXX (6 bytes): a longer line cannot hold a valid document.
    line_limit = options.max_chars * 6 + 65536
    offset = 0
    with open_binary(path) as handle:
        for number in range(1, 1 << 62):
            line = handle.readline(line_limit)
            if not line:
                return
            start, offset = offset, offset + len(line)
            origin = f"{path}:{number}"
            if len(line) >= line_limit and not line.endswith(b"\n"):
                offset += _skip_rest_of_line(handle)
                yield Reject(origin, f"document too large: line longer than {line_limit} bytes "
                                     f"(limit {options.max_chars} characters)",
                             clip(line[:200].decode("utf-8", "replace")))
                continue
            if number == 1 and line.startswith(UTF8_BOM):
                line, start = line[len(UTF8_BOM):], start + len(UTF8_BOM)
            if not line.strip():
                continue
            try:
                text = line.decode("utf-8")
            except UnicodeDecodeError as error:
                yield Reject(origin, f"invalid UTF-8 at byte {start + error.start} (line {number}, "
                                     f"column {error.start + 1})", clip(line.decode("utf-8", "replace")))
                continue
            yield _parse_json_line(text, origin, options)


def _parse_json_line(text: str, origin: str, options: ReadOptions) -> Document | Reject:
    try:
        record = json.loads(text)
    except json.JSONDecodeError as error:
        return Reject(origin, f"malformed JSON: {error.msg} at column {error.colno}", clip(text))
    except (ValueError, RecursionError) as error:
        return Reject(origin, f"malformed JSON: {error}", clip(text))
    if not isinstance(record, dict):
        return Reject(origin, f"expected a JSON object per line, got {type(record).__name__}", clip(text))
    return _from_mapping(record, origin, options, raw=text)


def _from_mapping(record: Mapping, origin: str, options: ReadOptions, raw: str) -> Document | Reject:
    """One JSON object or table row: known keys become Document fields, the others meta."""
    keys = {str(key).strip().lower(): key for key in record}
    text_key = next((keys[name] for name in TEXT_COLUMNS if name in keys), None)
    id_key = next((keys[name] for name in ID_COLUMNS if name in keys), None)
    date_key, lang_key = keys.get("date"), keys.get("lang")
    used = {text_key, id_key, date_key, lang_key}
    meta = {key: value for key, value in record.items() if key not in used}
    meta.setdefault("origin", origin)
    if text_key is None:
        expected = ", ".join(TEXT_COLUMNS)
        return Reject(origin, f"missing text (expected a field named one of {expected})", clip(raw))
    return make_document(
        origin, options,
        doc_id=record.get(id_key) if id_key is not None else None,
        text=record[text_key],
        date=record.get(date_key) if date_key is not None else None,
        lang=record.get(lang_key) if lang_key is not None else None,
        meta=meta, raw=raw,
    )


def _has_surrogate(values: Iterable[str]) -> bool:
    """True when a field holds bytes that were not UTF-8 (smuggled through as surrogates)."""
    try:
        "".join(values).encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _read_table(path: Path, options: ReadOptions, tsv: bool) -> Iterator[Document | Reject]:
    # Undecodable bytes are smuggled through as surrogates so one bad row cannot end the file; the row is then
    # rejected. Quoting is off for TSV: news text has unbalanced quotes that would swallow the following rows.
    limit = max(csv.field_size_limit(), options.max_chars * 4 + 1024)
    csv.field_size_limit(limit)
    with open_binary(path) as binary:
        stream = io.TextIOWrapper(binary, encoding="utf-8-sig", errors="surrogateescape", newline="")
        reader = csv.reader(stream, delimiter="\t", quoting=csv.QUOTE_NONE) if tsv else csv.reader(stream)
        try:
            header = next(reader, None)
        except csv.Error as error:
            yield Reject(f"{path}:1", f"malformed header row: {error}")
            return
        if not header:
            yield Reject(str(path), "empty file: no header row")
            return
        if _has_surrogate(header):
            yield Reject(f"{path}:1", "invalid UTF-8 in the header row")
            return
        columns = [name.strip().lower() for name in header]
        if not any(name in columns for name in TEXT_COLUMNS):
            yield Reject(f"{path}:1", f"no text column: expected one of {', '.join(TEXT_COLUMNS)}, found "
                                      f"{', '.join(columns)}")
            return
        yield from _table_rows(reader, columns, path, options)


def _table_rows(reader, columns: list[str], path: Path, options: ReadOptions) -> Iterator[Document | Reject]:
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield Reject(f"{path}:{reader.line_num}", f"malformed row: {error}")
            continue
        origin = f"{path}:{reader.line_num}"
        if not any(field.strip() for field in row):
            continue
        raw = "\t".join(row).encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        if len(row) != len(columns):
            yield Reject(origin, f"expected {len(columns)} fields, found {len(row)}", clip(raw))
            continue
        if _has_surrogate(row):
            yield Reject(origin, f"invalid UTF-8 on line {reader.line_num}", clip(raw))
            continue
        yield _from_mapping(dict(zip(columns, row, strict=True)), origin, options, raw)


_READERS = {
    "txt": _read_txt,
    "jsonl": _read_jsonl,
    "csv": lambda path, options: _read_table(path, options, tsv=False),
    "tsv": lambda path, options: _read_table(path, options, tsv=True),
    "xml": read_petrarch_xml,
}

__all__ = ["read_documents", "read_file", "corpus_files", "input_format"]
