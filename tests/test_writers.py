"""Writers: every format reads back what was written, codes keep their zeros, files appear atomically."""

from __future__ import annotations

import csv
import gzip
import json
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from coder.document import Reject
from coder.events import EVENT_FIELDS, Event
from coder.io.gdelt import gdelt_columns, split_actor
from coder.io.plover import load_plover_mapping
from coder.io.writers import WRITERS, open_writer, write_rejects

REFERENCE_GDELT = Path(__file__).resolve().parents[2] / "shared" / "reference" / "cameo" / "gdelt_schema" / \
    "GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv"


def event(**changes) -> Event:
    fields = dict(
        doc_id="seed-1", sentence_index=0, event_index=0, date="2025-03-03", lang="id",
        source="RUS", source_text="Rusia", target="MMRMIL", target_text="militer Myanmar",
        code="072", root="07", quad_class=2, goldstein=8.3, event_text="memasok senjata",
        pattern="verbs/id/core.yaml:12", sentence="Rusia memasok senjata kepada militer Myanmar.",
    )
    fields.update(changes)
    return Event(**fields)


EVENTS = [
    event(),
    event(sentence_index=3, event_index=1, source="USAGOV", source_text="Washington", target="IGOUNO",
          target_text="PBB", code="0872", root="08", quad_class=2, goldstein=5.0, intent=True,
          sentence="Washington, \"kata\" dia,\ttab\nnewline"),
    event(doc_id="x", date=None, source="---", source_text="", target="---MIL", code="010", root="01",
          quad_class=1, goldstein=0.0),
]


def write(path: Path, fmt: str, events=EVENTS, **options):
    with open_writer(path, fmt, **options) as out:
        for item in events:
            out.write(item)
    return out


def test_jsonl_round_trip_keeps_field_order_and_values(tmp_path):
    write(tmp_path / "e.jsonl", "jsonl")
    lines = (tmp_path / "e.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert records == [e.to_dict() for e in EVENTS]
    assert all(list(r) == list(EVENT_FIELDS) for r in records)


def test_jsonl_keeps_extra_keys_after_the_event_fields(tmp_path):
    write(tmp_path / "e.jsonl", "jsonl", [{**EVENTS[0].to_dict(), "url": "https://example.org/a"}])
    record = json.loads((tmp_path / "e.jsonl").read_text(encoding="utf-8"))
    assert list(record) == [*EVENT_FIELDS, "url"] and record["url"] == "https://example.org/a"


def test_csv_round_trip_keeps_leading_zeros(tmp_path):
    write(tmp_path / "e.csv", "csv")
    frame = pd.read_csv(tmp_path / "e.csv", dtype=str, keep_default_na=False)
    assert tuple(frame.columns) == EVENT_FIELDS
    assert list(frame["code"]) == ["072", "0872", "010"]
    assert list(frame["root"]) == ["07", "08", "01"]
    assert frame.loc[1, "sentence"] == EVENTS[1].sentence       # quotes, tab and newline survive quoting
    assert list(frame["date"]) == ["2025-03-03", "2025-03-03", ""]
    assert list(frame["intent"]) == ["False", "True", "False"]


def test_parquet_round_trip_is_typed(tmp_path):
    write(tmp_path / "e.parquet", "parquet")
    table = pq.read_table(tmp_path / "e.parquet")
    assert tuple(table.column_names) == EVENT_FIELDS
    assert str(table.schema.field("code").type) == "string"
    assert str(table.schema.field("goldstein").type) == "double"
    assert str(table.schema.field("sentence_index").type) == "int64"
    rows = table.to_pylist()
    assert rows == [e.to_dict() for e in EVENTS]


def test_parquet_writes_row_groups_without_losing_rows(tmp_path, monkeypatch):
    monkeypatch.setattr(WRITERS["parquet"], "row_group_size", 2)
    many = [event(event_index=i, code=f"{i % 20 + 1:02d}0") for i in range(5)]
    write(tmp_path / "e.parquet", "parquet", many)
    file = pq.ParquetFile(tmp_path / "e.parquet")
    assert file.metadata.num_row_groups == 3
    assert file.read().column("code").to_pylist() == [e.code for e in many]


def test_empty_outputs_are_valid_files(tmp_path):
    for fmt, name in [("parquet", "e.parquet"), ("csv", "e.csv"), ("jsonl", "e.jsonl")]:
        write(tmp_path / name, fmt, [])
    assert pq.read_table(tmp_path / "e.parquet").num_rows == 0
    assert (tmp_path / "e.csv").read_text(encoding="utf-8").strip() == ",".join(EVENT_FIELDS)
    assert (tmp_path / "e.jsonl").read_text(encoding="utf-8") == ""


def test_petrarch_lines(tmp_path):
    write(tmp_path / "e.txt", "petrarch", [EVENTS[0], {**EVENTS[1].to_dict(), "url": "https://ex.org/1"}])
    rows = [line.split("\t") for line in (tmp_path / "e.txt").read_text(encoding="utf-8").splitlines()]
    assert rows == [
        ["20250303", "RUS", "MMRMIL", "072", "", "seed-1-0", "", "NULL"],
        ["20250303", "USAGOV", "IGOUNO", "0872", "", "seed-1-3", "https://ex.org/1", "NULL"],
    ]


def test_gdelt_has_the_61_official_columns_in_order(tmp_path):
    names = gdelt_columns()
    assert len(names) == 61 and names[0] == "GLOBALEVENTID" and names[-1] == "SOURCEURL"
    if REFERENCE_GDELT.exists():  # the converted table matches GDELT's own header file
        with REFERENCE_GDELT.open(encoding="utf-8") as handle:
            assert names == tuple(row["tableId"] for row in csv.DictReader(handle))
    write(tmp_path / "e.tsv", "gdelt", header=True)
    lines = (tmp_path / "e.tsv").read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == list(names)
    # tabs and newlines inside texts do not shift the columns
    assert [len(line.split("\t")) for line in lines] == [61] * 4


def test_gdelt_values(tmp_path):
    write(tmp_path / "e.tsv", "gdelt")
    frame = pd.read_csv(tmp_path / "e.tsv", sep="\t", header=None, names=gdelt_columns(), dtype=str,
                        keep_default_na=False, quoting=csv.QUOTE_NONE)
    assert len(frame) == 3
    first, second, third = frame.to_dict("records")
    assert (first["SQLDATE"], first["MonthYear"], first["Year"]) == ("20250303", "202503", "2025")
    assert first["FractionDate"] == f"{2025 + (3 * 30 + 3) / 365:.4f}"
    assert (first["Actor1Code"], first["Actor1CountryCode"], first["Actor1Type1Code"]) == ("RUS", "RUS", "")
    assert (first["Actor2Code"], first["Actor2CountryCode"], first["Actor2Type1Code"]) == \
        ("MMRMIL", "MMR", "MIL")
    assert (first["EventCode"], first["EventBaseCode"], first["EventRootCode"]) == ("072", "072", "07")
    assert (second["EventCode"], second["EventBaseCode"], second["EventRootCode"]) == ("0872", "087", "08")
    assert (first["QuadClass"], first["GoldsteinScale"], second["GoldsteinScale"]) == ("2", "8.3", "5")
    assert (first["IsRootEvent"], second["IsRootEvent"]) == ("1", "0")
    assert (first["NumMentions"], first["NumSources"], first["NumArticles"]) == ("1", "1", "1")
    assert first["SOURCEURL"] == "seed-1" and first["GLOBALEVENTID"] == "1" and third["GLOBALEVENTID"] == "3"
    assert (second["Actor1CountryCode"], second["Actor1Type1Code"]) == ("USA", "GOV")
    assert (second["Actor2Type1Code"], second["Actor2KnownGroupCode"]) == ("IGO", "UNO")
    assert third["Actor1Code"] == "" and third["Actor2Code"] == "---MIL" and third["Actor2Type1Code"] == "MIL"
    assert third["SQLDATE"] == "" and third["FractionDate"] == ""
    assert first["AvgTone"] == "" and first["ActionGeo_Type"] == "" and first["DATEADDED"] == ""


def test_split_actor_reads_religion_and_several_types():
    parts = split_actor("IRQREBMOSSHI")
    assert (parts["CountryCode"], parts["Type1Code"]) == ("IRQ", "REB")
    assert (parts["Religion1Code"], parts["Religion2Code"]) == ("MOS", "SHI")


def test_plover_records(tmp_path):
    mapping = load_plover_mapping()
    out = write(tmp_path / "e.plover.jsonl", "plover")
    records = [json.loads(line) for line in (tmp_path / "e.plover.jsonl").read_text("utf-8").splitlines()]
    # 010 (make statement) has no PLOVER type: skipped and counted, not silently written as nonsense
    assert (out.count, out.skipped, dict(out.skipped_codes)) == (2, 1, {"010": 1})
    first, second = records
    assert first["event_type"] == mapping["072"]["event_type"] == "AID"
    assert first["context"] == mapping["072"]["context"] == ["military"]
    assert (first["actor"], first["recipient"], first["cameo_code"]) == ("RUS", "MMRMIL", "072")
    assert (first["id"], first["date"], first["text"]) == ("seed-1-0-0", "2025-03-03", EVENTS[0].sentence)
    assert (second["event_type"], second["mode"]) == ("RETREAT", "withdraw")


def test_plover_falls_back_to_the_parent_code(tmp_path):
    mapping = {"19": {"event_type": "ASSAULT", "mode": "", "context": ["military"], "label": ""}}
    out = write(tmp_path / "p.jsonl", "plover", [event(code="1951", root="19")], mapping=mapping)
    record = json.loads((tmp_path / "p.jsonl").read_text("utf-8"))
    assert out.count == 1 and record["event_type"] == "ASSAULT" and record["mode"] is None


def test_failed_run_leaves_no_file_and_keeps_the_old_one(tmp_path):
    target = tmp_path / "e.csv"
    with pytest.raises(RuntimeError), open_writer(target, "csv") as out:
        out.write(EVENTS[0])
        raise RuntimeError("crash mid-run")
    assert list(tmp_path.iterdir()) == []                      # neither output nor temp file
    target.write_text("previous results\n", encoding="utf-8")
    for fmt in WRITERS:
        with pytest.raises(KeyboardInterrupt), open_writer(target, fmt) as out:
            out.write(EVENTS[0])
            raise KeyboardInterrupt
    assert target.read_text(encoding="utf-8") == "previous results\n"
    assert [p.name for p in tmp_path.iterdir()] == ["e.csv"]


def test_output_is_not_visible_until_closed(tmp_path):
    target = tmp_path / "e.jsonl"
    out = open_writer(target, "jsonl")
    out.write(EVENTS[0])
    assert not target.exists()
    out.close()
    assert target.exists() and [p.name for p in tmp_path.iterdir()] == ["e.jsonl"]
    with pytest.raises(ValueError, match="closed"):
        out.write(EVENTS[0])


def test_abandoned_writer_removes_its_temp_file(tmp_path):
    out = open_writer(tmp_path / "e.parquet", "parquet")
    out.write(EVENTS[0])
    del out
    assert list(tmp_path.iterdir()) == []


def test_gzip_output_is_deterministic_and_readable(tmp_path):
    write(tmp_path / "a.csv.gz", "csv")
    write(tmp_path / "b.csv.gz", "csv")
    assert (tmp_path / "a.csv.gz").read_bytes() == (tmp_path / "b.csv.gz").read_bytes()
    with gzip.open(tmp_path / "a.csv.gz", "rt", encoding="utf-8", newline="") as handle:
        assert [row["code"] for row in csv.DictReader(handle)] == ["072", "0872", "010"]


def test_format_choice(tmp_path):
    assert type(open_writer(tmp_path / "x.parquet")).__name__ == "ParquetWriter"
    with pytest.raises(ValueError, match="unknown output format 'xml'"):
        open_writer(tmp_path / "x.xml", "xml")
    with pytest.raises(ValueError, match="cannot tell the output format"):
        open_writer(tmp_path / "x.out")
    assert [p.suffix for p in tmp_path.iterdir()] == []   # the refused writers created nothing


def test_write_rejects(tmp_path):
    rejects = [Reject("c.jsonl:2", "malformed JSON: Expecting value at column 1", "{oops"),
               Reject("d.txt", "binary file (NUL byte at offset 8); expected UTF-8 text")]
    assert write_rejects(tmp_path / "rejects.jsonl", iter(rejects)) == 2
    lines = (tmp_path / "rejects.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == [
        {"origin": r.origin, "reason": r.reason, "raw": r.raw} for r in rejects]
