"""Article-level scoring rules (evaluation.articles) on events written here, without the coder."""

from __future__ import annotations

import json

import pytest

from detente.errors import InputError
from detente.evaluation.articles import (
    Article,
    closest,
    cooccurrence,
    is_article_gold,
    read_articles,
    score_article,
)
from detente.coding.actors.mentions import ActorMention


def event(root, actors, recipients, modality="asserted", kind="author", sentence=(0, 100)):
    side = lambda codes: [{"code": c, "country": c} for c in codes]  # noqa: E731
    return {
        "cameo": root + "0",
        "cameo_root": root,
        "actor": side(actors),
        "recipient": side(recipients),
        "modality": modality,
        "attribution": {"kind": kind, "text": None},
        "evidence": {"sentence": "s", "trigger": "t", "start": sentence[0], "end": sentence[1]},
    }


ARTICLE = Article(
    id="a",
    date=None,
    text="",
    required=[
        {"id": "R1", "actor": ["FRA"], "recipient": ["DEU"], "cameo_root": ["04"], "symmetric": True},
        {"id": "R2", "actor": ["FRA"], "recipient": ["---"], "cameo_root": ["17"]},
    ],
    optional=[{"id": "O1", "actor": ["DEU"], "recipient": ["FRA"], "cameo_root": ["03"]}],
    forbidden_as_fact=[{"id": "F1", "actor": ["DEU"], "recipient": ["FRA"], "cameo_root": ["19"]}],
)


def test_symmetric_entries_match_either_way_and_empty_sides_are_dashes():
    scores = score_article(ARTICLE, [event("04", ["DEU"], ["FRA"]), event("17", ["FRA"], [])])
    assert scores["required_found"] == ["R1", "R2"]
    assert scores["missed"] == []


def test_only_asserted_events_count_and_directions_matter():
    scores = score_article(ARTICLE, [event("04", ["FRA"], ["DEU"], modality="future"), event("03", ["FRA"], ["DEU"])])
    assert scores["required_found"] == []
    assert scores["optional_found"] == []


def test_a_claim_is_a_violation_only_when_the_author_asserts_it():
    reported = score_article(ARTICLE, [event("19", ["DEU"], ["FRA"], kind="reported")])
    assert reported["violations"] == []
    negated = score_article(ARTICLE, [event("19", ["DEU"], ["FRA"], modality="negated")])
    assert negated["violations"] == []
    fact = score_article(ARTICLE, [event("19", ["DEU"], ["FRA"])])
    assert [v["id"] for v in fact["violations"]] == ["F1"]


def test_closest_event_says_what_differs():
    near = closest(ARTICLE.required[1], [event("17", ["DEU"], ["FRA"]), event("04", ["FRA"], [])])
    assert near["cameo"] == "170"
    assert near["differs"] == ["actor", "recipient"]
    assert closest(ARTICLE.required[0], []) is None


def test_both_sides_counts_events_with_a_country_on_each_side():
    scores = score_article(ARTICLE, [event("04", ["DEU"], ["FRA"]), event("17", ["FRA"], []), event("17", [], [])])
    assert scores["both_sides"] == 1 and scores["events"] == 3


def mention(start, country):
    return ActorMention(text="x", start=start, end=start + 1, code=country or "GOV", country=country, sector=None, name=None, via="kb", head=0, token_start=0, token_end=1)


def test_cooccurrence_takes_first_and_second_country_of_the_sentence():
    mentions = [mention(50, "RUS"), mention(10, "FRA"), mention(20, "FRA"), mention(30, None), mention(150, "USA")]
    (two,) = cooccurrence([event("04", [], [])], mentions)
    assert (two["actor"][0]["country"], two["recipient"][0]["country"]) == ("FRA", "RUS")
    (one,) = cooccurrence([event("04", [], [], sentence=(100, 200))], mentions)
    assert (one["actor"][0]["country"], one["recipient"][0]["country"]) == ("USA", "USA")
    (none,) = cooccurrence([event("04", ["FRA"], ["RUS"], sentence=(300, 400))], mentions)
    assert none["actor"] == [] and none["recipient"] == []


def test_reading_both_gold_layouts(tmp_path):
    (tmp_path / "a.txt").write_text("Title\n\nBody.", encoding="utf-8")
    single = {"doc": {"id": "a", "date": "2020-01-02", "file": "a.txt"}, "required": [], "forbidden_asserted": []}
    (tmp_path / "seed.json").write_text(json.dumps(single), encoding="utf-8")
    (tmp_path / "gold.json").write_text(json.dumps({"about": "", "articles": [single, single]}), encoding="utf-8")
    assert is_article_gold(tmp_path) and is_article_gold(tmp_path / "seed.json")
    assert [a.text for a in read_articles(tmp_path / "seed.json")] == ["Title\n\nBody."]
    assert len(read_articles(tmp_path)) == 2
    (tmp_path / "gold.json").write_text(json.dumps({"articles": [{"doc": {"id": "b", "file": "missing.txt"}}]}), encoding="utf-8")
    with pytest.raises(InputError, match="gold.json"):
        read_articles(tmp_path)
