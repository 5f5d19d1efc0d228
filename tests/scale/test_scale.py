"""Coding on a process pool and on a two-worker Dask LocalCluster gives what local coding gives."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from detente import Document, Settings
from detente.store import Store, ingest_documents

TEXTS = [
    "France and Germany condemned Russia on Monday.",
    "Chile expelled the Peruvian ambassador. Brazil hosted talks between Israel and Hamas.",
    "Kenyan police arrested dozens of protesters in Nairobi.",
    "The weather in Lisbon was mild.",
    "Japan will send food aid to Myanmar.",
]


def _documents():
    return [Document(id=f"s{i}", text=text, date=dt.date(2024, 3, 5), source=f"outlet-{i % 2}") for i, text in enumerate(TEXTS * 3)]


def _store_rows(path):
    with Store(path, read_only=True) as store:
        return (
            store.counts(),
            store.con.execute("SELECT doc_id, record FROM mentions ORDER BY mention_id").fetchall(),
            store.con.execute("SELECT date, actor_code, recipient_code, cameo, num_mentions, num_documents FROM events ORDER BY ALL").fetchall(),
        )


@pytest.fixture(scope="module")
def local_store(tmp_path_factory, coder):
    path = tmp_path_factory.mktemp("local") / "local.duckdb"
    with Store(path) as store:
        ingest_documents(store, coder, _documents())
    return _store_rows(path)


def test_process_pool_codes_like_one_process(coder):
    from detente.scale import ProcessPoolCoder

    local = [(d.id, events) for d, events in coder.code_documents(_documents())]
    pooled = [(d.id, events) for d, events in ProcessPoolCoder(Settings(), workers=2, chunk_size=2).code_documents(_documents())]
    assert pooled == local


def test_dask_local_cluster_ingest_equals_local_ingest(tmp_path, local_store):
    pytest.importorskip("distributed", reason="dask.distributed is not installed")
    from detente.scale.cluster import DaskCoder

    path = tmp_path / "dask.duckdb"
    with Store(path) as store:
        report = ingest_documents(store, DaskCoder("local", workers=2, partition_size=4), _documents())
        assert report.added == len(TEXTS) * 3
        again = ingest_documents(store, DaskCoder("local", workers=2, partition_size=4), _documents())
        assert again.unchanged == len(TEXTS) * 3 and again.added == 0
    counts, mentions, events = _store_rows(path)
    local_counts, local_mentions, local_events = local_store
    assert counts == local_counts
    assert [(d, json.loads(r)) for d, r in mentions] == [(d, json.loads(r)) for d, r in local_mentions]
    assert events == local_events
