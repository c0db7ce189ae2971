"""The loaded dictionaries: tries per language plus the CAMEO tables, ready for matching."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from coder.dictionaries.model import ActorEntry, AgentEntry, VerbEntry
from coder.phrases import PhraseTrie

if TYPE_CHECKING:
    from coder.languages import Language
    from coder.lexicon import Lexicon


@dataclass(frozen=True)
class Override:
    """A phrase of a project file that replaced the same phrase of an imported (base) file."""

    lang: str
    phrase: str
    kept: str
    replaced: str


@dataclass(frozen=True)
class Duplicate:
    """The same phrase given twice with the same meaning: harmless, but worth tidying."""

    lang: str
    phrase: str
    first: str
    again: str


@dataclass
class Dictionaries:
    root: Path
    languages: list[str] = field(default_factory=list)
    event_codes: dict[str, tuple[str, float]] = field(default_factory=dict)  # code -> (name, goldstein)
    quad_by_root: dict[str, int] = field(default_factory=dict)
    intent: dict[str, str] = field(default_factory=dict)
    reciprocal: tuple[str, ...] = ()  # code prefixes coded both ways between compound partners
    place_roots: tuple[str, ...] = ()  # code prefixes whose target may be a place ("in Kyiv")
    sectors: dict[str, str] = field(default_factory=dict)
    countries: dict[str, str] = field(default_factory=dict)
    actors: dict[str, PhraseTrie[ActorEntry]] = field(default_factory=dict)
    agents: dict[str, PhraseTrie[AgentEntry]] = field(default_factory=dict)
    verbs: dict[str, PhraseTrie[VerbEntry]] = field(default_factory=dict)
    # Entries for some written forms of a verb only ("met" besides "meet"): lang -> trigger keys -> entries.
    verb_forms: dict[str, dict[tuple[str, ...], list[tuple[frozenset[str], VerbEntry]]]] = field(default_factory=dict)
    words: dict[str, PhraseTrie[frozenset[str]]] = field(default_factory=dict)  # phrase -> word lists
    word_lists: dict[str, dict[str, set[str]]] = field(default_factory=dict)
    discards: dict[tuple[str, str], PhraseTrie[str]] = field(default_factory=dict)
    actor_names: dict[str, str] = field(default_factory=dict)  # from project files
    base_actor_names: dict[str, str] = field(default_factory=dict)  # from imported files
    overrides: list[Override] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)

    def actor_name(self, code: str) -> str | None:
        """A readable name: a project file's name, the CAMEO country name, an imported file's name, else
        the code's labels (imported names can be odd: Phoenix calls RUS "Russian SFSR")."""
        for table in (self.actor_names, self.countries, self.base_actor_names):
            if code in table:
                return table[code]
        parts = [code[i:i + 3] for i in range(0, len(code), 3)]
        labels = [self.countries.get(parts[0]) or self.sectors.get(parts[0])]
        labels += [(self.sectors.get(part) or "").lower() or None for part in parts[1:]]
        if not any(labels):
            return None
        return " ".join(label if label else part for label, part in zip(labels, parts, strict=True))

    def intent_code(self, code: str) -> str | None:
        """CAMEO's intent code for an event announced as future ("will meet" -> 036), if there is one."""
        for length in range(len(code), 1, -1):
            found = self.intent.get(code[:length])
            if found:
                return found
        return None

    def quad_class(self, code: str) -> int:
        return self.quad_by_root.get(code[:2], 0)

    def lexicon(self, language: Language) -> Lexicon:
        """The word cache of a language for these dictionaries, built on first use."""
        lexicons = self.__dict__.setdefault("_lexicons", {})
        if language.code not in lexicons:
            from coder.lexicon import Lexicon

            lexicons[language.code] = Lexicon(self, language)
        return lexicons[language.code]

    def __getstate__(self) -> dict:
        """Word caches stay behind: they are rebuilt where the dictionaries are unpickled."""
        return {key: value for key, value in self.__dict__.items() if key != "_lexicons"}
