"""What patterns test around a trigger: prepositions, objects, complements."""

from __future__ import annotations

from spacy.tokens import Token

from detente.coding.events.lexicon import TriggerFeatures

PREP_DEPS = {"prep", "prt", "agent", "dative"}
MAX_DEEP = 25


def _lemmas(tokens) -> set[str]:
    out = set()
    for token in tokens:
        out.add(token.lemma_.lower())
        out.add(token.lower_)
    return out


def _heads_with_conj(token: Token) -> list[Token]:
    heads = [token]
    heads += [c for c in token.children if c.dep_ == "conj"]
    return heads


def verb_features(verb: Token) -> TriggerFeatures:
    preps: set[str] = set()
    objects: list[Token] = []
    prep_objects: dict[str, set[str]] = {}
    xcomps: set[str] = set()
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    for child in verb.children:
        dep = child.dep_
        if dep in PREP_DEPS:
            word = child.lower_
            preps.add(word)
            for pobj in child.children:
                if pobj.dep_ in ("pobj", "pcomp"):
                    heads = _heads_with_conj(pobj)
                    prep_objects.setdefault(word, set()).update(_lemmas(heads))
                    if word == "to":
                        xcomps.update(_lemmas(heads))  # "agreed to a ceasefire" reads like "agreed to meet"
                    if dep == "prt":
                        objects += heads  # "called off the talks"
        elif dep in ("dobj", "attr", "oprd") or (passive and dep == "nsubjpass"):
            objects += _heads_with_conj(child)
        elif dep in ("xcomp", "ccomp") :
            xcomps.add(child.lemma_.lower())
        elif dep == "advmod" and child.lower_ in ("out", "off", "up", "down", "back", "away", "over"):
            preps.add(child.lower_)
    if not objects:
        # "declared a state of siege to begin at midnight": the parser makes the object the
        # subject of the infinitive; it is still what was declared
        for child in verb.children:
            if child.dep_ in ("ccomp", "xcomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
                objects += [c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")]
    deep: set[str] = set()
    for obj in objects:
        for i, token in enumerate(obj.subtree):
            if i > MAX_DEEP:
                break
            deep.add(token.lemma_.lower())
    return TriggerFeatures(
        preps=frozenset(preps),
        objects=frozenset(_lemmas(objects)),
        deep_objects=frozenset(deep),
        prep_objects={k: frozenset(v) for k, v in prep_objects.items()},
        xcomps=frozenset(xcomps),
    )


def noun_features(noun: Token) -> TriggerFeatures:
    preps: set[str] = set()
    objects: list[Token] = []
    prep_objects: dict[str, set[str]] = {}
    xcomps: set[str] = set()
    for child in noun.children:
        if child.dep_ == "prep":
            word = child.lower_
            preps.add(word)
            for pobj in child.children:
                if pobj.dep_ in ("pobj", "pcomp"):
                    lemmas = _lemmas(_heads_with_conj(pobj))
                    prep_objects.setdefault(word, set()).update(lemmas)
                    if word == "of":
                        objects += _heads_with_conj(pobj)
        elif child.dep_ in ("compound", "amod", "nmod") and child.i < noun.i:
            objects.append(child)
        elif child.dep_ == "acl":
            xcomps.add(child.lemma_.lower())
    deep: set[str] = set()
    for obj in objects:
        for i, token in enumerate(obj.subtree):
            if i > MAX_DEEP:
                break
            deep.add(token.lemma_.lower())
    return TriggerFeatures(
        preps=frozenset(preps),
        objects=frozenset(_lemmas(objects)),
        deep_objects=frozenset(deep),
        prep_objects={k: frozenset(v) for k, v in prep_objects.items()},
        xcomps=frozenset(xcomps),
    )
