"""The relationship of two countries over time: events by quad class and Goldstein, per period.

Which events enter a dyad (the same rules for the tables, the charts and the shift detector):

* both sides resolved: an event whose actor or recipient has no country (``---``, a bare sector
  such as ``GOV``) belongs to no dyad;
* ``scope="state"`` (the default) leaves out actors that challenge their own state: rebels,
  insurgents, separatists, the opposition, unaligned armed forces and criminals (sector codes
  ``REB INS SEP OPP UAF CRM`` anywhere in the actor code). Venezuela's government helping the
  FARC (``VENGOV→COLREB``) is not cooperation between Venezuela and Colombia. ``scope="all"``
  keeps every actor whose country is A or B, as GDELT's country fields do;
* each event is weighted by how many outlets reported it (``weight="sources"``, the default:
  the store's ``num_sources``), by documents, or counted once (``weight="none"``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass

from detente.errors import ConfigError

PERIODS = {"day", "week", "month"}
SCOPES = {"state", "all"}
WEIGHTS = {"sources": "coalesce(num_sources, num_documents, 1)", "documents": "coalesce(num_documents, 1)", "none": "1"}
CHALLENGER_SECTORS = ("REB", "INS", "SEP", "OPP", "UAF", "CRM")
# sector codes follow the 3-letter country code in steps of three letters (COLREB, VENGOVOPP)
CHALLENGER_PATTERN = "^...(...)*(" + "|".join(CHALLENGER_SECTORS) + ")"


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
    weight: float = 0.0
    net_cooperation: float = 0.0

    def as_dict(self) -> dict:
        record = asdict(self)
        record["period"] = self.period.isoformat()
        return record


def code_of(value: str) -> str:
    """An actor or country code from user input, upper-cased; a clear error otherwise."""
    code = value.strip().upper()
    if not code.isalnum() or not 2 <= len(code) <= 12:
        raise ConfigError(f"{value!r} is not a country or actor code (e.g. USA, COL, IGOUNO)")
    return code


def check_options(*, by: str = "week", scope: str = "state", weight: str = "sources") -> None:
    if by not in PERIODS:
        raise ConfigError(f"--by must be one of {sorted(PERIODS)}, not {by!r}")
    if scope not in SCOPES:
        raise ConfigError(f"scope must be one of {sorted(SCOPES)}, not {scope!r}")
    if weight not in WEIGHTS:
        raise ConfigError(f"weight must be one of {sorted(WEIGHTS)}, not {weight!r}")


def dyad_filter(a: str, b: str, *, scope: str = "state", alias: str = "") -> tuple[str, list]:
    """SQL condition (and its parameters) selecting the A–B events of ``scope``, both directions.

    ``alias`` prefixes the column names (``"e."``); the columns are those of ``events`` and
    ``mention_pairs`` (actor_code, actor_country, recipient_code, recipient_country).
    """
    p = alias
    where = (
        f"(({p}actor_country = ? AND {p}recipient_country = ?) OR ({p}actor_country = ? AND {p}recipient_country = ?))"
        f" AND {p}actor_code <> '---' AND {p}recipient_code <> '---'"
    )
    params: list = [a, b, b, a]
    if scope == "state":
        where += f" AND NOT regexp_matches({p}actor_code, ?) AND NOT regexp_matches({p}recipient_code, ?)"
        params += [CHALLENGER_PATTERN, CHALLENGER_PATTERN]
    return where, params


def dyad_series(
    con, a: str, b: str, *, since: dt.date | None = None, until: dt.date | None = None, by: str = "week",
    scope: str = "state", weight: str = "sources",
) -> list[DyadPeriod]:
    """Both directions of the A–B relationship, one row per period (with events) and direction.

    ``a`` and ``b`` are country codes (``actor_country``/``recipient_country``). ``goldstein_sum``
    counts each event once; ``weight`` is the summed event weight, ``net_cooperation`` the
    weighted sum of Goldstein scores and ``goldstein_mean`` the weighted mean.
    """
    check_options(by=by, scope=scope, weight=weight)
    a, b = code_of(a), code_of(b)
    where, params = dyad_filter(a, b, scope=scope)
    w = WEIGHTS[weight]
    rows = con.execute(
        f"""
        SELECT date_trunc('{by}', date)::DATE AS period, actor_country, recipient_country,
               count(*),
               count(*) FILTER (WHERE quad_class = 1), count(*) FILTER (WHERE quad_class = 2),
               count(*) FILTER (WHERE quad_class = 3), count(*) FILTER (WHERE quad_class = 4),
               sum(goldstein), sum({w}), sum({w} * goldstein)
        FROM events
        WHERE {where} AND (? IS NULL OR date >= ?) AND (? IS NULL OR date <= ?)
        GROUP BY ALL ORDER BY period, actor_country
        """,
        [*params, since, since, until, until],
    ).fetchall()
    return [
        DyadPeriod(
            period=row[0], source=row[1], target=row[2], events=row[3], verbal_cooperation=row[4],
            material_cooperation=row[5], verbal_conflict=row[6], material_conflict=row[7],
            goldstein_sum=round(float(row[8]), 3), goldstein_mean=round(float(row[10]) / float(row[9]), 3),
            weight=float(row[9]), net_cooperation=round(float(row[10]), 3),
        )
        for row in rows
    ]
