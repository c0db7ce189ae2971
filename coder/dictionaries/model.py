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

    kind: str  # "word" | "target" | "source" | "compound" | "skip"
    alternatives: tuple[tuple[str, ...], ...] = ()
    text: str = ""
    adjacent: bool = False  # right next to the trigger (`recently_*`, `*_out`), no word between
    stem: str = ""  # `noted~`: also any word written beginning with this (TABARI's open stems: "notedown")

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
        """Words the pattern asks for ("demand_geneva_conventions" is three; a synset counts its shortest member)."""
        return sum(min(len(keys) for keys in element.alternatives) if element.kind == "word" else 1
                   for element in self.before + self.after if element.kind in ("word", "compound"))

    @cached_property
    def words(self) -> tuple[PatternElement, ...]:
        return tuple(element for element in self.before + self.after if element.kind == "word")

    @cached_property
    def required_keys(self) -> tuple[frozenset[str], tuple[frozenset[str], ...]]:
        """(Keys every sentence matching the pattern has: words with one possible first key; the first keys of
        words with several, of which the sentence has at least one each)."""
        exact = [element for element in self.words if not element.stem]
        single = frozenset(key for element in exact if len(element.first_keys) == 1 for key in element.first_keys)
        return single, tuple(element.first_keys for element in exact if len(element.first_keys) > 1)

    @cached_property
    def nearest_words(self) -> tuple[frozenset[str] | None, frozenset[str] | None]:
        """First keys of the word nearest the trigger after it and before it (None: no word there)."""
        after = next((element for element in self.after if element.kind == "word"), None)
        before = next((element for element in reversed(self.before) if element.kind == "word"), None)
        # a stem may stand as any word beginning with it: no key to look for
        return (after.first_keys if after and not after.stem else None,
                before.first_keys if before and not before.stem else None)

    def could_match(self, present: frozenset[str], after: frozenset[str], before: frozenset[str]) -> bool:
        """False when a word of the pattern is absent from the sentence's keys, or the word nearest the
        trigger on either side is not among the keys within reach there (`after`, `before`)."""
        nearest_after, nearest_before = self.nearest_words
        if (nearest_after is not None and nearest_after.isdisjoint(after)) or (
                nearest_before is not None and nearest_before.isdisjoint(before)):
            return False
        single, alternatives = self.required_keys
        return single <= present and all(not keys.isdisjoint(present) for keys in alternatives)


@dataclass(frozen=True)
class VerbEntry:
    trigger: str
    code: str  # "---": only the patterns code
    origin: str
    patterns: tuple[VerbPattern, ...] = ()  # most specific first; equally specific ones in written order
    reverse: str | None = None  # the default code's counterpart event, target to source (TABARI [032:033])
    dominant: bool = False  # its event, once coded, is the sentence's only one (TABARI's `[031!]`)

    @cached_property
    def reach_index(self) -> tuple[dict[str, list[int]], dict[str, list[int]], list[int]]:
        """Patterns by the first keys of their word nearest the trigger: after it (the usual case), else
        before it; and the patterns without words. A verb like "say" has thousands of patterns, but only those
        whose nearest word stands within reach of the trigger in the sentence can match."""
        after: dict[str, list[int]] = {}
        before: dict[str, list[int]] = {}
        wordless: list[int] = []
        for index, pattern in enumerate(self.patterns):
            nearest_after, nearest_before = pattern.nearest_words
            table, keys = (after, nearest_after) if nearest_after is not None else (before, nearest_before)
            if keys is None:
                wordless.append(index)
                continue
            for key in keys:
                table.setdefault(key, []).append(index)
        return after, before, wordless
