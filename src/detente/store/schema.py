"""Versioned schema of the store. Each migration moves a store one version up; a newer detente
opens an older file and migrates it in place, in one transaction.

Tables (kept apart as GDELT does):

* ``documents``: one row per article (id, url, title, source, published date, language, content
  hash, ingested at, text);
* ``mentions``: one row per coded event in one document (the SPEC §2 record, flattened, with the
  full record as JSON);
* ``mention_pairs``: one row per (actor, recipient) pair of a mention — compound actors expanded;
* ``events``: deduplicated events (date, actor and recipient codes, CAMEO, PLOVER, location,
  ``num_mentions``, ``num_documents``, ``num_sources``, first and last seen), rebuilt from the
  mentions by the store's deduplication rule.
"""

from __future__ import annotations

SCHEMA_VERSION = 2

MIGRATIONS: dict[int, list[str]] = {
    1: [
        """CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)""",
        """CREATE TABLE documents (
            doc_id VARCHAR PRIMARY KEY, url VARCHAR, title VARCHAR, source VARCHAR,
            published DATE, content_hash VARCHAR NOT NULL, ingested_at TIMESTAMP NOT NULL, text VARCHAR)""",
        """CREATE TABLE mentions (
            mention_id VARCHAR PRIMARY KEY, doc_id VARCHAR NOT NULL, sentence_index INTEGER,
            sentence VARCHAR, start_char INTEGER, end_char INTEGER, trigger VARCHAR,
            date DATE, date_text VARCHAR, cameo VARCHAR NOT NULL, cameo_root VARCHAR NOT NULL,
            quad_class INTEGER, goldstein DOUBLE, plover_event VARCHAR, plover_mode VARCHAR,
            modality VARCHAR, attribution_kind VARCHAR, attribution_text VARCHAR, confidence DOUBLE,
            is_symmetric BOOLEAN, location_name VARCHAR, location_country VARCHAR, lat DOUBLE, lon DOUBLE,
            record JSON)""",
        """CREATE INDEX mentions_doc ON mentions (doc_id)""",
        """CREATE TABLE mention_pairs (
            mention_id VARCHAR NOT NULL, actor_code VARCHAR NOT NULL, actor_country VARCHAR,
            recipient_code VARCHAR NOT NULL, recipient_country VARCHAR)""",
        """CREATE INDEX pairs_mention ON mention_pairs (mention_id)""",
        """CREATE TABLE events (
            event_key VARCHAR PRIMARY KEY, date DATE NOT NULL, actor_code VARCHAR, actor_country VARCHAR,
            recipient_code VARCHAR, recipient_country VARCHAR, cameo VARCHAR NOT NULL, cameo_root VARCHAR,
            quad_class INTEGER, goldstein DOUBLE, plover_event VARCHAR, location_country VARCHAR,
            lat DOUBLE, lon DOUBLE, num_mentions INTEGER, num_documents INTEGER,
            first_seen TIMESTAMP, last_seen TIMESTAMP, source_url VARCHAR)""",
        """CREATE INDEX events_dyad ON events (actor_country, recipient_country, date)""",
    ],
    # version 2: the documents' language, and the number of distinct outlets behind each event
    2: [
        """ALTER TABLE documents ADD COLUMN language VARCHAR""",
        """ALTER TABLE events ADD COLUMN num_sources INTEGER""",
        """UPDATE events SET num_sources = num_documents""",
    ],
}
