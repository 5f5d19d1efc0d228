"""The document model: who the actors of a whole article are, before its events are coded.

Runs as the ``detente_document`` spaCy component between actor resolution and event coding,
over what the pipeline already computed (tokens, entities, ``doc._.actors``):

* ``acronyms``: an acronym the text defines ("the Workers' Movement (WM)", "a group called WM")
  stands for the actor of its long form wherever it recurs;
* ``constructions``: "his Peruvian counterpart" is Peru's, not the possessor's;
* ``plurals``: "the two leaders", "both countries" are the last two persons or countries named;
* ``issuer``: in a statement or press release, "we", "our" and "us" outside quotations are the
  issuers (the actors named in its title or its "released by" line);
* ``focus``: the countries the article is about; a country-less "the regime", "the government",
  "police" takes the focus country when one country clearly dominates;
* ``entities``: a definite "the embassy" is the nearest earlier embassy with a country; every
  mention clustered into a document entity (``ActorMention.entity``).

Event coreference and the argument fallbacks run on the coded events (``fallback``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from detente.coding.actors.kb import KnowledgeBase
from detente.coding.actors.mentions import ActorMention
from detente.coding.document.acronyms import acronym_mentions
from detente.coding.document.constructions import counterparts
from detente.coding.document.entities import cluster, definite_coref
from detente.coding.document.focus import DOMINANCE, MIN_WEIGHT, dominant, focus_countries, focus_weights, resolve_by_focus
from detente.coding.document.issuer import issuer_mentions
from detente.coding.document.plurals import plural_mentions


@dataclass
class DocumentModel:
    """What the document model found: focus countries (strongest first) and issuer codes."""

    focus: list[str] = field(default_factory=list)
    issuers: list[str] = field(default_factory=list)
    entities: int = 0
    weights: dict[str, int] = field(default_factory=dict)

    def as_record(self) -> dict:
        return {"focus": self.focus, "issuers": self.issuers, "entities": self.entities}

    def leading(self, exclude: set[str] = frozenset()) -> str | None:
        """The focus country that clearly leads once ``exclude`` is set aside (at least twice
        the weight of the next, and a weight of three or more), else None."""
        rest = [c for c in self.focus if c not in exclude and c in self.weights]
        if not rest:
            return None
        first = self.weights[rest[0]]
        second = self.weights[rest[1]] if len(rest) > 1 else 0
        return rest[0] if first >= MIN_WEIGHT and first >= DOMINANCE * second else None


def model_document(doc: Doc, kb: KnowledgeBase) -> tuple[list[ActorMention], DocumentModel]:
    """The document's mentions, completed and clustered, and the model that completed them."""
    mentions: list[ActorMention] = list(doc._.actors or [])
    text = doc.text  # spaCy joins the tokens on every call: once per document
    mentions = acronym_mentions(doc, mentions, text)
    mentions = counterparts(doc, mentions, kb, text)
    mentions = definite_coref(doc, mentions)
    mentions = plural_mentions(doc, mentions, text)
    issued, issuers = issuer_mentions(doc, mentions, kb, text)
    mentions = sorted(mentions + issued, key=lambda m: (m.token_start, m.token_end))
    weights = focus_weights(doc, mentions)
    focus = focus_countries(weights, kb)
    mentions = resolve_by_focus(mentions, focus, dominant(weights, focus))
    mentions, count = cluster(mentions)
    return mentions, DocumentModel(focus=focus, issuers=issuers, entities=count, weights=dict(weights))
