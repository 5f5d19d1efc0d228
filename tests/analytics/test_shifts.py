"""The shift detector on synthetic event streams whose change points are known.

Streams of several lengths (1, 3 and 10 years of weeks), densities (1 and 10 events a week) and
noise levels (sd 2 and 4 Goldstein points per event), with 0, 1 or 2 changes of tone each. A
claimed shift matches a true change when it has the same direction and lies within the location
tolerance (2 weeks, 4 events' worth of weeks in sparse streams).
"""

from __future__ import annotations

import datetime as dt
import itertools
import math

import numpy as np
import pytest

from detente.analytics import detect_shifts, shift_report
from detente.errors import ConfigError
from detente.store import Store
from tests.analytics.streams import START, insert, stream

SIZES = (52, 156, 520)
RATES = (1.0, 10.0)
NOISES = (2.0, 4.0)
STREAMS = 8  # per configuration: 2 without a change, 3 with one, 3 with two


def _codes():
    for x, y in itertools.product("ABCDEFGHIJKLMNOPQRSTUVWXYZ", repeat=2):
        yield f"Q{x}{y}"


@pytest.fixture(scope="module")
def streams(tmp_path_factory):
    rng = np.random.default_rng(20080301)
    codes = _codes()
    path = tmp_path_factory.mktemp("shifts") / "streams.duckdb"
    plan = []
    with Store(path) as store:
        for weeks, rate, noise in itertools.product(SIZES, RATES, NOISES):
            for k in range(STREAMS):
                changes = 0 if k < 2 else 1 if k < 5 else 2
                s = stream(next(codes), next(codes), weeks=weeks, rate=rate, noise=noise, changes=changes, rng=rng)
                insert(store.con, s.rows)
                plan.append(((weeks, rate, noise), s))
    return path, plan


def _score(path, plan) -> dict[tuple, list[int]]:
    """(true positives, claimed, true changes) per configuration."""
    scores: dict[tuple, list[int]] = {}
    with Store(path, read_only=True) as store:
        for (weeks, rate, noise), s in plan:
            shifts = detect_shifts(store.con, s.a, s.b, since=START, until=START + dt.timedelta(days=7 * weeks - 1))
            tolerance = max(2, math.ceil(4 / rate))
            found = [((x.week - START).days // 7, x.size > 0) for x in shifts]
            hits = 0
            for change in s.changes:
                rising = _tone(s, change) > _tone(s, change - 1)
                match = next((f for f in found if abs(f[0] - change) <= tolerance and f[1] == rising), None)
                if match:
                    found.remove(match)
                    hits += 1
            score = scores.setdefault((weeks, rate, noise), [0, 0, 0])
            score[0] += hits
            score[1] += len(shifts)
            score[2] += len(s.changes)
    return scores


def _tone(s, week: int) -> float:
    values = [r[9] for r in s.rows if (r[1] - START).days // 7 == week]
    values = values or [r[9] for r in s.rows if abs((r[1] - START).days // 7 - week) <= 3]
    return float(np.mean(values))


def test_precision_and_recall_on_known_change_points(streams, capsys):
    scores = _score(*streams)
    lines = []
    for (weeks, rate, noise), (hits, claimed, true) in sorted(scores.items()):
        precision = hits / claimed if claimed else 1.0
        recall = hits / true
        lines.append(f"weeks={weeks:3d} rate={rate:4.1f}/week noise={noise:.0f}: precision {precision:.2f} recall {recall:.2f} ({hits}/{claimed} claimed, {true} true)")
        if rate >= 10:  # dense streams: every change found, no false alarm
            assert precision == 1.0 and recall == 1.0, lines[-1]
    hits, claimed, true = (sum(v[i] for v in scores.values()) for i in range(3))
    with capsys.disabled():
        print("\n" + "\n".join(lines) + f"\noverall: precision {hits / claimed:.2f} recall {hits / true:.2f}")
    assert hits / claimed >= 0.85 and hits / true >= 0.8


def test_streams_without_change_raise_few_shifts(streams):
    path, plan = streams
    quiet = [(cfg, s) for cfg, s in plan if not s.changes]
    with Store(path, read_only=True) as store:
        false = sum(
            len(detect_shifts(store.con, s.a, s.b, since=START, until=START + dt.timedelta(days=7 * cfg[0] - 1)))
            for cfg, s in quiet
        )
    assert false <= len(quiet) // 6, f"{false} shifts in {len(quiet)} streams without a change"


def _steady(a="QXA", b="QXB", weeks=40, per_week=3, tone=4.0):
    rows = []
    for week in range(weeks):
        for n in range(per_week):
            day = START + dt.timedelta(days=7 * week + n)
            g = tone + (n - 1) * 0.5
            rows.append((f"{a}{b}{week}-{n}", day, a, a, b, b, "057", "05", 2, g, 1, 1, 1))
    return rows


@pytest.mark.parametrize("outlier", [-10.0, 10.0])
def test_one_outlying_event_raises_no_shift(tmp_path, outlier):
    rows = _steady(tone=1.0)
    rows.append(("outlier", START + dt.timedelta(days=7 * 20 + 3), "QXA", "QXA", "QXB", "QXB", "190", "19", 4, outlier, 1, 1, 1))
    with Store(tmp_path / "s.duckdb") as store:
        insert(store.con, rows)
        report = shift_report(store.con, "QXA", "QXB")
    assert report.shifts == []


def test_a_handful_of_events_raises_no_shift(tmp_path):
    rows = [(f"k{n}", START + dt.timedelta(days=7 * i), "QXA", "QXA", "QXB", "QXB", "190", "19", 4, -10.0, 1, 1, 1) for n, i in enumerate((30, 31, 31))]
    rows.append(("first", START, "QXC", "QXC", "QXD", "QXD", "040", "04", 1, 1.0, 1, 1, 1))  # coverage from week 0
    rows.append(("last", START + dt.timedelta(days=7 * 60), "QXC", "QXC", "QXD", "QXD", "040", "04", 1, 1.0, 1, 1, 1))
    with Store(tmp_path / "s.duckdb") as store:
        insert(store.con, rows)
        report = shift_report(store.con, "QXA", "QXB")
    assert report.shifts == []
    assert all("event(s) after the change" in s.reason or "bootstrap" in s.reason for s in report.rejected)


def test_a_shift_states_direction_size_uncertainty_and_both_sides(tmp_path):
    rows = _steady(weeks=20, tone=4.0)
    for week in range(20, 40):
        for n in range(3):
            rows.append((f"c{week}-{n}", START + dt.timedelta(days=7 * week + n), "QXB", "QXB", "QXA", "QXA", "173", "17", 4, -6.0 + n, 1, 1, 1))
    with Store(tmp_path / "s.duckdb") as store:
        insert(store.con, rows)
        [shift] = shift_report(store.con, "QXA", "QXB").shifts
    assert shift.week == START + dt.timedelta(weeks=20)
    assert shift.direction == "towards conflict" and shift.size < -20
    low, high = shift.interval
    assert low <= shift.size <= high < 0
    assert shift.probability >= 0.95
    assert (shift.before_events, shift.after_events) == (60, 60)
    assert shift.events and all(e["goldstein"] < 0 for e in shift.events)
    assert shift.events[0]["cameo_name"]  # the CAMEO name travels with the code
    assert shift.as_dict()["direction"] == "towards conflict"


def test_a_move_into_silence_is_not_claimed_as_cooperation(tmp_path):
    rows = [(f"q{i}", START + dt.timedelta(days=i), "QXA", "QXA", "QXB", "QXB", "040", "04", 1, 0.0, 1, 1, 1) for i in range(0, 140, 7)]
    for day in range(140, 147):
        for n in range(3):
            rows.append((f"w{day}-{n}", START + dt.timedelta(days=day), "QXA", "QXA", "QXB", "QXB", "190", "19", 4, -10.0 + n, 1, 1, 1))
    rows.append(("end", START + dt.timedelta(days=300), "QXC", "QXC", "QXD", "QXD", "040", "04", 1, 1.0, 1, 1, 1))
    with Store(tmp_path / "s.duckdb") as store:
        insert(store.con, rows)
        report = shift_report(store.con, "QXA", "QXB")
    assert [s.direction for s in report.shifts] == ["towards conflict"]
    assert [s.direction for s in report.rejected] == ["towards cooperation"]
    assert report.rejected[0].after_events == 0 and "event(s) after the change" in report.rejected[0].reason


def test_sources_weight_events_and_unresolved_sides_stay_out(tmp_path):
    from detente.analytics import dyad_series

    rows = [
        ("e1", START, "QXA", "QXA", "QXB", "QXB", "057", "05", 2, 8.0, 5, 5, 5),
        ("e2", START, "QXB", "QXB", "QXA", "QXA", "111", "11", 3, -2.0, 1, 1, 1),
        ("e3", START, "---", None, "QXB", "QXB", "190", "19", 4, -10.0, 1, 1, 1),
        ("e4", START, "QXAREB", "QXA", "QXB", "QXB", "190", "19", 4, -10.0, 1, 1, 1),
    ]
    with Store(tmp_path / "s.duckdb") as store:
        insert(store.con, rows)
        weighted = dyad_series(store.con, "QXA", "QXB", by="week")
        once = dyad_series(store.con, "QXA", "QXB", by="week", weight="none")
        everyone = dyad_series(store.con, "QXA", "QXB", by="week", scope="all")
    assert sum(r.events for r in weighted) == 2  # no '---' side, no rebels in the state scope
    assert sum(r.net_cooperation for r in weighted) == 5 * 8.0 - 2.0
    assert sum(r.net_cooperation for r in once) == 8.0 - 2.0
    assert sum(r.events for r in everyone) == 3  # the rebels count with scope="all"; '---' never


def test_bad_options_are_refused(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        with pytest.raises(ConfigError):
            shift_report(store.con, "QXA", "QXB", by="month")
        with pytest.raises(ConfigError):
            shift_report(store.con, "QXA", "QXB", scope="everyone")
        assert shift_report(store.con, "QXA", "QXB").shifts == []  # empty store: nothing, no error
