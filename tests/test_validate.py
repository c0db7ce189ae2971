"""`coder validate`: the suites' dictionaries convert faithfully, load, and code chosen suite records right."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
import yaml
from typer.testing import CliRunner

from coder.commands.validate_commands import load_deviations, register, suite_code_fn
from coder.dictionaries import load_dictionaries
from coder.suite_dictionaries import REPO_DICTIONARIES, clean_lines, convert_suite, suite_dictionary_dir
from coder.validation_suites import load_suite


def _yaml(suite: str, relative: str) -> dict:
    with (suite_dictionary_dir(suite) / relative).open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=yaml.BaseLoader)  # as the loader: every scalar is text


def _actor(suite: str, name: str) -> dict:
    return next(a for a in _yaml(suite, "actors/suite_actors.yaml")["actors"] if name in a["names"]["en"])


def test_dated_actor_codes_are_converted():
    gollum = _actor("petrarch", "Gollum")
    assert gollum["names"]["en"] == ["Gollum", "Smeagol", "Slinker", "Stinker"]
    assert gollum["dated"] == [{"code": "HOB", "to": "1995-06-01"},
                               {"code": "HOBGOV", "from": "1995-06-01", "to": "1999-08-15"},
                               {"code": "HOBREB", "from": "1999-08-16"}]
    assert _actor("petrarch", "Hamas")["code"] == "PSEREBHMS"


def test_agents_keep_substitutions_and_suffix_codes():
    groups = {g["code"]: g["names"]["en"] for g in _yaml("petrarch", "agents/suite_agents.yaml")["agents"]}
    assert {"congress", "congressman", "congresswoman"} <= set(groups["LEG"])  # CONGRESS!PERSON!
    assert "foreign minister" in groups["GOVFRM"]
    assert not any("activist" in name for names in groups.values() for name in names)  # prefix agents [HGM~]


def test_verb_patterns_synsets_and_suite_codes():
    verbs = _yaml("petrarch", "verbs/en/suite_verbs.yaml")["verbs"]
    abandon = next(v for v in verbs if "abandon" in v["verb"])
    assert abandon["code"] == "345"
    assert {"pattern": "* &TIETYPES ties", "code": "902"} in abandon["patterns"]
    synsets = _yaml("petrarch", "verbs/en/suite_synsets.yaml")["synsets"]
    assert {"military", "economic", "cultural", "dollars"} <= set(synsets["&ACCORDSYN"])  # nested synsets expanded
    codes = _yaml("petrarch", "cameo/event_codes.yaml")["event_codes"]
    assert codes["901"] == {"name": "PETRARCH suite test code", "goldstein": "0.0"}
    assert "072" in codes  # the CAMEO table itself is copied too


def test_tabari_stems_and_alternatives():
    verbs = _yaml("tabari", "verbs/en/suite_verbs.yaml")["verbs"]
    assert any("restore" in v["verb"] and v["code"] == "064" for v in verbs)  # RESTOR [064] is a stem
    ask = next(v for v in verbs if "ask" in v["verb"])
    patterns = {p["pattern"] for p in ask["patterns"]}
    # {A | B | C}; a word standing alone is an open stem (`for~`), words joined by `_` are not
    assert {"* for~ economic_sanctions", "* for~ total_boycott", "* for~ embargo~"} <= patterns
    arrive = next(v for v in verbs if "arrive" in v["verb"])
    assert (arrive["code"], arrive["reverse"]) == ("032", "033")  # ARRIVE [032:033]: the host receives
    meet = next(v for v in verbs if "meet" in v["verb"])
    assert "% have~ postponed~ *" in {p["pattern"] for p in meet["patterns"]}  # `%`: compound partners
    agree = next(v for v in _yaml("petrarch", "verbs/en/suite_verbs.yaml")["verbs"] if "agree" in v["verb"])
    assert "* with +" in {p["pattern"] for p in agree["patterns"]}  # PETRARCH's `* WITH %`: each partner
    allow = next(v for v in verbs if "allow" in v["verb"])
    assert {"* real_pleasant", "* really_pleasant"} <= {p["pattern"] for p in allow["patterns"]}  # REAL~_PLEASANT


def test_tabari_time_phrases_that_discard_become_discards():
    discards = _yaml("tabari", "discards/suite_discards.yaml")["discards"]
    phrases = {phrase for group in discards for phrase in group["phrases"]}
    assert {"kan wa ma kan", "when peace comes"} <= phrases  # KAN_WA_MA_KAN [###], WHEN_PEACE_COMES [+++]


def test_unconvertible_entries_are_listed():
    rejects = (suite_dictionary_dir("petrarch") / "conversion_rejects.tsv").read_text(encoding="utf-8")
    assert "prefix agent" in rejects and "HUMAN_RIGHTS_ACTIVIST" in rejects
    assert "alternative codes [ELR/GAL]" in rejects


def test_comment_blocks_are_blanked_keeping_line_numbers():
    lines = ["<!-- a", "b -->", "KEEP [ABC] ; note", "X <!-- c --> Y"]
    assert clean_lines(lines) == ["", "", "KEEP [ABC]", "X  Y"]


@pytest.mark.parametrize("suite", ["petrarch", "tabari"])
def test_converted_dictionaries_load_and_copies_are_current(suite):
    store = load_dictionaries(suite_dictionary_dir(suite))
    assert store.languages == ["en"]
    copied = (suite_dictionary_dir(suite) / "languages" / "en.yaml").read_text(encoding="utf-8")
    assert copied.split("\n", 1)[1] == (REPO_DICTIONARIES / "languages" / "en.yaml").read_text(encoding="utf-8"), \
        "dictionaries/languages/en.yaml changed: run python -m coder.suite_dictionaries"


@pytest.mark.parametrize("suite", ["petrarch", "tabari"])
def test_suites_take_a_place_as_target_for_every_code(suite):
    store = load_dictionaries(suite_dictionary_dir(suite))
    assert all(any(code.startswith(root) for root in store.place_roots) for code in ("010", "121", "190"))


def test_regeneration_reproduces_the_committed_files(tmp_path: Path):
    convert_suite("petrarch", out_dir=tmp_path)
    committed = suite_dictionary_dir("petrarch")
    for path in sorted(committed.rglob("*.yaml")):
        assert (tmp_path / path.relative_to(committed)).read_text(encoding="utf-8") == \
            path.read_text(encoding="utf-8"), f"{path} is stale: run python -m coder.suite_dictionaries"


# Records the engine codes right, each testing something else: agents, dated codes (same text, other date),
# compound targets, a no-event sentence, a suite-only code through a synset pattern, a TABARI stem verb.
CASES = {
    "petrarch": ["AGENT-01", "DATE-14", "DATE-19", "COMPOUND-05", "DEMO-24", "AGENTS-11"],
    "tabari": ["DEMO-01", "SYNSET-03", "DEMO-19"],
}


@pytest.mark.parametrize("suite", ["petrarch", "tabari"])
@pytest.mark.parametrize("parse", [False, True])
def test_chosen_records_pass_end_to_end(suite, parse):
    records = {r.id: r for r in load_suite(suite)}
    code = suite_code_fn(suite, parse=parse)
    for record_id in CASES[suite]:
        record = records[record_id]
        assert set(code(record)) == set(record.expected), record_id


def test_deviations_name_real_records_with_reasons():
    for suite in ("petrarch", "tabari"):
        ids = {r.id for r in load_suite(suite)}
        deviations = load_deviations(suite)
        assert deviations and set(deviations) <= ids


def _app() -> typer.Typer:
    app = typer.Typer()
    register(app)

    @app.command()
    def other() -> None:  # a second command, so `validate` is a subcommand as in the real CLI
        """Placeholder."""
    return app


def test_cli_text_and_json_output():
    runner = CliRunner()
    result = runner.invoke(_app(), ["validate", "--suite", "petrarch", "--no-parse", "--show", "all"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("suite petrarch (no parser)\nrecords 281: checked ")
    assert "PASS   AGENT-01: Arnor cleric" in result.output
    assert "expected ARNMOS -064-> GON [events]" in result.output
    assert "(deviation: prefix agent" in result.output

    result = runner.invoke(_app(), ["validate", "--suite", "tabari", "--no-parse", "--json", "--show", "failures"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["suite"] == "tabari" and data["parse"] is False
    totals = data["totals"]
    assert totals["records"] == 457 and totals["checked"] == totals["passed"] + totals["failed"]
    assert len(data["results"]) == totals["failed"] and not any(r["passed"] for r in data["results"])


def test_cli_rejects_an_unknown_suite():
    result = CliRunner().invoke(_app(), ["validate", "--suite", "cameo"])
    assert result.exit_code == 2


def test_suite_patterns_keep_words_that_look_like_stems():
    from coder.importers.verbs import convert_pattern

    pattern, _, error = convert_pattern("* EID AT ^ WITH +  [043]", {}, {"043"}, flatten=False)
    assert pattern is None and "truncated" in error  # the Phoenix import drops stems PETRARCH never matched
    pattern, _, error = convert_pattern("* EID AT ^ WITH +  [043]", {}, {"043"}, flatten=False, compounds=True)
    assert pattern is not None and pattern.text == "* eid at ^ with +" and not error


# Records that need the parse: a trigger used as a noun or adverb is no verb that ends the object's search
# (DEMO-15 "signed an accord ... to supply Gondor", DATE-08 "marched very close to the border with Mordor"), a
# place as the target (DATE-04), describing words after a possessive (COMPOUND-17), a kept stem-like word
# (PATTERN-23 "EID"), a verb phrase whose first word is a noun (DEMO-30 "wire tapped"), a pattern spelling
# out the negation ("neither *": COMPOUND-23 "Neither Galadriel nor Gollum boycotted ..."), the object of a
# multi-word trigger's other word (DEMO-31 "will not wire tap the communication links leading into Mordor").
PARSED_CASES = ["DEMO-15", "DATE-08", "DATE-04", "COMPOUND-17", "PATTERN-23", "DEMO-30", "COMPOUND-23", "DEMO-31"]


def test_chosen_records_pass_with_the_parser():
    records = {r.id: r for r in load_suite("petrarch")}
    code = suite_code_fn("petrarch", parse=True)
    for record_id in PARSED_CASES:
        assert set(code(records[record_id])) == set(records[record_id].expected), record_id
