"""The start page's data: store summary, most active relationships, shift reports, codebook."""

from __future__ import annotations

import datetime as dt

import pytest
from fastapi.testclient import TestClient

from detente.api import ApiSettings, create_app
from detente.store import Store
from tests.analytics.streams import insert

MONDAY = dt.date(2024, 1, 1)


@pytest.fixture()
def client(tmp_path):
    rows = []
    for week in range(30):
        for n in range(4):
            g = 5.0 if week < 15 else -6.0
            rows.append((f"cv{week}-{n}", MONDAY + dt.timedelta(days=7 * week + n), "COLGOV", "COL", "VEN", "VEN", "040", "04", 1, g + n * 0.5, 1, 1, 1 + n % 2))
    rows.append(("x1", MONDAY, "USA", "USA", "MEX", "MEX", "040", "04", 1, 1.0, 1, 1, 1))
    rows.append(("x2", MONDAY, "---", None, "MEX", "MEX", "040", "04", 1, 1.0, 1, 1, 1))
    rows.append(("x3", MONDAY, "COLREB", "COL", "VEN", "VEN", "190", "19", 4, -10.0, 1, 1, 1))
    db = tmp_path / "o.duckdb"
    with Store(db) as store:
        insert(store.con, rows)
    return TestClient(create_app(ApiSettings(db=db, token="t")))


def test_overview_counts_dates_resolution_and_top_dyads(client):
    body = client.get("/api/overview").json()
    assert body["events"] == 123 and body["resolved_events"] == 122
    assert body["resolved_share"] == round(122 / 123, 4)
    assert body["first_date"] == "2024-01-01"
    top = body["dyads"][0]
    assert (top["a"], top["b"], top["a_label"], top["b_label"]) == ("COL", "VEN", "Colombia", "Venezuela")
    assert top["events"] == 120  # the rebels' event is not part of the state relationship
    assert len(top["weeks"]) == 30 and top["weeks"][0]["net_cooperation"] > 0 > top["weeks"][-1]["net_cooperation"]
    assert client.get("/api/overview", params={"dyads": 0}).status_code == 422


def test_relationship_report_and_codebook(client):
    report = client.get("/api/relationships/col/ven").json()
    [shift] = report["shifts"]
    assert shift["week"] == "2024-04-15" and shift["direction"] == "towards conflict"
    assert shift["events"][0]["cameo_name"] == client.get("/api/cameo").json()["040"]["name"]
    assert report["a_label"] == "Colombia"
    assert client.get("/api/relationships/col/v%24n").status_code == 422
    assert client.get("/api/relationships/col/ven", params={"by": "month"}).status_code == 422
