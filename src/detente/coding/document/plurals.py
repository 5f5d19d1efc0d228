"""Plural mentions of actors named before: "the two leaders", "both countries", "the two sides".

The phrase stands for the two most recently named distinct actors of its kind (persons for
leaders, presidents and ministers; countries for countries, nations, governments and sides), each
given as a mention on the phrase's span (one group, as a list "A and B" would be). Nothing is
added when fewer than two such actors were named before it.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from detente.coding.actors.kb import NON_STATE
from detente.coding.actors.mentions import ActorMention

PERSON_NOUNS = {"leader", "president", "minister", "premier", "counterpart", "head"}
STATE_NOUNS = {"country", "nation", "government", "side", "state", "capital"}
PAIR_WORDS = {"both", "two"}


def _pair_heads(doc: Doc):
    for token in doc:
        if token.tag_ not in ("NNS", "NNPS") or token.lemma_.lower() not in PERSON_NOUNS | STATE_NOUNS:
            continue
        lefts = [c for c in token.lefts]
        if any(c.lower_ in PAIR_WORDS for c in lefts) or (token.i > 0 and doc[token.i - 1].lower_ in PAIR_WORDS):
            yield token, min([c.left_edge.i for c in lefts] + [token.i])


def _last_two(mentions: list[ActorMention], before: int, persons: bool) -> list[ActorMention]:
    picked: list[ActorMention] = []
    keys: set = set()
    for mention in reversed(mentions):
        if mention.token_end > before or not mention.country or mention.country in NON_STATE:
            continue
        if persons and mention.kind != "person":
            continue
        key = (mention.entry_id or mention.name or mention.code) if persons else mention.country
        if not persons and any(p.country == mention.country for p in picked):
            continue
        if key in keys:
            continue
        keys.add(key)
        picked.append(mention)
        if len(picked) == 2:
            break
    return picked if len(picked) == 2 else []


def plural_mentions(doc: Doc, mentions: list[ActorMention], text: str | None = None) -> list[ActorMention]:
    lowered = (doc.text if text is None else text).lower()
    if not any(word in lowered for word in ("both ", "two ")):
        return mentions
    covered = {i: m for m in mentions for i in range(m.token_start, m.token_end)}
    added: list[ActorMention] = []
    replaced: set[int] = set()
    for head, start in _pair_heads(doc):
        holder = covered.get(head.i)
        if holder is not None and (holder.country is not None or holder.name):
            continue  # "the two Koreas' leaders" already says whose
        persons = head.lemma_.lower() in PERSON_NOUNS
        pair = _last_two(mentions, start, persons)
        if not pair:
            continue
        if holder is not None:
            replaced.add(id(holder))  # "the two leaders" coded as a bare government title
            start = min(start, holder.token_start)
        span = doc[start : head.i + 1]
        for source in reversed(pair):
            added.append(
                replace(
                    source, text=span.text, start=span.start_char, end=span.end_char, via="coref",
                    head=head.i, token_start=start, token_end=head.i + 1,
                )
            )
    if not added:
        return mentions
    kept = [m for m in mentions if id(m) not in replaced]
    return sorted(kept + added, key=lambda m: (m.token_start, m.token_end))
