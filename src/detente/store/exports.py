"""Exports of the deduplicated events, each with the report that stands for it.

* ``gdelt``: the 61 columns of the GDELT 2.0 event table, in GDELT's order and types, tab-separated
  without a header (as GDELT ships its files; ``header=True`` adds one). Geo country codes are FIPS
  10-4 (``data/exports/fips.tsv``); actor codes are split as GDELT splits them
  (``data/exports/actor_parts.tsv``). ``evidence=True`` appends ``DocId`` and ``Sentence``.
* ``plover``: JSON Lines with the field names of the PLOVER specification (``id``, ``date``,
  ``actor``, ``recipient``, ``event``, ``mode``, ``context``, ``quad_code``, ``event_scale``,
  ``event_loc``, ``event_text``, ``text_info``, ``cite_info``, ``coder``, ``coded_date``), plus
  detente's ``cameo``, ``goldstein``, ``num_mentions``, ``num_sources`` and ``num_articles``.
* ``csv`` and ``parquet``: the ``events`` table's columns plus ``doc_id``, ``url`` and
  ``sentence``.

Every event stands for one or more asserted reports (mentions); its *representative* is the
earliest report that has a URL (else the earliest report). Document id, URL and evidence sentence
come from it. ``require_dyad`` keeps only events whose actor and recipient are both known (not
``---``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from detente.coding.cameo import Codebook
from detente.errors import ConfigError
from detente.store.dedup import DedupRule, Report, event_row, group
from detente.store.gdelt import GDELT_COLUMNS, ActorParts, FipsTable, gdelt_row
from detente.store.ingest import REPORT_QUERY

FORMATS = ("plover", "gdelt", "csv", "parquet")
NONE = "---"

EVENT_COLUMNS = (
    "event_key", "date", "actor_code", "actor_country", "recipient_code", "recipient_country", "cameo",
    "cameo_root", "quad_class", "goldstein", "plover_event", "location_country", "lat", "lon", "num_mentions",
    "num_documents", "num_sources", "first_seen", "last_seen", "source_url",
)


@dataclass(frozen=True)
class ExportResult:
    written: int
    left_out: int  # events without both sides resolved, when require_dyad is on


def export_events(
    con,
    fmt: str,
    out: Path,
    *,
    require_dyad: bool = False,
    header: bool = False,
    evidence: bool | None = None,
) -> ExportResult:
    """Write the store's events to ``out`` in ``fmt``.

    ``require_dyad`` leaves out events with an unknown actor or recipient (``---``); ``header``
    adds a header line to the (headerless) ``gdelt`` table; ``evidence`` adds document id, URL and
    sentence (default: on for every format but ``gdelt``, which keeps GDELT's 61 columns unless asked).
    """
    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    if evidence is None:
        evidence = fmt != "gdelt"
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    where = f"WHERE e.actor_code <> '{NONE}' AND e.recipient_code <> '{NONE}'" if require_dyad else ""
    total = con.execute("SELECT count(*) FROM events").fetchone()[0]
    written = con.execute(f"SELECT count(*) FROM events e {where}").fetchone()[0]  # noqa: S608 (fixed text)
    export_pairs = _representatives(con)  # noqa: F841 (scanned by name in the queries below)
    joined = (
        "FROM events e LEFT JOIN export_pairs p ON p.event_key = e.event_key "
        "LEFT JOIN mentions m ON m.mention_id = p.mention_id LEFT JOIN documents d ON d.doc_id = m.doc_id "
        f"{where} ORDER BY e.date, e.event_key"
    )
    events = ", ".join(f"e.{c}" for c in EVENT_COLUMNS)
    evidence_columns = "m.doc_id, d.url, m.sentence"
    if fmt in ("csv", "parquet"):
        options = "(FORMAT csv, HEADER)" if fmt == "csv" else "(FORMAT parquet)"
        columns = f"{events}, {evidence_columns}" if evidence else events
        con.execute(f"COPY (SELECT {columns} {joined}) TO '{_quoted(out)}' {options}")
    else:
        rows = con.execute(
            f"SELECT {events}, {evidence_columns}, m.sentence_index, m.start_char, m.end_char, d.title, d.source, "
            f"d.language, m.record {joined}"
        )
        names = [d[0] for d in rows.description]
        if fmt == "gdelt":
            _write_gdelt(_records(rows, names), out, header=header, evidence=evidence)
        else:
            _write_plover(_records(rows, names), out, evidence=evidence)
    return ExportResult(written=written, left_out=total - written)


def _representatives(con) -> dict[str, np.ndarray]:
    """Each event key with the mention id of its representative report (a dict DuckDB scans).

    The reports are grouped again by the store's own rule (``meta.dedup_rule``), with the same
    functions that built the ``events`` table, so each key finds exactly its reports.
    """
    row = con.execute("SELECT value FROM meta WHERE key = 'dedup_rule'").fetchone()
    rule = DedupRule.parse(row[0]) if row else DedupRule()
    reports = [Report(*r) for r in con.execute(REPORT_QUERY).fetchall()]
    chosen: dict[str, str] = {}
    for reports_of_event in group(reports, rule):
        with_url = [r for r in reports_of_event if r.url]
        chosen[event_row(reports_of_event)[0]] = (with_url or reports_of_event)[0].mention_id
    return {
        "event_key": np.array(list(chosen), dtype=str),
        "mention_id": np.array(list(chosen.values()), dtype=str),
    }


def _quoted(path: Path) -> str:
    return str(path).replace("'", "''")


def _records(rows, names):
    while batch := rows.fetchmany(10_000):
        for row in batch:
            yield dict(zip(names, row))


def _side(record: dict, role: str, code: str | None) -> dict | None:
    """The actor object of the representative report that carries ``code`` on side ``role``."""
    if not record or not code or code == NONE:
        return None
    for item in record.get(role) or ():
        if item.get("code") == code:
            return item
    return None


def _write_gdelt(events, out: Path, *, header: bool, evidence: bool) -> None:
    parts, fips = ActorParts.load(), FipsTable.load()
    with open(out, "w", encoding="utf-8", newline="\n") as handle:
        if header:
            handle.write("\t".join([name for name, _ in GDELT_COLUMNS] + (["DocId", "Sentence"] if evidence else [])) + "\n")
        for e in events:
            record = json.loads(e["record"]) if e.get("record") else {}
            e["actor"] = _side(record, "actor", e["actor_code"])
            e["recipient"] = _side(record, "recipient", e["recipient_code"])
            e["location"] = _event_location(record, e)
            row = gdelt_row(e, parts, fips)
            if evidence:
                row += [e["doc_id"], e["sentence"]]
            handle.write("\t".join(_field(value) for value in row) + "\n")


def _field(value) -> str:
    """A GDELT field: plain text without quoting (tabs and line breaks become spaces); empty for None."""
    if value is None:
        return ""
    if isinstance(value, str):
        return " ".join(value.split())
    return str(value)


def _write_plover(events, out: Path, *, evidence: bool) -> None:
    codebook, parts = Codebook.load(), ActorParts.load()
    from detente import __version__

    coder = f"detente {__version__}"
    with open(out, "w", encoding="utf-8") as handle:
        for e in events:
            record = json.loads(e["record"]) if e.get("record") else {}
            code = codebook.get(e["cameo"])
            plover = {
                "id": e["event_key"],
                "date": e["date"].isoformat(),
                "actor": _plover_entities(record, "actor", e["actor_code"], e["actor_country"], parts),
                "recipient": _plover_entities(record, "recipient", e["recipient_code"], e["recipient_country"], parts),
                "event": [code.plover_event] if code and code.plover_event else [],
                "mode": [code.plover_mode] if code and code.plover_mode else [],
                "context": list(code.plover_context) if code else [],
                "quad_code": e["quad_class"],
                "event_scale": e["goldstein"],
                "event_loc": _plover_location(e, _event_location(record, e)),
                "coder": coder,
                "coded_date": e["first_seen"].date().isoformat() if e["first_seen"] else None,
                "cameo": e["cameo"],
                "goldstein": e["goldstein"],
                "num_mentions": e["num_mentions"],
                "num_sources": e["num_sources"],
                "num_articles": e["num_documents"],
            }
            if evidence:
                plover["event_text"] = [e["sentence"]] if e["sentence"] else []
                plover["text_info"] = {"sequence": e["sentence_index"], "start": e["start_char"], "end": e["end_char"]}
                plover["cite_info"] = {
                    "citation": e["doc_id"], "url": e["url"] or e["source_url"], "title": e["title"],
                    "publication": e["source"], "language": e["language"], "coder": coder, "codebook": "CAMEO 1.1b3; PLOVER 0.8",
                }
            handle.write(json.dumps(plover, ensure_ascii=False) + "\n")


PLOVER_COUNTRY = {"IGOUNO": "UNO", "IGOEUREEC": "EUR"}  # PLOVER gives the UN and the EU their own code


def _plover_entities(record: dict, role: str, code: str | None, country: str | None, parts: ActorParts) -> list[dict]:
    """PLOVER entity objects (``code``, ``sector``, ``entity_text``, ``identifier_text``,
    ``cameo_code``); an unknown side (``---``) is an empty list, as PLOVER has it. PLOVER gives
    regions ("Europe", "the West") no country: their ``code`` is null (``cameo_code`` keeps them)."""
    if not code or code == NONE:
        return []
    item = _side(record, role, code) or {}
    top = next((v for k, v in PLOVER_COUNTRY.items() if code.startswith(k)), None)
    if top is None:
        top = country or code[:3]
        top = None if parts.kinds.get(top) == "region" else top
    return [{
        "code": top,
        "sector": item.get("sector") or next((t for t in parts.split(code)["types"] if parts.kinds[t] == "type"), None),
        "entity_text": item.get("text"),
        "identifier_text": item.get("name"),
        "cameo_code": code,
    }]


def _event_location(record: dict, e: dict) -> dict | None:
    """The representative report's location, when it is the event's (the event takes its place
    from the first report that names one, which need not be the representative)."""
    location = record.get("location") or None
    if location and location.get("country") == e["location_country"] and location.get("lat") == e["lat"]:
        return location
    return None


def _plover_location(e: dict, location: dict | None) -> dict | None:
    if not e["location_country"]:
        return None
    location = location or {}
    return {
        "extracted_place": location.get("name"),
        "resolved_place": location.get("place"),
        "country_code": e["location_country"],
        "lat": e["lat"],
        "lon": e["lon"],
    }
