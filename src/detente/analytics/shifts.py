"""Change points in a relationship: the "détente detector".

The dyad's weekly mean Goldstein series is segmented with ruptures' PELT search (a maintained
change-point library); each change point is reported with its week, the size of the shift (mean
after minus mean before) and the events of the weeks around it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
import ruptures

from detente.analytics.dyads import weekly_goldstein


@dataclass
class Shift:
    week: dt.date
    before: float
    after: float
    events: list[dict] = field(default_factory=list)

    @property
    def size(self) -> float:
        return round(self.after - self.before, 3)

    def as_dict(self) -> dict:
        return {"week": self.week.isoformat(), "before": round(self.before, 3), "after": round(self.after, 3), "size": self.size, "events": self.events}


def detect_shifts(
    con, a: str, b: str, *, since: dt.date | None = None, until: dt.date | None = None,
    penalty: float | None = None, min_weeks: int = 2, context_weeks: int = 1,
) -> list[Shift]:
    """Change points in the weekly Goldstein series of the A–B dyad.

    ``penalty`` trades sensitivity for false alarms (default: 3 × log(n) × variance of the series);
    ``min_weeks`` is the shortest segment.
    """
    series = weekly_goldstein(con, a, b, since=since, until=until)
    if len(series) < 2 * min_weeks:
        return []
    values = np.array([value for _, value, _ in series], dtype=float)
    spread = float(np.var(values)) or 1.0
    penalty = penalty if penalty is not None else 3.0 * np.log(len(values)) * spread
    breaks = ruptures.Pelt(model="l2", min_size=min_weeks, jump=1).fit(values.reshape(-1, 1)).predict(pen=penalty)
    shifts = []
    edges = [0, *breaks]
    for left, index, right in zip(edges, edges[1:], edges[2:]):
        week = series[index][0]
        shift = Shift(week=week, before=float(values[left:index].mean()), after=float(values[index:right].mean()))
        shift.events = _events_around(con, a, b, week, context_weeks)
        shifts.append(shift)
    return shifts


def _events_around(con, a: str, b: str, week: dt.date, weeks: int) -> list[dict]:
    start = week - dt.timedelta(days=7 * weeks)
    end = week + dt.timedelta(days=7 * (weeks + 1))
    rows = con.execute(
        """SELECT date, actor_code, recipient_code, cameo, goldstein, num_mentions, source_url FROM events
           WHERE ((actor_country = ? AND recipient_country = ?) OR (actor_country = ? AND recipient_country = ?))
             AND date >= ? AND date < ? ORDER BY abs(goldstein) DESC, date LIMIT 10""",
        [a.upper(), b.upper(), b.upper(), a.upper(), start, end],
    ).fetchall()
    keys = ("date", "actor", "recipient", "cameo", "goldstein", "num_mentions", "url")
    return [{k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in zip(keys, row)} for row in rows]
