"""Language modules. Adding a language: a module here plus dictionaries/languages/<code>.yaml and verbs."""

from __future__ import annotations

from functools import cache

from coder.languages.base import Language
from coder.languages.en import English
from coder.languages.id import Indonesian

LANGUAGES: dict[str, type[Language]] = {"en": English, "id": Indonesian}


@cache
def get_language(code: str) -> Language:
    """The shared instance of a language (its caches are worth keeping)."""
    try:
        return LANGUAGES[code]()
    except KeyError:
        raise ValueError(f"unknown language '{code}'; known: {', '.join(sorted(LANGUAGES))}") from None
