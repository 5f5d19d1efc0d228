"""The event store: one embedded DuckDB file with documents, mentions and deduplicated events."""

from detente.store.database import Store, StoreLockedError, default_db_path
from detente.store.dedup import DedupRule
from detente.store.ingest import IngestReport, ingest_documents

__all__ = ["DedupRule", "IngestReport", "Store", "StoreLockedError", "default_db_path", "ingest_documents"]
