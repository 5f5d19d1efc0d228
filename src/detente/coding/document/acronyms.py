"""Acronyms the text defines: "the Landless Workers' Movement (LWM)", "a group called LWM",
"known as LWM". Each later use of the acronym is a mention of the long form's actor.

The long form's actor is the mention that heads it, else a country named inside it (a national
movement, a state company). An acronym that already resolves (a knowledge-base name) is left alone.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Token

from detente.coding.actors.mentions import ActorMention

ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,7}s?$")
IN_TEXT = re.compile(r"\b[A-Z][A-Z0-9&]{1,7}s?\b")
NAMING_WORDS = {"called", "named"}


def _long_form(doc: Doc, end: int, by_token: dict[int, ActorMention]) -> ActorMention | None:
    """The actor of the noun phrase ending just before token ``end``."""
    if end <= 0:
        return None
    last = doc[end - 1]
    if last.i in by_token:
        return by_token[last.i]
    start = last.left_edge.i if last.dep_ else max(0, end - 6)
    start = max(start, end - 8)
    inside = [by_token[i] for i in range(start, end) if i in by_token and by_token[i].country]
    return inside[-1] if inside else None


def _definition(doc: Doc, token: Token, by_token: dict[int, ActorMention]) -> ActorMention | None:
    i = token.i
    before = doc[i - 1] if i > 0 else None
    after = doc[i + 1] if i + 1 < len(doc) else None
    if before is None:
        return None
    if before.text == "(" and after is not None and after.text == ")":
        return _long_form(doc, i - 1, by_token)
    if before.lower_ in NAMING_WORDS:
        return _long_form(doc, i - 1, by_token)
    if before.lower_ == "as" and i > 1 and doc[i - 2].lower_ == "known":
        return _long_form(doc, i - 2 if doc[i - 3].text != "," else i - 3, by_token)
    return None


def acronym_mentions(doc: Doc, mentions: list[ActorMention], text: str | None = None) -> list[ActorMention]:
    by_token = {i: m for m in mentions for i in range(m.token_start, m.token_end)}
    defined: dict[str, ActorMention] = {}
    added: list[ActorMention] = []
    replaced: dict[int, ActorMention] = {}
    tokens = []
    for match in IN_TEXT.finditer(doc.text if text is None else text):
        span = doc.char_span(match.start(), match.end())
        if span is not None and len(span) == 1:
            tokens.append(span[0])
    for token in tokens:
        if token.i in by_token:
            # "SMP leaders": a country-less group named by a defined acronym is that actor's
            holder = by_token[token.i]
            source = defined.get(token.text)
            if source is not None and holder.country is None and holder.sector:
                replaced[id(holder)] = replace(holder, country=source.country, code=source.country + holder.sector, via="coref")
            continue
        if token.text not in defined:
            source = _definition(doc, token, by_token)
            if source is not None and source.country:
                defined[token.text] = source
            continue
        source = defined[token.text]
        added.append(
            replace(
                source, text=token.text, start=token.idx, end=token.idx + len(token.text), via="coref",
                head=token.i, token_start=token.i, token_end=token.i + 1,
            )
        )
    mentions = [replaced.get(id(m), m) for m in mentions]
    return sorted(mentions + added, key=lambda m: (m.token_start, m.token_end)) if added else mentions
