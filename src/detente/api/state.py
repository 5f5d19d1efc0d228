"""What the API's requests share: its settings, the loaded coder, and access to the store.

The server never holds the store open for writing. Reads go through one read-only connection
(DuckDB lets other processes read the same file at the same time: ``detente sql``, ``dyad``,
``export``), closed a quarter second after the last request so that a ``detente ingest`` can commit.
When the operator enables writes, each write closes that connection, opens the store read-write
for as long as the write takes, and closes it again; reads wait for it in this process. A request
that finds the file held by another process waits up to ``lock_wait`` seconds, then answers 409.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from detente.settings import Settings


@dataclass
class ApiSettings:
    """db: the store file. token: what writes must present (generated when unset).
    max_body: largest request body in bytes. writable: accept POST /api/documents.
    fetch_urls: let /api/code and /api/documents fetch a page given by URL (public addresses only).
    lock_wait: seconds a request waits for a store another process is writing before answering 409.
    idle_release: seconds without a request after which the read connection is let go."""

    db: Path | None = None
    token: str | None = None
    max_body: int = 1_000_000
    writable: bool = False
    fetch_urls: bool = False
    max_fetch_bytes: int = 5_000_000
    fetch_timeout: float = 20.0
    lock_wait: float = 5.0
    idle_release: float = 0.25
    settings: Settings = field(default_factory=Settings)

    def __post_init__(self) -> None:
        if not self.token:
            self.token = secrets.token_urlsafe(24)


class ReadWriteLock:
    """Many readers or one writer (writers first once they wait)."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writing = False
        self._waiting = 0

    @contextmanager
    def read(self) -> Iterator[None]:
        with self._cond:
            self._cond.wait_for(lambda: not self._writing and not self._waiting)
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    @contextmanager
    def write(self) -> Iterator[None]:
        with self._cond:
            self._waiting += 1
            self._cond.wait_for(lambda: not self._writing and not self._readers)
            self._waiting -= 1
            self._writing = True
        try:
            yield
        finally:
            with self._cond:
                self._writing = False
                self._cond.notify_all()


class StoreAccess:
    """Read-only connection on demand, let go after ``idle`` seconds without a request (so a CLI
    ingest can commit between requests); short read-write sessions for writes."""

    def __init__(self, path: Path | None, lock_wait: float, idle: float = 0.25) -> None:
        self.path = path
        self.lock_wait = lock_wait
        self.idle = idle
        self._lock = ReadWriteLock()
        self._open = threading.Lock()
        self._store = None
        self._last = 0.0
        self._timer: threading.Timer | None = None

    @contextmanager
    def reading(self):
        """A cursor on the read-only connection, for one request."""
        from detente.store import Store

        with self._lock.read():
            with self._open:
                if self._store is None:
                    self._store = Store(self.path, read_only=True, lock_wait=self.lock_wait)
                cursor = self._store.con.cursor()
            try:
                yield cursor
            finally:
                cursor.close()
                self._touch()

    @contextmanager
    def writing(self):
        """The store opened read-write for one write, closed afterwards."""
        from detente.store import Store

        with self._lock.write():
            self.release()
            store = Store(self.path, lock_wait=self.lock_wait)
            try:
                yield store
            finally:
                store.close()

    def release(self) -> None:
        with self._open:
            if self._store is not None:
                self._store.close()
                self._store = None

    def _touch(self) -> None:
        with self._open:
            self._last = time.monotonic()
            if self._timer is None:
                self._schedule(self.idle)

    def _schedule(self, delay: float) -> None:
        self._timer = threading.Timer(delay, self._expire)
        # not a daemon: at interpreter exit Python waits the quarter second for it, rather than
        # killing it inside DuckDB's close (which aborts the process)
        self._timer.daemon = False
        self._timer.start()

    def _expire(self) -> None:
        with self._lock.write():  # no request is reading
            with self._open:
                left = self._last + self.idle - time.monotonic()
                if left > 0:
                    self._schedule(left)
                    return
                self._timer = None
                if self._store is not None:
                    self._store.close()
                    self._store = None


class ApiState:
    """The settings, the coder (loaded on first use) and the store access of one app."""

    def __init__(self, config: ApiSettings, coder=None) -> None:
        self.config = config
        self._coder = coder
        self._coder_lock = threading.Lock()
        self.store = StoreAccess(config.db, config.lock_wait, config.idle_release)
        self.write_lock = threading.Lock()

    @property
    def coder(self):
        with self._coder_lock:
            if self._coder is None:
                from detente.coder import Coder

                self._coder = Coder(self.config.settings)
            return self._coder
