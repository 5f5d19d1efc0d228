"""Government bodies by rule: "Germany's Federal Aviation Office", "the Japanese Fisheries Agency",
"Mozambique's Department of Transportation", "the Ministry of Defence of Ukraine".

No list can hold every office of every state, and news names them by a general pattern: a proper
name headed by an institution noun (Office, Department, Ministry, Agency, ...), with the country as
possessor, as a demonym or country name inside the name, or after "of". Such a body is coded
``<ISO>GOV``, unless a word of its name names a more specific sector ("National Police Agency" ->
COP, "Intelligence Service" -> SPY, "Armed Forces Command" -> MIL). Well-known bodies whose name
carries no country (OFAC, the Pentagon, the Kremlin, Mossad) are knowledge-base entries instead.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

# nouns that head the names of state bodies; the value is the sector when no name word says more
INSTITUTION_NOUNS = {
    "office": "GOV", "department": "GOV", "ministry": "GOV", "agency": "GOV", "bureau": "GOV",
    "administration": "GOV", "authority": "GOV", "directorate": "GOV", "commission": "GOV",
    "inspectorate": "GOV", "secretariat": "GOV", "service": "GOV", "board": "GOV", "committee": "GOV",
    "council": "GOV", "institute": "GOV", "command": "MIL", "commissariat": "GOV", "chancellery": "GOV",
    "cabinet": "GOV", "presidency": "GOV", "prosecutor": "JUD", "tribunal": "JUD", "court": "JUD",
}
# name words that make the body more specific than "government"
SPECIFIC_SECTORS = {"MIL", "COP", "SPY", "JUD", "LEG"}


def is_institution(head: Token) -> bool:
    """A capitalised institution noun heading a name ("Office" in "Federal Aviation Office")."""
    return head.text[:1].isupper() and head.lower_ in INSTITUTION_NOUNS


def institution_sector(head: Token, words: Iterable[Token], sector_of_word) -> str | None:
    """The sector of a body named by ``words`` and headed by ``head``, or None if it is no body.

    ``sector_of_word`` maps one lower-case word to a sector (the sector lexicon's single words).
    """
    if not is_institution(head):
        return None
    for token in words:
        if token.i == head.i or token.is_punct:
            continue
        sector = sector_of_word(token.lower_)
        if sector in SPECIFIC_SECTORS:
            return sector
    return INSTITUTION_NOUNS[head.lower_]


def country_inside(name: Span, country_of_word) -> str | None:
    """A country named inside a body's name ("Nigeria's Office of ...", "German Federal Office").

    ``country_of_word`` maps a token's text to a country code (country names, demonyms) or None.
    Only the words before the head noun count: "Office of the United States Trade Representative"
    is found by the "of X" rule instead, and "Agency for Aid to Haiti" does not belong to Haiti.
    """
    for token in name:
        if token.i >= name.root.i:
            break
        country = country_of_word(token.text)
        if country:
            return country
    return None
