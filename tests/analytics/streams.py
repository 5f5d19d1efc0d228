"""Synthetic event streams with known change points, written straight into a store's events table."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

START = dt.date(2020, 1, 6)  # a Monday
COLUMNS = ("event_key, date, actor_code, actor_country, recipient_code, recipient_country, cameo, cameo_root, "
           "quad_class, goldstein, num_mentions, num_documents, num_sources")


@dataclass
class Stream:
    a: str
    b: str
    changes: list[int]  # weeks where the level changes
    rows: list[tuple]


def stream(a: str, b: str, *, weeks: int, rate: float, noise: float, changes: int, rng: np.random.Generator,
           step: float = 5.0, margin: int = 8) -> Stream:
    """``weeks`` weeks of A–B events, Poisson(``rate``) a week, each with a Goldstein score drawn
    around the current regime's tone (sd ``noise``, clipped to [-10, 10]); the tone moves by at
    least ``step`` at each of ``changes`` random weeks at least ``margin`` weeks apart."""
    points: list[int] = []
    while len(points) < changes:
        week = int(rng.integers(margin, weeks - margin))
        if all(abs(week - p) >= margin for p in points):
            points.append(week)
    points.sort()
    tone = float(rng.choice([-3.0, 3.0]))
    tones, current = [], tone
    for week in range(weeks):
        if week in points:
            current = -np.sign(current) * float(rng.uniform(step / 2, step / 2 + 2))
        tones.append(current)
    rows = []
    for week in range(weeks):
        for n in range(int(rng.poisson(rate))):
            day = START + dt.timedelta(days=7 * week + int(rng.integers(0, 7)))
            score = float(np.clip(rng.normal(tones[week], noise), -10, 10))
            actor, recipient = (a, b) if rng.random() < 0.5 else (b, a)
            rows.append((f"{a}{b}-{week}-{n}", day, actor, actor, recipient, recipient, "040", "04",
                         1 if score >= 0 else 3, round(score, 1), 1, 1, 1))
    return Stream(a, b, points, rows)


def insert(con, rows: list[tuple]) -> None:
    from detente.store.ingest import insert_rows

    insert_rows(con, f"events ({COLUMNS})", rows)
