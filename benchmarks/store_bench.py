"""Store benchmark: ingest overhead over bare coding, and query times on one million events.

Run: python benchmarks/store_bench.py [--documents N] [--events N] [--json FILE]
Figures are ratios against a baseline measured in the same run (the machine is shared and noisy).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import corpus  # noqa: E402

from detente import Coder, Settings  # noqa: E402
from detente.analytics import dyad_series, relations_graph  # noqa: E402
from detente.store import Store, ingest_documents  # noqa: E402

SYNTHETIC = """
INSERT INTO events (event_key, date, actor_code, actor_country, recipient_code, recipient_country, cameo, cameo_root,
                    quad_class, goldstein, num_mentions, num_documents, num_sources)
SELECT 'e' || i, DATE '2015-01-01' + CAST(i % 4000 AS INTEGER),
       c1, c1, c2, c2, cameo, substr(cameo, 1, 2), quad, g, 1 + i % 5, 1 + i % 3, 1 + i % 2
FROM (
  SELECT i,
         ['USA','CHN','RUS','COL','VEN','BRA','MEX','UKR','IRN','ISR','FRA','DEU','GBR','IND','PAK','TUR','JPN','KOR','PRK','CUB'][1 + (i * 7) % 20] AS c1,
         ['USA','CHN','RUS','COL','VEN','BRA','MEX','UKR','IRN','ISR','FRA','DEU','GBR','IND','PAK','TUR','JPN','KOR','PRK','CUB'][1 + (i * 13 + 3) % 20] AS c2,
         ['040','042','057','111','112','163','173','190','195','036'][1 + i % 10] AS cameo,
         [1, 1, 2, 3, 3, 4, 4, 4, 4, 1][1 + i % 10] AS quad,
         [1.0, 1.9, 8.0, -2.0, -2.0, -8.0, -5.0, -10.0, -10.0, 4.0][1 + i % 10] AS g
  FROM range(?) t(i)
)
"""


def best_of(runs: int, func) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=150)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    coder = Coder(Settings())
    list(coder.code(corpus(5)))  # warm up
    docs = list(corpus(args.documents))

    start = time.perf_counter()
    events = sum(1 for _ in coder.code(docs))
    code_seconds = time.perf_counter() - start

    with tempfile.TemporaryDirectory() as folder:
        with Store(Path(folder) / "bench.duckdb") as store:
            start = time.perf_counter()
            report = ingest_documents(store, coder, docs)
            ingest_seconds = time.perf_counter() - start
        with Store(Path(folder) / "big.duckdb") as store:
            start = time.perf_counter()
            store.con.execute(SYNTHETIC, [args.events])
            load_seconds = time.perf_counter() - start
            dyad = best_of(3, lambda: dyad_series(store.con, "USA", "CHN", by="week"))
            dyad_month = best_of(3, lambda: dyad_series(store.con, "COL", "VEN", by="month"))
            network = best_of(3, lambda: relations_graph(store.con))
    figures = {
        "documents": args.documents,
        "events_coded": events,
        "code_seconds": round(code_seconds, 3),
        "ingest_seconds": round(ingest_seconds, 3),
        "ingest_overhead": round(ingest_seconds / code_seconds - 1, 4),
        "mentions_stored": report.mentions,
        "synthetic_events": args.events,
        "synthetic_load_seconds": round(load_seconds, 3),
        "dyad_week_seconds": round(dyad, 4),
        "dyad_month_seconds": round(dyad_month, 4),
        "network_seconds": round(network, 4),
    }
    print(json.dumps(figures, indent=1))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1))


if __name__ == "__main__":
    main()
