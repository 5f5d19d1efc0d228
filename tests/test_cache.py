"""The compile-once cache: hits, invalidation on a changed source, and fallbacks."""

from __future__ import annotations

import os

from detente.data.cache import cache_dir, load_cached


def test_cache_builds_once_and_rebuilds_when_a_source_changes(tmp_path, monkeypatch):
    monkeypatch.setenv("DETENTE_CACHE_DIR", str(tmp_path / "cache"))
    source = tmp_path / "source.txt"
    source.write_text("one")
    calls = []

    def build():
        calls.append(1)
        return {"text": source.read_text()}

    assert load_cached("thing", [source], build) == {"text": "one"}
    assert load_cached("thing", [source], build) == {"text": "one"}
    assert len(calls) == 1
    source.write_text("two!")
    os.utime(source, ns=(1, 1))
    assert load_cached("thing", [source], build) == {"text": "two!"}
    assert len(calls) == 2
    assert len(list((tmp_path / "cache").glob("thing-*.pickle"))) == 1  # the stale entry is gone


def test_a_corrupt_entry_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("DETENTE_CACHE_DIR", str(tmp_path))
    assert load_cached("x", [], lambda: 1) == 1
    (entry,) = tmp_path.glob("x-*.pickle")
    entry.write_bytes(b"not a pickle")
    assert load_cached("x", [], lambda: 2) == 2


def test_cache_off_always_builds(monkeypatch):
    monkeypatch.setenv("DETENTE_CACHE_DIR", "off")
    assert cache_dir() is None
    calls = []
    load_cached("y", [], lambda: calls.append(1))
    load_cached("y", [], lambda: calls.append(1))
    assert len(calls) == 2


def test_an_unwritable_cache_still_returns_the_value(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("DETENTE_CACHE_DIR", str(blocker / "sub"))
    assert load_cached("z", [], lambda: 3) == 3
