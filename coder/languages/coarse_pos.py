"""Coarse parts of speech from the tagger's fine tags, in place of spaCy's attribute ruler.

The grammar reads `token.pos_` for a few words per sentence (is the trigger a verb, a noun, an adjective?).
In a trained English pipeline that attribute comes from the attribute ruler, whose Matcher takes a third of
the pipeline's time. The ruler's POS rules, read once from the model and indexed by tag and word, give the same answers.
"""

from __future__ import annotations

import numpy
from spacy.attrs import DEP, LOWER, POS, TAG
from spacy.language import Language as SpacyPipeline
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc

FACTORY = "coder_coarse_pos"
ATTRIBUTES = ("TAG", "LOWER", "DEP")  # what the ruler's POS rules look at, in the order of the arrays
Condition = dict[str, tuple[list[str], bool]]  # attribute -> (values, negated)
# A rule: (order, one condition per token, index of the token it sets, POS); the last matching rule wins.
Rule = tuple[int, list[Condition], int, str]


def pos_rules(ruler) -> list[Rule]:
    """The AttributeRuler's rules that set POS from TAG, LOWER and DEP (str, IN or NOT_IN values); rules on
    other attributes are left out."""
    rules: list[Rule] = []
    for rule in ruler.patterns:
        pos = rule["attrs"].get("POS")
        for pattern in rule["patterns"] if pos is not None else ():
            conditions = [_condition(token) for token in pattern]
            if all(condition is not None for condition in conditions):
                rules.append((len(rules), conditions, rule.get("index", 0), pos))
    return rules


def _condition(token: dict) -> Condition | None:
    condition: Condition = {}
    for attribute, value in token.items():
        if attribute not in ATTRIBUTES:
            return None
        if isinstance(value, str):
            condition[attribute] = ([value], False)
        elif set(value) in ({"IN"}, {"NOT_IN"}):
            negated = "NOT_IN" in value
            condition[attribute] = (list(value["NOT_IN" if negated else "IN"]), negated)
        else:
            return None
    return condition


class CoarsePos:
    """Sets POS by the rules over the Doc's TAG, LOWER and DEP arrays (string ids, compared as integers).

    Each rule is indexed under one value it requires (a word before a dependency label before a tag), so a
    token is checked only against the few rules that can apply to it.
    """

    def __init__(self, rules: list[Rule]) -> None:
        self.rules = rules
        self._tables: tuple | None = None  # built on first use, with the Doc's strings

    def _build(self, strings) -> tuple[dict[int, tuple[int, int]], tuple[dict[int, list], ...]]:
        """(tag -> (order, POS) for rules on the tag alone, the other rules by the word, dependency label or tag
        they require). Values become the ids the Doc's arrays hold (common labels are spaCy symbols)."""
        by_tag_alone: dict[int, tuple[int, int]] = {}
        indexed: tuple[dict[int, list], ...] = ({}, {}, {})  # by TAG, LOWER, DEP value
        for order, conditions, position, pos in self.rules:
            compiled = [{ATTRIBUTES.index(name): (frozenset(strings.add(value) for value in values), negated)
                         for name, (values, negated) in condition.items()} for condition in conditions]
            first = compiled[0]
            if len(compiled) == 1 and set(first) == {0} and not first[0][1]:
                for tag in first[0][0]:
                    by_tag_alone[tag] = (order, POS_IDS[pos])
                continue
            attribute = next((a for a in (1, 2, 0) if a in first and not first[a][1]), None)
            if attribute is None:
                raise ValueError(f"POS rule {conditions} requires no value: cannot index it")
            for value in first[attribute][0]:
                indexed[attribute].setdefault(value, []).append((order, compiled, position, POS_IDS[pos]))
        return by_tag_alone, indexed

    def __call__(self, doc: Doc) -> Doc:
        if self._tables is None:
            self._tables = self._build(doc.vocab.strings)
        by_tag_alone, (by_tag, by_lower, by_dep) = self._tables
        rows = doc.to_array([TAG, LOWER, DEP]).tolist()
        chosen = [by_tag_alone.get(row[0]) for row in rows]
        for start, (tag, lower, dep) in enumerate(rows):
            rules = by_lower.get(lower, ()), by_dep.get(dep, ()), by_tag.get(tag, ())
            if not (rules[0] or rules[1] or rules[2]):
                continue
            for order, conditions, position, pos in (*rules[0], *rules[1], *rules[2]):
                target = start + position
                if len(conditions) > len(rows) - start or (chosen[target] is not None and chosen[target][0] > order):
                    continue
                if all(_holds(condition, rows[start + offset]) for offset, condition in enumerate(conditions)):
                    chosen[target] = (order, pos)
        current = doc.to_array([POS]).tolist()
        doc.from_array([POS], numpy.array([choice[1] if choice is not None else old
                                           for choice, old in zip(chosen, current, strict=True)], dtype="uint64"))
        return doc


def _holds(condition: dict[int, tuple[frozenset[int], bool]], row: list[int]) -> bool:
    return all((row[attribute] in values) != negated for attribute, (values, negated) in condition.items())


@SpacyPipeline.factory(FACTORY, default_config={"rules": []})
def make_coarse_pos(nlp: SpacyPipeline, name: str, rules: list) -> CoarsePos:
    return CoarsePos([tuple(rule) for rule in rules])


def replace_attribute_ruler(nlp: SpacyPipeline) -> SpacyPipeline:
    """Swap the pipeline's attribute ruler for the POS rules read from it (no-op without one)."""
    if "attribute_ruler" not in nlp.component_names:
        return nlp
    rules = pos_rules(nlp.get_pipe("attribute_ruler"))
    nlp.add_pipe(FACTORY, after="attribute_ruler", config={"rules": rules})
    nlp.remove_pipe("attribute_ruler")
    return nlp
