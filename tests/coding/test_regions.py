"""The region index: states, provinces and counties to the one country each names."""

from __future__ import annotations

import pytest

from detente.coding import regions
from detente.coding.regions import Region, Regions, bare_forms, settle
from detente.errors import DataFileError


@pytest.fixture(scope="module")
def index() -> Regions:
    return Regions()


@pytest.mark.parametrize(
    "name, country, level",
    [
        ("Bavaria", "DEU", 1),
        ("Texas", "USA", 1),
        ("Sichuan", "CHN", 1),
        ("Sichuan Province", "CHN", 1),  # the generic word news adds
        ("Shanxi", "CHN", 1),  # GeoNames: "Shanxi Sheng"
        ("Lancashire", "GBR", 2),
        ("Jalisco", "MEX", 1),
        ("Ontario", "CAN", 1),  # Ontario, California is a city of 170,000: the province wins
    ],
)
def test_a_region_names_one_country(index, name, country, level):
    found = index.lookup(name)
    assert settle(found) == country
    assert min(r.level for r in found if r.country == country) == level


@pytest.mark.parametrize(
    "name",
    [
        "Georgia",  # a country too
        "Mexico",  # the state of Mexico: a country too
        "Essex",  # an English county, and a city of the United States
        "bavaria",  # region names are capitalised
        "Atlantis",
    ],
)
def test_names_that_are_no_region_of_one_country_are_left_out(index, name):
    assert index.lookup(name) == () or settle(index.lookup(name)) is None


def test_a_name_shared_across_a_border_is_settled_by_the_text(index):
    punjab = index.lookup("Punjab")
    assert {r.country for r in punjab} == {"IND", "PAK"}
    assert settle(punjab) is None
    assert settle(punjab, {"PAK", "USA"}) == "PAK"
    assert settle(punjab, {"IND"}) == "IND"


def test_a_region_that_dwarfs_its_namesakes_is_the_one_meant():
    florida = (Region("Florida", "URY", 1, 7), Region("Florida", "USA", 1, 759))
    assert settle(florida) == "USA"
    assert settle(florida, {"URY"}) == "URY"
    even = (Region("Limburg", "BEL", 2, 39), Region("Limburg", "NLD", 1, 64))
    assert settle(even) is None


@pytest.mark.parametrize(
    "name, bare",
    [
        ("Anhui Sheng", "anhui"),
        ("Departement de l'Ain", "ain"),
        ("Basra Governorate", "basra"),
        ("Xinjiang Uygur Zizhiqu", "xinjiang"),
        ("Province of Cordoba", "cordoba"),
        ("Northern Region", None),  # "northern" names no particular region
    ],
)
def test_generic_words_around_a_name_are_dropped(name, bare):
    forms = bare_forms(name)
    assert name.lower() in forms
    if bare is None:
        assert len(forms) == 1
    else:
        assert bare in forms


@pytest.mark.parametrize("name", ["Centre", "Delta", "Northern", "Lakes"])
def test_a_region_named_by_a_common_word_is_left_out(name):
    assert bare_forms(name) == set()


def test_a_malformed_row_names_file_and_line(tmp_path):
    path = tmp_path / "rg.csv"
    path.write_text("lat,lon,name,admin1,admin2,cc\n1,2,Town,Region,County,GB\n1,2,Town,Region\n", encoding="utf-8")
    with pytest.raises(DataFileError) as error:
        regions.read_regions(path, {"GB": "GBR"})
    assert str(error.value).startswith(f"{path}:3: ")
    path.write_text("name,admin1\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=":1: expected the columns"):
        regions.read_regions(path, {"GB": "GBR"})


def test_read_regions_counts_towns_and_keeps_the_higher_level(tmp_path):
    path = tmp_path / "rg.csv"
    path.write_text(
        "lat,lon,name,admin1,admin2,cc\n"
        "1,2,A,Norland,Westshire,GB\n1,2,B,Norland,Westshire,GB\n1,2,C,Eastland,Norland,GB\n",
        encoding="utf-8",
    )
    found = regions.read_regions(path, {"GB": "GBR"})
    assert found["norland"]["GBR"] == ["Norland", 1, 2]
    assert found["westshire"]["GBR"] == ["Westshire", 2, 2]


def test_the_index_compiles_once_into_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("DETENTE_CACHE_DIR", str(tmp_path))
    builds = []
    real = regions.build_index

    def counting():
        builds.append(1)
        return real()

    monkeypatch.setattr(regions, "build_index", counting)
    first = Regions()
    assert not builds  # nothing is read until a lookup
    assert settle(first.lookup("Bavaria")) == "DEU"
    assert len(list(tmp_path.glob("regions-*.pickle"))) == 1
    assert settle(Regions().lookup("Bavaria")) == "DEU"
    assert builds == [1]
