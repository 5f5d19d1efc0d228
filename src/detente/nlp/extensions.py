"""Doc extensions detente reads and writes (registered once, idempotently)."""

from __future__ import annotations

from spacy.tokens import Doc


def register_extensions() -> None:
    for name, default in (
        ("detente_id", None),  # document id
        ("detente_date", None),  # publication date (datetime.date) or None
        ("actors", None),  # list[ActorMention]
        ("events", None),  # list[Event]
    ):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
