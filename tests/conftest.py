"""Shared fixtures: coders over the small test dictionaries (fast, stable) and the shipped ones."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from coder import Coder

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
SMALL = TESTS / "fixtures" / "small"
SHIPPED = REPO / "dictionaries"


@pytest.fixture(scope="session")
def small_coder() -> Coder:
    """English with the dependency parser, Indonesian with rules, over the small dictionaries."""
    return Coder(SMALL, parse=True, date="2025-03-03")


@pytest.fixture(scope="session")
def rules_coder() -> Coder:
    """The fast path: no parser for English either."""
    return Coder(SMALL, parse=False, date="2025-03-03")


@pytest.fixture(scope="session")
def shipped_coder() -> Coder:
    return Coder(SHIPPED, parse=True)


@pytest.fixture
def dictionary_dir(tmp_path: Path) -> Path:
    """An empty, valid dictionary folder (CAMEO tables and language words only) to add files to."""
    root = tmp_path / "dictionaries"
    for folder in ("cameo", "languages"):
        shutil.copytree(SHIPPED / folder, root / folder)
    return root


def triples(events) -> set[tuple[str, str, str]]:
    return {(event.source, event.code, event.target) for event in events}
