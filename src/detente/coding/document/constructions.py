"""Argument constructions that need more than the event's own clause.

* counterparts: "X and his Peruvian counterpart Y" — the counterpart is of the country its
  adjective names, not of the possessor ("his" = X);
* "on the part of X": "harassment on the part of the security forces" — X did it (and when the
  parser hangs the phrase on the reacting verb, "condemned this harassment on the part of X", X
  is that verb's recipient);
* relative clauses: "observers, who alleged fraud" — the noun the clause hangs on acted;
* accusations: "accused X of arresting Y", "blamed X for the attack" — X is the actor of the
  arrest or the attack, not the accuser.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from detente.coding.actors.kb import KnowledgeBase
from detente.coding.actors.mentions import ActorMention
from detente.coding.events.arguments import unresolved

COUNTERPART_WORDS = {"counterpart", "counterparts", "opposite", "equivalent"}
ACCUSING_VERBS = {"accuse", "blame", "charge", "condemn", "criticize", "criticise", "denounce", "fault", "suspect", "indict", "convict", "sanction", "punish", "praise", "thank", "credit", "commend"}


def _country_word(token: Token, kb: KnowledgeBase):
    if token.ent_type_ not in ("NORP", "GPE"):
        return None
    return kb.demonym(token.text) or next((e for e in kb.lookup(token.text) if e.type == "country"), None)


def counterparts(doc: Doc, mentions: list[ActorMention], kb: KnowledgeBase, text: str | None = None) -> list[ActorMention]:
    lowered = (doc.text if text is None else text).lower()
    if not any(word in lowered for word in COUNTERPART_WORDS):
        return mentions
    covered = {i: m for m in mentions for i in range(m.token_start, m.token_end)}
    added = []
    for token in doc:
        if token.lower_ not in COUNTERPART_WORDS or token.i in covered or token.pos_ != "NOUN":
            continue
        # "his Peruvian counterpart": a mention of its own, for the country its adjective names
        for child in token.lefts:
            entry = _country_word(child, kb)
            if entry is not None:
                added.append(
                    ActorMention(
                        text=doc[child.i : token.i + 1].text, start=child.idx, end=token.idx + len(token.text),
                        code=entry.country + "GOV", country=entry.country, sector="GOV", name=None, via="context",
                        head=token.i, token_start=child.i, token_end=token.i + 1, kind="person",
                    )
                )
                break
    if added:
        drop = {id(m) for m in mentions for a in added if a.token_start <= m.token_start and m.token_end <= a.token_end}
        mentions = sorted([m for m in mentions if id(m) not in drop] + added, key=lambda m: (m.token_start, m.token_end))
    out = []
    for mention in mentions:
        span = doc[mention.token_start : mention.token_end]
        if any(t.lower_ in COUNTERPART_WORDS for t in span):
            for token in span:
                entry = _country_word(token, kb)
                if entry is not None and entry.country != mention.country:
                    sector = mention.sector or ""
                    mention = replace(mention, country=entry.country, code=entry.country + sector, name=None, entry_id=None, via="context")
                    break
        out.append(mention)
    return out


def _at(token: Token, by_token: dict[int, ActorMention]) -> list[ActorMention]:
    found = []
    for node in [token, *(c for c in token.children if c.dep_ == "conj")]:
        mention = by_token.get(node.i)
        if mention is None:
            inner = [by_token[t.i] for t in node.subtree if t.i in by_token]
            mention = inner[0] if inner else None
        if mention is not None and mention.country and mention not in found:
            found.append(mention)
    return found


def _trigger(doc: Doc, event: dict) -> Token | None:
    span = doc.char_span(event["evidence"]["trigger_start"], event["evidence"]["trigger_end"])
    return span.root if span is not None else None


def _part_of(trigger: Token) -> Token | None:
    """The X of "<event> on the part of X"."""
    for prep in trigger.children:
        if prep.dep_ == "prep" and prep.lower_ == "on":
            for part in prep.children:
                if part.dep_ == "pobj" and part.lower_ == "part":
                    for of in part.children:
                        if of.dep_ == "prep" and of.lower_ == "of":
                            return next((p for p in of.children if p.dep_ == "pobj"), None)
    return None


def _accused(trigger: Token) -> Token | None:
    """The X of "accused X of <event>" / "blamed X for <event>"."""
    node = trigger
    prep = node.head
    if node.dep_ not in ("pcomp", "pobj") or prep.lower_ not in ("of", "for") or prep.dep_ != "prep":
        return None
    verb = prep.head
    if verb.lemma_.lower() not in ACCUSING_VERBS:
        return None
    return next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)


RELATIVE_PRONOUNS = {"who", "which", "that"}


def _relative_antecedent(trigger: Token) -> Token | None:
    """The noun a relative clause hangs on: "observers, who have alleged fraud" -> observers."""
    if trigger.dep_ != "relcl" or trigger.head.pos_ not in ("NOUN", "PROPN"):
        return None
    if any(c.dep_ == "nsubj" and c.lower_ in RELATIVE_PRONOUNS for c in trigger.children):
        return trigger.head
    return None


def construction_actors(doc: Doc, events: list[dict], mentions: list[ActorMention]) -> None:
    """Set, in place, the actor of events under "on the part of X" and "accused X of ..."."""
    by_token = {i: m for m in mentions for i in range(m.token_start, m.token_end)}
    for event in events:
        trigger = _trigger(doc, event)
        if trigger is None:
            continue
        if not event["actor"]:
            antecedent = _relative_antecedent(trigger)
            if antecedent is not None:
                found = [by_token[antecedent.i]] if antecedent.i in by_token else unresolved(antecedent)
                event["actor"] = [m.ref() for m in found]
        part = _part_of(trigger)
        if part is not None and trigger.pos_ != "NOUN":
            # "condemned this harassment on the part of X" (the phrase hung on the verb): X did
            # what the object names, and is what the verb reacts to
            targets = _at(part, by_token)
            if targets:
                event["recipient"] = [m.ref() for m in targets]
            continue
        target = part or _accused(trigger)
        if target is None:
            continue
        actors = _at(target, by_token)
        if actors:
            event["actor"] = [m.ref() for m in actors]
            own = {m.country for m in actors}
            event["recipient"] = [r for r in event["recipient"] if r.get("country") not in own]
