from __future__ import annotations

import pytest

from tests.api.conftest import TOKEN

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def test_code_returns_events_and_actors_without_storing(client):
    response = client.post("/api/code", json={"text": "France condemned Russia on Monday.", "date": "2024-03-05"})
    assert response.status_code == 200
    body = response.json()
    assert any(e["cameo_root"] == "11" for e in body["events"])
    assert {a["code"] for a in body["actors"]} >= {"FRA", "RUS"}
    assert client.get("/api/stats").json()["documents"] == 2


@pytest.mark.parametrize(
    "payload, status",
    [({}, 422), ({"text": "   "}, 422), ({"url": "ftp://x"}, 422), ({"text": "x", "date": "yesterday"}, 422), ({"text": 5}, 422)],
)
def test_code_rejects_bad_input(client, payload, status):
    assert client.post("/api/code", json=payload).status_code == status


def test_request_size_limit(db, coder):
    from fastapi.testclient import TestClient

    from detente.api import ApiSettings, create_app

    small = TestClient(create_app(ApiSettings(db=db, token=TOKEN, max_body=1000), coder=coder))
    response = small.post("/api/code", json={"text": "x" * 5000})
    assert response.status_code == 413


def test_ingest_needs_the_token(client):
    payload = {"id": "new-1", "text": "Chile expelled the Peruvian ambassador on Monday.", "date": "2024-03-05"}
    assert client.post("/api/documents", json=payload).status_code == 401
    assert client.post("/api/documents", json=payload, headers={"Authorization": "Bearer wrong"}).status_code == 401
    created = client.post("/api/documents", json=payload, headers=AUTH)
    assert created.status_code == 201 and created.json()["status"] == "added" and created.json()["events"] >= 1
    again = client.post("/api/documents", json=payload, headers={"X-Detente-Token": TOKEN})
    assert again.json()["status"] == "unchanged"
    assert client.get("/api/documents/new-1").json()["events"]


def test_ingest_rejects_bad_ids(client):
    assert client.post("/api/documents", json={"id": "../x", "text": "y"}, headers=AUTH).status_code == 422


def test_mentions_filters_and_pagination(client):
    page = client.get("/api/mentions", params={"limit": 2}).json()
    assert page["total"] == 4 and len(page["items"]) == 2
    assert client.get("/api/mentions", params={"actor": "USA"}).json()["total"] == 2
    assert client.get("/api/mentions", params={"recipient": "usa"}).json()["total"] == 1
    assert client.get("/api/mentions", params={"country": "VEN"}).json()["total"] == 1
    assert client.get("/api/mentions", params={"cameo": "11"}).json()["total"] == 1
    assert client.get("/api/mentions", params={"cameo": "057"}).json()["total"] == 1
    assert client.get("/api/mentions", params={"plover": "consult"}).json()["total"] == 1
    assert client.get("/api/mentions", params={"modality": "hypothetical"}).json()["total"] == 1
    assert client.get("/api/mentions", params={"since": "2024-03-06", "until": "2024-03-06"}).json()["total"] == 1
    assert client.get("/api/mentions", params={"q": "VEN>COL"}).json()["total"] == 1
    ordered = client.get("/api/mentions", params={"sort": "date"}).json()["items"]
    assert [e["date"] for e in ordered] == sorted(e["date"] for e in ordered)


def test_events_filters_and_pagination(client):
    page = client.get("/api/events", params={"limit": 2}).json()
    assert page["total"] == 3 and len(page["items"]) == 2  # the hypothetical mention makes no event
    assert {"event_key", "num_mentions", "num_sources"} <= set(page["items"][0])
    assert page["items"][0]["first_seen"].endswith(("Z", "+00:00"))  # RFC 3339, as the schema says
    assert client.get("/api/events", params={"actor": "USA"}).json()["total"] == 2
    assert client.get("/api/events", params={"recipient": "usa"}).json()["total"] == 1
    assert client.get("/api/events", params={"country": "VEN"}).json()["total"] == 0
    assert client.get("/api/events", params={"cameo": "11"}).json()["total"] == 1
    assert client.get("/api/events", params={"cameo": "057"}).json()["total"] == 1
    assert client.get("/api/events", params={"plover": "consult"}).json()["total"] == 1
    assert client.get("/api/events", params={"since": "2024-03-06", "until": "2024-03-06"}).json()["total"] == 1
    ordered = client.get("/api/events", params={"sort": "date"}).json()["items"]
    assert [e["date"] for e in ordered] == sorted(e["date"] for e in ordered) and len(ordered) == 3
    second = client.get("/api/events", params={"limit": 2, "offset": 2, "sort": "date"}).json()["items"]
    assert [e["event_key"] for e in second] == [ordered[2]["event_key"]]


def test_events_and_mentions_agree_with_stats_and_the_store(client, db):
    """/api/events counts events (the events table), /api/mentions counts mentions, as /api/stats does."""
    import duckdb

    with duckdb.connect(str(db), read_only=True) as con:
        events, mentions = (con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("events", "mentions"))
    stats = client.get("/api/stats").json()
    assert client.get("/api/events").json()["total"] == stats["events"] == events == 3
    assert client.get("/api/mentions").json()["total"] == stats["mentions"] == mentions == 4
    assert sum(e["num_mentions"] for e in client.get("/api/events").json()["items"]) == 3  # asserted mentions only


@pytest.mark.parametrize("path", ["/api/events", "/api/mentions"])
@pytest.mark.parametrize(
    "params",
    [{"limit": 0}, {"limit": 10_000}, {"offset": -1}, {"cameo": "1; DROP TABLE events"},
     {"actor": "USA' OR 1=1 --"}, {"sort": "text"}, {"since": "not-a-date"}],
)
def test_events_bad_parameters_are_4xx(client, path, params):
    assert client.get(path, params=params).status_code == 422


def test_mentions_bad_modality_is_4xx(client):
    assert client.get("/api/mentions", params={"modality": "maybe"}).status_code == 422


def test_document_endpoint(client):
    doc = client.get("/api/documents/w1").json()
    assert doc["url"] == "https://w.test/1" and len(doc["events"]) == 2 and "USA>COL" in doc["text"]
    assert client.get("/api/documents/nope").status_code == 404


def test_dyad_shifts_network_stats(client):
    series = client.get("/api/dyads/usa/col", params={"by": "month"}).json()
    assert {(r["period"], r["source"]) for r in series} == {("2024-01-01", "USA"), ("2024-03-01", "USA"), ("2024-03-01", "COL")}
    assert client.get("/api/dyads/USA/COL", params={"by": "year"}).status_code == 422
    assert client.get("/api/dyads/U$A/COL").status_code == 422
    assert isinstance(client.get("/api/shifts/USA/COL").json(), list)
    graph = client.get("/api/network").json()
    assert {(e["source"], e["target"]) for e in graph["edges"]} == {("USA", "COL"), ("COL", "USA")}
    stats = client.get("/api/stats").json()
    assert stats["events"] == 3 and stats["first_date"] == "2024-01-02"


def test_dashboard_and_assets_are_served_locally(client):
    page = client.get("/")
    assert page.status_code == 200 and "/vendor/plotly.min.js" in page.text and "cdn" not in page.text.lower()
    assert client.get("/vendor/plotly.min.js").status_code == 200
    assert client.get("/static/app.js").status_code == 200
    assert client.get("/docs").status_code == 200 and client.get("/openapi.json").json()["info"]["title"] == "detente"


STORELESS = {"/api/cameo"}  # answered from the shipped codebook, never from the store


def test_openapi_documents_every_response(client):
    """Every API operation names a model (a schema with properties or items) for its success
    response, and its error statuses with the error model."""
    spec = client.get("/openapi.json").json()
    for path, operations in spec["paths"].items():
        if not path.startswith("/api/"):
            continue
        for method, operation in operations.items():
            success = next(code for code in operation["responses"] if code.startswith("2"))
            schema = operation["responses"][success]["content"]["application/json"]["schema"]
            assert "$ref" in schema or "$ref" in schema.get("items", {}), (method, path, schema)
            if method == "get" and path not in STORELESS:  # a read may meet the store busy
                assert "409" in operation["responses"], (method, path)
    assert set(spec["components"]["schemas"]["Stats"]["properties"]) >= {"documents", "mentions", "events"}
