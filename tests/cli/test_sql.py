"""`detente sql` is read-only: no file but the store is reachable, no extension, no other database."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from detente.cli.main import cli
from detente.store import Store, ingest_documents
from tests.store.fakes import FakeCoder, document


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        ingest_documents(store, FakeCoder(), [document("w1", ["USA>COL 111 2024-01-02"])])
    return path


def _sql(db, query):
    return CliRunner().invoke(cli, ["sql", query, "--db", str(db), "--format", "json"])


def test_select_works(db):
    result = _sql(db, "SELECT doc_id FROM documents")
    assert result.exit_code == 0 and json.loads(result.stdout) == [{"doc_id": "w1"}]


def test_copy_to_writes_no_file(db, tmp_path):
    out = tmp_path / "leak.csv"
    result = _sql(db, f"COPY (SELECT * FROM documents) TO '{out}'")
    assert result.exit_code == 1 and "COPY statements are refused" in result.stderr and "export" in result.stderr
    assert not out.exists()


def test_copy_hidden_after_a_select_is_refused_too(db, tmp_path):
    out = tmp_path / "leak.csv"
    result = _sql(db, f"SELECT 1; COPY documents TO '{out}'")
    assert result.exit_code == 1 and "COPY statements are refused" in result.stderr and not out.exists()


def test_attach_cannot_reach_another_store(db, tmp_path):
    other = tmp_path / "other.duckdb"
    with Store(other) as store:
        ingest_documents(store, FakeCoder(), [document("keep", ["FRA>RUS 111 2024-01-02"])])
    result = _sql(db, f"ATTACH '{other}' AS o (READ_WRITE)")
    assert result.exit_code == 1 and "ATTACH statements are refused" in result.stderr
    with Store(other, read_only=True) as store:
        assert store.counts()["documents"] == 1


@pytest.mark.parametrize(
    "query, message",
    [
        ("SELECT * FROM read_text('/etc/hostname')", "may read only the store"),
        ("SELECT * FROM read_csv('/etc/passwd')", "may read only the store"),
        ("SELECT * FROM '/etc/passwd'", "SQL error"),  # no replacement scan of files: not even looked for
        ("INSTALL httpfs", "INSTALL/LOAD statements are refused"),
        ("LOAD httpfs", "INSTALL/LOAD statements are refused"),
        ("SET enable_external_access = true", "SET statements are refused"),
        ("DELETE FROM documents", "DELETE statements are refused"),
        ("SELECT * FROM no_such_table", "SQL error"),
    ],
)
def test_files_extensions_and_writes_are_refused_with_a_clear_message(db, query, message):
    result = _sql(db, query)
    assert result.exit_code == 1 and message in result.stderr, result.stderr
    assert "Traceback" not in result.output
    assert _sql(db, "SELECT count(*) AS n FROM documents").stdout.count('"n": 1') == 1


def test_the_connection_runs_with_external_access_off(db):
    result = _sql(db, "SELECT current_setting('enable_external_access') AS allowed")
    assert result.exit_code == 0 and json.loads(result.stdout) == [{"allowed": False}]
