"""Match a verb entry's patterns around a trigger; the most specific matching pattern wins."""

from __future__ import annotations

from dataclasses import dataclass

from coder.analysis import SentenceAnalysis, Trigger
from coder.dictionaries.model import PatternElement, VerbPattern
from coder.phrases import GAP, STEM_KEY

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
    reverse: str | None = None  # the counterpart event's code, target to source
    compound_from: int | None = None  # `%`: partners of a compound act on each other ("X and Y postponed")
    compound_to: int | None = None
    target_skip: int = 0  # `^ +`: participants to pass over before the target


def _matches_at(analysis: SentenceAnalysis, keys: tuple[str, ...], position: int) -> bool:
    stream = analysis.stream
    return all(position + i < len(stream) and (stream[position + i][0] == key or (
        key[0] == STEM_KEY and len(key) > 1 and analysis.lowers[stream[position + i][1]].startswith(key[1:])))
        for i, key in enumerate(keys))


def _match_end(analysis: SentenceAnalysis, keys: tuple[str, ...], position: int) -> int | None:
    """Stream position after `keys` matched from `position`, or None. A GAP key lets up to MAX_GAP other words
    stand there (a synset member "austrian ... florin" matches "austrian gold florin"); fewest skipped first."""
    if GAP not in keys:
        return position + len(keys) if _matches_at(analysis, keys, position) else None
    gap = keys.index(GAP)
    head, tail = keys[:gap], keys[gap + 1:]
    if not _matches_at(analysis, head, position):
        return None
    start = position + len(head)
    for skipped in range(MAX_GAP + 1):
        end = _match_end(analysis, tail, start + skipped)
        if end is not None:
            return end
    return None


def _stem_end(analysis: SentenceAnalysis, element: PatternElement, position: int) -> int | None:
    """Where a stem element (`noted~`) matched at `position` ends: its own word, or a word written beginning
    with the stem ("notedown"), or None."""
    end = _match_end(analysis, element.alternatives[0], position)
    if end is not None:
        return end
    stream = analysis.stream
    token = stream[position][1]
    if (position and stream[position - 1][1] == token) or not analysis.lowers[token].startswith(element.stem):
        return None
    end = position + 1
    while end < len(stream) and stream[end][1] == token:
        end += 1
    return end


def _find_forward(analysis: SentenceAnalysis, element: PatternElement, cursor: int, clause: int) -> int | None:
    """First stream position from `cursor` (at most MAX_GAP words on, same clause) where the element starts."""
    if element.stem:
        last = min(len(analysis.stream) - 1, cursor + (0 if element.adjacent else MAX_GAP))
        return next((position for position in range(cursor, last + 1)
                     if analysis.clause_of[analysis.stream[position][1]] == clause
                     and _stem_end(analysis, element, position) is not None), None)
    best = None
    for keys in element.alternatives:
        for position in analysis.key_positions.get(keys[0], ()):
            if position < cursor:
                continue
            if position > cursor + (0 if element.adjacent else MAX_GAP) or (best is not None and position >= best):
                break
            if (analysis.clause_of[analysis.stream[position][1]] == clause
                    and _match_end(analysis, keys, position) is not None):
                best = position
                break
    return best


def _find_backward(analysis: SentenceAnalysis, element: PatternElement, cursor: int, clause: int) -> int | None:
    """Last position before `cursor` (at most MAX_GAP words back) where the element ends by `cursor`."""
    if element.stem:
        for position in range(cursor - 1, max(-1, cursor - MAX_GAP - 2), -1):
            end = _stem_end(analysis, element, position)
            if end is None or end > cursor or (element.adjacent and end < cursor):
                continue
            if analysis.clause_of[analysis.stream[position][1]] == clause:
                return position
        return None
    best = None
    for keys in element.alternatives:
        for position in reversed(analysis.key_positions.get(keys[0], ())):
            if position + (1 if GAP in keys else len(keys)) > cursor:
                continue
            if position < cursor - MAX_GAP - 1 or (best is not None and position <= best):
                break
            end = _match_end(analysis, keys, position)
            if end is None or end > cursor or (element.adjacent and end < cursor):
                continue
            if analysis.clause_of[analysis.stream[position][1]] == clause:
                best = position
                break
    return best


def match_pattern(analysis: SentenceAnalysis, trigger: Trigger, pattern: VerbPattern) -> PatternHit | None:
    clause = analysis.clause_of[trigger.start]
    hit = PatternHit(pattern.code, pattern, set(range(trigger.start, trigger.end)), reverse=pattern.reverse)
    cursor = trigger.stream_end
    pending: str | None = None  # a slot waiting for the next word to close it
    skip = 0
    for element in pattern.after:
        if element.kind == "skip":
            skip += 1
            continue
        if element.kind == "target":
            hit.target_skip = skip
        skip = 0
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
        if element.kind == "skip":  # before the verb a skipped phrase is just a gap
            continue
        if element.kind == "word":
            position = _find_backward(analysis, element, cursor, clause)
            if position is None:
                return None
            length = _matched_length(analysis, element, position)
            hit.used_tokens.update(analysis.stream[p][1] for p in range(position, position + length))
            cursor = position
        else:
            setattr(hit, f"{element.kind}_to", analysis.stream_token(cursor))
    if (hit.compound_from is not None or hit.compound_to is not None) and not _has_compound(analysis, hit, clause):
        return None
    return hit


def _has_compound(analysis: SentenceAnalysis, hit: PatternHit, clause: int) -> bool:
    """A `%` slot holds two or more participants joined by a conjunction."""
    start = hit.compound_from if hit.compound_from is not None else 0
    end = hit.compound_to if hit.compound_to is not None else len(analysis.tokens)
    inside = [p for p in analysis.phrases
              if start <= p.start and p.end <= end and analysis.clause_of[p.start] == clause]
    return any(analysis.is_marked("conjunctions", i) for first, second in zip(inside, inside[1:], strict=False)
               for i in range(first.end, second.start))


def _matched_length(analysis: SentenceAnalysis, element: PatternElement, position: int) -> int:
    """How many stream keys the element's matching alternative covers at `position`."""
    if element.stem:
        return _stem_end(analysis, element, position) - position
    return next(end - position for keys in element.alternatives
                if (end := _match_end(analysis, keys, position)) is not None)


def _keys_within_reach(analysis: SentenceAnalysis, trigger: Trigger) -> tuple[frozenset[str], frozenset[str]]:
    """Keys where a pattern's word nearest the trigger may start: MAX_GAP words on either side, same clause
    (what `_find_forward` and `_find_backward` allow)."""
    stream, clause_of = analysis.stream, analysis.clause_of
    clause = clause_of[trigger.start]
    end, start = trigger.stream_end, trigger.stream_start
    after = frozenset(key for key, token in stream[end:end + MAX_GAP + 1] if clause_of[token] == clause)
    before = frozenset(key for key, token in stream[max(0, start - MAX_GAP - 1):start] if clause_of[token] == clause)
    return after, before


def choose_pattern(analysis: SentenceAnalysis, trigger: Trigger) -> PatternHit | None:
    """The matching pattern with most words (ties: the first written); else the verb's default code.

    Patterns come most specific first, so the first match wins; a pattern with a word absent from the
    sentence is skipped without a look.
    """
    present = analysis.present_keys
    after, before = _keys_within_reach(analysis, trigger)
    by_after, by_before, wordless = trigger.verb.reach_index
    candidates = set(wordless)
    for keys, table in ((after, by_after), (before, by_before)):
        for key in keys:
            found = table.get(key)
            if found:
                candidates.update(found)
    patterns = trigger.verb.patterns
    for index in sorted(candidates):
        pattern = patterns[index]
        if not pattern.could_match(present, after, before):
            continue
        hit = match_pattern(analysis, trigger, pattern)
        if hit is not None:
            return hit
    if trigger.verb.code != "---":
        return PatternHit(trigger.verb.code, None, set(range(trigger.start, trigger.end)),
                          reverse=trigger.verb.reverse)
    return None
