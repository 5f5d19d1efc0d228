"""Exports: PLOVER field names, evidence in every format, --require-dyad, representatives."""

from __future__ import annotations

import json
import re
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from detente.cli.main import cli
from detente.store import DedupRule
from detente.store.exports import export_events
from tests.store.export_fixtures import build, store  # noqa: F401 (fixture)
from tests.store.fakes import document

PLOVER_MANUAL = Path(__file__).resolve().parents[3] / "shared" / "reference" / "PLOVER_MANUAL.tex"

# The PLOVER codebook v0.8, chapter "Data Fields": the event record, entity, text, citation and
# location objects (typed out here; checked against the manual itself when ../shared is present).
PLOVER_EVENT = {"id", "has_event", "date", "time", "enddate", "endtime", "actor", "recipient", "event", "event_loc",
                "event_text", "quad_code", "event_scale", "mode", "context", "link", "text", "text_info", "cite_info",
                "coder", "coded_date", "coded_time", "comment"}
PLOVER_ENTITY = {"code", "sector", "entity_text", "identifier_id", "identifier_text", "religion", "ethnicity", "office",
                 "gender", "age"}
PLOVER_TEXT = {"sequence", "start", "end", "text_story"}
PLOVER_CITE = {"corpus", "citation", "url", "title", "language", "publication", "license", "copyright", "coder",
               "codebook", "version"}
PLOVER_LOCATION = {"extracted_place", "resolved_place", "geonameid", "lat", "lon", "city", "district", "province",
                   "country", "country_code", "feature_class", "feature_code", "resolution"}
# Fields detente adds (PLOVER: "providers should feel free to include named fields beyond those provided").
EXTRA_EVENT = {"cameo", "goldstein", "num_mentions", "num_sources", "num_articles"}
EXTRA_ENTITY = {"cameo_code"}


def _plover(store, tmp_path, **options) -> list[dict]:  # noqa: F811
    out = tmp_path / "events.jsonl"
    export_events(store.con, "plover", out, **options)
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def test_plover_field_names(store, tmp_path):  # noqa: F811
    records = _plover(store, tmp_path)
    assert len(records) == 5
    for record in records:
        assert {"id", "date", "actor", "event"} <= set(record)  # PLOVER's required fields
        assert set(record) <= PLOVER_EVENT | EXTRA_EVENT
        for entity in record["actor"] + record["recipient"]:
            assert set(entity) <= PLOVER_ENTITY | EXTRA_ENTITY
        assert set(record["text_info"]) <= PLOVER_TEXT
        assert set(record["cite_info"]) <= PLOVER_CITE
        if record["event_loc"]:
            assert set(record["event_loc"]) <= PLOVER_LOCATION
    fra = next(r for r in records if r["cameo"] == "111")
    assert fra["event"] == ["ACCUSE"] and fra["quad_code"] == 3 and fra["event_scale"] == -2.0
    assert fra["actor"] == [{"code": "FRA", "sector": None, "entity_text": "FRA", "identifier_text": "Emmanuel Macron",
                             "cameo_code": "FRA"}]
    assert fra["event_loc"] == {"extracted_place": "Paris", "resolved_place": "Paris", "country_code": "FRA",
                                "lat": 48.85, "lon": 2.35}
    assert (fra["num_mentions"], fra["num_articles"], fra["cite_info"]["citation"], fra["cite_info"]["url"]) == (
        2, 2, "a", "https://a.test/1")
    un = next(r for r in records if r["cameo"] == "010")
    assert un["actor"][0]["code"] == "UNO" and un["recipient"] == []  # PLOVER's own UN code; unknown side: empty
    west = next(r for r in records if r["cameo"] == "036")
    assert west["actor"][0]["sector"] == "GOV" and west["recipient"][0]["code"] == "IGO"
    assert west["event_text"] == ["USAGOV>IGOWSTNAT 036 2024-03-07 asserted @Berlin/DEU/52.52/13.40"]
    assert west["text_info"] == {"sequence": 2, "start": 0, "end": 64}


@pytest.mark.skipif(not PLOVER_MANUAL.exists(), reason="../shared/reference/PLOVER_MANUAL.tex is not here")
def test_field_lists_are_the_manuals():
    tex = PLOVER_MANUAL.read_text(encoding="utf-8")

    def table(label: str) -> set[str]:
        body = tex[: tex.index(f"\\label{{{label}}}")]
        body = body[body.rindex("\\begin{tabular}") :]
        names = re.findall(r"^\s*([a-z_\\]+)\s*&", body, flags=re.MULTILINE)
        return {n.replace("\\_", "_") for n in names} - {"name"}

    assert table("tab:json") == PLOVER_EVENT
    assert table("tab:actorinfo") == PLOVER_ENTITY
    assert table("tab:textinfo") == PLOVER_TEXT
    assert table("tab:citeinfo") == PLOVER_CITE
    assert table("tab:locations") == PLOVER_LOCATION


def test_without_evidence(store, tmp_path):  # noqa: F811
    records = _plover(store, tmp_path, evidence=False)
    assert not {"event_text", "text_info", "cite_info"} & set(records[0])


def test_csv_and_parquet_carry_document_url_and_sentence(store, tmp_path):  # noqa: F811
    export_events(store.con, "csv", tmp_path / "e.csv")
    export_events(store.con, "parquet", tmp_path / "e.parquet", require_dyad=True)
    con = duckdb.connect()
    rows = con.execute(f"SELECT actor_code, doc_id, url, sentence FROM read_csv('{tmp_path / 'e.csv'}') ORDER BY 1").fetchall()
    assert rows[0] == ("CHN", "b", None, "CHN>JPN 042 2024-03-05")
    assert ("FRA", "a", "https://a.test/1", "FRA>RUS 111 2024-03-04 asserted @Paris/FRA/48.85/2.35") in rows
    assert len(rows) == 5
    parquet = con.execute(f"SELECT actor_code, recipient_code FROM '{tmp_path / 'e.parquet'}'").fetchall()
    assert len(parquet) == 4 and all("---" not in pair for pair in parquet)


@pytest.mark.parametrize("rule", ["day", "none", "window:7"])
def test_each_event_gets_its_own_first_report(tmp_path, rule):
    documents = [document(f"d{i}", [f"FRA>RUS 111 2024-03-0{day}"], url=f"https://x.test/{i}" if i else None)
                 for i, day in enumerate([1, 1, 3, 9])]
    with build(tmp_path / "s.duckdb", documents, DedupRule.parse(rule)) as store:
        records = _plover(store, tmp_path)
    first_docs = sorted((r["date"], r["cite_info"]["citation"]) for r in records)
    expected = {
        "day": [("2024-03-01", "d1"), ("2024-03-03", "d2"), ("2024-03-09", "d3")],  # d1: the first with a URL
        "none": [("2024-03-01", "d0"), ("2024-03-01", "d1"), ("2024-03-03", "d2"), ("2024-03-09", "d3")],
        "window:7": [("2024-03-01", "d1"), ("2024-03-09", "d3")],
    }[rule]
    assert first_docs == expected


def test_cli_reports_what_it_left_out(store, tmp_path):  # noqa: F811
    path = store.path
    store.close()
    runner = CliRunner()
    for flag in ("--require-dyad", "--resolved-only"):
        out = tmp_path / f"e{flag}.tsv"
        result = runner.invoke(cli, ["export", str(out), "--format", "gdelt", "--db", str(path), flag, "--header"])
        assert result.exit_code == 0, result.output
        assert "4 events written" in result.stderr and "1 event left out (actor or recipient unknown: ---)" in result.stderr
        lines = out.read_text(encoding="utf-8").splitlines()
        assert lines[0].startswith("GLOBALEVENTID\tSQLDATE\tMonthYear") and len(lines) == 5
    plain = runner.invoke(cli, ["export", str(tmp_path / "all.jsonl"), "--format", "plover", "--db", str(path)])
    assert "5 events written" in plain.stderr and "left out" not in plain.stderr
    wide = runner.invoke(cli, ["export", str(tmp_path / "wide.tsv"), "--format", "gdelt", "--evidence", "--db", str(path)])
    assert wide.exit_code == 0 and {line.count("\t") for line in (tmp_path / "wide.tsv").read_text().splitlines()} == {62}


@pytest.mark.parametrize("fmt", ["plover", "gdelt", "csv", "parquet"])
def test_an_empty_store_exports_nothing(tmp_path, fmt):
    from detente.store import Store

    with Store(tmp_path / "s.duckdb") as empty:
        result = export_events(empty.con, fmt, tmp_path / "out" / f"e.{fmt}", require_dyad=True)
    assert (result.written, result.left_out) == (0, 0)
    assert (tmp_path / "out" / f"e.{fmt}").exists()


@pytest.mark.parametrize(
    ("code", "country", "plover_code", "sector"),
    [("IGOEUREEC", "IGO", "EUR", None), ("IGOUNOHLHWHO", "IGO", "UNO", "HLH"), ("EUR", "EUR", None, None),
     ("IGOWSTNAT", "IGO", "IGO", None), ("VENOPP", "VEN", "VEN", "OPP")],
)
def test_plover_entity_codes(code, country, plover_code, sector):
    from detente.store.exports import _plover_entities
    from detente.store.gdelt import ActorParts

    (entity,) = _plover_entities({}, "actor", code, country, ActorParts.load())
    assert (entity["code"], entity["sector"], entity["cameo_code"]) == (plover_code, sector, code)


def test_place_names_come_from_the_report_that_placed_the_event(tmp_path):
    documents = [document("a", ["FRA>RUS 111 2024-03-04"], url="https://a.test/1"),
                 document("b", ["FRA>RUS 111 2024-03-04 asserted @Lyon/FRA/45.76/4.84"])]
    with build(tmp_path / "s.duckdb", documents) as store:  # noqa: F811
        (record,) = _plover(store, tmp_path)
    assert record["cite_info"]["citation"] == "a"  # the first report with a URL stands for the event
    assert record["event_loc"] == {"extracted_place": None, "resolved_place": None, "country_code": "FRA",
                                   "lat": 45.76, "lon": 4.84}
