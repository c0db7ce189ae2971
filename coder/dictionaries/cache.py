"""Compiled-dictionary cache: a pickle of the loaded store, reused only while nothing it was built from changed.

Loading validates every YAML entry and tokenizes every phrase with spaCy; that takes seconds for the shipped
dictionaries, and every worker process of a run pays it. The cache key hashes every dictionary file's path and
content, the source files of the code that builds the store, the coder version and the Python
version; any difference (or an unreadable, truncated or foreign cache file) means a full load. Errors are never
cached: a broken dictionary raises DictionaryError on every load.

The cache lives in $CODER_CACHE_DIR, else ~/.cache/coder; CODER_CACHE_DIR=off disables it.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from importlib import metadata
from pathlib import Path

from coder.dictionaries.loader import load_dictionaries
from coder.dictionaries.store import Dictionaries
from coder.gcpause import gc_paused

CACHE_ENVIRONMENT_VARIABLE = "CODER_CACHE_DIR"
FORMAT = 1  # bump when the cache file layout changes
_MAGIC = b"coder-dictionary-cache\n"
_PACKAGE = Path(__file__).resolve().parent.parent
# Code that decides what the store holds: a change here must invalidate caches even without a version bump.
_BUILDER_SOURCES = ("dictionaries", "languages", "phrases.py")
_BUILDER_PATTERNS = ("*.py", "*.yaml")  # code, and data it reads (languages/data/en_lemma_fixes.yaml)
_TOKENIZING_PACKAGES = ("spacy", "spacy-lookups-data", "PySastrawi")


def cache_dir() -> Path | None:
    """Where cache files go; None when caching is switched off."""
    configured = os.environ.get(CACHE_ENVIRONMENT_VARIABLE)
    if configured is not None:
        return None if configured.strip().lower() in ("", "off", "0", "none") else Path(configured)
    try:
        return Path.home() / ".cache" / "coder"
    except (RuntimeError, KeyError):  # no home directory (some containers): no cache
        return None


def _file_line(path: Path, base: Path) -> bytes:
    """Name and content hash: timestamps can repeat within a clock tick, contents cannot lie."""
    content = hashlib.sha256(path.read_bytes()).hexdigest()
    return f"{path.relative_to(base)}\t{content}\n".encode("utf-8", "surrogateescape")


def _builder_files() -> list[Path]:
    files: list[Path] = []
    for name in _BUILDER_SOURCES:
        source = _PACKAGE / name
        files.extend(sorted(path for pattern in _BUILDER_PATTERNS for path in source.rglob(pattern))
                     if source.is_dir() else [source])
    return files


def cache_key(root: Path) -> str:
    """Hash of everything the loaded store depends on."""
    from coder import __version__

    digest = hashlib.sha256()
    digest.update(f"{FORMAT}\n{__version__}\n{sys.version}\n{root.resolve()}\n".encode())
    for package in _TOKENIZING_PACKAGES:  # phrases are tokenized and lemmatized with these
        try:
            digest.update(f"{package} {metadata.version(package)}\n".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{package} -\n".encode())
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.name.startswith("."):
            digest.update(_file_line(path, root))
    for path in _builder_files():
        if path.is_file():
            digest.update(_file_line(path, _PACKAGE))
    return digest.hexdigest()


def _read(path: Path, key: str) -> Dictionaries | None:
    try:
        with open(path, "rb") as handle:
            if handle.read(len(_MAGIC)) != _MAGIC or handle.read(64).decode("ascii") != key:
                return None
            with gc_paused():  # millions of small objects: the cyclic collector would triple the load time
                store = pickle.load(handle)
    except Exception:  # missing, truncated, from another version, unpicklable: load from the YAML instead
        return None
    return store if isinstance(store, Dictionaries) else None


def _write(path: Path, key: str, store: Dictionaries) -> None:
    """Write atomically (temp file + rename); a failure to cache only costs speed, never the load."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(_MAGIC + key.encode("ascii"))
                pickle.dump(store, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except (OSError, pickle.PicklingError, RecursionError, TypeError, AttributeError):
        return


def cache_path(root: Path, directory: Path) -> Path:
    """One file per dictionary folder; a new key overwrites the folder's old cache instead of piling up."""
    name = hashlib.sha256(str(root.resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:24]
    return directory / f"dictionaries-{name}.pickle"


def _load_without_gc(root: Path) -> Dictionaries:
    """A full load with the cyclic collector paused: it builds millions of objects and no cycles to free."""
    with gc_paused():
        return load_dictionaries(root)


def load_cached(root: Path) -> Dictionaries:
    """The dictionaries under `root`, from the cache when it is current, else loaded (and cached)."""
    root = Path(root)
    directory = cache_dir()
    if directory is None or not root.is_dir():
        return _load_without_gc(root)
    try:
        key = cache_key(root)
    except OSError:
        return _load_without_gc(root)
    path = cache_path(root, directory)
    store = _read(path, key)
    if store is not None:
        return store
    store = _load_without_gc(root)  # raises DictionaryError for broken dictionaries: nothing is cached then
    _write(path, key, store)
    return store


__all__ = ["CACHE_ENVIRONMENT_VARIABLE", "cache_dir", "cache_key", "cache_path", "load_cached"]
