"""The library entry point: documents in, actor mentions or events out.

The CLI, the HTTP API and the Dask layer all call these functions.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from detente.ingest.documents import Document
from detente.nlp.pipeline import build_pipeline
from detente.settings import Settings


class Coder:
    """A loaded pipeline. Create once, reuse for many documents (loading takes seconds)."""

    def __init__(self, settings: Settings | None = None, *, events: bool = True, prefilter: bool | None = None) -> None:
        self.settings = settings or Settings()
        self.nlp: Language = build_pipeline(self.settings, events=events, prefilter=prefilter)

    def parse(self, documents: Iterable[Document]) -> Iterator[tuple[Document, Doc]]:
        """Run the pipeline over ``documents``, streaming, in batches."""
        pending: list[Document] = []

        def docs() -> Iterator[Doc]:
            for document in documents:
                doc = self.nlp.make_doc(document.text)
                doc._.detente_id = document.id
                doc._.detente_date = document.date or self.settings.date
                pending.append(document)
                yield doc

        for doc in self.nlp.pipe(docs(), batch_size=self.settings.batch_size):
            yield pending.pop(0), doc

    def actors(self, documents: Iterable[Document]) -> Iterator[dict]:
        """One record per resolved actor mention (the audit view of ``detente actors``)."""
        for document, doc in self.parse(documents):
            for mention in doc._.actors or ():
                yield mention.as_record(document.id)

    def code_documents(self, documents: Iterable[Document]) -> Iterator[tuple[Document, list[dict]]]:
        """Each document with its event records (metadata carried in), in input order."""
        for document, doc in self.parse(documents):
            yield document, [with_metadata(event, document) for event in doc._.events or ()]

    def code(self, documents: Iterable[Document]) -> Iterator[dict]:
        """Event records (SPEC §2) of every document, with the document's metadata carried in."""
        for document, doc in self.parse(documents):
            for event in doc._.events or ():
                yield with_metadata(event, document)


def with_metadata(event: dict, document: Document) -> dict:
    record = {}
    for key, value in event.items():
        record[key] = value
        if key == "doc_id":
            record.update(document.metadata())
    return record
