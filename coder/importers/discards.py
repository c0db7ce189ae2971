"""Phoenix discards (`SOCCER`, `+WORLD CUP`) -> `discards:` YAML; a leading `+` marks a story-level discard."""

from __future__ import annotations

from pathlib import Path

from coder.importers import english
from coder.importers.report import ImportReport
from coder.importers.tabari import numbered, phrase_words, read_lines
from coder.importers.yamlout import flow_list


def convert_discards(path: Path, report: ImportReport) -> dict[str, list[str]]:
    """scope ("story" | "sentence") -> phrases, lower case, in source order."""
    name = path.name
    scopes: dict[str, list[str]] = {"story": [], "sentence": []}
    seen: dict[tuple[str, ...], tuple[str, int]] = {}
    for number, raw in numbered(read_lines(path)):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        report.read[name] += 1
        scope = "story" if line.startswith("+") else "sentence"
        phrase = " ".join(phrase_words(line.lstrip("+"))).lower()
        keys = english.actor_keys(phrase)
        if not keys:
            report.reject(name, number, "empty discard phrase", raw)
            continue
        owner = seen.get(keys)
        if owner is None:
            seen[keys] = (scope, number)
            scopes[scope].append(phrase)
            report.converted[name] += 1
        elif owner[0] != scope:
            report.reject(name, number, "same phrase, both story and sentence discard", phrase,
                          f"kept {owner[0]} from line {owner[1]}")
        else:
            report.count("discard phrases repeated (written once)")
    return scopes


def discard_yaml(scopes: dict[str, list[str]]) -> str:
    lines = ["layer: base", "discards:"]
    for scope in ("story", "sentence"):
        if scopes[scope]:
            lines += ["  - lang: en", f"    scope: {scope}", f"    phrases: {flow_list(scopes[scope])}"]
    return "\n".join(lines) + "\n"
