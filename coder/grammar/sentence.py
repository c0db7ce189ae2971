"""All triggers of one sentence together: which decisions stand once the others are known.

A trigger inside another's pattern, the content of another verb ("asked China to lift the ban"), a speech
verb whose reported event is coded: these give no event of their own. Compound partners without a target
get reciprocal events, and future wording turns codes into CAMEO's intent codes.
"""

from __future__ import annotations

from coder.analysis import SentenceAnalysis
from coder.grammar.roles import NO_TARGET, Decision, GrammarConfig, decide

# Dependency relations through which a verb's complement hangs from it ("asked China to lift", "condemned the
# visit"); conjoined, relative and adverbial clauses are events of their own.
COMPLEMENT_DEPS = ("xcomp", "ccomp", "pcomp", "prep", "pobj", "dobj", "obj", "dative", "attr", "oprd", "acomp",
                   "acl")
COMPLEMENT_WINDOW = 2  # words between a complement marker ("to", "untuk") and the verb it introduces
FEWER_THAN_TWO_ACTORS = "the sentence names fewer than two different actors"


def governing_decision(analysis: SentenceAnalysis, decision: Decision, decisions: list[Decision],
                       parsed: bool) -> Decision | None:
    """The coded non-speech trigger whose complement this trigger is, if any: "Japan asked China to lift
    the ban" is an appeal, not China easing sanctions."""
    # A governor counts even when it gave no event itself ("denied that Russia was responsible for ...").
    by_token = {d.trigger.start: d for d in decisions if d is not decision and d.code is not None}
    if parsed:
        offset = analysis.span.start
        token = analysis.tokens[decision.trigger.start]
        while token.dep_ in COMPLEMENT_DEPS and token.head.i != token.i:
            token = token.head
            governor = by_token.get(token.i - offset)
            if governor is not None:
                return None if governor.speech else governor
        return None
    start = decision.trigger.start
    if not any(start - COMPLEMENT_WINDOW <= mark.end <= start for mark in analysis.marks.get("complement_markers", ())):
        return None
    clause = analysis.clause_of[start]
    earlier = [d for index, d in sorted(by_token.items())
               if index < start and analysis.clause_of[index] == clause and not d.speech]
    return earlier[-1] if earlier else None


def preceding_verb_decision(analysis: SentenceAnalysis, decision: Decision,
                            decisions: list[Decision]) -> Decision | None:
    """With a parse, a noun trigger after a coded trigger of its clause, with no other verb between (a trigger
    that codes nothing, "in being drawn into ... by its resumption of ties", does not count), is that
    trigger's object even where the parse lost the link ("abandoned an anti- Gondor parade", "was in accord
    with an anti- Gondor parade"): one event, the first one's."""
    start = decision.trigger.start
    if analysis.tokens[start].pos_ not in ("NOUN", "PROPN"):
        return None
    clause = analysis.clause_of[start]

    def uncoded_trigger(index: int) -> bool:
        return any(d.trigger.start <= index < d.trigger.end and d.code is None for d in decisions)

    for index in range(start - 1, -1, -1):
        if analysis.clause_of[index] != clause:
            return None
        coded = next((d for d in decisions if d is not decision and d.trigger.start <= index < d.trigger.end
                      and d.code is not None and d.dropped is None and not d.speech), None)
        if coded is not None or (analysis.tokens[index].pos_ == "VERB" and not uncoded_trigger(index)):
            return coded
    return None


def earlier_in_clause(analysis: SentenceAnalysis, decision: Decision, decisions: list[Decision]) -> Decision | None:
    """Without a parse, as in TABARI, a clause codes one action per actor: a later trigger of the same source
    with no conjunction between it and a coded one ("clashed over the efforts ... during a brief visit") is part
    of that action; another actor's deed stays an event ("mengecam serangan Israel terhadap Gaza")."""
    start, clause = decision.trigger.start, analysis.clause_of[decision.trigger.start]
    sources = {phrase.code for phrase in decision.sources}
    # A noun event whose actor is not named at it ("was opposed by Osgiliath ... by its resumption of ties") is
    # part of the coded action before it; "mengecam serangan Israel" names the attacker: an event of its own.
    nominal = analysis.words[start].nominal
    for other in decisions:
        if other is decision or other.code is None or other.dropped is not None or other.speech:
            continue
        if sources and sources.isdisjoint(phrase.code for phrase in other.sources) and not (
                nominal and all(phrase.start < other.trigger.start for phrase in decision.sources)):
            continue
        end = other.trigger.end
        if end <= start and analysis.clause_of[other.trigger.start] == clause and not any(
                analysis.is_marked("conjunctions", i) and analysis.texts[i] != "," for i in range(end, start)):
            return other
    return None


def keep_monadic(decisions: list[Decision]) -> None:
    """Without require_dyad an actor's action needs no target ("a senior official said", coded against
    "---"); the statement is then an event of its own beside what it reports."""
    for decision in decisions:
        if decision.dropped == NO_TARGET:
            decision.dropped = None


def dominant_event_only(analysis: SentenceAnalysis, decisions: list[Decision]) -> None:
    """A verb marked dominant (TABARI's `[031!]`), once coded, is the sentence's only event: "left for Minas
    Tirith to attend meetings with Arnor" is the meeting, when that is coded at all (CODE ALL)."""
    dominant = next((d for d in decisions if d.dropped is None and d.trigger.verb.dominant), None)
    if dominant is None:
        return
    for decision in decisions:
        if decision is not dominant and decision.dropped is None:
            decision.dropped = f"'{analysis.texts[dominant.trigger.start]}' is the sentence's dominant event"


def first_event_only(decisions: list[Decision]) -> None:
    """TABARI's CODE BY SENTENCE (as KEDS did): a sentence gives its first event and no other."""
    coded = [d for d in decisions if d.dropped is None]
    for decision in coded[1:]:
        decision.dropped = "CODE BY SENTENCE: only the sentence's first event is coded"


def too_few_actors(analysis: SentenceAnalysis, config: GrammarConfig) -> bool:
    """An event needs two different actors, counting the assumed defaults (unless require_dyad is off)."""
    defaults = {code for code in (config.default_source, config.default_target) if code}
    return config.require_dyad and len({phrase.code for phrase in analysis.phrases} | defaults) < 2


def could_give_events(analysis: SentenceAnalysis, config: GrammarConfig) -> bool:
    """Whether `decide_sentence` could keep an event here. Without a parse a sentence has as many different
    actors as with one, or more (the parse only drops "military aid" and joins "X's awful minister"); with
    forwarding, a pronoun may still bring the previous sentence's actor."""
    return bool(analysis.triggers) and not analysis.discarded and (
        not too_few_actors(analysis, config) or (config.forward and bool(analysis.marks.get("pronouns"))))


def claimed_words(analysis: SentenceAnalysis, decision: Decision) -> set[int]:
    """The words a decision's pattern takes from other triggers. With a parse, a speech verb takes no verb: in
    "told Xinhua that rebels attacked a police post" its pattern "* attack" must not swallow the attack it
    reports, which is coded in its stead ("claimed responsibility for an attack" keeps its noun)."""
    used = decision.hit.used_tokens if decision.hit else set()
    if decision.speech and analysis.parsed:
        return {i for i in used if i in range(decision.trigger.start, decision.trigger.end)
                or analysis.tokens[i].pos_ != "VERB"}
    return used


def decide_sentence(analysis: SentenceAnalysis, config: GrammarConfig) -> list[Decision]:
    if too_few_actors(analysis, config):
        return [Decision(trigger, None, dropped=FEWER_THAN_TWO_ACTORS) for trigger in analysis.triggers]
    decisions: list[Decision] = []
    claims: list[set[int]] = []  # per decision, the words its pattern took
    consumed: set[int] = set()
    for trigger in analysis.triggers:
        if trigger.start in consumed:  # a word of an earlier pattern ("sanctions" in "imposed sanctions")
            continue
        decision = decide(analysis, trigger, config)
        claims.append(claimed_words(analysis, decision))
        consumed |= claims[-1]
        decisions.append(decision)
    for decision in decisions:  # a later trigger may have consumed an earlier one
        if decision.dropped is None and decision.hit and decision.hit.pattern is None and any(
                other is not decision and decision.trigger.start in claim
                for other, claim in zip(decisions, claims, strict=True)):
            decision.dropped = "part of another pattern"
    for decision in decisions:
        if decision.dropped == NO_TARGET and len(decision.sources) > 1 and decision.code.startswith(
                config.reciprocal):
            decision.targets, decision.dropped = decision.sources, None  # "X and Y signed a treaty"
    for decision in decisions:
        governor = governing_decision(analysis, decision, decisions, config.parsed)
        if governor is None and config.parsed:
            governor = preceding_verb_decision(analysis, decision, decisions)
        elif governor is None:
            governor = earlier_in_clause(analysis, decision, decisions)
        if decision.dropped is None and governor is not None and config.code_by != "all":
            decision.dropped = f"content of '{analysis.texts[governor.trigger.start]}', not an event itself"
    if not config.require_dyad:
        keep_monadic(decisions)
    reported = [d for d in decisions if d.dropped is None and not d.speech]
    for decision in decisions:
        if decision.dropped is None and decision.speech and reported and config.require_dyad:
            decision.dropped = "speech verb: the reported event is coded instead"
    dominant_event_only(analysis, decisions)
    if config.code_by == "sentence":
        first_event_only(decisions)
    for decision in decisions:
        if decision.dropped is None and decision.future and config.intent_code:
            decision.code = config.intent_code(decision.code) or decision.code
            if decision.reverse:
                decision.reverse = config.intent_code(decision.reverse) or decision.reverse
    return decisions
