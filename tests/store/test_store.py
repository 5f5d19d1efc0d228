from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from detente.store import DedupRule, Store, StoreLockedError, ingest_documents
from detente.store.dedup import group
from detente.store.ingest import rebuild_events
from detente.store.schema import SCHEMA_VERSION
from tests.store.fakes import FakeCoder, document

ROOT = Path(__file__).resolve().parents[2]

# three outlets report the same two events; one of them also reports a third, a day later
CORPUS = [
    document("wire-a-1", ["FRA>RUS 111 2024-03-04", "DEU>IRN 163 2024-03-04"], source="Wire A"),
    document("wire-b-1", ["FRA>RUS 111 2024-03-04"], source="Wire B"),
    document("wire-c-1", ["FRA>RUS 111 2024-03-04", "DEU>IRN 163 2024-03-05"], source="Wire C"),
    document("wire-c-2", ["FRA>RUS 111 2024-03-06", "FRA>RUS 173 2024-03-06 hypothetical"], source="Wire C"),
]


def _events(store):
    return store.con.execute(
        "SELECT date::VARCHAR, actor_code, recipient_code, cameo, num_mentions, num_documents, num_sources FROM events ORDER BY 1, 2, 4"
    ).fetchall()


@pytest.mark.parametrize(
    "rule, expected",
    [
        (
            "day",
            [("2024-03-04", "DEU", "IRN", "163", 1, 1, 1), ("2024-03-04", "FRA", "RUS", "111", 3, 3, 3),
             ("2024-03-05", "DEU", "IRN", "163", 1, 1, 1), ("2024-03-06", "FRA", "RUS", "111", 1, 1, 1)],
        ),
        ("none", 6),
        (
            "window:3",
            [("2024-03-04", "DEU", "IRN", "163", 2, 2, 2), ("2024-03-04", "FRA", "RUS", "111", 4, 4, 3)],
        ),
    ],
)
def test_dedup_rules(tmp_path, rule, expected):
    with Store(tmp_path / "s.duckdb") as store:
        report = ingest_documents(store, FakeCoder(), CORPUS, rule=DedupRule.parse(rule))
        assert report.added == 4 and report.mentions == 7
        events = _events(store)
    if isinstance(expected, int):
        assert len(events) == expected and all(e[4] == 1 for e in events)
    else:
        assert events == expected


def test_reingest_adds_nothing_and_a_changed_document_replaces_its_mentions(tmp_path):
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        ingest_documents(store, FakeCoder(), CORPUS)
        before = (store.counts(), _events(store))
        again = ingest_documents(store, FakeCoder(), CORPUS)
        assert (again.added, again.replaced, again.unchanged) == (0, 0, 4)
        assert (store.counts(), _events(store)) == before
        changed = document("wire-b-1", ["ESP>MAR 042 2024-03-04"], source="Wire B")
        report = ingest_documents(store, FakeCoder(), [changed])
        assert report.replaced == 1
        mentions = store.con.execute("SELECT cameo FROM mentions WHERE doc_id = 'wire-b-1'").fetchall()
        assert mentions == [("042",)]
        fra = [e for e in _events(store) if e[1] == "FRA" and e[0] == "2024-03-04"]
        assert fra[0][4] == 2  # the report that was withdrawn no longer counts


def test_changing_the_rule_rebuilds_every_event(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        ingest_documents(store, FakeCoder(), CORPUS, rule=DedupRule.parse("none"))
        assert len(_events(store)) == 6
        ingest_documents(store, FakeCoder(), [], rule=DedupRule.parse("day"))
        assert len(_events(store)) == 4 and store.get_meta("dedup_rule") == "day"


def test_bad_rule_is_a_clear_error():
    with pytest.raises(Exception, match="window:N"):
        DedupRule.parse("weekly")


def _run_ingest(db: Path, count: int, delay: float) -> subprocess.Popen:
    script = textwrap.dedent(
        f"""
        import sys
        sys.path.insert(0, {str(ROOT)!r})
        from detente.store import Store, ingest_documents
        from tests.store.fakes import FakeCoder, document
        docs = (document(f"d{{i:03d}}", [f"FRA>RUS 111 2024-03-{{1 + i % 28:02d}}", f"DEU>IRN 163 2024-04-{{1 + i % 28:02d}}"]) for i in range({count}))
        with Store({str(db)!r}) as store:
            ingest_documents(store, FakeCoder(delay={delay}), docs, on_document=lambda d, s: print(d.id, flush=True))
        """
    )
    return subprocess.Popen(
        [sys.executable, "-c", script], env={**os.environ, "PYTHONPATH": str(ROOT / "src")}, stdout=subprocess.PIPE, text=True
    )


def test_killed_ingest_leaves_a_consistent_store_and_a_rerun_completes_it(tmp_path):
    db = tmp_path / "s.duckdb"
    process = _run_ingest(db, 120, delay=0.02)
    for _ in range(15):  # let some documents commit, then kill the writer mid-run
        assert process.stdout.readline()
    process.send_signal(signal.SIGKILL)
    process.wait()
    with Store(db) as store:
        partial = store.counts()
        assert 15 <= partial["documents"] < 120
        assert partial["mentions"] == 2 * partial["documents"]  # no half-written document
        assert _consistent(store)
    rerun = _run_ingest(db, 120, delay=0.0)
    rerun.stdout.read()
    assert rerun.wait(timeout=120) == 0
    with Store(db) as store:
        counts = store.counts()
        assert counts["documents"] == 120 and counts["mentions"] == 240
        assert store.con.execute("SELECT count(DISTINCT doc_id) FROM documents").fetchone()[0] == 120
        assert _consistent(store)


def _consistent(store) -> bool:
    """Events equal a fresh rebuild from the mentions."""
    before = _events(store)
    store.con.execute("BEGIN TRANSACTION")
    rebuild_events(store, DedupRule.parse(store.get_meta("dedup_rule") or "day"), None)
    after = _events(store)
    store.con.execute("ROLLBACK")
    return before == after


def test_a_second_writer_gets_a_clear_error(tmp_path):
    db = tmp_path / "s.duckdb"
    Store(db).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import duckdb, time; c = duckdb.connect({str(db)!r}); print('ready', flush=True); time.sleep(30)"],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreLockedError) as info:
            Store(db)
        assert "in use by another detente process" in str(info.value) and str(db) in str(info.value)
    finally:
        holder.kill()
        holder.wait()


def test_a_store_of_the_previous_schema_version_is_migrated(tmp_path):
    db = tmp_path / "old.duckdb"
    with Store(db, migrate=False) as old:
        old.migrate(target=SCHEMA_VERSION - 1)
        old.con.execute(
            "INSERT INTO events (event_key, date, actor_code, recipient_code, cameo, num_mentions, num_documents) "
            "VALUES ('k1', DATE '2024-01-02', 'FRA', 'RUS', '111', 2, 2)"
        )
        assert old.version == SCHEMA_VERSION - 1
    with Store(db) as store:
        assert store.version == SCHEMA_VERSION
        assert store.con.execute("SELECT num_sources FROM events WHERE event_key = 'k1'").fetchone() == (2,)
        assert "language" in [c[0] for c in store.con.execute("DESCRIBE documents").fetchall()]
    with Store(db, read_only=True) as reader:
        assert reader.version == SCHEMA_VERSION


def test_read_only_store_must_exist(tmp_path):
    with pytest.raises(Exception, match="no store at"):
        Store(tmp_path / "missing.duckdb", read_only=True)


report_strategy = st.lists(
    st.tuples(st.sampled_from(["FRA>RUS", "DEU>IRN", "USA>CHN"]), st.sampled_from(["111", "163", "042"]), st.integers(1, 20)),
    min_size=1, max_size=25,
)


@settings(max_examples=40, deadline=None)
@given(report_strategy, st.sampled_from(["day", "none", "window:2", "window:7"]))
def test_grouping_keeps_every_report_once(reports, rule):
    from tests.store.test_dedup_helpers import make_reports

    made = make_reports(reports)
    groups = group(made, DedupRule.parse(rule))
    ids = sorted(r.mention_id for g in groups for r in g)
    assert ids == sorted(r.mention_id for r in made)
    for g in groups:
        assert len({(r.actor_code, r.recipient_code, r.cameo) for r in g}) == 1
        if rule == "day":
            assert len({r.date for r in g}) == 1
        if rule.startswith("window"):
            assert (max(r.date for r in g) - min(r.date for r in g)).days < int(rule.split(":")[1])
