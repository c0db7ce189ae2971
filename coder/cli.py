"""Command line: parses options and calls the modules; no coding logic lives here."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

app = typer.Typer(help="Code news text into CAMEO political events.", no_args_is_help=True,
                  pretty_exceptions_enable=False)


class OutputFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    petrarch = "petrarch"
    gdelt = "gdelt"
    plover = "plover"


DictionariesOption = typer.Option(None, "--dictionaries", help="Dictionary folder (default: the packaged one).")
LangOption = typer.Option("auto", "--lang", help="Language of documents that do not say: auto, en, id.")
DateOption = typer.Option(None, "--date", help="Date (YYYY-MM-DD) for undated documents; default today.")
ParseOption = typer.Option(True, "--parse/--no-parse", help="English: dependency parse, or the fast rules.")


def make_coder(dictionaries: Path | None, parse: bool, date: str | None, lang: str):
    from coder.coder import Coder
    from coder.dictionaries import DictionaryError

    try:
        return Coder(dictionaries, parse=parse, date=date, lang=lang)
    except DictionaryError as error:
        typer.echo(str(error), err=True)
        raise typer.Exit(2) from error


class Engine(str, Enum):
    local = "local"
    dask = "dask"


@app.command()
def code(
    inputs: list[Path] = typer.Argument(..., help="Text files, folders, JSONL/CSV/PETRARCH XML (.gz too)."),
    out: Path = typer.Option(..., "--out", "-o", help="Event file to write."),
    fmt: OutputFormat = typer.Option(OutputFormat.jsonl, "--format", help="Output format."),
    lang: str = LangOption,
    date: str = DateOption,
    dictionaries: Path = DictionariesOption,
    parse: bool = ParseOption,
    rejects: Path = typer.Option(None, "--rejects", help="Where rejected documents go (default: OUT.rejects.jsonl)."),
    workers: int = typer.Option(1, "--workers", "-j", min=1, help="Worker processes (or Dask workers)."),
    resume: bool = typer.Option(False, "--resume", help="Go on from the chunks an interrupted run finished."),
    engine: Engine = typer.Option(Engine.local, "--engine", help="local processes, or a Dask cluster."),
    scheduler: str = typer.Option(None, "--scheduler", help="Dask scheduler address (default: a local cluster)."),
    progress: bool = typer.Option(None, "--progress/--no-progress",
                                  help="Progress line on stderr (default: when stderr is a terminal)."),
    chunk_size: int = typer.Option(64, "--chunk-size", min=1, help="Documents per chunk (unit of work and resume)."),
    max_chars: int = typer.Option(1_000_000, "--max-chars", min=1, help="Longer documents are rejected."),
) -> None:
    """Code documents into events. Exit code 0: all coded; 1: some documents were rejected; 2: usage error;
    3: the run could not finish (finished chunks are kept for --resume)."""
    from coder.checkpoint import ResumeMismatch
    from coder.long_run import prepare_long_run
    from coder.progress import Progress, wanted
    from coder.runner import run

    if scheduler and engine is not Engine.dask:
        typer.echo("--scheduler needs --engine dask", err=True)
        raise typer.Exit(2)
    missing = [str(path) for path in inputs if not path.exists()]
    if missing:  # a mistyped path is a usage error, not a rejected document
        typer.echo(f"error: no such file or folder: {', '.join(missing)}", err=True)
        raise typer.Exit(2)
    coder = make_coder(dictionaries, parse, date, lang)
    prepare_long_run()  # this process only codes from here on
    display = Progress() if wanted(progress) else None
    try:
        summary = run(coder, inputs, out, fmt.value, lang=None if lang == "auto" else lang, date=date,
                      rejects_path=rejects, workers=workers, engine=engine.value, scheduler=scheduler, resume=resume,
                      chunk_size=chunk_size, max_chars=max_chars, progress=display)
    except (ResumeMismatch, ValueError, RuntimeError) as error:
        # bad --date/--lang or another run's checkpoint (2); worker processes that cannot run at all (3)
        if display is not None:
            display.close()
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(3 if isinstance(error, RuntimeError) else 2) from error
    if display is not None:
        display.close(summary)
    typer.echo(f"{out}: {summary.describe()}", err=True)
    if summary.rejected:
        typer.echo(f"rejected documents and why: {rejects or out.with_name(out.name + '.rejects.jsonl')}", err=True)
        raise typer.Exit(1)


@app.command()
def explain(
    text: str = typer.Argument(..., help="The text to code."),
    lang: str = LangOption,
    date: str = DateOption,
    dictionaries: Path = DictionariesOption,
    parse: bool = ParseOption,
) -> None:
    """Show what matched (actors, agents, verbs, voice, negation) and the events, sentence by sentence."""
    from coder.document import Document
    from coder.explain import explain as explain_document

    coder = make_coder(dictionaries, parse, date, lang)
    coded = coder.code_document_full(Document(id="text", text=text, date=date, lang=None if lang == "auto" else lang))
    typer.echo(explain_document(coded))


@app.command()
def evaluate(
    gold: list[Path] = typer.Argument(..., help="Gold JSONL files: documents with their expected events."),
    json_output: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    dictionaries: Path = DictionariesOption,
    parse: bool = ParseOption,
) -> None:
    """Precision, recall and F1 against gold events: event presence, root with actor countries, full codes."""
    import json

    from coder.evaluation import evaluate_records, read_gold

    coder = make_coder(dictionaries, parse, None, "auto")
    records = [record for path in gold for record in read_gold(path)]
    report = evaluate_records(records, coder)
    typer.echo(json.dumps(report.to_dict(), indent=2, ensure_ascii=False) if json_output else report.format_text())


def _register_optional_commands() -> None:
    """Command groups that live in their own modules (network, dictionaries, validation)."""
    from coder.commands import network_commands, report_commands, validate_commands
    from coder.commands.dict_commands import dict_app

    network_commands.register(app)
    validate_commands.register(app)
    report_commands.register(dict_app)
    app.add_typer(dict_app, name="dict")


_register_optional_commands()
