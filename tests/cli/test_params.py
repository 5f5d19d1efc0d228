"""Country codes given to ``dyad``/``shifts``: known ones pass (any case), unknown ones are a usage
error naming the nearest known codes."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from detente.cli.main import cli
from detente.cli.params import kb_country_codes
from detente.store import Store, ingest_documents
from tests.store.fakes import FakeCoder, document


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "p.duckdb"
    with Store(path) as store:
        ingest_documents(store, FakeCoder(), [document("w1", ["USA>COL 111 2024-01-02", "COL>USA 042 2024-01-09"])])
    return path


def test_the_knowledge_base_codes_are_read_without_loading_it():
    codes = kb_country_codes()
    assert {"USA", "COL", "VEN", "TLS", "TMP", "EUR"} <= codes and len(codes) > 250


@pytest.mark.parametrize("command", ["dyad", "shifts"])
@pytest.mark.parametrize(("given", "suggested"), [("COLL", "COL"), ("VNZ", "VEN"), ("USAA", "USA")])
def test_unknown_code_is_a_usage_error_with_suggestions(db, command, given, suggested):
    result = CliRunner().invoke(cli, [command, "USA", given, "--db", str(db), "--format", "json"])
    assert result.exit_code == 2, result.output
    assert f"unknown country code '{given}'" in result.stderr and suggested in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("command", ["dyad", "shifts"])
def test_unknown_code_before_the_db_option_is_checked_against_that_store(db, command):
    result = CliRunner().invoke(cli, [command, "--db", str(db), "XXQ", "COL"])
    assert result.exit_code == 2 and "unknown country code 'XXQ'" in result.stderr


@pytest.mark.parametrize("command", ["dyad", "shifts"])
def test_known_codes_in_any_case_pass(db, command):
    result = CliRunner().invoke(cli, [command, "usa", "col", "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output


def test_a_code_only_the_store_knows_passes(tmp_path):
    path = tmp_path / "own.duckdb"
    with Store(path) as store:
        ingest_documents(store, FakeCoder(), [document("w1", ["ZZA>USA 111 2024-01-02"])])
    result = CliRunner().invoke(cli, ["dyad", "ZZA", "USA", "--db", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output


def test_a_malformed_code_is_refused(db):
    result = CliRunner().invoke(cli, ["dyad", "U$A", "COL", "--db", str(db)])
    assert result.exit_code == 2 and "not a country code" in result.stderr
