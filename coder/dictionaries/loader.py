"""Load and validate the YAML dictionaries into tries the matcher can use.

Every error is collected with file, line and entry; loading fails with all of them at once, so nothing is
dropped silently. Files may say `layer: base` (imported dictionaries): where a phrase of a base file clashes
with a project file, the project file wins and the clash is kept in `Dictionaries.overrides` for `dict lint`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date as Date
from pathlib import Path

from coder.dictionaries.model import (
    ActorEntry,
    AgentEntry,
    DatedCode,
    PatternElement,
    VerbEntry,
    VerbPattern,
)
from coder.dictionaries.problems import DictionaryError, Problem
from coder.dictionaries.store import Dictionaries, Duplicate, Override
from coder.dictionaries.yamlsource import Mapping, Sequence, Text, YamlSyntaxError, read_yaml
from coder.languages import LANGUAGES, Language, get_language
from coder.phrases import STEM_KEY, PhraseTrie

ACTOR_CODE = re.compile(r"^(?:[A-Z0-9]{3})+$")
NO_ACTOR = "---"  # a dated code: in that range the name is no actor (a person not yet in office)
SECTOR_CODE = re.compile(r"^(?:[A-Z0-9]{3})+$")
EVENT_CODE = re.compile(r"^\d{2,4}$")
ANY_LANGUAGE = "any"
WORD_LISTS = ("markers", "negation", "future", "attribution", "conjunctions", "passive_agent",
              "passive_auxiliaries", "passive_prefixes", "relative_markers", "clause_breaks",
              "location_prepositions", "skip_words", "complement_markers", "agent_joiners",
              "undergoer_forms", "pronouns", "former")


class Loader:
    """One loading run: reads files, records problems, fills a Dictionaries store."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.problems: list[Problem] = []
        self.store = Dictionaries(root=root)
        self._layers: dict[int, str] = {}  # id(entry) -> layer of the file that defined it

    # -- helpers ---------------------------------------------------------------------------------------
    def relative(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.root.parent))
        except ValueError:
            return str(path)

    def problem(self, path: Path, node: object, entry: str, message: str) -> None:
        line = getattr(node, "line", 0)
        self.problems.append(Problem(self.relative(path), line, entry, message))

    def files(self, folder: str) -> Iterator[Path]:
        base = self.root / folder
        if base.is_dir():
            yield from sorted(base.rglob("*.yaml"))

    def read(self, path: Path) -> Mapping | None:
        try:
            data = read_yaml(path)
        except YamlSyntaxError as error:
            self.problems.append(Problem(self.relative(path), error.line, "", error.message))
            return None
        if data is None:
            return None
        if not isinstance(data, Mapping):
            self.problem(path, data, "", "the file must be a mapping (e.g. `actors:` followed by a list)")
            return None
        return data

    def check_keys(self, path: Path, node: Mapping, entry: str, allowed: set[str], required: set[str]) -> bool:
        ok = True
        for key in node:
            if key not in allowed:
                self.problem(path, key, entry, f"unknown key '{key}' (allowed: {', '.join(sorted(allowed))})")
                ok = False
        for key in sorted(required - set(node)):
            self.problem(path, node, entry, f"missing '{key}'")
            ok = False
        return ok

    def text_list(self, path: Path, node: object, entry: str, what: str) -> list[Text]:
        """A list of non-empty strings; a single string is accepted as a list of one."""
        if isinstance(node, Text):
            node = [node]
        if not isinstance(node, list):
            self.problem(path, node, entry, f"{what} must be a list of text")
            return []
        items = []
        for item in node:
            if not isinstance(item, Text) or not item.strip():
                self.problem(path, item if item is not None else node, entry, f"{what}: empty or non-text item")
            else:
                items.append(item)
        return items

    def section(self, path: Path, data: Mapping, key: str) -> list:
        node = data.get(key)
        if node is None:
            return []
        if not isinstance(node, Sequence):
            self.problem(path, node, "", f"'{key}' must be a list of entries")
            return []
        return node

    def layer_of(self, path: Path, data: Mapping) -> str:
        layer = data.get("layer", "main")
        if layer not in ("main", "base"):
            self.problem(path, layer, "", f"layer must be 'main' or 'base', not '{layer}'")
            return "main"
        return str(layer)

    def languages_of(self, path: Path, names: Mapping, entry: str) -> Iterator[tuple[Language, Text]]:
        """(language, phrase) pairs of a `names:` mapping; `any` expands to every loaded language."""
        for lang, phrases in names.items():
            if lang == ANY_LANGUAGE:
                targets = [get_language(code) for code in self.store.languages]
            elif lang in self.store.languages:
                targets = [get_language(lang)]
            else:
                known = ", ".join([*self.store.languages, ANY_LANGUAGE])
                self.problem(path, lang, entry, f"unknown language '{lang}' (known: {known})")
                continue
            for phrase in self.text_list(path, phrases, entry, f"names.{lang}"):
                for language in targets:
                    yield language, phrase

    def add_phrase(self, trie: PhraseTrie, keys: tuple[str, ...], value: object, layer: str, path: Path,
                   phrase: Text, entry: str, lang: str, same: callable) -> None:
        """Add a phrase; a clash with a different meaning is an error, or an override across layers."""
        existing = trie.add(keys, value)
        if existing is None:
            return
        if same(existing, value):
            if origin_of(existing) == origin_of(value):  # spelling variants of one entry
                return
            self.store.duplicates.append(Duplicate(lang, str(phrase), origin_of(existing),
                                                   f"{self.relative(path)}:{phrase.line}"))
            return
        existing_layer = self._layers.get(id(existing), "main")
        if existing_layer == "base" and layer == "main":
            self._replace(trie, keys, value)
            self.store.overrides.append(Override(lang, str(phrase), kept=describe(value), replaced=describe(existing)))
        elif existing_layer == "main" and layer == "base":
            self.store.overrides.append(Override(lang, str(phrase), kept=describe(existing), replaced=describe(value)))
        else:
            self.problem(path, phrase, entry,
                         f"'{phrase}' ({lang}) is already {describe(existing)}; one phrase, one meaning")

    @staticmethod
    def _replace(trie: PhraseTrie, keys: tuple[str, ...], value: object) -> None:
        node = trie.root
        for key in keys:
            node = node[key]
        node[""] = value

    # -- sections --------------------------------------------------------------------------------------
    def load_cameo(self) -> None:
        codes_path = self.root / "cameo" / "event_codes.yaml"
        data = self.read(codes_path) if codes_path.exists() else None
        if data is None:
            self.problems.append(Problem(self.relative(codes_path), 0, "", "missing CAMEO event code table"))
            return
        for code, info in (data.get("event_codes") or {}).items():
            try:
                self.store.event_codes[str(code)] = (str(info["name"]), float(info["goldstein"]))
            except (KeyError, TypeError, ValueError):
                self.problem(codes_path, code, str(code), "needs a name and a numeric goldstein")
        classes_path = self.root / "cameo" / "classes.yaml"
        classes = self.read(classes_path) if classes_path.exists() else None
        if classes is None:
            self.problems.append(Problem(self.relative(classes_path), 0, "", "missing quad classes"))
            return
        for quad, roots in (classes.get("quad_classes") or {}).items():
            for root in roots:
                self.store.quad_by_root[str(root)] = int(quad)
        self.store.reciprocal = tuple(str(prefix) for prefix in (classes.get("reciprocal") or ()))
        self.store.place_roots = tuple(str(prefix) for prefix in (classes.get("place_targets") or ()))
        for prefix, code in (classes.get("intent") or {}).items():
            if str(code) not in self.store.event_codes:
                self.problem(classes_path, code, f"intent {prefix}", f"unknown CAMEO code '{code}'")
            self.store.intent[str(prefix)] = str(code)
        for name, key in (("sectors.yaml", "sectors"), ("countries.yaml", "countries")):
            path = self.root / "cameo" / name
            table = self.read(path) if path.exists() else None
            if table:
                getattr(self.store, key).update({str(k): str(v) for k, v in (table.get(key) or {}).items()})

    def load_languages(self) -> None:
        paths = list(self.files("languages"))
        for path in paths:
            if path.stem not in LANGUAGES:
                self.problem(path, None, "", f"no language module for '{path.stem}' "
                             f"(known: {', '.join(sorted(LANGUAGES))})")
                continue
            self.store.languages.append(path.stem)
        for path in paths:
            if path.stem not in self.store.languages:
                continue
            data = self.read(path) or Mapping()
            language = get_language(path.stem)
            for key in data:
                if key not in WORD_LISTS:
                    self.problem(path, key, "", f"unknown word list '{key}' (allowed: {', '.join(WORD_LISTS)})")
            # One trie for all lists, so a sentence is scanned once; a phrase may belong to several lists.
            trie: PhraseTrie[frozenset[str]] = PhraseTrie()
            for name in WORD_LISTS:
                phrases = self.text_list(path, data.get(name, []), name, name)
                self.store.word_lists.setdefault(path.stem, {})[name] = {str(p).lower() for p in phrases}
                if name == "markers":  # only counted by language detection
                    continue
                for phrase in phrases:
                    keys = tuple(word.lower() for word in language.tokenize_phrase(phrase))
                    if keys:
                        existing = trie.get(keys)
                        if existing is None:
                            trie.add(keys, frozenset([name]))
                        else:
                            self._replace(trie, keys, existing | {name})
            self.store.words[path.stem] = trie

    def load_actors(self) -> None:
        for lang in self.store.languages:
            self.store.actors[lang] = PhraseTrie()
        for path in self.files("actors"):
            data = self.read(path)
            if data is None:
                continue
            self.check_keys(path, data, "", {"actors", "layer"}, {"actors"})
            layer = self.layer_of(path, data)
            for node in self.section(path, data, "actors"):
                self.load_actor(path, node, layer)

    def load_actor(self, path: Path, node: object, layer: str) -> None:
        if not isinstance(node, Mapping):
            self.problem(path, node, "", "an actor entry must be a mapping with code and names")
            return
        names = node.get("names")
        first_name = first_phrase(names)
        entry = f"actor '{node.get('id') or first_name or node.get('code')}'"
        if not self.check_keys(path, node, entry, {"code", "id", "names", "dated", "comment"}, {"code", "names"}):
            return
        code = node["code"]
        if not isinstance(code, Text) or not ACTOR_CODE.match(code):
            self.problem(path, code, entry, f"code '{code}' must be groups of three capitals/digits (RUS, RUSGOV)")
            return
        dated = tuple(self.dated_codes(path, node.get("dated"), entry))
        if not isinstance(names, Mapping):
            self.problem(path, names if names is not None else node, entry, "names must map languages to lists")
            return
        actor = ActorEntry(entry_id=str(node.get("id") or first_name), code=str(code),
                           origin=f"{self.relative(path)}:{node.line}", dated=dated)
        self._layers[id(actor)] = layer
        known_names = self.store.actor_names if layer == "main" else self.store.base_actor_names
        known_names.setdefault(str(code), str(first_name))
        for language, phrase in self.languages_of(path, names, entry):
            keys = tuple(language.actor_key(word) for word in language.tokenize_phrase(phrase))
            self.add_phrase(self.store.actors[language.code], keys, actor, layer, path, phrase, entry,
                            language.code, same_actor)

    def dated_codes(self, path: Path, node: object, entry: str) -> Iterator[DatedCode]:
        if node is None:
            return
        if not isinstance(node, Sequence):
            self.problem(path, node, entry, "dated must be a list of {code, from, to}")
            return
        for item in node:
            if not isinstance(item, Mapping):
                self.problem(path, item, entry, "a dated code must be a mapping {code, from, to}")
                continue
            if not self.check_keys(path, item, entry, {"code", "from", "to"}, {"code"}):
                continue
            code = item["code"]
            if not isinstance(code, Text) or not (ACTOR_CODE.match(code) or code == NO_ACTOR):
                self.problem(path, code, entry, f"dated code '{code}' must be groups of three capitals or ---")
                continue
            start = self.iso_date(path, item.get("from"), entry)
            end = self.iso_date(path, item.get("to"), entry)
            if start and end and start >= end:
                self.problem(path, item, entry, f"dated code {code}: from {start} is not before to {end}")
                continue
            yield DatedCode(str(code), start, end)

    def iso_date(self, path: Path, node: object, entry: str) -> str | None:
        if node is None:
            return None
        try:
            return Date.fromisoformat(str(node)).isoformat()
        except ValueError:
            self.problem(path, node, entry, f"date '{node}' is not a date (YYYY-MM-DD)")
            return None

    def load_agents(self) -> None:
        for lang in self.store.languages:
            self.store.agents[lang] = PhraseTrie()
        for path in self.files("agents"):
            data = self.read(path)
            if data is None:
                continue
            self.check_keys(path, data, "", {"agents", "layer"}, {"agents"})
            layer = self.layer_of(path, data)
            for node in self.section(path, data, "agents"):
                if not isinstance(node, Mapping):
                    self.problem(path, node, "", "an agent entry must be a mapping with code and names")
                    continue
                entry = f"agent '{first_phrase(node.get('names')) or node.get('code')}'"
                if not self.check_keys(path, node, entry, {"code", "names", "comment"}, {"code", "names"}):
                    continue
                code = node["code"]
                if not isinstance(code, Text) or not SECTOR_CODE.match(code):
                    self.problem(path, code, entry, f"agent code '{code}' must be 3-letter sector codes (MIL, GOVMIL)")
                    continue
                if not isinstance(node["names"], Mapping):
                    self.problem(path, node["names"], entry, "names must map languages to lists")
                    continue
                for language, phrase in self.languages_of(path, node["names"], entry):
                    agent = AgentEntry(str(phrase), str(code), f"{self.relative(path)}:{phrase.line}")
                    self._layers[id(agent)] = layer
                    keys = tuple(language.actor_key(word) for word in language.tokenize_phrase(phrase))
                    self.add_phrase(self.store.agents[language.code], keys, agent, layer, path, phrase, entry,
                                    language.code, same_agent)

    def load_verbs(self) -> None:
        for lang in self.store.languages:
            self.store.verbs[lang] = PhraseTrie()
            language = get_language(lang)
            files = [(path, self.read(path)) for path in self.files(f"verbs/{lang}")]
            synsets: dict[str, tuple[tuple[str, ...], ...]] = {}
            for path, data in files:
                if data is None:
                    continue
                self.check_keys(path, data, "", {"verbs", "synsets", "layer"}, set())
                for name, phrases in (data.get("synsets") or {}).items():
                    if not name.startswith("&"):
                        self.problem(path, name, f"synset '{name}'", "synset names start with '&'")
                        continue
                    if name in synsets:
                        self.problem(path, name, f"synset '{name}'", "defined twice")
                        continue
                    items = self.text_list(path, phrases, f"synset '{name}'", "synset")
                    synsets[name] = tuple(self.member_keys(language, item) for item in items)
            for path, data in files:
                if data is None:
                    continue
                layer = self.layer_of(path, data)
                for node in self.section(path, data, "verbs"):
                    self.load_verb(path, node, language, synsets, layer)

    @staticmethod
    def verb_keys(language: Language, phrase: str) -> tuple[str, ...]:
        return tuple(key for word in language.tokenize_phrase(phrase) for key in language.verb_keys(word))

    def member_keys(self, language: Language, phrase: str) -> tuple[str, ...]:
        """Keys of a synset member; a word after the first written `word~` is a stem (STEM_KEY + word):
        "yum ... yennyen~" matches "yum yennyener"."""
        keys: list[str] = []
        for word in str(phrase).split():
            if keys and word.endswith("~") and len(word) > 1:
                keys.append(STEM_KEY + word[:-1].lower())
            else:
                keys += self.verb_keys(language, word)
        return tuple(keys)

    def event_code(self, path: Path, node: object, entry: str, allow_none: bool = False) -> str | None:
        code = str(node) if node is not None else ""
        if allow_none and code == "---":
            return code
        if not EVENT_CODE.match(code) or code not in self.store.event_codes:
            self.problem(path, node, entry, f"'{code}' is not a CAMEO event code (write it quoted: \"072\")")
            return None
        return code

    def load_verb(self, path: Path, node: object, language: Language,
                  synsets: dict[str, tuple[tuple[str, ...], ...]], layer: str) -> None:
        if not isinstance(node, Mapping):
            self.problem(path, node, "", "a verb entry must be a mapping with verb and code")
            return
        triggers = node.get("verb")
        entry = f"verb '{first_phrase(triggers) or '?'}'"
        if not self.check_keys(path, node, entry,
                               {"verb", "code", "reverse", "forms", "patterns", "comment", "dominant"},
                               {"verb", "code"}):
            return
        forms = frozenset(str(form).lower() for form in self.text_list(path, node.get("forms", []), entry, "forms"))
        code = self.event_code(path, node["code"], entry, allow_none=True)
        reverse = self.event_code(path, node["reverse"], entry) if "reverse" in node else None
        dominant = str(node.get("dominant", "false")).lower()
        if dominant not in ("true", "false"):
            self.problem(path, node["dominant"], entry, "dominant must be true or false")
        patterns = []
        raw_patterns = node.get("patterns")
        if raw_patterns is None:
            raw_patterns = Sequence()
        elif not isinstance(raw_patterns, Sequence):
            self.problem(path, raw_patterns, entry, "patterns must be a list of {pattern, code}")
            raw_patterns = []
        for item in raw_patterns:
            pattern = self.load_pattern(path, item, entry, language, synsets)
            if pattern is not None:
                patterns.append(pattern)
        if code is None:
            return
        ordered = tuple(sorted(patterns, key=lambda pattern: -pattern.specificity))
        for trigger in self.text_list(path, triggers, entry, "verb"):
            keys = self.verb_keys(language, trigger)
            if not keys:
                self.problem(path, trigger, entry, f"trigger '{trigger}' has no words")
                continue
            verb = VerbEntry(trigger=str(trigger), code=code, origin=f"{self.relative(path)}:{node.line}",
                             patterns=ordered, reverse=reverse, dominant=dominant == "true")
            self._layers[id(verb)] = layer
            if forms:  # "met" besides "meet": used where the word is written so, instead of the lemma's entry
                self.store.verb_forms.setdefault(language.code, {}).setdefault(keys, []).append((forms, verb))
                continue
            self.add_phrase(self.store.verbs[language.code], keys, verb, layer, path, trigger, entry,
                            language.code, lambda a, b: a.origin == b.origin)

    def load_pattern(self, path: Path, item: object, entry: str, language: Language,
                     synsets: dict[str, tuple[tuple[str, ...], ...]]) -> VerbPattern | None:
        if not isinstance(item, Mapping):
            self.problem(path, item, entry, "a pattern must be a mapping {pattern, code}")
            return None
        if not self.check_keys(path, item, entry, {"pattern", "code", "reverse", "comment"}, {"pattern", "code"}):
            return None
        text = str(item["pattern"])
        where = f"{entry} pattern '{text}'"
        code = self.event_code(path, item["code"], where, allow_none=True)  # "---": this is no event
        reverse = self.event_code(path, item["reverse"], where) if "reverse" in item else None
        tokens, adjacent = [], set()
        for token in text.split():  # `recently_*`, `*_out`, `would_*_talks`: words right next to the verb
            if "*" in token.split("_") and token != "*":
                parts = token.split("_")
                star = parts.index("*")
                before, after = "_".join(parts[:star]), "_".join(parts[star + 1:])
                for word in (before, "*", after):
                    if word and word != "*":
                        adjacent.add(len(tokens))
                    if word:
                        tokens.append(word)
            else:
                tokens.append(token)
        if "*" not in tokens:
            tokens = ["*", *tokens]
            adjacent = {index + 1 for index in adjacent}
        if any(tokens.count(slot) > 1 for slot in ("*", "+", "$", "%")):
            self.problem(path, item["pattern"], where, "use '*', '+', '$' and '%' at most once each")
            return None
        elements: list[PatternElement] = []
        for token in tokens:
            if token == "*":
                elements.append(PatternElement("trigger"))
            elif token == "+":
                elements.append(PatternElement("target", text=token))
            elif token == "$":
                elements.append(PatternElement("source", text=token))
            elif token == "%":
                elements.append(PatternElement("compound", text=token))
            elif token == "^":
                elements.append(PatternElement("skip", text=token))
            elif token.startswith("&") and (token in synsets or "_" not in token):
                if token not in synsets:
                    self.problem(path, item["pattern"], where, f"unknown synset '{token}'")
                    return None
                elements.append(PatternElement("word", synsets[token], token))
            elif "&" in token:  # "new_&TIETYPES_relations": words and synset members, consecutive
                alternatives = self.joined_run(token, synsets, language)
                if alternatives is None:
                    self.problem(path, item["pattern"], where, f"unknown synset in '{token}'")
                    return None
                elements.append(PatternElement("word", alternatives, token))
            else:
                stem = token[:-1].lower() if token.endswith("~") and "_" not in token else ""
                keys = self.verb_keys(language, (stem or token).replace("_", " "))
                if not keys:
                    self.problem(path, item["pattern"], where, f"word '{token}' has no letters to match")
                    return None
                elements.append(PatternElement("word", (keys,), token, adjacent=len(elements) in adjacent, stem=stem))
        if code is None:
            return None
        split = next(index for index, element in enumerate(elements) if element.kind == "trigger")
        return VerbPattern(code=code, before=tuple(elements[:split]), after=tuple(elements[split + 1:]),
                           text=text, origin=f"{self.relative(path)}:{item.line}", reverse=reverse)

    def joined_run(self, token: str, synsets: dict[str, tuple[tuple[str, ...], ...]],
                   language: Language) -> tuple[tuple[str, ...], ...] | None:
        """Key sequences of words and synsets joined by `_`; a synset name may itself hold `_` (longest wins)."""
        parts = token.split("_")
        alternatives: list[tuple[str, ...]] = [()]
        index = 0
        while index < len(parts):
            part = parts[index]
            if part.startswith("&"):
                end = next((end for end in range(len(parts), index, -1) if "_".join(parts[index:end]) in synsets),
                           None)
                if end is None:
                    return None
                options = synsets["_".join(parts[index:end])]
                index = end
            else:
                options = (self.verb_keys(language, part),)
                index += 1
            alternatives = [done + option for done in alternatives for option in options]
        return tuple(a for a in alternatives if a)

    def load_discards(self) -> None:
        for path in self.files("discards"):
            data = self.read(path)
            if data is None:
                continue
            self.check_keys(path, data, "", {"discards", "layer"}, {"discards"})
            for node in self.section(path, data, "discards"):
                if not isinstance(node, Mapping):
                    self.problem(path, node, "", "a discard entry must be a mapping {lang, scope, phrases}")
                    continue
                entry = f"discards ({node.get('lang')}, {node.get('scope')})"
                if not self.check_keys(path, node, entry, {"lang", "scope", "phrases", "comment"},
                                       {"lang", "scope", "phrases"}):
                    continue
                if node["scope"] not in ("sentence", "story"):
                    self.problem(path, node["scope"], entry, "scope must be 'sentence' or 'story'")
                    continue
                langs = self.store.languages if node["lang"] == ANY_LANGUAGE else [str(node["lang"])]
                for lang in langs:
                    if lang not in self.store.languages:
                        self.problem(path, node["lang"], entry, f"unknown language '{lang}'")
                        continue
                    language = get_language(lang)
                    trie = self.store.discards.setdefault((lang, str(node["scope"])), PhraseTrie())
                    for phrase in self.text_list(path, node["phrases"], entry, "phrases"):
                        keys = tuple(language.actor_key(word) for word in language.tokenize_phrase(phrase))
                        trie.add(keys, str(phrase))

    def collect(self) -> tuple[Dictionaries, list[Problem]]:
        """Load what can be loaded and return it with every problem found (for `dict lint`)."""
        if not self.root.is_dir():
            return self.store, [Problem(str(self.root), 0, "", "dictionary folder not found")]
        self.load_cameo()
        self.load_languages()
        self.load_actors()
        self.load_agents()
        self.load_verbs()
        self.load_discards()
        return self.store, self.problems

    def run(self) -> Dictionaries:
        store, problems = self.collect()
        if problems:
            raise DictionaryError(problems)
        return store


def first_phrase(node: object) -> str | None:
    """The first name of a names mapping or list, used to identify an entry in messages."""
    if isinstance(node, Text):
        return str(node)
    if isinstance(node, list):
        return next((str(item) for item in node if isinstance(item, Text)), None)
    if isinstance(node, dict):
        for value in node.values():
            found = first_phrase(value)
            if found:
                return found
    return None


def same_actor(a: ActorEntry, b: ActorEntry) -> bool:
    return a.code == b.code and a.dated == b.dated


def same_agent(a: AgentEntry, b: AgentEntry) -> bool:
    return a.sectors == b.sectors


def origin_of(value: object) -> str:
    return getattr(value, "origin", "")


def describe(value: object) -> str:
    if isinstance(value, ActorEntry):
        return f"actor '{value.entry_id}' {value.code} ({value.origin})"
    if isinstance(value, AgentEntry):
        return f"agent {value.sectors} ({value.origin})"
    if isinstance(value, VerbEntry):
        return f"verb '{value.trigger}' ({value.origin})"
    return repr(value)


def load_dictionaries(root: Path) -> Dictionaries:
    """Load and validate every dictionary under `root`; raises DictionaryError listing all problems."""
    return Loader(root).run()
