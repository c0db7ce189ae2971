"""CLI commands `network` and `plot`: thin wrappers over coder.network, coder.dedup and coder.plotting."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import pandas as pd
import typer

from coder.dedup import one_a_day
from coder.network import (
    ActorNames,
    build_graph,
    edge_table,
    load_events,
    time_sliced_graphs,
    write_graph,
)


class Level(str, Enum):
    country = "country"
    sector = "sector"
    full = "full"


class Freq(str, Enum):
    day = "day"
    week = "week"
    month = "month"
    year = "year"


class Format(str, Enum):
    graphml = "graphml"
    gexf = "gexf"
    csv = "csv"


class Colour(str, Enum):
    goldstein = "goldstein"
    quad = "quad"


class Labels(str, Enum):
    code = "code"
    name = "name"


EventsArg = Annotated[Path, typer.Argument(help="Event file: JSONL, CSV, TSV or Parquet (coder events).")]
LevelOpt = Annotated[Level, typer.Option(help="Actor level: country (USA), sector (USAGOV) or full code.")]
DedupOpt = Annotated[bool, typer.Option(
    "--dedup/--no-dedup", help="One-a-day de-duplication per (date, source, target, code) first; "
                               "edges keep `mentions` (events before de-duplication).")]
UnknownOpt = Annotated[bool, typer.Option(
    "--keep-unknown/--drop-unknown", help="Keep events with an unknown source or target country (---).")]
StartOpt = Annotated[str | None, typer.Option(help="First date, YYYY-MM-DD (inclusive; drops undated).")]
EndOpt = Annotated[str | None, typer.Option(help="Last date, YYYY-MM-DD (inclusive; drops undated).")]
QuadOpt = Annotated[list[int] | None, typer.Option("--quad", help="Keep this quad class (1-4); repeatable.")]
RootOpt = Annotated[list[str] | None, typer.Option("--root", help="Keep this CAMEO root (19); repeatable.")]
ActorOpt = Annotated[list[str] | None, typer.Option(
    "--actor", help="Keep events whose source or target starts with this code (IDN, MMRMIL); repeatable.")]
LangOpt = Annotated[list[str] | None, typer.Option("--lang", help="Keep this language (en, id); repeatable.")]
NamesOpt = Annotated[bool, typer.Option(
    "--names/--no-names", help="Add actor names from the dictionaries as node attributes / labels.")]
DictionariesOpt = Annotated[Path | None, typer.Option(
    help="Dictionary folder for actor names (default: the packaged dictionaries).")]


def _actor_names(names: bool, dictionaries: Path | None) -> ActorNames:
    """Actor names from the dictionaries (a few seconds to load, hence --no-names)."""
    if not names:
        return None
    from coder.dictionaries import load_dictionaries
    from coder.paths import default_dictionary_dir

    folder = dictionaries or default_dictionary_dir()
    try:
        return load_dictionaries(folder).actor_name
    except (OSError, ValueError) as error:   # names are a convenience: say why they are missing, go on
        typer.echo(f"warning: no actor names ({folder}): {error}", err=True)
        return None


def _events(path: Path, dedup: bool) -> pd.DataFrame:
    return one_a_day(path) if dedup else load_events(path)


def _filters(keep_unknown: bool, start: str | None, end: str | None, quad: list[int] | None,
             root: list[str] | None, actor: list[str] | None, lang: list[str] | None) -> dict:
    return {"drop_unknown": not keep_unknown, "start": start, "end": end, "quad_classes": quad or None,
            "roots": root or None, "actors": actor or None, "langs": lang or None}


def _fail(error: Exception) -> typer.Exit:
    typer.echo(f"error: {error}", err=True)
    return typer.Exit(code=1)


def network(
    events: EventsArg,
    out: Annotated[Path, typer.Option("--out", help="Output file (.graphml, .gexf or .csv).")],
    level: LevelOpt = Level.country,
    freq: Annotated[Freq | None, typer.Option(
        help="Slice by period. csv: one table with a `period` column. graphml/gexf: one file per period, "
             "named OUT-stem.PERIOD.suffix (net.2025-03.graphml), each a plain DiGraph.")] = None,
    fmt: Annotated[Format | None, typer.Option(
        "--format", help="Output format (default: from the --out suffix).")] = None,
    dedup: DedupOpt = True,
    keep_unknown: UnknownOpt = False,
    start: StartOpt = None,
    end: EndOpt = None,
    quad: QuadOpt = None,
    root: RootOpt = None,
    actor: ActorOpt = None,
    lang: LangOpt = None,
    names: NamesOpt = True,
    dictionaries: DictionariesOpt = None,
) -> None:
    """Build the dyadic event network of an event file (GraphML, GEXF or CSV).

    One edge per ordered dyad with the event count, counts per quad class and CAMEO root (quad_1, root_19,
    ...), Goldstein sum and mean, first and last date; nodes carry country, sector and name.
    """
    chosen = fmt.value if fmt else out.suffix.lstrip(".").lower()
    if chosen not in {f.value for f in Format}:
        raise typer.BadParameter(f"cannot tell the format of {out.name}; give --format graphml|gexf|csv",
                                 param_hint="--format")
    try:
        frame = _events(events, dedup)
        filters = _filters(keep_unknown, start, end, quad, root, actor, lang)
        actor_names = _actor_names(names, dictionaries)
        if freq is None:
            graph = build_graph(frame, level=level.value, actor_names=actor_names, **filters)
            write_graph(graph, out, chosen)
            counts = [(d["count"], d["mentions"]) for _, _, d in graph.edges(data=True)]
            typer.echo(f"{out}: {graph.number_of_nodes()} actors, {graph.number_of_edges()} dyads, "
                       f"{sum(c for c, _ in counts)} events ({sum(m for _, m in counts)} mentions)")
            return
        graphs = time_sliced_graphs(frame, freq=freq.value, level=level.value, actor_names=actor_names,
                                    **filters)
        if chosen == "csv":
            tables = [edge_table(graph, period) for period, graph in graphs.items()]
            table = pd.concat(tables, ignore_index=True) if tables else pd.DataFrame(
                columns=["source", "target", "period"])
            out.parent.mkdir(parents=True, exist_ok=True)
            table.to_csv(out, index=False)
            typer.echo(f"{out}: {len(table)} dyad-periods in {len(graphs)} periods")
            return
        for period, graph in graphs.items():
            path = out.with_name(f"{out.stem}.{period}{out.suffix or '.' + chosen}")
            write_graph(graph, path, chosen)
            typer.echo(f"{path}: {graph.number_of_nodes()} actors, {graph.number_of_edges()} dyads")
        if not graphs:
            typer.echo("no dated events: nothing written", err=True)
    except (OSError, ValueError, TypeError) as error:
        raise _fail(error) from error


def plot(
    events: EventsArg,
    out: Annotated[Path, typer.Option("--out", help="Image file (.png, .svg or .pdf).")],
    level: LevelOpt = Level.country,
    freq: Annotated[Freq, typer.Option(help="Period of the dyads-over-time panel.")] = Freq.month,
    top: Annotated[int, typer.Option(help="Draw at most this many actors (by weighted degree).")] = 30,
    top_dyads: Annotated[int, typer.Option(help="Dyads shown over time.")] = 5,
    colour: Annotated[Colour, typer.Option(
        help="Edge colour: mean Goldstein score or cooperation share (quad 1+2).")] = Colour.goldstein,
    labels: Annotated[Labels, typer.Option(help="Node labels: actor codes or names.")] = Labels.code,
    dedup: DedupOpt = True,
    keep_unknown: UnknownOpt = False,
    start: StartOpt = None,
    end: EndOpt = None,
    quad: QuadOpt = None,
    root: RootOpt = None,
    actor: ActorOpt = None,
    lang: LangOpt = None,
    dictionaries: DictionariesOpt = None,
) -> None:
    """Draw the dyadic network and the top dyads over time into an image.

    Edge colour = cooperation/conflict (mean Goldstein or quad share), edge width = event count.
    """
    import matplotlib

    matplotlib.use("Agg")
    from coder.plotting import plot_events

    try:
        frame = _events(events, dedup)
        actor_names = _actor_names(labels == Labels.name, dictionaries)
        figure = plot_events(frame, level=level.value, freq=freq.value, top_actors=top,
                             top_dyads_shown=top_dyads, colour_by=colour.value, labels=labels.value,
                             actor_names=actor_names,
                             **_filters(keep_unknown, start, end, quad, root, actor, lang))
        out.parent.mkdir(parents=True, exist_ok=True)
        figure.savefig(out, dpi=120)
    except (OSError, ValueError, TypeError) as error:
        raise _fail(error) from error
    typer.echo(f"{out}: written")


def register(app: typer.Typer) -> None:
    """Add the `network` and `plot` commands to the coder CLI."""
    app.command("network")(network)
    app.command("plot")(plot)
