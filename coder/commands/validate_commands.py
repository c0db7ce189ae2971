"""CLI command `validate`: code a peer suite (PETRARCH, TABARI) with its own converted dictionaries and report,
record by record, whether we produce the events the suite expects. Exit code 0 whatever the pass rate: CI
reports accuracy, it does not fail on it."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

import typer
import yaml

from coder.validation_suites import SUITE_DIR, SuiteRecord, SuiteReport, Triple, load_suite, run_suite

if TYPE_CHECKING:
    from coder.coder import Coder
    from coder.events import Event

DEVIATIONS = SUITE_DIR / "deviations.yaml"
NO_ACTOR = "---"  # how both suites write a missing source or target


class Suite(str, Enum):
    petrarch = "petrarch"
    tabari = "tabari"


class Show(str, Enum):
    all = "all"
    failures = "failures"
    none = "none"


def load_deviations(suite: str, path: Path = DEVIATIONS) -> dict[str, str]:
    """Record id -> reason for the records of `suite` we deliberately code differently."""
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping suite -> {{record id: reason}}")
    entries = data.get(suite) or {}
    if not isinstance(entries, dict) or not all(isinstance(v, str) and v.strip() for v in entries.values()):
        raise ValueError(f"{path}: '{suite}' must map record ids to non-empty reasons")
    return {str(key): str(value) for key, value in entries.items()}


def suite_code_fn(suite: str, parse: bool = True, dictionaries: Path | None = None
                  ) -> Callable[[SuiteRecord], list[Triple]]:
    """A function coding one suite record (English, the record's date) into (source, target, code) triples."""
    from coder.coder import Coder
    from coder.commas import CommaLimits
    from coder.suite_dictionaries import suite_dictionary_dir

    folder = dictionaries or suite_dictionary_dir(suite)
    coders: dict[tuple, Coder] = {}
    story: dict[str, object] = {"key": None, "texts": []}  # the earlier records of the story being coded

    def actor(code: str) -> str:
        if not code:
            return NO_ACTOR
        if suite == "tabari" and code.startswith(NO_ACTOR) and len(code) > len(NO_ACTOR):
            return "~" + code[len(NO_ACTOR):]  # TABARI writes an agent without an actor as ~MIL, we as ---MIL
        return code

    def code(record: SuiteRecord) -> list[Triple]:
        options = {"min_words": int(record.config.get("MINIMUM WORDS", "0")),  # TABARI's SET: MINIMUM WORDS
                   "require_dyad": record.config.get("require_dyad", "true").lower() != "false",  # PETRARCH
                   **tabari_defaults(record.config.get("DEFAULT", ""))}
        if suite == "tabari":  # TABARI deletes comma-delimited asides (its COMMA option, on by default)
            options["comma_limits"] = CommaLimits.from_tabari(record.config.get("COMMA", ""))
        if record.config.get("CODE"):  # TABARI's SET: CODE BY CLAUSE / BY SENTENCE / ALL
            options["code_by"] = record.config["CODE"].removeprefix("BY ").lower()
        key_of_story = tabari_story(record.id, record.config.get("FORWARD", ""))
        if key_of_story is not None:
            options["forward"] = True
        key = tuple(sorted(options.items()))
        if key not in coders:
            coders[key] = Coder(folder, parse=parse, lang="en", **options)
        coder = coders[key]
        if key_of_story is None or key_of_story != story["key"]:
            story["key"], story["texts"] = key_of_story, []
        earlier: list[str] = story["texts"]  # type: ignore[assignment]
        events = code_in_story(coder, earlier, record)
        if key_of_story is not None:
            earlier.append(record.text)
        return [(actor(event.source), actor(event.target), event.code) for event in events]

    return code


def code_in_story(coder: Coder, earlier: list[str], record: SuiteRecord) -> list[Event]:
    """The events of a record coded as the last sentence of a document after the story's earlier records: a
    pronoun can then stand for the previous sentence's actor. Each record is analysed on its own, as TABARI
    reads one record as one sentence."""
    from coder.document import Document

    if not earlier:
        return coder.code_text(record.text, lang="en", date=record.date, doc_id=record.id)
    documents = [Document(id=f"{record.id}@{number}", text=text, date=record.date, lang="en")
                 for number, text in enumerate(earlier)]
    documents.append(Document(id=record.id, text=record.text, date=record.date, lang="en"))
    analyses = coder.analyze_documents(documents, "en")
    before = sum(len(found) for found in analyses[:-1])
    coded = coder.code_analyses([analysis for found in analyses for analysis in found], documents[-1], "en")
    return [event for sentence in coded.sentences[before:] for event in sentence.events]


def tabari_story(record_id: str, option: str) -> str | None:
    """TABARI's `FORWARD: ^^*****NNN*SSS`: the story of a record id, the characters under the N's of the format
    laid over the id's end ("FRWD-001-002" -> "001"); None when forwarding is off."""
    words = option.split()
    if not words or words[-1].upper() == "OFF":
        return None
    layout = words[0]
    shift = len(layout) - len(record_id)
    story = "".join(record_id[i - shift] for i, mark in enumerate(layout)
                    if mark == "N" and 0 <= i - shift < len(record_id))
    return story or None


def tabari_defaults(option: str) -> dict[str, str | bool]:
    """TABARI's `DEFAULT: SOURCE [DEFSRC] PRIOR TARGET [DEFTAR] AFTER` -> the default actor codes.

    PRIOR/AFTER: the default applies when no actor stands before/after the verb (how our grammar reads roles);
    without them TABARI first takes a source after the verb or a target before it (default_*_prior/after)."""
    found: dict[str, str | bool] = {}
    for role, where in (("source", "PRIOR"), ("target", "AFTER")):
        match = re.search(rf"\b{role.upper()}\s*\[\s*([A-Z0-9]+)\s*\](\s*{where}\b)?", option.upper())
        if match:
            found[f"default_{role}"] = match.group(1)
            if not match.group(2):
                found[f"default_{role}_{where.lower()}"] = False
    return found


def validate_suite(suite: str, parse: bool = True, dictionaries: Path | None = None) -> SuiteReport:
    """Run one suite end to end and return the report."""
    records = load_suite(suite)
    return run_suite(records, suite_code_fn(suite, parse, dictionaries), load_deviations(suite))


def register(app: typer.Typer) -> None:
    """Add `validate` to the CLI app."""

    @app.command()
    def validate(
        suite: Suite = typer.Option(..., "--suite", help="Which peer suite to run: petrarch or tabari."),
        json_output: bool = typer.Option(False, "--json", help="Print the report as JSON."),
        show: Show = typer.Option(Show.failures, "--show", help="Records to list: all, failures or none."),
        parse: bool = typer.Option(True, "--parse/--no-parse", help="Dependency parse, or the fast rules."),
        dictionaries: Path = typer.Option(None, "--dictionaries",
                                          help="Dictionary folder (default: the suite's converted one)."),
    ) -> None:
        """Code a peer validation suite and report expected vs coded events per record (exit 0 regardless)."""
        from coder.dictionaries import DictionaryError

        try:
            report = validate_suite(suite.value, parse, dictionaries)
        except (DictionaryError, ValueError, FileNotFoundError) as error:
            typer.echo(f"error: {error}", err=True)
            raise typer.Exit(2) from error
        if json_output:
            data = report.to_dict()
            data["suite"] = suite.value
            data["parse"] = parse
            if show is not Show.all:
                keep = {r.record.id for r in report.failures} if show is Show.failures else set()
                data["results"] = [r for r in data["results"] if r["id"] in keep]
            typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
        else:
            typer.echo(f"suite {suite.value} ({'parser' if parse else 'no parser'})")
            typer.echo(report.format_text(show.value))
