"""Accuracy gate: the project's own gold set, scored against floors pinned in floors.json.

Floors only ever move up: raise them when the coder improves (see tests/evaluation/floors.json).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from detente.evaluation import evaluate_file

GOLD = Path(__file__).resolve().parents[1] / "data" / "gold" / "sentences.jsonl"
FLOORS = json.loads((Path(__file__).with_name("floors.json")).read_text())


@pytest.fixture(scope="module")
def report(coder):
    return evaluate_file(GOLD, coder)


def test_gold_file_covers_what_the_gate_promises():
    lines = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(lines) >= 200
    roots = {e["cameo"][:2] for line in lines for e in line["events"] if e.get("cameo")}
    assert roots == {f"{i:02d}" for i in range(1, 21)}
    moods = {e.get("modality") for line in lines for e in line["events"]}
    assert moods == {"asserted", "negated", "hypothetical", "future"}
    kinds = {e.get("attribution") for line in lines for e in line["events"]}
    assert {"author", "reported", "quoted"} <= kinds
    assert sum(1 for line in lines if not line["events"]) >= 30


@pytest.mark.parametrize("level", ["triple", "root", "plover", "code"])
def test_f1_floor(report, level):
    assert report["scores"][level]["f1"] >= FLOORS[f"{level}_f1"], report["scores"][level]


def test_false_alarm_ceiling(report):
    assert report["false_alarm_rate"] <= FLOORS["false_alarm_ceiling"]


def test_modality_floor(report):
    assert report["modality_accuracy"] >= FLOORS["modality_accuracy"]
