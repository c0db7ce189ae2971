"""The base of every output writer: write to a hidden temp file beside the target, rename it on close.

A run that crashes, is interrupted or raises inside the `with` block therefore never leaves a half-written
output: either the previous file is untouched or the new one is complete. Paths ending in `.gz` are compressed
(with a fixed gzip header, so the same events give the same bytes).
"""

from __future__ import annotations

import contextlib
import gzip
import io
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any

from coder.events import EVENT_FIELDS, Event


def event_record(event: Event | Mapping[str, Any]) -> dict[str, Any]:
    """An Event or a dict as a plain dict: EVENT_FIELDS first, then any extra keys (e.g. `url`)."""
    if isinstance(event, Event):
        record = event.to_dict()
        for key, value in event.extra.items():
            record.setdefault(key, value)
        return record
    if isinstance(event, Mapping):
        ordered = {name: event.get(name) for name in EVENT_FIELDS}
        ordered.update((key, value) for key, value in event.items() if key not in ordered)
        return ordered
    raise TypeError(f"expected an Event or a dict, got {type(event).__name__}")


def _file_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


class EventWriter:
    """Context manager that writes events to `path` atomically. Subclasses fill in `_start/_write/_finish`."""

    format_name = ""
    text_mode = True  # binary writers (parquet) get the temp path instead of a text stream
    newline: str | None = "\n"

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.count = 0
        self.closed = False
        handle, temp = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.", suffix=".part")
        os.close(handle)
        self._temp = Path(temp)
        self._stream: IO[str] | None = None
        self._raw: IO[bytes] | None = None
        try:
            if self.text_mode:
                self._stream = self._open_text()
            self._start()
        except BaseException:
            self._discard()
            raise

    def _open_text(self) -> IO[str]:
        self._raw = open(self._temp, "wb")  # noqa: SIM115 - closed by close() or _discard()
        binary: IO[bytes] = self._raw
        if self.path.suffix.lower() == ".gz":
            binary = gzip.GzipFile(filename="", mode="wb", fileobj=self._raw, mtime=0)  # type: ignore[assignment]
        return io.TextIOWrapper(binary, encoding="utf-8", newline=self.newline)

    @property
    def stream(self) -> IO[str]:
        assert self._stream is not None, "binary writers have no text stream"
        return self._stream

    # Subclass hooks ---------------------------------------------------------------------------------------
    def _start(self) -> None:
        """Write a header, open a binary writer on `self._temp`, ..."""

    def _write(self, record: dict[str, Any]) -> None:
        raise NotImplementedError

    def _finish(self) -> None:
        """Flush buffered rows; called once, before the rename."""

    # Public API -------------------------------------------------------------------------------------------
    def write(self, event: Event | Mapping[str, Any]) -> None:
        if self.closed:
            raise ValueError(f"write to closed writer for {self.path}")
        self._write(event_record(event))
        self.count += 1

    def close(self) -> None:
        """Finish the file and move it into place; the writer cannot be used afterwards."""
        if self.closed:
            return
        try:
            self._finish()
            if self._stream is not None:
                self._stream.close()
            if self._raw is not None:
                self._raw.close()
            os.chmod(self._temp, _file_mode())
            os.replace(self._temp, self.path)
        except BaseException:
            self._discard()
            raise
        self.closed = True

    def abort(self) -> None:
        """Drop everything written so far; the target path is left as it was."""
        if not self.closed:
            self._discard()

    def _discard(self) -> None:
        self.closed = True
        for handle in (self._stream, self._raw):
            # The temp file is removed next; a failing close must not hide the error that got us here.
            with contextlib.suppress(Exception):
                if handle is not None:
                    handle.close()
        self._temp.unlink(missing_ok=True)

    def __enter__(self) -> EventWriter:
        return self

    def __exit__(self, exc_type, exc, traceback) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()

    def __del__(self) -> None:
        # A writer dropped without close() (e.g. a generator abandoned mid-run) must not leave its temp file.
        if not getattr(self, "closed", True):
            self._discard()
