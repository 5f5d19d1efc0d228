"""Coding on a Dask cluster (dask.distributed).

Documents are cut into partitions and sent to the workers; each worker loads the pipeline once
(a worker plugin), codes its partitions and writes each as a Parquet file (DuckDB's writer) to
``output`` — a folder every worker and the client can reach (local disk for a local cluster, a
shared filesystem on a real one). The client reads the partitions back, in input order, and
the store loads them with the same idempotence as a local ingest (unchanged documents are
never sent out).

Run a cluster on SLURM with dask-jobqueue, on Kubernetes with dask-kubernetes or the Dask Helm
chart, then point ``--dask tcp://SCHEDULER:8786`` at its scheduler (see docs/scaling.md).
"""

from __future__ import annotations

import itertools
import json
import tempfile
import uuid
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path

import duckdb
import numpy as np
from distributed import Client, LocalCluster, WorkerPlugin, get_worker

from detente.ingest.documents import Document
from detente.settings import Settings

DOCUMENT_FIELDS = ("id", "text", "date", "title", "url", "source", "language", "path", "line")


class CoderPlugin(WorkerPlugin):
    """Loads the pipeline once per worker."""

    name = "detente-coder"

    def __init__(self, settings: Settings, prefilter: bool | None = None) -> None:
        self.settings = settings
        self.prefilter = prefilter

    def setup(self, worker) -> None:
        from detente.coder import Coder

        worker.detente_coder = Coder(self.settings, prefilter=self.prefilter)


def code_partition(documents: list[Document], output: str) -> str:
    """Code one partition on a worker and write it as Parquet; returns the file's path."""
    coder = get_worker().detente_coder
    rows = []
    for document, events in coder.code_documents(documents):
        values = [getattr(document, f) for f in DOCUMENT_FIELDS]
        values[2] = values[2].isoformat() if values[2] else None
        rows.append((*[None if v is None else str(v) for v in values], json.dumps(events, ensure_ascii=False)))
    path = Path(output) / f"part-{uuid.uuid4().hex}.parquet"
    columns = [*DOCUMENT_FIELDS, "events"]
    batch = {name: np.array(values, dtype=object) for name, values in zip(columns, zip(*rows))} if rows else None  # noqa: F841
    con = duckdb.connect()
    if batch is None:
        con.execute("COPY (SELECT NULL::VARCHAR AS id LIMIT 0) TO '" + str(path).replace("'", "''") + "' (FORMAT parquet)")
    else:
        con.execute("COPY (SELECT * FROM batch) TO '" + str(path).replace("'", "''") + "' (FORMAT parquet)")
    con.close()
    return str(path)


def read_partition(path: str) -> list[tuple[Document, list[dict]]]:
    import datetime as dt

    con = duckdb.connect()
    try:
        cursor = con.execute("SELECT * FROM read_parquet(?)", [path])
        names = [d[0] for d in cursor.description]
        rows = cursor.fetchall()
    finally:
        con.close()
    if "events" not in names:
        return []
    results = []
    for row in rows:
        record = dict(zip(names, row))
        document = Document(
            id=record["id"], text=record["text"], date=dt.date.fromisoformat(record["date"]) if record["date"] else None,
            title=record["title"], url=record["url"], source=record["source"], language=record["language"],
            path=record["path"], line=int(record["line"]) if record["line"] else None,
        )
        results.append((document, json.loads(record["events"])))
    return results


class DaskCoder:
    """Same ``code_documents`` interface as :class:`detente.Coder`, on a Dask cluster.

    ``address``: ``local`` (a LocalCluster of ``workers`` processes on this machine) or the
    scheduler's address (``tcp://host:8786``).
    """

    def __init__(self, address: str = "local", *, settings: Settings | None = None, workers: int = 2,
                 partition_size: int = 64, output: Path | None = None, prefilter: bool | None = None) -> None:
        self.address = address
        self.settings = settings or Settings()
        self.workers = workers
        self.partition_size = partition_size
        self.output = output
        self.prefilter = prefilter

    def _client(self) -> tuple[Client, LocalCluster | None]:
        if self.address == "local":
            cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True, dashboard_address=None)
            return Client(cluster), cluster
        return Client(self.address), None

    def code_documents(self, documents: Iterable[Document]) -> Iterator[tuple[Document, list[dict]]]:
        client, cluster = self._client()
        owned = None
        if self.output is None:
            owned = tempfile.TemporaryDirectory(prefix="detente-dask-")
            output = owned.name
        else:
            Path(self.output).mkdir(parents=True, exist_ok=True)
            output = str(self.output)
        try:
            client.register_plugin(CoderPlugin(self.settings, self.prefilter))
            iterator = iter(documents)
            in_flight: deque = deque()
            limit = 2 * max(1, len(client.scheduler_info().get("workers", {})) or self.workers)
            while True:
                while len(in_flight) < limit:
                    partition = list(itertools.islice(iterator, self.partition_size))
                    if not partition:
                        break
                    in_flight.append(client.submit(code_partition, partition, output, pure=False))
                if not in_flight:
                    return
                path = in_flight.popleft().result()
                yield from read_partition(path)
                Path(path).unlink(missing_ok=True)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
            if owned is not None:
                owned.cleanup()

    def code(self, documents: Iterable[Document]) -> Iterator[dict]:
        for _, events in self.code_documents(documents):
            yield from events
