"""English verb words whose inflections get another matching key than the word itself.

    python tools/lemma_mismatches.py [DICTIONARY_FOLDER] [--triggers]

Verbs match on lookup lemmas (coder/languages/en.py, with the corrections in
coder/languages/data/en_lemma_fixes.yaml). For each single word of a trigger, pattern or synset in
DICTIONARY_FOLDER/verbs/en (default: the shipped dictionaries) this lists the forms whose key differs from the
word's key: regular inflections (+s/es/ed/d/ing, y -> ies/ied, e dropped, consonant doubled) that the lookup
table knows, and the irregular forms spaCy's verb exception list gives for it. It also lists known verbs whose
own key is another word ("wound" -> wind). Not every line is an error ("hop" is rightly not "hoped" -> hope):
read each, and add the corrections a news reader would want to the YAML table.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path

import yaml

from coder.languages import get_language
from coder.languages.base import load_lookup_table

REPO = Path(__file__).resolve().parent.parent
DOUBLING = re.compile(r"[^aeiou][aeiou][bdgklmnprt]$")  # stop -> stopped, plan -> planning


def dictionary_words(root: Path) -> Iterator[tuple[str, str, str]]:
    """(word, 'trigger' | 'pattern', file) for every alphabetic word of the English verb dictionaries."""
    for path in sorted((root / "verbs" / "en").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for entry in data.get("verbs") or []:
            triggers = entry.get("verb")
            for trigger in triggers if isinstance(triggers, list) else [triggers]:
                words = str(trigger).replace("_", " ").split()
                for word in words:
                    yield word.lower(), "trigger" if len(words) == 1 else "pattern", path.name
            for pattern in entry.get("patterns") or []:
                for word in str(pattern.get("pattern", "")).replace("_", " ").split():
                    yield word.lower(), "pattern", path.name
        for items in (data.get("synsets") or {}).values():
            for item in items or []:
                for word in str(item).replace("_", " ").split():
                    yield word.lower(), "pattern", path.name


def regular_forms(word: str) -> set[str]:
    forms = {word + "s", word + "es", word + "ed", word + "d", word + "ing"}
    if word.endswith("e"):
        forms.add(word[:-1] + "ing")
    if word.endswith("y"):
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if DOUBLING.search(word):
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return forms


def mismatches(root: Path, triggers_only: bool = False) -> list[tuple[str, str, str, str, dict[str, str]]]:
    """(word, kind, file, key, {form: key}) for each word with a form keyed elsewhere, or a verb keyed as
    another word (form "" then)."""
    language = get_language("en")
    lookup = language.lemmas
    exceptions = load_lookup_table("en_lemma_exc")["verb"]
    verbs = set(load_lookup_table("en_lemma_index")["verb"])
    irregular: dict[str, set[str]] = {}
    for form, lemmas in exceptions.items():
        for lemma in lemmas:
            irregular.setdefault(lemma, set()).add(form)
    seen: dict[str, tuple[str, str]] = {}
    for word, kind, where in dictionary_words(root):
        if word.isalpha() and (word not in seen or (kind == "trigger" and seen[word][0] != "trigger")):
            seen[word] = (kind, where)
    out = []
    for word, (kind, where) in sorted(seen.items(), key=lambda item: (item[1][0] != "trigger", item[0])):
        if triggers_only and kind != "trigger":
            continue
        key = " ".join(language.verb_keys(word))
        forms = {f for f in regular_forms(word) if f in lookup} | irregular.get(word, set())
        bad = {form: " ".join(language.verb_keys(form)) for form in sorted(forms)}
        bad = {form: form_key for form, form_key in bad.items() if form_key != key}
        if word in verbs and word not in exceptions and key != word:
            bad[""] = key
        if bad:
            out.append((word, kind, where, key, bad))
    return out


def main(argv: list[str]) -> None:
    triggers_only = "--triggers" in argv
    folders = [arg for arg in argv if not arg.startswith("--")]
    root = Path(folders[0]) if folders else REPO / "dictionaries"
    found = mismatches(root, triggers_only)
    for word, kind, where, key, bad in found:
        forms = ", ".join(f"{form or word + ' itself'} -> {form_key}" for form, form_key in bad.items())
        print(f"{kind}\t{word} -> {key}\t{forms}\t({where})")
    print(f"{len(found)} words with forms keyed elsewhere", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
