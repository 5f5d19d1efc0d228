"""Read actor dictionaries in the TABARI / PETRARCH format (the Phoenix ``*.actors.txt`` files).

The format, as the Phoenix dictionaries use it::

    HUGO_CHAVEZ_  # CountryInfo.txt          an entry: a name, words joined by "_"
    +HUGO_RAFAEL_CHAVEZ_FRIAS_               a synonym of the entry above
        [VENELI 720101-990202]               a code with a date restriction
        [VENGOV 20020414-20130305]
        [VENELI]                             an undated code: the entry's default
    KOFI_ANNAN_ [IGOUNO 970101-061231] [ELI] codes may also follow the name on its line

Date restrictions are ``>DATE`` (from), ``<DATE`` (until), or ``DATE-DATE``; dates have six digits
(``YYMMDD``) or eight (``YYYYMMDD``). A two-digit year up to :data:`PIVOT_YEAR` is read as 20YY, later
ones as 19YY: the dictionaries were compiled in January 2014 and hold no later dates. Restrictions
are inclusive at both ends, as PETRARCH reads them; :class:`PhoenixCode` keeps them so.

This module only reads; ``tools/kb/import_phoenix.py`` turns the entries into the knowledge base's
YAML, and tests sample them to check the knowledge base against the dictionary.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from detente.errors import DataFileError

PIVOT_YEAR = 14
_CODE = re.compile(r"\[([^\]]*)\]")
_DATE = re.compile(r"^\d{6}$|^\d{8}$")


@dataclass(frozen=True, slots=True)
class PhoenixCode:
    """One bracketed code; ``start``/``end`` inclusive, ``None`` for an open side."""

    code: str
    start: dt.date | None = None
    end: dt.date | None = None

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def covers(self, date: dt.date) -> bool:
        return (self.start is None or self.start <= date) and (self.end is None or date <= self.end)


@dataclass(slots=True)
class PhoenixEntry:
    """An entry with its synonyms and codes, and where it stands in its file."""

    name: str
    line: int
    synonyms: list[str] = field(default_factory=list)
    codes: list[PhoenixCode] = field(default_factory=list)
    comment: str = ""
    problems: list[str] = field(default_factory=list)

    @property
    def names(self) -> list[str]:
        return [self.name, *self.synonyms]


def parse_date(text: str) -> dt.date:
    """``YYMMDD`` or ``YYYYMMDD``; raises ValueError on anything else."""
    if not _DATE.match(text):
        raise ValueError(f"not a YYMMDD or YYYYMMDD date: {text!r}")
    if len(text) == 6:
        year = int(text[:2])
        year += 2000 if year <= PIVOT_YEAR else 1900
        return dt.date(year, int(text[2:4]), int(text[4:6]))
    return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8]))


def parse_code(inner: str) -> PhoenixCode:
    """The inside of one ``[...]``: a code and an optional date restriction."""
    parts = inner.split()
    if not parts:
        raise ValueError("empty code")
    code, restriction = parts[0], "".join(parts[1:])
    if not restriction:
        return PhoenixCode(code)
    if restriction.startswith(">"):
        return PhoenixCode(code, start=parse_date(restriction[1:]))
    if restriction.startswith("<"):
        return PhoenixCode(code, end=parse_date(restriction[1:]))
    start, sep, end = restriction.partition("-")
    if not sep:
        raise ValueError(f"bad date restriction {restriction!r}")
    first, last = parse_date(start), parse_date(end)
    if last < first:
        raise ValueError(f"date range ends before it starts: {restriction!r}")
    return PhoenixCode(code, start=first, end=last)


def read_dictionary(path: Path) -> list[PhoenixEntry]:
    """Every entry of one dictionary file. A bad code is kept as a problem of its entry, not raised."""
    try:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise DataFileError(f"cannot read dictionary ({exc.strerror or exc})", path=str(path)) from None
    return list(_entries(text.splitlines()))


def _entries(lines: list[str]) -> Iterator[PhoenixEntry]:
    entry: PhoenixEntry | None = None
    for number, raw in enumerate(lines, start=1):
        body, _, comment = raw.partition("#")
        if not body.strip():
            continue
        if body[0] in " \t":  # codes of the current entry
            if entry is not None:
                _add_codes(entry, body, number)
            continue
        if body.startswith("+"):
            if entry is not None:
                synonym = _name_part(body[1:])
                if synonym:
                    entry.synonyms.append(synonym)
                _add_codes(entry, body, number)
            continue
        if entry is not None:
            yield entry
        entry = PhoenixEntry(name=_name_part(body), line=number, comment=comment.strip())
        _add_codes(entry, body, number)
    if entry is not None:
        yield entry


def _name_part(body: str) -> str:
    return body.split("[", 1)[0].strip()


def _add_codes(entry: PhoenixEntry, body: str, number: int) -> None:
    for inner in _CODE.findall(body):
        try:
            entry.codes.append(parse_code(inner))
        except ValueError as exc:
            entry.problems.append(f"line {number}: {exc}")
