"""PETRARCH verb dictionaries -> `verbs:` and `synsets:` YAML.

PETRARCH-1 (`CAMEO.verbpatterns.150430.txt`):

    &CEASEFIRE                      synonym set, `+` members until a blank line; `_` joins words
    +TRUCE
    --- ABANDON [080] ---           verb block with its default code ([---] or no code: patterns only)
    ABANDON                         verbs of the block; {irregular forms}; own [code]; +CARRY_OUT multi-word
    - * &CEASEFIRE [196]            pattern: * verb, + target, $ source, % compound, ^ skip a noun phrase

PETRARCH2 (`CAMEO.2.0.txt`) uses the same blocks with `(prepositional phrases)` and `{noun phrases}` in
patterns; those brackets only group words, so they are flattened. Its patterns are added where the
PETRARCH-1 file lacks them (see `merge_petrarch2`).

Our patterns: words must follow (or precede) the verb in order, gaps allowed, so `^` needs no token; `_`
between plain words is kept (the loader reads `a_b` as consecutive words). Triggers are written as base
forms; an irregular form is added as its own trigger only when its lemma differs from the base's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from coder.importers import english
from coder.importers.report import ImportReport
from coder.importers.tabari import numbered, read_lines
from coder.importers.yamlout import flow_list, quoted

SPECIAL = {"*", "+", "$", "%", "^"}
DUAL = "dual code [a:b]: the second (target-to-source) event is dropped"
COMPOUND = "compound actor % dropped (no symmetric coding)"


@dataclass
class VerbLine:
    text: str  # source text of the verb
    line: int
    triggers: list[str]
    code: str | None  # own code, when the verb line has one


@dataclass
class Block:
    name: str
    code: str
    line: int
    verbs: list[VerbLine] = field(default_factory=list)
    patterns: list[tuple[str, int]] = field(default_factory=list)  # (source text, line)
    forms: list[str] = field(default_factory=list)  # a block for these inflected forms only (MET besides MEET)


@dataclass
class Pattern:
    text: str
    code: str
    line: int
    key: tuple
    source: str = ""
    reverse: str = ""  # second half of a dual code [a:b], when the converter keeps it


@dataclass
class Entry:
    """One output verb entry: triggers sharing a default code and the patterns of their block."""

    triggers: list[str]
    code: str
    block: str
    file: str
    line: int
    block_line: int = 0
    patterns: list[Pattern] = field(default_factory=list)
    reverse: str = ""  # second half of a dual code [a:b], when the converter keeps it
    dominant: bool = False  # TABARI's `[031!]`: the event, once coded, is the sentence's only one
    pattern_keys: dict[tuple, Pattern] = field(default_factory=dict)
    forms: list[str] = field(default_factory=list)  # only where the word is written so

    def add_pattern(self, pattern: Pattern, report: ImportReport, file: str) -> bool:
        """Add unless the same pattern is there already (a different code for it is reported)."""
        old = self.pattern_keys.get(pattern.key)
        if old is None:
            self.pattern_keys[pattern.key] = pattern
            self.patterns.append(pattern)
            return True
        if old.code != pattern.code:
            report.reject(file, pattern.line, "same pattern, different code", pattern.source,
                          f"kept [{old.code}] from line {old.line} for block {self.block}", unit="patterns")
        return False


@dataclass
class VerbFile:
    name: str
    synsets: dict[str, list[str]]
    synset_lines: dict[str, int]
    blocks: list[Block]
    licence_text: str
    comments: dict[int, str] = field(default_factory=dict)  # pattern line -> verb its comment names


def trigger_text(raw: str) -> str:
    """`+CARRY_OUT` -> "carry out"; `RE_+ADMIT` -> "re-admit" (PETRARCH writes re- as RE_)."""
    words = [w for w in raw.replace("+", "").lower().split("_") if w]
    if len(words) > 1 and words[0] == "re":
        words = ["re-" + words[1], *words[2:]]
    return " ".join(words)


def parse_verb_file(path: Path, report: ImportReport) -> VerbFile:
    name = path.name
    lines = read_lines(path)
    synsets: dict[str, list[str]] = {}
    synset_lines: dict[str, int] = {}
    blocks: list[Block] = []
    comments: dict[int, str] = {}
    current_set: str | None = None
    block: Block | None = None
    in_transformations = False
    for number, raw in numbered(lines):
        stripped = raw.strip()
        if stripped.startswith("####"):
            in_transformations = "TRANSFORMATION" in stripped.upper()
            current_set = None
            continue
        if not stripped:
            current_set = None
            continue
        if stripped.startswith("#"):
            continue
        content = raw.split("#", 1)[0].strip()
        if in_transformations:
            report.read[name + " (transformations)"] += 1
            report.reject(name, number, "PETRARCH2 transformation (no equivalent in the format)", content,
                          unit="transformations")
            continue
        if content.startswith("&"):
            current_set = content.split()[0].rstrip("_").upper()
            if current_set in synsets:
                report.lossy(name, number, "synset defined twice", content, "members added to the first",
                             unit="synsets")
            synsets.setdefault(current_set, [])
            synset_lines.setdefault(current_set, number)
            continue
        if current_set is not None and content.startswith("+"):
            member = " ".join(w for w in content[1:].lower().split("_") if w)
            if member and member not in synsets[current_set]:
                synsets[current_set].append(member)
            continue
        if content.startswith("---"):
            match = re.match(r"^---\s*([^\[#]*?)\s*(?:\[([^\]]*)\])?[-#\s]*$", content)
            if not match:
                report.reject(name, number, "unreadable verb block header", content)
                block = None
                continue
            block = Block(match.group(1).strip() or "?", (match.group(2) or "---").strip(), number)
            blocks.append(block)
            continue
        if block is None:
            report.reject(name, number, "line outside any verb block", content)
            continue
        if content.startswith("-"):
            block.patterns.append((content[1:].strip(), number))
            named = raw.split("#", 1)[1].strip().split(" ")[0].strip(",") if "#" in raw else ""
            if re.fullmatch(r"[A-Z][A-Z_+-]*", named):
                comments[number] = named
            continue
        content = content.split(";", 1)[0]  # a few verb lines use `;` for a comment
        codes = re.findall(r"\[([^\]]*)\]", content)
        forms = re.findall(r"\{([^}]*)\}", content)
        main = re.sub(r"\[[^\]]*\]|\{[^}]*\}", " ", content).split()
        if len(main) != 1 or len(codes) > 1:
            report.reject(name, number, "unreadable verb line", content)
            continue
        texts = [trigger_text(main[0])] + [trigger_text(f) for f in re.split(r"[\s,]+", " ".join(forms)) if f]
        block.verbs.append(VerbLine(main[0], number, [t for t in texts if t], codes[0].strip() if codes else None))
    source_text = "\n".join(lines[:80])
    return VerbFile(name, synsets, synset_lines, blocks, source_text, comments)


def reverse_code(raw: str, event_codes: set[str]) -> str:
    """The target-to-source half of a dual code: `[032:033]` -> "033"; "" when there is none usable."""
    _, sep, second = raw.strip().partition(":")
    second = second.strip()
    return second if sep and second in event_codes else ""


def parse_code(raw: str, event_codes: set[str]) -> tuple[str, str] | tuple[None, str]:
    """`[072]` -> ("072", ""); `[040:040]` -> ("040", DUAL); errors -> (None, reason)."""
    text = raw.strip()
    if "!" in text:
        return None, f"code with an unknown '!' flag: {text}"
    if text == "---":
        return "---", ""  # a blocking pattern: where it matches, the verb codes no event
    first, sep, second = text.partition(":")
    first, second = first.strip(), second.strip()
    if sep and not first:
        return None, "target-to-source only code [:xxx] (the format cannot reverse the roles)"
    if not re.fullmatch(r"\d{2,4}", first):
        return None, f"unreadable code: {text}"
    if first not in event_codes:
        return None, f"not a CAMEO event code: {first}"
    if sep:
        return first, DUAL
    return first, ""


def split_token(token: str, join_synsets: bool = False) -> list[str]:
    """`DON'T_*` -> ["DON'T", "*"]; `IT_HAD_CAPTURED` stays one token (consecutive words); with `join_synsets`
    `NEW_&TIETYPES_RELATIONS` stays one token too."""
    out: list[str] = []
    plain: list[str] = []
    for part in token.split("_"):
        if not part:
            continue
        if part in SPECIAL or (part.startswith("&") and not join_synsets):
            if plain:
                out.append("_".join(plain))
                plain = []
            out.append(part)
        else:
            plain.append(part)
    if plain:
        out.append("_".join(plain))
    return out


def convert_pattern(raw: str, synsets: dict[str, list[str]], event_codes: set[str],
                    flatten: bool, compounds: bool = False) -> tuple[Pattern | None, str, str]:
    """A source pattern -> (Pattern, lossy note, "") or (None, "", reject reason). `compounds` (the suites)
    also keeps a word that looks like a truncated stem as the whole word it is ("EID" matches "Eid" in
    PETRARCH too; the Phoenix import drops such stems, which PETRARCH never matched in news)."""
    match = re.match(r"^(.*)\[([^\]]*)\]\s*$", raw)
    if not match:
        return None, "", "pattern without [code]"
    body, code_text = match.groups()
    code, note = parse_code(code_text, event_codes)
    if code is None:
        return None, "", note
    body = body.replace('"', " ")
    if flatten:
        body = re.sub(r"[(){}]", " ", body)
    elif re.search(r"[(){}\[\]]", body):
        return None, "", "stray bracket in pattern"
    tokens: list[str] = []
    for token in body.split():
        glued = compounds and "*" in token.split("_") and token.strip("_*") and not (set(token.split("_")) & {
            "+", "$", "%", "^"}) and not any(part.startswith("&") for part in token.split("_"))
        tokens += [token] if glued else split_token(token, join_synsets=compounds)
    notes = [note] if note else []
    out: list[str] = []
    key: list = []
    for token in tokens:
        if "*" in token and token != "*":  # `RECENTLY_*`, `*_OUT` (suites): words right next to the verb
            parts = [part.lower() for part in token.split("_") if part]
            out.append("_".join(parts))
            key.extend("*" if part == "*" else tuple(english.verb_keys(part)) for part in parts)
            key.append("_")  # not the same pattern as the words with gaps allowed ("SHOW NO *")
            continue
        if token == "^":
            if compounds:  # suites: "skip one participant" (`* AT ^ +`: the target is the second actor after AT)
                out.append(token)
                key.append(token)
            continue
        if token == "%" and not compounds:
            notes.append(COMPOUND)
            continue
        if token in ("*", "+", "$", "%"):
            out.append(token)
            key.append(token)
            continue
        if "&" in token and "_" in token.strip("_") and token.strip("_").upper() not in synsets:
            # `NEW_&TIETYPES_RELATIONS` (suites): one consecutive run
            parts = [p.upper() if p.startswith("&") else p.lower() for p in token.strip("_").split("_") if p]
            unknown = [p for p in parts if p.startswith("&") and p not in synsets]
            if unknown:
                return None, "", f"unknown synset: {unknown[0]}"
            out.append("_".join(parts))
            key.append(tuple(parts))
            continue
        if token.startswith("&"):
            name = token.rstrip("_").upper()
            if name not in synsets:
                return None, "", f"unknown synset: {name}"
            out.append(name)
            key.append(name)
            continue
        if not re.search(r"[A-Za-z0-9]", token):
            return None, "", "token without letters"
        words = token.lower().split("_")
        for word in words:
            if not compounds and english.looks_truncated(word):
                return None, "", f"truncated TABARI stem (PETRARCH matches whole words): {word}"
        out.append("_".join(words))
        key.append(tuple(k for w in words for k in english.verb_keys(w)))
    for marker in ("*", "+", "$", "%"):
        if out.count(marker) > 1:
            return None, "", f"more than one {marker}"
    if "*" not in key:
        out.insert(0, "*")
        key.insert(0, "*")
    if out == ["*"]:
        return None, "", "pattern with nothing but the verb"
    return Pattern(" ".join(out), code, 0, tuple(key)), "; ".join(notes), ""


def specificity(pattern: Pattern) -> int:
    return sum(1 for part in pattern.key if part not in ("*", "+", "$", "_"))


class VerbConverter:
    """Turns parsed verb files into conflict-free entries: one trigger, one entry."""

    def __init__(self, event_codes: set[str], report: ImportReport, dual_codes: bool = False,
                 compound_after_verb_is_target: bool = False) -> None:
        self.event_codes = event_codes
        self.report = report
        # Suites: keep [a:b]'s second half as the reverse event, and `%` (compound partners act on each other).
        self.dual_codes = dual_codes
        # PETRARCH reads `* WITH %` as "with each partner of the compound": our `+` (a target takes its conjuncts).
        self.compound_after_verb_is_target = compound_after_verb_is_target
        self.entries: list[Entry] = []
        self.trigger_owner: dict[tuple[str, ...], Entry] = {}
        self.synsets: dict[str, list[str]] = {}

    def block_code(self, file: str, block: Block) -> str:
        if block.code == "---":
            return "---"
        code, note = parse_code(self.without_flag(block.code), self.event_codes)
        if code is None:
            self.report.lossy(file, block.line, "block code unusable: the block codes only through patterns",
                              f"--- {block.name} [{block.code}] ---", note)
            return "---"
        if note and not self.dual_codes:
            self.report.lossy(file, block.line, DUAL, f"--- {block.name} [{block.code}] ---")
        return code

    def without_flag(self, raw: str) -> str:
        """Suites: TABARI's dominance flag `[031!]` is read apart (`dominant`), the code is 031."""
        return raw.strip().removesuffix("!") if self.dual_codes else raw

    def dominant(self, raw: str | None) -> bool:
        return bool(self.dual_codes and raw and raw.strip().endswith("!"))

    def reverse_of(self, raw: str | None) -> str:
        return reverse_code(raw, self.event_codes) if self.dual_codes and raw else ""

    def verb_code(self, file: str, verb: VerbLine, block: Block, block_code: str) -> str:
        """The code of a verb line: its own [code] if it has a usable one, else its block's."""
        if verb.code is None or verb.code == block.code:
            return block_code
        if verb.code == "---":
            return "---"
        code, note = parse_code(self.without_flag(verb.code), self.event_codes)
        if code is None:
            self.report.lossy(file, verb.line, "verb code unusable: the verb codes only through patterns",
                              verb.text, f"[{verb.code}]: {note}")
            return "---"
        if note and not self.dual_codes:
            self.report.lossy(file, verb.line, DUAL, f"{verb.text} [{verb.code}]")
        return code

    def claim(self, entry: Entry, verb: VerbLine, file: str) -> int:
        """Add a verb's triggers to an entry unless another entry has them; returns how many were added."""
        added = 0
        for text in verb.triggers:
            keys = english.verb_keys(text)
            if not keys:
                continue
            owner = self.trigger_owner.get(keys)
            if owner is None:
                self.trigger_owner[keys] = entry
                entry.triggers.append(text)
                added += 1
            elif (owner.file, owner.block_line) == (entry.file, entry.block_line):
                self.report.count("verb forms repeated within a block (written once)")
            elif text == verb.triggers[0]:
                self.report.reject(file, verb.line, "verb already in another block", verb.text,
                                   f"kept in block {owner.block} ({owner.file}:{owner.line})")
        return added

    def add_file(self, vf: VerbFile) -> None:
        """Convert a PETRARCH-1 file: every block becomes one entry (plus one per verb with its own code)."""
        self.add_synsets(vf)
        for block in vf.blocks:
            self.report.read[vf.name] += 1
            code = self.block_code(vf.name, block)
            main = Entry([], code, block.name, vf.name, block.line, block.line,
                         reverse=self.reverse_of(block.code) if code != "---" else "",
                         dominant=self.dominant(block.code) and code != "---")
            own: list[Entry] = []
            if block.forms:  # the lemma belongs to another block: this entry is for these words only
                main.triggers, main.forms = [t for v in block.verbs for t in v.triggers[:1]], block.forms
            for verb in [] if block.forms else block.verbs:
                vcode = self.verb_code(vf.name, verb, block, code)
                if vcode == code:
                    self.claim(main, verb, vf.name)
                    continue
                entry = Entry([], vcode, block.name, vf.name, verb.line, block.line,
                              reverse=self.reverse_of(verb.code) if vcode != "---" else "",
                              dominant=self.dominant(verb.code) and vcode != "---")
                if self.claim(entry, verb, vf.name):
                    own.append(entry)
            patterns = self.convert_patterns(vf, block.patterns)
            for pattern in patterns:
                if main.add_pattern(pattern, self.report, vf.name):
                    self.report.converted[vf.name + " (patterns)"] += 1
                elif main.pattern_keys[pattern.key].code == pattern.code:
                    self.report.count("verb patterns repeated in a block (written once)")
            for entry in own:
                for pattern in main.patterns:
                    entry.add_pattern(pattern, self.report, vf.name)
            for entry in [main, *own]:
                if entry.triggers:
                    self.entries.append(entry)
            if main.triggers or own:
                self.report.converted[vf.name] += 1
            else:
                self.report.reject(vf.name, block.line, "verb block without a usable verb", block.name,
                                   f"{len(block.patterns)} patterns not written")

    def add_synsets(self, vf: VerbFile) -> None:
        for name, members in vf.synsets.items():
            self.report.read[vf.name + " (synsets)"] += 1
            if not members:
                self.report.reject(vf.name, vf.synset_lines[name], "empty synset", name, unit="synsets")
                continue
            known = self.synsets.setdefault(name, [])
            added = [m for m in members if m not in known]
            if added and known:
                self.report.count(f"synset members added from {vf.name}", len(added))
            known += added
            self.report.converted[vf.name + " (synsets)"] += 1

    def convert_patterns(self, vf: VerbFile, raws: list[tuple[str, int]]) -> list[Pattern]:
        flatten = vf.name.startswith("CAMEO.2")
        out = []
        for raw, line in raws:
            self.report.read[vf.name + " (patterns)"] += 1
            pattern, note, error = convert_pattern(raw, self.synsets, self.event_codes, flatten,
                                                   compounds=self.dual_codes)
            if pattern is None:
                self.report.reject(vf.name, line, error.split(": ")[0], "- " + raw, error, unit="patterns")
                continue
            pattern.line, pattern.source = line, "- " + raw
            if self.compound_after_verb_is_target and "%" in pattern.key[pattern.key.index("*"):] \
                    and "+" not in pattern.key:
                pattern.key = tuple("+" if part == "%" else part for part in pattern.key)
                pattern.text = " ".join("+" if part == "%" else part for part in pattern.text.split())
            pattern.reverse = self.reverse_of(re.sub(r"^.*\[([^\]]*)\]\s*$", r"\1", raw))
            if pattern.reverse:
                note = "; ".join(part for part in note.split("; ") if part != DUAL)
            for part in filter(None, note.split("; ")):
                self.report.lossy(vf.name, line, part, "- " + raw, unit="patterns")
            out.append(pattern)
        return out

    def merge_petrarch2(self, vf: VerbFile) -> None:
        """Add what PETRARCH2's file has and the PETRARCH-1 file lacks.

        A pattern goes to the entry of the verb its comment names (the verb it was found with), else to the
        entry of the block's first known verb. Verbs new in PETRARCH2 join that entry; a block with no known
        verb becomes a new entry.
        """
        self.add_synsets(vf)
        added_patterns = added_verbs = 0
        for block in vf.blocks:
            self.report.read[vf.name] += 1
            verbs = [v for v in block.verbs if v.triggers]
            known = [self.trigger_owner.get(english.verb_keys(v.triggers[0])) for v in verbs]
            code = self.block_code(vf.name, block)
            home = next((entry for entry in known if entry is not None), None)
            if home is None:
                home = Entry([], code, block.name, vf.name, block.line, block.line)
                self.entries.append(home)
            own: list[Entry] = []
            for verb, owner in zip(verbs, known, strict=True):
                vcode = self.verb_code(vf.name, verb, block, code)
                if owner is not None:
                    if vcode != owner.code:
                        self.report.reject(vf.name, verb.line, "verb code differs from the PETRARCH-1 file",
                                           f"{verb.text} [{vcode}]", f"kept [{owner.code}] of block {owner.block} "
                                           f"({owner.file}:{owner.line})")
                    continue
                if vcode == home.code:
                    added_verbs += self.claim(home, verb, vf.name)
                    continue
                entry = Entry([], vcode, block.name, vf.name, verb.line, block.line)
                if self.claim(entry, verb, vf.name):
                    added_verbs += len(entry.triggers)
                    own.append(entry)
                    self.entries.append(entry)
            patterns = self.convert_patterns(vf, block.patterns)
            for pattern in patterns:
                target = home
                named = vf.comments.get(pattern.line)
                if named:
                    target = self.trigger_owner.get(english.verb_keys(trigger_text(named)), home)
                if target.add_pattern(pattern, self.report, vf.name):
                    added_patterns += 1
                    self.report.converted[vf.name + " (patterns)"] += 1
                elif target.pattern_keys[pattern.key].code == pattern.code:
                    self.report.count(f"patterns of {vf.name} already in the PETRARCH-1 file")
                for entry in own:  # verbs new in PETRARCH2 with their own code take the block's patterns
                    entry.add_pattern(pattern, self.report, vf.name)
            self.report.converted[vf.name] += 1
        self.entries = [entry for entry in self.entries if entry.triggers]
        self.report.count(f"patterns added from {vf.name}", added_patterns)
        self.report.count(f"verbs added from {vf.name}", added_verbs)


def root_of(code: str) -> str:
    return "none" if code == "---" else code[:2]


def verb_yaml(entries: list[Entry]) -> str:
    lines = ["layer: base", "verbs:"]
    for entry in entries:
        lines.append(f"  - verb: {flow_list(entry.triggers)}")
        lines.append(f"    code: {quoted(entry.code)}")
        if entry.reverse:
            lines.append(f"    reverse: {quoted(entry.reverse)}")
        if entry.dominant:
            lines.append("    dominant: true")
        if entry.forms:
            lines.append(f"    forms: {flow_list(entry.forms)}")
        lines.append(f"    comment: {quoted('PETRARCH block ' + entry.block + ' (' + entry.file + ')')}")
        if entry.patterns:
            lines.append("    patterns:")
            for pattern in sorted(entry.patterns, key=specificity, reverse=True):
                reverse = f", reverse: {quoted(pattern.reverse)}" if pattern.reverse else ""
                lines.append(f"      - {{pattern: {quoted(pattern.text)}, code: {quoted(pattern.code)}{reverse}}}")
    return "\n".join(lines) + "\n"


def synset_yaml(synsets: dict[str, list[str]]) -> str:
    lines = ["layer: base", "synsets:"]
    lines += [f"  {quoted(name)}: {flow_list(members)}" for name, members in sorted(synsets.items()) if members]
    return "\n".join(lines) + "\n"
