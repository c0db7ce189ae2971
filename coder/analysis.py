"""One sentence, matched against the dictionaries: actor phrases, verb triggers, function words, clauses.

This is the shared ground of both grammars: the dependency grammar (English with a parser) and the
positional grammar (Indonesian, and English without a parser) read the same analysis.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property

from spacy.attrs import HEAD
from spacy.tokens import Span, Token

from coder.dictionaries import Dictionaries
from coder.dictionaries.model import ActorEntry, AgentEntry, VerbEntry
from coder.events import UNKNOWN_ACTOR
from coder.languages import Language
from coder.lexicon import WordInfo
from coder.phrases import PhraseMatch, PhraseTrie

POSSESSIVES = ("'s", "’s", "'", "’")
OUT_OF_OFFICE = "ELI"  # CAMEO elite: what dictionaries give people outside their dated offices
MODIFIER_DEPS = ("amod", "compound", "nmod")


@dataclass
class ActorPhrase:
    """A run of actor and agent mentions naming one participant: "Myanmar's military chief Min Aung Hlaing"."""

    start: int  # token offsets within the sentence, end exclusive
    end: int
    text: str
    actors: list[ActorEntry]
    agents: list[AgentEntry]
    code: str = UNKNOWN_ACTOR  # resolved for the document date; "---MIL" when only an agent named it
    inferred: bool = False
    speaker: bool = False  # the speaker of an attribution ("..., kata X"): never a target
    refers_to: ActorPhrase | None = None  # a pronoun's antecedent
    former: bool = False  # "former officials": out of office, an elite (ELI) instead of the role
    forwarded: bool = False  # a pronoun standing for the previous sentence's first actor (TABARI's FORWARD)

    @property
    def country_known(self) -> bool:
        return not self.code.startswith(UNKNOWN_ACTOR)

    @property
    def sectors(self) -> str:
        return self.code[3:]

    @property
    def origin(self) -> str:
        return "; ".join([actor.origin for actor in self.actors] + [agent.origin for agent in self.agents])


@dataclass
class Trigger:
    """A verb-dictionary trigger found in the sentence; `stream_*` index the verb-key stream."""

    start: int
    end: int
    stream_start: int
    stream_end: int
    verb: VerbEntry


@dataclass
class SentenceAnalysis:
    span: Span
    index: int
    lang: str
    tokens: list[Token]
    texts: list[str]  # token texts (reading them off spaCy tokens again is slow)
    words: list[WordInfo]
    lowers: list[str]
    stream: list[tuple[str, int]]  # verb keys with the token each came from
    marks: dict[str, list[PhraseMatch[str]]]
    clause_of: list[int]
    phrases: list[ActorPhrase]
    triggers: list[Trigger]
    discarded: str | None = None
    parentheticals: list[tuple[int, int]] = field(default_factory=list)
    parsed: bool = False  # the tokens carry a dependency parse

    @cached_property
    def text(self) -> str:
        return self.span.text.strip()

    def parenthetical_of(self, index: int) -> int | None:
        """Start of the bracketed or dash-delimited insert holding the token ("X — yang ... — Y"), if any."""
        for start, end in self.parentheticals:
            if start <= index < end:
                return start
        return None

    def is_marked(self, name: str, index: int) -> bool:
        return index in self.marked_tokens.get(name, ())

    @cached_property
    def marked_tokens(self) -> dict[str, frozenset[int]]:
        """Token offsets covered by each word list's matches."""
        return {name: frozenset(i for mark in marks for i in range(mark.start, mark.end))
                for name, marks in self.marks.items()}

    @cached_property
    def key_positions(self) -> dict[str, list[int]]:
        """Stream positions of each verb key, in order: patterns look words up here."""
        positions: dict[str, list[int]] = {}
        for position, (key, _) in enumerate(self.stream):
            positions.setdefault(key, []).append(position)
        return positions

    @cached_property
    def _children(self) -> list[list[int]]:
        """Dependents of each span position (parse heads read once as an array, not token by token)."""
        start, end = self.span.start, self.span.end
        relative = self.span.doc.to_array([HEAD])[start:end].view("int64").tolist()
        children: list[list[int]] = [[] for _ in relative]
        for position, step in enumerate(relative):
            head = position + step
            if step and 0 <= head < len(children):
                children[head].append(position)
        return children

    def subtree(self, position: int) -> set[int]:
        """Span positions of a token and everything under it in the parse (spaCy's `Token.subtree`)."""
        children, found, stack = self._children, {position}, [position]
        while stack:
            for child in children[stack.pop()]:
                if child not in found:
                    found.add(child)
                    stack.append(child)
        return found

    @cached_property
    def present_keys(self) -> frozenset[str]:
        return frozenset(self.key_positions)

    def stream_token(self, position: int) -> int:
        """Token index of a stream position; the end of the stream maps to the end of the sentence."""
        return self.stream[position][1] if position < len(self.stream) else len(self.tokens)


PAIRED_DASHES = ("—", "--", "–")
RARE_TEXTS = frozenset((*POSSESSIVES, *PAIRED_DASHES, ")"))  # words that need the slower steps below


def find_parentheticals(texts: list[str]) -> list[tuple[int, int]]:
    """Token ranges inside (...) and inside a pair of dashes."""
    found, opened, dash = [], None, None
    for index, text in enumerate(texts):
        if text == "(":
            opened = index
        elif text == ")" and opened is not None:
            found.append((opened, index + 1))
            opened = None
        elif text in PAIRED_DASHES:
            if dash is None:
                dash = index
            else:
                found.append((dash, index + 1))
                dash = None
    return found


def find_words(trie: PhraseTrie[frozenset[str]] | None, lowers: list[str]) -> dict[str, list[PhraseMatch[str]]]:
    """Grammar words by list name ("negation", "future", ...), each match carrying the phrase found."""
    marks: dict[str, list[PhraseMatch[str]]] = {}
    if trie is None:
        return marks
    for match in trie.find_all_keys(lowers):
        found = PhraseMatch(match.start, match.end, " ".join(lowers[match.start:match.end]))
        for name in match.value:
            marks.setdefault(name, []).append(found)
    return marks


def clause_numbers(length: int, marks: dict[str, list[PhraseMatch[str]]]) -> list[int]:
    """Clause number of each token: clause breaks and attribution markers start a new clause."""
    starts = {mark.start for name in ("clause_breaks", "attribution") for mark in marks.get(name, ())}
    starts.discard(0)
    if not starts:
        return [0] * length
    numbers, clause = [], 0
    for index in range(length):
        if index in starts:
            clause += 1
        numbers.append(clause)
    return numbers


def mentions(dictionaries: Dictionaries, lang: str, words: list[WordInfo]) -> list[PhraseMatch]:
    """Actor and agent mentions, longest first; on equal length the actor wins."""
    alternatives = [word.actor_keys for word in words]
    tries = [trie for trie in (dictionaries.actors.get(lang), dictionaries.agents.get(lang)) if trie is not None]
    found, position = [], 0
    for start, word in enumerate(words):
        if start < position or not word.starts_mention:
            continue
        best = None
        for trie in tries:
            match = trie.longest_at(alternatives, start)
            if match is not None and (best is None or match.end > best.end):
                best = match
        if best is not None:
            found.append(best)
            position = best.end
    return found


def described_possessor(sentence_tokens: list[Token], texts: list[str], gap: range) -> bool:
    """With a parse, "Ithilen's awful and evil minister": describing words after a possessive still leave
    the minister Ithilen's."""
    return (len(gap) > 1 and texts[gap[0]] in POSSESSIVES
            and all(sentence_tokens[i].pos_ in ("ADJ", "ADV", "CCONJ") for i in gap[1:]))


def group_phrases(sentence_tokens: list[Token], texts: list[str], found: list[PhraseMatch], skip: set[int],
                  joiners: set[int], former: frozenset[int] = frozenset()) -> list[ActorPhrase]:
    """Merge mentions separated only by skip words or possessives into one participant; a role word alone
    also takes the country after "in"/"from" ("lawmakers in Fornost", "soldiers from Gondor"). A "former"
    before or inside the participant marks it out of office ("Arnor former security officials")."""
    phrases: list[ActorPhrase] = []
    for match in found:
        previous = phrases[-1] if phrases else None
        gap = range(previous.end, match.start) if previous else range(0)
        allowed = (skip | joiners if previous is not None and not previous.actors else skip) | former
        joinable = previous is not None and (all(
            index in allowed or texts[index] in POSSESSIVES for index in gap)
            or described_possessor(sentence_tokens, texts, gap)) and not two_countries(previous, match, gap)
        if not joinable:
            previous = ActorPhrase(match.start, match.end, "", [], [])
            before = match.start - 1
            while before >= 0 and before in skip:
                before -= 1
            previous.former = before in former
            phrases.append(previous)
        previous.former = previous.former or any(index in former for index in gap)
        previous.end = match.end
        if isinstance(match.value, ActorEntry):
            previous.actors.append(match.value)
        else:
            previous.agents.append(match.value)
    for phrase in phrases:
        first, last = sentence_tokens[phrase.start], sentence_tokens[phrase.end - 1]
        phrase.text = first.doc[first.i:last.i + 1].text
    return phrases


def two_countries(previous: ActorPhrase, match: PhraseMatch, gap: range) -> bool:
    """"the Gondor of the Prince of Dol Amroth": two different countries with words between them are two
    participants, not one actor ("Gazprom of Russia" still is one: the company is more than a country)."""
    value = match.value
    return (len(gap) > 0 and isinstance(value, ActorEntry) and len(value.code) == 3 and bool(previous.actors)
            and all(len(actor.code) == 3 and actor.code != value.code for actor in previous.actors))


def is_role_modifier(phrase: ActorPhrase, tokens: list[Token]) -> bool:
    """With a parse: a role word that only modifies a noun ("military aid", "rebel attack") names no one."""
    if phrase.actors:
        return False
    last = tokens[phrase.end - 1]
    head = last.head
    inside = tokens[phrase.start].i <= head.i <= last.i
    return last.dep_ in MODIFIER_DEPS and not inside and head.pos_ in ("NOUN", "PROPN") and head.i > last.i


def is_expletive(tokens: list[Token], index: int, parsed: bool) -> bool:
    """With a parse, the "it" of "it is expected that": a pronoun that stands for no one."""
    return parsed and tokens[index].dep_ == "expl"


def pronoun_phrases(tokens: list[Token], phrases: list[ActorPhrase], marks: dict[str, list[PhraseMatch[str]]],
                    parsed: bool) -> list[ActorPhrase]:
    """A personal pronoun stands for the sentence's first participant before it, as in TABARI: "Calenardhon
    urged Bree to chill out and then it requested ...". Not "it" of "it is expected that" (with a parse)."""
    found = []
    for mark in marks.get("pronouns", ()):
        if is_expletive(tokens, mark.start, parsed):
            continue
        antecedent = next((p for p in phrases if p.end <= mark.start), None)
        if antecedent is None or any(p.start <= mark.start < p.end for p in phrases):
            continue
        found.append(ActorPhrase(mark.start, mark.end, tokens[mark.start].text, antecedent.actors,
                                 antecedent.agents, antecedent.code, antecedent.inferred, refers_to=antecedent))
    return found


def forward_pronouns(previous: SentenceAnalysis, analysis: SentenceAnalysis) -> None:
    """TABARI's FORWARD: a pronoun with no participant before it in its sentence ("He also asked Gondor ...")
    stands for the first actor named in the previous sentence of the story. As in TABARI only the actor is
    carried, without its agents ("Fornost President X" -> FOR), and only a named one, not a pronoun."""
    antecedent = next((p for p in previous.phrases if p.actors and p.refers_to is None and not p.forwarded
                       and p.country_known), None)
    if antecedent is None:
        return
    tokens, phrases = analysis.tokens, analysis.phrases
    added = []
    for mark in analysis.marks.get("pronouns", ()):
        if is_expletive(tokens, mark.start, analysis.parsed):
            continue
        if any(p.start <= mark.start for p in phrases):  # an antecedent in the sentence, or part of a name
            continue
        added.append(ActorPhrase(mark.start, mark.end, tokens[mark.start].text, antecedent.actors, [],
                                 antecedent.code[:3], antecedent.inferred, forwarded=True))
    if added:
        analysis.phrases = sorted(phrases + added, key=lambda p: p.start)


def resolve_code(phrase: ActorPhrase, date: str | None) -> str:
    """One code for a phrase: a person or body with sectors wins; else country plus the first agent's sectors.
    Out of office ("former"), the role gives way to ELI: "former Gondor prosecutors" -> GONELI."""
    codes = [actor.code_on(date) for actor in phrase.actors]
    specific = [code for code in codes if len(code) > 3]
    agent_sectors = phrase.agents[0].sectors if phrase.agents else ""
    if phrase.former:
        base = max(specific, key=len) if specific else codes[0] if codes else UNKNOWN_ACTOR
        return base if base.endswith(OUT_OF_OFFICE) else base + OUT_OF_OFFICE
    if specific:
        best = max(specific, key=len)
        if best.endswith(OUT_OF_OFFICE) and agent_sectors:  # "Prime Minister Viktor Orban": the title is current
            return best[:3] + agent_sectors
        return best
    if codes:
        return codes[0] + agent_sectors
    return UNKNOWN_ACTOR + agent_sectors


def find_triggers(dictionaries: Dictionaries, lang: str, stream: list[tuple[str, int]],
                  lowers: list[str] | None = None) -> list[Trigger]:
    trie = dictionaries.verbs.get(lang)
    if trie is None or not trie.size:
        return []
    matches = trie.find_all_keys([key for key, _ in stream])
    triggers = [Trigger(stream[m.start][1], stream[m.end - 1][1] + 1, m.start, m.end, m.value) for m in matches]
    forms = dictionaries.verb_forms.get(lang)
    if forms and lowers is not None:
        for trigger in triggers:
            written = " ".join(lowers[trigger.start:trigger.end])
            keys = tuple(key for key, _ in stream[trigger.stream_start:trigger.stream_end])
            trigger.verb = next((verb for words, verb in forms.get(keys, ()) if written in words), trigger.verb)
    return triggers


def inside_phrase(trigger: Trigger, phrases: list[ActorPhrase]) -> bool:
    """"States" in "United States", "berontak" in "pemberontak": a name is not an action."""
    return any(phrase.start <= trigger.start and trigger.end <= phrase.end for phrase in phrases)


def is_discarded(dictionaries: Dictionaries, lang: str, words: list[WordInfo], scope: str) -> str | None:
    trie = dictionaries.discards.get((lang, scope))
    if trie is None:
        return None
    found = trie.find_all([word.actor_keys for word in words])
    return found[0].value if found else None


DATELINE_DASHES = ("-", "—", "–", "--")
DATELINE_MAX_WORDS = 8


def dateline_end(texts: list[str]) -> int:
    """Token offset after a dateline such as "MOSCOW (Reuters) -" or "Moskow, Suarathailand-", else 0.

    A dash alone is not enough ("Junta Myanmar — yang ..."): the place and the agency are separated by a
    comma or the agency stands in brackets, or the dash is glued to the agency's capitalised name (a prefix
    such as "anti-" is not an agency).
    """
    for index, text in enumerate(texts[:DATELINE_MAX_WORDS]):
        glued = text.endswith("-") and len(text) > 1 and text[0].isupper()
        if index > 0 and (glued or text in DATELINE_DASHES):
            prefix = set(texts[:index])
            if glued or "," in prefix or "(" in prefix:
                return index + 1
            return 0
    return 0


def starts_paragraph(span: Span) -> bool:
    if span.start == 0 or (span[0].is_space and "\n" in span[0].text):
        return True
    previous = span.doc[span.start - 1]
    return "\n" in previous.text or "\n" in previous.whitespace_


def possessive_of_name(texts: list[str], position: int, marks: dict[str, list[PhraseMatch[str]]]) -> bool:
    """"Arnor's foreign minister": "'s" after a capitalised word other than a pronoun ("It's") is a
    possessive, no "has" for verb patterns."""
    if position == 0 or texts[position] not in POSSESSIVES or not texts[position - 1].istitle():
        return False
    return not any(mark.start == position - 1 for mark in marks.get("pronouns", ()))


def analyze(span: Span, index: int, dictionaries: Dictionaries, language: Language,
            date: str | None, parsed: bool, paragraph_start: bool | None = None) -> SentenceAnalysis:
    """`paragraph_start` says whether the sentence opens a paragraph when its Doc no longer shows it."""
    tokens = [token for token in span if not token.is_space]
    texts = [token.text for token in tokens]
    words = dictionaries.lexicon(language).infos(texts)
    lowers = [word.lower for word in words]
    lang = language.code
    marks = find_words(dictionaries.words.get(lang), lowers)
    special = not RARE_TEXTS.isdisjoint(texts)  # most sentences have no possessive and no parenthetical
    analysis = SentenceAnalysis(
        span=span, index=index, lang=lang, tokens=tokens, texts=texts, words=words, lowers=lowers,
        stream=[(key, position) for position, word in enumerate(words) for key in word.verb_keys
                if not (special and possessive_of_name(texts, position, marks))],
        marks=marks, clause_of=clause_numbers(len(tokens), marks), phrases=[], triggers=[],
        discarded=is_discarded(dictionaries, lang, words, "sentence"),
        parentheticals=find_parentheticals(texts) if special else [],
        parsed=parsed,
    )
    find_participants(analysis, dictionaries, date, starts_paragraph(span) if paragraph_start is None
                      else paragraph_start)
    return analysis


def analyze_sentences(sentences: Iterable[Span], dictionaries: Dictionaries, language: Language, date: str | None,
                      parsed: bool) -> list[SentenceAnalysis]:
    return [analyze(sentence, index, dictionaries, language, date, parsed) for index, sentence in enumerate(sentences)]


def reparsed(analysis: SentenceAnalysis, span: Span, dictionaries: Dictionaries, date: str | None,
             paragraph_start: bool) -> SentenceAnalysis:
    """The analysis of the same words over their parse. Only participants can change: the parse drops role
    words that only modify a noun ("military aid"), joins "X's awful minister" and leaves out the "it" of
    "it is expected"; where none of these can happen, the participants found without the parse stand."""
    tokens = [token for token in span if not token.is_space]
    analysis = replace(analysis, span=span, tokens=tokens, parsed=True)
    if parse_may_change_participants(analysis):
        find_participants(analysis, dictionaries, date, paragraph_start)
    return analysis


def parse_may_change_participants(analysis: SentenceAnalysis) -> bool:
    tokens, texts, phrases = analysis.tokens, analysis.texts, analysis.phrases
    return any(
        (phrase.refers_to is None and is_role_modifier(phrase, tokens))
        or (phrase.refers_to is not None and is_expletive(tokens, phrase.start, True))
        or (phrase.end < len(texts) and texts[phrase.end] in POSSESSIVES)  # possessor not joined without POS
        or (phrase.speaker and phrase.refers_to is not None)  # "said he regretted": the parse tells
        for phrase in phrases)


def find_participants(analysis: SentenceAnalysis, dictionaries: Dictionaries, date: str | None,
                      paragraph_start: bool) -> None:
    """Actor phrases (past a dateline), pronouns, the triggers outside names, and the speakers."""
    tokens, texts, words, marks, lang = analysis.tokens, analysis.texts, analysis.words, analysis.marks, analysis.lang
    skip = {i for mark in marks.get("skip_words", ()) for i in range(mark.start, mark.end)}
    dateline = dateline_end(texts) if paragraph_start else 0
    found = [match for match in mentions(dictionaries, lang, words) if match.start >= dateline
             and not (isinstance(match.value, ActorEntry) and match.value.code_on(date) == UNKNOWN_ACTOR)]
    joiners = {i for mark in marks.get("agent_joiners", ()) for i in range(mark.start, mark.end)}
    former = frozenset(i for mark in marks.get("former", ()) for i in range(mark.start, mark.end))
    phrases = group_phrases(tokens, texts, found, skip, joiners, former)
    if analysis.parsed:
        phrases = [phrase for phrase in phrases if not is_role_modifier(phrase, tokens)]
    for phrase in phrases:
        phrase.code = resolve_code(phrase, date)
    phrases = sorted(phrases + pronoun_phrases(tokens, phrases, marks, analysis.parsed), key=lambda p: p.start)
    analysis.phrases = phrases
    analysis.triggers = [t for t in find_triggers(dictionaries, lang, analysis.stream, analysis.lowers)
                         if not inside_phrase(t, phrases)]
    mark_speakers(analysis)


def mark_speakers(analysis: SentenceAnalysis) -> None:
    """The speaker of "X said" stands right before the attribution marker; of "..., kata X" right after."""
    for mark in analysis.marks.get("attribution", ()):
        before = [p for p in analysis.phrases if p.end == mark.start]
        after = [p for p in analysis.phrases if p.start >= mark.end and p.start - mark.end <= 2]
        if before:
            before[-1].speaker = True
        elif after and not subject_of_reported_verb(analysis, after[0], mark):
            after[0].speaker = True


def subject_of_reported_verb(analysis: SentenceAnalysis, phrase: ActorPhrase, mark: PhraseMatch[str]) -> bool:
    """With a parse, "X said he regretted ...": a pronoun after the marker is the subject of the reported verb,
    not the speaker."""
    if not analysis.parsed or phrase.refers_to is None:
        return False
    word = analysis.tokens[phrase.end - 1]
    head = word.head.i - analysis.span.start
    return word.dep_ in ("nsubj", "nsubjpass") and not mark.start <= head < mark.end
