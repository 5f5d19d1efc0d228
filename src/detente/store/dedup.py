"""Counting each event once across reports.

A rule groups the asserted mentions of one (actor, recipient, CAMEO code) triple into events:

* ``day`` (default): one event per triple and calendar day — the same date, actor, recipient and
  code reported by several outlets (or twice by one) is one event;
* ``none``: every report of every pair is its own event (no deduplication);
* ``window:N``: reports of a triple less than N days after the first report of the current
  event merge into it (a chain of reports spread over a week is one event with ``window:7``).

Only asserted mentions make events; negated, hypothetical and future ones stay in ``mentions``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from detente.errors import ConfigError


@dataclass(frozen=True)
class DedupRule:
    kind: str = "day"  # day | none | window
    days: int = 1

    @classmethod
    def parse(cls, text: str) -> DedupRule:
        text = text.strip().lower()
        if text in ("day", "one-a-day", "daily"):
            return cls("day", 1)
        if text == "none":
            return cls("none", 0)
        if text.startswith("window:"):
            try:
                days = int(text.split(":", 1)[1])
            except ValueError:
                days = 0
            if days >= 1:
                return cls("window", days)
        raise ConfigError(f"unknown deduplication rule {text!r}: use day, none or window:N (N days >= 1)")

    def __str__(self) -> str:
        return "window:%d" % self.days if self.kind == "window" else self.kind


@dataclass(frozen=True, slots=True)
class Report:
    """One asserted mention of one actor pair, as the dedup rules see it."""

    mention_id: str
    doc_id: str
    source: str | None
    url: str | None
    date: dt.date
    ingested_at: dt.datetime
    actor_code: str
    actor_country: str | None
    recipient_code: str
    recipient_country: str | None
    cameo: str
    cameo_root: str
    quad_class: int
    goldstein: float
    plover_event: str | None
    location_country: str | None
    lat: float | None
    lon: float | None


def group(reports: Iterable[Report], rule: DedupRule) -> list[list[Report]]:
    """Reports of one or more triples grouped into events by ``rule``."""
    by_triple: dict[tuple[str, str, str], list[Report]] = {}
    for report in reports:
        by_triple.setdefault((report.actor_code, report.recipient_code, report.cameo), []).append(report)
    events: list[list[Report]] = []
    for triple_reports in by_triple.values():
        triple_reports.sort(key=lambda r: (r.date, r.mention_id))
        if rule.kind == "none":
            events.extend([r] for r in triple_reports)
        elif rule.kind == "day":
            by_day: dict[dt.date, list[Report]] = {}
            for report in triple_reports:
                by_day.setdefault(report.date, []).append(report)
            events.extend(by_day.values())
        else:
            current: list[Report] = []
            for report in triple_reports:
                if current and (report.date - current[0].date).days >= rule.days:
                    events.append(current)
                    current = []
                current.append(report)
            if current:
                events.append(current)
    return events


def event_row(reports: list[Report]) -> tuple:
    """The ``events`` row of one group of reports (the columns of schema version 2)."""
    first = reports[0]
    ids = sorted(r.mention_id for r in reports)
    key = hashlib.sha1(
        "|".join([first.actor_code, first.recipient_code, first.cameo, first.date.isoformat(), ids[0]]).encode()
    ).hexdigest()[:20]
    located = next((r for r in reports if r.location_country), None)
    return (
        key,
        first.date,
        first.actor_code,
        first.actor_country,
        first.recipient_code,
        first.recipient_country,
        first.cameo,
        first.cameo_root,
        first.quad_class,
        first.goldstein,
        first.plover_event,
        located.location_country if located else None,
        located.lat if located else None,
        located.lon if located else None,
        len(reports),
        len({r.doc_id for r in reports}),
        min(r.ingested_at for r in reports),
        max(r.ingested_at for r in reports),
        min((r.url for r in reports if r.url), default=None),
        len({r.source or r.doc_id for r in reports}),
    )
