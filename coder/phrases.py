"""A trie of token-key sequences: finds dictionary phrases in running text, longest first."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Generic, NamedTuple, TypeVar

Value = TypeVar("Value")
_END = ""  # no token key is empty, so "" marks the end of a phrase
GAP = "..."  # in a phrase: other words may stand here (TABARI's space connector, "Prince ... Dol Amroth")
MAX_GAP = 6  # words a gap may pass over
STEM_KEY = "~"  # a pattern key "~word": any word written beginning with "word" (TABARI's open stems)
GAP_STOPS = frozenset({",", ";", ":"})  # a gap stays within its clause ("Radagast, the Brown wizard")
HYPHENS = frozenset({"-", "‐", "–"})  # "Al-Gore" is the name "Al Gore": a hyphen between two of its words


class PhraseMatch(NamedTuple, Generic[Value]):
    """A phrase found in text (a tuple: millions are made on a large run, and tuples are made fastest)."""

    start: int
    end: int  # exclusive
    value: Value


class PhraseTrie(Generic[Value]):
    """Maps key sequences to values; `add` returns the value already stored for a conflicting phrase."""

    def __init__(self) -> None:
        self.root: dict = {}
        self.size = 0
        self.gaps = False  # some phrase has a GAP: matching takes the slower path that allows it

    def add(self, keys: Sequence[str], value: Value) -> Value | None:
        self.gaps = self.gaps or GAP in keys[1:-1]
        node = self.root
        for key in keys:
            node = node.setdefault(key, {})
        if _END in node:
            return node[_END]
        node[_END] = value
        self.size += 1
        return None

    def get(self, keys: Sequence[str]) -> Value | None:
        node = self.root
        for key in keys:
            node = node.get(key)
            if node is None:
                return None
        return node.get(_END)

    def items(self) -> Iterator[tuple[tuple[str, ...], Value]]:
        """Every (key sequence, value) pair, depth first."""
        stack: list[tuple[tuple[str, ...], dict]] = [((), self.root)]
        while stack:
            keys, node = stack.pop()
            for key, child in node.items():
                if key == _END:
                    yield keys, child
                else:
                    stack.append(((*keys, key), child))

    def longest_at(self, alternatives: Sequence[Sequence[str]], start: int) -> PhraseMatch[Value] | None:
        """Longest phrase starting at `start`; each position offers one or more alternative keys. A hyphen
        between two words of a phrase is passed over."""
        if self.gaps:
            return self._longest_with_gaps(alternatives, start)
        end, value = 0, None
        frontier = [self.root]
        position, length = start, len(alternatives)
        while frontier and position < length:
            keys = alternatives[position]
            position += 1
            if len(frontier) == 1 and len(keys) == 1:  # the usual case: one word, one key
                child = frontier[0].get(keys[0])
                if child is None:
                    if keys[0] in HYPHENS and frontier[0] is not self.root:
                        continue
                    break
                frontier[0] = child
                if _END in child:
                    end, value = position, child[_END]
                continue
            next_frontier = []
            for node in frontier:
                for key in keys:
                    child = node.get(key)
                    if child is not None:
                        next_frontier.append(child)
                        if _END in child:
                            end, value = position, child[_END]
            if not next_frontier and not HYPHENS.isdisjoint(keys) and all(node is not self.root for node in frontier):
                continue
            frontier = next_frontier
        return PhraseMatch(start, end, value) if end else None

    def _longest_with_gaps(self, alternatives: Sequence[Sequence[str]], start: int) -> PhraseMatch[Value] | None:
        """`longest_at` where a GAP passes over up to MAX_GAP words; on equal length the match that skipped
        fewer words wins ("Al Gore" over "Al ... Gore")."""
        best: tuple[int, int, Value] | None = None  # end, -words skipped, value
        # node, words skipped so far, words skipped in the current gap, whether the node is a gap
        frontier: list[tuple[dict, int, int, bool]] = [(self.root, 0, 0, False)]
        position, length = start, len(alternatives)
        while frontier and position < length:
            keys = alternatives[position]
            position += 1
            next_frontier = []
            for node, skipped, run, in_gap in frontier:
                for key in keys:
                    child = node.get(key)
                    if child is None:
                        continue
                    next_frontier.append((child, skipped, 0, False))
                    if GAP in child:
                        next_frontier.append((child[GAP], skipped, 0, True))
                    if _END in child and (best is None or (position, -skipped) > best[:2]):
                        best = (position, -skipped, child[_END])
                if in_gap and run < MAX_GAP and GAP_STOPS.isdisjoint(keys):
                    next_frontier.append((node, skipped + 1, run + 1, True))
                elif not in_gap and node is not self.root and not HYPHENS.isdisjoint(keys):
                    next_frontier.append((node, skipped, run, False))
            frontier = next_frontier
        return PhraseMatch(start, best[0], best[2]) if best else None

    def find_all(self, alternatives: Sequence[Sequence[str]]) -> list[PhraseMatch[Value]]:
        """Non-overlapping matches, scanning left to right and taking the longest at each start."""
        # Most positions start no phrase: find the candidate starts with one C-level set test per position
        # (this loop runs for every word list on every sentence, so it dominates the rule-based path).
        first = self.root.keys()
        if not first:
            return []
        disjoint = first.isdisjoint
        matches = []
        position = 0
        for start in [index for index, keys in enumerate(alternatives) if not disjoint(keys)]:
            if start < position:
                continue
            match = self.longest_at(alternatives, start)
            if match is not None:
                matches.append(match)
                position = match.end
        return matches

    def find_all_keys(self, keys: Sequence[str]) -> list[PhraseMatch[Value]]:
        """`find_all` for text with one key per position (function words, verb streams): the hot case,
        so it walks the trie directly instead of keeping a frontier of alternatives."""
        root, matches, position, length = self.root, [], 0, len(keys)
        for start, key in enumerate(keys):
            if start < position:
                continue
            node = root.get(key)
            if node is None:
                continue
            end = start + 1 if _END in node else 0
            value = node.get(_END)
            cursor = start + 1
            while cursor < length:
                node = node.get(keys[cursor])
                if node is None:
                    break
                cursor += 1
                if _END in node:
                    end, value = cursor, node[_END]
            if end:
                matches.append(PhraseMatch(start, end, value))
                position = end
        return matches
