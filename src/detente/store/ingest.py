"""Putting coded documents into the store.

Each document is written whole inside one transaction — its row, its mentions and the events
of every (actor, recipient, code) triple it touches — together with up to ``commit_every - 1``
other documents. A run killed at any point therefore leaves a store in which every document is
either fully present or absent, and running the same ingest again completes the rest. Ingest is idempotent: a document whose id and content hash are already in the
store is skipped; a changed document replaces its own mentions.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from detente.ingest.documents import Document
from detente.store.database import Store
from detente.store.dedup import DedupRule, Report, event_row, group

NONE = "---"


@dataclass
class IngestReport:
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    mentions: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def documents(self) -> int:
        return self.added + self.replaced + self.unchanged


def content_hash(document: Document) -> str:
    meta = json.dumps([document.date.isoformat() if document.date else None, document.title, document.url, document.source])
    return hashlib.sha256((meta + "\n" + document.text).encode()).hexdigest()


def ensure_rule(store: Store, rule: DedupRule) -> None:
    """Record the store's dedup rule; a different rule rebuilds every event."""
    current = store.get_meta("dedup_rule")
    if current == str(rule):
        return
    store.con.execute("BEGIN TRANSACTION")
    store.set_meta("dedup_rule", str(rule))
    rebuild_events(store, rule, None)
    store.con.execute("COMMIT")


def pending(
    store: Store, documents: Iterable[Document], report: IngestReport, on_document=None, chunk: int = 64
) -> Iterator[tuple[Document, str, bool]]:
    """Documents that are new or changed, with their hash and whether they replace an old version
    (looked up a chunk of documents at a time)."""
    iterator = iter(documents)
    while batch := list(itertools.islice(iterator, chunk)):
        ids = list({d.id for d in batch})
        marks = ", ".join(["?"] * len(ids))
        with store.session():
            stored = dict(store.con.execute(f"SELECT doc_id, content_hash FROM documents WHERE doc_id IN ({marks})", ids).fetchall())
        for document in batch:
            digest = content_hash(document)
            if stored.get(document.id) == digest:
                report.unchanged += 1
                if on_document is not None:
                    on_document(document, "unchanged")
                continue
            replaces = document.id in stored
            stored[document.id] = digest  # a repeated id later in the same run replaces this one
            yield document, digest, replaces


def ingest_documents(
    store: Store,
    coder,
    documents: Iterable[Document],
    *,
    rule: DedupRule = DedupRule(),
    on_document: Callable[[Document, str], None] | None = None,
    commit_every: int = 32,
) -> IngestReport:
    """Code the new or changed ``documents`` with ``coder`` and write them to the store.

    Documents are written whole, in transactions of up to ``commit_every`` documents (1: one
    transaction per document): a document is never split across transactions, so a killed run
    loses at most the documents of its open transaction, and running it again stores them.
    ``on_document(document, status)`` is called once a document is committed (status ``added``
    or ``replaced``) or skipped (``unchanged``), e.g. to advance a progress bar.
    """
    report = IngestReport()
    with store.session():
        ensure_rule(store, rule)
    queue: deque[tuple[str, bool]] = deque()

    def todo() -> Iterator[Document]:
        for document, digest, replaces in pending(store, documents, report, on_document):
            queue.append((digest, replaces))
            yield document

    batch: list[tuple[Document, list[dict], str, bool]] = []
    for document, events in coder.code_documents(todo()):
        digest, replaces = queue.popleft()
        batch.append((document, events, digest, replaces))
        if len(batch) >= max(1, commit_every):
            _commit(store, batch, rule, report, on_document)
            batch = []
    if batch:
        _commit(store, batch, rule, report, on_document)
    return report


def _commit(store, batch, rule, report, on_document) -> None:
    with store.session():  # a store opened with hold=False holds its file only while it writes
        write_documents(store, [(d, e, h, r) for d, e, h, r in batch], rule=rule)
    for document, events, _, replaces in batch:
        report.mentions += len(events)
        if replaces:
            report.replaced += 1
        else:
            report.added += 1
        if on_document is not None:
            on_document(document, "replaced" if replaces else "added")


def write_documents(store: Store, batch: list[tuple[Document, list[dict], str, bool]], *, rule: DedupRule) -> None:
    """Write whole documents (row, mentions, pairs) and their events in one transaction.

    The old version of every document already stored is replaced, whatever ``replaces`` says
    (another writer may have stored it since it was looked up)."""
    con = store.con
    last = {document.id: index for index, (document, _, _, _) in enumerate(batch)}
    batch = [item for index, item in enumerate(batch) if last[item[0].id] == index]  # an id twice: the later wins
    con.execute("BEGIN TRANSACTION")
    try:
        touched: set[tuple[str, str, str]] = set()
        ids = [document.id for document, _, _, _ in batch]
        marks = ", ".join(["?"] * len(ids))
        replaced = [row[0] for row in con.execute(f"SELECT doc_id FROM documents WHERE doc_id IN ({marks})", ids).fetchall()]
        if replaced:
            touched |= _triples_of(store, replaced)
            marks = ", ".join(["?"] * len(replaced))
            con.execute(f"DELETE FROM mention_pairs WHERE mention_id IN (SELECT mention_id FROM mentions WHERE doc_id IN ({marks}))", replaced)
            con.execute(f"DELETE FROM mentions WHERE doc_id IN ({marks})", replaced)
            con.execute(f"DELETE FROM documents WHERE doc_id IN ({marks})", replaced)
        now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
        document_rows, mention_rows, pair_rows = [], [], []
        for document, events, digest, _ in batch:
            document_rows.append((document.id, document.url, document.title, document.source, document.date, digest, now, document.text, document.language))
            for event in events:
                mention_rows.append(_mention_row(event))
                for actor, recipient in _pairs(event):
                    pair_rows.append((event["event_id"], actor["code"], actor.get("country"), recipient["code"], recipient.get("country")))
                    if event["modality"] == "asserted":
                        touched.add((actor["code"], recipient["code"], event["cameo"]))
        insert_rows(con, "documents (doc_id, url, title, source, published, content_hash, ingested_at, text, language)", document_rows)
        insert_rows(con, "mentions", mention_rows)
        insert_rows(con, "mention_pairs", pair_rows)
        rebuild_events(store, rule, touched)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def insert_rows(con, table: str, rows: list[tuple]) -> None:
    """Insert rows through a dict of NumPy object arrays, which DuckDB scans in one statement
    (an order of magnitude cheaper than binding each value as a parameter)."""
    if not rows:
        return
    import numpy as np  # only writing commands pay for NumPy

    batch = {f"c{i}": np.array(column, dtype=object) for i, column in enumerate(zip(*rows))}  # noqa: F841 (scanned by name)
    con.execute(f"INSERT INTO {table} SELECT * FROM batch")


def _pairs(event: dict) -> list[tuple[dict, dict]]:
    none = {"code": NONE, "country": None}
    actors = [a for a in event["actor"] if a.get("code") != NONE] or [none]
    recipients = [r for r in event["recipient"] if r.get("code") != NONE] or [none]
    return [(a, r) for a in actors for r in recipients]


def _mention_row(event: dict) -> tuple:
    plover = event.get("plover") or {}
    location = event.get("location") or {}
    evidence = event["evidence"]
    attribution = event.get("attribution") or {}
    return (
        event["event_id"], event["doc_id"], event["sentence_index"], evidence["sentence"], evidence["start"],
        evidence["end"], evidence["trigger"], event["date"], event.get("date_text"), event["cameo"],
        event["cameo_root"], event["quad_class"], event["goldstein"], plover.get("event"), plover.get("mode"),
        event["modality"], attribution.get("kind"), attribution.get("text"), event["confidence"],
        event["symmetric"], location.get("name"), location.get("country"), location.get("lat"),
        location.get("lon"), json.dumps(event, ensure_ascii=False),
    )


def _triples_of(store: Store, doc_ids: list[str]) -> set[tuple[str, str, str]]:
    marks = ", ".join(["?"] * len(doc_ids))
    rows = store.con.execute(
        "SELECT p.actor_code, p.recipient_code, m.cameo FROM mention_pairs p JOIN mentions m USING (mention_id) "
        f"WHERE m.doc_id IN ({marks}) AND m.modality = 'asserted'",
        doc_ids,
    ).fetchall()
    return {tuple(row) for row in rows}


REPORT_QUERY = """
SELECT m.mention_id, m.doc_id, d.source, d.url, m.date, d.ingested_at, p.actor_code, p.actor_country,
       p.recipient_code, p.recipient_country, m.cameo, m.cameo_root, m.quad_class, m.goldstein,
       m.plover_event, m.location_country, m.lat, m.lon
FROM mention_pairs p JOIN mentions m USING (mention_id) JOIN documents d USING (doc_id)
WHERE m.modality = 'asserted' AND m.date IS NOT NULL
"""


def rebuild_events(store: Store, rule: DedupRule, triples: set[tuple[str, str, str]] | None) -> None:
    """Recompute the events of ``triples`` (all events when None) from the mentions."""
    con = store.con
    if triples is None:
        con.execute("DELETE FROM events")
        rows = con.execute(REPORT_QUERY).fetchall()
    else:
        if not triples:
            return
        ordered = sorted(triples)
        values = ", ".join(["(?, ?, ?)"] * len(ordered))
        params = [v for triple in ordered for v in triple]
        con.execute(f"DELETE FROM events WHERE (actor_code, recipient_code, cameo) IN (VALUES {values})", params)
        rows = con.execute(REPORT_QUERY + f" AND (p.actor_code, p.recipient_code, m.cameo) IN (VALUES {values})", params).fetchall()
    reports = [Report(*row) for row in rows]
    insert_rows(
        con,
        "events (event_key, date, actor_code, actor_country, recipient_code, recipient_country, cameo, cameo_root, "
        "quad_class, goldstein, plover_event, location_country, lat, lon, num_mentions, num_documents, first_seen, "
        "last_seen, source_url, num_sources)",
        [event_row(g) for g in group(reports, rule)],
    )
