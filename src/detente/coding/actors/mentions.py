"""The record of one resolved actor mention."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor found in the text: the phrase, its CAMEO code, and how it was resolved.

    ``via`` is ``kb`` (a knowledge-base name), ``context`` (country and sector words around an
    unknown name or a sector noun) or ``coref`` (a later reference to an actor introduced earlier).
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

    def as_record(self, doc_id: str) -> dict:
        record = {"doc_id": doc_id}
        record.update(
            {k: v for k, v in asdict(self).items() if k in ("text", "start", "end", "code", "country", "sector", "name", "via")}
        )
        return record

    def ref(self) -> dict:
        """The actor object of the event schema (SPEC §2)."""
        return {"code": self.code, "country": self.country, "sector": self.sector, "text": self.text, "name": self.name}
