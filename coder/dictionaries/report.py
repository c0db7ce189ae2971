"""`dict lint` and `dict stats`: what is wrong or doubtful in the dictionaries, and how much they cover."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from coder.dictionaries.loader import Loader
from coder.dictionaries.model import ActorEntry, VerbEntry
from coder.dictionaries.store import Dictionaries

IGNORED_LISTS = ("attribution", "markers")


@dataclass
class LintReport:
    errors: list[str] = field(default_factory=list)    # the loader refuses these
    warnings: list[str] = field(default_factory=list)  # loads, but doubtful

    def format_text(self) -> str:
        lines = [f"error: {e}" for e in self.errors] + [f"warning: {w}" for w in self.warnings]
        lines.append(f"{len(self.errors)} error(s), {len(self.warnings)} warning(s)")
        return "\n".join(lines)


def lint(root: Path) -> LintReport:
    store, problems = Loader(root).collect()
    report = LintReport(errors=[str(problem) for problem in problems])
    for duplicate in store.duplicates:
        report.warnings.append(f"{duplicate.again}: '{duplicate.phrase}' ({duplicate.lang}) repeats "
                               f"{duplicate.first}")
    for override in store.overrides:
        report.warnings.append(f"'{override.phrase}' ({override.lang}): {override.kept} overrides {override.replaced}")
    report.warnings.extend(_function_word_names(store))
    report.warnings.extend(_unreachable_patterns(store))
    report.warnings.extend(_overlapping_dates(store))
    return report


def _function_word_names(store: Dictionaries) -> list[str]:
    """Names and triggers that are also grammar words ("the", "yang", "akan") would match everywhere."""
    found = []
    for lang in store.languages:
        lists = store.word_lists.get(lang, {})
        # Speech verbs are meant to be triggers too; detection markers are only counted, never matched.
        grammar = set().union(*(words for name, words in lists.items() if name not in IGNORED_LISTS)) - {","}
        for kind, trie in (("actor", store.actors[lang]), ("agent", store.agents[lang]), ("verb", store.verbs[lang])):
            for keys, value in trie.items():
                if " ".join(keys) in grammar:
                    found.append(f"{value.origin}: {kind} name '{' '.join(keys)}' ({lang}) is a grammar word")
    return found


def _unreachable_patterns(store: Dictionaries) -> list[str]:
    """A pattern identical to an earlier one of the same verb can never be chosen."""
    found = []
    for lang in store.languages:
        seen: set[str] = set()
        for _, verb in store.verbs[lang].items():
            if verb.origin in seen:
                continue
            seen.add(verb.origin)
            shapes: dict[tuple, str] = {}
            for pattern in verb.patterns:
                shape = tuple((e.kind, e.alternatives) for e in pattern.before) + (("*",),) + tuple(
                    (e.kind, e.alternatives) for e in pattern.after)
                if shape in shapes:
                    found.append(f"{pattern.origin}: pattern '{pattern.text}' can never match: same as "
                                 f"{shapes[shape]}")
                else:
                    shapes[shape] = pattern.origin
    return found


def _overlapping_dates(store: Dictionaries) -> list[str]:
    found, seen = [], set()
    for trie in store.actors.values():
        for _, actor in trie.items():
            if actor.origin in seen or len(actor.dated) < 2:
                continue
            seen.add(actor.origin)
            ranges = sorted(actor.dated, key=lambda d: d.start or "")
            for earlier, later in zip(ranges, ranges[1:], strict=False):
                if earlier.code != later.code and (earlier.end is None or (later.start or "") < earlier.end):
                    found.append(f"{actor.origin}: actor '{actor.entry_id}': {earlier.code} and {later.code} "
                                 f"overlap from {later.start}")
    return found


@dataclass
class LanguageStats:
    actor_phrases: int = 0
    actor_codes: int = 0
    dated_people: int = 0
    agent_phrases: int = 0
    verb_triggers: int = 0
    verb_entries: int = 0
    patterns: int = 0
    codes: Counter = field(default_factory=Counter)  # CAMEO code -> patterns (verb defaults count as one)

    @property
    def roots(self) -> set[str]:
        return {code[:2] for code in self.codes}


def stats(store: Dictionaries) -> dict[str, LanguageStats]:
    result = {}
    for lang in store.languages:
        entry = LanguageStats()
        actors = [value for _, value in store.actors[lang].items()]
        entry.actor_phrases = len(actors)
        entry.actor_codes = len({a.code for a in actors} | {d.code for a in actors for d in a.dated})
        entry.dated_people = len({a.origin for a in actors if isinstance(a, ActorEntry) and a.dated})
        entry.agent_phrases = store.agents[lang].size
        verbs: dict[str, VerbEntry] = {}
        for _, verb in store.verbs[lang].items():
            entry.verb_triggers += 1
            verbs.setdefault(verb.origin, verb)
        entry.verb_entries = len(verbs)
        for verb in verbs.values():
            if verb.code != "---":
                entry.codes[verb.code] += 1
                entry.patterns += 1
            for pattern in verb.patterns:
                entry.patterns += 1
                if pattern.code != "---":
                    entry.codes[pattern.code] += 1
        result[lang] = entry
    return result


def format_stats(store: Dictionaries, by_code: bool = False) -> str:
    table = stats(store)
    lines = [f"{'':<22}" + "".join(f"{lang:>12}" for lang in table)]
    rows = (("actor phrases", "actor_phrases"), ("actor codes", "actor_codes"), ("dated people", "dated_people"),
            ("agent phrases", "agent_phrases"), ("verb entries", "verb_entries"),
            ("verb triggers", "verb_triggers"), ("patterns", "patterns"))
    for label, attribute in rows:
        lines.append(f"{label:<22}" + "".join(f"{getattr(s, attribute):>12}" for s in table.values()))
    lines.append(f"{'CAMEO codes covered':<22}" + "".join(f"{len(s.codes):>12}" for s in table.values()))
    lines.append(f"{'CAMEO roots covered':<22}" + "".join(f"{len(s.roots):>12}" for s in table.values()))
    if by_code:
        per_code: dict[str, dict[str, int]] = defaultdict(dict)
        for lang, s in table.items():
            for code, count in s.codes.items():
                per_code[code][lang] = count
        lines.append("")
        lines.append(f"{'code':<6}{'name':<56}" + "".join(f"{lang:>6}" for lang in table))
        for code in sorted(store.event_codes):
            name = store.event_codes[code][0][:54]
            lines.append(f"{code:<6}{name:<56}" + "".join(f"{per_code[code].get(lang, 0):>6}" for lang in table))
    return "\n".join(lines)
