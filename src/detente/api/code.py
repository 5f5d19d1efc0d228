"""``/api/code``: code an article without storing it."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from detente.api.articles import document_of
from detente.api.models import CodeRequest, CodeResponse, errors
from detente.api.security import get_state
from detente.api.state import ApiState

router = APIRouter(tags=["coding"])


@router.post("/api/code", response_model=CodeResponse, responses=errors(403))
def code(body: CodeRequest, state: Annotated[ApiState, Depends(get_state)]) -> CodeResponse:
    """Code an article (text, or a URL when the server fetches URLs); nothing is stored."""
    from detente.coder import with_metadata

    document = document_of(state, body)
    [(document, doc)] = list(state.coder.parse([document]))
    events = [with_metadata(e, document) for e in doc._.events or ()]
    actors = [m.as_record(document.id) for m in doc._.actors or ()]
    return CodeResponse(doc_id=document.id, text=document.text, events=events, actors=actors)
