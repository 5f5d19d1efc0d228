"""Putting coded documents into the store.

Each document is written in one transaction: its row, its mentions and the events of every
(actor, recipient, code) triple it touches. A run killed at any point therefore leaves a store
in which every document is either fully present or absent, and running the same ingest again
completes the rest. Ingest is idempotent: a document whose id and content hash are already in the
store is skipped; a changed document replaces its own mentions.
"""

from __future__ import annotations

import datetime as dt
import hashlib
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
    store: Store, documents: Iterable[Document], report: IngestReport, on_document=None
) -> Iterator[tuple[Document, str, bool]]:
    """Documents that are new or changed, with their hash and whether they replace an old version."""
    for document in documents:
        digest = content_hash(document)
        row = store.con.execute("SELECT content_hash FROM documents WHERE doc_id = ?", [document.id]).fetchone()
        if row is not None and row[0] == digest:
            report.unchanged += 1
            if on_document is not None:
                on_document(document, "unchanged")
            continue
        yield document, digest, row is not None


def ingest_documents(
    store: Store,
    coder,
    documents: Iterable[Document],
    *,
    rule: DedupRule = DedupRule(),
    on_document: Callable[[Document, str], None] | None = None,
) -> IngestReport:
    """Code the new or changed ``documents`` with ``coder`` and write each in its own transaction.

    ``on_document(document, status)`` is called after each document (status ``added``,
    ``replaced`` or ``unchanged``), e.g. to advance a progress bar.
    """
    report = IngestReport()
    ensure_rule(store, rule)
    queue: deque[tuple[str, bool]] = deque()

    def todo() -> Iterator[Document]:
        for document, digest, replaces in pending(store, documents, report, on_document):
            queue.append((digest, replaces))
            yield document

    for document, events in coder.code_documents(todo()):
        digest, replaces = queue.popleft()
        write_document(store, document, events, digest=digest, replaces=replaces, rule=rule)
        report.mentions += len(events)
        if replaces:
            report.replaced += 1
        else:
            report.added += 1
        if on_document is not None:
            on_document(document, "replaced" if replaces else "added")
    return report


def write_document(store: Store, document: Document, events: list[dict], *, digest: str, replaces: bool, rule: DedupRule) -> None:
    con = store.con
    con.execute("BEGIN TRANSACTION")
    try:
        touched = set()
        if replaces:
            touched |= _triples_of(store, document.id)
            con.execute("DELETE FROM mention_pairs WHERE mention_id IN (SELECT mention_id FROM mentions WHERE doc_id = ?)", [document.id])
            con.execute("DELETE FROM mentions WHERE doc_id = ?", [document.id])
            con.execute("DELETE FROM documents WHERE doc_id = ?", [document.id])
        con.execute(
            "INSERT INTO documents (doc_id, url, title, source, published, content_hash, ingested_at, text, language) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [document.id, document.url, document.title, document.source, document.date, digest,
             dt.datetime.now(dt.timezone.utc).replace(tzinfo=None), document.text, document.language],
        )
        mention_rows, pair_rows = [], []
        for event in events:
            mention_rows.append(_mention_row(event))
            for actor, recipient in _pairs(event):
                pair_rows.append((event["event_id"], actor["code"], actor.get("country"), recipient["code"], recipient.get("country")))
                if event["modality"] == "asserted":
                    touched.add((actor["code"], recipient["code"], event["cameo"]))
        if mention_rows:
            con.executemany("INSERT INTO mentions VALUES (" + ", ".join(["?"] * 25) + ")", mention_rows)
        if pair_rows:
            con.executemany("INSERT INTO mention_pairs VALUES (?, ?, ?, ?, ?)", pair_rows)
        rebuild_events(store, rule, touched)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


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


def _triples_of(store: Store, doc_id: str) -> set[tuple[str, str, str]]:
    rows = store.con.execute(
        "SELECT p.actor_code, p.recipient_code, m.cameo FROM mention_pairs p JOIN mentions m USING (mention_id) "
        "WHERE m.doc_id = ? AND m.modality = 'asserted'",
        [doc_id],
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
        con.execute("CREATE TEMP TABLE IF NOT EXISTS touched (actor_code VARCHAR, recipient_code VARCHAR, cameo VARCHAR)")
        con.execute("DELETE FROM touched")
        con.executemany("INSERT INTO touched VALUES (?, ?, ?)", sorted(triples))
        con.execute(
            "DELETE FROM events WHERE (actor_code, recipient_code, cameo) IN (SELECT actor_code, recipient_code, cameo FROM touched)"
        )
        rows = con.execute(
            REPORT_QUERY + " AND (p.actor_code, p.recipient_code, m.cameo) IN (SELECT actor_code, recipient_code, cameo FROM touched)"
        ).fetchall()
    reports = [Report(*row) for row in rows]
    event_rows = [event_row(g) for g in group(reports, rule)]
    if event_rows:
        con.executemany(
            "INSERT INTO events (event_key, date, actor_code, actor_country, recipient_code, recipient_country, cameo, "
            "cameo_root, quad_class, goldstein, plover_event, location_country, lat, lon, num_mentions, num_documents, "
            "first_seen, last_seen, source_url, num_sources) VALUES (" + ", ".join(["?"] * 20) + ")",
            event_rows,
        )
