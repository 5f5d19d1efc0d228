"""Opening, locking and migrating the DuckDB file."""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import platformdirs

from detente.errors import DetenteError
from detente.store.schema import MIGRATIONS, SCHEMA_VERSION

log = logging.getLogger(__name__)


class StoreError(DetenteError):
    http_status = 500


class StoreLockedError(StoreError):
    """Another process holds the store open for writing."""

    http_status = 409


class QueryError(StoreError):
    """A query given to :func:`run_query` was refused or failed."""

    http_status = 400


# DuckDB settings of a sandboxed connection: no file but the store, no network, no extensions.
SANDBOX = {"enable_external_access": False, "autoinstall_known_extensions": False, "autoload_known_extensions": False}
READ_STATEMENTS = {"SELECT", "EXPLAIN", "PRAGMA", "CALL"}
_REFUSED_HINTS = {
    "COPY": "to write a file, redirect the output (--format csv > out.csv) or use `detente export`",
    "EXPORT": "to write files, use `detente export`",
    "ATTACH": "other database files cannot be opened",
    "LOAD": "extensions cannot be installed or loaded",
}


def default_db_path() -> Path:
    """``$DETENTE_DB``, else ``detente.duckdb`` in the user data directory."""
    env = os.environ.get("DETENTE_DB")
    if env:
        return Path(env)
    return Path(platformdirs.user_data_dir("detente", appauthor=False)) / "detente.duckdb"


class Store:
    """One DuckDB file. Open read-write (the default, migrates) or read-only (queries only).

    A second writer on the same file gets :class:`StoreLockedError` with a clear message instead
    of touching the file. ``sandbox`` locks the connection down for user queries: no file other
    than the store, no network, no extension installed or loaded, configuration locked.

    ``hold=False`` (writers that spend most of their time elsewhere, such as an ingest that codes
    text between commits) keeps the file closed except inside :meth:`session`, so that readers
    in other processes, and ``detente serve``, can open it in between; a session waits up to
    ``lock_wait`` seconds for a file another process holds.
    """

    def __init__(
        self,
        path: Path | str | None = None,
        *,
        read_only: bool = False,
        migrate: bool = True,
        sandbox: bool = False,
        hold: bool = True,
        lock_wait: float = 0.0,
    ) -> None:
        self.path = Path(path) if path is not None else default_db_path()
        self.read_only = read_only
        self.hold = hold
        self.lock_wait = lock_wait
        self._config = dict(SANDBOX) if sandbox else {}
        self._sessions = threading.RLock()
        self._depth = 0
        if not read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        elif not self.path.exists():
            raise StoreError(f"no store at {self.path}; run `detente ingest` first or pass --db", path=str(self.path))
        self.con = self._connect()
        if migrate and not read_only:
            self.migrate()
        elif read_only and self.version < SCHEMA_VERSION:
            version = self.version
            self.con.close()
            if version == 0:
                raise StoreError("not a detente store (no schema version)", path=str(self.path))
            with Store(self.path):  # an older store: migrate it once, then reopen read-only
                pass
            self.con = self._connect()
        if sandbox:
            self.con.execute("SET lock_configuration = true")
        if not hold:
            self.con.close()
            self.con = None

    def _connect(self) -> duckdb.DuckDBPyConnection:
        deadline = time.monotonic() + self.lock_wait
        while True:
            try:
                return duckdb.connect(str(self.path), read_only=self.read_only, config=dict(self._config))
            except duckdb.IOException as exc:
                if "lock" not in str(exc).lower():
                    raise StoreError(f"cannot open the store: {exc}", path=str(self.path)) from None
                if time.monotonic() < deadline:
                    time.sleep(0.05)
                    continue
                raise StoreLockedError(
                    f"the store is in use by another detente process ({_holder(str(exc))}); "
                    "wait for it to finish, or use another file with --db",
                    path=str(self.path),
                ) from None

    @contextmanager
    def session(self) -> Iterator[Store]:
        """The store with its file open: a no-op for a store that holds its file; otherwise the file
        is opened (waiting up to ``lock_wait`` for another process) and closed when the outermost
        session ends."""
        if self.hold:
            yield self
            return
        with self._sessions:
            if self._depth == 0:
                self.con = self._connect()
            self._depth += 1
            try:
                yield self
            finally:
                self._depth -= 1
                if self._depth == 0:
                    self.con.close()
                    self.con = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self.con is not None:
            self.con.close()

    @property
    def version(self) -> int:
        tables = {row[0] for row in self.con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        if "meta" not in tables:
            return 0
        row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return int(row[0]) if row else 0

    def migrate(self, target: int = SCHEMA_VERSION) -> int:
        """Apply the missing migrations, each in its own transaction; returns the new version."""
        current = self.version
        if current > SCHEMA_VERSION:
            raise StoreError(
                f"the store has schema version {current}, newer than this detente ({SCHEMA_VERSION}); upgrade detente",
                path=str(self.path),
            )
        for version in range(current + 1, target + 1):
            self.con.execute("BEGIN TRANSACTION")
            try:
                for statement in MIGRATIONS[version]:
                    self.con.execute(statement)
                self.con.execute(
                    "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(version)]
                )
                self.con.execute("COMMIT")
            except Exception:
                self.con.execute("ROLLBACK")
                raise
            log.info("migrated %s to schema version %d", self.path, version)
        return self.version

    def get_meta(self, key: str) -> str | None:
        row = self.con.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self.con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [key, value])

    def counts(self) -> dict[str, int]:
        return {
            table: self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608 (fixed names)
            for table in ("documents", "mentions", "mention_pairs", "events")
        }


def run_query(store: Store, sql: str) -> tuple[list[str], list[tuple]]:
    """Run the read-only ``sql`` (SELECT, EXPLAIN, PRAGMA or CALL statements; the last one's rows
    are returned) and give its column names and rows. Open the store with ``sandbox=True`` so
    that functions reading files or the network are refused by DuckDB too."""
    try:
        statements = store.con.extract_statements(sql)
    except duckdb.Error as exc:
        raise QueryError(f"SQL error: {exc}") from None
    if not statements:
        raise QueryError("the query holds no statement")
    for statement in statements:
        kind = statement.type.name
        if kind not in READ_STATEMENTS:
            hint = _REFUSED_HINTS.get(kind, "the store is opened read-only")
            raise QueryError(f"SQL error: {'INSTALL/LOAD' if kind == 'LOAD' else kind} statements are refused: queries are read-only; {hint}")
    try:
        cursor = None
        for statement in statements:
            cursor = store.con.execute(statement)
        columns = [d[0] for d in cursor.description or []]
        return columns, cursor.fetchall()
    except duckdb.PermissionException as exc:
        raise QueryError(f"SQL error: refused: {exc} (queries may read only the store: no other file, URL or extension)") from None
    except duckdb.Error as exc:
        raise QueryError(f"SQL error: {exc}") from None


def _holder(message: str) -> str:
    marker = "PID"
    if marker in message:
        tail = message[message.index(marker) :].split()
        return " ".join(tail[:2]).rstrip(".,)")
    return "lock held"
