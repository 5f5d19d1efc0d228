"""A benchmark corpus built from text the project ships: the gold sentences grouped into articles."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

from detente.ingest.documents import Document

GOLD = Path(__file__).resolve().parents[1] / "tests" / "data" / "gold" / "sentences.jsonl"


def corpus(documents: int, sentences_per_document: int = 6) -> Iterator[Document]:
    """``documents`` articles of consecutive gold sentences (cycling through the file)."""
    lines = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    for number in range(documents):
        start = (number * sentences_per_document) % len(lines)
        chunk = [lines[(start + k) % len(lines)] for k in range(sentences_per_document)]
        yield Document(
            id=f"bench-{number:06d}",
            text=" ".join(item["text"] for item in chunk),
            date=dt.date.fromisoformat(chunk[0]["date"]),
            source=f"outlet-{number % 7}",
        )
