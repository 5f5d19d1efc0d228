"""Charts, labels and the network do not mislead: gaps stay gaps, empty says so, regions and
organisations are not countries, domestic events are no relation."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from detente.analytics import dyad_series, relations_graph
from detente.analytics.labels import Labels
from detente.analytics.plots import dyad_figure
from detente.store import Store
from tests.analytics.streams import insert

MONDAY = dt.date(2024, 1, 1)


def _row(key, day, actor, actor_country, recipient, recipient_country, goldstein=-4.0, cameo="161", quad=4):
    return (key, MONDAY + dt.timedelta(days=day), actor, actor_country, recipient, recipient_country, cameo, cameo[:2], quad, goldstein, 1, 1, 1)


@pytest.fixture()
def store(tmp_path):
    rows = [
        _row("a", 0, "COL", "COL", "ECU", "ECU"), _row("b", 7, "COLGOV", "COL", "ECU", "ECU"),
        _row("c", 35, "ECU", "ECU", "COL", "COL", 7.0, "057", 2),  # four quiet weeks before this one
        _row("d", 1, "COLGOV", "COL", "COLMIL", "COL"),  # domestic
        _row("e", 2, "IGOOAS", "IGO", "COL", "COL", 1.0, "040", 1), _row("f", 3, "IGOUNO", "IGO", "ECU", "ECU", 1.0, "040", 1),
        _row("g", 4, "LAM", "LAM", "USA", "USA", 1.0, "040", 1), _row("h", 5, "---", None, "COL", "COL"),
    ]
    with Store(tmp_path / "v.duckdb") as s:
        insert(s.con, rows)
        yield s


def test_quiet_weeks_break_the_line(store):
    rows = dyad_series(store.con, "COL", "ECU", by="week")
    figure = dyad_figure(rows, "COL", "ECU")
    top = figure.axes[0]
    line = next(l for l in top.get_lines() if l.get_label() == "COL → ECU")
    values = list(line.get_ydata())
    assert len(values) == 6 and not math.isnan(values[0]) and not math.isnan(values[1])
    assert all(math.isnan(v) for v in values[2:])  # COL → ECU has no event after week 2
    other = next(l for l in top.get_lines() if l.get_label() == "ECU → COL")
    assert sum(not math.isnan(v) for v in other.get_ydata()) == 1
    labels = [t.get_text() for t in figure.axes[1].get_legend().get_texts()]
    assert labels == ["verbal cooperation", "material cooperation", "verbal conflict", "material conflict"]
    colours = {tuple(p.get_facecolor()) for container in figure.axes[1].containers for p in container.patches[:1]}
    assert len(colours) == 4


def test_an_empty_series_says_no_events(store):
    figure = dyad_figure(dyad_series(store.con, "COL", "BRA"), "COL", "BRA")
    assert any("no events" in t.get_text() for t in figure.axes[0].texts)


def test_network_has_no_self_loops_and_keeps_organisations_apart(store):
    graph = relations_graph(store.con)
    assert not any(a == b for a, b in graph.edges)
    assert set(graph.nodes) == {"COL", "ECU", "IGOOAS", "IGOUNO", "LAM", "USA"}
    assert graph.nodes["IGOOAS"]["kind"] == "igo" and "(IGO)" in graph.nodes["IGOOAS"]["label"]
    assert graph.nodes["LAM"]["kind"] == "region" and graph.nodes["LAM"]["label"] == "Latin America (region)"
    assert graph.nodes["COL"] == {"kind": "country", "name": "Colombia", "label": "Colombia"}
    assert graph["COL"]["ECU"]["events"] == 2 and graph.has_edge("ECU", "COL")


@pytest.mark.parametrize(("code", "kind", "text"), [
    ("VEN", "country", "Venezuela"), ("EUR", "region", "Europe (region)"), ("IGOUNO", "igo", "United Nations (IGO)"),
    ("IGO", "igo", "international organisation (IGO)"), ("VENGOV", "country", "Venezuela GOV"), ("ZZZ", "other", "ZZZ (other)"),
])
def test_labels(code, kind, text):
    label = Labels.load()(code)
    assert (label.kind, label.text) == (kind, text)
