"""Readers of the PETRARCH and TABARI validation suites, and the suite runner."""

from __future__ import annotations

from collections import Counter

import pytest

from coder.validation_suites import (
    SuiteFormatError,
    SuiteRecord,
    load_suite,
    read_petrarch_suite,
    read_tabari_suite,
    run_suite,
)


@pytest.fixture(scope="module")
def petrarch() -> dict[str, SuiteRecord]:
    return {r.id: r for r in load_suite("petrarch")}


@pytest.fixture(scope="module")
def tabari() -> dict[str, SuiteRecord]:
    return {r.id: r for r in load_suite("tabari")}


def test_petrarch_counts(petrarch):
    records = list(petrarch.values())
    assert len(records) == 281                      # every <Sentence> in the file
    # valid="true", category in <Include> (COMPOUNDx is not) and an expectation given (PATTERN-06 has none)
    assert sum(r.valid for r in records) == 274
    assert not petrarch["COMPOUND-36"].valid and petrarch["PATTERN-06"].outcome == "unspecified"
    assert sum(len(r.expected) for r in records) == 356
    assert Counter(r.outcome for r in records)["none"] == 19


def test_petrarch_specific_records(petrarch):
    demo = petrarch["DEMO-01"]
    assert demo.expected == [("ARN", "GON", "064")]
    assert demo.date == "1995-01-01"
    assert demo.text.startswith("Arnor is about to restore full diplomatic ties with Gondor")
    assert demo.parse.startswith("(ROOT")
    assert "first light" in demo.notes
    assert petrarch["DEMO-24"].outcome == "none" and petrarch["DEMO-24"].expected == []
    assert petrarch["ERROR-01"].outcome == "error:dateline"
    assert not petrarch["DEMO-04"].valid                       # valid="false" in the suite


def test_petrarch_config_is_tracked(petrarch):
    # <Config> elements between sentences switch options (require_dyad, comma_*) for the records after them
    flags = {r.config.get("require_dyad", "").lower() for r in petrarch.values()}
    assert {"true", "false"} <= flags
    assert petrarch["DEMO-01"].config["stop_on_error"] == "True"


def test_tabari_counts(tabari):
    records = list(tabari.values())
    assert len(records) == 457
    assert sum(r.valid for r in records) == 444
    assert sum(len(r.expected) for r in records) == 527
    outcomes = Counter(r.outcome for r in records)
    assert (outcomes["complex"], outcomes["discard"], outcomes["none"]) == (21, 7, 16)


def test_tabari_specific_records(tabari):
    assert tabari["DEMO-06"].expected == [("CALGOV", "OSGMIL", "122"), ("CALGOV", "ITH", "050")]
    assert tabari["DEMO-06"].date == "1995-01-06"
    assert tabari["DEMO-08"].expected == [("ARNGOV", "ITHGOVPRS", "032"), ("OSG", "ITHGOVPRS", "032"),
                                         ("GON", "ITHGOVPRS", "032")]
    assert tabari["VERBEND-01c"].outcome == "none"
    assert tabari["DISCARD-1"].outcome == "discard"
    assert tabari["NOUNEND-05"].outcome == "complex"
    # "-{ARN / GON / 064 }" is a disabled expectation: nothing is expected and the suite gives no answer
    assert tabari["DEMO-05"].expected == [] and tabari["DEMO-05"].outcome == "unspecified"
    assert not tabari["DEMO-05"].valid


def test_underscore_joined_names_read_as_words(tabari, petrarch):
    # "Dol_Amroth" is the suites' way to write the name "Dol Amroth" (their dictionaries join words the same way)
    assert tabari["SKIP-01"].text == "Ithilen warned at the Gondor of the Prince of Dol Amroth."
    assert "Prince of Dol Amroth" in petrarch["COMPOUND-20"].text


def test_tabari_typos_do_not_swallow_records(tabari):
    # COMPOUND-06 closes its comment with "/*" and DEFAULT-06b never closes it
    assert len(tabari["COMPOUND-06"].expected) == 4
    assert len(tabari["COMPOUND-07"].expected) == 7
    # AGENTS-11 closes its comment after the first of its two expectations: the second still counts
    assert set(tabari["AGENTS-11"].expected) == {("USAGOV", "GON", "064"), ("USAGOV", "ARN", "064")}
    assert set(tabari["PATTERN-26"].expected) == {("FOR", "GON", "044"), ("GON", "FOR", "045"),
                                                  ("GON", "FOR", "044"), ("FOR", "GON", "045")}
    # the options record after DEFAULT-06b is still read, and applies to DEFAULT-07a
    assert tabari["DEFAULT-07a"].expected == [("FOR", "DEFTAR", "064")]
    assert tabari["DEFAULT-07a"].config["DEFAULT"] == "SOURCE [DEFSRC] PRIOR TARGET [DEFTAR]"


def test_tabari_options_and_tail(tabari):
    assert "TIME-Modify" not in tabari                 # an options change, not a test sentence
    assert tabari["DEMO-01"].config["TIME SHIFT"] == "FALSE"
    assert tabari["COMMA-02A"].config["COMMA"] == "MIN = 4 MAX = 6 EMIN = 3 EMAX = 6 BMIN = 3 BMAX = 8"
    assert tabari["YYYY-01"].date == "2015-06-07"
    assert tabari["YYYY-01"].config["YYYY"] == "TRUE"
    assert "FINAL-01" not in tabari
    assert not tabari["MISC-01"].valid                 # after FINAL-01: needs other settings
    assert tabari["VERBEND-04b#2"].expected == [("EST", "LBY", "182")]   # repeated id made unique


def test_run_suite_passes_failures_and_deviations():
    records = [
        SuiteRecord("a", None, "A hits B.", [("A", "B", "190")]),
        SuiteRecord("b", None, "B helps C.", [("B", "C", "070"), ("C", "B", "070")]),
        SuiteRecord("c", None, "Nothing.", []),
        SuiteRecord("d", None, "Odd one.", [("D", "E", "010")]),
        SuiteRecord("e", None, "Broken.", [("E", "F", "020")], valid=False),
    ]
    answers = {"a": [("A", "B", "190"), ("A", "B", "190")],   # duplicates collapse: sets are compared
               "b": [("B", "C", "070")],                       # one missing: fail
               "c": [],
               "d": [("D", "E", "011")]}

    def code_fn(record):
        if record.id == "e":
            raise RuntimeError("boom")
        return answers[record.id]

    report = run_suite(records, code_fn, deviations={"d": "we code 'odd' as a decline comment"})
    passed = {r.record.id: r.passed for r in report.results}
    assert passed == {"a": True, "b": False, "c": True, "d": False, "e": False}
    totals = report.totals()
    assert totals == {"records": 5, "checked": 3, "passed": 2, "failed": 1, "deviations": 1, "invalid": 1,
                      "errors": 1, "passed_all": 2}
    assert [r.record.id for r in report.failures] == ["b"]
    assert report.results[4].error == "RuntimeError: boom"
    text = report.format_text(show="all")
    assert "FAIL   b" in text and "deviation: we code 'odd'" in text
    assert report.to_dict()["results"][0]["coded"] == [["A", "B", "190"]]


def test_run_suite_rejects_unknown_deviation_ids():
    with pytest.raises(ValueError, match="not in the suite: zz"):
        run_suite([SuiteRecord("a", None, "x", [])], lambda r: [], deviations={"zz": "why"})


def test_missing_or_broken_files_are_clear_errors(tmp_path):
    with pytest.raises(FileNotFoundError):
        read_tabari_suite(tmp_path / "nope.text")
    empty = tmp_path / "Validate.text"
    empty.write_text("no records here\n")
    with pytest.raises(SuiteFormatError, match="no records found"):
        read_tabari_suite(empty)
    broken = tmp_path / "broken.xml"
    broken.write_text("<Validation><Sentences><Sentence id='x'>")
    with pytest.raises(SuiteFormatError, match="not well-formed"):
        read_petrarch_suite(broken)
    with pytest.raises(ValueError, match="unknown suite"):
        load_suite("keds")


def test_tabari_code_by_options_are_one_setting(tabari):
    assert "CODE" not in tabari["CODEBY-01"].config                    # TABARI's default: by clause
    assert tabari["CODEBY-02"].config["CODE"] == "BY SENTENCE"
    assert tabari["CODEBY-03"].config["CODE"] == "ALL"
    assert tabari["CODEBY-13"].config["CODE"] == "BY CLAUSE"
    assert tabari["FRWD-001-002"].config["FORWARD"] == "^^*****NNN*SSS"
