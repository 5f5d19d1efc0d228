"""Completing coded events from the document: event coreference, then sentence co-occurrence.

* Event coreference: a reaction whose object is a definite event noun ("condemned the
  operation", "the strike was called an aggression", "welcomed this deal") is aimed at whoever did
  that earlier event: its recipient is the earlier event's actor (``via: event``). The earlier
  event is the nearest one before it with the same trigger word, else with the noun's own type
  (same CAMEO root, or both material conflict), that has an actor with a country.
* Co-occurrence: a side still empty takes the first country named in the sentence that is not on
  the other side (``via: cooccurrence``), and the event's confidence drops: this is the baseline's
  guess, kept only where the syntax and the document model found nothing.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from detente.coding.actors.mentions import ActorMention
from detente.coding.events.features import noun_features

DEFINITE = {"the", "this", "that", "these", "those", "such"}
STATE_ACTS = {"17"}  # coercion: arrests, detentions, bans, curfews are acts of a state
NAMED = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}
FOCUS_ROOTS = {"02", "10", "11", "12", "13"}
REACTION_ROOTS = {"01", "02", "03", "04", "05", "06", "10", "11", "12", "13", "16"}
MATERIAL_CONFLICT = {"14", "15", "17", "18", "19", "20"}
# action nouns that name whatever was done before ("the operation", "the move"): they refer back
# to an earlier material conflict event (violence, coercion, force)
GENERIC_ACTIONS = {"operation", "offensive", "action", "incident", "move", "campaign", "incursion", "raid", "assault", "crackdown"}
FALLBACK_PENALTY = 0.15


def _trigger(doc: Doc, event: dict) -> Token | None:
    span = doc.char_span(event["evidence"]["trigger_start"], event["evidence"]["trigger_end"])
    return span.root if span is not None else None


def _event_object(trigger: Token, nouns) -> Token | None:
    """The definite event noun a reaction is about: its object, its passive subject, or the
    object of its preposition ("protested against the arrests")."""
    candidates = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    candidates += [g for c in trigger.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    for noun in candidates:
        if noun.lemma_.lower() not in nouns and noun.lemma_.lower() not in GENERIC_ACTIONS:
            continue
        if any(c.dep_ == "det" and c.lower_ in DEFINITE for c in noun.children):
            return noun
    return None


def _compatible(noun: Token, noun_root: str | None, earlier: dict, doc: Doc) -> bool:
    if earlier["evidence"]["trigger"].lower() == noun.text.lower():
        return True
    trigger = _trigger(doc, earlier)
    if trigger is not None and trigger.lemma_.lower() == noun.lemma_.lower():
        return True
    if noun_root is None:
        return noun.lemma_.lower() in GENERIC_ACTIONS and earlier["cameo_root"] in MATERIAL_CONFLICT
    return earlier["cameo_root"] == noun_root or (noun_root in MATERIAL_CONFLICT and earlier["cameo_root"] in MATERIAL_CONFLICT)


def _countries(side: list[dict]) -> set[str]:
    return {a["country"] for a in side if a.get("country")}


def _open(side: list[dict]) -> bool:
    """A side the fallbacks may fill: empty, or only phrases the resolver could not code.
    A coded group without a country ("protesters", "soldiers") is an answer, left as it is."""
    return not any(a.get("country") or a.get("sector") for a in side)


def _noun_root(noun: Token, lexicon) -> str | None:
    pattern = lexicon.noun(noun.lemma_.lower(), noun_features(noun))
    return pattern.code[:2] if pattern is not None and pattern.code[:2].isdigit() else None


def link_events(doc: Doc, events: list[dict], lexicon) -> None:
    """Event coreference, in place: reactions to "the attack" are aimed at the attack's actor."""
    for number, event in enumerate(events):
        if event["recipient"] or event["cameo_root"] not in REACTION_ROOTS:
            continue
        trigger = _trigger(doc, event)
        if trigger is None:
            continue
        noun = _event_object(trigger, lexicon.nouns)
        if noun is None:
            continue
        root = _noun_root(noun, lexicon)
        for earlier in reversed(events[:number]):
            if earlier["evidence"]["trigger_start"] >= noun.idx or not _countries(earlier["actor"]):
                continue
            if _compatible(noun, root, earlier, doc):
                own = _countries(event["actor"])
                targets = [dict(a, via="event") for a in earlier["actor"] if a.get("country") and a["country"] not in own]
                if targets:
                    event["recipient"] = targets
                break


def _sentence_countries(event: dict, ordered: list[ActorMention]) -> list[ActorMention]:
    start, end = event["evidence"]["start"], event["evidence"]["end"]
    found: list[ActorMention] = []
    for mention in ordered:
        if start <= mention.start < end and all(m.country != mention.country for m in found):
            found.append(mention)
    return found


def _names_someone_else(doc: Doc, event: dict, own: set[str], mentions: list[ActorMention]) -> bool:
    """Whether the event's sentence names an actor, a person or a place outside the actor's side."""
    start, end = event["evidence"]["start"], event["evidence"]["end"]
    if any(start <= m.start < end and m.country not in own for m in mentions):
        return True
    own_spans = [(m.start, m.end) for m in mentions if m.country in own]
    return any(
        start <= ent.start_char < end and ent.label_ in NAMED and not any(s <= ent.start_char < e for s, e in own_spans)
        for ent in doc.ents
    )


def fill_from_focus(doc: Doc, events: list[dict], mentions: list[ActorMention], model) -> None:
    """An appeal, demand, disapproval or rejection with a known actor and no recipient, in a
    sentence naming no other country ("We call for the release of all those detained"), is aimed
    at the country the article is about, when one clearly leads apart from the actor."""
    if model is None:
        return
    issuers = {code[:3] for code in model.issuers}
    for event in events:
        if _countries(event["recipient"]) or event["cameo_root"] not in FOCUS_ROOTS:
            continue
        own = _countries(event["actor"])
        if not (own or event["actor"]) or _names_someone_else(doc, event, own, mentions):
            continue  # an actor the text names, coded or not ("observers alleged fraud"), is needed
        target = model.leading(exclude=own | issuers)
        if target is None:
            continue
        # "the release of all those detained": the group stays, placed in the focus country
        groups = [r for r in event["recipient"] if r.get("text")] or [{"sector": None, "text": None, "name": None}]
        event["recipient"] = [dict(r, code=target + (r.get("sector") or ""), country=target, via="focus") for r in groups]
        event["confidence"] = round(max(0.05, event["confidence"] - FALLBACK_PENALTY / 2), 2)


def _governors(doc: Doc, events: list[dict]) -> dict[int, set[str]]:
    """For an event noun that is the object of another event's trigger ("condemned the attack"),
    the governing event's actor countries: the reactor did not do the attack."""
    by_trigger = {e["evidence"]["trigger_start"]: e for e in events}
    out: dict[int, set[str]] = {}
    for number, event in enumerate(events):
        trigger = _trigger(doc, event)
        if trigger is None or trigger.pos_ != "NOUN":
            continue
        head = trigger.head.head if trigger.dep_ == "pobj" else trigger.head
        governing = by_trigger.get(head.idx)
        if governing is not None and governing is not event:
            out[number] = _countries(governing["actor"])
    return out


def fill_from_sentence(events: list[dict], mentions: list[ActorMention], doc: Doc | None = None) -> None:
    """The co-occurrence fallback, in place, for sides that are still empty."""
    ordered = sorted((m for m in mentions if m.country), key=lambda m: m.start)
    governors = _governors(doc, events) if doc is not None else {}
    for number, event in enumerate(events):
        if not _open(event["actor"]) and not _open(event["recipient"]):
            continue
        in_sentence = _sentence_countries(event, ordered)
        if not in_sentence:
            continue
        filled = False
        for side, other in (("actor", "recipient"), ("recipient", "actor")):
            if not _open(event[side]):
                continue
            taken = _countries(event[other]) | (governors.get(number, set()) if side == "actor" else set())
            choice = next((m for m in in_sentence if m.country not in taken), None)
            if choice is None and len(in_sentence) == 1 and _countries(event[other]) == {in_sentence[0].country}:
                if side == "recipient" or (event["cameo_root"] in STATE_ACTS and not event["actor"]):
                    # the sentence names one country, the other side's: a domestic event ("arrests
                    # of activists in Sudan" are made by Sudan's authorities); not when the text
                    # names an actor the resolver could not code ("the new policy prohibits ...")
                    choice = in_sentence[0]
            if choice is not None:
                event[side] = [choice.ref(via="cooccurrence")]
                filled = True
        if filled:
            event["confidence"] = round(max(0.05, event["confidence"] - FALLBACK_PENALTY), 2)
