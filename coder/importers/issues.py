"""Phoenix issue coding (`<ISSUE CATEGORY=...>` blocks of `phrase [CODE]`) -> `issues:` YAML.

Source syntax: `n:word` / `v:word` ask for noun/verb inflections (our lemma matching does that anyway, so
the markers are dropped); `a+b` means "a b", "ab" or "a-b" (all three are written); `~phrase` is a phrase
that must NOT count for the issue listed just above it (written as `exclude:`); a phrase without `[CODE]`
takes the category as its code. `†` (a mangled no-break space in the source) is read as a space.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path

from coder.importers import english
from coder.importers.report import ImportReport
from coder.importers.tabari import numbered, read_lines
from coder.importers.yamlout import flow_list

ISSUE_CODE = re.compile(r"^[A-Z][A-Z0-9_-]*$")


@dataclass
class Issue:
    code: str
    category: str
    kind: str  # TYPE attribute of the block: ALL (tag the story) or COUNTEVENT
    names: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)


def spellings(phrase: str) -> list[str]:
    """`pre+n:school` -> ["pre school", "preschool", "pre-school"]; markers n:/v:/m: dropped."""
    words = re.sub(r"\b[nvm]:", "", phrase.replace("†", " ")).split()
    options = []
    for word in words:
        parts = [p for p in word.split("+") if p]
        if len(parts) <= 1:
            options.append(["".join(parts)])
        else:
            options.append([" ".join(parts), "".join(parts), "-".join(parts)])
    return [" ".join(choice) for choice in itertools.product(*options)] if options else []


def convert_issues(path: Path, report: ImportReport) -> list[Issue]:
    name = path.name
    issues: dict[str, Issue] = {}
    category, kind = "", "ALL"
    last: Issue | None = None
    seen: dict[tuple[str, ...], tuple[str, int]] = {}
    for number, raw in numbered(read_lines(path)):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if match := re.match(r'^<ISSUE\s+CATEGORY="([^"]+)"(?:\s+TYPE="([^"]+)")?\s*>$', line):
            category, kind, last = match.group(1), match.group(2) or "ALL", None
            continue
        if line.startswith("</ISSUE"):
            category, last = "", None
            continue
        report.read[name] += 1
        if not category:
            report.reject(name, number, "phrase outside an <ISSUE> block", line)
            continue
        if line.startswith("~"):
            if last is None:
                report.reject(name, number, "exclusion before any phrase of its block", line)
                continue
            last.exclude += [s for s in spellings(line[1:]) if s not in last.exclude]
            report.converted[name] += 1
            continue
        codes = re.findall(r"\[([^\]]*)\]", line)
        text = re.sub(r"\[[^\]]*\]", " ", line).strip()
        code = codes[0].strip() if codes else category
        if len(codes) > 1 or not ISSUE_CODE.match(code):
            report.reject(name, number, "not one issue code", line)
            continue
        issue = issues.get(code)
        if issue is None:
            issue = issues[code] = Issue(code, category, kind)
        elif issue.category != category:
            report.lossy(name, number, "issue code used in two categories", line,
                         f"kept category {issue.category}")
        last = issue
        written = 0
        for phrase in spellings(text):
            keys = english.actor_keys(phrase)
            owner = seen.get(keys)
            if not keys:
                continue
            if owner is None:
                seen[keys] = (code, number)
                issue.names.append(phrase)
                written += 1
            elif owner[0] != code:
                report.reject(name, number, "same phrase, different issue", phrase,
                              f"kept {owner[0]} from line {owner[1]}")
            else:
                report.count("issue phrases repeated (written once)")
        if written:
            report.converted[name] += 1
    return list(issues.values())


def issue_yaml(issues: list[Issue]) -> str:
    lines = ["issues:"]
    for issue in issues:
        if not issue.names:
            continue
        lines.append(f"  - code: {issue.code}")
        lines.append(f"    category: {issue.category}")
        if issue.kind != "ALL":
            lines.append(f"    type: {issue.kind}")
        lines.append(f"    names: {{en: {flow_list(issue.names)}}}")
        if issue.exclude:
            lines.append(f"    exclude: {{en: {flow_list(issue.exclude)}}}")
    return "\n".join(lines) + "\n"
