"""spaCy components of detente, registered with ``@Language.factory``."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from detente.coding.actors.kb import KnowledgeBase
from detente.coding.actors.resolver import ResolverResources, resolve_mentions
from detente.coding.actors.sectors import SectorLexicon
from detente.coding.places import Gazetteer
from detente.coding.regions import Regions
from detente.nlp.extensions import register_extensions

register_extensions()
if not Doc.has_extension("document"):
    Doc.set_extension("document", default=None)  # coding.document.DocumentModel


@Language.component(
    "detente_paragraphs",
    assigns=["token.is_sent_start"],
)
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break, so a headline never merges with the next line.

    The parser keeps boundaries that are already set, so it only adds sentences inside paragraphs.
    """
    after_break = False
    for token in doc:
        if token.is_space and "\n" in token.text:
            after_break = True
        elif after_break:
            token.is_sent_start = True
            after_break = False
    return doc


class ActorResolver:
    """Codes every actor mention of a document into ``doc._.actors`` (see coding.actors.resolver)."""

    def __init__(self, nlp: Language, name: str, actor_files: list[str], gazetteer: bool) -> None:
        self.name = name
        self.actor_files = [Path(p) for p in actor_files]
        self.resources = ResolverResources(
            kb=KnowledgeBase.load(self.actor_files),
            sectors=SectorLexicon.load(),
            gazetteer=Gazetteer() if gazetteer else None,
            regions=Regions() if gazetteer else None,
        )

    @property
    def kb(self) -> KnowledgeBase:
        return self.resources.kb

    def __call__(self, doc: Doc) -> Doc:
        doc._.actors = resolve_mentions(doc, self.resources, doc._.detente_date)
        return doc

    def to_disk(self, path, *, exclude=()) -> None:
        """Save the user actor files with the pipeline (the shipped knowledge base is in the package)."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        for number, source in enumerate(self.actor_files):
            (path / f"actors-{number:02d}.yaml").write_bytes(Path(source).read_bytes())

    def from_disk(self, path, *, exclude=()) -> ActorResolver:
        files = sorted(Path(path).glob("actors-*.yaml"))
        self.actor_files = files
        self.resources.kb = KnowledgeBase.load(files)
        return self


@Language.factory(
    "detente_actors",
    default_config={"actor_files": [], "gazetteer": True},
    requires=["doc.ents", "token.dep", "token.lemma"],
    assigns=["doc._.actors"],
)
def make_actor_resolver(nlp: Language, name: str, actor_files: list[str], gazetteer: bool) -> ActorResolver:
    return ActorResolver(nlp, name, actor_files, gazetteer)


class DocumentModeller:
    """Completes and clusters the actor mentions of the whole document (see coding.document):
    defined acronyms, the issuers of a statement, the focus countries, document entities."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        actors = nlp.get_pipe("detente_actors") if "detente_actors" in nlp.pipe_names else None
        self.kb = actors.kb if actors is not None else KnowledgeBase.load()

    def __call__(self, doc: Doc) -> Doc:
        from detente.coding.document import model_document

        doc._.actors, doc._.document = model_document(doc, self.kb)
        return doc


@Language.factory(
    "detente_document",
    requires=["doc._.actors", "token.dep"],
    assigns=["doc._.actors", "doc._.document"],
)
def make_document_modeller(nlp: Language, name: str) -> DocumentModeller:
    return DocumentModeller(nlp, name)


class EventCoder:
    """Codes the events of a document into ``doc._.events`` (see coding.events.coder)."""

    def __init__(self, nlp: Language, name: str) -> None:
        from detente.coding.cameo import Codebook
        from detente.coding.events.coder import CodingResources
        from detente.coding.events.lexicon import Lexicon

        self.name = name
        actors = nlp.get_pipe("detente_actors") if "detente_actors" in nlp.pipe_names else None
        self.resources = CodingResources(
            lexicon=Lexicon.load(),
            codebook=Codebook.load(),
            kb=actors.kb if actors is not None else KnowledgeBase.load(),
            gazetteer=actors.resources.gazetteer if actors is not None else None,
        )

    def __call__(self, doc: Doc) -> Doc:
        from detente.coding.events.coder import code_document

        doc._.events = code_document(doc, self.resources)
        return doc

    def to_disk(self, path, *, exclude=()) -> None:
        Path(path).mkdir(parents=True, exist_ok=True)  # the lexicon and codebook ship with the package

    def from_disk(self, path, *, exclude=()) -> EventCoder:
        return self


@Language.factory(
    "detente_events",
    requires=["doc._.actors", "token.dep", "token.lemma"],
    assigns=["doc._.events"],
)
def make_event_coder(nlp: Language, name: str) -> EventCoder:
    return EventCoder(nlp, name)
