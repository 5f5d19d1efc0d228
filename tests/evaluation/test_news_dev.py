"""Article-level gate: the real articles of ../shared/eval/news-dev against floors in floors.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from detente.evaluation import evaluate_articles

FLOORS = json.loads((Path(__file__).with_name("floors.json")).read_text())["news_dev"]


@pytest.fixture(scope="module")
def report(shared, coder):
    return evaluate_articles(shared / "eval" / "news-dev", coder)


def test_required_recall_floor(report):
    assert report["totals"]["required_recall"] >= FLOORS["required_recall"], report["totals"]


def test_optional_recall_floor(report):
    assert report["totals"]["optional_recall"] >= FLOORS["optional_recall"], report["totals"]


def test_violation_ceiling(report):
    assert report["totals"]["violations"] <= FLOORS["violations_ceiling"], [a["violations"] for a in report["articles"] if a["violations"]]


def test_share_of_events_with_both_sides(report):
    assert report["totals"]["both_sides_share"] >= FLOORS["both_sides_share"], report["totals"]


def test_every_miss_is_diagnosed(report):
    for article in report["articles"]:
        assert len(article["required_found"]) + len(article["missed"]) == article["required"]
        for miss in article["missed"]:
            if miss["closest"] is not None:
                assert set(miss["closest"]["differs"]) <= {"root", "actor", "recipient", "modality"}
