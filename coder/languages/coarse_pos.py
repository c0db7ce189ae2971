"""Coarse parts of speech from the tagger's fine tags, in place of spaCy's attribute ruler.

The grammar reads `token.pos_` for a few words per sentence (is the trigger a verb, a noun, an adjective?).
In a trained English pipeline that attribute comes from the attribute ruler, whose Matcher takes a third of
the pipeline's time. The ruler's POS rules, read once from the model and indexed by tag and word, give the same answers.
"""

from __future__ import annotations

from spacy.language import Language as SpacyPipeline
from spacy.tokens import Doc

FACTORY = "coder_coarse_pos"
ATTRIBUTES = ("TAG", "LOWER", "DEP")  # what the ruler's POS rules look at
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
    """Sets `token.pos_` by the rules; one-token rules are indexed by the fine tag and word they require."""

    def __init__(self, rules: list[Rule]) -> None:
        self.by_tag_word: dict[tuple[str, str], list] = {}
        self.by_tag: dict[str, list] = {}
        self.general: list = []
        self.sequences: list = []
        for order, conditions, index, pos in rules:
            compiled = [{name: (frozenset(values), negated) for name, (values, negated) in condition.items()}
                        for condition in conditions]
            if len(compiled) > 1:
                self.sequences.append((order, compiled, index, pos))
                continue
            rule = (order, compiled[0], pos)
            tags, tag_negated = conditions[0].get("TAG", (None, True))
            words, word_negated = conditions[0].get("LOWER", (None, True))
            if not tag_negated and not word_negated:
                for tag in tags:
                    for word in words:
                        self.by_tag_word.setdefault((tag, word), []).append(rule)
            elif not tag_negated:
                for tag in tags:
                    self.by_tag.setdefault(tag, []).append(rule)
            else:
                self.general.append(rule)

    def __call__(self, doc: Doc) -> Doc:
        empty: list = []
        chosen: list[tuple[int, str] | None] = []
        for token in doc:
            tag, word = token.tag_, token.lower_
            best = None
            for order, condition, pos in (*self.by_tag_word.get((tag, word), empty), *self.by_tag.get(tag, empty),
                                          *self.general):
                if (best is None or order > best[0]) and _holds(condition, token):
                    best = (order, pos)
            chosen.append(best)
        for order, conditions, index, pos in self.sequences:
            for start in range(len(doc) - len(conditions) + 1):
                target = start + index
                if (chosen[target] is None or order > chosen[target][0]) and all(
                        _holds(condition, doc[start + offset]) for offset, condition in enumerate(conditions)):
                    chosen[target] = (order, pos)
        for token, best in zip(doc, chosen, strict=True):
            if best is not None:
                token.pos_ = best[1]
        return doc


def _holds(condition: dict[str, tuple[frozenset[str], bool]], token) -> bool:
    for name, (values, negated) in condition.items():
        value = token.tag_ if name == "TAG" else token.lower_ if name == "LOWER" else token.dep_
        if (value in values) == negated:
            return False
    return True


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
