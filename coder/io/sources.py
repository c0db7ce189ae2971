"""Opening input files: gzip transparently, and a cheap look at the head to refuse binary files early."""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import BinaryIO

HEAD_BYTES = 8192
GZIP_MAGIC = b"\x1f\x8b"
UTF8_BOM = b"\xef\xbb\xbf"


def is_gzip(path: Path) -> bool:
    return path.suffix.lower() == ".gz"


def open_binary(path: Path) -> BinaryIO:
    """Open for reading bytes; `.gz` files are decompressed on the fly, so nothing is unpacked to disk."""
    if is_gzip(path):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return open(path, "rb")


def binary_reason(path: Path) -> str | None:
    """Why the file looks binary (a NUL byte near its start), or None when it looks like text.

    UTF-16 text also has NUL bytes: we only read UTF-8, so it is refused with the same clear reason.
    """
    with open_binary(path) as handle:
        head = handle.read(HEAD_BYTES)
    position = head.find(b"\x00")
    if position < 0:
        return None
    return f"binary file (NUL byte at offset {position}); expected UTF-8 text"
