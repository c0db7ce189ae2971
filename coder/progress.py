"""A one-line progress display on stderr: documents/s, sentences/s and events so far.

Shown when stderr is a terminal or when asked for (`--progress`); redrawn at most every `interval` seconds so
it costs nothing measurable. On a terminal the line is redrawn in place; otherwise one line per update.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO


def wanted(option: bool | None, stream: TextIO | None = None) -> bool:
    """`--progress` forces it on, `--no-progress` off; by default only on a terminal."""
    if option is not None:
        return option
    stream = stream or sys.stderr
    return bool(getattr(stream, "isatty", lambda: False)())


class Progress:
    """Call with a RunSummary after each chunk; `close()` ends the line."""

    def __init__(self, stream: TextIO | None = None, interval: float = 0.5) -> None:
        self.stream = stream or sys.stderr
        self.interval = interval
        self.inline = bool(getattr(self.stream, "isatty", lambda: False)())
        self._last = float("-inf")
        self._shown = False

    @staticmethod
    def line(summary) -> str:
        seconds = summary.seconds or 1e-9
        return (f"{summary.documents:,} documents ({summary.documents / seconds:,.0f}/s), "
                f"{summary.sentences:,} sentences ({summary.sentences / seconds:,.0f}/s), "
                f"{summary.events:,} events, {summary.rejected:,} rejected")

    def __call__(self, summary, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self._last < self.interval:
            return
        self._last = now
        text = self.line(summary)
        self.stream.write(f"\r\x1b[K{text}" if self.inline else text + "\n")
        self.stream.flush()
        self._shown = True

    def close(self, summary=None) -> None:
        if summary is not None:
            self(summary, force=True)
        if self._shown and self.inline:
            self.stream.write("\n")
            self.stream.flush()


__all__ = ["Progress", "wanted"]
