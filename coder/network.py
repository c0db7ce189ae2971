"""Coded events -> dyadic networks (networkx), the form conflict analysts study actor relations in.

Events come as a DataFrame, a JSONL/CSV/Parquet file, or a list of `Event`s/dicts. Actors are aggregated at a
chosen level: `country` (first 3 characters of the code: USAGOV -> USA), `sector` (country plus the first
sector code, first 6 characters: USAGOVMIL -> USAGOV) or `full` (the code as coded).

Unknown actors: by default (`drop_unknown=True`) events whose source or target country is unknown ("---",
"---MIL") are dropped, because an edge to "somebody" says nothing about a dyad. Pass `drop_unknown=False` to
keep them as nodes ("---" at country level, "---MIL" at sector level).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, is_dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import networkx as nx
import pandas as pd

from coder.io.jsonlines import json_objects

UNKNOWN_COUNTRY = "---"
LEVELS = ("country", "sector", "full")
FREQS = ("day", "week", "month", "year")
QUADS = (1, 2, 3, 4)
ROOTS = tuple(f"{i:02d}" for i in range(1, 21))
COOPERATION_QUADS = (1, 2)   # verbal and material cooperation
CONFLICT_QUADS = (3, 4)      # verbal and material conflict
REQUIRED_COLUMNS = ("source", "target", "code")
EXPORT_FORMATS = ("graphml", "gexf", "csv")

EventsLike = pd.DataFrame | str | Path | Iterable[Any]
ActorNames = Callable[[str], str | None] | Mapping[str, str] | None


# ---------------------------------------------------------------------------------------------- loading
def read_events(path: str | Path) -> pd.DataFrame:
    """Read an event file (JSONL, CSV, TSV or Parquet by suffix; .gz for the text formats); codes are kept
    as text so "072" stays "072"."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"event file not found: {path}")
    suffixes = [s.lower() for s in path.suffixes]
    zipped = bool(suffixes) and suffixes[-1] == ".gz"
    suffix = (suffixes[-2] if zipped and len(suffixes) > 1 else "") if zipped else path.suffix.lower()
    if suffix in (".jsonl", ".ndjson", ".json"):
        rows = [record for _, record in json_objects(path)]
        return pd.DataFrame(rows)
    if suffix in (".csv", ".tsv"):
        text_columns = {name: str for name in ("doc_id", "date", "lang", "source", "target", "code", "root")}
        return pd.read_csv(path, sep="\t" if suffix == ".tsv" else ",", dtype=text_columns,
                           keep_default_na=False, na_values=[""])
    if suffix == ".parquet":
        return pd.read_parquet(path)
    raise ValueError(f"{path}: unknown event file type {''.join(path.suffixes)!r} "
                     "(use .jsonl, .csv, .tsv, .parquet; .gz for the text formats)")


def _quad_of_root(root: str) -> int:
    """CAMEO's standard quad classes by root code: 01-05, 06-08, 09-13, 14-20."""
    number = int(root)
    return 1 if number <= 5 else 2 if number <= 8 else 3 if number <= 13 else 4


def _text(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return None
    text = str(value).strip()
    return text or None


def load_events(events: EventsLike) -> pd.DataFrame:
    """Return a clean copy of the events: actors/codes as text, root and quad class filled, dates checked.

    Missing optional columns get defaults (doc_id "", lang "", root from the code, quad class from the root,
    Goldstein NaN, date None). A malformed value raises ValueError naming the row.
    """
    if isinstance(events, (str, Path)):
        frame = read_events(events)
    elif isinstance(events, pd.DataFrame):
        frame = events.copy()
    else:
        rows = []
        for item in events:
            if hasattr(item, "to_dict") and not isinstance(item, Mapping):
                rows.append(item.to_dict())
            elif is_dataclass(item) and not isinstance(item, type):
                rows.append(asdict(item))
            elif isinstance(item, Mapping):
                rows.append(dict(item))
            else:
                raise TypeError(f"cannot read an event from {type(item).__name__}")
        frame = pd.DataFrame(rows)
    missing = [name for name in REQUIRED_COLUMNS if name not in frame.columns]
    if missing and len(frame):
        raise ValueError(f"events lack required column(s): {', '.join(missing)}")
    frame = frame.reset_index(drop=True)
    n = len(frame)

    def column(name: str, default: Any) -> list:
        return list(frame[name]) if name in frame.columns else [default] * n

    sources = [_text(v) or UNKNOWN_COUNTRY for v in column("source", None)]
    targets = [_text(v) or UNKNOWN_COUNTRY for v in column("target", None)]
    codes, roots, quads, dates = [], [], [], []
    values = zip(column("code", None), column("root", None), column("quad_class", None), column("date", None),
                 strict=True)
    for i, (code, root, quad, date) in enumerate(values):
        code_text = _text(code)
        if code_text is None or not code_text.isdigit():
            raise ValueError(f"event row {i}: CAMEO code {code!r} is not a digit string such as '072'")
        # A code read as a number lost its leading zero: 72 -> "072", 872 -> "0872" (roots are 01..20).
        if len(code_text) < 3 or (len(code_text) == 3 and int(code_text[:2]) > 20):
            code_text = code_text.zfill(len(code_text) + 1 if len(code_text) == 3 else 3)
        root_text = _text(root)
        if root_text is None:
            root_text = code_text[:2]
        elif root_text.replace(".0", "", 1).isdigit():
            root_text = root_text.replace(".0", "", 1).zfill(2)
        else:
            raise ValueError(f"event row {i}: root {root!r} is not a number")
        quad_value = _text(quad)
        if quad_value is None:
            quad_number = _quad_of_root(root_text)
        else:
            try:
                quad_number = int(float(quad_value))
            except ValueError:
                raise ValueError(f"event row {i}: quad_class {quad!r} is not 1..4") from None
            if quad_number not in QUADS:
                raise ValueError(f"event row {i}: quad_class {quad!r} is not 1..4")
        date_text = _text(date)
        if date_text is not None:
            date_text = date_text[:10]
            try:
                datetime.strptime(date_text, "%Y-%m-%d")
            except ValueError:
                raise ValueError(f"event row {i}: date {date!r} is not YYYY-MM-DD") from None
        codes.append(code_text)
        roots.append(root_text)
        quads.append(quad_number)
        dates.append(date_text)
    frame["source"] = pd.Series(sources, dtype=object)
    frame["target"] = pd.Series(targets, dtype=object)
    frame["code"] = pd.Series(codes, dtype=object)
    frame["root"] = pd.Series(roots, dtype=object)
    frame["quad_class"] = pd.Series(quads, dtype="int64")
    frame["date"] = pd.Series(dates, dtype=object)
    frame["doc_id"] = pd.Series([_text(v) or "" for v in column("doc_id", "")], dtype=object)
    frame["lang"] = pd.Series([_text(v) or "" for v in column("lang", "")], dtype=object)
    goldstein = pd.to_numeric(pd.Series(column("goldstein", float("nan"))), errors="coerce")
    frame["goldstein"] = goldstein.astype("float64")
    if "mentions" in frame.columns:
        frame["mentions"] = pd.to_numeric(frame["mentions"], errors="coerce").fillna(1).astype("int64")
    return frame


def doc_id_sets(events: pd.DataFrame) -> pd.Series:
    """The documents behind each event: its doc_id, or the ";"-joined `doc_ids` that de-duplication keeps."""
    if "doc_ids" in events.columns:
        merged = [frozenset(str(v).split(";")) if _text(v) else frozenset({d}) for v, d in
                  zip(events["doc_ids"], events["doc_id"], strict=True)]
    else:
        merged = [frozenset({d}) for d in events["doc_id"]]
    return pd.Series(merged, index=events.index, dtype=object)


# ---------------------------------------------------------------------------------------------- levels
def actor_at_level(code: str, level: str = "country") -> str:
    """Aggregate an actor code: country = first 3 chars, sector = first 6 chars, full = as is."""
    if level == "country":
        return code[:3]
    if level == "sector":
        return code[:6]
    if level == "full":
        return code
    raise ValueError(f"unknown level {level!r}; use one of {', '.join(LEVELS)}")


def period_label(date: str, freq: str) -> str:
    """Label the period a YYYY-MM-DD date falls in: 2025-03-03, 2025-W10 (ISO week), 2025-03, 2025."""
    if freq == "day":
        return date[:10]
    if freq == "month":
        return date[:7]
    if freq == "year":
        return date[:4]
    if freq == "week":
        year, week, _ = datetime.strptime(date[:10], "%Y-%m-%d").isocalendar()
        return f"{year}-W{week:02d}"
    raise ValueError(f"unknown frequency {freq!r}; use one of {', '.join(FREQS)}")


def period_range(first: str, last: str, freq: str) -> list[str]:
    """Every period label from the period of `first` to that of `last` (dates), empty periods included."""
    if freq not in FREQS:
        raise ValueError(f"unknown frequency {freq!r}; use one of {', '.join(FREQS)}")
    days = pd.date_range(first[:10], last[:10], freq="D")
    labels = dict.fromkeys(period_label(day.strftime("%Y-%m-%d"), freq) for day in days)
    return list(labels)


def add_periods(events: pd.DataFrame, freq: str) -> pd.DataFrame:
    """Keep the dated events and add a `period` column; undated events cannot be placed in time."""
    dated = events[events["date"].notna()].copy()
    dated["period"] = [period_label(date, freq) for date in dated["date"]]
    return dated


# ---------------------------------------------------------------------------------------------- filters
def _as_set(values: Any, convert: Callable[[Any], Any]) -> set | None:
    if values is None:
        return None
    if isinstance(values, (str, int)):
        values = [values]
    return {convert(value) for value in values}


def filter_events(events: EventsLike, *, start: str | None = None, end: str | None = None,
                  quad_classes: Iterable[int] | int | None = None, roots: Iterable[str] | str | None = None,
                  actors: Iterable[str] | str | None = None, langs: Iterable[str] | str | None = None,
                  drop_unknown: bool = True, drop_self_loops: bool = False,
                  level: str = "country") -> pd.DataFrame:
    """Select events. Dates are inclusive YYYY-MM-DD bounds (a date filter drops undated events); `roots`
    accepts "19" or 19; `actors` keeps events whose source or target code starts with one of the given codes
    (IDN matches IDNGOV); `drop_self_loops` drops events whose two actors coincide at `level`."""
    frame = load_events(events)
    keep = pd.Series(True, index=frame.index)
    if start is not None or end is not None:
        dated = frame["date"].notna()
        keep &= dated
        if start is not None:
            keep &= dated & (frame["date"].fillna("") >= str(start)[:10])
        if end is not None:
            keep &= dated & (frame["date"].fillna("") <= str(end)[:10])
    quads = _as_set(quad_classes, int)
    if quads is not None:
        keep &= frame["quad_class"].isin(quads)
    root_set = _as_set(roots, lambda value: str(int(value)).zfill(2))
    if root_set is not None:
        keep &= frame["root"].isin(root_set)
    actor_set = _as_set(actors, str)
    if actor_set is not None:
        prefixes = tuple(sorted(actor_set))
        keep &= frame["source"].str.startswith(prefixes) | frame["target"].str.startswith(prefixes)
    lang_set = _as_set(langs, str)
    if lang_set is not None:
        keep &= frame["lang"].isin(lang_set)
    if drop_unknown:
        for side in ("source", "target"):
            keep &= ~frame[side].str.startswith(UNKNOWN_COUNTRY)
    if drop_self_loops:
        same = [actor_at_level(s, level) == actor_at_level(t, level)
                for s, t in zip(frame["source"], frame["target"], strict=True)]
        keep &= ~pd.Series(same, index=frame.index, dtype=bool)
    return frame[keep].reset_index(drop=True)


# ---------------------------------------------------------------------------------------------- dyads
def aggregate_dyads(events: pd.DataFrame, level: str = "country", by: Iterable[str] = ()) -> pd.DataFrame:
    """One row per ordered dyad (and per `by` value, e.g. period): counts, quad/root counts, Goldstein.

    `events` must already be loaded (`load_events`/`filter_events`). Columns: source, target, *by, count,
    mentions (events before de-duplication, = count without a `mentions` column), stories (distinct doc_id),
    goldstein_sum, goldstein_mean, quad_1..quad_4, coop_count, conflict_count, root_01..root_20 (plus any
    other root seen), first_date, last_date (None when every event is undated).
    """
    by = list(by)
    keys = ["source", "target", *by]
    frame = events.copy()
    frame["source"] = [actor_at_level(code, level) for code in frame["source"]]
    frame["target"] = [actor_at_level(code, level) for code in frame["target"]]
    if "mentions" not in frame.columns:
        frame["mentions"] = 1
    roots = sorted(set(ROOTS) | set(frame["root"]))
    columns = [*keys, "count", "mentions", "stories", "goldstein_sum", "goldstein_mean",
               *(f"quad_{q}" for q in QUADS), "coop_count", "conflict_count",
               *(f"root_{r}" for r in roots), "first_date", "last_date"]
    if frame.empty:
        return pd.DataFrame(columns=columns)
    frame["doc_ids"] = doc_id_sets(frame)
    grouped = frame.groupby(keys, sort=True, dropna=False)
    table = grouped.agg(count=("code", "size"), mentions=("mentions", "sum"),
                        stories=("doc_ids", lambda sets: len(set().union(*sets) - {""})),
                        goldstein_sum=("goldstein", "sum"), goldstein_mean=("goldstein", "mean"),
                        first_date=("date", "min"), last_date=("date", "max"))
    quad_counts = pd.crosstab([frame[k] for k in keys], frame["quad_class"]).reindex(columns=list(QUADS),
                                                                                     fill_value=0)
    quad_counts.columns = [f"quad_{q}" for q in QUADS]
    root_counts = pd.crosstab([frame[k] for k in keys], frame["root"]).reindex(columns=roots, fill_value=0)
    root_counts.columns = [f"root_{r}" for r in roots]
    table = table.join(quad_counts).join(root_counts).reset_index()
    table["coop_count"] = table["quad_1"] + table["quad_2"]
    table["conflict_count"] = table["quad_3"] + table["quad_4"]
    for name in ("first_date", "last_date"):
        table[name] = pd.Series([_text(v) for v in table[name]], dtype=object, index=table.index)
    for name in ("count", "mentions", "stories", *(c for c in columns if c.startswith(("quad_", "root_")))):
        table[name] = table[name].astype("int64")
    return table[columns]


def name_lookup(actor_names: ActorNames) -> Callable[[str], str | None]:
    if actor_names is None:
        return lambda code: None
    if isinstance(actor_names, Mapping):
        return actor_names.get
    if callable(actor_names):
        return actor_names
    raise TypeError("actor_names must be a callable code -> name or a mapping")


def _node_attributes(code: str, names: Callable[[str], str | None]) -> dict:
    attributes = {"country": code[:3], "sector": code[3:6]}
    name = names(code)
    if name:
        attributes["name"] = name
    return attributes


def _plain(value: Any) -> Any:
    """numpy scalars -> Python values, so graphs serialise and compare cleanly."""
    return value.item() if hasattr(value, "item") else value


def _graph_from_table(table: pd.DataFrame, names: Callable[[str], str | None], level: str) -> nx.DiGraph:
    graph = nx.DiGraph(level=level)
    for code in sorted(set(table["source"]) | set(table["target"])):
        graph.add_node(code, **_node_attributes(code, names))
    for row in table.to_dict("records"):
        attributes = {name: _plain(value) for name, value in row.items() if name not in ("source", "target")}
        attributes["weight"] = attributes["count"]
        graph.add_edge(row["source"], row["target"], **attributes)
    return graph


# ---------------------------------------------------------------------------------------------- graphs
def build_graph(events: EventsLike, level: str = "country", actor_names: ActorNames = None,
                **filters: Any) -> nx.DiGraph:
    """Weighted DiGraph, one edge per ordered dyad (weight = event count); see `aggregate_dyads` for the
    edge attributes. Nodes carry country, sector and name (when `actor_names` knows the code).
    `filters` are those of `filter_events`."""
    actor_at_level("", level)  # validates the level before any work
    frame = filter_events(events, level=level, **filters)
    return _graph_from_table(aggregate_dyads(frame, level), name_lookup(actor_names), level)


def build_multigraph(events: EventsLike, level: str = "country", actor_names: ActorNames = None,
                     **filters: Any) -> nx.MultiDiGraph:
    """MultiDiGraph with one edge per event (attributes: code, root, quad_class, goldstein, date, doc_id,
    lang, source_code, target_code, mentions); edges keep the events' order."""
    actor_at_level("", level)
    frame = filter_events(events, level=level, **filters)
    names = name_lookup(actor_names)
    graph = nx.MultiDiGraph(level=level)
    sources = [actor_at_level(code, level) for code in frame["source"]]
    targets = [actor_at_level(code, level) for code in frame["target"]]
    for code in sorted(set(sources) | set(targets)):
        graph.add_node(code, **_node_attributes(code, names))
    mentions = frame["mentions"] if "mentions" in frame.columns else pd.Series(1, index=frame.index)
    for i, row in enumerate(frame.itertuples(index=False)):
        graph.add_edge(sources[i], targets[i], code=row.code, root=row.root, quad_class=int(row.quad_class),
                       goldstein=float(row.goldstein), date=row.date, doc_id=row.doc_id, lang=row.lang,
                       source_code=row.source, target_code=row.target, mentions=int(mentions.iloc[i]))
    return graph


def time_sliced_graphs(events: EventsLike, freq: str = "month", level: str = "country",
                       actor_names: ActorNames = None, **filters: Any) -> dict[str, nx.DiGraph]:
    """One DiGraph per period that has events, keyed by period label in time order; undated events are
    left out (they belong to no period)."""
    period_label("2000-01-01", freq)
    actor_at_level("", level)
    frame = add_periods(filter_events(events, level=level, **filters), freq)
    table = aggregate_dyads(frame, level, by=["period"])
    names = name_lookup(actor_names)
    graphs = {}
    for period, part in table.groupby("period", sort=True):
        graph = _graph_from_table(part.drop(columns="period"), names, level)
        graph.graph["period"] = period
        graphs[str(period)] = graph
    return graphs


# ---------------------------------------------------------------------------------------------- export
def _flatten(attributes: Mapping[str, Any]) -> dict:
    """GraphML/GEXF hold only scalars: drop None, flatten dicts (quad -> quad_1), join lists with ";"."""
    flat: dict[str, Any] = {}
    for name, value in attributes.items():
        value = _plain(value)
        if value is None:
            continue
        if isinstance(value, Mapping):
            for key, inner in _flatten({f"{name}_{k}": v for k, v in value.items()}).items():
                flat[key] = inner
        elif isinstance(value, (list, tuple, set)):
            flat[name] = ";".join(str(v) for v in value)
        elif isinstance(value, (str, int, float, bool)):
            flat[name] = value
        else:
            flat[name] = str(value)
    return flat


def exportable(graph: nx.Graph) -> nx.Graph:
    """Copy of `graph` whose graph, node and edge attributes GraphML and GEXF can store."""
    copy = graph.__class__()
    copy.graph.update(_flatten(graph.graph))
    copy.add_nodes_from((node, _flatten(data)) for node, data in graph.nodes(data=True))
    if graph.is_multigraph():
        copy.add_edges_from((u, v, k, _flatten(d)) for u, v, k, d in graph.edges(keys=True, data=True))
    else:
        copy.add_edges_from((u, v, _flatten(d)) for u, v, d in graph.edges(data=True))
    return copy


def edge_table(graph: nx.Graph, period: str | None = None) -> pd.DataFrame:
    """Edges as a DataFrame (source, target, [period], attributes; source_name/target_name when known)."""
    rows = []
    for u, v, data in graph.edges(data=True):
        row: dict[str, Any] = {"source": u, "target": v}
        if period is not None:
            row["period"] = period
        row.update(data)
        for side, node in (("source", u), ("target", v)):
            name = graph.nodes[node].get("name")
            if name:
                row[f"{side}_name"] = name
        rows.append(row)
    return pd.DataFrame(rows)


def write_graph(graph: nx.Graph, path: str | Path, fmt: str | None = None) -> Path:
    """Write a graph as GraphML, GEXF or a CSV edge list (format from `fmt` or the file suffix)."""
    path = Path(path)
    fmt = (fmt or path.suffix.lstrip(".")).lower()
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown graph format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "graphml":
        nx.write_graphml(exportable(graph), path)
    elif fmt == "gexf":
        nx.write_gexf(exportable(graph), path)
    else:
        edge_table(graph).to_csv(path, index=False)
    return path
