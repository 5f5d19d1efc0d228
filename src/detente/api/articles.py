"""Turning a request body into a document: its text, or the page at its URL when the operator
lets the server fetch (public addresses only, size and time capped)."""

from __future__ import annotations

import hashlib

from fastapi import HTTPException

from detente.api.models import MAX_TEXT, CodeRequest
from detente.api.state import ApiState
from detente.errors import InputError
from detente.ingest.documents import Document


def document_of(state: ApiState, body: CodeRequest, doc_id: str | None = None) -> Document:
    if body.url and not (body.text and body.text.strip()):
        config = state.config
        if not config.fetch_urls:
            raise HTTPException(403, "this server does not fetch URLs (the operator can allow it with "
                                     "`detente serve --fetch-urls`); send the article as 'text'")
        from detente.ingest.web import FetchPolicy, fetch_page, make_client

        policy = FetchPolicy(max_bytes=config.max_fetch_bytes, timeout=config.fetch_timeout)
        with make_client() as client:
            fetched = fetch_page(client, body.url, date=body.date, policy=policy)
        if len(fetched.text) > MAX_TEXT:
            raise InputError(f"the page's text has {len(fetched.text):,} characters, over the {MAX_TEXT:,} "
                             "one request may code; send an excerpt as 'text'", path=body.url)
        return Document(id=doc_id or fetched.id, text=fetched.text, date=body.date or fetched.date,
                        title=body.title or fetched.title, url=body.url, source=fetched.source)
    text = (body.text or "").replace("\r\n", "\n")
    digest = hashlib.sha1(text.encode()).hexdigest()[:16]
    return Document(id=doc_id or f"doc-{digest}", text=text, date=body.date, title=body.title, url=body.url)
