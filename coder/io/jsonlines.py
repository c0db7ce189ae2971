"""Strict JSON Lines for files we read whole (gold files, event files): a bad line is an error naming it."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path


def json_objects(path: Path) -> Iterator[tuple[str, dict]]:
    """("file:line", object) for each non-blank line; `.gz` files are decompressed."""
    opener = gzip.open if path.suffix.lower() == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise ValueError(f"{where}: not valid JSON: {error.msg}") from None
            if not isinstance(record, dict):
                raise ValueError(f"{where}: expected a JSON object per line")
            yield where, record
