"""PLOVER-style JSON lines: each CAMEO event recast as a PLOVER event type, mode and context.

The mapping is `dictionaries/cameo/cameo_to_plover.yaml` (converted from the PLOVER project's
CAMEO2PLOVER-2021 table). A code without an entry falls back to its shorter prefixes ("0253" -> "025" ->
"02"). Codes that PLOVER does not cover (CAMEO 01 statements, 02 appeals) are not PLOVER events: the writer
skips them and counts them in `skipped` (by code in `skipped_codes`) so the caller can report it.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from coder.events import UNKNOWN_ACTOR
from coder.io.atomic import EventWriter
from coder.paths import default_dictionary_dir

MAPPING_FILE = Path("cameo") / "cameo_to_plover.yaml"


def _mapping_path() -> Path:
    """The table in the dictionaries in use ($CODER_DICTIONARIES), else the packaged or repository copy."""
    package = Path(__file__).resolve().parent.parent
    candidates = (default_dictionary_dir() / MAPPING_FILE, package / "_dictionaries" / MAPPING_FILE,
                  package.parent / "dictionaries" / MAPPING_FILE)
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"CAMEO-to-PLOVER table not found; looked for {', '.join(map(str, candidates))}")


def load_plover_mapping(path: Path | None = None) -> dict[str, dict[str, Any]]:
    """CAMEO code -> {"event_type", "mode", "context", "label"} from the YAML table."""
    path = path or _mapping_path()
    spec = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    table = spec.get("cameo_to_plover")
    if not isinstance(table, dict):
        raise ValueError(f"{path}: expected a top-level 'cameo_to_plover:' mapping")
    mapping = {}
    for code, entry in table.items():
        if not isinstance(entry, dict) or not entry.get("event_type"):
            raise ValueError(f"{path}: code {code!r}: an entry needs an event_type")
        mapping[str(code)] = {
            "event_type": str(entry["event_type"]),
            "mode": str(entry.get("mode") or "").strip(),
            "context": [str(item) for item in entry.get("context") or []],
            "label": str(entry.get("label") or ""),
        }
    return mapping


@lru_cache(maxsize=1)
def default_plover_mapping() -> dict[str, dict[str, Any]]:
    return load_plover_mapping()


def plover_type(code: str, mapping: Mapping[str, dict[str, Any]] | None = None) -> dict[str, Any] | None:
    """The PLOVER entry for a CAMEO code, trying shorter prefixes down to the root; None when unmapped."""
    mapping = default_plover_mapping() if mapping is None else mapping
    code = str(code or "")
    for length in range(len(code), 1, -1):
        entry = mapping.get(code[:length])
        if entry:
            return entry
    return None


def _actor(code: Any) -> str | None:
    return None if not code or code == UNKNOWN_ACTOR else str(code)


def plover_record(record: dict[str, Any], entry: Mapping[str, Any]) -> dict[str, Any]:
    """One event in PLOVER terms (actor/recipient rather than source/target), keeping the CAMEO provenance."""
    return {
        "id": f"{record.get('doc_id')}-{record.get('sentence_index')}-{record.get('event_index')}",
        "date": record.get("date"),
        "event_type": entry["event_type"],
        "mode": entry["mode"] or None,
        "context": list(entry["context"]),
        "actor": _actor(record.get("source")),
        "actor_text": record.get("source_text") or None,
        "recipient": _actor(record.get("target")),
        "recipient_text": record.get("target_text") or None,
        "cameo_code": record.get("code"),
        "quad_class": record.get("quad_class"),
        "goldstein": record.get("goldstein"),
        "doc_id": record.get("doc_id"),
        "sentence_index": record.get("sentence_index"),
        "lang": record.get("lang"),
        "text": record.get("sentence"),
        "event_text": record.get("event_text"),
        "pattern": record.get("pattern"),
    }


class PloverWriter(EventWriter):
    """JSON lines in PLOVER terms; events whose CAMEO code has no PLOVER type are skipped and counted."""

    format_name = "plover"

    def __init__(self, path: Path | str, mapping: Mapping[str, dict[str, Any]] | None = None) -> None:
        self.mapping = default_plover_mapping() if mapping is None else mapping
        self.skipped = 0
        self.skipped_codes: Counter[str] = Counter()
        super().__init__(path)

    def _write(self, record: dict[str, Any]) -> None:
        entry = plover_type(record.get("code"), self.mapping)
        if entry is None:
            self.skipped += 1
            self.skipped_codes[str(record.get("code"))] += 1
            self.count -= 1  # write() counts every call; count only what reached the file
            return
        self.stream.write(json.dumps(plover_record(record, entry), ensure_ascii=False, default=str) + "\n")
