"""CLI group `coder dict`: dictionary maintenance. Thin: options in, coder.importers does the work."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

dict_app = typer.Typer(help="Maintain dictionaries: import PETRARCH/Phoenix files into YAML.",
                       no_args_is_help=True)

REPO = Path(__file__).resolve().parents[2]
DEFAULT_SOURCE = REPO.parent / "shared" / "reference" / "petrarch" / "dictionaries"
DEFAULT_OUT = REPO / "dictionaries"


@dict_app.command("import-petrarch")
def import_petrarch_command(
    source: Annotated[Path | None, typer.Option(
        "--source", help="Folder with the PETRARCH/Phoenix files "
        "(default: ../shared/reference/petrarch/dictionaries next to the repository, if it exists).")] = None,
    out: Annotated[Path | None, typer.Option(
        "--out", help="Dictionary folder to write into (default: the repository's dictionaries/).")] = None,
) -> None:
    """Convert PETRARCH verb patterns and Phoenix actors, agents, discards and issues to YAML.

    Writes the generated files, IMPORT_REPORT.md and import_rejects.tsv (every entry not converted as
    written, with file, line and reason) under --out, and prints a summary.
    """
    from coder.importers import import_petrarch

    if source is None:
        if not DEFAULT_SOURCE.is_dir():
            typer.echo(f"no --source given and {DEFAULT_SOURCE} does not exist", err=True)
            raise typer.Exit(2)
        source = DEFAULT_SOURCE
    if out is None:
        if not DEFAULT_OUT.is_dir():
            typer.echo(f"no --out given and {DEFAULT_OUT} does not exist", err=True)
            raise typer.Exit(2)
        out = DEFAULT_OUT
    try:
        report = import_petrarch(source, out)
    except FileNotFoundError as error:
        typer.echo(str(error), err=True)
        raise typer.Exit(2) from error
    typer.echo(report.summary())
    rejected = len(report.rejected())
    typer.echo(f"wrote {len(report.outputs)} dictionary files to {out}; {rejected} rejects listed in "
               f"{out / 'import_rejects.tsv'}, summary in {out / 'IMPORT_REPORT.md'}")
