"""Events found with the starter dictionaries (tests/fixtures/small) versus the shipped ones.

    python tools/coverage_before_after.py ../shared/reference/petrarch/validation/GigaWord.sample.PETR.xml
Indonesian sentences are the texts of gold/id.gold.jsonl.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from coder import Coder, Document
from coder.io import read_documents

REPO = Path(__file__).resolve().parent.parent


def main(gigaword: Path) -> None:
    english = [doc for doc in read_documents([gigaword], lang="en") if isinstance(doc, Document)]
    indonesian = [json.loads(line) for line in (REPO / "gold" / "id.gold.jsonl").open(encoding="utf-8")]
    for name, root in (("before (starter)", REPO / "tests" / "fixtures" / "small"), ("after (shipped)", None)):
        coder = Coder(root, parse=True, date="2008-08-01")
        en_events = [event for doc in english for event in coder.code_document(doc)]
        id_events = [event for record in indonesian for event in coder.code_text(
            record["text"], lang="id", date=record["date"], doc_id=record["id"])]
        print(f"{name}: GigaWord {len(english)} documents -> {len(en_events)} events in "
              f"{len({e.doc_id for e in en_events})}; Indonesian {len(indonesian)} sentences -> "
              f"{len(id_events)} events in {len({e.doc_id for e in id_events})}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
