"""Dictionaries: YAML in, validated tries out. See dictionaries/README.md for the format."""

from coder.dictionaries.loader import load_dictionaries
from coder.dictionaries.problems import DictionaryError, Problem
from coder.dictionaries.store import Dictionaries

__all__ = ["Dictionaries", "DictionaryError", "Problem", "load_dictionaries"]
