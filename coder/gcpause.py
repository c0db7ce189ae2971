"""Keep Python's cyclic garbage collector out of the hot loops.

Coding builds many short-lived objects and no garbage cycles, while the loaded dictionaries and spaCy model are
millions of long-lived ones: left alone, the collector spends a tenth of a run walking them again and again
(see also `coder.long_run`).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic collection inside the block (reference counting still frees everything without cycles)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
