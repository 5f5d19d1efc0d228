"""Actors: the knowledge base, sector nouns, and the resolver that codes mentions."""

from detente.coding.actors.kb import ActorEntry, KnowledgeBase, Role
from detente.coding.actors.mentions import ActorMention
from detente.coding.actors.sectors import SectorLexicon

__all__ = ["ActorEntry", "ActorMention", "KnowledgeBase", "Role", "SectorLexicon"]
