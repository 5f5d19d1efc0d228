"""The relations graph: one directed edge per (actor, recipient) of countries, regions and
organisations.

Nodes are countries (``actor_country``), CAMEO regions, and international organisations and NGOs
by their own code (``IGOOAS``, not one node "IGO" for all of them); each node carries its ``kind``
(country, region, igo, ngo, other) and ``name``. Domestic events (both sides in one country) and
events with an unresolved side are left out: the graph is about relations between actors.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import networkx as nx

from detente.analytics.labels import Labels

NODE = "CASE WHEN {p}_country IN ('IGO', 'NGO') THEN {p}_code ELSE {p}_country END"


def relations_graph(con, *, since: dt.date | None = None, until: dt.date | None = None, min_events: int = 1,
                    labels: Labels | None = None) -> nx.DiGraph:
    """Edges weighted by event count, mean Goldstein score and their sum."""
    source, target = NODE.format(p="actor"), NODE.format(p="recipient")
    rows = con.execute(
        f"""SELECT {source} AS source, {target} AS target, count(*), avg(goldstein), sum(goldstein)
            FROM events
            WHERE actor_country IS NOT NULL AND recipient_country IS NOT NULL
              AND actor_code <> '---' AND recipient_code <> '---'
              AND (? IS NULL OR date >= ?) AND (? IS NULL OR date <= ?)
            GROUP BY ALL HAVING count(*) >= ? AND source <> target ORDER BY source, target""",
        [since, since, until, until, min_events],
    ).fetchall()
    labels = labels or Labels.load()
    graph = nx.DiGraph()
    for source_code, target_code, count, mean, total in rows:
        for code in (source_code, target_code):
            if code not in graph:
                label = labels(code)
                graph.add_node(code, kind=label.kind, name=label.name, label=label.text)
        graph.add_edge(source_code, target_code, events=int(count), goldstein_mean=round(float(mean), 3), goldstein_sum=round(float(total), 3))
    return graph


def write_graph(graph: nx.DiGraph, path: Path, fmt: str | None = None) -> None:
    fmt = fmt or ("graphml" if str(path).endswith(".graphml") else "json")
    if fmt == "graphml":
        nx.write_graphml(graph, path)
    else:
        Path(path).write_text(json.dumps(nx.node_link_data(graph, edges="edges"), indent=1), encoding="utf-8")
