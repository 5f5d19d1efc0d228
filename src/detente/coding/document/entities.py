"""Document entities: every mention of one actor gets the same entity number.

Mentions copied from an antecedent (a surname, a title, a pronoun, an acronym, "we" of the
issuers) share its knowledge-base entry or name; unnamed groups ("the regime") cluster by their
code. Numbers follow first mention order.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

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


def definite_coref(doc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """"the embassy", "the ministry", "the army" with no country of their own: the nearest earlier
    mention with the same head noun and a country ("the U.S. Embassy") is the same entity."""
    out: list[ActorMention] = []
    for mention in mentions:
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
