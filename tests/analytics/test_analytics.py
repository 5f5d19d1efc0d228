"""Dyad series, shifts and network on a synthetic store whose true answer is known."""

from __future__ import annotations

import datetime as dt
import json

import networkx as nx
import pytest
from click.testing import CliRunner

from detente.analytics import detect_shifts, dyad_series, relations_graph
from detente.cli.main import cli
from detente.store import Store

START = dt.date(2024, 1, 1)  # a Monday
TURN_WEEK = 10  # the relationship turns from conflict to cooperation here


@pytest.fixture()
def synthetic(tmp_path):
    path = tmp_path / "synthetic.duckdb"
    rows = []
    for week in range(20):
        for day, (actor, recipient) in enumerate((("USA", "COL"), ("COL", "USA"), ("USA", "COL"))):
            date = START + dt.timedelta(days=7 * week + day)
            cooperative = week >= TURN_WEEK
            cameo, quad, goldstein = ("057", 2, 8.0) if cooperative else ("190", 4, -10.0)
            if week % 3 == 0 and not cooperative:
                cameo, quad, goldstein = ("111", 3, -2.0)
            rows.append((f"k{week}-{day}", date, actor, actor, recipient, recipient, cameo, cameo[:2], quad, goldstein, 1, 1, 1))
    rows.append(("other", START, "FRA", "FRA", "DEU", "DEU", "040", "04", 1, 1.0, 1, 1, 1))
    with Store(path) as store:
        store.con.executemany(
            "INSERT INTO events (event_key, date, actor_code, actor_country, recipient_code, recipient_country, cameo, "
            "cameo_root, quad_class, goldstein, num_mentions, num_documents, num_sources) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    return path


def test_dyad_series_both_directions_by_week(synthetic):
    with Store(synthetic, read_only=True) as store:
        rows = dyad_series(store.con, "usa", "col", by="week")
    first = [r for r in rows if r.period == START]
    assert {(r.source, r.target, r.events) for r in first} == {("USA", "COL", 2), ("COL", "USA", 1)}
    assert sum(r.events for r in rows) == 60
    late = [r for r in rows if r.period >= START + dt.timedelta(weeks=TURN_WEEK)]
    assert all(r.material_cooperation == r.events and r.goldstein_mean == 8.0 for r in late)
    with Store(synthetic, read_only=True) as store:
        months = dyad_series(store.con, "USA", "COL", by="month", since=dt.date(2024, 2, 1), until=dt.date(2024, 2, 29))
    assert {r.period for r in months} == {dt.date(2024, 2, 1)}


def test_shift_is_found_within_a_week_of_the_turn(synthetic):
    with Store(synthetic, read_only=True) as store:
        shifts = detect_shifts(store.con, "USA", "COL")
    turn = START + dt.timedelta(weeks=TURN_WEEK)
    assert len(shifts) == 1
    assert abs((shifts[0].week - turn).days) <= 7
    assert shifts[0].size > 10 and shifts[0].events


def test_network_edges(synthetic, tmp_path):
    with Store(synthetic, read_only=True) as store:
        graph = relations_graph(store.con)
    assert graph["USA"]["COL"]["events"] == 40 and graph["COL"]["USA"]["events"] == 20
    assert graph["FRA"]["DEU"]["goldstein_mean"] == 1.0
    runner = CliRunner()
    out = tmp_path / "g.graphml"
    result = runner.invoke(cli, ["network", "--db", str(synthetic), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert set(nx.read_graphml(out).edges) >= {("USA", "COL"), ("FRA", "DEU")}


def test_dyad_cli_formats_and_plot(synthetic, tmp_path):
    runner = CliRunner()
    result = runner.invoke(cli, ["dyad", "USA", "COL", "--db", str(synthetic), "--by", "month", "--format", "json", "--plot", str(tmp_path / "p.png")])
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    assert records[0]["period"] == "2024-01-01" and (tmp_path / "p.png").stat().st_size > 1000
    csv_out = runner.invoke(cli, ["dyad", "USA", "COL", "--db", str(synthetic), "--format", "csv"])
    assert csv_out.stdout.splitlines()[0].startswith("period,source,target,events")
    shifts = runner.invoke(cli, ["shifts", "USA", "COL", "--db", str(synthetic), "--format", "json"])
    assert json.loads(shifts.stdout)[0]["size"] > 10


def test_sql_is_read_only(synthetic):
    runner = CliRunner()
    ok = runner.invoke(cli, ["sql", "SELECT count(*) AS n FROM events", "--db", str(synthetic), "--format", "json"])
    assert json.loads(ok.stdout) == [{"n": 61}]
    bad = runner.invoke(cli, ["sql", "DELETE FROM events", "--db", str(synthetic)])
    assert bad.exit_code == 1 and "SQL error" in bad.output
