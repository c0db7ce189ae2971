"""Dyadic graphs from a hand-built event list: every expected number below is worked out by hand."""

from __future__ import annotations

import gzip
import json
import math
import shutil

import networkx as nx
import pandas as pd
import pytest
import typer
from typer.testing import CliRunner

from coder.commands.network_commands import register
from coder.dedup import one_a_day
from coder.events import Event
from coder.network import (
    actor_at_level,
    aggregate_dyads,
    build_graph,
    build_multigraph,
    filter_events,
    load_events,
    period_label,
    period_range,
    read_events,
    time_sliced_graphs,
    write_graph,
)


def event(doc_id, date, lang, source, target, code, quad, goldstein):
    return {"doc_id": doc_id, "date": date, "lang": lang, "source": source, "target": target, "code": code,
            "root": code[:2], "quad_class": quad, "goldstein": goldstein}


EVENTS = [
    event("d1", "2025-03-03", "en", "RUSGOV", "MMRMIL", "072", 2, 8.0),
    event("d2", "2025-03-03", "en", "RUSGOV", "MMRMIL", "072", 2, 8.0),   # same event, second story
    event("d2", "2025-03-03", "en", "RUSGOV", "MMRMIL", "072", 2, 8.0),   # repeated within that story
    event("d3", "2025-03-20", "id", "RUS", "MMR", "190", 4, -10.0),
    event("d4", "2025-04-02", "id", "MMRMIL", "RUSGOV", "036", 1, 4.0),
    event("d5", "2025-05-15", "en", "MMR", "RUS", "043", 1, 2.8),
    event("d6", None, "en", "USA", "MMRMIL", "163", 4, -8.0),             # undated
    event("d7", "2025-05-16", "en", "---MIL", "MMR", "190", 4, -10.0),    # unknown source country
    event("d8", "2025-06-01", "id", "IDNGOVMIL", "MMR", "043", 1, 2.0),
    event("d9", "2025-06-02", "en", "MMRMIL", "MMRCVL", "180", 4, -9.0),  # domestic: MMR -> MMR
]
NAMES = {"RUS": "Russia", "MMR": "Myanmar", "MMRMIL": "Myanmar military"}


def edge(graph, source, target):
    return graph.edges[source, target]


# ---------------------------------------------------------------------------------------------- levels
def test_actor_levels():
    assert actor_at_level("IDNGOVMIL", "country") == "IDN"
    assert actor_at_level("IDNGOVMIL", "sector") == "IDNGOV"
    assert actor_at_level("IDNGOVMIL", "full") == "IDNGOVMIL"
    assert actor_at_level("---MIL", "country") == "---"
    with pytest.raises(ValueError, match="unknown level"):
        actor_at_level("USA", "region")


def test_country_graph_counts_goldstein_and_dates():
    graph = build_graph(EVENTS)
    assert isinstance(graph, nx.DiGraph) and not graph.is_multigraph()
    assert sorted(graph.nodes) == ["IDN", "MMR", "RUS", "USA"]  # "---" dropped by default
    assert sorted(graph.edges) == [("IDN", "MMR"), ("MMR", "MMR"), ("MMR", "RUS"), ("RUS", "MMR"),
                                   ("USA", "MMR")]
    rus_mmr = edge(graph, "RUS", "MMR")
    assert rus_mmr["count"] == rus_mmr["weight"] == 4
    assert rus_mmr["stories"] == 3            # d1, d2, d3
    assert rus_mmr["goldstein_sum"] == pytest.approx(8.0 * 3 - 10.0)
    assert rus_mmr["goldstein_mean"] == pytest.approx(14.0 / 4)
    assert (rus_mmr["quad_1"], rus_mmr["quad_2"], rus_mmr["quad_3"], rus_mmr["quad_4"]) == (0, 3, 0, 1)
    assert (rus_mmr["coop_count"], rus_mmr["conflict_count"]) == (3, 1)
    assert rus_mmr["root_07"] == 3 and rus_mmr["root_19"] == 1 and rus_mmr["root_03"] == 0
    assert (rus_mmr["first_date"], rus_mmr["last_date"]) == ("2025-03-03", "2025-03-20")
    mmr_rus = edge(graph, "MMR", "RUS")
    assert mmr_rus["count"] == 2
    assert mmr_rus["goldstein_sum"] == pytest.approx(6.8)
    assert mmr_rus["goldstein_mean"] == pytest.approx(3.4)
    assert (mmr_rus["first_date"], mmr_rus["last_date"]) == ("2025-04-02", "2025-05-15")
    undated = edge(graph, "USA", "MMR")
    assert undated["count"] == 1 and undated["first_date"] is None and undated["last_date"] is None


def test_unknown_actors_kept_on_request():
    graph = build_graph(EVENTS, drop_unknown=False)
    assert "---" in graph
    assert edge(graph, "---", "MMR")["count"] == 1
    sector = build_graph(EVENTS, level="sector", drop_unknown=False)
    assert "---MIL" in sector and sector.nodes["---MIL"]["country"] == "---"


def test_sector_and_full_levels():
    sector = build_graph(EVENTS, level="sector")
    assert edge(sector, "RUSGOV", "MMRMIL")["count"] == 3
    assert edge(sector, "RUS", "MMR")["count"] == 1
    assert edge(sector, "MMRMIL", "MMRCVL")["count"] == 1       # not a self-loop below country level
    assert "IDNGOV" in sector and "IDNGOVMIL" not in sector
    assert sector.nodes["MMRMIL"] == {"country": "MMR", "sector": "MIL"}
    assert sector.graph["level"] == "sector"
    full = build_graph(EVENTS, level="full")
    assert "IDNGOVMIL" in full and edge(full, "IDNGOVMIL", "MMR")["count"] == 1


def test_actor_names_from_mapping_or_callable():
    by_mapping = build_graph(EVENTS, level="sector", actor_names=NAMES)
    assert by_mapping.nodes["MMRMIL"]["name"] == "Myanmar military"
    assert by_mapping.nodes["RUS"]["name"] == "Russia"
    assert "name" not in by_mapping.nodes["RUSGOV"]            # unknown to the names: no attribute
    by_callable = build_graph(EVENTS, actor_names=lambda code: {"USA": "United States"}.get(code))
    assert by_callable.nodes["USA"]["name"] == "United States"
    assert "name" not in by_callable.nodes["RUS"]
    with pytest.raises(TypeError):
        build_graph(EVENTS, actor_names=42)


def test_multigraph_one_edge_per_event():
    graph = build_multigraph(EVENTS)
    assert isinstance(graph, nx.MultiDiGraph)
    assert graph.number_of_edges() == len(EVENTS) - 1           # the unknown-actor event is dropped
    assert graph.number_of_edges("RUS", "MMR") == 4
    codes = sorted(d["code"] for _, _, d in graph.edges(("RUS",), data=True))
    assert codes == ["072", "072", "072", "190"]
    first = graph.edges["RUS", "MMR", 0]
    assert (first["doc_id"], first["source_code"], first["target_code"]) == ("d1", "RUSGOV", "MMRMIL")
    assert first["quad_class"] == 2 and first["goldstein"] == 8.0 and first["date"] == "2025-03-03"


def test_events_as_event_objects():
    records = [Event(doc_id="x", sentence_index=0, event_index=0, date="2025-03-03", lang="en",
                     source="RUS", source_text="Russia", target="MMRMIL", target_text="junta", code="072",
                     root="07", quad_class=2, goldstein=8.3, event_text="supplied", pattern="p",
                     sentence="Russia supplied the junta with arms.")]
    graph = build_graph(records)
    assert edge(graph, "RUS", "MMR")["goldstein_sum"] == pytest.approx(8.3)


# ---------------------------------------------------------------------------------------------- filters
def count_of(frame):
    return sorted(frame["doc_id"])


def test_filter_by_dates_is_inclusive_and_drops_undated():
    kept = filter_events(EVENTS, start="2025-03-20", end="2025-05-15")
    assert count_of(kept) == ["d3", "d4", "d5"]
    assert count_of(filter_events(EVENTS, start="2025-06-01")) == ["d8", "d9"]


def test_filter_by_quad_root_actor_language():
    assert count_of(filter_events(EVENTS, quad_classes=[4])) == ["d3", "d6", "d9"]
    assert count_of(filter_events(EVENTS, roots=19)) == ["d3"]
    assert count_of(filter_events(EVENTS, roots=["19"], drop_unknown=False)) == ["d3", "d7"]
    assert count_of(filter_events(EVENTS, actors="IDN")) == ["d8"]
    assert count_of(filter_events(EVENTS, actors=["USA", "IDNGOV"])) == ["d6", "d8"]
    assert count_of(filter_events(EVENTS, langs="id")) == ["d3", "d4", "d8"]
    assert count_of(filter_events(EVENTS, drop_self_loops=True, quad_classes=4)) == ["d3", "d6"]
    assert count_of(filter_events(EVENTS, drop_self_loops=True, quad_classes=4, level="sector")) == [
        "d3", "d6", "d9"]


def test_graph_filters_pass_through():
    graph = build_graph(EVENTS, quad_classes=[1, 2])
    assert sorted(graph.edges) == [("IDN", "MMR"), ("MMR", "RUS"), ("RUS", "MMR")]
    assert edge(graph, "RUS", "MMR")["count"] == 3


# ---------------------------------------------------------------------------------------------- time
def test_period_labels_and_ranges():
    assert period_label("2025-03-03", "day") == "2025-03-03"
    assert period_label("2025-03-03", "week") == "2025-W10"
    assert period_label("2024-12-30", "week") == "2025-W01"     # ISO week-year
    assert period_label("2025-03-03", "month") == "2025-03"
    assert period_label("2025-03-03", "year") == "2025"
    assert period_range("2025-01-31", "2025-04-01", "month") == ["2025-01", "2025-02", "2025-03", "2025-04"]
    assert period_range("2025-03-01", "2025-03-12", "week") == ["2025-W09", "2025-W10", "2025-W11"]
    with pytest.raises(ValueError, match="frequency"):
        period_label("2025-03-03", "decade")


def test_time_sliced_graphs_by_month_and_week():
    months = time_sliced_graphs(EVENTS, freq="month")
    assert list(months) == ["2025-03", "2025-04", "2025-05", "2025-06"]
    march = months["2025-03"]
    assert sorted(march.edges) == [("RUS", "MMR")]
    assert edge(march, "RUS", "MMR")["count"] == 4
    assert edge(months["2025-05"], "MMR", "RUS")["count"] == 1
    assert "USA" not in set().union(*(g.nodes for g in months.values()))   # undated event in no slice
    weeks = time_sliced_graphs(EVENTS, freq="week", quad_classes=[2])
    assert list(weeks) == ["2025-W10"] and weeks["2025-W10"].graph["period"] == "2025-W10"
    assert list(time_sliced_graphs(EVENTS, freq="year")) == ["2025"]


# ---------------------------------------------------------------------------------------------- input
def test_load_events_fills_and_checks():
    frame = load_events([{"source": "RUS", "target": "MMR", "code": 72},
                         {"source": None, "target": "MMR", "code": "1823", "quad_class": None},
                         {"source": "USA", "target": "IRN", "code": 872}])
    assert list(frame["code"]) == ["072", "1823", "0872"]       # numbers that lost their leading zero
    assert list(frame["root"]) == ["07", "18", "08"]
    assert list(frame["quad_class"]) == [2, 4, 2]               # from CAMEO's root ranges
    assert list(frame["source"]) == ["RUS", "---", "USA"]
    assert math.isnan(frame["goldstein"][0]) and frame["date"][0] is None
    with pytest.raises(ValueError, match="row 0: date"):
        load_events([event("x", "2025-02-30", "en", "RUS", "MMR", "072", 2, 8.0)])
    with pytest.raises(ValueError, match="required column"):
        load_events([{"source": "RUS", "code": "072"}])
    with pytest.raises(ValueError, match="quad_class"):
        load_events([event("x", None, "en", "RUS", "MMR", "072", 7, 8.0)])


def test_read_jsonl_and_csv_keep_leading_zeros(tmp_path):
    jsonl = tmp_path / "events.jsonl"
    jsonl.write_text("\n".join(json.dumps(e) for e in EVENTS) + "\n", encoding="utf-8")
    csv = tmp_path / "events.csv"
    pd.DataFrame(EVENTS).to_csv(csv, index=False)
    zipped = tmp_path / "events.jsonl.gz"
    zipped.write_bytes(gzip.compress(jsonl.read_bytes()))
    zipped_csv = tmp_path / "events.csv.gz"
    zipped_csv.write_bytes(gzip.compress(csv.read_bytes()))
    for path in (jsonl, csv, zipped, zipped_csv):
        frame = read_events(path)
        assert frame["code"][0] == "072"
        graph = build_graph(path)
        assert edge(graph, "RUS", "MMR")["goldstein_sum"] == pytest.approx(14.0)
        assert edge(graph, "USA", "MMR")["first_date"] is None
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"source": "RUS"}\nnot json\n', encoding="utf-8")
    with pytest.raises(ValueError, match="bad.jsonl:2"):
        read_events(bad)
    text = tmp_path / "events.txt"
    text.write_text("RUS MMR 072\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown event file type"):
        read_events(text)
    with pytest.raises(FileNotFoundError):
        read_events(tmp_path / "missing.jsonl")


# ---------------------------------------------------------------------------------------------- dedup
def test_one_a_day_collapses_with_mentions_and_stories():
    deduped = one_a_day(EVENTS)
    assert len(deduped) == len(EVENTS) - 2                      # three RUSGOV->MMRMIL 072 on 03-03 become one
    row = deduped[(deduped["source"] == "RUSGOV") & (deduped["code"] == "072")].iloc[0]
    assert (row["mentions"], row["stories"], row["doc_ids"], row["doc_id"]) == (3, 2, "d1;d2", "d1")
    others = deduped[deduped["source"] != "RUSGOV"]
    assert set(others["mentions"]) == {1} and set(others["stories"]) == {1}
    graph = build_graph(deduped)
    rus_mmr = edge(graph, "RUS", "MMR")
    assert (rus_mmr["count"], rus_mmr["mentions"], rus_mmr["stories"]) == (2, 4, 3)
    assert rus_mmr["goldstein_sum"] == pytest.approx(-2.0)


def test_one_a_day_other_day_or_code_is_another_event_and_undated_stays_per_story():
    events = [event("a", "2025-03-03", "en", "USA", "CHN", "112", 3, -2.0),
              event("b", "2025-03-04", "en", "USA", "CHN", "112", 3, -2.0),
              event("c", "2025-03-04", "en", "USA", "CHN", "111", 3, -2.0),
              event("u1", None, "en", "USA", "CHN", "112", 3, -2.0),
              event("u1", None, "en", "USA", "CHN", "112", 3, -2.0),
              event("u2", None, "en", "USA", "CHN", "112", 3, -2.0)]
    deduped = one_a_day(events)
    assert list(deduped["doc_id"]) == ["a", "b", "c", "u1", "u2"]
    assert list(deduped["mentions"]) == [1, 1, 1, 2, 1]
    again = one_a_day(pd.concat([deduped, deduped]))            # mentions add up on a second pass
    assert list(again["mentions"]) == [2, 2, 2, 4, 2]
    assert list(again["stories"]) == [1, 1, 1, 1, 1]


# ---------------------------------------------------------------------------------------------- export
def test_graphml_and_gexf_round_trip(tmp_path):
    graph = build_graph(EVENTS, actor_names=NAMES)
    for fmt in ("graphml", "gexf"):
        path = write_graph(graph, tmp_path / f"net.{fmt}")
        back = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
        assert sorted(back.edges) == sorted(graph.edges)
        rus_mmr = back.edges["RUS", "MMR"]
        assert int(rus_mmr["count"]) == 4 and int(rus_mmr["quad_2"]) == 3 and int(rus_mmr["root_19"]) == 1
        assert float(rus_mmr["goldstein_mean"]) == pytest.approx(3.5)
        assert rus_mmr["first_date"] == "2025-03-03"
        assert "first_date" not in back.edges["USA", "MMR"]     # None is left out, not written as "None"
        assert back.nodes["RUS"]["name"] == "Russia" and back.nodes["USA"]["country"] == "USA"


def test_csv_edge_list(tmp_path):
    path = write_graph(build_graph(EVENTS, actor_names=NAMES), tmp_path / "net.csv")
    table = pd.read_csv(path, dtype={"first_date": str}).set_index(["source", "target"])
    assert table.loc[("RUS", "MMR"), "count"] == 4
    assert table.loc[("MMR", "RUS"), "goldstein_sum"] == pytest.approx(6.8)
    assert table.loc[("RUS", "MMR"), "source_name"] == "Russia"
    with pytest.raises(ValueError, match="unknown graph format"):
        write_graph(nx.DiGraph(), tmp_path / "net.json")


def test_aggregate_dyads_empty_has_columns():
    table = aggregate_dyads(filter_events(EVENTS, langs="fr"))
    assert table.empty and {"count", "quad_4", "root_20", "first_date"} <= set(table.columns)


# ---------------------------------------------------------------------------------------------- CLI
@pytest.fixture
def cli(tmp_path):
    app = typer.Typer()
    register(app)
    path = tmp_path / "events.jsonl"
    path.write_text("\n".join(json.dumps(e) for e in EVENTS) + "\n", encoding="utf-8")
    return app, path


def test_cli_network_graphml_with_dedup(cli, tmp_path):
    app, events = cli
    out = tmp_path / "out" / "net.graphml"
    result = CliRunner().invoke(app, ["network", str(events), "--out", str(out), "--no-names"])
    assert result.exit_code == 0, result.output
    back = nx.read_graphml(out)
    assert back.edges["RUS", "MMR"]["count"] == 2 and back.edges["RUS", "MMR"]["mentions"] == 4
    assert "4 actors, 5 dyads" in result.output
    raw = tmp_path / "raw.gexf"
    result = CliRunner().invoke(app, ["network", str(events), "--out", str(raw), "--no-dedup", "--no-names",
                                      "--level", "sector", "--keep-unknown"])
    assert result.exit_code == 0, result.output
    back = nx.read_gexf(raw)
    assert int(back.edges["RUSGOV", "MMRMIL"]["count"]) == 3 and "---MIL" in back


def test_cli_network_per_period_files_and_csv_panel(cli, tmp_path):
    app, events = cli
    out = tmp_path / "net.graphml"
    result = CliRunner().invoke(app, ["network", str(events), "--out", str(out), "--freq", "month",
                                      "--no-dedup", "--no-names"])
    assert result.exit_code == 0, result.output
    written = sorted(p.name for p in tmp_path.glob("net.*.graphml"))
    assert written == ["net.2025-03.graphml", "net.2025-04.graphml", "net.2025-05.graphml",
                       "net.2025-06.graphml"]
    assert nx.read_graphml(tmp_path / "net.2025-03.graphml").edges["RUS", "MMR"]["count"] == 4
    table_path = tmp_path / "panel.csv"
    result = CliRunner().invoke(app, ["network", str(events), "--out", str(table_path), "--freq", "month",
                                      "--no-dedup", "--no-names", "--quad", "1", "--quad", "2"])
    assert result.exit_code == 0, result.output
    table = pd.read_csv(table_path)
    assert sorted(zip(table["period"], table["source"], table["target"], table["count"], strict=True)) == [
        ("2025-03", "RUS", "MMR", 3), ("2025-04", "MMR", "RUS", 1), ("2025-05", "MMR", "RUS", 1),
        ("2025-06", "IDN", "MMR", 1)]


def test_cli_network_names_from_dictionaries(cli, tmp_path):
    from coder.paths import default_dictionary_dir

    # A small dictionary folder: the packaged CAMEO tables and language files plus one actor of our own.
    folder = tmp_path / "dictionaries"
    for part in ("cameo", "languages"):
        shutil.copytree(default_dictionary_dir() / part, folder / part)
    (folder / "actors").mkdir()
    (folder / "actors" / "test.yaml").write_text(
        "actors:\n  - code: RUS\n    names:\n      en: [Test Russia]\n", encoding="utf-8")
    app, events = cli
    out = tmp_path / "net.graphml"
    result = CliRunner().invoke(app, ["network", str(events), "--out", str(out), "--level", "sector",
                                      "--dictionaries", str(folder)])
    assert result.exit_code == 0, result.output
    nodes = nx.read_graphml(out).nodes
    assert nodes["RUS"]["name"] == "Test Russia"
    assert nodes["MMRMIL"]["name"].startswith("Myanmar")     # country + sector labels from cameo/
    # Names are a convenience: a broken dictionary folder warns and the network is still written.
    out = tmp_path / "plain.graphml"
    result = CliRunner().invoke(app, ["network", str(events), "--out", str(out), "--dictionaries",
                                      str(tmp_path / "no-such-folder")])
    assert result.exit_code == 0 and "warning: no actor names" in result.output
    assert "name" not in nx.read_graphml(out).nodes["RUS"]


def test_cli_network_bad_input(cli, tmp_path):
    app, _ = cli
    result = CliRunner().invoke(app, ["network", str(tmp_path / "missing.jsonl"), "--out",
                                      str(tmp_path / "x.graphml"), "--no-names"])
    assert result.exit_code == 1 and "not found" in result.output
    _, events = cli
    result = CliRunner().invoke(app, ["network", str(events), "--out", str(tmp_path / "x.json")])
    assert result.exit_code == 2 and "format" in result.output
