"""Scores on article-level gold (the format of ../shared/eval/news-dev/gold.json and seed/gold.json).

An article's gold lists events a coder must find (``required``), may find (``optional``) and must
not state as the author's fact (``forbidden_as_fact``; ``forbidden_asserted``). A predicted event
matches an entry when one of its actor countries is in the entry's ``actor`` list, one of its
recipient countries in ``recipient`` (either way round when ``symmetric``), and its CAMEO root in
``cameo_root``; an empty side is ``---``. Required and optional entries count only asserted events
(and, where ``required_attribution`` is given, only those attribution kinds).

A violation is a ``forbidden_as_fact`` entry matched by an asserted event the author states
(attribution ``author``), or a ``forbidden_asserted`` entry matched by any asserted event.

The co-occurrence baseline keeps detente's own events and actor mentions but gives each event the
first country mentioned in its sentence as actor and the second (or the first again) as recipient:
the floor any argument extraction has to beat.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from detente.errors import InputError
from detente.ingest.documents import Document

if TYPE_CHECKING:  # pragma: no cover
    from detente.evaluation.scoring import Track

NONE = "---"
ASSERTED = "asserted"
FACT_KINDS = {"author"}


@dataclass
class Article:
    id: str
    date: dt.date | None
    text: str
    required: list[dict] = field(default_factory=list)
    optional: list[dict] = field(default_factory=list)
    forbidden_as_fact: list[dict] = field(default_factory=list)
    forbidden_asserted: list[dict] = field(default_factory=list)


def is_article_gold(path: Path) -> bool:
    """Whether ``path`` is an article-level gold file (or a folder holding ``gold.json``)."""
    path = Path(path)
    if path.is_dir():
        return (path / "gold.json").is_file()
    if path.suffix != ".json":
        return False
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return False
    return isinstance(data, dict) and ("articles" in data or ("doc" in data and "required" in data))


def read_articles(path: Path) -> list[Article]:
    """The articles of a gold file, each with its text read from the file the gold names."""
    path = Path(path)
    if path.is_dir():
        path = path / "gold.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise InputError(f"bad article gold ({exc.msg})", path=str(path), line=exc.lineno) from None
    entries = data.get("articles") if "articles" in data else [data]
    articles = []
    for number, entry in enumerate(entries, start=1):
        try:
            doc = entry["doc"]
            text = (path.parent / doc["file"]).read_text(encoding="utf-8")
            date = dt.date.fromisoformat(doc["date"]) if doc.get("date") else None
            articles.append(
                Article(
                    id=str(doc["id"]),
                    date=date,
                    text=text,
                    required=list(entry.get("required") or []),
                    optional=list(entry.get("optional") or []),
                    forbidden_as_fact=list(entry.get("forbidden_as_fact") or []),
                    forbidden_asserted=list(entry.get("forbidden_asserted") or []),
                )
            )
        except (KeyError, TypeError, ValueError, OSError) as exc:
            raise InputError(f"bad article entry {number} ({exc})", path=str(path)) from None
    return articles


def _side(actors: list[dict]) -> set[str]:
    countries = {actor["country"].upper() for actor in actors if actor.get("country")}
    return countries or {NONE}


def _direction(entry: dict, event: dict) -> tuple[bool, bool]:
    """(actor matches, recipient matches) in the better of the allowed directions."""
    actors, recipients = _side(event["actor"]), _side(event["recipient"])
    forward = (bool(actors & set(entry["actor"])), bool(recipients & set(entry["recipient"])))
    if not entry.get("symmetric"):
        return forward
    backward = (bool(actors & set(entry["recipient"])), bool(recipients & set(entry["actor"])))
    return max(forward, backward, key=sum)


def matches(entry: dict, event: dict) -> bool:
    """Whether ``event`` has the entry's root and dyad (modality aside)."""
    return event["cameo_root"] in entry["cameo_root"] and all(_direction(entry, event))


def counts_as_found(entry: dict, event: dict) -> bool:
    if event["modality"] != ASSERTED or not matches(entry, event):
        return False
    kinds = entry.get("required_attribution")
    return not kinds or event["attribution"]["kind"] in kinds


def is_violation(entry: dict, event: dict, as_fact: bool) -> bool:
    if event["modality"] != ASSERTED or not matches(entry, event):
        return False
    return event["attribution"]["kind"] in FACT_KINDS if as_fact else True


def both_sides(event: dict) -> bool:
    return any(a.get("country") for a in event["actor"]) and any(r.get("country") for r in event["recipient"])


def closest(entry: dict, events: list[dict]) -> dict | None:
    """The produced event nearest to a missed entry, and what differs from it."""
    best, best_score, best_diff = None, -1, []
    for event in events:
        actor_ok, recipient_ok = _direction(entry, event)
        checks = {
            "root": event["cameo_root"] in entry["cameo_root"],
            "actor": actor_ok,
            "recipient": recipient_ok,
            "modality": event["modality"] == ASSERTED,
        }
        score = 2 * checks["root"] + checks["actor"] + checks["recipient"] + checks["modality"]
        if score > best_score:
            best, best_score, best_diff = event, score, [k for k, ok in checks.items() if not ok]
    if best is None:
        return None
    return {
        "differs": best_diff,
        "cameo": best["cameo"],
        "actor": sorted(_side(best["actor"])),
        "recipient": sorted(_side(best["recipient"])),
        "modality": best["modality"],
        "attribution": best["attribution"]["kind"],
        "trigger": best["evidence"]["trigger"],
        "sentence": best["evidence"]["sentence"],
    }


def cooccurrence(events: list[dict], mentions: list) -> list[dict]:
    """The baseline: each event's actor and recipient replaced by the countries of its sentence.

    The first country mentioned in the event's sentence is the actor, the second (or the first
    again, when the sentence names one country) the recipient.
    """
    out = []
    for event in events:
        start, end = event["evidence"]["start"], event["evidence"]["end"]
        countries: list[str] = []
        for mention in sorted(mentions, key=lambda m: m.start):
            if start <= mention.start < end and mention.country and mention.country not in countries:
                countries.append(mention.country)
        if not countries:
            out.append({**event, "actor": [], "recipient": []})
            continue
        actor, recipient = countries[0], countries[1] if len(countries) > 1 else countries[0]
        out.append({**event, "actor": [{"code": actor, "country": actor}], "recipient": [{"code": recipient, "country": recipient}]})
    return out


def score_article(article: Article, events: list[dict]) -> dict:
    found = [e["id"] for e in article.required if any(counts_as_found(e, ev) for ev in events)]
    optional = [e["id"] for e in article.optional if any(counts_as_found(e, ev) for ev in events)]
    violations = [
        {"id": entry["id"], "sentences": [ev["evidence"]["sentence"] for ev in events if is_violation(entry, ev, as_fact)]}
        for entries, as_fact in ((article.forbidden_as_fact, True), (article.forbidden_asserted, False))
        for entry in entries
        if any(is_violation(entry, ev, as_fact) for ev in events)
    ]
    missed = [
        {"id": entry["id"], "why": entry.get("why", ""), "closest": closest(entry, events)}
        for entry in article.required
        if entry["id"] not in found
    ]
    return {
        "id": article.id,
        "events": len(events),
        "both_sides": sum(both_sides(e) for e in events),
        "required": len(article.required),
        "required_found": found,
        "optional": len(article.optional),
        "optional_found": optional,
        "violations": violations,
        "missed": missed,
    }


def _totals(articles: list[dict]) -> dict:
    required = sum(a["required"] for a in articles)
    optional = sum(a["optional"] for a in articles)
    events = sum(a["events"] for a in articles)
    return {
        "articles": len(articles),
        "required": required,
        "required_found": sum(len(a["required_found"]) for a in articles),
        "required_recall": round(sum(len(a["required_found"]) for a in articles) / required, 4) if required else None,
        "optional": optional,
        "optional_recall": round(sum(len(a["optional_found"]) for a in articles) / optional, 4) if optional else None,
        "violations": sum(len(a["violations"]) for a in articles),
        "events": events,
        "both_sides_share": round(sum(a["both_sides"] for a in articles) / events, 4) if events else None,
    }


def evaluate_articles(path: Path, coder, baseline: bool = True, track: Track | None = None) -> dict:
    """Score ``coder`` on every article of an article-level gold file (or folder). ``track(items,
    total)``, when given, wraps the parsed articles as they come (a progress bar)."""
    articles = read_articles(Path(path))
    documents = [Document(id=a.id, text=a.text, date=a.date) for a in articles]
    pairs = coder.parse(documents)
    if track is not None:
        pairs = track(pairs, len(documents))
    detente, cooc = [], []
    for article, (_, doc) in zip(articles, pairs):
        events = [dict(e) for e in doc._.events or ()]
        detente.append(score_article(article, events))
        if baseline:
            cooc.append(score_article(article, cooccurrence(events, list(doc._.actors or ()))))
    report = {"file": str(path), "kind": "articles", "totals": _totals(detente), "articles": detente}
    if baseline:
        report["baseline"] = {"name": "sentence co-occurrence", "totals": _totals(cooc)}
    return report
