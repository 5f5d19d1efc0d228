"""A state, province or county in an actor's phrase gives the actor its country (sentences written
for these tests; full pipeline, loaded once)."""

from __future__ import annotations

import pytest

from tests.coding.actors.finding import find_mention


@pytest.mark.parametrize(
    "sentence, text, code",
    [
        # a possessor
        ("Lancashire's chief constable Ruth Okafor apologised to the family.", "Ruth Okafor", "GBRCOP"),
        ("Ontario's premier criticised the tariff.", "Ontario's premier", "CANGOV"),
        # a compound
        ("Texas police arrested two smugglers near the border.", "Texas police", "USACOP"),
        ("The Sichuan provincial government denied the report.", "The Sichuan provincial government", "CHNGOV"),
        # "of X", "in X"
        ("The governor of Jalisco condemned the attack.", "The governor of Jalisco", "MEXGOV"),
        ("Police in Alberta detained the suspect.", "Police", "CANCOP"),
    ],
)
def test_a_region_gives_its_country(mentions, sentence, text, code):
    assert find_mention(mentions(sentence), text)["code"] == code


def test_a_region_of_two_countries_is_settled_by_the_text(mentions):
    settled = mentions("Officials in Lahore said Punjab police had closed the highway.")
    assert find_mention(settled, "Punjab police")["code"] == "PAKCOP"


def test_a_region_of_two_countries_stays_open_without_the_text(mentions):
    found = mentions("Punjab police said the highway was closed.")
    assert all(not m["code"].startswith(("IND", "PAK")) for m in found)


@pytest.mark.parametrize(
    "text, phrase, code",
    [
        # "the county's <title> NAME": the county named before
        (
            "A bus crashed in Wiltshire. The county's Police and Crime Commissioner Tom Vell called for an inquiry.",
            "Tom Vell",
            "GBRCOP",
        ),
        ("Floods hit Guangdong on Monday. The province's governor ordered evacuations.", "The province's governor", "CHNGOV"),
        # a region of the noun's kind wins over a later region of another kind
        (
            "The delegation left Maricopa County for Ontario. The county's sheriff said the talks went well.",
            "The county's sheriff",
            "USACOP",
        ),
    ],
)
def test_a_definite_region_noun_refers_to_the_last_region_named(mentions, text, phrase, code):
    assert find_mention(mentions(text), phrase)["code"] == code


def test_a_region_noun_with_no_region_before_it_names_no_country(mentions):
    assert find_mention(mentions("The state's police chief resigned on Friday."), "The state's police chief")["code"] == "COP"
