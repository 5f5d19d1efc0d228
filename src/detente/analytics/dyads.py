"""The relationship of two countries over time: events by quad class and Goldstein, per period."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass

from detente.errors import ConfigError

PERIODS = {"day", "week", "month"}


@dataclass(frozen=True)
class DyadPeriod:
    period: dt.date
    source: str
    target: str
    events: int
    verbal_cooperation: int
    material_cooperation: int
    verbal_conflict: int
    material_conflict: int
    goldstein_sum: float
    goldstein_mean: float

    def as_dict(self) -> dict:
        record = asdict(self)
        record["period"] = self.period.isoformat()
        return record


def _code(value: str) -> str:
    code = value.strip().upper()
    if not code.isalnum() or not 2 <= len(code) <= 12:
        raise ConfigError(f"{value!r} is not a country or actor code (e.g. USA, COL, IGOUNO)")
    return code


def dyad_series(
    con, a: str, b: str, *, since: dt.date | None = None, until: dt.date | None = None, by: str = "week"
) -> list[DyadPeriod]:
    """Both directions of the A–B relationship, one row per period and direction.

    ``a`` and ``b`` are country codes (``actor_country``/``recipient_country``).
    """
    if by not in PERIODS:
        raise ConfigError(f"--by must be one of {sorted(PERIODS)}, not {by!r}")
    a, b = _code(a), _code(b)
    rows = con.execute(
        f"""
        SELECT date_trunc('{by}', date)::DATE AS period, actor_country, recipient_country,
               count(*),
               count(*) FILTER (WHERE quad_class = 1), count(*) FILTER (WHERE quad_class = 2),
               count(*) FILTER (WHERE quad_class = 3), count(*) FILTER (WHERE quad_class = 4),
               sum(goldstein), avg(goldstein)
        FROM events
        WHERE ((actor_country = ? AND recipient_country = ?) OR (actor_country = ? AND recipient_country = ?))
          AND (? IS NULL OR date >= ?) AND (? IS NULL OR date <= ?)
        GROUP BY ALL ORDER BY period, actor_country
        """,
        [a, b, b, a, since, since, until, until],
    ).fetchall()
    return [
        DyadPeriod(
            period=row[0], source=row[1], target=row[2], events=row[3], verbal_cooperation=row[4],
            material_cooperation=row[5], verbal_conflict=row[6], material_conflict=row[7],
            goldstein_sum=round(float(row[8]), 3), goldstein_mean=round(float(row[9]), 3),
        )
        for row in rows
    ]


def weekly_goldstein(con, a: str, b: str, *, since: dt.date | None = None, until: dt.date | None = None) -> list[tuple[dt.date, float, int]]:
    """Mean Goldstein score of the dyad (both directions together) for every week, gaps filled with
    the previous value so that quiet weeks do not look like shifts."""
    rows = dyad_series(con, a, b, since=since, until=until, by="week")
    weeks: dict[dt.date, list[float]] = {}
    for row in rows:
        total, count = weeks.get(row.period, [0.0, 0])
        weeks[row.period] = [total + row.goldstein_sum, count + row.events]
    if not weeks:
        return []
    start, end = min(weeks), max(weeks)
    series, previous = [], 0.0
    week = start
    while week <= end:
        total, count = weeks.get(week, [0.0, 0])
        value = total / count if count else previous
        series.append((week, value, int(count)))
        previous = value
        week += dt.timedelta(days=7)
    return series
