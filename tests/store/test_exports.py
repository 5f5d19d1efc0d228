from __future__ import annotations

import csv
import json

import duckdb
import pytest

from detente.store import Store, ingest_documents
from detente.store.exports import GDELT_COLUMNS, export_events
from tests.store.fakes import FakeCoder, document


@pytest.fixture()
def store(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        ingest_documents(
            store,
            FakeCoder(),
            [document("a", ["FRA>RUS 111 2024-03-04"], url="https://a.test/1"), document("b", ["FRA>RUS 111 2024-03-04", "CHN>JPN 042 2024-03-05"], source="B")],
        )
        yield store


def test_gdelt_table(store, tmp_path):
    out = tmp_path / "events.tsv"
    assert export_events(store.con, "gdelt", out) == 2
    rows = list(csv.DictReader(out.open(), delimiter="\t"))
    assert list(rows[0]) == GDELT_COLUMNS
    fra = next(r for r in rows if r["Actor1Code"] == "FRA")
    assert (fra["EventCode"], fra["EventRootCode"], fra["QuadClass"], fra["NumMentions"], fra["NumSources"], fra["SOURCEURL"]) == (
        "111", "11", "3", "2", "2", "https://a.test/1")


def test_plover_csv_parquet(store, tmp_path):
    export_events(store.con, "plover", tmp_path / "e.jsonl")
    records = [json.loads(line) for line in (tmp_path / "e.jsonl").read_text().splitlines()]
    assert {r["event_type"] for r in records} == {"ACCUSE", "CONSULT"}
    export_events(store.con, "csv", tmp_path / "e.csv")
    assert (tmp_path / "e.csv").read_text().splitlines()[0].startswith("event_key,date,actor_code")
    export_events(store.con, "parquet", tmp_path / "e.parquet")
    assert duckdb.connect().execute(f"SELECT count(*) FROM '{tmp_path / 'e.parquet'}'").fetchone()[0] == 2
