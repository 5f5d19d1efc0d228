from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from detente.api import ApiSettings, create_app
from detente.store import Store, ingest_documents
from tests.store.fakes import FakeCoder, document

TOKEN = "test-token-123"


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "api.duckdb"
    with Store(path) as store:
        ingest_documents(
            store,
            FakeCoder(),
            [
                document("w1", ["USA>COL 111 2024-01-02", "USA>COL 057 2024-03-05"], source="Wire", url="https://w.test/1"),
                document("w2", ["COL>USA 042 2024-03-06", "VEN>COL 190 2024-03-07 hypothetical"], source="Other"),
            ],
        )
    return path


@pytest.fixture()
def client(db, coder):
    app = create_app(ApiSettings(db=db, token=TOKEN, writable=True), coder=coder)
    with TestClient(app) as client:
        yield client
