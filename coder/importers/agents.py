"""Phoenix agents (`FARMER [~AGR]`, `CATTLE!PERSON! [~AGR]`) -> `agents:` YAML grouped by sector code.

`[~GOV]` adds the sector after an actor code (our only kind of agent). `[IGO~]` puts a code before the
actor's; the YAML format cannot say that, so those are reported. `!SET! = A, B` substitution sets expand
where they stand (`CATTLE!PERSON!` -> cattleman, cattlemen, ...). `{FORMS}` lists extra forms of the phrase.
Agents are written in lower case: they are common words, matched on lemmas like the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from coder.importers import english
from coder.importers.report import ImportReport
from coder.importers.tabari import numbered, phrase_words, read_lines
from coder.importers.yamlout import flow_list

SECTORS = re.compile(r"^(?:[A-Z0-9]{3})+$")


@dataclass
class AgentGroup:
    code: str
    names: list[str] = field(default_factory=list)


def _expand(text: str, sets: dict[str, list[str]]) -> list[str] | str:
    """All spellings of `text` with its substitution sets filled in; an error message when it cannot be."""
    match = re.search(r"!([A-Z]+)!", text)
    if not match:
        return [text]
    name = match.group(1)
    if name not in sets:
        return f"unknown substitution set !{name}!"
    after = text[match.end():]
    if after[:1].isalpha():
        return f"substitution set !{name}! inside a word"
    out = []
    for value in sets[name]:
        expanded = _expand(text[:match.start()] + value + after, sets)
        if isinstance(expanded, str):
            return expanded
        out += expanded
    return out


def _fix_stems(words: list[str], sets: dict[str, list[str]]) -> list[list[str]] | str:
    """Word lists with truncated TABARI stems replaced by the set of the same name (MINIST -> MINISTER...)."""
    variants: list[list[str]] = [[]]
    for word in words:
        if english.looks_truncated(word):
            if word.upper() not in sets:
                return f"truncated TABARI stem (PETRARCH matches whole words): {word.lower()}"
            variants = [v + [alt] for v in variants for alt in sets[word.upper()]]
        else:
            variants = [v + [word] for v in variants]
    return variants


def convert_agents(path: Path, report: ImportReport) -> list[AgentGroup]:
    name = path.name
    sets: dict[str, list[str]] = {}
    groups: dict[str, AgentGroup] = {}
    seen: dict[tuple[str, ...], tuple[str, int]] = {}
    for number, raw in numbered(read_lines(path)):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if match := re.match(r"^!([A-Z]+)!\s*=\s*(.+)$", line):
            sets[match.group(1)] = [v.strip() for v in match.group(2).split(",") if v.strip()]
            continue
        report.read[name] += 1
        codes = re.findall(r"\[([^\]]*)\]", line)
        text = re.sub(r"\[[^\]]*\]", " ", line)
        forms = re.findall(r"\{([^}]*)\}", text)
        text = re.sub(r"\{[^}]*\}", " ", text).strip()
        if len(codes) != 1:
            report.reject(name, number, "agent line without exactly one [code]", line)
            continue
        code = codes[0].strip()
        if code.endswith("~"):
            report.reject(name, number, "prefix agent [CODE~] (the format has only suffix agents)", line)
            continue
        code = code.lstrip("~")
        if not SECTORS.match(code):
            report.reject(name, number, "not a sector code (groups of three capitals)", line)
            continue
        phrases: list[str] = []
        problem = ""
        for source in [text, *" ".join(forms).split()]:
            expanded = _expand(source, sets)
            if isinstance(expanded, str):
                problem = expanded
                break
            for item in expanded:
                fixed = _fix_stems(phrase_words(item), sets)
                if isinstance(fixed, str):
                    problem = fixed
                    break
                phrases += [" ".join(words).lower() for words in fixed if words]
            if problem:
                break
        if problem:
            reason = re.sub(r": .*| ![A-Z]+!", "", problem)
            report.reject(name, number, reason, line, problem)
            continue
        written = conflicts = 0
        for phrase in phrases:
            keys = english.actor_keys(phrase)
            if not keys:
                continue
            owner = seen.get(keys)
            if owner is None:
                seen[keys] = (code, number)
                groups.setdefault(code, AgentGroup(code)).names.append(phrase)
                written += 1
            elif owner[0] != code:
                conflicts += 1
                report.reject(name, number, "same phrase, different code", phrase,
                              f"kept {owner[0]} from line {owner[1]}; this line has {code}")
            else:
                report.count("agent phrases repeated with the same code (written once)")
        if written:
            report.converted[name] += 1
        elif not conflicts:
            report.count("agent lines that only repeat earlier phrases (written once)")
    return list(groups.values())


def agent_yaml(groups: list[AgentGroup]) -> str:
    lines = ["layer: base", "agents:"]
    for group in groups:
        lines.append(f"  - code: {group.code}")
        lines.append(f"    names: {{en: {flow_list(group.names)}}}")
    return "\n".join(lines) + "\n"
