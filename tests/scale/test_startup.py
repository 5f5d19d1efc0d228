"""Starting fast: commands that only read the store never load spaCy, and
the city gazetteer is compiled once into the cache. No timing is asserted; see benchmarks/."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import detente
from detente.coding import places
from detente.store import Store

SRC = Path(detente.__file__).resolve().parents[1]

PROBE = """
import json, sys
from detente.cli.main import cli
for args in json.loads(sys.argv[1]):
    try:
        cli.main(args, standalone_mode=False)
    except SystemExit as exit:
        assert not exit.code, (args, exit.code)
print(json.dumps(sorted(m for m in ("spacy", "thinc") if m in sys.modules)))
"""


def _run(code: str, *args: str, cache: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(SRC), "DETENTE_CACHE_DIR": str(cache)}
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, timeout=300)


@pytest.fixture(scope="module")
def store_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("store") / "news.duckdb"
    with Store(path) as store:
        store.con.execute(
            """INSERT INTO events (event_key, date, actor_code, actor_country, recipient_code, recipient_country,
                                   cameo, cameo_root, quad_class, goldstein, num_mentions, num_documents, num_sources)
               SELECT 'e' || i, DATE '2024-01-01' + CAST(i AS INTEGER), 'COL', 'COL', 'VEN', 'VEN',
                      '111', '11', 3, -2.0, 1, 1, 1 FROM range(40) t(i)"""
        )
    return path


def test_store_and_analytics_commands_never_import_spacy(store_file, tmp_path):
    db = str(store_file)
    commands = [
        ["dyad", "COL", "VEN", "--db", db, "--format", "json"],
        ["shifts", "COL", "VEN", "--db", db, "--format", "json"],
        ["network", "--db", db],
        ["sql", "SELECT count(*) AS n FROM events", "--db", db, "--format", "json"],
        ["export", str(tmp_path / "events.csv"), "--db", db, "--format", "csv"],
    ]
    result = _run(PROBE, json.dumps(commands), cache=tmp_path / "cache")
    assert result.returncode == 0, result.stderr
    assert '"n": 40' in result.stdout  # the commands really ran
    assert (tmp_path / "events.csv").read_text().count("\n") == 41
    assert json.loads(result.stdout.strip().splitlines()[-1]) == []


def test_dyad_reads_the_store_without_numpy(store_file, tmp_path):
    probe = PROBE.replace('("spacy", "thinc")', '("spacy", "thinc", "numpy", "trafilatura")')
    commands = [["dyad", "COL", "VEN", "--db", str(store_file), "--format", "json"]]
    result = _run(probe, json.dumps(commands), cache=tmp_path / "cache")
    assert result.returncode == 0, result.stderr
    assert '"target": "VEN"' in result.stdout
    assert json.loads(result.stdout.strip().splitlines()[-1]) == []


def test_importing_the_package_loads_spacy_only_when_the_coder_is_asked_for(tmp_path):
    code = (
        "import sys, detente; before = 'spacy' in sys.modules; detente.Coder; "
        "print(before, 'spacy' in sys.modules, 'Settings' in dir(detente), 'Coder' in dir(detente))"
    )
    result = _run(code, cache=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "True", "True", "True"]
    with pytest.raises(AttributeError):
        detente.NoSuchThing  # noqa: B018


def test_the_gazetteer_compiles_once_and_loads_from_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("DETENTE_CACHE_DIR", str(tmp_path))
    builds = []
    real = places.build_index

    def counting(min_population):
        builds.append(min_population)
        return real(min_population)

    monkeypatch.setattr(places, "build_index", counting)
    first = places.Gazetteer()
    assert not builds  # nothing is loaded until a lookup
    bogota = first.lookup("Bogotá")
    assert bogota is not None and bogota.country == "COL"
    assert len(list(tmp_path.glob("gazetteer15000-*.pickle"))) == 1
    second = places.Gazetteer()
    assert second.lookup("bogota") is None and second.lookup("Bogota") == bogota  # folded, capitalised only
    assert second.lookup("The Hague").country == "NLD"
    assert builds == [15000]  # the second gazetteer read the compiled index


def test_the_compiled_index_finds_every_name_the_source_gives(tmp_path, monkeypatch):
    monkeypatch.setenv("DETENTE_CACHE_DIR", str(tmp_path))
    names, cities = places.build_names(15000)
    index = places.Gazetteer().index  # compiled, then stored
    assert index is not places.Gazetteer().index  # a second gazetteer reads the stored copy
    assert len(index) == len(names) and len(index.places) == len(cities)
    assert all(index.find(key) == target for key, target in names.items())
    assert index.find("no such city anywhere") is None and index.find("") is None


def test_names_with_the_same_hash_are_told_apart_by_their_text(monkeypatch):
    monkeypatch.setattr(places, "name_hash", lambda key: 7)  # every name collides
    cities = [("Lima", "PER", -12.0, -77.0, 9), ("Quito", "ECU", -0.2, -78.5, 2), ("Cali", "COL", 3.4, -76.5, 2)]
    index = places.PlaceIndex.from_names({"lima": 0, "quito": 1, "cali": 2, "santiago de cali": 2}, cities)
    assert [index.find(k) for k in ("quito", "lima", "cali", "santiago de cali", "bogota")] == [1, 0, 2, 2, None]


def test_the_event_lexicon_compiles_once_and_loads_from_the_cache(tmp_path, monkeypatch):
    from detente.coding.events import lexicon as lexicon_module

    monkeypatch.setenv("DETENTE_CACHE_DIR", str(tmp_path))
    reads = []
    real = lexicon_module.read_patterns

    def counting(path, synonyms):
        reads.append(path.name)
        return real(path, synonyms)

    monkeypatch.setattr(lexicon_module, "read_patterns", counting)
    first = lexicon_module.Lexicon.load()
    assert sorted(reads) == ["nouns.tsv", "verbs.tsv"]
    assert len(list(tmp_path.glob("lexicon-*.pickle"))) == 1
    second = lexicon_module.Lexicon.load()
    assert len(reads) == 2  # read from the cache
    assert second is not first and second.verbs == first.verbs and second.nouns == first.nouns
    folder = lexicon_module.data_path("lexicon")
    assert lexicon_module.Lexicon.load(folder).verbs == first.verbs and len(reads) == 4  # a folder is read as it is
