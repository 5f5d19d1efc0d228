"""Issuers of a statement: in a joint statement or a press release, "we", "our" and "us"
outside quotation marks speak for the issuers.

A document is a statement when its title or its first paragraph names one ("Joint Statement on
...", "The following statement was released by ..."). Its issuers are, in this order of trust:
the actors named in a "released/issued/made by" phrase; the actors named in the title before the
statement word ("X-Y: Joint Statement on Z", "X Statement on Z"); the subject of the first body
sentence when it lists actors ("X, Y and Z are alarmed by ..."). Nothing is guessed when none of
these names an actor.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import islice

from spacy.tokens import Doc, Span, Token

from detente.coding.actors.mentions import ActorMention

STATEMENT_WORDS = {"statement", "communique", "communiqué", "declaration", "release", "readout", "announcement"}
ISSUING_VERBS = {"release", "issue", "make", "publish", "sign", "deliver"}
ISSUER_PRONOUNS = {"we", "our", "us", "ours", "ourselves"}
QUOTES = {'"', "“", "”", "«", "»"}
OPENING_SENTENCES = 4
PRONOUNS_IN_TEXT = re.compile(r"\b(?:[Ww]e|[Oo]urs?|[Uu]s|[Oo]urselves)\b")


def _paragraph_sentences(doc: Doc) -> list[Span]:
    return list(islice((s for s in doc.sents if not (len(s) == 1 and s[0].is_space)), OPENING_SENTENCES + 1))


def _has_statement_word(span: Span) -> Token | None:
    return next((t for t in span if t.lower_ in STATEMENT_WORDS), None)


def _mentions_in(mentions: list[ActorMention], start: int, end: int) -> list[ActorMention]:
    return [m for m in mentions if start <= m.token_start and m.token_end <= end and m.country]


def _hyphenated(doc: Doc, start: int, end: int, mentions: list[ActorMention], kb) -> list[ActorMention]:
    """"X-Y-Z: Joint Statement": the parts of a hyphenated list of names, each a KB country or
    organisation, as mentions (the parts the resolver already coded are kept as they are)."""
    found: list[ActorMention] = []
    spans = [(m.text, m.token_start) for m in mentions if start <= m.token_start < end and "-" in m.text]
    covered = {i for m in mentions if start <= m.token_start < end and "-" in m.text for i in range(m.token_start, m.token_end)}
    spans += [(t.text, t.i) for t in doc[start:end] if t.i not in covered and "-" in t.text]
    for text, i in spans:
        token = doc[i]
        parts = [p.strip() for p in text.replace("–", "-").split("-") if p.strip()]
        if len(parts) < 2:
            continue
        for part in parts:
            entries = [e for e in kb.lookup(part) if e.type in ("country", "igo", "organization")] if kb is not None else []
            if entries:
                entry = entries[0]
                found.append(
                    ActorMention(
                        text=part, start=token.idx, end=token.idx + len(token.text), code=entry.code or entry.country,
                        country=entry.country, sector=entry.sector, name=entry.name, via="kb", head=token.i,
                        token_start=token.i, token_end=token.i + 1, entry_id=entry.id, kind=entry.type,
                    )
                )
    return found


def find_issuers(doc: Doc, mentions: list[ActorMention], kb=None) -> list[ActorMention]:
    opening = _paragraph_sentences(doc)
    if not opening:
        return []
    title = opening[0]
    statement_in_title = _has_statement_word(title)
    statement_in_body = any(_has_statement_word(s) for s in opening[1:])
    if statement_in_title is None and not statement_in_body:
        return []
    for sent in opening:
        # "The following statement was released by A, B and C." (to the end of the paragraph:
        # the parser may cut a long list into sentences)
        for token in sent:
            if token.lower_ == "by" and token.head.lemma_.lower() in ISSUING_VERBS:
                found = _mentions_in(mentions, token.i + 1, _paragraph_end(doc, token.i))
                if found:
                    return found
    if statement_in_title is not None:
        found = _hyphenated(doc, title.start, statement_in_title.i, mentions, kb)
        found += [m for m in _mentions_in(mentions, title.start, statement_in_title.i) if m.code not in {f.code for f in found}]
        if found:
            return found
    body = opening[1] if len(opening) > 1 else None
    if body is not None:
        subject = next((t for t in body if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"), None)
        if subject is not None:
            found = _mentions_in(mentions, subject.left_edge.i, subject.right_edge.i + 1)
            if len(found) > 1:
                return found
    return []


def _paragraph_end(doc: Doc, i: int) -> int:
    while i < len(doc) and not (doc[i].is_space and "\n" in doc[i].text):
        i += 1
    return i


def _inside_quotes(token: Token) -> bool:
    """Whether an odd number of quotation marks opens before ``token`` in its paragraph."""
    count = 0
    i = token.i - 1
    doc = token.doc
    while i >= 0 and not (doc[i].is_space and "\n" in doc[i].text):
        count += doc[i].text in QUOTES
        i -= 1
    return count % 2 == 1


def issuer_mentions(doc: Doc, mentions: list[ActorMention], kb=None, text: str | None = None) -> tuple[list[ActorMention], list[str]]:
    """A mention of every issuer on each "we/our/us" outside quotations (same span: one group)."""
    if not PRONOUNS_IN_TEXT.search(doc.text if text is None else text):
        return [], []
    issuers = find_issuers(doc, mentions, kb)
    if not issuers:
        return [], []
    unique: dict[str, ActorMention] = {}
    for mention in issuers:
        unique.setdefault(mention.code, mention)
    covered = {i for m in mentions for i in range(m.token_start, m.token_end)}
    added = []
    for token in doc:
        if token.lower_ not in ISSUER_PRONOUNS or token.i in covered or _inside_quotes(token):
            continue
        for source in unique.values():
            added.append(
                replace(
                    source, text=token.text, start=token.idx, end=token.idx + len(token.text), via="issuer",
                    head=token.i, token_start=token.i, token_end=token.i + 1,
                )
            )
    return added, list(unique)
