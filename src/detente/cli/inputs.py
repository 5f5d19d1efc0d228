"""Reading the commands' input documents, with the readers imported on first use.

The readers load trafilatura (HTML extraction); commands that only query the store never need
them, so ``detente dyad`` starts without paying for it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import datetime as dt

    from detente.errors import InputError
    from detente.ingest import Document


def iter_documents(sources: Iterable[str], *, date: dt.date | None = None, **options) -> Iterator[Document | InputError]:
    """:func:`detente.ingest.iter_documents`, imported when first called."""
    from detente.ingest import iter_documents as read

    return read(sources, date=date, **options)
