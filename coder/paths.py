"""Where the packaged dictionaries are: inside the wheel, or the repository's dictionaries/ folder."""

from __future__ import annotations

import os
from pathlib import Path

ENVIRONMENT_VARIABLE = "CODER_DICTIONARIES"


def default_dictionary_dir() -> Path:
    """$CODER_DICTIONARIES, else coder/_dictionaries (wheel install), else <repo>/dictionaries."""
    configured = os.environ.get(ENVIRONMENT_VARIABLE)
    if configured:
        return Path(configured)
    packaged = Path(__file__).resolve().parent / "_dictionaries"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "dictionaries"
