"""Reading documents: plain text, HTML and JSON Lines, from files, folders and standard input.

The names below are imported on first use: the readers load trafilatura, which commands that only
query the store (``detente dyad``, ``detente sql``) never need.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from detente.lazy import lazy_getattr

if TYPE_CHECKING:  # pragma: no cover
    from detente.ingest.documents import Document, parse_date
    from detente.ingest.readers import iter_documents, read_text_document

__all__ = ["Document", "iter_documents", "parse_date", "read_text_document"]
_HOMES = {
    "Document": "detente.ingest.documents",
    "parse_date": "detente.ingest.documents",
    "iter_documents": "detente.ingest.readers",
    "read_text_document": "detente.ingest.readers",
}


__getattr__ = lazy_getattr(__name__, _HOMES)
