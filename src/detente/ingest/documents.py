"""The document record every later stage consumes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from detente.errors import InputError


@dataclass(frozen=True, slots=True)
class Document:
    """One article. ``text`` is the body the coder reads; offsets in events refer to it."""

    id: str
    text: str
    date: dt.date | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    language: str | None = None
    path: str | None = None
    line: int | None = None

    def metadata(self) -> dict[str, str | None]:
        return {
            "title": self.title,
            "url": self.url,
            "source": self.source,
            "language": self.language,
        }


def parse_date(value: object, *, path: str | None = None, line: int | None = None) -> dt.date | None:
    """Parse a ``YYYY-MM-DD`` publication date; ``None`` stays ``None``."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
    raise InputError(f"date {value!r} is not a YYYY-MM-DD date", path=path, line=line)
