"""`coder dict lint` and `coder dict stats`."""

from __future__ import annotations

from pathlib import Path

import typer

from coder.paths import default_dictionary_dir


def register(dict_app: typer.Typer) -> None:
    @dict_app.command("lint")
    def lint_command(
        dictionaries: Path = typer.Option(None, "--dictionaries", help="Dictionary folder (default: packaged)."),
        strict: bool = typer.Option(False, "--strict", help="Exit 1 on warnings too."),
    ) -> None:
        """Errors (what loading refuses) and warnings: duplicates, overrides, grammar-word names,
        patterns that can never match, overlapping dated codes."""
        from coder.dictionaries.report import lint

        report = lint(dictionaries or default_dictionary_dir())
        typer.echo(report.format_text())
        if report.errors or (strict and report.warnings):
            raise typer.Exit(1)

    @dict_app.command("stats")
    def stats_command(
        dictionaries: Path = typer.Option(None, "--dictionaries", help="Dictionary folder (default: packaged)."),
        by_code: bool = typer.Option(False, "--by-code", help="Also list patterns per CAMEO code."),
    ) -> None:
        """Coverage per language: actor and agent phrases, dated people, verb patterns, CAMEO codes and roots."""
        from coder.dictionaries import DictionaryError, load_dictionaries
        from coder.dictionaries.report import format_stats

        try:
            store = load_dictionaries(dictionaries or default_dictionary_dir())
        except DictionaryError as error:
            typer.echo(str(error), err=True)
            raise typer.Exit(2) from error
        typer.echo(format_stats(store, by_code=by_code))
