"""Parse only the sentences that can give an event.

Tagging and parsing are most of a parsed run's time, yet many news sentences name fewer than two different
actors, or no action of the verb dictionaries: no parse can make an event of them. So sentences are first
split by rule (spaCy's sentencizer) and matched without a parse; only those that could still give an event
go through the trained pipeline, where the parser may split them further. A document whose sentences all
qualify is parsed whole, as without this step. The other sentences keep their unparsed analysis, which still
counts for the story (discards, the countries of agents).
"""

from __future__ import annotations

from spacy.attrs import IS_PUNCT, ORTH
from spacy.language import Language as SpacyPipeline
from spacy.pipeline import Sentencizer
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from coder.analysis import SentenceAnalysis, analyze, analyze_sentences, reparsed, starts_paragraph
from coder.dictionaries import Dictionaries
from coder.grammar import GrammarConfig
from coder.grammar.sentence import could_give_events
from coder.languages import Language

SENTENCE_PUNCTUATION = frozenset(get_string_id(char) for char in Sentencizer.default_punct_chars)


def rule_sentences(doc: Doc) -> list[Span]:
    """Sentences by punctuation, without marking them on the Doc (the parser stays free to split).

    spaCy's sentencizer rule (a sentence starts at the first word after sentence punctuation), read off two
    arrays of the Doc: the sentencizer itself makes a Token object per word (about 6 us a sentence).
    """
    starts, after_stop = [0], False
    orths, punctuations = doc.to_array([ORTH, IS_PUNCT]).T.tolist() if len(doc) else ([], [])
    for index, (orth, punctuation) in enumerate(zip(orths, punctuations, strict=True)):
        stop = orth in SENTENCE_PUNCTUATION
        if after_stop and not punctuation and not stop:
            starts.append(index)
            after_stop = False
        elif stop:
            after_stop = True
    ends = starts[1:] + [len(doc)]
    return [doc[start:end] for start, end in zip(starts, ends, strict=True) if end > start]


def doc_to_parse(doc: Doc, sentences: list[Span]) -> tuple[Doc, list[int]]:
    """A Doc of the given sentences of `doc`, each starting a sentence, and the offset in `doc` of each of
    its tokens. All sentences: `doc` itself, its boundaries left to the parser."""
    if sum(len(sentence) for sentence in sentences) == len(doc):
        return doc, list(range(len(doc)))
    tokens = [token for sentence in sentences for token in sentence]
    starts = {sentence.start for sentence in sentences}
    built = Doc(doc.vocab, words=[token.text for token in tokens], spaces=[bool(token.whitespace_) for token in tokens],
                sent_starts=[True if token.i in starts else None for token in tokens])
    return built, [token.i for token in tokens]


def first_pass(doc: Doc, date: str, dictionaries: Dictionaries, language: Language,
               config: GrammarConfig) -> tuple[list[SentenceAnalysis], list[Span]]:
    """The Doc's rule sentences matched without a parse, and those of them that could give an event."""
    rough = analyze_sentences(rule_sentences(doc), dictionaries, language, date, False)
    return rough, [analysis.span for analysis in rough if could_give_events(analysis, config)]


def analyze_selectively(nlp: SpacyPipeline, texts: list[str], dates: list[str], dictionaries: Dictionaries,
                        language: Language, config: GrammarConfig) -> list[list[SentenceAnalysis]]:
    """Per text, its sentence analyses in order: parsed where the sentence could give an event."""
    docs = list(nlp.tokenizer.pipe(texts))
    passes = [first_pass(doc, date, dictionaries, language, config) for doc, date in zip(docs, dates, strict=True)]
    to_parse = {text: doc_to_parse(docs[text], wanted) for text, (_, wanted) in enumerate(passes) if wanted}
    parsed = dict(zip(to_parse, nlp.pipe((built for built, _ in to_parse.values()), batch_size=max(1, len(to_parse))),
                      strict=True))
    return [merged(passes[text][0], parsed[text], to_parse[text][1], docs[text], dictionaries, language, dates[text])
            if text in parsed else passes[text][0] for text in range(len(texts))]


def merged(rough: list[SentenceAnalysis], parsed_doc: Doc, offsets: list[int], doc: Doc,
           dictionaries: Dictionaries, language: Language, date: str) -> list[SentenceAnalysis]:
    """The document's analyses in order: parsed sentences (reusing the matching done without the parse when
    the parser kept the sentence as it was) and the unparsed rest."""
    by_bounds = {(analysis.span.start, analysis.span.end): analysis for analysis in rough}
    parsed_tokens = set(offsets)
    placed = [(analysis.span.start, analysis) for analysis in rough if analysis.span.start not in parsed_tokens]
    for part in parsed_doc.sents:
        start, end = offsets[part.start], offsets[part.end - 1] + 1
        paragraph = starts_paragraph(doc[start:end])
        same = by_bounds.get((start, end))
        placed.append((start, reparsed(same, part, dictionaries, date, paragraph) if same else
                       analyze(part, 0, dictionaries, language, date, True, paragraph_start=paragraph)))
    ordered = [analysis for _, analysis in sorted(placed, key=lambda item: item[0])]
    for number, analysis in enumerate(ordered):
        analysis.index = number
    return ordered
