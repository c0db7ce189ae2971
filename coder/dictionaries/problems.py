"""Dictionary errors that name the file, the line and the entry, collected so a user sees all at once."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    entry: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        entry = f" {self.entry}:" if self.entry else ""
        return f"{where}:{entry} {self.message}"


class DictionaryError(ValueError):
    """Raised when any dictionary file is broken; `problems` lists every error found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        shown = "\n".join(f"  {problem}" for problem in problems[:50])
        more = f"\n  ... and {len(problems) - 50} more" if len(problems) > 50 else ""
        super().__init__(f"{len(problems)} error(s) in the dictionaries:\n{shown}{more}")
