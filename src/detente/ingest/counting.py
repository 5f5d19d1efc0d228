"""How many documents a list of inputs holds, counted cheaply before reading them (for a
progress bar's total): one per text or HTML file, one per non-blank line of a JSON Lines file,
one per item of a pretty-printed JSON list. Lines are counted as bytes, never parsed."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from detente.ingest.readers import JSONL_SUFFIXES, folder_files, is_news_file, looks_whole_json


def count_documents(sources: Iterable[str | Path]) -> int | None:
    """The number of documents in ``sources``, or ``None`` when it cannot be known before reading
    (standard input). A long document split into parts, or an unreadable file, counts once."""
    total = 0
    for source in sources:
        if str(source) == "-":
            return None
        path = Path(source)
        try:
            files = [p for p in folder_files(path) if is_news_file(p, path)] if path.is_dir() else [path]
        except OSError:
            continue
        total += sum(_documents_in(file) for file in files)
    return total


def _documents_in(path: Path) -> int:
    if path.suffix.lower() not in JSONL_SUFFIXES:
        return 1
    try:
        if path.suffix.lower() == ".json" and looks_whole_json(path):
            value = json.loads(path.read_bytes())
            return len(value) if isinstance(value, list) else 1
        with open(path, "rb") as handle:
            return max(sum(1 for line in handle if line.strip()), 1)
    except (OSError, ValueError, RecursionError):
        return 1
