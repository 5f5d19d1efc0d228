"""The event store: one embedded DuckDB file with documents, mentions and deduplicated events.

The names below are imported on first use, so that reading commands do not load the ingest path.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from detente.lazy import lazy_getattr

if TYPE_CHECKING:  # pragma: no cover
    from detente.store.database import Store, StoreLockedError, default_db_path
    from detente.store.dedup import DedupRule
    from detente.store.ingest import IngestReport, ingest_documents

__all__ = ["DedupRule", "IngestReport", "Store", "StoreLockedError", "default_db_path", "ingest_documents"]
_HOMES = {
    "DedupRule": "detente.store.dedup",
    "IngestReport": "detente.store.ingest",
    "Store": "detente.store.database",
    "StoreLockedError": "detente.store.database",
    "default_db_path": "detente.store.database",
    "ingest_documents": "detente.store.ingest",
}


__getattr__ = lazy_getattr(__name__, _HOMES)
