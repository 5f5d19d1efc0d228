"""The gazetteer reads a place name the tagger cut at a lower-case connector as the whole name."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from detente.coding.places import Gazetteer, full_place_name


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer()


def _entity(text: str, name: str) -> Span:
    """``name`` in ``text``, tagged as a place (as the statistical tagger often cuts it)."""
    doc = spacy.blank("en")(text)
    start = text.index(name)
    span = doc.char_span(start, start + len(name), label="GPE")
    doc.ents = [span]
    return span


@pytest.mark.parametrize(
    "text, name, whole",
    [
        ("Farmers invaded the town hall of Santa Bárbara do Pará on Monday.", "Santa Bárbara", "Santa Bárbara do Pará"),
        ("Flights to Santa Cruz de la Sierra resumed.", "Santa Cruz", "Santa Cruz de la Sierra"),
        ("Banks in Frankfurt am Main closed.", "Frankfurt", "Frankfurt am Main"),
        ("Troops left Santa Bárbara on Monday.", "Santa Bárbara", None),  # "on" is no connector
        ("Talks in Lima de facto ended.", "Lima", None),  # a connector, then no capitalised word
    ],
)
def test_the_whole_name_after_a_connector(text, name, whole):
    assert full_place_name(_entity(text, name)) == whole


def test_a_cut_name_is_looked_up_whole_and_not_by_its_first_part(gazetteer):
    assert gazetteer.lookup_entity(_entity("Farmers marched in Santa Bárbara do Pará.", "Santa Bárbara")).country == "BRA"
    assert gazetteer.lookup_entity(_entity("Farmers marched in Santa Bárbara.", "Santa Bárbara")).country == "USA"
    assert gazetteer.lookup_entity(_entity("Flights to Santa Cruz de la Sierra resumed.", "Santa Cruz")).country == "BOL"
    # an invented town: its first part ("San Pedro") is a real place elsewhere, but not this one
    assert gazetteer.lookup_entity(_entity("Rebels took San Pedro del Ximbal.", "San Pedro")) is None
