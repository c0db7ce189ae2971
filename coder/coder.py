"""The coder: documents in, events out. Ties pipelines, dictionaries, analysis and grammar together."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc

from coder.analysis import (
    ActorPhrase,
    SentenceAnalysis,
    analyze,
    analyze_sentences,
    forward_pronouns,
    is_discarded,
    starts_paragraph,
)
from coder.commas import CommaLimits, comma_clauses, without_clauses
from coder.context import infer_countries
from coder.dictionaries import Dictionaries
from coder.dictionaries.cache import load_cached
from coder.document import Document, unfit_reason
from coder.events import UNKNOWN_ACTOR, Event
from coder.grammar import Decision, GrammarConfig, decide_sentence
from coder.langdetect import detect_language
from coder.languages import get_language
from coder.paths import default_dictionary_dir
from coder.selective_parse import analyze_selectively, rule_sentences

CODE_BY = ("clause", "sentence", "all")
NO_TARGET_ACTOR = ActorPhrase(0, 0, "", [], [], code=UNKNOWN_ACTOR)  # the target of a monadic event


def word_count(analysis: SentenceAnalysis) -> int:
    """Words as a reader counts them: "Gondor's" and "isn't" are one word each, punctuation none."""
    return sum(1 for token in analysis.tokens
               if not token.is_punct and not token.text.startswith(("'", "’")) and token.lower_ != "n't")


@dataclass
class CodedSentence:
    analysis: SentenceAnalysis
    decisions: list[Decision] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


@dataclass
class CodedDocument:
    """Everything the coder found in one document: `explain` prints it, `events` is the product."""

    document: Document
    lang: str
    date: str
    parsed: bool
    sentences: list[CodedSentence] = field(default_factory=list)
    discarded: str | None = None

    @property
    def events(self) -> list[Event]:
        return [event for sentence in self.sentences for event in sentence.events]


class Coder:
    """Codes text into CAMEO events with the given dictionaries.

    parse=True uses the trained English parser when installed; parse=False is the fast rule-based path.
    `date` is used for undated documents (default: today); `lang` for documents without a language
    ("auto" detects). min_words > 0 leaves sentences of fewer words uncoded (TABARI's MINIMUM WORDS: headlines
    and fragments). default_source/default_target: the actor codes assumed where a sentence names no source or
    no target (TABARI's DEFAULT, for a corpus of one country's press); default_source_prior=False first takes a
    source after the verb, default_target_after=False a target before it (DEFAULT without PRIOR / AFTER).
    require_dyad=False (PETRARCH's option) also codes actions without a target, against the unknown actor
    "---". comma_limits (TABARI's COMMA option) deletes comma-delimited asides of those lengths before coding.
    forward=True lets a pronoun with no actor before it in its sentence stand for the first actor of the
    previous sentence ("... President X appealed for peace. He also asked Gondor ...": TABARI's FORWARD).
    code_by (TABARI's SET: CODE BY ...): "clause" codes each clause's main action, "sentence" only the first
    event of a sentence, "all" every verb with actors, also those that are another verb's content ("urged
    Bree to assist ...").
    """

    def __init__(self, dictionaries: Path | str | Dictionaries | None = None, parse: bool = True,
                 date: str | None = None, lang: str = "auto", min_words: int = 0,
                 default_source: str | None = None, default_target: str | None = None,
                 require_dyad: bool = True, comma_limits: CommaLimits | None = None, forward: bool = False,
                 code_by: str = "clause", default_source_prior: bool = True,
                 default_target_after: bool = True) -> None:
        if isinstance(dictionaries, Dictionaries):
            self.dictionaries = dictionaries
        else:
            self.dictionaries = load_cached(Path(dictionaries) if dictionaries else default_dictionary_dir())
        self.parse = parse
        self.default_date = date or datetime.date.today().isoformat()
        self.default_lang = lang
        self.min_words = min_words
        self.default_source, self.default_target = default_source, default_target
        self.default_source_prior, self.default_target_after = default_source_prior, default_target_after
        self.require_dyad = require_dyad
        self.comma_limits = comma_limits
        self.forward = forward
        if code_by not in CODE_BY:
            raise ValueError(f"code_by must be one of {', '.join(CODE_BY)}, not {code_by!r}")
        self.code_by = code_by
        self._pipelines: dict[str, tuple[object, bool]] = {}
        self._configs: dict[tuple[str, bool], GrammarConfig] = {}

    # -- pipelines ---------------------------------------------------------------------------------------
    def pipeline(self, lang: str):
        """(spaCy pipeline, has_parser) for a language, loaded once."""
        if lang not in self._pipelines:
            language = get_language(lang)
            nlp = language.parser_pipeline() if self.parse else None
            self._pipelines[lang] = (nlp, True) if nlp is not None else (language.tokenizer_pipeline, False)
        return self._pipelines[lang]

    def language_of(self, document: Document) -> str:
        lang = document.lang or self.default_lang
        if not lang or lang == "auto":
            lang = detect_language(document.text, self.dictionaries)
        if lang not in self.dictionaries.languages:
            raise ValueError(f"document {document.id}: no dictionaries for language '{lang}' "
                             f"(have: {', '.join(self.dictionaries.languages)})")
        return lang

    # -- coding ------------------------------------------------------------------------------------------
    def code_document_full(self, document: Document) -> CodedDocument:
        unfit = unfit_reason(document.text)
        if unfit:
            raise ValueError(f"document {document.id}: {unfit}")
        lang = self.language_of(document)
        return self.code_analyses(self.analyze_documents([document], lang)[0], document, lang,
                                  parsed=self.pipeline(lang)[1])

    def analyze_documents(self, documents: list[Document], lang: str) -> list[list[SentenceAnalysis]]:
        """Sentence analyses of documents of one language, run through spaCy together. With a parser, only
        the sentences that could give an event are parsed (`coder.selective_parse`)."""
        language = get_language(lang)
        nlp, parsed = self.pipeline(lang)
        dates = [document.date or self.default_date for document in documents]
        texts = [document.text for document in documents]
        if parsed:
            return analyze_selectively(nlp, texts, dates, self.dictionaries, language, self._grammar_config(lang))
        docs = nlp.tokenizer.pipe(texts)
        return [analyze_sentences(rule_sentences(doc), self.dictionaries, language, date, False)
                for doc, date in zip(docs, dates, strict=True)]

    def code_spacy_doc(self, doc: Doc, document: Document, lang: str, parsed: bool) -> CodedDocument:
        """Code a Doc made by any pipeline of the language (the spaCy component does)."""
        analyses = analyze_sentences(doc.sents, self.dictionaries, get_language(lang),
                                     document.date or self.default_date, parsed)
        return self.code_analyses(analyses, document, lang, parsed=parsed)

    def _grammar_config(self, lang: str, parsed: bool = True) -> GrammarConfig:
        """The grammar's settings for a language, made once (the coder's options are read then)."""
        config = self._configs.get((lang, parsed))
        if config is None:
            config = self._configs[lang, parsed] = GrammarConfig(
                get_language(lang), self.dictionaries.word_lists.get(lang, {}), parsed,
                place_roots=self.dictionaries.place_roots, reciprocal=self.dictionaries.reciprocal,
                intent_code=self.dictionaries.intent_code, default_source=self.default_source,
                default_target=self.default_target, require_dyad=self.require_dyad, forward=self.forward,
                code_by=self.code_by, default_source_prior=self.default_source_prior,
                default_target_after=self.default_target_after)
        return config

    def code_analyses(self, analyses: list[SentenceAnalysis], document: Document, lang: str,
                      parsed: bool | None = None) -> CodedDocument:
        """Events of a document from its sentence analyses: story discards, countries, then each sentence.
        `parsed`: whether a parser was at hand (by default: whether any sentence was parsed)."""
        date = document.date or self.default_date
        coded = CodedDocument(document, lang, date, any(a.parsed for a in analyses) if parsed is None else parsed)
        story_discard = next((found for a in analyses
                              if (found := is_discarded(self.dictionaries, lang, a.words, "story"))), None)
        if story_discard:
            coded.discarded = story_discard
            coded.sentences = [CodedSentence(a) for a in analyses]
            return coded
        long_enough = [not self.min_words or word_count(a) >= self.min_words for a in analyses]  # before asides go
        if self.comma_limits is not None:
            analyses = [self._without_asides(a, lang, date) for a in analyses]
        if self.forward:
            for previous, analysis in zip(analyses, analyses[1:], strict=False):
                forward_pronouns(previous, analysis)
        infer_countries((p for a in analyses for p in a.phrases), self.dictionaries.countries)
        event_index = 0
        for analysis, counted in zip(analyses, long_enough, strict=True):
            sentence = CodedSentence(analysis)
            if not analysis.discarded and counted:
                sentence.decisions = decide_sentence(analysis, self._grammar_config(lang, analysis.parsed))
                sentence.events = self._events(analysis, sentence.decisions, document, lang, date, event_index)
                event_index += len(sentence.events)
            coded.sentences.append(sentence)
        return coded

    def _without_asides(self, analysis: SentenceAnalysis, lang: str, date: str) -> SentenceAnalysis:
        """The sentence analysed again without its comma-delimited asides (TABARI's COMMA option)."""
        conjunctions = {mark.start for mark in analysis.marks.get("conjunctions", ()) if mark.value != ","}
        ranges = comma_clauses(analysis.tokens, self.comma_limits, conjunctions)
        if not ranges:
            return analysis
        language = get_language(lang)
        nlp = self.pipeline(lang)[0] if analysis.parsed else language.tokenizer_pipeline
        doc = nlp(without_clauses(analysis.tokens, ranges))
        shorter = analyze(doc[:], analysis.index, self.dictionaries, language, date, analysis.parsed,
                          paragraph_start=starts_paragraph(analysis.span))
        shorter.discarded = analysis.discarded
        return shorter

    def _events(self, analysis: SentenceAnalysis, decisions: list[Decision], document: Document, lang: str,
                date: str, first_index: int) -> list[Event]:
        events: list[Event] = []
        seen: set[tuple[str, str, str]] = set()
        speaker = next((p.text for p in analysis.phrases if p.speaker), "")
        for decision in decisions:
            if decision.dropped is not None:
                continue
            verb = decision.trigger.verb
            pattern = decision.hit.pattern
            used = sorted(decision.hit.used_tokens)
            event_text = " ".join(analysis.texts[i] for i in used)
            pairs = [(source, target, decision.code) for source in decision.sources
                     for target in decision.targets or [NO_TARGET_ACTOR]]
            if decision.compound:  # partners act on each other, each both ways: a dual code's halves for each
                group = decision.sources
                ordered = [(a, b) for a in group for b in group if a is not b]
                pairs = [(a, b, decision.code) for a, b in ordered]
                pairs += [(b, a, decision.reverse) for a, b in ordered if decision.reverse]
            elif decision.reverse:  # "visited": the host received the visit
                pairs += [(target, source, decision.reverse) for source in decision.sources
                          for target in decision.targets]
            for source, target, code in pairs:
                name_goldstein = self.dictionaries.event_codes[code]
                key = (source.code, target.code, code)
                if source.code == target.code or key in seen:
                    continue
                seen.add(key)
                events.append(Event(
                    doc_id=document.id, sentence_index=analysis.index, event_index=first_index + len(events),
                    date=date, lang=lang, source=source.code, source_text=source.text,
                    target=target.code, target_text=target.text, code=code, root=code[:2],
                    quad_class=self.dictionaries.quad_class(code), goldstein=name_goldstein[1],
                    event_text=event_text, pattern=pattern.origin if pattern else verb.origin,
                    sentence=analysis.text,
                    pattern_text=f"{verb.trigger}: {pattern.text}" if pattern else f"{verb.trigger} (default)",
                    source_entry=source.origin, target_entry=target.origin,
                    source_inferred=source.inferred, target_inferred=target.inferred,
                    voice=decision.voice,
                    intent=decision.future and code not in (decision.hit.code, decision.hit.reverse),
                    attributed_to=speaker if speaker not in (source.text, target.text) else "",
                ))
        return events

    # -- conveniences --------------------------------------------------------------------------------------
    def code_document(self, document: Document) -> list[Event]:
        return self.code_document_full(document).events

    def code_text(self, text: str, lang: str | None = None, date: str | None = None,
                  doc_id: str = "text") -> list[Event]:
        return self.code_document(Document(id=doc_id, text=text, date=date, lang=lang))

    def code_documents(self, documents: Iterable[Document]) -> Iterator[Event]:
        for document in documents:
            yield from self.code_document(document)

    def code_frame(self, texts, lang: str | None = None, date: str | None = None):
        """Events of a pandas Series (or any iterable) of texts as a DataFrame; doc_id is the index label."""
        import pandas as pd

        from coder.events import EVENT_FIELDS

        items = texts.items() if hasattr(texts, "items") else enumerate(texts)
        rows = [event.to_dict() for key, text in items
                for event in self.code_text(str(text), lang=lang, date=date, doc_id=str(key))]
        return pd.DataFrame(rows, columns=list(EVENT_FIELDS))
