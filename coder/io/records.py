"""Turn one raw input record into a Document, or a Reject that says why it cannot be one.

Every reader funnels its records through `make_document`, so the checks (text present, not empty, not too
large, valid date, plausible language code) are the same whatever the file format.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from coder.document import Document, Reject

DEFAULT_MAX_CHARS = 1_000_000
RAW_LIMIT = 500  # characters of the offending input kept in a Reject: enough to find it, not a second corpus

_LANG = re.compile(r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})?$")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.+\-Z]*)?$")


@dataclass(frozen=True)
class ReadOptions:
    """Defaults applied to records that do not carry their own values."""

    lang: str | None = None
    date: str | None = None
    max_chars: int = DEFAULT_MAX_CHARS


def normalize_date(value: object) -> str:
    """`2008-08-01`, `20080801`, `2008-08-01T10:00:00Z` (or the int 20080801) -> `2008-08-01`.

    Raises ValueError for anything else, including impossible calendar dates such as 2021-02-30.
    """
    text = str(value).strip()
    match = _ISO_DATE.match(text) or _COMPACT_DATE.match(text)
    if not match:
        raise ValueError(f"bad date {text!r}: expected YYYY-MM-DD or YYYYMMDD")
    year, month, day = (int(part) for part in match.groups()[:3])
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError as error:
        raise ValueError(f"bad date {text!r}: {error}") from None


def normalize_lang(value: object) -> str:
    """`EN`, `id`, `pt-BR` -> lower case; raises ValueError for things that are not language codes."""
    text = str(value).strip()
    if not _LANG.match(text):
        raise ValueError(f"bad language code {text!r}: expected an ISO 639 code such as 'en' or 'id'")
    return text.lower().replace("_", "-")


def clip(raw: object) -> str:
    """The start of an offending input, for a Reject."""
    text = raw if isinstance(raw, str) else repr(raw)
    return text if len(text) <= RAW_LIMIT else text[:RAW_LIMIT] + "..."


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def make_document(
    origin: str,
    options: ReadOptions,
    *,
    doc_id: object = None,
    text: object = None,
    date: object = None,
    lang: object = None,
    meta: dict | None = None,
    raw: str = "",
) -> Document | Reject:
    """Validate one record. `origin` ("file:line") doubles as the id when the record has none."""
    raw = clip(raw)
    if text is None:
        return Reject(origin, "missing text", raw)
    if not isinstance(text, str):
        return Reject(origin, f"text is not a string but {type(text).__name__}", raw)
    if not text.strip():
        return Reject(origin, "empty text", raw)
    if len(text) > options.max_chars:
        return Reject(origin, f"document too large: {len(text)} characters (limit {options.max_chars})",
                      clip(text))
    if "\x00" in text:
        return Reject(origin, "text contains NUL characters (binary data?)", raw or clip(text))
    bad = _SURROGATE.search(text)
    if bad:
        return Reject(origin, f"text is not valid Unicode (invalid UTF-8 or lone surrogate at character "
                              f"{bad.start()})", raw or clip(text.encode("utf-8", "replace").decode()))
    try:
        date_value = normalize_date(date) if not _blank(date) else options.date
        lang_value = normalize_lang(lang) if not _blank(lang) else options.lang
    except ValueError as error:
        return Reject(origin, str(error), raw)
    doc_id = origin if _blank(doc_id) else str(doc_id).strip()
    return Document(id=doc_id, text=text, date=date_value, lang=lang_value, meta=dict(meta or {}))
