"""``/api/events``: events as the store counts them (reports merged by the deduplication rule),
filtered and paginated.

Each item is a row of the ``events`` table; its reports are under ``/api/mentions``. With no
filter, the page's ``total`` equals ``/api/stats``'s ``events``.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Depends, Query

from detente.api.models import Event, EventPage, errors
from detente.api.security import get_state
from detente.api.state import ApiState

router = APIRouter(tags=["store"])

COLUMNS = tuple(Event.model_fields)  # the model's fields are the table's columns, in this order


@router.get("/api/events", response_model=EventPage, responses=errors(409))
def events(
    state: Annotated[ApiState, Depends(get_state)],
    actor: Annotated[str | None, Query(max_length=12, pattern=r"^[A-Za-z0-9-]+$", description="Actor code or country.")] = None,
    recipient: Annotated[str | None, Query(max_length=12, pattern=r"^[A-Za-z0-9-]+$", description="Recipient code or country.")] = None,
    country: Annotated[str | None, Query(max_length=3, pattern=r"^[A-Za-z]{3}$", description="Either side's country.")] = None,
    cameo: Annotated[str | None, Query(max_length=4, pattern=r"^\d{2,4}$", description="CAMEO code, or a root (2 digits).")] = None,
    plover: Annotated[str | None, Query(max_length=20, pattern=r"^[A-Za-z_]+$")] = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    sort: Annotated[str, Query(pattern=r"^-?(date|goldstein|cameo|num_mentions)$")] = "-date",
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> EventPage:
    """Events counted once across reports, filtered and paginated."""
    clauses, params = [], []
    for side, value in (("actor", actor), ("recipient", recipient)):
        if value:
            clauses.append(f"({side}_code = ? OR {side}_country = ?)")
            params += [value.upper(), value.upper()]
    if country:
        clauses.append("(actor_country = ? OR recipient_country = ?)")
        params += [country.upper(), country.upper()]
    if cameo:
        clauses.append("(cameo = ? OR cameo_root = ?)" if len(cameo) > 2 else "cameo_root = ?")
        params += [cameo, cameo] if len(cameo) > 2 else [cameo]
    for clause, value in (("plover_event = ?", plover.upper() if plover else None), ("date >= ?", since), ("date <= ?", until)):
        if value:
            clauses.append(clause)
            params.append(value)
    where = " AND ".join(clauses) or "TRUE"
    column = sort.lstrip("-")  # one of four names (the pattern above)
    order = f"{column} {'DESC' if sort.startswith('-') else 'ASC'} NULLS LAST, event_key"
    with state.store.reading() as cursor:
        total = cursor.execute(f"SELECT count(*) FROM events WHERE {where}", params).fetchone()[0]  # noqa: S608
        rows = cursor.execute(
            f"SELECT {', '.join(COLUMNS)} FROM events WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?",  # noqa: S608
            [*params, limit, offset],
        ).fetchall()
    return EventPage(total=total, limit=limit, offset=offset, items=[Event(**dict(zip(COLUMNS, row))) for row in rows])
