"""The country-relations graph: one directed edge per (actor country, recipient country)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import networkx as nx


def relations_graph(con, *, since: dt.date | None = None, until: dt.date | None = None, min_events: int = 1) -> nx.DiGraph:
    """Edges weighted by mean Goldstein score and event count; self-loops are domestic events."""
    rows = con.execute(
        """SELECT actor_country, recipient_country, count(*), avg(goldstein), sum(goldstein)
           FROM events
           WHERE actor_country IS NOT NULL AND recipient_country IS NOT NULL
             AND (? IS NULL OR date >= ?) AND (? IS NULL OR date <= ?)
           GROUP BY ALL HAVING count(*) >= ?""",
        [since, since, until, until, min_events],
    ).fetchall()
    graph = nx.DiGraph()
    for source, target, count, mean, total in rows:
        graph.add_edge(source, target, events=int(count), goldstein_mean=round(float(mean), 3), goldstein_sum=round(float(total), 3))
    return graph


def write_graph(graph: nx.DiGraph, path: Path, fmt: str | None = None) -> None:
    fmt = fmt or ("graphml" if str(path).endswith(".graphml") else "json")
    if fmt == "graphml":
        nx.write_graphml(graph, path)
    else:
        Path(path).write_text(json.dumps(nx.node_link_data(graph, edges="edges"), indent=1), encoding="utf-8")
