"""The seed article's expected coding (../shared/eval/seed/gold.json), when ../shared is present."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from detente import Document


@pytest.fixture(scope="module")
def seed(shared, coder):
    gold = json.loads((shared / "eval" / "seed" / "gold.json").read_text(encoding="utf-8"))
    text = (shared / "eval" / "seed" / gold["doc"]["file"]).read_text(encoding="utf-8")
    document = Document(id=gold["doc"]["id"], text=text, date=dt.date.fromisoformat(gold["doc"]["date"]))
    events = list(coder.code([document]))
    return gold, events


def _countries(actors):
    return {a["country"] or "---" for a in actors} or {"---"}


def _matches(entry, event):
    if event["cameo_root"] not in entry["cameo_root"]:
        return False
    actors, recipients = _countries(event["actor"]), _countries(event["recipient"])
    forward = actors & set(entry["actor"]) and recipients & set(entry["recipient"])
    backward = entry.get("symmetric") and actors & set(entry["recipient"]) and recipients & set(entry["actor"])
    return bool(forward or backward)


def test_required_events_are_found_asserted(seed):
    gold, events = seed
    asserted = [e for e in events if e["modality"] == "asserted"]
    for entry in gold["required"]:
        found = [e for e in asserted if _matches(entry, e)]
        assert found, f"{entry['id']} not found: {entry['why']}"
        if "date" in entry:
            assert any(e["date"] == entry["date"] for e in found), entry["id"]
        if "location_country" in entry:
            assert any((e["location"] or {}).get("country") == entry["location_country"] for e in found), entry["id"]


def test_forbidden_events_are_never_asserted(seed):
    gold, events = seed
    asserted = [e for e in events if e["modality"] == "asserted"]
    for entry in gold["forbidden_asserted"]:
        wrong = [e for e in asserted if _matches(entry, e)]
        assert not wrong, f"{entry['id']} coded as asserted: {[e['evidence']['sentence'] for e in wrong]}"
