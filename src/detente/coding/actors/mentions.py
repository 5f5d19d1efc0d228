"""The record of one resolved actor mention."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor found in the text: the phrase, its CAMEO code, and how it was resolved.

    ``via`` is ``kb`` (a knowledge-base name), ``context`` (country and sector words around an
    unknown name or a sector noun), ``coref`` (a later reference to an actor introduced earlier:
    surname, title, pronoun, defined acronym), ``issuer`` ("we" of a statement's issuers) or
    ``focus`` (a country-less "the regime" in an article about one country); see coding.document.
    ``entity`` numbers the document entity the mention belongs to (same number, same actor).
    ``start``/``end`` are character offsets in the document; ``head`` is the token index of the
    phrase's head, ``token_start``/``token_end`` its token span.
    """

    text: str
    start: int
    end: int
    code: str
    country: str | None
    sector: str | None
    name: str | None
    via: str
    head: int
    token_start: int
    token_end: int
    entry_id: str | None = None
    kind: str | None = None  # person, country, organization, place, group ...
    entity: int | None = None

    def as_record(self, doc_id: str) -> dict:
        record = {"doc_id": doc_id}
        record.update(
            {k: v for k, v in asdict(self).items() if k in ("text", "start", "end", "code", "country", "sector", "name", "via", "entity")}
        )
        return record

    def ref(self, via: str | None = None) -> dict:
        """The actor object of the event schema (SPEC §2), with how it was resolved (``via``:
        the mention's own, or ``event``/``cooccurrence`` when an event fallback chose it)."""
        return {
            "code": self.code, "country": self.country, "sector": self.sector, "text": self.text, "name": self.name,
            "via": via or self.via,
        }
