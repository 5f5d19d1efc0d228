"""Shift detection on a large synthetic store: time per call as the store and the series grow.

Run: python benchmarks/shifts_bench.py [--events N ...] [--json FILE]

For each store size (default 100k and 1M events, dates over 4000 days = 572 weeks, the synthetic
data of store_bench.py), times `shift_report` on USA–COL (stationary, 5 % of the events, both directions) and on
AAA–BBB (two changes, 5 % of the events) over 2.5, 5 and 11 years, next to the baseline measured in the same run: the dyad's weekly
series query (`dyad_series`). Figures are the best of 3 runs; the machine is shared and noisy.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from store_bench import SYNTHETIC, best_of  # noqa: E402

from detente.analytics import dyad_series, shift_report  # noqa: E402
from detente.store import Store  # noqa: E402

START = dt.date(2015, 1, 1)
# a dyad whose relationship changes twice (day 1500: cooperation to conflict; day 2500: back),
# 5 % of the store's events, so that the timings include the bootstrap and the evidence
CHANGING = """
INSERT INTO events (event_key, date, actor_code, actor_country, recipient_code, recipient_country, cameo, cameo_root,
                    quad_class, goldstein, num_mentions, num_documents, num_sources)
SELECT 'c' || i, DATE '2015-01-01' + CAST(i % 4000 AS INTEGER), 'AAA', 'AAA', 'BBB', 'BBB', '040', '04', 1,
       CASE WHEN i % 4000 < 1500 THEN 4 WHEN i % 4000 < 2500 THEN -5 ELSE 2 END + (i * 37) % 7 - 3, 1, 1, 1 + i % 2
FROM range(?) t(i)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    import ruptures  # noqa: F401  (imported once, outside the timings)

    figures = []
    with tempfile.TemporaryDirectory() as folder:
        for size in args.events:
            with Store(Path(folder) / f"s{size}.duckdb") as store:
                store.con.execute(SYNTHETIC, [size - size // 20])
                store.con.execute(CHANGING, [size // 20])
                for (a, b), years in [(pair, years) for pair in (("USA", "COL"), ("AAA", "BBB")) for years in (2.5, 5, 11)]:
                    until = START + dt.timedelta(days=int(365.25 * years))
                    series = best_of(3, lambda: dyad_series(store.con, a, b, until=until, by="week"))
                    shifts = best_of(3, lambda: shift_report(store.con, a, b, until=until))
                    report = shift_report(store.con, a, b, until=until)
                    events = sum(n for _, _, n in report.series)
                    figures.append({"store_events": size, "dyad": f"{a}-{b}", "weeks": len(report.series), "dyad_events": events,
                                    "dyad_series_seconds": round(series, 4), "shifts_seconds": round(shifts, 4),
                                    "ratio_to_series": round(shifts / series, 2), "shifts_found": len(report.shifts)})
                    print(json.dumps(figures[-1]))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1))


if __name__ == "__main__":
    main()
