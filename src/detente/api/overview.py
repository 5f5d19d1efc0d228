"""What the dashboard's start page and views read: the store at a glance, the most active
relationships, a relationship's shift report and the CAMEO codebook (names and Goldstein)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query

from detente.api.models import Cameo, Overview, Relationship, errors
from detente.api.security import get_state
from detente.api.state import ApiState

router = APIRouter(prefix="/api", tags=["analytics"])
State = Annotated[ApiState, Depends(get_state)]
Code = Annotated[str, Path(pattern=r"^[A-Za-z0-9]{2,12}$", description="Country or actor code, e.g. COL.")]


def _iso(value) -> str | None:
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value


@router.get("/overview", response_model=Overview, responses=errors(409))
def overview(state: State, dyads: Annotated[int, Query(ge=1, le=50)] = 10) -> dict:
    """Documents, events, dates covered, the share of events with both sides resolved, and the
    most active relationships (state actors, both directions) with their weekly net cooperation."""
    with state.store.reading() as cursor:
        return _overview(cursor, dyads)


def _overview(cursor, dyads: int) -> dict:
    from detente.analytics.dyads import CHALLENGER_PATTERN, dyad_filter
    from detente.analytics.labels import Labels

    documents, first_published, last_published = cursor.execute("SELECT count(*), min(published), max(published) FROM documents").fetchone()
    events, first, last, resolved = cursor.execute(
        """SELECT count(*), min(date), max(date),
                  count(*) FILTER (WHERE actor_code <> '---' AND recipient_code <> '---'
                                   AND actor_country IS NOT NULL AND recipient_country IS NOT NULL)
           FROM events"""
    ).fetchone()
    mentions = cursor.execute("SELECT count(*) FROM mentions").fetchone()[0]
    top = cursor.execute(
        """SELECT least(actor_country, recipient_country) AS pair_a, greatest(actor_country, recipient_country) AS pair_b,
                  count(*) AS n, max(date)
            FROM events WHERE actor_country IS NOT NULL AND recipient_country IS NOT NULL
              AND actor_country <> recipient_country AND actor_code <> '---' AND recipient_code <> '---'
              AND actor_country NOT IN ('IGO', 'NGO') AND recipient_country NOT IN ('IGO', 'NGO')
              AND NOT regexp_matches(actor_code, ?) AND NOT regexp_matches(recipient_code, ?)
            GROUP BY ALL ORDER BY n DESC, pair_a, pair_b LIMIT ?""",
        [CHALLENGER_PATTERN, CHALLENGER_PATTERN, dyads],
    ).fetchall()
    labels = Labels.load()
    start = first_published or first
    result = []
    for a, b, count, latest in top:
        where, params = dyad_filter(a, b, scope="state")
        weeks = cursor.execute(
            f"""SELECT date_trunc('week', date)::DATE, count(*), sum(coalesce(num_sources, num_documents, 1) * goldstein)
                FROM events WHERE {where} AND date >= ? GROUP BY ALL ORDER BY 1""",
            [*params, start - dt.timedelta(days=start.weekday())] if start else [*params, dt.date.min],
        ).fetchall()
        result.append({
            "a": a, "b": b, "a_label": labels(a).text, "b_label": labels(b).text, "events": count,
            "net_cooperation": round(sum(float(w[2]) for w in weeks), 3),
            "last_date": _iso(latest), "weeks": [{"period": _iso(p), "events": n, "net_cooperation": round(float(v), 3)} for p, n, v in weeks],
        })
    return {
        "documents": documents, "mentions": mentions, "events": events,
        "first_date": _iso(first), "last_date": _iso(last),
        "first_published": _iso(first_published), "last_published": _iso(last_published),
        "resolved_events": resolved, "resolved_share": round(resolved / events, 4) if events else None,
        "dyads": result,
    }


@router.get("/relationships/{a}/{b}", response_model=Relationship, responses=errors(409))
def relationship(
    state: State, a: Code, b: Code,
    by: Annotated[str, Query(pattern=r"^(day|week)$")] = "week",
    scope: Annotated[str, Query(pattern=r"^(state|all)$")] = "state",
    weight: Annotated[str, Query(pattern=r"^(sources|documents|none)$")] = "sources",
    since: dt.date | None = None, until: dt.date | None = None,
) -> dict:
    """The shift report of the A–B relationship: its series (quiet periods included), the shifts
    with their evidence and uncertainty, and the candidates that lacked evidence."""
    from detente.analytics import shift_report
    from detente.analytics.labels import Labels

    with state.store.reading() as cursor:
        report = shift_report(cursor, a, b, by=by, scope=scope, weight=weight, since=since, until=until)
    labels = Labels.load()
    return {**report.as_dict(), "a_label": labels(report.a).text, "b_label": labels(report.b).text}


@router.get("/cameo", response_model=Cameo)
def cameo() -> dict:
    """Every CAMEO code with its name, Goldstein score and quad class."""
    from detente.coding.cameo import Codebook

    return {c.code: {"name": c.name, "goldstein": c.goldstein, "quad_class": c.quad_class} for c in Codebook.load()}
