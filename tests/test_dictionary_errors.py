"""Every dictionary error names the file, the line and the entry; nothing is dropped silently."""

from __future__ import annotations

from pathlib import Path

import pytest

from coder import Coder, DictionaryError, load_dictionaries


def write(root: Path, relative: str, text: str) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def problems(root: Path) -> list[str]:
    with pytest.raises(DictionaryError) as caught:
        load_dictionaries(root)
    return [str(problem) for problem in caught.value.problems]


def test_misspelled_key_is_reported_with_file_line_and_entry(dictionary_dir: Path) -> None:
    write(dictionary_dir, "actors/asia.yaml", "actors:\n  - code: MMR\n    nmes: {any: [Myanmar]}\n")
    assert problems(dictionary_dir) == [
        "dictionaries/actors/asia.yaml:3: actor 'MMR': unknown key 'nmes' (allowed: code, comment, dated, id, names)",
        "dictionaries/actors/asia.yaml:2: actor 'MMR': missing 'names'",
    ]


def test_impossible_date_names_the_person(dictionary_dir: Path) -> None:
    write(dictionary_dir, "actors/people.yaml", """actors:
  - id: MIN_AUNG_HLAING
    code: MMRMIL
    dated:
      - {code: MMRGOV, from: 2021-02-30}
    names: {any: [Min Aung Hlaing]}
""")
    assert problems(dictionary_dir) == [
        "dictionaries/actors/people.yaml:5: actor 'MIN_AUNG_HLAING': date '2021-02-30' is not a date (YYYY-MM-DD)"]


def test_reversed_date_range(dictionary_dir: Path) -> None:
    write(dictionary_dir, "actors/people.yaml", """actors:
  - code: RUSELI
    dated: [{code: RUSGOV, from: 2012-05-07, to: 2008-05-07}]
    names: {any: [Putin]}
""")
    [message] = problems(dictionary_dir)
    assert message.startswith("dictionaries/actors/people.yaml:3: actor 'Putin': dated code RUSGOV: from 2012-05-07")


def test_same_phrase_with_two_codes_is_an_error(dictionary_dir: Path) -> None:
    write(dictionary_dir, "actors/a.yaml", "actors:\n  - code: GEO\n    names: {en: [Georgia]}\n")
    write(dictionary_dir, "actors/b.yaml", "actors:\n  - code: USA\n    names:\n      en: [Georgia, Texas]\n")
    [message] = problems(dictionary_dir)
    assert message.startswith("dictionaries/actors/b.yaml:4: actor 'Georgia': 'Georgia' (en) is already actor")
    assert "GEO (dictionaries/actors/a.yaml:2)" in message


def test_unknown_event_code_and_synset_in_verbs(dictionary_dir: Path) -> None:
    write(dictionary_dir, "verbs/en/v.yaml", """verbs:
  - verb: attack
    code: "190"
    patterns:
      - {pattern: "* with &WEAPONS", code: "195"}
      - {pattern: "* +", code: "999"}
""")
    assert problems(dictionary_dir) == [
        "dictionaries/verbs/en/v.yaml:5: verb 'attack' pattern '* with &WEAPONS': unknown synset '&WEAPONS'",
        "dictionaries/verbs/en/v.yaml:6: verb 'attack' pattern '* +': '999' is not a CAMEO event code "
        "(write it quoted: \"072\")",
    ]


def test_unquoted_code_keeps_its_leading_zero(dictionary_dir: Path) -> None:
    write(dictionary_dir, "verbs/en/v.yaml", "verbs:\n  - verb: supply\n    code: 072\n")
    write(dictionary_dir, "actors/a.yaml", "actors:\n  - {code: RUS, names: {en: [Russia]}}\n"
                                           "  - {code: SYR, names: {en: [Syria]}}\n")
    events = Coder(dictionary_dir, parse=False).code_text("Russia supplied Syria.", lang="en")
    assert [(e.source, e.code, e.target) for e in events] == [("RUS", "072", "SYR")]


def test_yaml_syntax_error_gives_the_line(dictionary_dir: Path) -> None:
    write(dictionary_dir, "agents/a.yaml", "agents:\n  - code: MIL\n    names: {en: [army, troops}\n")
    [message] = problems(dictionary_dir)
    assert message.startswith("dictionaries/agents/a.yaml:3:") and "invalid YAML" in message


def test_unknown_language_is_named(dictionary_dir: Path) -> None:
    write(dictionary_dir, "agents/a.yaml", "agents:\n  - code: MIL\n    names: {fr: [armee]}\n")
    assert problems(dictionary_dir) == [
        "dictionaries/agents/a.yaml:3: agent 'armee': unknown language 'fr' (known: en, id, any)"]


def test_all_problems_are_reported_at_once(dictionary_dir: Path) -> None:
    write(dictionary_dir, "agents/a.yaml", "agents:\n  - code: mil\n    names: {en: [army]}\n"
                                           "  - code: GOV\n    names: {en: [government]}\n    colour: red\n")
    found = problems(dictionary_dir)
    assert len(found) == 2
    assert "agent code 'mil'" in found[0] and "unknown key 'colour'" in found[1]


def test_project_file_overrides_imported_base_file_and_says_so(dictionary_dir: Path) -> None:
    write(dictionary_dir, "actors/phoenix.yaml", "layer: base\nactors:\n  - code: RUSELI\n    names: {en: [Putin]}\n")
    write(dictionary_dir, "actors/zz_current.yaml", "actors:\n  - code: RUSGOV\n    names: {en: [Putin]}\n")
    dictionaries = load_dictionaries(dictionary_dir)
    [override] = dictionaries.overrides
    assert override.phrase == "Putin" and "RUSGOV" in override.kept and "RUSELI" in override.replaced



def test_lint_lists_doubtful_entries_without_failing(dictionary_dir: Path) -> None:
    from coder.dictionaries.report import lint

    write(dictionary_dir, "actors/a.yaml", "actors:\n  - code: RUS\n    names: {en: [Russia]}\n"
                                           "  - code: RUS\n    names: {en: [Russia, the]}\n"
                                           "  - code: RUSELI\n    dated: [{code: RUSGOV, from: 2000-01-01},"
                                           " {code: RUSMIL, from: 2005-01-01, to: 2006-01-01}]\n"
                                           "    names: {en: [Ivanov]}\n")
    write(dictionary_dir, "verbs/en/v.yaml", "verbs:\n  - verb: attack\n    code: '190'\n    patterns:\n"
                                             "      - {pattern: '* with bombs', code: '195'}\n"
                                             "      - {pattern: '* with bomb', code: '193'}\n"
                                             "      - {pattern: '* +', code: '999'}\n")
    report = lint(dictionary_dir)
    assert report.errors == ["dictionaries/verbs/en/v.yaml:7: verb 'attack' pattern '* +': '999' is not a CAMEO "
                             "event code (write it quoted: \"072\")"]
    assert report.warnings == [
        "dictionaries/actors/a.yaml:5: 'Russia' (en) repeats dictionaries/actors/a.yaml:2",
        "dictionaries/actors/a.yaml:4: actor name 'the' (en) is a grammar word",
        "dictionaries/verbs/en/v.yaml:6: pattern '* with bomb' can never match: same as "
        "dictionaries/verbs/en/v.yaml:5",
        "dictionaries/actors/a.yaml:6: actor 'Ivanov': RUSGOV and RUSMIL overlap from 2005-01-01",
    ]


def test_stats_count_patterns_per_code(dictionary_dir: Path) -> None:
    from coder.dictionaries.report import stats

    write(dictionary_dir, "verbs/id/v.yaml", "verbs:\n  - verb: serang\n    code: '190'\n    patterns:\n"
                                             "      - {pattern: '* udara', code: '195'}\n"
                                             "  - verb: kirim\n    code: '---'\n    patterns:\n"
                                             "      - {pattern: '* utusan ke +', code: '042'}\n")
    counts = stats(load_dictionaries(dictionary_dir))["id"]
    assert (counts.verb_entries, counts.patterns, dict(counts.codes)) == (2, 3, {"190": 1, "195": 1, "042": 1})
    assert counts.roots == {"19", "04"}


def test_dominant_must_be_true_or_false(dictionary_dir: Path) -> None:
    write(dictionary_dir, "verbs/en/v.yaml", "verbs:\n  - verb: attend\n    code: '031'\n    dominant: maybe\n")
    assert problems(dictionary_dir) == [
        "dictionaries/verbs/en/v.yaml:4: verb 'attend': dominant must be true or false"]
