"""Read PETRARCH's XML input/validation files (`<Sentence date="20080801" id="..."><Text>...</Text>`).

The constituency parse PETRARCH needed (`<Parse>`) is ignored: we parse ourselves. Gold codings
(`<EventCoding sourcecode= targetcode= eventcode=>`) are kept in `meta["events"]` in the gold-file shape
(`{"source", "target", "code"}`), so the validation suites can be scored straight from the XML.

The file is parsed with defusedxml in 64 KiB chunks: entity expansion (billion laughs) and external entities
are refused, and since a DTD can only stand before the root element, such a file yields one Reject and nothing
else. Malformed XML yields the sentences before the fault, then one Reject for the rest of the file.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from coder.document import Document, Reject
from coder.io.records import ReadOptions, make_document
from coder.io.sources import open_binary

CHUNK = 1 << 16


class _SentenceCollector:
    """Parser target: gathers each <Sentence> (attributes, text, gold codings, start line) as it closes."""

    def __init__(self, path: Path, options: ReadOptions) -> None:
        self.path, self.options = path, options
        self.parser: DefusedXMLParser | None = None
        self.ready: list[Document | Reject] = []
        self.sentences = 0
        self._current: dict | None = None
        self._in_text = False
        self._text: list[str] = []

    def _line(self) -> int:
        return self.parser.parser.CurrentLineNumber if self.parser else 0

    def start(self, tag: str, attrib: dict) -> None:
        if tag == "Sentence":
            self._current = {"attrib": {k.strip(): v for k, v in attrib.items()}, "line": self._line(),
                             "events": [], "codings": 0, "text": None, "error": None}
        elif self._current is not None and tag == "Text":
            self._in_text, self._text = True, []
        elif self._current is not None and tag == "EventCoding":
            self._coding({k.strip(): v.strip() for k, v in attrib.items()})

    def _coding(self, attrib: dict) -> None:
        current = self._current
        current["codings"] += 1
        if "error" in attrib:
            current["error"] = attrib["error"]
        elif {"sourcecode", "targetcode", "eventcode"} <= attrib.keys():
            current["events"].append({"source": attrib["sourcecode"], "target": attrib["targetcode"],
                                      "code": attrib["eventcode"]})

    def data(self, text: str) -> None:
        if self._in_text:
            self._text.append(text)

    def end(self, tag: str) -> None:
        if tag == "Text" and self._current is not None:
            self._in_text = False
            self._current["text"] = " ".join("".join(self._text).split())
        elif tag == "Sentence" and self._current is not None:
            self.ready.append(self._document(self._current))
            self._current = None
            self.sentences += 1

    def _document(self, sentence: dict) -> Document | Reject:
        attrib = dict(sentence["attrib"])
        origin = f"{self.path}:{sentence['line']}"
        doc_id, date = attrib.pop("id", None), attrib.pop("date", None)
        meta = {key: value for key, value in attrib.items()}
        meta["origin"] = origin
        if sentence["codings"]:
            meta["events"] = sentence["events"]
        if sentence["error"]:
            meta["expected_error"] = sentence["error"]
        return make_document(origin, self.options, doc_id=doc_id, text=sentence["text"], date=date,
                             lang=attrib.get("lang"), meta=meta)

    def close(self) -> None:
        return None


def read_petrarch_xml(path: Path, options: ReadOptions | None = None) -> Iterator[Document | Reject]:
    """Documents from one PETRARCH XML file, one per <Sentence>; `id` and `date` come from its attributes."""
    collector = _SentenceCollector(path, options or ReadOptions())
    parser = DefusedXMLParser(target=collector, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    collector.parser = parser
    with open_binary(path) as handle:
        try:
            while chunk := handle.read(CHUNK):
                parser.feed(chunk)
                yield from collector.ready
                collector.ready.clear()
            parser.close()
        except DefusedXmlException as error:
            yield Reject(str(path), f"unsafe XML refused (entity declarations and external references are "
                                    f"not allowed): {type(error).__name__}: {error}")
            return
        except ParseError as error:
            yield from collector.ready
            line, column = error.position
            yield Reject(f"{path}:{line}", f"malformed XML at line {line}, column {column}: {error.msg}; "
                                           f"rest of file skipped")
            return
    yield from collector.ready
    if collector.sentences == 0:
        yield Reject(str(path), "no <Sentence> elements: not a PETRARCH XML file")
