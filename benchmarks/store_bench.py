"""Store benchmark: analytics and the dashboard's API on stores of 100k, 1M and 10M events.

Run: python benchmarks/store_bench.py [--sizes 100000 1000000 10000000] [--json FILE]

Each store is generated inside DuckDB with SQL (no Python loop), in chunks of one million rows, so
memory stays bounded (DuckDB's memory limit is set with --memory-limit). Events spread over ten
years (522 weeks) between 30 countries; one dyad (USA-CHN) carries a fifth of all events, the
others share the rest, so the benchmark times a heavy dyad and a typical one (COL-VEN), both
with events in nearly every week. Documents, mentions and mention pairs are generated alongside
(one mention per event, five per document), as `detente ingest` would store them.

Timed, best of --runs: `dyad_series` (weekly, monthly), `detect_shifts`, `relations_graph`, and
the dashboard's endpoints through the FastAPI app (in process, no network). Then the cold start
of `detente dyad` on a small store against `python -c "import duckdb"`, alternating, as a ratio.
Figures are seconds and ratios measured in the same run (the machine is shared and noisy).

With --documents N it also measures the overhead of ingesting N coded documents over coding them.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from detente.store import Store  # noqa: E402

COUNTRIES = ["USA", "CHN", "RUS", "COL", "VEN", "BRA", "MEX", "UKR", "IRN", "ISR", "FRA", "DEU", "GBR", "IND", "PAK",
             "TUR", "JPN", "KOR", "PRK", "CUB", "ECU", "PER", "NGA", "EGY", "SAU", "SYR", "IRQ", "AFG", "ZAF", "KEN"]
CHUNK = 1_000_000

# Pseudo-random but deterministic columns from the row number i (DuckDB's hash()).
_ROWS = f"""
  SELECT i,
         CASE WHEN hash(i) % 10 < 2 THEN (CASE WHEN hash(i) % 2 = 0 THEN 'USA' ELSE 'CHN' END)
              ELSE {COUNTRIES}[1 + (hash(i * 2 + 1) % 30)::INTEGER] END AS c1,
         CASE WHEN hash(i) % 10 < 2 THEN (CASE WHEN hash(i) % 2 = 0 THEN 'CHN' ELSE 'USA' END)
              ELSE {COUNTRIES}[1 + (hash(i * 3 + 2) % 30)::INTEGER] END AS c2,
         DATE '2015-01-01' + (hash(i * 5 + 3) % 3653)::INTEGER AS day,
         1 + (hash(i * 7 + 4) % 10)::INTEGER AS k
  FROM range(?, ?) t(i)
"""
CAMEO = "['040','042','057','111','112','163','173','190','195','036'][k]"
QUAD = "[1, 1, 2, 3, 3, 4, 4, 4, 4, 1][k]"
GOLDSTEIN = "[1.0, 1.9, 8.0, -2.0, -2.0, -8.0, -5.0, -10.0, -10.0, 4.0][k]"

INSERTS = {
    "events": f"""
        INSERT INTO events (event_key, date, actor_code, actor_country, recipient_code, recipient_country, cameo,
                            cameo_root, quad_class, goldstein, plover_event, num_mentions, num_documents, num_sources,
                            first_seen, last_seen, source_url)
        SELECT 'e' || i, day, c1, c1, c2, c2, {CAMEO}, substr({CAMEO}, 1, 2), {QUAD}, {GOLDSTEIN}, NULL,
               1, 1, 1, day::TIMESTAMP, day::TIMESTAMP, 'https://example.org/d' || (i // 5)
        FROM ({_ROWS})""",
    "documents": """
        INSERT INTO documents (doc_id, url, title, source, published, content_hash, ingested_at, text, language)
        SELECT 'd' || i, 'https://example.org/d' || i, 'Synthetic article ' || i, 'outlet-' || (i % 40),
               DATE '2015-01-01' + (hash(i * 5 + 3) % 3653)::INTEGER, md5(i::VARCHAR), now()::TIMESTAMP, NULL, 'en'
        FROM range(?, ?) t(i)""",
    "mentions": f"""
        INSERT INTO mentions (mention_id, doc_id, sentence_index, sentence, start_char, end_char, trigger, date,
                              date_text, cameo, cameo_root, quad_class, goldstein, plover_event, plover_mode, modality,
                              attribution_kind, attribution_text, confidence, is_symmetric, location_name,
                              location_country, lat, lon, record)
        SELECT 'm' || i, 'd' || (i // 5), (i % 5)::INTEGER, 'Synthetic sentence ' || i || '.', 0, 20, 'met', day, NULL,
               {CAMEO}, substr({CAMEO}, 1, 2), {QUAD}, {GOLDSTEIN}, NULL, NULL, 'asserted', 'author', NULL, 0.8, false,
               NULL, NULL, NULL, NULL,
               json_object('event_id', 'm' || i, 'doc_id', 'd' || (i // 5), 'date', day, 'cameo', {CAMEO},
                           'goldstein', {GOLDSTEIN}, 'actor', [json_object('code', c1, 'country', c1)],
                           'recipient', [json_object('code', c2, 'country', c2)])
        FROM ({_ROWS})""",
    "mention_pairs": f"""
        INSERT INTO mention_pairs (mention_id, actor_code, actor_country, recipient_code, recipient_country)
        SELECT 'm' || i, c1, c1, c2, c2 FROM ({_ROWS})""",
}

ENDPOINTS = {
    "api_dyad": "/api/dyads/USA/CHN?by=week",
    "api_shifts": "/api/shifts/COL/VEN",
    "api_network": "/api/network",
    "api_stats": "/api/stats",
    "api_events": "/api/events?limit=50",
    "api_mentions": "/api/mentions?limit=50",
    "api_mentions_country": "/api/mentions?country=COL&limit=50",
}


def generate(path: Path, events: int, memory_limit: str) -> float:
    """Fill a new store with ``events`` events (and their documents, mentions and pairs); seconds taken."""
    start = time.perf_counter()
    with Store(path) as store:
        con = store.con
        con.execute(f"SET memory_limit = '{memory_limit}'")
        con.execute("SET preserve_insertion_order = false")
        for table, sql in INSERTS.items():
            rows = -(-events // 5) if table == "documents" else events
            for low in range(0, rows, CHUNK):
                con.execute("BEGIN")
                con.execute(sql, [low, min(rows, low + CHUNK)])
                con.execute("COMMIT")
        con.execute("CHECKPOINT")
    return time.perf_counter() - start


def best_of(runs: int, func) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def time_queries(path: Path, runs: int) -> dict:
    from fastapi.testclient import TestClient

    from detente.analytics import detect_shifts, dyad_series, relations_graph
    from detente.api import ApiSettings, create_app

    figures = {}
    with Store(path, read_only=True) as store:
        con = store.con
        figures["weeks_usa_chn"] = len(dyad_series(con, "USA", "CHN", by="week")) // 2
        figures["events_usa_chn"] = sum(r.events for r in dyad_series(con, "USA", "CHN", by="month"))
        figures["events_col_ven"] = sum(r.events for r in dyad_series(con, "COL", "VEN", by="month"))
        figures["dyad_week_usa_chn"] = best_of(runs, lambda: dyad_series(con, "USA", "CHN", by="week"))
        figures["dyad_month_col_ven"] = best_of(runs, lambda: dyad_series(con, "COL", "VEN", by="month"))
        figures["shifts_usa_chn"] = best_of(runs, lambda: detect_shifts(con, "USA", "CHN"))
        figures["shifts_col_ven"] = best_of(runs, lambda: detect_shifts(con, "COL", "VEN"))
        figures["network"] = best_of(runs, lambda: relations_graph(con))
    client = TestClient(create_app(ApiSettings(db=path)))
    for name, url in ENDPOINTS.items():
        response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"{url}: HTTP {response.status_code}: {response.text[:200]}")
        figures[name] = best_of(runs, lambda url=url: client.get(url).raise_for_status())
    client.close()
    return {k: round(v, 4) if isinstance(v, float) else v for k, v in figures.items()}


def cold_start(folder: Path, rounds: int) -> dict:
    """`detente dyad` on a small store against `python -c "import duckdb"`, fresh interpreters, alternating."""
    db = folder / "small.duckdb"
    generate(db, 1000, "1GB")
    cli = [sys.executable, "-c", "from detente.cli.main import cli; cli()", "dyad", "USA", "CHN", "--db", str(db), "--format", "csv"]
    bare = [sys.executable, "-c", "import duckdb"]
    best = {"duckdb": float("inf"), "dyad": float("inf")}
    for number in range(rounds + 1):  # the first round warms the OS file cache
        for name, command in (("duckdb", bare), ("dyad", cli)):
            start = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            if number:
                best[name] = min(best[name], time.perf_counter() - start)
    return {"import_duckdb_seconds": round(best["duckdb"], 3), "detente_dyad_seconds": round(best["dyad"], 3),
            "ratio": round(best["dyad"] / best["duckdb"], 2)}


def ingest_overhead(documents: int) -> dict:
    from corpus import corpus

    from detente import Coder, Settings
    from detente.store import ingest_documents

    coder = Coder(Settings())
    list(coder.code(corpus(5)))  # warm up
    docs = list(corpus(documents))
    start = time.perf_counter()
    events = sum(1 for _ in coder.code(docs))
    code_seconds = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "bench.duckdb") as store:
        start = time.perf_counter()
        report = ingest_documents(store, coder, docs)
        ingest_seconds = time.perf_counter() - start
    return {"documents": documents, "events_coded": events, "mentions_stored": report.mentions,
            "code_seconds": round(code_seconds, 3), "ingest_seconds": round(ingest_seconds, 3),
            "ingest_overhead": round(ingest_seconds / code_seconds - 1, 4)}


def scaling(sizes: list[int], results: dict) -> dict:
    """For each query, time at each size over time at the previous size (10× the events each step)."""
    out = {}
    for small, large in zip(sizes, sizes[1:]):
        a, b = results[str(small)], results[str(large)]
        out[f"{large}/{small}"] = {k: round(b[k] / a[k], 2) for k in b if k.startswith(("dyad", "shifts", "network", "api")) and a.get(k)}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000, 10_000_000])
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each query; the fastest counts")
    parser.add_argument("--memory-limit", default="3GB", help="DuckDB's memory limit while generating")
    parser.add_argument("--startup-rounds", type=int, default=5)
    parser.add_argument("--documents", type=int, default=0, help="also measure the ingest overhead on N documents")
    parser.add_argument("--folder", type=Path, help="where to write the stores (default: a temporary folder, removed)")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    figures: dict = {"sizes": args.sizes, "runs": args.runs}
    if args.folder is not None:
        args.folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="detente-store-bench-", dir=args.folder) as tmp:
        folder = Path(tmp)
        figures["cold_start"] = cold_start(folder, args.startup_rounds)
        print(json.dumps({"cold_start": figures["cold_start"]}), file=sys.stderr, flush=True)
        results = {}
        for size in sorted(args.sizes):
            path = folder / f"store-{size}.duckdb"
            seconds = generate(path, size, args.memory_limit)
            results[str(size)] = {"generate_seconds": round(seconds, 1), "file_mb": round(path.stat().st_size / 2**20, 1),
                                  **time_queries(path, args.runs)}
            print(json.dumps({size: results[str(size)]}), file=sys.stderr, flush=True)
            path.unlink()
        figures["stores"] = results
        figures["scaling"] = scaling(sorted(args.sizes), results)
    if args.documents:
        figures["ingest"] = ingest_overhead(args.documents)
    print(json.dumps(figures, indent=1))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, indent=1))


if __name__ == "__main__":
    main()
