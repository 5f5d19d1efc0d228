"""Which mentions share a clause, for the limits on coreference inside one clause.

A definite description or an object pronoun does not refer to another argument of its own clause:
in "Hosni Mubarak met the envoy" the envoy is not Mubarak, in "Macron thanked him" he is not
Macron (binding theory's principles B and C). A predicate ("X is the president") and a possessive
("Petro and his ministers") may refer back, and other clauses of the sentence are free ("Macron
said he would go").
"""

from __future__ import annotations

from spacy.tokens import Token

CLAUSE_POS = {"VERB", "AUX"}
FREE_DEPS = {"attr", "appos", "poss"}  # a predicate, an apposition, a possessor may corefer


def clause_head(token: Token) -> Token:
    """The verb whose clause holds ``token`` (the sentence's root when none is above it)."""
    node = token
    while node.pos_ not in CLAUSE_POS and node.head.i != node.i:
        node = node.head
    return node


def bound_in_clause(mention_head: Token, other_head: Token) -> bool:
    """Whether ``mention_head`` may not refer to ``other_head``: another argument of its clause."""
    if mention_head.dep_ in FREE_DEPS or mention_head.sent.start != other_head.sent.start:
        return False
    return clause_head(mention_head).i == clause_head(other_head).i
