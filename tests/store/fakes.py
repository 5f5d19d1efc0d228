"""A stand-in coder for store tests: each line "FRA>RUS 111 2024-03-04" of a document is one event.

It lets the store's own logic (dedup, idempotence, crash safety) be tested exactly and fast.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator

from detente.coding.cameo import Codebook
from detente.ingest.documents import Document

CODEBOOK = Codebook.load()


class FakeCoder:
    def __init__(self, delay: float = 0.0) -> None:
        self.delay = delay

    def code_documents(self, documents: Iterable[Document]) -> Iterator[tuple[Document, list[dict]]]:
        for document in documents:
            if self.delay:
                time.sleep(self.delay)
            yield document, list(self._events(document))

    def _events(self, document: Document) -> Iterator[dict]:
        for number, line in enumerate(l for l in document.text.splitlines() if ">" in l):
            parts = line.split()
            dyad, cameo, date = parts[0], parts[1], parts[2]
            modality = parts[3] if len(parts) > 3 else "asserted"
            actor, recipient = dyad.split(">")
            code = CODEBOOK[cameo]
            yield {
                "schema": 1, "event_id": f"{document.id}:{number}:0", "doc_id": document.id, "sentence_index": number,
                "date": date, "date_text": None,
                "actor": [{"code": actor, "country": actor[:3], "sector": None, "text": actor, "name": None}],
                "recipient": [{"code": recipient, "country": recipient[:3], "sector": None, "text": recipient, "name": None}],
                "symmetric": False, "cameo": cameo, "cameo_root": code.root, "quad_class": code.quad_class,
                "goldstein": code.goldstein, "plover": {"event": code.plover_event, "mode": code.plover_mode, "context": []},
                "modality": modality, "attribution": {"kind": "author", "text": None}, "confidence": 0.9, "location": None,
                "evidence": {"sentence": line, "trigger": cameo, "start": 0, "end": len(line)},
            }


def document(doc_id: str, lines: list[str], source: str = "Wire", url: str | None = None) -> Document:
    return Document(id=doc_id, text="\n".join(lines), source=source, url=url)
