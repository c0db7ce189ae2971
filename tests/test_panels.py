"""Panels and network statistics on a hand-built event list; expected numbers are worked out by hand."""

from __future__ import annotations

import math

import networkx as nx
import pytest

from coder.network import build_graph
from coder.panels import (
    actor_strength,
    centrality,
    cooperation_conflict,
    dyad_panel,
    graph_reciprocity,
    pagerank,
    reciprocity,
)


def event(doc_id, date, source, target, code, quad, goldstein):
    return {"doc_id": doc_id, "date": date, "lang": "en", "source": source, "target": target, "code": code,
            "root": code[:2], "quad_class": quad, "goldstein": goldstein}


EVENTS = [
    event("d1", "2025-03-03", "RUSGOV", "MMRMIL", "072", 2, 8.0),
    event("d2", "2025-03-03", "RUSGOV", "MMRMIL", "072", 2, 8.0),
    event("d2", "2025-03-03", "RUSGOV", "MMRMIL", "072", 2, 8.0),
    event("d3", "2025-03-20", "RUS", "MMR", "190", 4, -10.0),
    event("d4", "2025-04-02", "MMRMIL", "RUSGOV", "036", 1, 4.0),
    event("d5", "2025-05-15", "MMR", "RUS", "043", 1, 2.8),
    event("d6", None, "USA", "MMRMIL", "163", 4, -8.0),
    event("d7", "2025-05-16", "---MIL", "MMR", "190", 4, -10.0),
    event("d8", "2025-06-01", "IDNGOVMIL", "MMR", "043", 1, 2.0),
    event("d9", "2025-06-02", "MMRMIL", "MMRCVL", "180", 4, -9.0),
]


def rows(table, *keys):
    return {tuple(row[k] for k in keys): row for row in table.to_dict("records")}


def test_dyad_panel_by_month():
    panel = dyad_panel(EVENTS, freq="month")
    assert list(panel.columns) == ["period", "source", "target", "count", "goldstein_sum", "goldstein_mean",
                                   "quad_1", "quad_2", "quad_3", "quad_4"]
    by_key = rows(panel, "period", "source", "target")
    assert sorted(by_key) == [("2025-03", "RUS", "MMR"), ("2025-04", "MMR", "RUS"), ("2025-05", "MMR", "RUS"),
                              ("2025-06", "IDN", "MMR"), ("2025-06", "MMR", "MMR")]
    march = by_key[("2025-03", "RUS", "MMR")]
    assert march["count"] == 4 and march["goldstein_sum"] == pytest.approx(14.0)
    assert march["goldstein_mean"] == pytest.approx(3.5)
    assert (march["quad_2"], march["quad_4"]) == (3, 1)
    assert panel["count"].sum() == 8        # undated and unknown-actor events are not in the panel


def test_balanced_panel_fills_every_dyad_period():
    panel = dyad_panel(EVENTS, freq="month", balanced=True)
    assert len(panel) == 4 * 4              # 4 dyads x 4 months
    april_rus = rows(panel, "period", "source", "target")[("2025-04", "RUS", "MMR")]
    assert april_rus["count"] == 0 and april_rus["goldstein_sum"] == 0 and math.isnan(april_rus["goldstein_mean"])
    assert panel["count"].sum() == 8
    weekly = dyad_panel(EVENTS, freq="week", balanced=True, actors="RUS")
    assert weekly["period"].nunique() == 11   # ISO weeks 10 to 20 of 2025, empty ones included
    assert weekly["count"].sum() == 6


def test_cooperation_conflict_balance():
    table = rows(cooperation_conflict(EVENTS), "source", "target")
    rus = table[("RUS", "MMR")]
    assert (rus["count"], rus["coop_count"], rus["conflict_count"]) == (4, 3, 1)
    assert rus["coop_goldstein"] == pytest.approx(24.0) and rus["conflict_goldstein"] == pytest.approx(-10.0)
    assert rus["balance"] == pytest.approx(0.5)
    usa = table[("USA", "MMR")]
    assert usa["balance"] == -1 and usa["conflict_goldstein"] == pytest.approx(-8.0)
    assert table[("MMR", "RUS")]["balance"] == 1


def test_reciprocity_per_dyad():
    table = rows(reciprocity(EVENTS, freq="month"), "actor_a", "actor_b")
    assert sorted(table) == [("IDN", "MMR"), ("MMR", "RUS"), ("MMR", "USA")]   # self-loop MMR-MMR left out
    pair = table[("MMR", "RUS")]
    assert (pair["a_to_b"], pair["b_to_a"], pair["total"]) == (2, 4, 6)
    assert pair["reciprocated"] and pair["symmetry"] == pytest.approx(0.5)
    assert pair["goldstein_a_to_b"] == pytest.approx(3.4) and pair["goldstein_b_to_a"] == pytest.approx(3.5)
    # Monthly series Mar..Jun: MMR->RUS [0, 1, 1, 0], RUS->MMR [4, 0, 0, 0]: r = -2 / sqrt(1 * 12)
    assert pair["periods"] == 4
    assert pair["correlation"] == pytest.approx(-1 / math.sqrt(3))
    one_way = table[("IDN", "MMR")]
    assert (one_way["a_to_b"], one_way["b_to_a"], one_way["reciprocated"]) == (1, 0, False)
    assert math.isnan(one_way["correlation"])                   # the reverse series is constant
    assert table[("MMR", "USA")]["b_to_a"] == 1                 # undated event counts in totals
    yearly = reciprocity(EVENTS, freq="year")
    assert yearly["correlation"].isna().all()                   # one period: correlation undefined


def test_graph_reciprocity():
    graph = nx.DiGraph()
    graph.add_edge("A", "B", weight=3)
    graph.add_edge("B", "A", weight=1)
    graph.add_edge("A", "C", weight=4)
    graph.add_edge("A", "A", weight=5)                          # self-loop: ignored
    result = graph_reciprocity(graph)
    assert (result["edges"], result["reciprocated_edges"]) == (3, 2)
    assert result["edge_reciprocity"] == pytest.approx(2 / 3)
    assert result["weighted_reciprocity"] == pytest.approx((1 + 1) / 8)
    events = graph_reciprocity(build_graph(EVENTS))
    assert (events["edges"], events["reciprocated_edges"]) == (4, 2)
    assert math.isnan(graph_reciprocity(nx.DiGraph())["edge_reciprocity"])


def test_actor_strength():
    table = actor_strength(EVENTS, actor_names={"MMR": "Myanmar"})
    assert list(table["actor"]) == ["MMR", "RUS", "IDN", "USA"]
    mmr = table.iloc[0]
    assert mmr["name"] == "Myanmar"
    assert (mmr["out_strength"], mmr["in_strength"], mmr["strength"]) == (3, 7, 10)
    assert (mmr["out_degree"], mmr["in_degree"]) == (2, 4)
    assert mmr["goldstein_out"] == pytest.approx(-9.0 + 6.8)
    assert mmr["goldstein_in"] == pytest.approx(2.0 - 9.0 + 14.0 - 8.0)
    rus = table.iloc[1]
    assert (rus["out_strength"], rus["in_strength"]) == (4, 2)
    conflict_only = actor_strength(EVENTS, quad_classes=[4])
    assert dict(zip(conflict_only["actor"], conflict_only["strength"], strict=True)) == {
        "MMR": 4, "RUS": 1, "USA": 1}


def test_centrality_ranking():
    table = centrality(build_graph(EVENTS))
    assert list(table["actor"]) == ["MMR", "RUS", "IDN", "USA"]
    assert list(table["rank"]) == [1, 2, 3, 4]
    by_actor = table.set_index("actor")
    # Without the MMR self-loop: IDN->MMR, USA->MMR, MMR->RUS, RUS->MMR; every actor has an out-edge.
    # p_IDN = p_USA = 0.15/4; p_MMR = 0.0375 + 0.85 (0.075 + p_RUS); p_RUS = 0.0375 + 0.85 p_MMR
    p_mmr = (0.0375 + 0.85 * (0.075 + 0.0375)) / (1 - 0.85 ** 2)
    assert by_actor.loc["MMR", "pagerank"] == pytest.approx(p_mmr, abs=1e-8)
    assert by_actor.loc["RUS", "pagerank"] == pytest.approx(0.0375 + 0.85 * p_mmr, abs=1e-8)
    assert by_actor.loc["IDN", "pagerank"] == pytest.approx(0.0375, abs=1e-8)
    assert by_actor.loc["MMR", "degree"] == pytest.approx(4 / 3)
    assert by_actor.loc["MMR", "betweenness"] == pytest.approx(2 / 6)   # IDN->RUS and USA->RUS pass MMR
    assert by_actor.loc["RUS", "betweenness"] == 0
    eigen = by_actor["eigenvector"]
    assert eigen["MMR"] > eigen["RUS"] > eigen["IDN"] == pytest.approx(eigen["USA"])
    with pytest.raises(TypeError):
        centrality(build_graph(EVENTS), quad_classes=[1])


def test_pagerank_matches_networkx_reference_with_dangling_nodes():
    reference = pytest.importorskip("networkx.algorithms.link_analysis.pagerank_alg")._pagerank_python
    graph = nx.DiGraph()
    graph.add_weighted_edges_from([("A", "B", 3), ("B", "C", 1), ("C", "A", 2), ("A", "C", 1), ("C", "D", 5),
                                   ("E", "A", 1)])                 # D is dangling
    ours = pagerank(graph)
    theirs = reference(graph, weight="weight", tol=1e-12, max_iter=1000)
    assert sum(ours.values()) == pytest.approx(1.0)
    for node in graph:
        assert ours[node] == pytest.approx(theirs[node], abs=1e-8)
    assert pagerank(nx.DiGraph()) == {}


def test_empty_inputs_give_empty_tables():
    assert dyad_panel(EVENTS, langs="fr").empty
    assert cooperation_conflict(EVENTS, langs="fr").empty
    assert reciprocity(EVENTS, langs="fr").empty
    assert centrality(EVENTS, langs="fr").empty
