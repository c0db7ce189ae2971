"""The PETRARCH/Phoenix importer: each conversion rule and each reported error, on small fixture files.

The fixtures in tests/fixtures/petrarch/ use the real file names and formats; every test runs the whole
import once (module fixture) and checks the YAML a user would get and the messages they would read.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import typer
import yaml
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from coder.commands.dict_commands import dict_app
from coder.importers import import_petrarch
from coder.importers.actors import parse_date
from coder.importers.yamlout import flow_list, scalar

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures" / "petrarch"
SHARED_SOURCE = REPO.parent / "shared" / "reference" / "petrarch" / "dictionaries"


def read(path: Path) -> dict:
    with path.open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=yaml.CBaseLoader)  # every scalar as text, like our loader


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    out = tmp_path_factory.mktemp("dictionaries")
    report = import_petrarch(FIXTURES, out, cameo_dir=REPO / "dictionaries" / "cameo")
    return out, report


def notes(report, file: str, reason: str) -> list:
    return [n for n in report.notes if n.file == file and n.reason.startswith(reason)]


def actors_by_first_name(out: Path, name: str) -> dict:
    entries = {e["names"]["en"][0]: e for e in read(out / "actors" / name)["actors"]}
    return entries


# -- actors ------------------------------------------------------------------------------------------------

def test_country_names_are_recased_and_joined(imported):
    out, _ = imported
    russia = actors_by_first_name(out, "phoenix_countries.yaml")["Russia"]
    assert russia["code"] == "RUS"
    assert russia["names"]["en"] == ["Russia", "Russian", "Moscow", "Abc"]  # `(XYZ)` removed, READING gone


def test_dated_codes_become_iso_ranges(imported):
    out, _ = imported
    putin = actors_by_first_name(out, "phoenix_countries.yaml")["Vladimir Putin"]
    assert putin["code"] == "RUSELI"
    assert putin["dated"] == [
        {"code": "RUSELI", "from": "1952-01-01", "to": "1999-12-31"},
        {"code": "RUSGOV", "from": "1999-12-31", "to": "2008-05-07"},
        {"code": "RUSGOV", "from": "2012-05-07"},
    ]
    assert putin["names"]["en"] == ["Vladimir Putin", "Putin"]


@pytest.mark.parametrize(("text", "iso"), [
    ("520101", "1952-01-01"), ("991231", "1999-12-31"), ("000101", "2000-01-01"), ("300630", "2030-06-30"),
    ("310101", "1931-01-01"), ("19270101", "1927-01-01"), ("120231", None), ("9008223", None),
    ("1920030320", None),
])
def test_date_century_and_malformed_dates(text, iso):
    assert parse_date(text) == iso


def test_bad_date_is_reported_and_the_rest_kept(imported):
    out, report = imported
    [bad] = notes(report, "Phoenix.Countries.actors.txt", "malformed date")
    assert bad.line == 18 and "120231-130101" in bad.entry
    medvedev = actors_by_first_name(out, "phoenix_countries.yaml")["Dmitry Medvedev"]
    assert medvedev["dated"] == [{"code": "RUSGOV", "from": "2008-05-07", "to": "2012-05-07"}]
    assert medvedev["code"] == "RUSGOV"  # no undated code in the source: the only dated code, reported
    assert notes(report, "Phoenix.Countries.actors.txt", "no undated code")[0].line == 16


def test_empty_range_and_entry_left_without_code_are_rejected(imported):
    out, report = imported
    [empty] = notes(report, "Phoenix.Countries.actors.txt", "date range does not end after it starts")
    assert empty.line == 20
    assert notes(report, "Phoenix.Countries.actors.txt", "no valid code")[0].entry == "SERGEI_LAVROV_"
    assert "Sergei Lavrov" not in actors_by_first_name(out, "phoenix_countries.yaml")


def test_codeless_name_lines_share_the_following_codes(imported):
    out, report = imported
    yeltsin = actors_by_first_name(out, "phoenix_countries.yaml")["Boris Yeltsin"]
    assert yeltsin["names"]["en"] == ["Boris Yeltsin", "President Yeltsin"]
    assert yeltsin["code"] == "RUSELI"
    [joined] = notes(report, "Phoenix.Countries.actors.txt", "name without code")
    assert joined.line == 22


def test_conflicting_names_keep_the_first_and_report_both_codes(imported):
    out, report = imported
    moscow = notes(report, "Phoenix.Countries.actors.txt", "same name, different code")
    assert [(n.line, n.entry) for n in moscow] == [(27, "Moscow")]
    assert "kept RUS" in moscow[0].detail and "RUSGOV" in moscow[0].detail
    across_files = notes(report, "Phoenix.International.actors.txt", "same name, different code")
    assert across_files[0].entry == "Russian" and "IGOEUR" in across_files[0].detail
    assert "Russian" not in actors_by_first_name(out, "phoenix_international.yaml")


def test_generic_words_are_filtered_or_kept_as_exact_acronyms(imported):
    out, report = imported
    assert notes(report, "Phoenix.Countries.actors.txt", "generic name")[0].entry == "READING_"
    usa = actors_by_first_name(out, "phoenix_countries.yaml")["United States"]
    assert "US" in usa["names"]["en"] and "Us" not in usa["names"]["en"]
    turkey = actors_by_first_name(out, "phoenix_countries.yaml")["Turkey"]
    assert turkey["names"]["en"] == ["Turkey", "Turkish"]  # a country's own name is never filtered
    assert [e["names"]["en"] for e in read(out / "actors" / "phoenix_international.yaml")["actors"]][1] == ["UN"]


def test_unusable_actor_lines_are_reported(imported):
    _, report = imported
    file = "Phoenix.Countries.actors.txt"
    assert notes(report, file, "'+' inside a name")[0].entry == "FOO+BAR_"
    assert notes(report, file, "codes without a name")[0].line == 25
    assert notes(report, file, "only the null code")[0].entry == "OLD_GUARD_"


# -- agents, discards, issues ------------------------------------------------------------------------------

def test_agents_expand_sets_and_stems(imported):
    out, report = imported
    groups = {g["code"]: g["names"]["en"] for g in read(out / "agents" / "phoenix_agents.yaml")["agents"]}
    assert groups["AGR"][:2] == ["farmer", "cattleman"]
    assert groups["GOV"] == ["finance minister", "finance ministry"]
    assert groups["MIL"] == ["soldier", "troops"]
    assert groups["BUS"] == ["chamber of commerce"]  # the plural form is the same lemma phrase
    file = "Phoenix.agents.txt"
    assert notes(report, file, "substitution set inside a word")[0].line == 10
    assert notes(report, file, "same phrase, different code")[0].detail == "kept MIL from line 11; this line has REB"
    assert notes(report, file, "prefix agent")[0].line == 14
    assert "negotiat" in notes(report, file, "truncated TABARI stem")[0].detail


def test_discards_by_scope(imported):
    out, report = imported
    entries = read(out / "discards" / "phoenix_discards.yaml")["discards"]
    assert {e["scope"]: e["phrases"] for e in entries} == {"story": ["world cup"], "sentence": ["soccer"]}
    assert notes(report, "Phoenix.discards.txt", "same phrase, both story and sentence")[0].line == 5


def test_issues(imported):
    out, report = imported
    issues = {i["code"]: i for i in read(out / "issues" / "phoenix_issues.yaml")["issues"]}
    early = issues["EARLY_CHILDHOOD_EDUCATION"]
    assert early["names"]["en"] == ["pre school", "preschool", "pre-school", "head start"]
    assert early["exclude"]["en"] == ["get head start"]
    assert issues["REFUGEES"]["category"] == "REFUGEES" and issues["REFUGEES"]["type"] == "COUNTEVENT"
    assert notes(report, "Phoenix.IssueCoding.txt", "same phrase, different issue")[0].line == 7
    assert notes(report, "Phoenix.IssueCoding.txt", "phrase outside")[0].line == 12


# -- verbs --------------------------------------------------------------------------------------------------

def verb_entries(out: Path, name: str) -> dict:
    return {e["verb"][0]: e for e in read(out / "verbs" / "en" / name)["verbs"]}


def test_verb_block_becomes_entry_with_lemma_triggers(imported):
    out, _ = imported
    supply = verb_entries(out, "petrarch_07.yaml")["supply"]
    assert supply["verb"] == ["supply", "hand over", "re-arm", "furnish"]  # furnish: from CAMEO.2.0.txt
    assert supply["code"] == "070"
    patterns = [(p["pattern"], p["code"]) for p in supply["patterns"]]
    assert ("* &WEAPON to +", "072") in patterns
    assert ("* aid to +", "073") in patterns  # `^` needs no token
    assert ("* assault_rifle", "072") in patterns  # `%` dropped, dual code reduced (both reported)
    assert ("* weapons_to +", "072") in patterns  # `_` keeps words consecutive
    assert ("* to rebel groups", "072") in patterns  # PETRARCH2 brackets flattened
    assert ("* nothing", "---") in patterns  # a blocking pattern: no event where it matches
    specificity = [sum(1 for t in p.split() if t not in "*+$") for p, _ in patterns]
    assert specificity == sorted(specificity, reverse=True)


def test_verb_with_own_code_gets_its_own_entry(imported):
    out, _ = imported
    provide = verb_entries(out, "petrarch_07.yaml")["provide"]
    assert provide["code"] == "073"
    assert {"pattern": "* &WEAPON to +", "code": "072"} in provide["patterns"]


def test_synsets_strip_petrarch_markers(imported):
    out, _ = imported
    assert read(out / "verbs" / "en" / "petrarch_synsets.yaml")["synsets"] == {
        "&WEAPON": ["rifle", "missile", "assault rifle"]}


@pytest.mark.parametrize(("line", "reason"), [
    (22, "truncated TABARI stem"), (24, "more than one +"),
    (25, "target-to-source only code"), (26, "not a CAMEO event code"), (27, "stray bracket"),
    (28, "code with an unknown '!' flag"), (29, "unknown synset"), (34, "same pattern, different code"),
    (37, "verb already in another block"),
])
def test_unconvertible_patterns_are_reported_with_line(imported, line, reason):
    _, report = imported
    found = [n for n in report.rejected("CAMEO.verbpatterns.150430.txt") if n.line == line]
    assert [n.reason for n in found if n.reason.startswith(reason)], [n.reason for n in found]


def test_lossy_pattern_conversions_are_reported(imported):
    _, report = imported
    lossy = {(n.line, n.reason.split(" ")[0]) for n in report.notes
             if n.kind == "lossy" and n.file == "CAMEO.verbpatterns.150430.txt"}
    assert {(19, "dual"), (19, "compound"), (31, "dual")} <= lossy


def test_petrarch2_conflict_and_transformations_reported(imported):
    _, report = imported
    conflict = notes(report, "CAMEO.2.0.txt", "same pattern, different code")
    assert conflict[0].line == 10 and "kept [072]" in conflict[0].detail
    assert notes(report, "CAMEO.2.0.txt", "PETRARCH2 transformation")[0].line == 14
    [code] = notes(report, "CAMEO.2.0.txt", "verb code differs from the PETRARCH-1 file")
    assert code.entry == "PROVIDE [070]" and "kept [073]" in code.detail


def test_petrarch2_verb_with_own_code_becomes_an_entry(imported):
    out, _ = imported
    new = verb_entries(out, "petrarch_07.yaml")["is supplied with"]  # forms listed with commas: one trigger
    assert new["verb"] == ["is supplied with"] and new["code"] == "071"
    assert {"pattern": "* with aid", "code": "070"} in new["patterns"]


# -- files, report, loader, CLI -----------------------------------------------------------------------------

def test_every_file_has_licence_and_origin(imported):
    out, _ = imported
    for path in out.rglob("*.yaml"):
        head = path.read_text(encoding="utf-8")[:3000]
        assert "The MIT License (MIT)" in head and "Open Event Data Alliance" in head, path
        assert "Generated by `coder dict import-petrarch`" in head


def test_report_counts_and_rejects_file(imported):
    out, report = imported
    text = (out / "IMPORT_REPORT.md").read_text(encoding="utf-8")
    assert "| Phoenix.Countries.actors.txt | malformed date | 1 |" in text
    rows = (out / "import_rejects.tsv").read_text(encoding="utf-8").splitlines()
    assert rows[0] == "file\tline\tkind\treason\tentry\tdetail"
    assert len(rows) == len(report.notes) + 1
    assert any(r.startswith("Phoenix.Countries.actors.txt\t18\trejected\tmalformed date\t") for r in rows)


def test_output_loads_in_the_engine_without_conflicts(imported, tmp_path):
    out, _ = imported
    from coder.dictionaries import load_dictionaries
    from coder.importers.english import actor_keys

    root = tmp_path / "dictionaries"
    shutil.copytree(out, root)
    for folder in ("cameo", "languages"):
        shutil.copytree(REPO / "dictionaries" / folder, root / folder, dirs_exist_ok=True)
    loaded = load_dictionaries(root)
    putin = loaded.actors["en"].get(actor_keys("Putin"))
    assert putin.code_on("2005-06-01") == "RUSGOV"
    assert putin.code_on("2010-06-01") == "RUSELI"
    assert loaded.actors["en"].get(actor_keys("US")).code == "USA"
    assert loaded.actors["en"].get(actor_keys("us")) is None
    assert loaded.agents["en"].get(actor_keys("soldiers")).sectors == "MIL"


def test_import_is_deterministic(imported, tmp_path):
    out, _ = imported
    import_petrarch(FIXTURES, tmp_path, cameo_dir=REPO / "dictionaries" / "cameo")
    for path in out.rglob("*"):
        if path.is_file():
            assert path.read_bytes() == (tmp_path / path.relative_to(out)).read_bytes(), path


def test_cli_import_petrarch(tmp_path):
    app = typer.Typer()
    app.add_typer(dict_app, name="dict")
    shutil.copytree(REPO / "dictionaries" / "cameo", tmp_path / "cameo")
    result = CliRunner().invoke(app, ["dict", "import-petrarch", "--source", str(FIXTURES), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "Phoenix.Countries.actors.txt" in result.output and "rejects listed in" in result.output
    assert (tmp_path / "actors" / "phoenix_countries.yaml").exists()
    assert (tmp_path / "IMPORT_REPORT.md").exists()


def test_cli_missing_source_is_a_clear_error(tmp_path):
    app = typer.Typer()
    app.add_typer(dict_app, name="dict")
    result = CliRunner().invoke(app, ["dict", "import-petrarch", "--source", str(tmp_path / "nope"),
                                      "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "source folder not found" in result.output


# -- YAML writing ------------------------------------------------------------------------------------------

@given(st.text(min_size=1, max_size=30).filter(lambda s: s.strip() == s))
def test_scalars_read_back_as_the_same_text(text):
    document = f"key: {scalar(text)}\nlist: {flow_list([text, text])}\n"
    loaded = yaml.load(document, Loader=yaml.CBaseLoader)
    assert loaded == {"key": text, "list": [text, text]}


# -- the shipped dictionaries ------------------------------------------------------------------------------

@pytest.mark.skipif(not SHARED_SOURCE.is_dir(), reason="needs ../shared/reference (the original files)")
def test_shipped_dictionaries_match_a_fresh_import(tmp_path):
    shipped = REPO / "dictionaries"
    report = import_petrarch(SHARED_SOURCE, tmp_path, cameo_dir=shipped / "cameo")
    assert report.outputs
    for relative in [*report.outputs, "IMPORT_REPORT.md", "import_rejects.tsv"]:
        assert (tmp_path / relative).read_bytes() == (shipped / relative).read_bytes(), relative
