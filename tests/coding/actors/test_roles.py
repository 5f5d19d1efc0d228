"""A role in brackets after a person's name (sentences written for these tests; full pipeline)."""

from __future__ import annotations

import pytest

from tests.coding.actors.finding import mention_named


@pytest.mark.parametrize(
    "sentence, name, code",
    [
        # a known organisation in the brackets: the person takes its code
        ("Also at the table was Elena Vargas (Pemex, state oil company, president).", "Elena Vargas", "MEXBUS"),
        ("The guests included Tomás Herrera (PDVSA president) and a banker.", "Tomás Herrera", "VENBUS"),
        # a portfolio in a list of ministers: the list's noun gives country and sector
        (
            "Several Peruvian ministers attended the signing: Rosa Ticona (Agriculture), Jorge Quispe (Mines and Energy).",
            "Jorge Quispe",
            "PERGOV",
        ),
        ("Chile's ministers were present: Pedro Soto (Justice) and others.", "Pedro Soto", "CHLGOV"),
        # a party in the brackets: its country, and the office of a title the person bears
        ("Paulo Rocha (PT) objected to the bill.", "Paulo Rocha", "BRAPTY"),
        ("Farmers asked to be received by the mayor Lucia Ferreira (PSDB).", "Lucia Ferreira", "BRAGOV"),
    ],
)
def test_a_role_in_brackets_codes_themention_named(mentions, sentence, name, code):
    mention = mention_named(mentions(sentence), name)
    assert (mention["code"], mention["via"]) == (code, "context")


def test_a_portfolio_without_a_list_of_ministers_gives_no_country(mentions):
    found = mentions("Pedro Soto (Agriculture) spoke after the lunch.")
    assert all(m["country"] is None for m in found if m["text"] == "Pedro Soto")
