"""`detente serve` on a real socket (127.0.0.1 only): readers in other processes work while it
runs, a chunked body over the limit is refused, and a write holds the store only while it writes."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from detente.cli.main import cli
from detente.store import Store, ingest_documents
from tests.store.fakes import FakeCoder, document

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "serve-test-token"


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        ingest_documents(store, FakeCoder(), [document("w1", ["USA>COL 111 2024-01-02", "COL>USA 042 2024-01-09"])])
    return path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def serve(db: Path, *extra: str, ready_within: float = 90.0):
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]),
           "DETENTE_TOKEN": TOKEN}
    process = subprocess.Popen(
        [sys.executable, "-c", "from detente.cli.main import cli; cli()", "serve", "--db", str(db), "--port", str(port), *extra],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + ready_within
        while True:
            try:
                if httpx.get(f"{base}/api/stats", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"server did not start: {process.stderr.read().decode()[-2000:]}")
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _reads_work(db: Path) -> None:
    runner = CliRunner()
    sql = runner.invoke(cli, ["sql", "SELECT count(*) AS n FROM documents", "--db", str(db), "--format", "json"])
    assert sql.exit_code == 0, sql.output
    dyad = runner.invoke(cli, ["dyad", "USA", "COL", "--db", str(db), "--format", "json", "--by", "week"])
    assert dyad.exit_code == 0, dyad.output
    assert {r["source"] for r in json.loads(dyad.stdout)} == {"USA", "COL"}
    return json.loads(sql.stdout)[0]["n"]


def test_readers_work_while_a_read_only_server_runs(db, tmp_path):
    with serve(db) as base:
        assert httpx.get(f"{base}/api/events", timeout=10).json()["total"] == 2  # the server holds its connection
        assert _reads_work(db) == 1
        export = CliRunner().invoke(cli, ["export", str(tmp_path / "e.csv"), "--db", str(db), "--format", "csv"])
        assert export.exit_code == 0, export.output
        refused = httpx.post(f"{base}/api/documents", json={"id": "x", "text": "y"}, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=10)
        assert refused.status_code == 403
        chunks = (b"x" * 65536 for _ in range(48))  # 3 MB, chunked: no Content-Length
        response = httpx.post(f"{base}/api/code", content=chunks, headers={"Content-Type": "application/json"}, timeout=30)
        assert response.status_code == 413 and "request body over" in response.json()["detail"]
        assert httpx.get(f"{base}/api/stats", timeout=10).status_code == 200  # still serving


def test_a_writable_server_holds_the_store_only_while_it_writes(db):
    with serve(db, "--writable") as base:
        created = httpx.post(
            f"{base}/api/documents", headers={"Authorization": f"Bearer {TOKEN}"}, timeout=120,
            json={"id": "2024/w2", "text": "Chile expelled the Peruvian ambassador on Monday.", "date": "2024-03-05"},
        )
        assert created.status_code == 201, created.text
        assert _reads_work(db) == 2
        assert httpx.get(f"{base}/api/documents/2024/w2", timeout=10).json()["doc_id"] == "2024/w2"


def test_an_ingest_commits_while_the_server_answers(db, tmp_path, monkeypatch):
    import threading

    import detente.cli.store_commands as commands

    monkeypatch.setattr(commands, "make_coder", lambda *a, **k: FakeCoder(delay=0.02))
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"n{i:03d}", "text": f"FRA>RUS 111 2024-03-{1 + i % 28:02d}"}) + "\n"
                              for i in range(100)), encoding="utf-8")
    with serve(db) as base:
        statuses, counts, done = [], [], threading.Event()

        def poll():
            while not done.is_set():
                response = httpx.get(f"{base}/api/stats", timeout=30)
                statuses.append(response.status_code)
                if response.status_code == 200:
                    counts.append(response.json()["documents"])
                time.sleep(0.4)

        poller = threading.Thread(target=poll)
        poller.start()
        try:
            result = CliRunner().invoke(cli, ["ingest", str(corpus), "--db", str(db)])
        finally:
            done.set()
            poller.join(timeout=60)
        assert result.exit_code == 0, result.output
        assert "100 added" in result.stderr
        assert statuses and set(statuses) == {200}
        assert counts == sorted(counts)  # every answer saw whole commits, in order
        assert httpx.get(f"{base}/api/stats", timeout=30).json()["documents"] == 101
