"""``/api/dyads``, ``/api/shifts`` and ``/api/network``: relations between countries over time."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query

from detente.api.models import DyadPeriod, Network, ShiftPoint, errors
from detente.api.security import get_state
from detente.api.state import ApiState

router = APIRouter(tags=["analytics"])


Code = Annotated[str, Path(pattern=r"^[A-Za-z0-9]{2,12}$", description="Country or actor code, e.g. USA.")]


@router.get("/api/dyads/{a}/{b}", response_model=list[DyadPeriod], responses=errors(409))
def dyad(a: Code, b: Code, state: Annotated[ApiState, Depends(get_state)], since: dt.date | None = None,
         until: dt.date | None = None, by: Annotated[str, Query(pattern=r"^(day|week|month)$")] = "week") -> list[dict]:
    """The A–B relationship by period, both directions."""
    from detente.analytics import dyad_series

    a, b = a.upper(), b.upper()
    with state.store.reading() as cursor:
        return [r.as_dict() for r in dyad_series(cursor, a, b, since=since, until=until, by=by)]


@router.get("/api/shifts/{a}/{b}", response_model=list[ShiftPoint], responses=errors(409))
def shifts(a: Code, b: Code, state: Annotated[ApiState, Depends(get_state)], since: dt.date | None = None,
           until: dt.date | None = None, penalty: Annotated[float | None, Query(gt=0, le=1e6)] = None) -> list[dict]:
    """Change points of the weekly Goldstein series of the A–B relationship."""
    from detente.analytics import detect_shifts

    a, b = a.upper(), b.upper()
    with state.store.reading() as cursor:
        return [s.as_dict() for s in detect_shifts(cursor, a, b, since=since, until=until, penalty=penalty)]


@router.get("/api/network", response_model=Network, responses=errors(409))
def network(state: Annotated[ApiState, Depends(get_state)], since: dt.date | None = None, until: dt.date | None = None,
            min_events: Annotated[int, Query(ge=1, le=1_000_000)] = 1) -> dict:
    """The country-relations graph: nodes and weighted edges."""
    import networkx as nx

    from detente.analytics import relations_graph

    with state.store.reading() as cursor:
        graph = relations_graph(cursor, since=since, until=until, min_events=min_events)
    return nx.node_link_data(graph, edges="edges")
