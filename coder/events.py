"""The event record: one coded (source, code, target) triple with its provenance."""

from __future__ import annotations

from dataclasses import dataclass, field

UNKNOWN_ACTOR = "---"

# Column order of every tabular output; the DESIGN.md contract fields come first.
EVENT_FIELDS = (
    "doc_id", "sentence_index", "event_index", "date", "lang",
    "source", "source_text", "target", "target_text",
    "code", "root", "quad_class", "goldstein",
    "event_text", "pattern", "sentence",
    "pattern_text", "source_entry", "target_entry", "source_inferred", "target_inferred",
    "voice", "intent", "attributed_to",
)


@dataclass
class Event:
    """A coded event. `code` is a string with leading zeros ("072"); actors use "---" when unknown."""

    doc_id: str
    sentence_index: int
    event_index: int
    date: str | None
    lang: str
    source: str
    source_text: str
    target: str
    target_text: str
    code: str
    root: str
    quad_class: int
    goldstein: float
    event_text: str
    pattern: str            # dictionary entry that fired: "verbs/en/core.yaml:120"
    sentence: str
    pattern_text: str = ""  # the pattern as written: "supply: * &WEAPON to +"
    source_entry: str = ""  # actor/agent entries that gave the source code
    target_entry: str = ""
    source_inferred: bool = False  # country taken from the story, not the sentence
    target_inferred: bool = False
    voice: str = "active"
    intent: bool = False    # future/intent wording turned the code into CAMEO's intent code
    attributed_to: str = ""  # speaker of a reported event ("..., kata X")
    extra: dict = field(default_factory=dict, repr=False)

    def key(self) -> tuple[str, int, str, str, str]:
        """Identity for de-duplication: one event per (sentence, source, target, code)."""
        return (self.doc_id, self.sentence_index, self.source, self.target, self.code)

    def to_dict(self) -> dict:
        """The record in EVENT_FIELDS order (no deep copy: every field is a plain value)."""
        return {name: getattr(self, name) for name in EVENT_FIELDS}
