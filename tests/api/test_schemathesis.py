"""Property-based run of the OpenAPI description: no request may cause a server error, and every
response must match what the description promises (status codes, content types, bodies)."""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is not installed")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from schemathesis.checks import (  # noqa: E402
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from detente.api import ApiSettings, create_app  # noqa: E402
from tests.api.conftest import TOKEN  # noqa: E402

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_headers_conformance,
          response_schema_conformance]


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Pages the API is asked to fetch come from a mock transport, and every name resolves to a
    public test address: tests never reach the network."""
    import ipaddress

    import httpx

    import detente.ingest.web as web

    monkeypatch.setattr(web, "make_client", lambda **_: httpx.Client(transport=httpx.MockTransport(lambda request: httpx.Response(404))))
    monkeypatch.setattr(web, "resolve", lambda host, port: [ipaddress.ip_address("93.184.215.14")])


@pytest.fixture(scope="module", params=[False, True], ids=["read-only", "writable-fetching"])
def app(request, tmp_path_factory, coder):
    from detente.store import Store, ingest_documents
    from tests.store.fakes import FakeCoder, document

    db = tmp_path_factory.mktemp("schema") / "s.duckdb"
    with Store(db) as store:
        ingest_documents(store, FakeCoder(), [document("w1", ["USA>COL 111 2024-01-02", "COL>USA 042 2024-03-06"]),
                                              document("2024/03/w2", ["USA>COL 057 2024-03-05"])])
    writable = request.param
    return create_app(ApiSettings(db=db, token=TOKEN, writable=writable, fetch_urls=writable, max_body=20_000), coder=coder)


def test_no_server_errors_and_no_contract_mismatches(app):
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    failures: list[str] = []
    for operation in schema.get_all_operations():
        op = operation.ok()
        slow = op.path in ("/api/code", "/api/documents")  # coding is slow: fewer examples
        for token in (TOKEN, None, "wrong"):  # 401 must be documented where a token is needed
            if token != TOKEN and op.method.upper() != "POST":
                continue
            _run(op, token, 10 if slow else 30, failures)
    assert not failures, "\n".join(failures[:5])


def _run(op, token: str | None, examples: int, failures: list[str]) -> None:
    @settings(max_examples=examples, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(case=op.as_strategy())
    def check(case):
        headers = {k: v for k, v in (case.headers or {}).items() if k.lower() != "authorization"}
        if token is not None:
            headers["Authorization"] = f"Bearer {token}"
        case.headers = headers
        try:
            case.call_and_validate(checks=CHECKS)
        except Exception as failure:  # noqa: BLE001 (collected, reported together below)
            failures.append(f"{case.method} {case.formatted_path} (token {token!r}): {str(failure)[:400]}")

    check()
