"""What the shortcut tests share: news to compare on, and the coder with spaCy's own component back."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from detente import Coder, Document, Settings
from detente.data import data_path


def news_documents(shared: Path) -> list[Document]:
    """The 21 articles of the shared demo corpus."""
    records = [json.loads(line) for line in (shared / "demo" / "corpus.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    return [Document(id=r["id"], text=r["text"], date=dt.date.fromisoformat(r["date"])) for r in records]


def shipped_documents() -> list[Document]:
    """The shipped benchmark sentences, five to a document."""
    lines = [l for l in data_path("bench", "sentences.txt").read_text(encoding="utf-8").splitlines() if l.strip() and not l.startswith("#")]
    return [Document(id=f"b{k}", text=" ".join(lines[k : k + 5]), date=dt.date(2025, 3, 1)) for k in range(0, len(lines), 5)]


def coder_with_spacys(component: str) -> Coder:
    """The full coder with spaCy's ``component`` in place of detente's shortcut for it."""
    coder = Coder(Settings())
    coder.nlp.disable_pipe(f"detente_{component}")
    coder.nlp.enable_pipe(component)
    return coder
