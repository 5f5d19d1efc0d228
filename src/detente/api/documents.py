"""``/api/documents``: add a document to the store (token, writable server) and read one back.

Ids may hold ``/`` (``2024/03/a`` from a folder, or any id a JSON Lines corpus gives):
``GET /api/documents/2024/03/a`` and ``GET /api/documents/2024%2F03%2Fa`` both find it.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Path

from detente.api.articles import document_of
from detente.api.models import DocumentRequest, IngestResponse, StoredDocument, errors
from detente.api.security import get_state, require_token, require_writable
from detente.api.state import ApiState
from detente.ingest.documents import Document

router = APIRouter(tags=["store"])


@router.post(
    "/api/documents", response_model=IngestResponse, status_code=201, responses=errors(401, 403, 409),
    dependencies=[Depends(require_token), Depends(require_writable)],
)
def ingest(body: DocumentRequest, state: Annotated[ApiState, Depends(get_state)]) -> IngestResponse:
    """Code an article and add it to the store (needs the token, and a server started with --writable)."""
    from detente.store import ingest_documents

    base = document_of(state, body, body.id)
    document = Document(id=base.id, text=base.text, date=base.date, title=base.title, url=base.url,
                        source=body.source or base.source, language=body.language)
    statuses: list[str] = []
    coder = state.coder
    with state.store.writing() as store:  # one writer, holding the file only while it writes
        report = ingest_documents(store, coder, [document], on_document=lambda d, s: statuses.append(s))
    return IngestResponse(doc_id=document.id, status=statuses[0] if statuses else "unchanged", events=report.mentions)


@router.get("/api/documents/{doc_id:path}", response_model=StoredDocument, responses=errors(404, 409))
def document(
    doc_id: Annotated[str, Path(min_length=1, max_length=400)], state: Annotated[ApiState, Depends(get_state)]
) -> dict:
    """A stored document: text, metadata, and its events with offsets."""
    with state.store.reading() as cursor:
        row = cursor.execute(
            "SELECT doc_id, url, title, source, published, language, ingested_at, text FROM documents WHERE doc_id = ?", [doc_id]
        ).fetchone()
        if row is None:
            raise HTTPException(404, f"no document {doc_id[:200]!r}")
        records = cursor.execute("SELECT record FROM mentions WHERE doc_id = ? ORDER BY start_char, mention_id", [doc_id]).fetchall()
    keys = ("doc_id", "url", "title", "source", "date", "language", "ingested_at", "text")
    result = {k: (v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v) for k, v in zip(keys, row)}
    result["events"] = [json.loads(r[0]) for r in records]
    return result
