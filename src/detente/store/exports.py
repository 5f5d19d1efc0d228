"""Exports of the deduplicated events.

* ``plover``: PLOVER-style JSON Lines — ``id``, ``date``, ``actor``/``recipient`` (code and
  country), ``event_type``, ``mode``, ``context``, plus ``cameo``, ``goldstein``,
  ``num_mentions``, ``num_sources``, ``num_documents``, ``location`` and ``source_url``;
* ``gdelt``: a tab-separated table in the layout of GDELT's event table (GLOBALEVENTID, SQLDATE,
  Actor1Code, Actor1CountryCode, Actor2Code, Actor2CountryCode, EventCode, EventBaseCode,
  EventRootCode, QuadClass, GoldsteinScale, NumMentions, NumSources, NumArticles,
  ActionGeo_CountryCode, ActionGeo_Lat, ActionGeo_Long, DATEADDED, SOURCEURL);
* ``csv`` and ``parquet``: the ``events`` table as it is (DuckDB's COPY).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from detente.coding.cameo import Codebook
from detente.errors import ConfigError

FORMATS = ("plover", "gdelt", "csv", "parquet")
GDELT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "Actor1Code", "Actor1CountryCode", "Actor2Code", "Actor2CountryCode",
    "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions",
    "NumSources", "NumArticles", "ActionGeo_CountryCode", "ActionGeo_Lat", "ActionGeo_Long", "DATEADDED", "SOURCEURL",
]
EVENT_COLUMNS = (
    "event_key, date, actor_code, actor_country, recipient_code, recipient_country, cameo, cameo_root, quad_class, "
    "goldstein, plover_event, location_country, lat, lon, num_mentions, num_documents, num_sources, first_seen, "
    "last_seen, source_url"
)


def export_events(con, fmt: str, out: Path) -> int:
    """Write every event to ``out`` in ``fmt``; returns the number of events."""
    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    count = con.execute("SELECT count(*) FROM events").fetchone()[0]
    query = f"SELECT {EVENT_COLUMNS} FROM events ORDER BY date, event_key"
    if fmt in ("csv", "parquet"):
        options = "(FORMAT csv, HEADER)" if fmt == "csv" else "(FORMAT parquet)"
        con.execute(f"COPY ({query}) TO '{_quoted(out)}' {options}")
        return count
    rows = con.execute(query)
    names = [d[0] for d in rows.description]
    if fmt == "gdelt":
        _write_gdelt(rows, names, out)
    else:
        _write_plover(rows, names, out)
    return count


def _quoted(path: Path) -> str:
    return str(path).replace("'", "''")


def _records(rows, names):
    while batch := rows.fetchmany(10_000):
        for row in batch:
            yield dict(zip(names, row))


def _write_gdelt(rows, names, out: Path) -> None:
    with open(out, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(GDELT_COLUMNS)
        for e in _records(rows, names):
            writer.writerow([
                e["event_key"], e["date"].strftime("%Y%m%d"), e["actor_code"], e["actor_country"] or "",
                e["recipient_code"], e["recipient_country"] or "", e["cameo"], e["cameo"][:3], e["cameo_root"],
                e["quad_class"], e["goldstein"], e["num_mentions"], e["num_sources"], e["num_documents"],
                e["location_country"] or "", "" if e["lat"] is None else e["lat"], "" if e["lon"] is None else e["lon"],
                e["first_seen"].strftime("%Y%m%d%H%M%S") if e["first_seen"] else "", e["source_url"] or "",
            ])


def _write_plover(rows, names, out: Path) -> None:
    codebook = Codebook.load()
    with open(out, "w", encoding="utf-8") as handle:
        for e in _records(rows, names):
            code = codebook.get(e["cameo"])
            record = {
                "id": e["event_key"],
                "date": e["date"].isoformat(),
                "actor": {"code": e["actor_code"], "country": e["actor_country"]},
                "recipient": {"code": e["recipient_code"], "country": e["recipient_country"]},
                "event_type": code.plover_event if code else None,
                "mode": code.plover_mode if code else None,
                "context": list(code.plover_context) if code else [],
                "cameo": e["cameo"],
                "goldstein": e["goldstein"],
                "num_mentions": e["num_mentions"],
                "num_sources": e["num_sources"],
                "num_documents": e["num_documents"],
                "location": {"country": e["location_country"], "lat": e["lat"], "lon": e["lon"]} if e["location_country"] else None,
                "source_url": e["source_url"],
            }
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
