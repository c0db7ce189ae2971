"""Who did what to whom: choose source and target phrases for each trigger.

Two ways: positional rules over clauses (TABARI-style; Indonesian and fast English) and the dependency parse
(English with spaCy's parser), which falls back to the rules where the parse offers nothing to go on.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Token

from coder.analysis import ActorPhrase, SentenceAnalysis, Trigger
from coder.grammar.patterns import PatternHit, choose_pattern
from coder.languages import Language

MODIFIER_WINDOW = 3  # negation/future words this close before the verb apply to it
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
OBJECT_DEPS = ("dobj", "dative", "obj", "iobj", "oprd")
CLIMB_DEPS = ("conj", "xcomp")
NO_TARGET = "no target actor"
NO_EVENT = "---"  # the code of a blocking pattern
PLURAL_PRONOUNS = ("they", "them", "mereka")


@dataclass(frozen=True)
class GrammarConfig:
    """What the grammar needs besides the sentence: the language, its word lists, whether Docs are parsed,
    the code prefixes whose targets may be places ("shelled towns in Ukraine") or that are reciprocal, and
    the intent-code lookup for future wording, and the actors to assume where a sentence names none (TABARI's
    DEFAULT: a corpus of one country's press)."""

    language: Language
    words: dict[str, set[str]]
    parsed: bool
    place_roots: tuple[str, ...] = ()
    reciprocal: tuple[str, ...] = ()  # code prefixes coded both ways between compound partners
    intent_code: Callable[[str], str | None] | None = None
    default_source: str | None = None
    default_target: str | None = None
    require_dyad: bool = True  # False (PETRARCH's require_dyad option): an event may lack its target
    default_source_prior: bool = True  # False (TABARI's DEFAULT without PRIOR): a source may follow the verb
    default_target_after: bool = True  # False (DEFAULT without AFTER): a target may stand before the verb
    forward: bool = False  # TABARI's FORWARD: a pronoun may stand for the previous sentence's first actor
    code_by: str = "clause"  # TABARI's SET: CODE BY CLAUSE (default), CODE BY SENTENCE ("sentence"), CODE ALL ("all")


@dataclass
class Decision:
    """What the grammar made of one trigger; `dropped` says why it gave no event."""

    trigger: Trigger
    hit: PatternHit | None
    code: str | None = None
    method: str = "positional"
    voice: str = "active"
    negated: bool = False
    future: bool = False
    speech: bool = False
    sources: list[ActorPhrase] = field(default_factory=list)
    targets: list[ActorPhrase] = field(default_factory=list)
    dropped: str | None = None
    reverse: str | None = None  # code of the counterpart event, each target to each source
    compound: bool = False  # sources and targets are one compound whose partners act on each other (`%`)


def clause_start(analysis: SentenceAnalysis, index: int) -> int:
    clause = analysis.clause_of[index]
    start = index
    while start > 0 and analysis.clause_of[start - 1] == clause:
        start -= 1
    return start


def modifier_before(analysis: SentenceAnalysis, name: str, trigger: Trigger, pattern_words: set[int]) -> bool:
    """A negation/future word just before the verb, unless the matched pattern spells it out itself
    ("did not * +" is its own code)."""
    clause = analysis.clause_of[trigger.start]
    return any(
        trigger.start - MODIFIER_WINDOW <= mark.end <= trigger.start and analysis.clause_of[mark.start] == clause
        and not pattern_words & set(range(mark.start, mark.end))
        for mark in analysis.marks.get(name, ())
    )


def is_locative(analysis: SentenceAnalysis, phrase: ActorPhrase, pattern_words: set[int] = frozenset()) -> bool:
    """"in Moscow", "di Moskow": a place where something happened, not a participant, unless the verb's
    pattern names the preposition itself ("arrived in + for talks")."""
    index = phrase.start - 1
    while index >= 0 and analysis.is_marked("skip_words", index):
        index -= 1
    return index >= 0 and analysis.is_marked("location_prepositions", index) and index not in pattern_words


def conjuncts(analysis: SentenceAnalysis, first: ActorPhrase,
              allowed: set[int] | None = None) -> list[ActorPhrase]:
    """The phrase and those joined to it by conjunctions: "Russia and China", "Indonesia, Malaysia, dan China"."""
    if first.refers_to is not None:  # "they": every partner of a compound antecedent
        group = conjuncts(analysis, first.refers_to) if first.text.lower() in PLURAL_PRONOUNS else []
        return group if len(group) > 1 else [first]
    group, comma_only = [first], []
    phrases = analysis.phrases
    index = phrases.index(first)
    while index + 1 < len(phrases):
        current, following = phrases[index], phrases[index + 1]
        gap = range(current.end, following.start)
        linked = (any(analysis.is_marked("conjunctions", i) for i in gap) and all(
            analysis.is_marked("conjunctions", i) or analysis.is_marked("skip_words", i)
            or _describing_word(analysis, i) for i in gap)
        ) or _parsed_conjunct(analysis, current, following)
        if not linked or following.speaker or (allowed is not None and following.start not in allowed):
            break
        group.append(following)
        comma_only.append(all(analysis.texts[i] == "," for i in gap))
        index += 1
    # "A, B and C" is a list; "A, B" alone is usually an apposition or a new phrase: drop trailing comma links.
    while comma_only and comma_only[-1]:
        comma_only.pop()
        group.pop()
    share_role(group)
    return group


def _describing_word(analysis: SentenceAnalysis, index: int) -> bool:
    """A lower-case adjective, noun or determiner may stand between a conjunction and the next partner:
    "Fornost and the evil awful Gondor", "Russia and its ally Belarus". Without a parse, a lower-case word
    that is no trigger and in no word list ("di", "after") counts."""
    token = analysis.tokens[index]
    if analysis.parsed:
        return token.is_lower and token.pos_ in ("ADJ", "NOUN", "DET", "ADV", "NUM")
    return (token.is_alpha and token.is_lower and not any(index in marked for marked in analysis.marked_tokens.values())
            and not any(t.start <= index < t.end for t in analysis.triggers))


def _parsed_conjunct(analysis: SentenceAnalysis, current: ActorPhrase, following: ActorPhrase) -> bool:
    """With a parse, "Fornost and the evil awful Gondor" is a conjunction whatever stands between."""
    if not analysis.parsed:
        return False
    head = analysis.tokens[following.end - 1]
    return head.dep_ == "conj" and current.start <= head.head.i - analysis.span.start < current.end


def share_role(group: list[ActorPhrase]) -> None:
    """"Chinese and Russian warships", "the ambassadors of Arnor, Osgiliath and Gondor": the one role word
    of a list of countries applies to each of them."""
    with_role = [p for p in group if p.agents and len(p.code) > 3]
    if len(with_role) != 1 or with_role[0] not in (group[0], group[-1]):
        return
    sectors = with_role[0].code[3:]
    for phrase in group:
        if phrase is not with_role[0] and len(phrase.code) == 3 and phrase.country_known:
            phrase.code += sectors


def subject_before(analysis: SentenceAnalysis, trigger: Trigger, exclude: set[int],
                   places: bool = False) -> ActorPhrase | None:
    """The first participant of the trigger's clause; else the nearest one before the clause (relative
    clauses, "X said it would ..."). `places` admits "di Kharkiv" (a passive's attacked place)."""
    start = clause_start(analysis, trigger.start)
    candidates = [p for p in analysis.phrases if p.end <= trigger.start and p.start not in exclude]
    in_clause = [p for p in candidates if p.start >= start and (places or not is_locative(analysis, p))]
    if in_clause:
        return in_clause[0]
    inside = analysis.parenthetical_of(trigger.start)
    earlier = [p for p in candidates if p.end <= start and not is_locative(analysis, p)
               and analysis.parenthetical_of(p.start) in (None, inside)]
    return earlier[-1] if earlier else None


def first_after(analysis: SentenceAnalysis, begin: int, end: int | None, clause: int, exclude: set[int],
                anchored: bool = False, places: bool = False, avoid: str | None = None) -> ActorPhrase | None:
    """The first participant from `begin` on in the clause, other than one coded `avoid` (the source:
    "... senilai 61 miliar dolar AS untuk Ukraina"); not a place ("di Asia") unless a pattern or
    `places` says so."""
    for phrase in analysis.phrases:
        if phrase.start < begin or phrase.start in exclude or phrase.speaker or phrase.code == avoid:
            continue
        if not places and is_locative(analysis, phrase, exclude) and not (anchored and phrase.start - 1 < begin):
            continue  # a place, unless the pattern itself ends with the preposition ("* in +")
        if (end is not None and phrase.start >= end) or analysis.clause_of[phrase.start] != clause:
            continue
        return phrase
    return None


def positional_roles(analysis: SentenceAnalysis, decision: Decision, config: GrammarConfig) -> None:
    trigger, hit = decision.trigger, decision.hit
    clause = analysis.clause_of[trigger.start]
    used = hit.used_tokens if hit else set()
    places = bool(decision.code) and decision.code.startswith(config.place_roots)
    if decision.voice == "passive":
        agent_marks = [m for m in analysis.marks.get("passive_agent", ())
                       if m.start >= trigger.end and analysis.clause_of[m.start] == clause]
        source = first_after(analysis, agent_marks[0].end, None, clause, used) if agent_marks else None
        target = subject_before(analysis, trigger, used) or subject_before(analysis, trigger, used, places=True)
    else:
        source = None
        if hit and hit.source_from is not None:
            source = first_after(analysis, hit.source_from, hit.source_to, clause, used, anchored=True)
        elif hit and hit.source_to is not None:
            source = last_before(analysis, hit.source_to, clause, used)
        source = source or subject_before(analysis, trigger, used)
        avoid = source.code if source else None
        exclude = used | ({source.start} if source else set())
        if hit and hit.target_from is not None:
            target = first_after(analysis, hit.target_from, hit.target_to, clause, exclude, anchored=True,
                                 avoid=avoid)
            for _ in range(hit.target_skip if target is not None else 0):
                target = first_after(analysis, target.end, hit.target_to, clause, exclude, avoid=avoid)
                if target is None:
                    break
        elif hit and hit.target_to is not None:  # "+ is responsible for *": the slot stands before the verb
            target = last_before(analysis, hit.target_to, clause, exclude)
        else:  # the object of this verb stands before the next verb of the clause
            limit = next_verb(analysis, trigger, used)
            target = (first_after(analysis, trigger.end, limit, clause, exclude, avoid=avoid)
                      or _named_by_pattern(analysis, trigger, used, avoid)
                      or (first_after(analysis, trigger.end, limit, clause, exclude, places=True, avoid=avoid)
                          if places else None))
    decision.sources = conjuncts(analysis, source) if source else []
    decision.targets = conjuncts(analysis, target) if target else []


def next_verb(analysis: SentenceAnalysis, trigger: Trigger, used: set[int]) -> int | None:
    """Where the next verb trigger after this one starts (nouns made from verbs, or with a parse any trigger
    word not tagged a verb, do not count: "signed an accord on Thursday to supply Gondor", "marched very close
    to the border with Mordor"). An auxiliary among the words of the trigger's pattern is part of that phrase
    ("death toll has risen")."""
    inside = range(trigger.end, max(used, default=0))
    return min((t.start for t in analysis.triggers if t.start >= trigger.end and t.start not in used
                and not (t.start in inside and analysis.parsed and analysis.tokens[t.start].pos_ == "AUX")
                and not analysis.words[t.start].nominal
                and not (analysis.parsed and analysis.tokens[t.start].pos_ not in ("VERB", "AUX"))), default=None)


def last_before(analysis: SentenceAnalysis, end: int, clause: int, exclude: set[int]) -> ActorPhrase | None:
    """The participant closest before a pattern slot's right edge, in the clause."""
    found = [p for p in analysis.phrases if p.end <= end and p.start not in exclude
             and analysis.clause_of[p.start] == clause and not p.speaker]
    return found[-1] if found else None


def _named_by_pattern(analysis: SentenceAnalysis, trigger: Trigger, used: set[int],
                      avoid: str | None) -> ActorPhrase | None:
    """A pattern that spells out its object ("* negara palestina") names the target itself."""
    for phrase in analysis.phrases:
        if phrase.start >= trigger.end and phrase.code != avoid and used & set(range(phrase.start, phrase.end)):
            return phrase
    return None


def _subject_of(verb: Token, relative_markers: set[str],
                names_someone: Callable[[Token], bool] | None = None) -> tuple[Token | None, Token]:
    """The subject token of a verb, climbing through conjoined and controlled verbs.

    Object control comes first: in "urged Iran to stop" and "accused Iran of supplying" Iran is the one
    who stops or supplies. An object that `names_someone` says names no one controls nothing: in "Arnor is
    inching closer to accord with Gondor" Arnor accords.
    """
    current = verb
    for _ in range(4):
        subjects = [child for child in current.children if child.dep_ in SUBJECT_DEPS]
        if subjects:
            subject = subjects[0]
            if subject.lower_ in relative_markers and current.dep_ == "relcl":
                return current.head, current  # "the rebels who attacked": the rebels
            return subject, current
        governor = current.head
        if current.dep_ == "pcomp" and governor.dep_ == "prep":
            governor = governor.head
        elif current.dep_ not in CLIMB_DEPS or governor.i == current.i:
            break
        if current.dep_ != "conj":
            objects = [child for child in governor.children if child.dep_ in ("dobj", "obj")]
            if objects and (names_someone is None or names_someone(objects[0])) and not _passive_clause(governor):
                return objects[0], current
        current = governor
    return None, current


def _controlled(verb: Token, clause_verb: Token) -> bool:
    """"Gollum was seen to break into ...": the passive is the governing verb's; the subject does the breaking."""
    token = verb  # spaCy makes a new Token object at each access: compare positions, never identities
    while token.i != clause_verb.i and token.head.i != token.i:
        if token.dep_ == "xcomp":
            return True
        token = token.head
    return False


def _phrases_in(analysis: SentenceAnalysis, tokens: set[int], speakers: bool = False) -> list[ActorPhrase]:
    return [phrase for phrase in analysis.phrases if phrase.start in tokens and (speakers or not phrase.speaker)]


def _subtree(analysis: SentenceAnalysis, token: Token) -> set[int]:
    return analysis.subtree(token.i - analysis.span.start)


def action_word(analysis: SentenceAnalysis, trigger: Trigger) -> Token:
    """The word of a trigger that carries the action: with a parse, its first verb ("wire tapped": tapped)."""
    words = analysis.tokens[trigger.start:trigger.end]
    if analysis.parsed:
        return next((word for word in words if word.pos_ in ("VERB", "AUX")), words[0])
    return words[0]


def dependency_roles(analysis: SentenceAnalysis, decision: Decision, config: GrammarConfig) -> None:
    """Roles from the parse: subject/agent, objects and prepositional objects of the trigger verb."""
    trigger, hit = decision.trigger, decision.hit
    verb = action_word(analysis, trigger)
    offset = analysis.span.start
    language_words = config.words
    subject, clause_verb = _subject_of(verb, language_words["relative_markers"],
                                       lambda token: bool(_phrases_in(analysis, _subtree(analysis, token))))
    if subject is None:
        positional_roles(analysis, decision, config)
        return
    decision.method = "dependency"
    used = hit.used_tokens if hit else set()
    passive = _passive_clause(clause_verb) and not _controlled(verb, clause_verb)
    decision.voice = "passive" if passive else "active"
    if clause_verb.dep_ == "relcl" and subject.i == clause_verb.head.i:
        subject_tokens = {i for i in _subtree(analysis, subject) if i < clause_verb.i - offset}
    else:
        subject_tokens = _subtree(analysis, subject)
        if subject.head.i == clause_verb.i:  # "Lions, tigers, and Gondor welcomed": a list parsed as two subjects
            for other in clause_verb.children:
                if other.dep_ == subject.dep_ and other.i != subject.i:
                    subject_tokens |= _subtree(analysis, other)
    agent_tokens: set[int] = set()
    object_tokens: list[set[int]] = []
    place_tokens: list[set[int]] = []
    words = analysis.tokens[trigger.start:trigger.end]  # "wire tap the links": objects of any trigger word
    children = [child for word in words for child in word.children if child not in words or child.dep_ == "prep"]
    # "arrived back in Gondor", "went back to Kyiv": a phrase hanging on the verb's adverb is the verb's
    children += [grand for child in children if child.dep_ in ("advmod", "prt") for grand in child.children
                 if grand.dep_ == "prep"]
    for child in children:
        if child.dep_ == "agent":
            agent_tokens |= _subtree(analysis, child)
        elif child.dep_ == "prep" and child.lower_ in language_words["location_prepositions"]:
            place_tokens.append(_subtree(analysis, child))
        elif child.dep_ in OBJECT_DEPS or (child.dep_ == "prep" and (
                child.lower_ not in language_words["location_prepositions"] or child.i - offset in used)):
            object_tokens.append(_subtree(analysis, child))
    if passive:
        source_sets, target_sets = [agent_tokens], [subject_tokens]
    else:
        source_sets, target_sets = [subject_tokens], sorted(object_tokens, key=min)
    if hit and hit.target_from is not None and not passive:
        end = hit.target_to if hit.target_to is not None else len(analysis.tokens)
        slot = set(range(hit.target_from, end)) & _subtree(analysis, verb)
        for _ in range(hit.target_skip):  # `^ +`: past the first participant of the slot
            skipped = next((p for p in analysis.phrases if p.start in slot), None)
            slot = {i for i in slot if skipped is None or i >= skipped.end}
        target_sets = [slot]
    decision.sources = _first_group(analysis, source_sets, used, speakers=decision.speech)
    # After `^` skips, the pattern has placed the target itself, even "in Eriador".
    placed_words = set(range(len(analysis.tokens))) if hit and hit.target_skip else used
    decision.targets = _first_group(analysis, target_sets, placed_words, exclude={p.start for p in decision.sources})
    if not decision.targets and not passive:  # TABARI's rule: the first actor after the verb in its clause
        exclude = used | {p.start for p in decision.sources}
        target = first_after(analysis, trigger.end, next_verb(analysis, trigger, used),
                             analysis.clause_of[trigger.start], exclude,
                             avoid=decision.sources[0].code if decision.sources else None)
        decision.targets = conjuncts(analysis, target) if target else []
    if not decision.targets and not passive and decision.code and decision.code.startswith(config.place_roots):
        everything = set(range(len(analysis.tokens)))  # places allowed: "killed two people in Kyiv"
        decision.targets = _first_group(analysis, sorted(object_tokens + place_tokens, key=min), everything,
                                        exclude={p.start for p in decision.sources})


def _first_group(analysis: SentenceAnalysis, token_sets: list[set[int]], pattern_words: set[int],
                 exclude: set[int] = frozenset(), speakers: bool = False) -> list[ActorPhrase]:
    """The first actor of the first token set holding one, with its conjuncts; `speakers` admits the speaker
    of an attribution (the source of "said" itself)."""
    for tokens in token_sets:
        found = [p for p in _phrases_in(analysis, tokens, speakers)
                 if p.start not in exclude and not is_locative(analysis, p, pattern_words)]
        if found:
            return conjuncts(analysis, found[0], allowed=tokens)
    return []


def decide(analysis: SentenceAnalysis, trigger: Trigger, config: GrammarConfig) -> Decision:
    """Pattern, voice, negation, future and roles for one trigger."""
    parsed = config.parsed
    hit = choose_pattern(analysis, trigger)
    decision = Decision(trigger, hit)
    if hit is None:
        decision.dropped = "no pattern matched and the verb has no default code"
        return decision
    if hit.code == NO_EVENT:
        decision.dropped = f"pattern '{hit.pattern.text}' says this is no event"
        return decision
    word = action_word(analysis, trigger)
    if parsed and (word.dep_ == "amod" or word.pos_ in ("ADJ", "ADV", "ADP", "DET", "NUM")):
        decision.dropped = f"'{word.text}' is used as a {word.pos_.lower()} here, not as an action"
        return decision
    if parsed and word.dep_ == "poss":  # "Estonia donate's cash": a word with a possessive 's names an owner
        decision.dropped = f"'{word.text}' is a possessor here, not an action"
        return decision
    if hit.pattern is None and (analysis.words[trigger.start].nominal or (
            parsed and word.pos_ in ("NOUN", "PROPN") and not _verb_read_as_noun(analysis, word))):
        decision.dropped = "a noun codes only through a pattern (\"serangan udara\", \"sanctions on +\")"
        return decision
    decision.code, decision.reverse = hit.code, hit.reverse
    # A pattern that spells out a negation ("neither *") codes the negated act; "nor" is part of it.
    decision.negated = modifier_before(analysis, "negation", trigger, hit.used_tokens) and not any(
        analysis.is_marked("negation", index) for index in hit.used_tokens)
    decision.future = modifier_before(analysis, "future", trigger, hit.used_tokens)
    decision.speech = any(m.start <= trigger.start < m.end for m in analysis.marks.get("attribution", ()))
    passive = _passive_form(analysis, trigger) or _english_passive(analysis, trigger)
    if parsed and not passive and hit.source_from is not None:
        passive = _parsed_passive(analysis, trigger, config)
    # "+ * from $" on a passive verb ("was freed from $"), or naming a participant rather than a place after
    # an active one ("hosting + ... with $"): the pattern itself says who acted on whom.
    placed = hit.source_from is not None and (passive or _names_participant(analysis, trigger, hit))
    if passive and not placed:
        decision.voice = "passive"
    if parsed and not placed and word.pos_ in ("VERB", "AUX"):
        dependency_roles(analysis, decision, config)
    else:
        positional_roles(analysis, decision, config)
    if hit.compound_from is not None or hit.compound_to is not None:
        decision.sources = decision.targets = compound_partners(analysis, trigger, hit)
        decision.compound = True
    if config.default_source or config.default_target:
        roles_without_prior_or_after(decision, config)
    if not decision.sources and config.default_source:
        decision.sources = [ActorPhrase(trigger.start, trigger.start, "", [], [], config.default_source)]
    if not decision.targets and config.default_target:
        decision.targets = [ActorPhrase(trigger.end, trigger.end, "", [], [], config.default_target)]
    if decision.negated:
        decision.dropped = "negated"
    elif not decision.sources:
        decision.dropped = "no source actor"
    elif not decision.targets:
        decision.dropped = NO_TARGET
    return decision


def roles_without_prior_or_after(decision: Decision, config: GrammarConfig) -> None:
    """TABARI's DEFAULT without PRIOR: with no source before the verb, the first actor after it is the source
    ("Fxrnost is about to restore ties with Gondor and Bree": GON -> BRE) before the default is assumed;
    without AFTER, a compound source's second partner is the missing target."""
    if config.default_source and not config.default_source_prior and not decision.sources and decision.targets:
        decision.sources, decision.targets = decision.targets[:1], decision.targets[1:]
    if config.default_target and not config.default_target_after and not decision.targets and decision.sources:
        decision.sources, decision.targets = decision.sources[:1], decision.sources[1:]


def _verb_read_as_noun(analysis: SentenceAnalysis, word: Token) -> bool:
    """"Estonia departs from Libya", "Estonia arms Libya": the parse heads the sentence (or the clause a
    speaker reports) with the trigger as a noun, right after an actor; that is where the verb of "X acts on Y"
    stands, and a clause needs a verb. So is a trigger standing right between two actors ("Estonia arms
    Libya")."""
    index = word.i - analysis.span.start
    if not any(phrase.end == index and phrase.actors for phrase in analysis.phrases):
        return False
    return (word.dep_ in ("ROOT", "ccomp", "dep")  # "dep": the parse could not place the word at all
            or any(phrase.start == index + 1 and phrase.actors for phrase in analysis.phrases))


def _names_participant(analysis: SentenceAnalysis, trigger: Trigger, hit: PatternHit) -> bool:
    """The pattern's source slot holds an actor that is not a place ("in Tehran" is where, not who)."""
    phrase = first_after(analysis, hit.source_from, hit.source_to, analysis.clause_of[trigger.start],
                         hit.used_tokens, anchored=True)
    return phrase is not None and not is_locative(analysis, phrase)


def compound_partners(analysis: SentenceAnalysis, trigger: Trigger, hit: PatternHit) -> list[ActorPhrase]:
    """The compound in a pattern's `%` slot: the first one after the verb, or the one nearest before it."""
    clause = analysis.clause_of[trigger.start]
    start = hit.compound_from if hit.compound_from is not None else 0
    end = hit.compound_to if hit.compound_to is not None else len(analysis.tokens)
    found: list[ActorPhrase] = []
    for phrase in analysis.phrases:
        if not (start <= phrase.start and phrase.end <= end and analysis.clause_of[phrase.start] == clause):
            continue
        if phrase in found:
            continue
        group = conjuncts(analysis, phrase)
        if len(group) > 1:
            found = group
            if hit.compound_from is not None:
                break
    return found


def _parsed_passive(analysis: SentenceAnalysis, trigger: Trigger, config: GrammarConfig) -> bool:
    """The parse shows a passive clause around the verb ("Gollum was seen to break in ...")."""
    verb = action_word(analysis, trigger)
    _, clause_verb = _subject_of(verb, config.words.get("relative_markers", set()))
    return _passive_clause(clause_verb)


def _passive_clause(clause_verb: Token) -> bool:
    return any(child.dep_ in ("nsubjpass", "auxpass") for child in clause_verb.children)


def _passive_form(analysis: SentenceAnalysis, trigger: Trigger) -> bool:
    """A passive verb form as the trigger or as the light verb just before it ("diberi sanksi"), or a form
    whose subject is the one it happens to ("tiga tentara tewas": three soldiers died)."""
    if analysis.words[trigger.start].passive or analysis.is_marked(
            "undergoer_forms", trigger.start):
        return True
    before = trigger.start - 1
    return (before >= 0 and analysis.clause_of[before] == analysis.clause_of[trigger.start]
            and analysis.words[before].passive
            and any(mark.start >= trigger.end for mark in analysis.marks.get("passive_agent", ())))


def _english_passive(analysis: SentenceAnalysis, trigger: Trigger) -> bool:
    """"was attacked by": an auxiliary just before an inflected verb form, with an agent marker after it."""
    auxiliaries = analysis.marks.get("passive_auxiliaries", ())
    if not auxiliaries:
        return False
    before = any(trigger.start - 2 <= mark.end <= trigger.start for mark in auxiliaries)
    word = analysis.tokens[trigger.start]
    inflected = analysis.stream[trigger.stream_start][0] != word.lower_
    agent_after = any(mark.start >= trigger.end for mark in analysis.marks.get("passive_agent", ()))
    return before and inflected and agent_after
