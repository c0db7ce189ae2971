"""A spaCy pipeline component, for users who already have pipelines: `nlp.add_pipe("cameo_coder")`.

The component codes each Doc with the pipeline's own sentences and parse (if it has one) and stores the
events in `doc._.events`. The document date comes from `doc._.event_date` when set, else the coder's date.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from coder.coder import Coder
from coder.document import Document

if not Doc.has_extension("events"):
    Doc.set_extension("events", default=None)
if not Doc.has_extension("event_date"):
    Doc.set_extension("event_date", default=None)


class CameoCoderComponent:
    def __init__(self, nlp: Language, dictionaries: str | None, date: str | None) -> None:
        self.lang = nlp.lang
        self.coder = Coder(dictionaries, parse=False, date=date)
        self.parsed = "parser" in nlp.pipe_names
        self.needs_sentences = not ({"parser", "senter", "sentencizer"} & set(nlp.pipe_names))

    def __call__(self, doc: Doc) -> Doc:
        if self.needs_sentences:
            self.coder.pipeline(self.lang)[0].get_pipe("sentencizer")(doc)
        document = Document(id=doc.user_data.get("doc_id", "doc"), text=doc.text, date=doc._.event_date,
                            lang=self.lang)
        doc._.events = self.coder.code_spacy_doc(doc, document, self.lang, self.parsed).events
        return doc


@Language.factory("cameo_coder", default_config={"dictionaries": None, "date": None})
def make_cameo_coder(nlp: Language, name: str, dictionaries: str | None, date: str | None) -> CameoCoderComponent:
    return CameoCoderComponent(nlp, dictionaries, date)
