"""The spaCy pipeline: paragraph boundaries, the knowledge-base entity ruler, actors and events."""

from detente.nlp.pipeline import build_pipeline

__all__ = ["build_pipeline"]
