"""Document ids and dates taken from file paths.

A file's id is its path relative to the input root (the folder given, or the file's own folder
when the file is given directly), without the suffix: ``news/2024/a.txt`` read from ``news`` is
``2024/a``. Two inputs that would share an id (``x.txt`` beside ``x.html``, or ``a/x.txt`` and
``b/x.txt`` given together) are told apart by a suffix hashed from the path, so neither silently
replaces the other and each keeps its id from run to run.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path

DATE_SOURCES = ("name", "mtime")
_NAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)([-_./]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)")


def relative_name(path: Path, root: Path | None) -> str:
    """``path`` relative to ``root`` in POSIX form (the file name when there is no root)."""
    if root is not None:
        try:
            return path.relative_to(root).as_posix()
        except ValueError:
            pass
    return path.name


class DocumentIds:
    """Hands out unique ids for the files of one run (JSON Lines records keep their own ids)."""

    def __init__(self) -> None:
        self._owners: dict[str, str] = {}

    def claim(self, path: Path, root: Path | None) -> str:
        name = relative_name(path, root)
        base = name[: -len(path.suffix)] if path.suffix and name.endswith(path.suffix) else name
        owner = str(path.resolve())
        for candidate in (base, f"{base}~{_digest(name)}", f"{base}~{_digest(owner)}"):
            if self._owners.setdefault(candidate, owner) == owner:
                return candidate
        raise AssertionError("unreachable: the resolved path is unique")  # pragma: no cover


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def date_from_name(name: str) -> dt.date | None:
    """The last valid date written in a path: ``2024-03-02-talks.txt``, ``2024/03/02/a.txt``, ``20240302.txt``."""
    found = None
    for match in _NAME_DATE.finditer(name):
        try:
            found = dt.date(int(match[1]), int(match[3]), int(match[4]))
        except ValueError:
            continue
    return found


def date_of_file(path: Path, name: str, source: str | None) -> dt.date | None:
    """The date ``source`` (``name`` or ``mtime``) gives a file, or ``None``."""
    if source == "name":
        return date_from_name(name)
    if source == "mtime":
        try:
            return dt.datetime.fromtimestamp(path.stat().st_mtime, tz=dt.timezone.utc).date()
        except OSError:
            return None
    return None
