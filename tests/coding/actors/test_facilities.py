"""A person whose role is at a facility ("X, an airport protocol officer") takes the country of the
facility: one named in the phrase, else the last of its kind named before (sentences written for
these tests; full pipeline, loaded once)."""

from __future__ import annotations

import pytest

from tests.coding.actors.finding import find_mention

LIMA_AIRPORT = "Flights resumed at Lima's Jorge Chávez airport on Monday. "


@pytest.mark.parametrize(
    "text, phrase, code",
    [
        # the last airport named before, in each order of name and role
        (LIMA_AIRPORT + "Rosa Valdivieso, an airport protocol officer, greeted the delegation.", "Rosa Valdivieso", "PERGOV"),
        (LIMA_AIRPORT + "An airport protocol officer, Rosa Valdivieso, greeted the delegation.", "Rosa Valdivieso", "PERGOV"),
        (LIMA_AIRPORT + "Airport protocol officer Rosa Valdivieso greeted the delegation.", "Rosa Valdivieso", "PERGOV"),
        # the role phrase itself is the same person
        (LIMA_AIRPORT + "Rosa Valdivieso, an airport protocol officer, greeted the delegation.", "an airport protocol officer", "PERGOV"),
        # a bare "the airport" names no airport and does not hide the named one
        (
            LIMA_AIRPORT + "Crowds filled the airport. Rosa Valdivieso, an airport protocol officer, greeted them.",
            "Rosa Valdivieso",
            "PERGOV",
        ),
        # "the port of X": the place after the facility noun
        (
            "The freighter docked at the port of Mombasa. A port official, Joseph Wanyama, said the cargo was seized.",
            "Joseph Wanyama",
            "KENGOV",
        ),
        # a facility of the role's kind, not the last facility of any kind
        (
            "The freighter left the port of Mombasa. " + LIMA_AIRPORT + "Joseph Wanyama, a port official, said the cargo was seized.",
            "Joseph Wanyama",
            "KENGOV",
        ),
        # "X prison in Y": the place after the name
        ("Riots broke out at Evin prison in Tehran. Ali Karimzadeh, a prison guard, was injured.", "Ali Karimzadeh", "IRNCOP"),
        # an embassy is the sending state's, not the host's
        (
            "Protesters gathered outside the Spanish Embassy in Quito. Luis Prado, the embassy's press attaché, said the staff were safe.",
            "Luis Prado",
            "ESPGOV",
        ),
        # a facility named in the phrase itself, before any airport named earlier
        (LIMA_AIRPORT + "Tom Hallworth, a Frankfurt airport official, said the passengers were safe.", "Tom Hallworth", "DEUGOV"),
    ],
)
def test_a_person_at_a_facility_takes_its_country(mentions, text, phrase, code):
    assert find_mention(mentions(text), phrase)["code"] == code


@pytest.mark.parametrize(
    "text",
    [
        # no airport named: the countries the text names say nothing of where she works
        "Peru and Chile signed the treaty. Rosa Valdivieso, an airport protocol officer, greeted the delegation.",
        # the last airport named is one whose place is unknown: not the older one in Iraq
        "The plane left Baghdad International Airport and landed at JFK airport. "
        "Rosa Valdivieso, an airport protocol officer, greeted the passengers.",
    ],
)
def test_without_a_placed_facility_the_country_stays_open(mentions, text):
    assert find_mention(mentions(text), "Rosa Valdivieso")["code"] == "GOV"


def test_a_facility_role_without_a_person_is_left_to_the_sector_nouns(mentions):
    """Only a person's role reads the facility: a bare "airport officials" keeps no country."""
    found = mentions(LIMA_AIRPORT + "Airport officials said the runway was closed.")
    assert find_mention(found, "Airport officials")["code"] == "GOV"
