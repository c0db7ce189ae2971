"""Figures: what is drawn (edges, colours, widths, labels, lines) and that the CLI writes an image."""

from __future__ import annotations

import json

import matplotlib
import networkx as nx
import pytest
import typer
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch
from typer.testing import CliRunner

from coder.commands.network_commands import register
from coder.panels import dyad_panel
from coder.plotting import CMAP, edge_colour_values, plot_dyad_series, plot_events, plot_network, top_dyads

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def event(doc_id, date, source, target, code, quad, goldstein):
    return {"doc_id": doc_id, "date": date, "lang": "en", "source": source, "target": target, "code": code,
            "root": code[:2], "quad_class": quad, "goldstein": goldstein}


# RUS -> MMR: 4 cooperative events (mean Goldstein +8); MMR -> RUS: 1 conflict event (-10); a self-loop.
EVENTS = [event(f"r{i}", f"2025-0{i}-10", "RUS", "MMRMIL", "072", 2, 8.0) for i in range(1, 5)] + [
    event("m1", "2025-02-01", "MMRMIL", "RUS", "190", 4, -10.0),
    event("u1", "2025-03-01", "USA", "MMR", "111", 3, -2.0),
    event("s1", "2025-03-02", "MMRMIL", "MMRREB", "190", 4, -10.0),
]


def drawn_edges(figure: Figure) -> list[FancyArrowPatch]:
    return [p for p in figure.axes[0].patches if isinstance(p, FancyArrowPatch)]


def test_network_edges_coloured_by_goldstein_and_sized_by_count():
    from coder.network import build_graph

    graph = build_graph(EVENTS)
    figure = plot_network(graph)
    edges = drawn_edges(figure)
    assert len(edges) == 3                                       # the MMR self-loop is not drawn
    cmap = matplotlib.colormaps[CMAP]
    by_width = sorted((round(p.get_linewidth(), 2), p.get_edgecolor()) for p in edges)
    # widths 1 + 5 * count / max count: 1 event -> 2.25, 4 events -> 6.0
    assert [w for w, _ in by_width] == [2.25, 2.25, 6.0]
    assert by_width[-1][1] == pytest.approx(cmap((8.0 + 10) / 20))       # busiest dyad: cooperation, green
    colours = {tuple(round(c, 4) for c in colour) for _, colour in by_width[:2]}
    assert tuple(round(c, 4) for c in cmap(0.0)) in colours              # MMR -> RUS: -10, deepest red
    assert tuple(round(c, 4) for c in cmap((-2.0 + 10) / 20)) in colours
    labels = sorted(t.get_text() for t in figure.axes[0].texts)
    assert labels == ["MMR", "RUS", "USA"]


def test_network_quad_share_top_and_names():
    from coder.network import build_graph

    graph = build_graph(EVENTS, actor_names={"RUS": "Russia", "MMR": "Myanmar"})
    assert sorted(edge_colour_values(graph, "quad")) == [0.0, 0.0, 0.0, 1.0]   # incl. the self-loop edge
    figure = plot_network(graph, top=2, labels="name", colour_by="quad")
    assert sorted(t.get_text() for t in figure.axes[0].texts) == ["Myanmar", "Russia"]
    assert "top 2 of 3 actors" in figure.axes[0].get_title()
    assert len(drawn_edges(figure)) == 2
    assert to_rgba(drawn_edges(figure)[0].get_edgecolor()) in {
        matplotlib.colormaps[CMAP](0.0), matplotlib.colormaps[CMAP](1.0)}
    with pytest.raises(ValueError, match="colour_by"):
        plot_network(graph, colour_by="mood")
    empty = plot_network(nx.DiGraph())
    assert [t.get_text() for t in empty.axes[0].texts] == ["no events"]


def test_dyad_series_draws_top_dyads():
    panel = dyad_panel(EVENTS, freq="month", balanced=True)
    assert top_dyads(panel, 2) == [("RUS", "MMR"), ("MMR", "MMR")]      # 4 events, then ties by code
    figure = plot_dyad_series(panel, top=2)
    ax = figure.axes[0]
    assert [line.get_label() for line in ax.get_lines()] == ["RUS \u2192 MMR", "MMR \u2192 MMR"]
    assert list(ax.get_lines()[0].get_ydata()) == [1, 1, 1, 1]            # one event each month Jan..Apr
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2025-01", "2025-02", "2025-03", "2025-04"]


def test_plot_events_two_panels_png(tmp_path):
    figure = plot_events(EVENTS, freq="month")
    titles = [ax.get_title() for ax in figure.axes]
    assert titles[0] == "Dyadic event network" and titles[1] == "Top 4 dyads over time"
    path = tmp_path / "events.png"
    figure.savefig(path)
    assert path.read_bytes()[:8] == PNG_MAGIC


def test_cli_plot_writes_png(tmp_path):
    app = typer.Typer()
    register(app)
    events = tmp_path / "events.jsonl"
    events.write_text("\n".join(json.dumps(e) for e in EVENTS) + "\n", encoding="utf-8")
    out = tmp_path / "figures" / "net.png"
    result = CliRunner().invoke(app, ["plot", str(events), "--out", str(out), "--colour", "quad", "--top", "5"])
    assert result.exit_code == 0, result.output
    assert out.read_bytes()[:8] == PNG_MAGIC and out.stat().st_size > 10_000
    result = CliRunner().invoke(app, ["plot", str(events), "--out", str(out), "--colour", "mood"])
    assert result.exit_code == 2
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"source": "RUS", "target": "MMR", "code": "abc"}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["plot", str(bad), "--out", str(out)])
    assert result.exit_code == 1 and "not a digit string" in result.output
