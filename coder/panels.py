"""Tables for conflict analysis: dyad-by-period panels, cooperation/conflict balance, reciprocity, actor
strength and centrality. Every function takes events (anything `coder.network.load_events` reads) plus the
filters of `coder.network.filter_events`; strength and centrality also take a ready DiGraph.
"""

from __future__ import annotations

from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from coder.network import (
    CONFLICT_QUADS,
    COOPERATION_QUADS,
    QUADS,
    ActorNames,
    EventsLike,
    actor_at_level,
    add_periods,
    aggregate_dyads,
    build_graph,
    filter_events,
    name_lookup,
    period_range,
)

PANEL_COLUMNS = ("period", "source", "target", "count", "goldstein_sum", "goldstein_mean",
                 *(f"quad_{q}" for q in QUADS))


def dyad_panel(events: EventsLike, freq: str = "month", level: str = "country", balanced: bool = False,
               **filters: Any) -> pd.DataFrame:
    """Long dyad-by-period panel: period, source, target, count, goldstein_sum, goldstein_mean, quad_1..4.

    Undated events are left out. `balanced=True` adds a row for every dyad in every period from the first to
    the last (counts 0, goldstein_sum 0, goldstein_mean NaN), which time-series models need.
    """
    frame = add_periods(filter_events(events, level=level, **filters), freq)
    table = aggregate_dyads(frame, level, by=["period"])
    panel = table[list(PANEL_COLUMNS)]
    if balanced and not panel.empty:
        periods = period_range(frame["date"].min(), frame["date"].max(), freq)
        dyads = panel[["source", "target"]].drop_duplicates().sort_values(["source", "target"])
        grid = pd.MultiIndex.from_tuples(
            [(p, s, t) for p in periods for s, t in dyads.itertuples(index=False)],
            names=["period", "source", "target"])
        panel = panel.set_index(["period", "source", "target"]).reindex(grid)
        filled = [c for c in panel.columns if c != "goldstein_mean"]
        panel[filled] = panel[filled].fillna(0)
        panel = panel.reset_index()
        for name in ("count", *(f"quad_{q}" for q in QUADS)):
            panel[name] = panel[name].astype("int64")
    return panel.sort_values(["period", "source", "target"]).reset_index(drop=True)


def cooperation_conflict(events: EventsLike, level: str = "country", **filters: Any) -> pd.DataFrame:
    """Per ordered dyad: cooperation (quad 1+2) vs conflict (quad 3+4) counts and Goldstein sums.

    `balance` = (coop_count - conflict_count) / count, from -1 (all conflict) to +1 (all cooperation).
    """
    frame = filter_events(events, level=level, **filters)
    table = aggregate_dyads(frame, level)
    columns = ["source", "target", "count", "coop_count", "conflict_count", "coop_goldstein",
               "conflict_goldstein", "goldstein_sum", "goldstein_mean", "balance"]
    if table.empty:
        return pd.DataFrame(columns=columns)
    dyad = pd.Series([(actor_at_level(s, level), actor_at_level(t, level))
                      for s, t in zip(frame["source"], frame["target"], strict=True)], index=frame.index)
    sums = {}
    for name, quads in (("coop_goldstein", COOPERATION_QUADS), ("conflict_goldstein", CONFLICT_QUADS)):
        part = frame["goldstein"].where(frame["quad_class"].isin(quads), 0.0).fillna(0.0)
        sums[name] = part.groupby(dyad).sum()
    keys = list(zip(table["source"], table["target"], strict=True))
    for name, series in sums.items():
        table[name] = [float(series.get(key, 0.0)) for key in keys]
    table["balance"] = (table["coop_count"] - table["conflict_count"]) / table["count"]
    return table[columns]


def _correlation(a: np.ndarray, b: np.ndarray, min_periods: int) -> float:
    """Pearson correlation, NaN when undefined (too few periods or a constant series)."""
    if len(a) < min_periods or a.std() == 0 or b.std() == 0:
        return float("nan")
    return float(np.corrcoef(a, b)[0, 1])


def reciprocity(events: EventsLike, level: str = "country", freq: str = "month", min_periods: int = 3,
                **filters: Any) -> pd.DataFrame:
    """Per unordered dyad {a, b} (a < b, self-loops left out): a->b and b->a counts, their mean Goldstein,
    `reciprocated` (both directions seen), `symmetry` = min/max of the two counts, and `correlation` of the
    two per-period count series over every period from the first to the last dated event (NaN when fewer than
    `min_periods` periods or a series is constant). Undated events count in totals, not in the series."""
    frame = filter_events(events, level=level, **filters)
    columns = ["actor_a", "actor_b", "a_to_b", "b_to_a", "total", "reciprocated", "symmetry",
               "goldstein_a_to_b", "goldstein_b_to_a", "correlation", "periods"]
    table = aggregate_dyads(frame, level)
    table = table[table["source"] != table["target"]]
    if table.empty:
        return pd.DataFrame(columns=columns)
    counts = {(s, t): (c, g) for s, t, c, g in table[["source", "target", "count", "goldstein_mean"]]
              .itertuples(index=False)}
    dated = add_periods(frame, freq)
    periods = period_range(dated["date"].min(), dated["date"].max(), freq) if len(dated) else []
    series = {}
    if periods:
        by_period = aggregate_dyads(dated, level, by=["period"])
        wide = by_period.pivot_table(index=["source", "target"], columns="period", values="count",
                                     aggfunc="sum", fill_value=0).reindex(columns=periods, fill_value=0)
        series = {key: row.to_numpy(dtype=float) for key, row in wide.iterrows()}
    zeros = np.zeros(len(periods))
    rows = []
    for a, b in sorted({tuple(sorted(key)) for key in counts}):
        ab, g_ab = counts.get((a, b), (0, float("nan")))
        ba, g_ba = counts.get((b, a), (0, float("nan")))
        rows.append({
            "actor_a": a, "actor_b": b, "a_to_b": int(ab), "b_to_a": int(ba), "total": int(ab + ba),
            "reciprocated": bool(ab and ba), "symmetry": min(ab, ba) / max(ab, ba),
            "goldstein_a_to_b": float(g_ab), "goldstein_b_to_a": float(g_ba),
            "correlation": _correlation(series.get((a, b), zeros), series.get((b, a), zeros), min_periods),
            "periods": len(periods),
        })
    return pd.DataFrame(rows, columns=columns)


def graph_reciprocity(graph: nx.DiGraph, weight: str = "weight") -> dict[str, float]:
    """Graph-level reciprocity, self-loops left out: `edge_reciprocity` = share of edges whose reverse edge
    exists; `weighted_reciprocity` = sum over edges of min(w_ab, w_ba) / total weight
    (Squartini et al. 2013)."""
    edges = [(u, v, d.get(weight, 1)) for u, v, d in graph.edges(data=True) if u != v]
    total = sum(w for _, _, w in edges)
    reciprocated = [(u, v, w) for u, v, w in edges if graph.has_edge(v, u)]
    mutual = sum(min(w, graph[v][u].get(weight, 1)) for u, v, w in reciprocated)
    return {
        "edges": len(edges),
        "reciprocated_edges": len(reciprocated),
        "edge_reciprocity": len(reciprocated) / len(edges) if edges else float("nan"),
        "weighted_reciprocity": mutual / total if total else float("nan"),
    }


def _as_graph(events_or_graph: EventsLike | nx.DiGraph, level: str, actor_names: ActorNames,
              filters: dict) -> nx.DiGraph:
    if isinstance(events_or_graph, nx.Graph):
        if filters:
            raise TypeError("filters apply to events, not to a ready graph")
        return events_or_graph
    return build_graph(events_or_graph, level=level, actor_names=actor_names, **filters)


def actor_strength(events_or_graph: EventsLike | nx.DiGraph, level: str = "country",
                   actor_names: ActorNames = None, **filters: Any) -> pd.DataFrame:
    """Per actor: out/in strength (weighted degree = events sent/received), total strength, out/in degree
    (distinct partners) and sent/received Goldstein sums; sorted by strength, strongest first."""
    graph = _as_graph(events_or_graph, level, actor_names, filters)
    names = name_lookup(actor_names)
    rows = []
    for node, data in graph.nodes(data=True):
        out_edges = graph.out_edges(node, data=True)
        in_edges = graph.in_edges(node, data=True)
        rows.append({
            "actor": node, "name": data.get("name") or names(node),
            "out_strength": int(sum(d.get("weight", 1) for _, _, d in out_edges)),
            "in_strength": int(sum(d.get("weight", 1) for _, _, d in in_edges)),
            "out_degree": graph.out_degree(node), "in_degree": graph.in_degree(node),
            "goldstein_out": float(sum(d.get("goldstein_sum", 0.0) for _, _, d in out_edges)),
            "goldstein_in": float(sum(d.get("goldstein_sum", 0.0) for _, _, d in in_edges)),
        })
    columns = ["actor", "name", "out_strength", "in_strength", "strength", "out_degree", "in_degree",
               "goldstein_out", "goldstein_in"]
    table = pd.DataFrame(rows, columns=[c for c in columns if c != "strength"])
    table.insert(4, "strength", table["out_strength"] + table["in_strength"])
    return table.sort_values(["strength", "actor"], ascending=[False, True]).reset_index(drop=True)


def pagerank(graph: nx.DiGraph, alpha: float = 0.85, weight: str = "weight", tol: float = 1.0e-10,
             max_iter: int = 1000) -> dict:
    """Weighted PageRank by power iteration (networkx's version needs scipy); dangling actors spread their
    rank uniformly, as in networkx."""
    nodes = list(graph.nodes)
    n = len(nodes)
    if n == 0:
        return {}
    index = {node: i for i, node in enumerate(nodes)}
    matrix = np.zeros((n, n))
    for u, v, d in graph.edges(data=True):
        matrix[index[u], index[v]] += d.get(weight, 1)
    out = matrix.sum(axis=1)
    dangling = out == 0
    matrix[~dangling] /= out[~dangling, None]
    rank = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        previous = rank
        rank = alpha * (rank @ matrix + previous[dangling].sum() / n) + (1 - alpha) / n
        if np.abs(rank - previous).sum() < n * tol:
            break
    else:
        raise nx.PowerIterationFailedConvergence(max_iter)
    return {node: float(rank[index[node]]) for node in nodes}


def centrality(events_or_graph: EventsLike | nx.DiGraph, level: str = "country",
               actor_names: ActorNames = None, **filters: Any) -> pd.DataFrame:
    """Centrality ranking of actors (self-loops left out), sorted by PageRank, with a `rank` column:
    degree/in_degree/out_degree (networkx normalised degree centrality), betweenness (weighted: distance
    = 1/event count, so busy dyads are short), pagerank (weighted, directed) and eigenvector (weighted, on
    the undirected graph: directed eigenvector centrality is degenerate on the acyclic graphs events give)."""
    graph = _as_graph(events_or_graph, level, actor_names, filters)
    names = name_lookup(actor_names)
    simple = nx.DiGraph()
    simple.add_nodes_from(graph.nodes(data=True))
    simple.add_edges_from((u, v, {"weight": d.get("weight", 1), "distance": 1.0 / d.get("weight", 1)})
                          for u, v, d in graph.edges(data=True) if u != v)
    columns = ["rank", "actor", "name", "degree", "in_degree", "out_degree", "betweenness", "pagerank",
               "eigenvector"]
    if simple.number_of_nodes() == 0:
        return pd.DataFrame(columns=columns)
    degree = nx.degree_centrality(simple)
    in_degree = nx.in_degree_centrality(simple)
    out_degree = nx.out_degree_centrality(simple)
    betweenness = nx.betweenness_centrality(simple, weight="distance")
    ranks = pagerank(simple)
    undirected = nx.Graph()
    undirected.add_nodes_from(simple.nodes)
    for u, v, d in simple.edges(data=True):
        previous = undirected.get_edge_data(u, v, {"weight": 0})["weight"]
        undirected.add_edge(u, v, weight=previous + d["weight"])
    try:
        eigen = nx.eigenvector_centrality(undirected, weight="weight", max_iter=1000, tol=1e-9)
    except nx.PowerIterationFailedConvergence:
        eigen = {}
    if undirected.number_of_edges() == 0:
        eigen = {}
    rows = [{"actor": node, "name": simple.nodes[node].get("name") or names(node),
             "degree": degree[node], "in_degree": in_degree[node], "out_degree": out_degree[node],
             "betweenness": betweenness[node], "pagerank": ranks[node],
             "eigenvector": eigen.get(node, float("nan"))} for node in simple.nodes]
    table = pd.DataFrame(rows).sort_values(["pagerank", "actor"], ascending=[False, True])
    table.insert(0, "rank", range(1, len(table) + 1))
    return table[columns].reset_index(drop=True)
