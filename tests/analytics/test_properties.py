"""Invariants of the dyad series and the shift report on random event streams (hypothesis)."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from detente.analytics import dyad_series, shift_report
from detente.store import Store
from tests.analytics.streams import insert

MONDAY = dt.date(2024, 1, 1)
EVENT = st.tuples(
    st.integers(0, 139),  # day
    st.booleans(),  # direction
    st.sampled_from([-10.0, -7.2, -4.0, -2.0, 0.0, 1.0, 3.4, 7.0, 8.3]),
    st.integers(1, 6),  # sources
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(EVENT, max_size=60), st.integers(1, 8))
def test_series_and_report_invariants(events, min_events):
    rows = [
        (f"e{i}", MONDAY + dt.timedelta(days=day), *(("QXA", "QXA", "QXB", "QXB") if forward else ("QXB", "QXB", "QXA", "QXA")),
         "040", "04", 1 if g >= 0 else 3, g, sources, sources, sources)
        for i, (day, forward, g, sources) in enumerate(events)
    ]
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "p.duckdb") as store:
        insert(store.con, rows)
        weighted = dyad_series(store.con, "QXA", "QXB", by="week")
        once = dyad_series(store.con, "QXA", "QXB", by="week", weight="none")
        report = shift_report(store.con, "QXA", "QXB", min_events=min_events, replicates=200)
    assert sum(r.events for r in weighted) == len(rows)
    assert abs(sum(r.net_cooperation for r in weighted) - sum(g * s for _, _, g, s in events)) < 1e-6
    assert all(abs(r.net_cooperation - r.goldstein_sum) < 1e-6 for r in once)
    assert sum(n for _, _, n in report.series) == len(rows)  # every event in exactly one period
    for shift in report.shifts:
        assert shift.after_events >= min_events and shift.probability >= 0.95
        assert shift.direction == ("towards cooperation" if shift.size > 0 else "towards conflict")
        assert shift.before_start <= shift.week <= shift.after_end
