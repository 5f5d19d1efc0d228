"""The GDELT 2.0 event table: its 61 columns, and one store event written as a row of it.

Column names, order and types follow the GDELT 2.0 Event Database codebook. What detente fills:

* ids and dates: ``GLOBALEVENTID`` is a number derived from the event key (the first 15 hex digits,
  so it is stable across exports and fits a signed 64-bit integer); ``SQLDATE`` YYYYMMDD,
  ``MonthYear`` YYYYMM, ``Year``, ``FractionDate`` (year + day of year / 365, below year + 1);
* actors: the CAMEO code, a name (the knowledge base's name, else the text, upper case), and the
  code split into country, known group, religion and type parts (``data/exports/actor_parts.tsv``);
  ``EthnicCode`` stays empty (detente does not code ethnicity);
* event: ``IsRootEvent`` (1 when the representative report is in the first two sentences, the
  headline and lead), CAMEO ``EventCode``/``EventBaseCode``/``EventRootCode``, ``QuadClass``,
  ``GoldsteinScale``, ``NumMentions``, ``NumSources``, ``NumArticles``; ``AvgTone`` stays empty
  (detente does not score tone);
* geo blocks: ``ActionGeo_*`` from the event's location (type 1 country, 3 US city, 4 world city),
  country as FIPS 10-4 (``data/exports/fips.tsv``); the actor geo blocks are empty (type 0);
* ``DATEADDED`` (YYYYMMDDHHMMSS, UTC: when the event was first stored) and ``SOURCEURL``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from detente.data import data_path
from detente.errors import DataFileError

_ACTOR = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
          "Type1Code", "Type2Code", "Type3Code"]
_GEO = [("Type", "INTEGER"), ("FullName", "STRING"), ("CountryCode", "STRING"), ("ADM1Code", "STRING"),
        ("ADM2Code", "STRING"), ("Lat", "FLOAT"), ("Long", "FLOAT"), ("FeatureID", "STRING")]

#: (name, type) of the 61 columns, types as the GDELT 2.0 codebook gives them.
GDELT_COLUMNS: list[tuple[str, str]] = [
    ("GLOBALEVENTID", "INTEGER"), ("SQLDATE", "INTEGER"), ("MonthYear", "INTEGER"), ("Year", "INTEGER"),
    ("FractionDate", "FLOAT"),
    *[(f"Actor1{name}", "STRING") for name in _ACTOR],
    *[(f"Actor2{name}", "STRING") for name in _ACTOR],
    ("IsRootEvent", "INTEGER"), ("EventCode", "STRING"), ("EventBaseCode", "STRING"), ("EventRootCode", "STRING"),
    ("QuadClass", "INTEGER"), ("GoldsteinScale", "FLOAT"), ("NumMentions", "INTEGER"), ("NumSources", "INTEGER"),
    ("NumArticles", "INTEGER"), ("AvgTone", "FLOAT"),
    *[(f"{block}_{name}", kind) for block in ("Actor1Geo", "Actor2Geo", "ActionGeo") for name, kind in _GEO],
    ("DATEADDED", "INTEGER"), ("SOURCEURL", "STRING"),
]
NONE = "---"


def _rows(path: Path) -> list[list[str]]:
    rows = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 3:
                raise DataFileError("expected at least three tab-separated fields", path=str(path), line=number)
            rows.append(parts)
    return rows


@dataclass(frozen=True)
class ActorParts:
    """What each three-letter part of a CAMEO actor code is (type, international, religion, region)."""

    kinds: dict[str, str] = field(default_factory=dict)
    names: dict[str, tuple[str, str]] = field(default_factory=dict)  # code -> (CAMEO name, PLOVER name)

    @classmethod
    def load(cls, path: Path | None = None) -> ActorParts:
        path = path or data_path("exports", "actor_parts.tsv")
        rows = _rows(path)
        return cls({r[0]: r[1] for r in rows}, {r[0]: (r[2], r[3] if len(r) > 3 else "-") for r in rows})

    def split(self, code: str) -> dict[str, object]:
        """``IGOWSTNAT`` -> country ``WST``, group ``NAT``, types ``[IGO]``; ``USAGOV`` -> ``USA``, ``[GOV]``."""
        chunks = [code[i : i + 3] for i in range(0, len(code), 3)]
        country, group, religions, types = None, None, [], []
        for index, chunk in enumerate(chunks):
            kind = self.kinds.get(chunk)
            if index == 0 and kind not in ("international", "type", "religion"):
                country = chunk  # a country or a region
            elif kind in ("type", "international"):
                types.append(chunk)
            elif kind == "religion":
                religions.append(chunk)
            elif kind == "region" and country is None:
                country = chunk  # a regional body: IGOEUREEC is European
            else:
                group = chunk  # the most specific known group wins: IGOUNOAGRFAO -> FAO
        return {"country": country, "group": group, "religions": religions, "types": types}


@dataclass(frozen=True)
class FipsTable:
    """ISO 3166-1 alpha-3 (and CAMEO) country codes -> FIPS 10-4 codes."""

    fips: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path | None = None) -> FipsTable:
        path = path or data_path("exports", "fips.tsv")
        rows = _rows(path)
        return cls({r[0]: r[1] for r in rows if r[1]}, {r[0]: r[2] for r in rows})

    def get(self, code: str | None) -> str:
        return self.fips.get(code or "", "")

    def name(self, code: str) -> str:
        return self.names.get(code, code)


def global_event_id(event_key: str) -> int:
    """A stable number for a hex event key (its first 15 hex digits: below 2**60)."""
    return int(event_key[:15], 16)


def fraction_date(day: dt.date) -> float:
    """GDELT's YYYY.FFFF: the share of the year completed by that day (day of year / 365), kept
    below 1 (GDELT caps the year at 365 days: 31 December and a leap year's 366th day are .9999)."""
    return round(day.year + min(day.timetuple().tm_yday / 365, 0.9999), 4)


def _actor_block(code: str | None, item: dict | None, parts: ActorParts) -> list:
    if not code or code == NONE:
        return [""] * len(_ACTOR)
    split = parts.split(code)
    item = item or {}
    name = (item.get("name") or item.get("text") or "").upper()
    religions = (split["religions"] + ["", ""])[:2]
    types = (split["types"] + ["", "", ""])[:3]
    return [code, name, split["country"] or "", split["group"] or "", "", *religions, *types]


def _action_geo(e: dict, location: dict | None, fips: FipsTable) -> list:
    country = e.get("location_country")
    if not country:
        return [0, "", "", "", "", "", "", ""]
    location = location or {}
    code = fips.get(country)
    place = location.get("place") or location.get("name")
    has_point = e.get("lat") is not None and e.get("lon") is not None
    city = bool(place) and has_point and place != country
    geo_type = (3 if country == "USA" else 4) if city else 1
    full_name = place or fips.name(country)
    return [geo_type, full_name, code, "" if city else code, "",
            e["lat"] if has_point else "", e["lon"] if has_point else "", ""]


def gdelt_row(e: dict, parts: ActorParts, fips: FipsTable) -> list:
    """One event (events columns, plus ``actor``/``recipient``/``location`` objects and the
    representative report's ``sentence_index``/``url``) as the 61 GDELT values."""
    day: dt.date = e["date"]
    cameo = e["cameo"]
    root = 1 if e.get("sentence_index") is not None and e["sentence_index"] <= 1 else 0
    added = e["first_seen"].strftime("%Y%m%d%H%M%S") if e.get("first_seen") else ""
    row = [
        global_event_id(e["event_key"]), int(day.strftime("%Y%m%d")), day.year * 100 + day.month, day.year,
        fraction_date(day),
        *_actor_block(e["actor_code"], e.get("actor"), parts),
        *_actor_block(e["recipient_code"], e.get("recipient"), parts),
        root, cameo, cameo[:3], cameo[:2], e["quad_class"], e["goldstein"], e["num_mentions"],
        e["num_sources"] if e.get("num_sources") is not None else e["num_documents"], e["num_documents"], "",
        0, "", "", "", "", "", "", "",
        0, "", "", "", "", "", "", "",
        *_action_geo(e, e.get("location"), fips),
        added, e.get("url") or e.get("source_url") or "",
    ]
    return row
