"""Readers: real files come out as Documents, bad input as Rejects, and the stream never stops."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from coder.document import Document, Reject
from coder.io.readers import read_documents

FIXTURES = Path(__file__).parent / "fixtures" / "io"


def split(items):
    items = list(items)
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, Reject)]


def jsonl(path: Path, records: list) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


# --- real formats -------------------------------------------------------------------------------------------

def test_text_file_takes_id_date_and_language_from_its_name():
    docs, rejects = split(read_documents([FIXTURES / "myanmar-russia-2025-03-03.id.txt"]))
    assert rejects == []
    [doc] = docs
    assert (doc.id, doc.date, doc.lang) == ("myanmar-russia-2025-03-03", "2025-03-03", "id")
    assert doc.text.startswith("Pertemuan ini dilakukan setelah pejabat tinggi Rusia")


def test_text_file_without_date_or_language_uses_the_defaults(tmp_path):
    (tmp_path / "story.txt").write_text("Russia sent weapons to Myanmar.", encoding="utf-8")
    [doc] = read_documents([tmp_path / "story.txt"], lang="en", date="20250101")
    assert (doc.id, doc.lang, doc.date) == ("story", "en", "2025-01-01")


def test_petrarch_xml_sentences_with_gold_codings():
    docs, rejects = split(read_documents([FIXTURES / "petrarch_sample.xml"]))
    assert [d.id for d in docs] == ["DEMO-00", "DEMO-24", "AFP0808020625_4"]
    first = docs[0]
    assert first.date == "1995-01-01"
    # line breaks inside <Text> are layout, not content
    assert first.text == ("Arnor is about to restore full diplomatic ties with Gondor almost five years "
                          "after crowds trashed its embassy.")
    assert first.meta["events"] == [{"source": "ARN", "target": "GON", "code": "064"}]
    assert first.meta["category"] == "DEMO"
    assert docs[1].meta["events"] == []          # <EventCoding noevents="True">: gold says no event
    assert "events" not in docs[2].meta          # GigaWord sample has no gold
    assert docs[2].date == "2008-08-04" and docs[2].meta["source"] == "AFP"
    # TEST_1 has an empty <Text> in PETRARCH's own file
    assert [(r.origin.rsplit(":", 1)[1], r.reason) for r in rejects] == [("115", "empty text")]


def test_case2021_tsv_keeps_quotes_and_does_not_swallow_rows():
    docs, rejects = split(read_documents([FIXTURES / "case2021_sample.tsv"], lang="en"))
    assert rejects == []
    assert [d.id for d in docs] == ["1", "2", "3", "39", "272", "273"]
    assert all(d.lang == "en" and d.date is None for d in docs)
    assert '"relinquishes"' in docs[3].text
    assert docs[4].text.endswith('"reserves the right to respond”')   # unbalanced quote stays in its row
    assert docs[5].text.startswith("Brazilian authorities")


def test_jsonl_fields_and_meta(tmp_path):
    path = jsonl(tmp_path / "c.jsonl", [
        {"id": "seed-1", "date": "2025-03-03", "lang": "id", "text": "Rusia dan Tiongkok ...", "url": "http://x"},
        {"id": 7, "text": "Second story.", "events": [{"source": "RUS", "target": "MMR", "code": "072"}]},
    ])
    docs, rejects = split(read_documents([path], lang="en"))
    assert rejects == []
    assert (docs[0].id, docs[0].date, docs[0].lang, docs[0].meta["url"]) == ("seed-1", "2025-03-03", "id",
                                                                             "http://x")
    assert (docs[1].id, docs[1].lang, docs[1].date) == ("7", "en", None)     # record lang wins, else default
    assert docs[1].meta["events"][0]["code"] == "072"


def test_csv_text_column_aliases_and_missing_ids(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text('snippet,date\n"Troops, tanks and ""aid"" arrived.",2024-02-29\nSecond one.,\n',
                    encoding="utf-8")
    docs, rejects = split(read_documents([path]))
    assert rejects == []
    assert docs[0].text == 'Troops, tanks and "aid" arrived.' and docs[0].date == "2024-02-29"
    assert [d.id for d in docs] == [f"{path}:2", f"{path}:3"]   # no id column: file:line


def test_gzip_variants(tmp_path):
    with gzip.open(tmp_path / "c.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "a", "text": "Packed story."}) + "\n")
    with gzip.open(tmp_path / "x-2020-05-06.en.txt.gz", "wt", encoding="utf-8") as handle:
        handle.write("Packed text file.")
    docs, rejects = split(read_documents([tmp_path / "c.jsonl.gz", tmp_path / "x-2020-05-06.en.txt.gz"]))
    assert rejects == []
    assert [(d.id, d.text) for d in docs] == [("a", "Packed story."), ("x-2020-05-06", "Packed text file.")]
    assert (docs[1].date, docs[1].lang) == ("2020-05-06", "en")


def test_folder_is_read_recursively_in_sorted_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Two.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("One.", encoding="utf-8")
    jsonl(tmp_path / "b" / "1.jsonl", [{"id": "j", "text": "Three."}])
    (tmp_path / "notes.md").write_text("not a corpus file", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("skip me", encoding="utf-8")
    docs, rejects = split(read_documents([tmp_path]))
    assert rejects == []
    assert [d.id for d in docs] == ["a", "j", "2"]


# --- hostile input: the good records still come out ---------------------------------------------------

def test_broken_json_line_in_the_middle(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text('{"id": "1", "text": "First."}\n{"id": "2", "text": "Bro\n\n[1, 2]\n'
                    '{"id": "3", "text": "Third."}\n', encoding="utf-8")
    docs, rejects = split(read_documents([path]))
    assert [d.id for d in docs] == ["1", "3"]
    assert [r.origin for r in rejects] == [f"{path}:2", f"{path}:4"]
    assert rejects[0].reason.startswith("malformed JSON")
    assert "expected a JSON object" in rejects[1].reason


def test_invalid_utf8_line_is_rejected_with_its_byte_offset(tmp_path):
    path = tmp_path / "c.jsonl"
    good = b'{"id": "1", "text": "Fine."}\n'
    path.write_bytes(good + b'{"id": "2", "text": "caf\xe9"}\n' + b'{"id": "3", "text": "Also fine."}\n')
    docs, rejects = split(read_documents([path]))
    assert [d.id for d in docs] == ["1", "3"]
    [reject] = rejects
    offset = len(good) + len(b'{"id": "2", "text": "caf')
    assert reject.origin == f"{path}:2"
    assert f"invalid UTF-8 at byte {offset}" in reject.reason


def test_invalid_utf8_in_text_file_and_csv_row(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"line one\nline \xff two\n")
    (tmp_path / "t.csv").write_bytes(b"id,text\n1,good\n2,bad \xc3\x28 row\n3,good again\n")
    docs, rejects = split(read_documents([tmp_path / "bad.txt", tmp_path / "t.csv"]))
    assert [d.id for d in docs] == ["1", "3"]
    assert [(r.origin, r.reason) for r in rejects] == [
        (f"{tmp_path / 'bad.txt'}:2", "invalid UTF-8 at byte 14 (line 2)"),
        (f"{tmp_path / 't.csv'}:3", "invalid UTF-8 on line 3"),
    ]


def test_binary_file_is_one_reject(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 100)
    [reject] = read_documents([path])
    assert isinstance(reject, Reject) and reject.reason.startswith("binary file (NUL byte at offset 8)")
    utf16 = tmp_path / "u16.jsonl"
    utf16.write_text('{"id": "1", "text": "x"}\n', encoding="utf-16")
    [reject] = read_documents([utf16])
    assert "binary file" in reject.reason


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<Sentences><Sentence date="20080801" id="s1"><Text>&lol9;</Text></Sentence>
<Sentence date="20080801" id="s2"><Text>Harmless.</Text></Sentence></Sentences>
"""

EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE s [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<Sentences><Sentence date="20080801" id="s1"><Text>&secret;</Text></Sentence></Sentences>
"""


@pytest.mark.parametrize("content", [BILLION_LAUGHS, EXTERNAL_ENTITY], ids=["billion-laughs", "external"])
def test_entity_attacks_make_the_whole_xml_file_one_reject(tmp_path, content):
    path = tmp_path / "evil.xml"
    path.write_text(content, encoding="utf-8")
    items = list(read_documents([path, FIXTURES / "myanmar-russia-2025-03-03.id.txt"]))
    assert isinstance(items[0], Reject) and items[0].origin == str(path)
    assert items[0].reason.startswith("unsafe XML refused")
    assert [type(i) for i in items[1:]] == [Document]   # the next file is still read


def test_malformed_xml_keeps_the_sentences_before_the_fault(tmp_path):
    path = tmp_path / "cut.xml"
    path.write_text('<Sentences>\n<Sentence date="20080801" id="ok"><Text>Fine.</Text></Sentence>\n'
                    '<Sentence date="20080802" id="broken"><Text>No end</Sentence>\n', encoding="utf-8")
    docs, rejects = split(read_documents([path]))
    assert [d.id for d in docs] == ["ok"]
    [reject] = rejects
    assert reject.origin == f"{path}:3" and reject.reason.startswith("malformed XML at line 3")


def test_truncated_gzip_keeps_what_came_before(tmp_path):
    body = "".join(json.dumps({"id": str(i), "text": f"Story {i} " + "x" * 50}) + "\n" for i in range(2000))
    packed = gzip.compress(body.encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(packed[: len(packed) // 2])
    docs, rejects = split(read_documents([path]))
    assert 0 < len(docs) < 2000
    assert [d.id for d in docs] == [str(i) for i in range(len(docs))]
    [reject] = rejects
    assert reject.origin == str(path) and reject.reason.startswith("cannot read file")


def test_rows_without_usable_text_dates_or_languages(tmp_path):
    path = jsonl(tmp_path / "c.jsonl", [
        {"id": "no-text"},
        {"id": "empty", "text": "   \n"},
        {"id": "num", "text": 42},
        {"id": "bad-date", "text": "x", "date": "2021-02-30"},
        {"id": "bad-date2", "text": "x", "date": "last Tuesday"},
        {"id": "bad-lang", "text": "x", "lang": "english!"},
        {"id": "nul", "text": "a\u0000b"},
        {"id": "ok", "text": "Kept.", "date": "20210228", "lang": "ID"},
    ])
    docs, rejects = split(read_documents([path]))
    assert [(d.id, d.date, d.lang) for d in docs] == [("ok", "2021-02-28", "id")]
    reasons = [r.reason for r in rejects]
    assert reasons[0].startswith("missing text")
    assert reasons[1] == "empty text"
    assert reasons[2] == "text is not a string but int"
    assert reasons[3].startswith("bad date '2021-02-30'")
    assert reasons[4].startswith("bad date 'last Tuesday'")
    assert reasons[5].startswith("bad language code")
    assert reasons[6].startswith("text contains NUL")
    assert [r.origin for r in rejects] == [f"{path}:{n}" for n in range(1, 8)]


def test_enormous_documents_are_rejected_in_every_format(tmp_path):
    big = "word " * 40
    jsonl(tmp_path / "a.jsonl", [{"id": "big", "text": big}, {"id": "small", "text": "tiny"}])
    (tmp_path / "b.txt").write_text(big, encoding="utf-8")
    (tmp_path / "c.csv").write_text(f"id,text\nbig,{big}\nsmall,tiny\n", encoding="utf-8")
    (tmp_path / "d.jsonl").write_text(json.dumps({"id": "huge", "text": "y" * 5000}) + "\n"
                                      + json.dumps({"id": "after", "text": "kept"}) + "\n", encoding="utf-8")
    docs, rejects = split(read_documents([tmp_path], max_chars=100))
    assert [d.id for d in docs] == ["small", "small", "after"]
    assert len(rejects) == 4 and all("too large" in r.reason for r in rejects)
    assert rejects[0].reason == "document too large: 200 characters (limit 100)"


def test_table_problems(tmp_path):
    (tmp_path / "nohead.csv").write_text("id,body\n1,hello\n", encoding="utf-8")
    (tmp_path / "fields.tsv").write_text("id\ttext\n1\tone\n2\ttwo\textra\n3\tthree\n", encoding="utf-8")
    (tmp_path / "empty.csv").write_text("", encoding="utf-8")
    docs, rejects = split(read_documents([tmp_path / "nohead.csv", tmp_path / "fields.tsv",
                                          tmp_path / "empty.csv"]))
    assert [d.id for d in docs] == ["1", "3"]
    assert rejects[0].reason.startswith("no text column") and "body" in rejects[0].reason
    assert rejects[1].origin.endswith("fields.tsv:3") and rejects[1].reason == "expected 2 fields, found 3"
    assert rejects[2].reason == "empty file: no header row"


def test_missing_and_unknown_files_do_not_stop_the_stream(tmp_path):
    (tmp_path / "data.docx").write_bytes(b"PK")
    items = list(read_documents([tmp_path / "gone.jsonl", tmp_path / "data.docx",
                                 FIXTURES / "myanmar-russia-2025-03-03.id.txt"]))
    assert [type(i) for i in items] == [Reject, Reject, Document]
    assert items[0].reason == "no such file"
    assert items[1].reason.startswith("unsupported file type .docx")


def test_utf8_bom_is_not_part_of_the_first_record(tmp_path):
    (tmp_path / "b.jsonl").write_bytes(b"\xef\xbb\xbf" + b'{"id": "1", "text": "BOM"}\n')
    (tmp_path / "b.csv").write_bytes(b"\xef\xbb\xbfid,text\n2,BOM too\n")
    docs, rejects = split(read_documents([tmp_path / "b.jsonl", tmp_path / "b.csv"]))
    assert rejects == [] and [d.id for d in docs] == ["1", "2"]


def test_reading_is_lazy(tmp_path):
    path = jsonl(tmp_path / "c.jsonl", [{"id": "1", "text": "One."}, {"id": "2", "text": "Two."}])
    stream = read_documents([path])
    assert next(stream).id == "1"
    path.unlink()  # already open: the rest still streams from the open handle
    assert next(stream).id == "2"


def test_bad_defaults_are_caller_errors():
    with pytest.raises(ValueError, match="bad date"):
        read_documents([], date="03/03/2025")
    with pytest.raises(ValueError, match="bad language code"):
        read_documents([], lang="Indonesian")
