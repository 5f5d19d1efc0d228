"""``/api/stats``: counts and date range of the store."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from detente.api.models import Stats, errors
from detente.api.security import get_state
from detente.api.state import ApiState

router = APIRouter(tags=["store"])


@router.get("/api/stats", response_model=Stats, responses=errors(409))
def stats(state: Annotated[ApiState, Depends(get_state)]) -> Stats:
    """Counts and date range of the store: ``events`` is the total of ``/api/events``,
    ``mentions`` that of ``/api/mentions``."""
    with state.store.reading() as cursor:
        counts = {t: cursor.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("documents", "mentions", "events")}  # noqa: S608
        first, last = cursor.execute("SELECT min(date), max(date) FROM events").fetchone()
        countries = cursor.execute(
            "SELECT c, count(*) FROM (SELECT actor_country c FROM events UNION ALL SELECT recipient_country FROM events) "
            "WHERE c IS NOT NULL GROUP BY c ORDER BY 2 DESC, 1 LIMIT 30"
        ).fetchall()
    return Stats(**counts, first_date=first, last_date=last, countries=[{"country": c, "events": n} for c, n in countries])
