"""Where an actor's phrase names a region instead of a country.

* an untagged proper noun modifying the phrase: "Lancashire's chief constable", "Lancashire police"
  (the tagger leaves many county names untagged).

The region names and their countries are :mod:`detente.coding.regions`; the resolver settles them.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token


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
