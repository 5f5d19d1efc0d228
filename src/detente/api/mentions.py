"""``/api/mentions``: every coded report of an event (one per sentence that reports it, with its
evidence and modality), filtered and paginated.

A mention is what the coder found in one sentence; the store counts events once across reports
(``/api/events``, see :mod:`detente.store.dedup`). Negated, hypothetical and future mentions make
no event, so mentions outnumber events. The page's ``total`` with no filter equals ``/api/stats``'s
``mentions``."""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated

from fastapi import APIRouter, Depends, Query

from detente.api.models import MentionPage, errors
from detente.api.security import get_state
from detente.api.state import ApiState

router = APIRouter(tags=["store"])


@router.get("/api/mentions", response_model=MentionPage, responses=errors(409))
def mentions(
    state: Annotated[ApiState, Depends(get_state)],
    actor: Annotated[str | None, Query(max_length=12, pattern=r"^[A-Za-z0-9-]+$")] = None,
    recipient: Annotated[str | None, Query(max_length=12, pattern=r"^[A-Za-z0-9-]+$")] = None,
    country: Annotated[str | None, Query(max_length=3, pattern=r"^[A-Za-z]{3}$")] = None,
    cameo: Annotated[str | None, Query(max_length=4, pattern=r"^\d{2,4}$")] = None,
    plover: Annotated[str | None, Query(max_length=20, pattern=r"^[A-Za-z_]+$")] = None,
    modality: Annotated[str | None, Query(pattern=r"^(asserted|negated|hypothetical|future)$")] = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    q: Annotated[str | None, Query(max_length=200)] = None,
    sort: Annotated[str, Query(pattern=r"^-?(date|goldstein|cameo|confidence)$")] = "-date",
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> MentionPage:
    """Every report of an event (one per sentence; all modalities), filtered and paginated: the
    coded records with their evidence, plus the document's title and URL."""
    clauses, params = [], []
    pair = "EXISTS (SELECT 1 FROM mention_pairs p WHERE p.mention_id = m.mention_id AND ({}))"
    if actor:
        clauses.append(pair.format("p.actor_code = ? OR p.actor_country = ?"))
        params += [actor.upper(), actor.upper()]
    if recipient:
        clauses.append(pair.format("p.recipient_code = ? OR p.recipient_country = ?"))
        params += [recipient.upper(), recipient.upper()]
    if country:
        clauses.append(pair.format("p.actor_country = ? OR p.recipient_country = ?"))
        params += [country.upper(), country.upper()]
    if cameo:
        clauses.append("(m.cameo = ? OR m.cameo_root = ?)" if len(cameo) > 2 else "m.cameo_root = ?")
        params += [cameo, cameo] if len(cameo) > 2 else [cameo]
    for clause, value in (("m.plover_event = ?", plover.upper() if plover else None), ("m.modality = ?", modality),
                          ("m.date >= ?", since), ("m.date <= ?", until)):
        if value:
            clauses.append(clause)
            params.append(value)
    if q:
        clauses.append("(m.sentence ILIKE ? OR d.title ILIKE ?)")
        params += [f"%{q}%", f"%{q}%"]
    where = " AND ".join(clauses) or "TRUE"
    column = sort.lstrip("-")  # one of four names (the pattern above)
    order = f"m.{column} {'DESC' if sort.startswith('-') else 'ASC'} NULLS LAST, m.mention_id"
    with state.store.reading() as cursor:
        total = cursor.execute(f"SELECT count(*) FROM mentions m JOIN documents d USING (doc_id) WHERE {where}", params).fetchone()[0]
        rows = cursor.execute(
            f"SELECT m.record, d.title, d.url FROM mentions m JOIN documents d USING (doc_id) WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?",
            [*params, limit, offset],
        ).fetchall()
    items = []
    for record, title, url in rows:
        item = json.loads(record)
        item["title"], item["url"] = title, url
        items.append(item)
    return MentionPage(total=total, limit=limit, offset=offset, items=items)
