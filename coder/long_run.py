"""Tune a process we own (the `coder code` process, its workers) for a long coding run.

Two costs of a long run are not in our code: Python's cyclic collector walking the loaded dictionaries and
model again and again, and glibc giving spaCy's per-batch arrays (blocks over 128 KB) back to the kernel when
they are freed, so that every batch faults them in again (1.3 million page faults, a sixth of a parsed run).
Library calls (notebooks, the spaCy component) leave the process as it is.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import sys

M_TRIM_THRESHOLD = -1  # glibc mallopt parameters (malloc.h)
M_MMAP_THRESHOLD = -3
MMAP_THRESHOLD_BYTES = 32 * 2**20  # glibc's upper limit on 64-bit systems
TRIM_THRESHOLD_BYTES = 64 * 2**20  # freed memory kept for the next batch instead of returned


def prepare_long_run() -> None:
    """What is loaded now stays for the whole run: the collector stops looking at it; freed batch memory is
    kept for the next batch."""
    gc.collect()
    gc.freeze()
    keep_freed_memory()


def keep_freed_memory() -> bool:
    """Raise glibc's mmap and trim thresholds; False where the C library has no mallopt (not Linux, musl)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return False
    return bool(mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES)) and bool(
        mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD_BYTES))
