"""HTML pages: body and metadata extracted with trafilatura."""

from __future__ import annotations

import datetime as dt
import json

from detente.errors import InputError
from detente.ingest.documents import Document


def html_to_document(
    html: str, *, doc_id: str, path: str | None = None, date: dt.date | None = None, line: int | None = None
) -> Document:
    """Extract the article body (paragraphs kept as lines) and its title, URL, site and date."""
    import trafilatura  # 0.3 s to import: only runs that read HTML pay it

    try:
        extracted = trafilatura.extract(
            html, output_format="json", with_metadata=True, include_comments=False, favor_precision=True
        )
    except (RecursionError, ValueError) as exc:  # pathological markup (nesting, bad characters)
        raise InputError(f"the HTML could not be parsed ({type(exc).__name__})", path=path, line=line) from None
    if not extracted:
        raise InputError("no article text could be extracted from the HTML", path=path, line=line)
    record = json.loads(extracted)
    text = (record.get("text") or "").strip()
    if not text:
        raise InputError("no article text could be extracted from the HTML", path=path, line=line)
    title = record.get("title") or None
    if title and not text.startswith(title):
        text = f"{title}\n{text}"
    page_date = None
    if record.get("date"):
        try:
            page_date = dt.date.fromisoformat(record["date"][:10])
        except ValueError:
            page_date = None
    return Document(
        id=doc_id,
        text=text,
        date=page_date or date,
        title=title,
        url=record.get("source") or record.get("url") or None,
        source=record.get("sitename") or record.get("source-hostname") or None,
        language=record.get("language") or None,
        path=path,
        line=line,
    )
