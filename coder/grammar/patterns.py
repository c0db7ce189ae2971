"""Match a verb entry's patterns around a trigger; the most specific matching pattern wins."""

from __future__ import annotations

from dataclasses import dataclass

from coder.analysis import SentenceAnalysis, Trigger
from coder.dictionaries.model import PatternElement, VerbPattern

MAX_GAP = 6  # words a pattern may skip between two of its elements


@dataclass
class PatternHit:
    """Where a pattern (or the bare trigger) put the target and source slots, as token offsets."""

    code: str
    pattern: VerbPattern | None
    used_tokens: set[int]
    target_from: int | None = None
    target_to: int | None = None
    source_from: int | None = None
    source_to: int | None = None


def _find_forward(analysis: SentenceAnalysis, element: PatternElement, cursor: int, clause: int) -> int | None:
    """Stream position where one of the element's alternatives starts, at most MAX_GAP words on."""
    stream = analysis.stream
    for position in range(cursor, min(cursor + MAX_GAP + 1, len(stream))):
        if analysis.clause_of[stream[position][1]] != clause:
            return None
        for keys in element.alternatives:
            if tuple(key for key, _ in stream[position:position + len(keys)]) == keys:
                return position
    return None


def _find_backward(analysis: SentenceAnalysis, element: PatternElement, cursor: int, clause: int) -> int | None:
    stream = analysis.stream
    for position in range(cursor - 1, max(cursor - MAX_GAP - 2, -1), -1):
        if analysis.clause_of[stream[position][1]] != clause:
            return None
        for keys in element.alternatives:
            if position + len(keys) <= cursor and tuple(k for k, _ in stream[position:position + len(keys)]) == keys:
                return position
    return None


def match_pattern(analysis: SentenceAnalysis, trigger: Trigger, pattern: VerbPattern) -> PatternHit | None:
    clause = analysis.clause_of[trigger.start]
    hit = PatternHit(pattern.code, pattern, set(range(trigger.start, trigger.end)))
    cursor = trigger.stream_end
    pending: str | None = None  # a slot waiting for the next word to close it
    for element in pattern.after:
        if element.kind == "word":
            position = _find_forward(analysis, element, cursor, clause)
            if position is None:
                return None
            length = _matched_length(analysis, element, position)
            if pending:
                setattr(hit, f"{pending}_to", analysis.stream_token(position))
                pending = None
            hit.used_tokens.update(analysis.stream[p][1] for p in range(position, position + length))
            cursor = position + length
        else:
            pending = element.kind
            setattr(hit, f"{element.kind}_from", analysis.stream_token(cursor))
    cursor = trigger.stream_start
    for element in reversed(pattern.before):
        if element.kind == "word":
            position = _find_backward(analysis, element, cursor, clause)
            if position is None:
                return None
            length = _matched_length(analysis, element, position)
            hit.used_tokens.update(analysis.stream[p][1] for p in range(position, position + length))
            cursor = position
        else:
            setattr(hit, f"{element.kind}_to", analysis.stream_token(cursor))
    return hit


def _matched_length(analysis: SentenceAnalysis, element: PatternElement, position: int) -> int:
    """How many stream keys the element's matching alternative covers at `position`."""
    return len(next(keys for keys in element.alternatives
                    if tuple(k for k, _ in analysis.stream[position:position + len(keys)]) == keys))


def choose_pattern(analysis: SentenceAnalysis, trigger: Trigger) -> PatternHit | None:
    """The matching pattern with most words (ties: the first written); else the verb's default code."""
    best: PatternHit | None = None
    for pattern in trigger.verb.patterns:
        if best is not None and best.pattern is not None and pattern.specificity <= best.pattern.specificity:
            continue
        hit = match_pattern(analysis, trigger, pattern)
        if hit is not None:
            best = hit
    if best is None and trigger.verb.code != "---":
        best = PatternHit(trigger.verb.code, None, set(range(trigger.start, trigger.end)))
    return best
