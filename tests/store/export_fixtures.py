"""A small store for the export tests: known events with places, an unknown side, several reports."""

from __future__ import annotations

import pytest

from detente.store import DedupRule, Store, ingest_documents
from tests.store.fakes import FakeCoder, document


class PlacedCoder(FakeCoder):
    """FakeCoder, plus: a line's 4th word "@Berlin/DEU/52.52/13.40" is the event's location, and
    actor "---" is an unknown side (an empty list, as the real coder writes it)."""

    def _events(self, document):
        for event in super()._events(document):
            line = event["evidence"]["sentence"]
            words = line.split()
            for side in ("actor", "recipient"):
                if event[side][0]["code"] == "---":
                    event[side] = []
                else:
                    event[side][0]["name"] = {"FRA": "Emmanuel Macron", "RUS": "Russia"}.get(event[side][0]["code"])
            place = next((w for w in words if w.startswith("@")), None)
            if place:
                name, country, lat, lon = place[1:].split("/")
                event["location"] = {"name": name, "place": name, "country": country, "lat": float(lat), "lon": float(lon)}
            yield event


def build(path, documents, rule: DedupRule = DedupRule()) -> Store:
    store = Store(path)
    ingest_documents(store, PlacedCoder(), documents, rule=rule)
    return store


@pytest.fixture()
def store(tmp_path):
    documents = [
        document("a", ["FRA>RUS 111 2024-03-04 asserted @Paris/FRA/48.85/2.35"], url="https://a.test/1"),
        document("b", ["headline", "FRA>RUS 111 2024-03-04", "x", "CHN>JPN 042 2024-03-05"], source="B"),
        document("c", ["IGOUNO>--- 010 2024-03-06", "USA>CAN 042 2024-03-06",
                       "USAGOV>IGOWSTNAT 036 2024-03-07 asserted @Berlin/DEU/52.52/13.40"], url="https://c.test/3"),
    ]
    with build(tmp_path / "s.duckdb", documents) as store:
        yield store
