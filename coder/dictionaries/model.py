"""Compiled dictionary entries: what the matcher and grammar work with after loading and validation."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property


@dataclass(frozen=True)
class DatedCode:
    code: str
    start: str | None  # YYYY-MM-DD, inclusive
    end: str | None    # YYYY-MM-DD, exclusive


@dataclass(frozen=True)
class ActorEntry:
    """A country, organisation, group or person. `origin` is "actors/file.yaml:12"."""

    entry_id: str
    code: str
    origin: str
    dated: tuple[DatedCode, ...] = ()

    def code_on(self, date: str | None) -> str:
        """The code that holds on `date` (ISO text); undated documents get the undated code."""
        if date:
            for dated in self.dated:
                if (dated.start is None or dated.start <= date) and (dated.end is None or date < dated.end):
                    return dated.code
        return self.code


@dataclass(frozen=True)
class AgentEntry:
    """A role word; `sectors` is one or more 3-letter codes run together ("GOVMIL")."""

    name: str
    sectors: str
    origin: str


@dataclass(frozen=True)
class PatternElement:
    """One token of a verb pattern: a literal phrase (alternatives of key sequences), or a slot."""

    kind: str  # "word" | "target" | "source" | "compound"
    alternatives: tuple[tuple[str, ...], ...] = ()
    text: str = ""

    @cached_property
    def first_keys(self) -> frozenset[str]:
        """First key of each alternative: a sentence lacking all of them cannot match the element."""
        return frozenset(keys[0] for keys in self.alternatives)


@dataclass(frozen=True)
class VerbPattern:
    code: str
    before: tuple[PatternElement, ...]  # elements before the trigger, in text order
    after: tuple[PatternElement, ...]
    text: str
    origin: str
    reverse: str | None = None  # what the target does to the source at once (visit -> receive a visit)

    @cached_property
    def specificity(self) -> int:
        return sum(1 for element in self.before + self.after if element.kind in ("word", "compound"))

    @cached_property
    def words(self) -> tuple[PatternElement, ...]:
        return tuple(element for element in self.before + self.after if element.kind == "word")


@dataclass(frozen=True)
class VerbEntry:
    trigger: str
    code: str  # "---": only the patterns code
    origin: str
    patterns: tuple[VerbPattern, ...] = ()  # most specific first; equally specific ones in written order
    reverse: str | None = None  # the default code's counterpart event, target to source (TABARI [032:033])

    @cached_property
    def pattern_index(self) -> tuple[dict[str, list[int]], list[int]]:
        """Patterns by the first keys of their most selective word (a verb like "say" has thousands, and
        "to" or "with" begin many of them), and the ones without words: a sentence is only tried against
        patterns whose words it may contain."""
        spread: dict[str, int] = {}
        for pattern in self.patterns:
            for key in {key for element in pattern.words for key in element.first_keys}:
                spread[key] = spread.get(key, 0) + 1
        by_key: dict[str, list[int]] = {}
        wordless: list[int] = []
        for index, pattern in enumerate(self.patterns):
            if not pattern.words:
                wordless.append(index)
                continue
            rarest = min(pattern.words, key=lambda element: max(spread[key] for key in element.first_keys))
            for key in rarest.first_keys:
                by_key.setdefault(key, []).append(index)
        return by_key, wordless
