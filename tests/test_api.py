"""The Python API: code strings, a pandas column, and a spaCy pipeline component."""

from __future__ import annotations

import importlib.util

import pandas as pd
import spacy
from conftest import SMALL, triples

import coder.spacy_component  # noqa: F401  (registers the "cameo_coder" factory)
from coder import EVENT_FIELDS
from coder.languages.en import MODEL_NAMES


def test_code_frame_of_a_pandas_column(small_coder) -> None:
    texts = pd.Series({"en-1": "Russia and China supplied weapons to the Myanmar military.",
                       "en-2": "Nothing happened today."})
    frame = small_coder.code_frame(texts, lang="en")
    assert list(frame.columns) == list(EVENT_FIELDS)
    assert frame[["doc_id", "source", "code", "target"]].values.tolist() == [
        ["en-1", "RUS", "072", "MMRMIL"], ["en-1", "CHN", "072", "MMRMIL"]]
    assert frame["code"].map(type).eq(str).all()


def test_language_is_detected_when_not_given(small_coder) -> None:
    assert triples(small_coder.code_text("Rusia dan Tiongkok menyerang Ukraina pada hari Selasa.")) == {
        ("RUS", "190", "UKR"), ("CHN", "190", "UKR")}
    assert small_coder.code_text("Russia attacked Ukraine on Tuesday.")[0].lang == "en"


def test_output_is_deterministic(small_coder) -> None:
    text = "Russia and China supplied weapons to the Myanmar military. The US imposed sanctions on the junta."
    first = [event.to_dict() for event in small_coder.code_text(text, lang="en")]
    second = [event.to_dict() for event in small_coder.code_text(text, lang="en")]
    assert first == second and len(first) == 3


def test_spacy_component_on_a_users_pipeline() -> None:
    nlp = spacy.blank("id")
    nlp.add_pipe("cameo_coder", config={"dictionaries": str(SMALL), "date": "2025-03-03"})
    doc = nlp("Rusia dan Tiongkok menjadi pemasok senjata untuk militer Myanmar.")
    assert triples(doc._.events) == {("RUS", "072", "MMRMIL"), ("CHN", "072", "MMRMIL")}


def test_spacy_component_uses_the_pipelines_parse() -> None:
    model = next(name for name in MODEL_NAMES if importlib.util.find_spec(name))
    nlp = spacy.load(model, exclude=["ner"])
    nlp.add_pipe("cameo_coder", config={"dictionaries": str(SMALL)})
    doc = nlp("Russia agreed to supply weapons to the Myanmar military.")
    assert triples(doc._.events) == {("RUS", "072", "MMRMIL")}  # the subject comes from the parse



def test_text_that_is_not_prose_is_refused_quickly(small_coder) -> None:
    import pytest

    with pytest.raises(ValueError, match="punctuation characters: not prose"):
        small_coder.code_text("-" * 3000, lang="id")
