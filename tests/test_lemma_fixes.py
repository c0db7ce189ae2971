"""English lemma corrections (coder/languages/data/en_lemma_fixes.yaml): a verb and its inflections share a key."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest

from coder.dictionaries import cache
from coder.languages import get_language
from coder.languages.en import LEMMA_FIXES

TOOL = Path(__file__).resolve().parent.parent / "tools" / "lemma_mismatches.py"


def codes(events) -> set[tuple[str, str, str]]:
    return {(event.source, event.code, event.target) for event in events}


@pytest.mark.parametrize("forms", [
    ("wound", "wounded", "wounds", "wounding"),
    ("develop", "developed", "developing", "develops"),
    ("annex", "annexed", "annexes", "annexing"),
    ("feed", "fed", "feeds", "feeding"),
    ("broker", "brokered", "brokers", "brokering"),
    ("lay", "laid", "lays", "laying"),
    ("tax", "taxed", "taxes", "taxing"),
    ("die", "died", "dies", "dying"),
    ("further", "furthered", "furthering"),
    ("base", "based", "bases"),
])
def test_a_verb_and_its_inflections_get_one_key(forms: tuple[str, ...]) -> None:
    english = get_language("en")
    assert {english.verb_keys(form) for form in forms} == {(forms[0],)}


@pytest.mark.parametrize(("word", "lemma"), [("left", "leave"), ("found", "find"), ("saw", "see"),
                                             ("hoped", "hope"), ("met", "meet"), ("as", "as"), ("does", "do")])
def test_right_lemmas_stay_and_function_words_are_not_articles(word: str, lemma: str) -> None:
    assert get_language("en").verb_keys(word) == (lemma,)


def test_wounded_is_coded_with_the_shipped_dictionaries(shipped_coder) -> None:
    events = shipped_coder.code_text("Israeli soldiers wounded three Palestinians in Hebron.", lang="en",
                                     date="2024-05-01")
    assert any(source.startswith("ISR") and code.startswith("18") for source, code, _ in codes(events))


def test_annexed_and_brokered_are_coded_with_the_shipped_dictionaries(shipped_coder) -> None:
    annexed = shipped_coder.code_text("Russia annexed Crimea in 2014.", lang="en", date="2014-03-20")
    assert ("RUS", "171", "UKR") in codes(annexed)
    brokered = shipped_coder.code_text("Qatar brokered a truce between Israel and Hamas.", lang="en",
                                       date="2024-05-01")
    assert any(source == "QAT" and code == "045" for source, code, _ in codes(brokered))


def test_editing_the_fixes_invalidates_the_dictionary_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "coder"
    shutil.copytree(LEMMA_FIXES.parent.parent, package / "languages")
    monkeypatch.setattr(cache, "_PACKAGE", package)
    root = tmp_path / "dictionaries"
    root.mkdir()
    key = cache.cache_key(root)
    fixes = package / "languages" / "data" / LEMMA_FIXES.name
    fixes.write_text(fixes.read_text(encoding="utf-8") + "  wound: wind\n", encoding="utf-8")
    assert cache.cache_key(root) != key


def test_mismatch_tool_lists_a_trigger_keyed_apart_from_its_forms(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("lemma_mismatches", TOOL)
    assert spec is not None and spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    verbs = tmp_path / "verbs" / "en"
    verbs.mkdir(parents=True)
    (verbs / "test.yaml").write_text('verbs:\n  - verb: [hop, wound, annex, crew]\n    code: "180"\n'
                                     '    patterns:\n      - {pattern: "* crosses +", code: "180"}\n',
                                     encoding="utf-8")
    found = {word: bad for word, _, _, _, bad in tool.mismatches(tmp_path)}
    assert set(found) == {"hop"}  # hoped -> hope is right; the others are corrected in the table
    assert found["hop"]["hoped"] == "hope"
