"""The command line as a user runs it: code files into events, explain a sentence, report broken input."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import SMALL
from typer.testing import CliRunner

from coder.cli import app

runner = CliRunner()


def test_code_a_folder_of_text_into_jsonl(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "sanctions-2025-03-04.en.txt").write_text("The United States imposed sanctions on Iran.\n")
    (corpus / "serangan-2025-03-05.id.txt").write_text("Ukraina diserang oleh pasukan Rusia.\n")
    out = tmp_path / "events.jsonl"
    result = runner.invoke(app, ["code", str(corpus), "--out", str(out), "--dictionaries", str(SMALL)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert [(r["doc_id"], r["date"], r["lang"], r["source"], r["code"], r["target"]) for r in records] == [
        ("sanctions-2025-03-04", "2025-03-04", "en", "USA", "163", "IRN"),
        ("serangan-2025-03-05", "2025-03-05", "id", "RUSMIL", "190", "UKR"),
    ]


def test_code_jsonl_to_csv_keeps_leading_zeros_and_rejects_bad_lines(tmp_path: Path) -> None:
    source = tmp_path / "docs.jsonl"
    source.write_text(
        json.dumps({"id": "a", "date": "2024-01-02", "lang": "en",
                    "text": "Russia supplied weapons to the Myanmar military."}) + "\n"
        + "{not json\n"
        + json.dumps({"id": "b", "lang": "id", "text": "Rusia menyerang Ukraina."}) + "\n")
    out = tmp_path / "events.csv"
    result = runner.invoke(app, ["code", str(source), "--out", str(out), "--format", "csv",
                                 "--dictionaries", str(SMALL), "--date", "2025-01-01"])
    assert result.exit_code == 1  # one document was rejected; the others were coded
    lines = out.read_text().splitlines()
    assert lines[0].startswith("doc_id,sentence_index,event_index,date,lang,source")
    assert ",072," in lines[1] and lines[2].startswith("b,0,0,2025-01-01,id,RUS")
    rejects = [json.loads(line) for line in (tmp_path / "events.csv.rejects.jsonl").read_text().splitlines()]
    assert len(rejects) == 1 and rejects[0]["origin"].endswith("docs.jsonl:2")


def test_explain_shows_matches_and_decisions() -> None:
    result = runner.invoke(app, ["explain", "Ukraina diserang oleh pasukan Rusia.", "--lang", "id",
                                 "--dictionaries", str(SMALL), "--date", "2025-03-03"])
    assert result.exit_code == 0, result.output
    assert "actor   'pasukan Rusia' -> RUSMIL" in result.output
    assert "positional passive; source: pasukan Rusia (RUSMIL); target: Ukraina (UKR)" in result.output
    assert "EVENT   RUSMIL -190-> UKR" in result.output


def test_explain_says_why_a_negated_verb_gave_nothing() -> None:
    result = runner.invoke(app, ["explain", "Tiongkok tidak menyerang Ukraina.", "--lang", "id",
                                 "--dictionaries", str(SMALL)])
    assert "no event: negated" in result.output and "0 event(s)" in result.output


def test_broken_dictionary_stops_with_located_error(tmp_path: Path) -> None:
    import shutil

    broken = tmp_path / "dictionaries"
    shutil.copytree(SMALL, broken, symlinks=False)
    (broken / "agents" / "agents.yaml").write_text("agents:\n  - code: MIL\n    names: {en: [army]}\n    colour: x\n")
    result = runner.invoke(app, ["explain", "x", "--lang", "en", "--dictionaries", str(broken)])
    assert result.exit_code == 2
    assert "dictionaries/agents/agents.yaml:4: agent 'army': unknown key 'colour'" in result.output
