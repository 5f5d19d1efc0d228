"""Where an actor's phrase names a region instead of a country.

* an untagged proper noun modifying the phrase: "Lancashire's chief constable", "Lancashire police"
  (the tagger leaves many county names untagged);
* a definite region noun as possessor: "the county's police commissioner", "the province's
  governor" refer back to the last region the text named (of that kind if there is one).

The region names and their countries are :mod:`detente.coding.regions`; the resolver settles them.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

# region nouns and the level of region they usually name (1: state, province; 2: county, district)
REGION_NOUNS = {
    "state": 1, "province": 1, "region": 1, "prefecture": 1, "governorate": 1, "oblast": 1,
    "county": 2, "district": 2,
}
DEFINITE = {"the", "this", "that"}
PLACE_LABELS = {"GPE", "LOC", "NORP"}

# a region lookup: text -> (country, level) of the region it names, or None
RegionOf = Callable[[str], "tuple[str, int] | None"]


def untagged_modifier(token: Token, tagged: Callable[[int], bool]) -> Span | None:
    """The proper noun (with its compounds) that ``token`` ends, when it modifies a common noun as
    possessor or compound and the tagger left it untagged: "Lancashire" in "Lancashire police"."""
    if token.pos_ != "PROPN" or tagged(token.i):
        return None
    if token.dep_ != "poss" and not (token.dep_ == "compound" and token.head.pos_ == "NOUN"):
        return None
    start = token.i
    while start > 0 and token.doc[start - 1].dep_ == "compound" and token.doc[start - 1].pos_ == "PROPN" and not tagged(start - 1):
        start -= 1
    return token.doc[start : token.i + 1]


def region_noun_level(token: Token) -> int | None:
    """The level a definite region noun possessor refers to ("the county's" -> 2), else None."""
    if token.dep_ != "poss" or token.lower_ not in REGION_NOUNS:
        return None
    if not any(child.dep_ == "det" and child.lower_ in DEFINITE for child in token.children):
        return None
    return REGION_NOUNS[token.lower_]


def last_region_country(doc: Doc, before: int, level: int, ents: list[Span], region_of: RegionOf) -> str | None:
    """The country of the last region named before token ``before``: the last of ``level`` if
    any, else the last of any level. ``ents`` are the document's entities in order; untagged
    proper nouns count too ("... in Lancashire. The county's ...")."""
    fallback = None
    for name in reversed(_place_names(doc, before, ents)):
        found = region_of(name.text)
        if found is None:
            continue
        country, found_level = found
        if found_level == level:
            return country
        fallback = fallback or country
    return fallback


def _place_names(doc: Doc, before: int, ents: list[Span]) -> list[Span]:
    """Place entities and untagged proper-noun runs that end before token ``before``, in order."""
    names = [ent for ent in ents if ent.end <= before and ent.label_ in PLACE_LABELS]
    tagged = {i for ent in ents for i in range(ent.start, ent.end)}
    i = 0
    while i < before:
        if doc[i].pos_ == "PROPN" and i not in tagged:
            start = i
            while i + 1 < before and doc[i + 1].pos_ == "PROPN" and i + 1 not in tagged:
                i += 1
            names.append(doc[start : i + 1])
        i += 1
    return sorted(names, key=lambda span: span.start)
