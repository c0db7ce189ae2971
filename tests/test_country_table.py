"""The CAMEO country table knows every country the shipped actor dictionaries code: a story's unnamed actors
("the rebels") take its only country only when that code counts as a country."""

from __future__ import annotations

import re

import yaml

from tests.conftest import SHIPPED

FICTIONAL = {"KNT"}  # Phoenix's test country (Kinakuta, from a novel)


def test_every_country_code_of_the_actor_dictionaries_is_in_the_table() -> None:
    countries = yaml.safe_load((SHIPPED / "cameo" / "countries.yaml").read_text(encoding="utf-8"))["countries"]
    used = set(re.findall(r"^\s*- code: ([A-Z]{3})\s*$", (SHIPPED / "actors" / "phoenix_countries.yaml").read_text(
        encoding="utf-8"), flags=re.MULTILINE))
    assert len(used) > 200
    assert used - set(countries) - FICTIONAL == set()


def test_an_unnamed_actor_takes_a_country_added_to_the_table(shipped_coder) -> None:
    events = shipped_coder.code_text("Colombian troops clashed with rebels on Sunday.", lang="en", date="2024-01-01")
    assert [(e.source, e.target, e.target_inferred) for e in events] == [("COLMIL", "COLREB", True)]
