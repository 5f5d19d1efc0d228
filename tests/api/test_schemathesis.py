"""Property-based run of the OpenAPI description: no request may cause a server error."""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is not installed")
from hypothesis import HealthCheck, settings  # noqa: E402

from detente.api import ApiSettings, create_app  # noqa: E402
from tests.api.conftest import TOKEN  # noqa: E402


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Pages the API is asked to fetch come from a mock transport: tests never reach the network."""
    import httpx

    import detente.ingest.web as web

    monkeypatch.setattr(web, "make_client", lambda **_: httpx.Client(transport=httpx.MockTransport(lambda request: httpx.Response(404))))


@pytest.fixture(scope="module")
def app(tmp_path_factory, coder):
    from detente.store import Store, ingest_documents
    from tests.store.fakes import FakeCoder, document

    db = tmp_path_factory.mktemp("schema") / "s.duckdb"
    with Store(db) as store:
        ingest_documents(store, FakeCoder(), [document("w1", ["USA>COL 111 2024-01-02", "COL>USA 042 2024-03-06"])])
    return create_app(ApiSettings(db=db, token=TOKEN, writable=True), coder=coder)


def test_no_server_errors(app):
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    failures = []
    for operation in schema.get_all_operations():
        op = operation.ok()
        if op.path == "/api/code" or op.path == "/api/documents":
            strategy = op.as_strategy()  # coding is slow: fewer examples
            examples = 15
        else:
            strategy = op.as_strategy()
            examples = 40

        @settings(max_examples=examples, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def check(case):
            case.headers = {**(case.headers or {}), "Authorization": f"Bearer {TOKEN}"}
            response = case.call()
            if response.status_code >= 500:
                failures.append((case.method, case.formatted_path, response.status_code, response.text[:200]))

        from hypothesis import given

        given(strategy)(check)()
    assert not failures, failures[:5]
