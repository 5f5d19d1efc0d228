"""Document entities: every mention of one actor gets the same entity number.

Mentions copied from an antecedent (a surname, a title, a pronoun, an acronym, "we" of the
issuers) share its knowledge-base entry or name; unnamed groups ("the regime") cluster by their
code. Numbers follow first mention order.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from detente.coding.actors.kb import NON_STATE
from detente.coding.actors.mentions import ActorMention


def entity_key(mention: ActorMention) -> tuple:
    if mention.entry_id:
        return ("entry", mention.entry_id)
    if mention.name:
        return ("name", mention.name)
    if mention.country:
        return ("code", mention.code)
    return ("text", mention.text.lower().removeprefix("the ").strip())


def cluster(mentions: list[ActorMention]) -> tuple[list[ActorMention], int]:
    numbers: dict[tuple, int] = {}
    out = []
    for mention in mentions:
        key = entity_key(mention)
        number = numbers.setdefault(key, len(numbers))
        out.append(replace(mention, entity=number))
    return out, len(numbers)


COUNTRY_NOUNS = {"country", "nation", "state", "republic", "kingdom"}


def _country_possessor(doc: Doc, mention: ActorMention) -> bool:
    """"the country's military", "the nation's courts": the possessor names a country in passing."""
    head = doc[mention.head]
    return any(
        c.dep_ == "poss" and c.lemma_.lower() in COUNTRY_NOUNS and any(d.lower_ in ("the", "this", "that") for d in c.children)
        for c in head.children
    )


def definite_coref(doc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """"the embassy", "the ministry", "the army" with no country of their own: the nearest earlier
    mention with the same head noun and a country ("the U.S. Embassy") is the same entity; "the
    country's military" belongs to the country named last before it."""
    out: list[ActorMention] = []
    for mention in mentions:
        if mention.country is None and mention.sector and mention.via == "context" and _country_possessor(doc, mention):
            # the nearest country named before it (in the same sentence or earlier)
            earlier = [m for m in out if m.kind == "country" and m.country and m.country not in NON_STATE]
            if earlier:
                country = earlier[-1].country
                mention = replace(mention, country=country, code=country + mention.sector, via="coref")
        if mention.country is None and mention.sector and mention.via == "context" and not mention.name:
            head = doc[mention.head]
            definite = any(t.lower_ in ("the", "this", "that") for t in doc[mention.token_start : mention.head])
            if definite:
                lemma = head.lemma_.lower()
                earlier = [
                    m for m in out
                    if m.country and m.token_end <= mention.token_start and doc[m.head].lemma_.lower() == lemma
                ]
                if earlier:
                    source = earlier[-1]
                    mention = replace(mention, country=source.country, code=source.code, entry_id=source.entry_id, name=source.name, via="coref")
        out.append(mention)
    return out
