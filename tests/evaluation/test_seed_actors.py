"""Actor coding of the seed article as issue 2 lists it (skipped when ../shared is absent)."""

from __future__ import annotations

import datetime as dt

import pytest

from detente import Document


@pytest.fixture(scope="module")
def seed_mentions(shared, full_coder):
    text = (shared / "eval" / "seed" / "article.txt").read_text(encoding="utf-8")
    document = Document(id="seed", text=text, date=dt.date(2026, 2, 10))
    return text, list(full_coder.actors([document]))


def _with(mentions, word):
    return [m for m in mentions if word in m["text"]]


def test_every_trump_and_petro_mention(seed_mentions):
    text, mentions = seed_mentions
    for name, code, expected in (("Trump", "USAGOV", text.count("Trump")), ("Petro", "COLGOV", text.count("Petro"))):
        starts = {text.find(name, m["start"]) for m in mentions if name in m["text"] and m["code"] == code}
        assert len(starts) == expected, name


@pytest.mark.parametrize(
    "phrase, check",
    [
        ("White House", lambda m: m["code"] == "USAGOV"),
        ("Venezuela", lambda m: m["country"] == "VEN"),
        ("Cuba", lambda m: m["country"] == "CUB"),
        ("Ecuador", lambda m: m["country"] == "ECU"),
        ("Mexico", lambda m: m["country"] == "MEX"),
        ("Ukraine", lambda m: m["country"] == "UKR"),
        ("Russia", lambda m: m["country"] == "RUS"),
        ("China", lambda m: m["country"] == "CHN"),
        ("Colombian", lambda m: m["country"] == "COL"),
        ("CELAC", lambda m: m["country"] == "IGO"),
        ("CNE", lambda m: m["code"] == "COLGOV"),
        ("National Electoral Council", lambda m: m["code"] == "COLGOV"),
        ("Frente por la Vida", lambda m: m["code"] == "COLPTY"),
        ("Maduro", lambda m: m["country"] == "VEN"),
        ("Cepeda", lambda m: m["country"] == "COL" and m["sector"] in {"PTY", "LEG", "OPP", "ELI", "GOV"}),
        ("Barreras", lambda m: m["country"] == "COL" and m["sector"] in {"PTY", "LEG", "OPP", "ELI", "GOV"}),
        ("Navy", lambda m: m["code"] == "USAMIL"),
    ],
)
def test_named_actors(seed_mentions, phrase, check):
    _, mentions = seed_mentions
    found = _with(mentions, phrase)
    assert found and all(check(m) for m in found), [(m["text"], m["code"]) for m in found]
