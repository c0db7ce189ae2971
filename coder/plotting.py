"""Figures of dyadic event networks: who acts on whom (cooperation green, conflict red) and the busiest dyads
over time. Functions build `matplotlib.figure.Figure` objects directly, so nothing needs a display or touches
pyplot's global state; save with `fig.savefig("out.png")` (Agg renderer) or show them in a notebook.
"""

from __future__ import annotations

from typing import Any

import networkx as nx
import pandas as pd
from matplotlib import colormaps
from matplotlib.axes import Axes
from matplotlib.cm import ScalarMappable
from matplotlib.colors import Normalize
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from coder.network import ActorNames, EventsLike, build_graph
from coder.panels import dyad_panel

COLOUR_BY = ("goldstein", "quad")
CMAP = "RdYlGn"   # red = conflict, green = cooperation
ARROW = "\u2192"


def _top_subgraph(graph: nx.DiGraph, top: int | None) -> nx.DiGraph:
    """The `top` actors by weighted degree (ties by code), self-loops left out: a readable drawing."""
    nodes = sorted(graph.nodes, key=lambda n: (-graph.degree(n, weight="weight"), str(n)))
    keep = nodes if top is None else nodes[:top]
    sub = nx.DiGraph()
    sub.add_nodes_from((n, graph.nodes[n]) for n in sorted(keep, key=str))
    sub.add_edges_from((u, v, d) for u, v, d in graph.edges(data=True) if u in sub and v in sub and u != v)
    return sub


def edge_colour_values(graph: nx.DiGraph, colour_by: str = "goldstein") -> list[float]:
    """Per edge: mean Goldstein (-10..10) or the cooperation share of its events (quad 1+2, 0..1)."""
    if colour_by == "goldstein":
        return [float(d.get("goldstein_mean", 0.0)) if pd.notna(d.get("goldstein_mean")) else 0.0
                for _, _, d in graph.edges(data=True)]
    if colour_by == "quad":
        return [d.get("coop_count", 0) / d["count"] if d.get("count") else 0.5
                for _, _, d in graph.edges(data=True)]
    raise ValueError(f"unknown colour_by {colour_by!r}; use one of {', '.join(COLOUR_BY)}")


def plot_network(graph: nx.DiGraph, ax: Axes | None = None, top: int | None = 30,
                 colour_by: str = "goldstein", labels: str = "code", seed: int = 7) -> Figure:
    """Draw the dyadic network: edge colour = cooperation/conflict (`colour_by` goldstein or quad share),
    edge width = event count, node size = weighted degree, labels = codes or names (`labels="name"`)."""
    if labels not in ("code", "name"):
        raise ValueError("labels must be 'code' or 'name'")
    colours = edge_colour_values(graph, colour_by)   # validates colour_by even on an empty graph
    if ax is None:
        figure = Figure(figsize=(8, 7))
        ax = figure.add_subplot()
    else:
        figure = ax.figure
    sub = _top_subgraph(graph, top)
    ax.set_axis_off()
    title = "Dyadic event network"
    if top is not None and graph.number_of_nodes() > top:
        title += f" (top {top} of {graph.number_of_nodes()} actors)"
    ax.set_title(title)
    if sub.number_of_nodes() == 0:
        ax.text(0.5, 0.5, "no events", ha="center", va="center", transform=ax.transAxes)
        return figure
    colours = edge_colour_values(sub, colour_by)
    norm = Normalize(-10, 10) if colour_by == "goldstein" else Normalize(0, 1)
    cmap = colormaps[CMAP]
    # Springs on the undirected, unweighted graph: on a DiGraph the forces are one-sided, and weights pull
    # busy dyads into a knot; both gave unreadable drawings.
    position = nx.spring_layout(sub.to_undirected(), seed=seed, weight=None, iterations=200)
    counts = [d["weight"] for _, _, d in sub.edges(data=True)]
    widest = max(counts, default=1)
    strength = dict(graph.degree(weight="weight"))
    biggest = max(strength.values(), default=1) or 1
    sizes = [300 + 1500 * strength[n] / biggest for n in sub.nodes]
    nx.draw_networkx_nodes(sub, position, ax=ax, node_color="#dbe4f0", edgecolors="#4a5a70", node_size=sizes)
    if sub.number_of_edges():
        nx.draw_networkx_edges(sub, position, ax=ax, width=[1 + 5 * c / widest for c in counts],
                               edge_color=[cmap(norm(v)) for v in colours], arrows=True, arrowsize=14,
                               connectionstyle="arc3,rad=0.12", node_size=sizes)
    text = {n: (sub.nodes[n].get("name") or n) if labels == "name" else n for n in sub.nodes}
    nx.draw_networkx_labels(sub, position, labels=text, ax=ax, font_size=9)
    ax.margins(0.15)
    label = "mean Goldstein score" if colour_by == "goldstein" else "cooperation share (quad 1+2)"
    figure.colorbar(ScalarMappable(norm=norm, cmap=cmap), ax=ax, shrink=0.6, label=label)
    return figure


def top_dyads(panel: pd.DataFrame, top: int = 5) -> list[tuple[str, str]]:
    """The `top` dyads by total event count in a panel (ties by codes)."""
    if panel.empty:
        return []
    totals = panel.groupby(["source", "target"])["count"].sum().reset_index()
    totals = totals.sort_values(["count", "source", "target"], ascending=[False, True, True])
    return list(zip(totals["source"][:top], totals["target"][:top], strict=True))


def plot_dyad_series(panel: pd.DataFrame, ax: Axes | None = None, top: int = 5,
                     value: str = "count") -> Figure:
    """Lines of `value` per period for the `top` dyads of a `dyad_panel` (periods with no events count 0)."""
    if ax is None:
        figure = Figure(figsize=(8, 5))
        ax = figure.add_subplot()
    else:
        figure = ax.figure
    dyads = top_dyads(panel, top)
    ax.set_title(f"Top {len(dyads)} dyads over time" if dyads else "Dyads over time")
    if not dyads:
        ax.text(0.5, 0.5, "no dated events", ha="center", va="center", transform=ax.transAxes)
        return figure
    periods = sorted(panel["period"].unique())
    for source, target in dyads:
        rows = panel[(panel["source"] == source) & (panel["target"] == target)]
        series = rows.groupby("period")[value].sum().reindex(periods, fill_value=0)
        ax.plot(range(len(periods)), series.to_numpy(), marker="o", label=f"{source} {ARROW} {target}")
    step = max(1, len(periods) // 12)
    ax.set_xticks(range(0, len(periods), step))
    ax.set_xticklabels(periods[::step], rotation=45, ha="right")
    ax.set_xlabel("period")
    ax.set_ylabel("events" if value == "count" else value)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(fontsize=8)
    return figure


def plot_events(events: EventsLike, level: str = "country", freq: str = "month", top_actors: int | None = 30,
                top_dyads_shown: int = 5, colour_by: str = "goldstein", labels: str = "code",
                actor_names: ActorNames = None, **filters: Any) -> Figure:
    """Two-panel figure from events: the dyadic network (left) and the top dyads over time (right)."""
    graph = build_graph(events, level=level, actor_names=actor_names, **filters)
    panel = dyad_panel(events, freq=freq, level=level, balanced=True, **filters)
    figure = Figure(figsize=(16, 7), layout="constrained")
    left, right = figure.subplots(1, 2, width_ratios=[1.2, 1])
    plot_network(graph, ax=left, top=top_actors, colour_by=colour_by, labels=labels)
    plot_dyad_series(panel, ax=right, top=top_dyads_shown)
    return figure
