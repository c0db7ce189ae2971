"""A speech verb's pattern does not swallow the event it reports (with the parser)."""

from __future__ import annotations

import pytest

from tests.conftest import triples


def test_the_reported_attack_is_coded_not_the_speakers_pattern(shipped_coder) -> None:
    if not shipped_coder.pipeline("en")[1]:
        pytest.skip("no trained English pipeline installed")
    events = shipped_coder.code_text("A police official told Xinhua on Sunday that rebel fighters attacked a "
                                     "police post in the town.", lang="en", date="2024-01-01")
    assert triples(events) == {("---REB", "190", "---COP")}


def test_a_noun_in_the_speech_verbs_pattern_stays_part_of_it(shipped_coder) -> None:
    events = shipped_coder.code_text("Yemen's Houthi rebels claimed responsibility for a drone attack on Tel Aviv.",
                                     lang="en", date="2024-07-19")
    assert events and all(e.pattern_text.startswith("claim:") for e in events)  # no event of "attack" alone
