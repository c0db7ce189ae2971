"""Pieces of the TABARI/PETRARCH text formats shared by the actor, agent and verb readers."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from coder.importers import english

COMMON_LOWER = -14.5  # log10 probability from which a lower-case word counts as in common use
COMMON_MARGIN = 0.5  # lower-case at least 10**-0.5 (about a third) as frequent as the capitalised form

# Short words written in lower case inside a name ("Islamic Republic of Afghanistan").
PARTICLES = {"of", "the", "and", "for", "in", "on", "at", "to", "de", "del", "la", "le", "du", "des", "da",
             "di", "do", "dos", "van", "von", "y", "e", "et", "a", "an", "by", "with", "against"}


def read_lines(path: Path) -> list[str]:
    """Lines of a source file; UTF-8 where it decodes, Latin-1 for the odd old byte."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def numbered(lines: list[str]) -> Iterator[tuple[int, str]]:
    return ((number, line) for number, line in enumerate(lines, start=1))


def phrase_words(raw: str) -> list[str]:
    """Words of a PETRARCH phrase: `_` and spaces separate words; a trailing `_` (no plurals) is dropped."""
    return [w for w in re.split(r"[_\s]+", raw.strip()) if w]


def _case_part(part: str, first: bool) -> str:
    """One hyphen-free piece of a word in readable case."""
    if not any(c.isalpha() for c in part):
        return part
    if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]?", part):  # initials and dotted acronyms: U.N., K., W.R.
        return part.upper()
    low = part.lower()
    if not first and low in PARTICLES:
        return low
    # "MCDONALD'S" -> "Mcdonald's": first letter up, rest down (letters after an apostrophe stay down).
    return low[:1].upper() + low[1:]


def readable_name(words: list[str]) -> str:
    """A name in mixed case so the engine matches it case-insensitively.

    The engine treats a word of at most five capitals as an exact acronym (`US` never matches `us`); the
    source is all capitals, so every word is re-cased here, acronyms too: `Nato Secretary General` matches
    NATO and Nato, while guessing which short words are acronyms turned names such as "Jasim" or "Sao"
    into exact-capitals words that running text does not have. Only a one-word name that is a common
    lower-case word keeps its capitals (see `actors.clean_name`).
    """
    out = []
    for index, word in enumerate(words):
        pieces = re.split(r"(-)", word)
        out.append("".join(_case_part(p, index == 0 and i == 0) if p != "-" else p
                           for i, p in enumerate(pieces)))
    return " ".join(out)


def is_common_single_word(name: str) -> bool:
    """A one-word name that English also uses as a lower-case word about as often as the name.

    By spaCy's lexeme probabilities (case-sensitive): the lower-case form is not rare (log10 p >= -14.5)
    and at least a third as frequent as the best capitalised form. Matching is case-insensitive, so such a
    name would fire on the common word ("Reading", "Tyre", "Kiwi", "Tigers").
    """
    if " " in name or "-" in name:
        return False
    low = name.lower()
    if not low.isalpha():
        return False
    probs = english.word_probs()
    lower_p = probs.get(low, -99.0)
    cap_p = max(probs.get(low.capitalize(), -99.0), probs.get(low.upper(), -99.0))
    return lower_p >= COMMON_LOWER and lower_p >= cap_p - COMMON_MARGIN
