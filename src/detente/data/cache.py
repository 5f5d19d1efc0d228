"""Compile-once caches for data that is slow to build from its readable source files.

The knowledge base and the gazetteer are kept as readable files (YAML, TSV, a package's JSON) and
compiled into Python objects on load. Compiling them costs seconds; unpickling the result costs a
fraction of that. :func:`load_cached` keeps the compiled object in the user cache directory under a
key made of the name, a format version and the size, modification time and path of every source
file, so that editing a source (or upgrading the package that ships it) invalidates the entry.

The cache is an optimisation only: an unreadable, corrupt or unwritable cache falls back to
building the object, with a debug log line. ``DETENTE_CACHE_DIR`` moves the cache (an empty value
or ``off`` disables it), which tests and read-only installs use.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")
ENV_VAR = "DETENTE_CACHE_DIR"


def cache_dir() -> Path | None:
    """The folder compiled data is cached in, or ``None`` when caching is off."""
    value = os.environ.get(ENV_VAR)
    if value is not None:
        return None if value.strip().lower() in ("", "off", "0", "none") else Path(value)
    import platformdirs

    return Path(platformdirs.user_cache_dir("detente", appauthor=False))


def source_key(name: str, sources: Iterable[Path | str], version: str = "1") -> str:
    """A key that changes when any source file changes (path, size, modification time)."""
    digest = hashlib.sha256(f"{name}\0{version}".encode())
    for source in sources:
        path = Path(source)
        try:
            stat = path.stat()
            digest.update(f"\0{path.absolute()}\0{stat.st_size}\0{stat.st_mtime_ns}".encode())
        except OSError:
            digest.update(f"\0{path}\0missing".encode())
    return digest.hexdigest()[:20]


def load_cached(name: str, sources: Iterable[Path | str], build: Callable[[], T], *, version: str = "1") -> T:
    """``build()``'s result, read from the cache when the sources are unchanged, else built and stored."""
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}-{source_key(name, sources, version)}.pickle"
    try:
        with open(path, "rb") as handle:
            return _unpickle(handle)
    except FileNotFoundError:
        pass
    except Exception as exc:  # a corrupt or incompatible entry is rebuilt
        log.debug("cache entry %s unreadable (%s); rebuilding", path, exc)
    value = build()
    _store(folder, path, name, value)
    return value


def _unpickle(handle):
    """Unpickle with the cyclic garbage collector paused: a compiled KB is hundreds of thousands of
    new containers, and the collections they trigger on the way cost more than the load itself."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return pickle.load(handle)
    finally:
        if enabled:
            gc.enable()


def _store(folder: Path, path: Path, name: str, value: object) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for stale in folder.glob(f"{name}-*.pickle"):  # one entry per name: old keys are dead
            stale.unlink(missing_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}-", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # atomic: concurrent workers never read half a file
    except OSError as exc:
        log.debug("cannot write cache entry %s (%s)", path, exc)
