"""Compiled dictionary entries: what the matcher and grammar work with after loading and validation."""

from __future__ import annotations

from dataclasses import dataclass, field


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

    kind: str  # "word" | "target" | "source"
    alternatives: tuple[tuple[str, ...], ...] = ()
    text: str = ""


@dataclass(frozen=True)
class VerbPattern:
    code: str
    before: tuple[PatternElement, ...]  # elements before the trigger, in text order
    after: tuple[PatternElement, ...]
    text: str
    origin: str

    @property
    def specificity(self) -> int:
        return sum(1 for element in self.before + self.after if element.kind == "word")


@dataclass(frozen=True)
class VerbEntry:
    trigger: str
    code: str  # "---": only the patterns code
    origin: str
    patterns: tuple[VerbPattern, ...] = ()


@dataclass
class LanguageWords:
    """Function words of one language, each a trie of lower-case phrases (see dictionaries/languages)."""

    lang: str
    origin: str
    lists: dict[str, list[str]] = field(default_factory=dict)
