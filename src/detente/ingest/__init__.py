"""Reading documents: plain text, HTML and JSON Lines, from files, folders and standard input.

The names below are imported on first use: the readers load trafilatura, which commands that only
query the store (``detente dyad``, ``detente sql``) never need.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

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


def __getattr__(name: str):
    if name in _HOMES:
        return getattr(import_module(_HOMES[name]), name)
    raise AttributeError(f"module 'detente.ingest' has no attribute {name!r}")
