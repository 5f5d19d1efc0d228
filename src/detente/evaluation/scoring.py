"""Scores per SPEC §3.

Gold format: one object per line with ``id``, ``text``, ``date`` and ``events`` (each with
``source``, ``target``, ``cameo`` and/or ``plover``, ``modality``); or ConfliBERT-style lines with
``pentaclass`` and optional ``source_spans``/``target_spans``.

Per sentence, gold and predicted sets of (source country, target country, CAMEO root) triples are
compared, compound actors expanded to all pairs and an empty side written ``---``; micro precision,
recall and F1 over the file; the same on event type alone (CAMEO root; PLOVER type) and on full
CAMEO codes; and the false-alarm rate on sentences whose gold is ``events: []``. Only asserted
predictions count, unless a gold event carries another modality: then a prediction with that
modality can match it. A symmetric prediction matches in either direction.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc

from detente.coding.cameo import pentaclass
from detente.errors import InputError
from detente.ingest.documents import Document, parse_date

Track = Callable[[Iterable, int], Iterable]  # wraps items as they come, given their total (a progress bar)

NONE = "---"


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: set, pred: set) -> None:
        self.tp += len(gold & pred)
        self.fp += len(pred - gold)
        self.fn += len(gold - pred)

    def scores(self) -> dict:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class GoldSentence:
    id: str
    text: str
    date: object
    events: list[dict] | None = None
    pentaclass: int | None = None
    source_spans: list[str] = field(default_factory=list)
    target_spans: list[str] = field(default_factory=list)


def read_gold(path: Path, limit: int | None = None) -> list[GoldSentence]:
    sentences = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                sentences.append(
                    GoldSentence(
                        id=str(record["id"]),
                        text=record["text"],
                        date=parse_date(record.get("date"), path=str(path), line=number),
                        events=record.get("events"),
                        pentaclass=record.get("pentaclass"),
                        source_spans=record.get("source_spans") or [],
                        target_spans=record.get("target_spans") or [],
                    )
                )
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise InputError(f"bad gold line ({exc})", path=str(path), line=number) from None
            if limit is not None and len(sentences) >= limit:
                break
    return sentences


def evaluate_file(path: Path, coder, limit: int | None = None, baseline: bool = True, track: Track | None = None) -> dict:
    """Score ``coder`` on a sentence gold file; with ``baseline``, also the co-occurrence baseline's
    triple scores (detente's events, the sentence's first and second country as actor and recipient).
    ``track(items, total)``, when given, wraps the parsed sentences as they come (a progress bar)."""
    from detente.evaluation.articles import cooccurrence

    gold = read_gold(Path(path), limit)
    documents = [Document(id=g.id, text=g.text, date=g.date) for g in gold]
    pairs = coder.parse(documents)
    if track is not None:
        pairs = track(pairs, len(documents))
    parsed = [(doc._.events or [], doc._.actors or [], doc) for _, doc in pairs]
    report = evaluate_records(gold, parsed)
    if baseline and "scores" in report:
        cooc = [(cooccurrence(events, list(mentions)), mentions, doc) for events, mentions, doc in parsed]
        report["baseline"] = {"name": "sentence co-occurrence", "triple": evaluate_records(gold, cooc)["scores"]["triple"]}
    report["file"] = str(path)
    return report


def _country(code: str) -> str:
    return (code or NONE)[:3].upper()


def _pred_country(actor: dict) -> str:
    return _country(actor.get("country") or actor.get("code") or NONE)


def _triples(sources: list[str], targets: list[str], label: str) -> set[tuple]:
    sources = sources or [NONE]
    targets = targets or [NONE]
    return {(s, t, label) for s in sources for t in targets}


def _gold_sets(events: list[dict]) -> dict[str, set]:
    sets = {"triple": set(), "code": set(), "root": set(), "plover": set()}
    for event in events:
        mood = event.get("modality", "asserted")
        sources = [_country(s) for s in event.get("source") or []]
        targets = [_country(t) for t in event.get("target") or []]
        cameo = event.get("cameo")
        if cameo:
            sets["triple"] |= {(*t, mood) for t in _triples(sources, targets, cameo[:2])}
            sets["code"] |= {(*t, mood) for t in _triples(sources, targets, cameo)}
            sets["root"].add((cameo[:2], mood))
        if event.get("plover"):
            sets["plover"].add((event["plover"], mood))
    return sets


def _pred_sets(events: list[dict], gold: dict[str, set]) -> dict[str, set]:
    gold_moods = {item[-1] for values in gold.values() for item in values}
    sets = {"triple": set(), "code": set(), "root": set(), "plover": set()}
    for event in events:
        mood = event["modality"]
        if mood != "asserted" and mood not in gold_moods:
            continue
        sources = [_pred_country(a) for a in event["actor"]]
        targets = [_pred_country(a) for a in event["recipient"]]
        for level, label in (("triple", event["cameo_root"]), ("code", event["cameo"])):
            for triple in _triples(sources, targets, label):
                item = (*triple, mood)
                flipped = (triple[1], triple[0], triple[2], mood)
                if event.get("symmetric") and item not in gold[level] and flipped in gold[level]:
                    item = flipped
                sets[level].add(item)
        sets["root"].add((event["cameo_root"], mood))
        if event.get("plover"):
            sets["plover"].add((event["plover"]["event"], mood))
    return sets


def salient_event(events: list[dict], doc: Doc | None) -> dict | None:
    """The sentence's main asserted event: the trigger highest in the parse tree.

    Ties go to the more confident event.
    """
    asserted = [e for e in events if e["modality"] == "asserted"]
    if not asserted:
        return None

    def depth(event: dict) -> int:
        if doc is None:
            return 0
        span = doc.char_span(event["evidence"]["trigger_start"], event["evidence"]["trigger_end"])
        if span is None:
            return 99
        token, steps = span.root, 0
        while token.head.i != token.i and steps < 50:
            token, steps = token.head, steps + 1
        return steps

    return min(asserted, key=lambda e: (depth(e), -e["confidence"]))


def _overlaps(text: str, span: str, ranges: Iterable[tuple[int, int]]) -> bool:
    start = text.find(span)
    if start < 0:
        start = text.lower().find(span.lower())
    if start < 0:
        # gold spans are sometimes tokenised ("government 's"); match on their first word
        first = span.split()[0] if span.split() else span
        start = text.find(first)
        if start < 0:
            return False
    end = start + len(span)
    return any(s < end and start < e for s, e in ranges)


def evaluate_records(gold: list[GoldSentence], parsed: list[tuple[list[dict], list, Doc | None]]) -> dict:
    levels = {name: Counts() for name in ("triple", "code", "root", "plover")}
    empty_sentences = false_alarms = 0
    confusion = [[0] * 5 for _ in range(5)]
    penta_total = penta_right = penta_alt_right = 0
    spans = Counter()
    modality_hits = modality_total = 0
    for sentence, (events, mentions, doc) in zip(gold, parsed):
        if sentence.events is not None:
            gold_sets = _gold_sets(sentence.events)
            pred_sets = _pred_sets(events, gold_sets)
            for name, counts in levels.items():
                counts.add(gold_sets[name], pred_sets[name])
            if not sentence.events:
                empty_sentences += 1
                false_alarms += any(e["modality"] == "asserted" for e in events)
            for gold_event in sentence.events:
                if not gold_event.get("cameo"):
                    continue
                modality_total += 1
                same_root = [e for e in events if e["cameo_root"] == gold_event["cameo"][:2]]
                if any(e["modality"] == gold_event.get("modality", "asserted") for e in same_root):
                    modality_hits += 1
        if sentence.pentaclass is not None:
            event = salient_event(events, doc)
            predicted = pentaclass(event["cameo_root"]) if event else 0
            confusion[sentence.pentaclass][predicted] += 1
            penta_total += 1
            penta_right += predicted == sentence.pentaclass
            alternative = pentaclass(event["cameo_root"], reduce_relations_verbal=True) if event else 0
            penta_alt_right += alternative == sentence.pentaclass
        if sentence.source_spans or sentence.target_spans:
            mention_ranges = [(m.start, m.end) for m in mentions]
            actor_ranges, recipient_ranges = _argument_ranges(sentence.text, events)
            for role, gold_spans, ranges in (("source", sentence.source_spans, actor_ranges), ("target", sentence.target_spans, recipient_ranges)):
                for span in gold_spans:
                    spans[f"{role}_total"] += 1
                    spans[f"{role}_mention_hits"] += _overlaps(sentence.text, span, mention_ranges)
                    spans[f"{role}_event_hits"] += _overlaps(sentence.text, span, ranges)
    report: dict = {"sentences": len(gold)}
    if any(s.events is not None for s in gold):
        report["scores"] = {name: counts.scores() for name, counts in levels.items()}
        report["false_alarm_rate"] = round(false_alarms / empty_sentences, 4) if empty_sentences else None
        report["empty_sentences"] = empty_sentences
        report["modality_accuracy"] = round(modality_hits / modality_total, 4) if modality_total else None
    if penta_total:
        report["pentaclass"] = {
            "accuracy": round(penta_right / penta_total, 4),
            "accuracy_16_verbal": round(penta_alt_right / penta_total, 4),
            "n": penta_total,
            "confusion": confusion,
        }
    if spans:
        report["spans"] = {
            f"{role}_{kind}_recall": round(spans[f"{role}_{kind}_hits"] / spans[f"{role}_total"], 4) if spans[f"{role}_total"] else None
            for role in ("source", "target")
            for kind in ("mention", "event")
        }
        report["spans"]["source_total"] = spans["source_total"]
        report["spans"]["target_total"] = spans["target_total"]
    return report


def _argument_ranges(text: str, events: list[dict]) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Character ranges of the actor and recipient phrases of the sentence's asserted events."""
    actors, recipients = [], []
    for event in events:
        for role, out in (("actor", actors), ("recipient", recipients)):
            for actor in event[role]:
                start = text.find(actor["text"])
                if start >= 0:
                    out.append((start, start + len(actor["text"])))
    return actors, recipients
