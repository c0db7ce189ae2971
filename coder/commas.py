"""TABARI's comma-delimited clauses: asides between commas ("Gollum, centre of a diplomatic row, arrived ...")
are deleted before coding when their length in words lies within set limits, so that an actor or verb of the
aside does not take part in the main sentence's event.

Three kinds, each with its own limits: internal (between two commas), terminal (from the last comma to the
sentence's final stop: ", a senior official said.") and initial (from the start to the first comma). A part
that starts a list's last item (", and Gondor") or stands before one is a list member, never an aside.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Token

SENTENCE_STOPS = (".", "!", "?")
NEVER = (255, 0)  # limits no clause meets


@dataclass(frozen=True)
class CommaLimits:
    """(fewest, most) words of a deleted internal, terminal and initial clause; TABARI's defaults."""

    internal: tuple[int, int] = (2, 10)
    terminal: tuple[int, int] = (2, 10)
    initial: tuple[int, int] = NEVER

    @classmethod
    def from_tabari(cls, option: str) -> CommaLimits:
        """TABARI's `COMMA: MIN = 4 MAX = 6 EMIN = 3 EMAX = 6 BMIN = 3 BMAX = 8` (unset values keep the
        defaults) or `COMMA: OFF`."""
        if option.strip().upper().startswith("OFF"):
            return cls(NEVER, NEVER, NEVER)
        values = {key: int(value) for key, value in re.findall(r"([A-Z]+)\s*=\s*(\d+)", option.upper())}
        default = cls()

        def pair(prefix: str, fallback: tuple[int, int]) -> tuple[int, int]:
            return values.get(prefix + "MIN", fallback[0]), values.get(prefix + "MAX", fallback[1])

        return cls(pair("", default.internal), pair("E", default.terminal), pair("B", default.initial))


def _words(tokens: list[Token]) -> int:
    """Words as TABARI counts them: every token but punctuation (a possessive "'s" counts)."""
    return sum(1 for token in tokens if not token.is_punct)


def comma_clauses(tokens: list[Token], limits: CommaLimits, conjunctions: set[int]) -> list[tuple[int, int]]:
    """Token ranges (end exclusive, with their commas) of the clauses to delete; `conjunctions` holds the
    offsets of conjunction words ("and"), which make a part a list member."""
    commas = [index for index, token in enumerate(tokens) if token.text == ","]
    if not commas:
        return []
    stop = len(tokens)
    while stop > 0 and tokens[stop - 1].is_punct and tokens[stop - 1].text != ",":
        stop -= 1
    ends_with_stop = stop < len(tokens) and tokens[stop].text in SENTENCE_STOPS
    bounds = [-1, *commas, stop]
    parts = [(bounds[i] + 1, bounds[i + 1]) for i in range(len(bounds) - 1)]
    listed = {number for number, (start, _) in enumerate(parts) if start in conjunctions}
    listed |= {number - 1 for number in listed}

    def fits(number: int, allowed: tuple[int, int], extra: int = 0) -> bool:
        start, end = parts[number]
        return number not in listed and allowed[0] <= _words(tokens[start:end]) + extra <= allowed[1]

    # An internal aside goes with both its commas; a terminal clause counts its final stop as a word, and
    # without one (a headline, a fragment) the sentence has no terminal clause.
    last = len(parts) - 1
    found = [(parts[number][0] - 1, parts[number][1] + 1) for number in range(1, last)
             if fits(number, limits.internal)]
    if ends_with_stop and fits(last, limits.terminal, extra=1):
        found.append((parts[last][0] - 1, parts[last][1]))
    if fits(0, limits.initial):
        found.append((0, parts[0][1] + 1))
    return found


def without_clauses(tokens: list[Token], ranges: list[tuple[int, int]]) -> str:
    """The sentence's text with the clauses deleted."""
    dropped = {index for start, end in ranges for index in range(start, end)}
    text, previous = "", -1
    for index, token in enumerate(tokens):
        if index in dropped:
            continue
        if previous != index - 1 and text and not text[-1].isspace() and not token.is_punct:
            text += " "
        text += token.text_with_ws
        previous = index
    return text.strip()
