"""Reading documents: plain text, HTML and JSON Lines, from files, folders and standard input."""

from detente.ingest.documents import Document, parse_date
from detente.ingest.readers import iter_documents, read_text_document

__all__ = ["Document", "iter_documents", "parse_date", "read_text_document"]
