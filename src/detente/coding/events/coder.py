"""Turn a parsed document with resolved actors into event records (SPEC §2, schema 1)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace

import numpy as np
from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Span, Token

from detente.coding.actors.kb import KnowledgeBase
from detente.coding.actors.mentions import ActorMention
from detente.coding.cameo import Codebook
from detente.coding.dates import event_date
from detente.coding.document.constructions import construction_actors
from detente.coding.document.fallback import fill_from_focus, fill_from_sentence, link_events
from detente.coding.events.arguments import NOT_SPLIT, SYMMETRIC_ROOTS, Arguments, MentionIndex, located, noun_arguments, verb_arguments
from detente.coding.events.features import noun_features, verb_features
from detente.coding.events.lexicon import NO_EVENT, Lexicon, Pattern
from detente.coding.events.derived import demand_code, derived_code
from detente.coding.modality import ASSERTED, FUTURE, NEGATED, OCCURRENCE_VERBS, analyse, attribution, base_forms
from detente.coding.places import Gazetteer
from detente.nlp.hashes import contains, hash_table

SCHEMA = 1
HISTORICAL_DAYS = 366  # an asserted event dated more than a year before publication is history
VERB_POS = {"VERB"}
NOUN_POS = {"NOUN"}
LOCATION_PREPS = {"in", "at", "near", "inside", "outside", "across", "throughout", "to"}
SENTENCE_PLACE_PREPS = LOCATION_PREPS - {"to"}
STATE_SECTORS = {"GOV", "MIL"}
INTENT_WORDS = {
    "willingness", "readiness", "intention", "intent", "commitment", "pledge", "promise", "offer",
    "desire", "determination", "plan", "pledge", "promise", "vow", "offer", "intend", "agree",
    "willing", "ready", "prepared", "eager", "commit", "signal", "express",
}


@dataclass
class Candidate:
    trigger: Token
    pattern: Pattern
    nominal: bool

    @property
    def code(self) -> str:
        return self.pattern.code


@dataclass
class CodingResources:
    lexicon: Lexicon
    codebook: Codebook
    kb: KnowledgeBase
    gazetteer: Gazetteer | None = None
    _hashes: np.ndarray | None = None

    def trigger_hashes(self, vocab) -> np.ndarray:
        """String-store hashes of every trigger lemma and its regular inflections, for array
        lookups (the inflections catch words the lemmatizer gets wrong: "staged" -> "stag")."""
        if self._hashes is None:
            words = set(self.lexicon.nouns)
            for verb in self.lexicon.verbs:
                words.update(inflections(verb))
            self._hashes = hash_table(vocab, words)
        return self._hashes


def inflections(verb: str) -> set[str]:
    """Regular English forms of a verb lemma (enough to find a mis-lemmatised trigger)."""
    forms = {verb, verb + "s", verb + "es", verb + "ed", verb + "ing"}
    if verb.endswith("e"):
        forms |= {verb + "d", verb[:-1] + "ing"}
    if verb.endswith("y") and len(verb) > 2 and verb[-2] not in "aeiou":
        forms |= {verb[:-1] + "ies", verb[:-1] + "ied"}
    if len(verb) > 2 and verb[-1] not in "aeiouwxy" and verb[-2] in "aeiou" and verb[-3] not in "aeiou":
        forms |= {verb + verb[-1] + "ed", verb + verb[-1] + "ing"}
    return forms


def find_candidates(sent: Span, lexicon: Lexicon, positions: Iterable[int] | None = None) -> list[Candidate]:
    """Every verb and event noun of the sentence that the lexicon codes (``positions``: the token
    indices worth looking at, when the caller has narrowed them down)."""
    found: list[Candidate] = []
    doc = sent.doc
    tokens = sent if positions is None else (doc[i] for i in positions)
    for token in tokens:
        lemma = token.lemma_.lower()
        if token.pos_ in VERB_POS or (token.tag_ == "VBN" and token.pos_ == "ADJ") or _main_verb_tagged_aux(token):
            if token.dep_ in ("amod", "compound") or _reporting_frame(token):
                continue  # "alleged war crimes", "UN-backed mission"; "analysts said that ..."
            if lemma not in lexicon.verbs:
                # the lemmatizer slips on some verbs ("staged" -> "stag"): try the word's stems
                lemma = next((form for form in sorted(base_forms(token)) if form in lexicon.verbs), lemma)
            if lemma in lexicon.verbs:
                pattern = lexicon.verb(lemma, verb_features(token))
                if pattern is not None and pattern.code != NO_EVENT:
                    found.append(Candidate(token, pattern, nominal=False))
        elif token.pos_ in NOUN_POS and lemma in lexicon.nouns and token.dep_ != "compound":
            pattern = lexicon.noun(lemma, noun_features(token))
            if pattern is not None and pattern.code != NO_EVENT:
                found.append(Candidate(token, pattern, nominal=True))
    by_token = {c.trigger.i: c for c in found}
    return [c for c in found if not _consumed(c.trigger, by_token)]


def _main_verb_tagged_aux(token: Token) -> bool:
    """"had lunch with", "has talks": a form of "have"/"do" tagged AUX that governs a direct
    object is the main verb (the tagger slips on light verbs)."""
    return token.pos_ == "AUX" and token.lemma_.lower() in ("have", "do") and any(c.dep_ == "dobj" for c in token.children)


REPORTING_VERBS = {
    "say", "tell", "state", "announce", "claim", "add", "note", "insist", "argue", "stress", "report",
    "confirm", "assert", "allege", "write", "explain", "suggest", "believe", "think", "estimate",
    "predict", "speculate", "forecast", "reveal", "acknowledge", "admit", "contend", "maintain",
}


def _reporting_frame(token: Token) -> bool:
    """A speech verb that only frames what someone said ("X said that ...", "..., analysts said"):
    attribution, not an event of its own."""
    if not base_forms(token) & REPORTING_VERBS:
        return False
    if any(c.dep_ in ("ccomp", "parataxis") for c in token.children):
        return True
    return token.dep_ in ("parataxis", "ccomp") and token.i > token.head.i and not any(
        c.dep_ in ("dobj", "dative") for c in token.children
    )


def _consumed(token: Token, candidates: dict[int, Candidate]) -> bool:
    """True when a governing trigger's pattern already used this word: "signed an agreement",
    "called for a ceasefire", "threatened to impose sanctions" are one event each, coded on the verb."""
    governor = token.head
    if governor.dep_ == "prep" or (governor.pos_ == "ADP" and governor.i != token.i):
        governor = governor.head
    candidate = candidates.get(governor.i)
    if candidate is None or governor.i == token.i:
        return False
    pattern = candidate.pattern
    if token.dep_ in ("dobj", "nsubjpass") and any(c.trigger.i == token.i and c.code[:2] == pattern.code[:2] for c in candidates.values()):
        return True  # "signed an agreement": the noun repeats the verb's event
    lemma = token.lemma_.lower()
    words = [*pattern.objects, *pattern.deep_objects, *pattern.xcomps, *(alts for _, alts in pattern.prep_objects)]
    return any(lemma in alternatives or token.lower_ in alternatives for alternatives in words)


def code_document(doc: Doc, resources: CodingResources) -> list[dict]:
    """Event records of ``doc`` (actors must already be resolved into ``doc._.actors``)."""
    mentions: list[ActorMention] = doc._.actors or []
    index = MentionIndex(mentions)
    pub_date: dt.date | None = doc._.detente_date
    doc_id = doc._.detente_id or "doc"
    events: list[dict] = []
    sentence_index = -1
    # look only at tokens whose lemma (or lower-cased form) is a trigger: far fewer Python objects
    lemmas = doc.to_array([LEMMA, LOWER]).astype(np.uint64)
    wanted = resources.trigger_hashes(doc.vocab)
    positions = np.flatnonzero(contains(wanted, lemmas[:, 0]) | contains(wanted, lemmas[:, 1]))
    dates = [e for e in doc.ents if e.label_ == "DATE"]
    places: dict[int, str | None] = {}  # the state each sentence places things in (see _sentence_place)
    doc_text = doc.text  # a span's .text joins its tokens on every access: slice this instead
    for sent in doc.sents:
        sent_text = doc_text[sent.start_char : sent.end_char]
        if not sent_text.strip():
            continue
        sentence_index += 1
        inside = positions[np.searchsorted(positions, sent.start) : np.searchsorted(positions, sent.end)]
        if not len(inside):
            continue
        candidates = find_candidates(sent, resources.lexicon, (int(i) for i in inside))
        triggers = {c.trigger.i for c in candidates}
        sentence_dates = [e for e in dates if sent.start <= e.start < sent.end]
        number = 0
        for candidate in candidates:
            for record in _records(candidate, sent, sent_text, index, resources, pub_date, triggers, sentence_dates, places):
                record["event_id"] = f"{doc_id}:{sentence_index}:{number}"
                record["doc_id"] = doc_id
                record["sentence_index"] = sentence_index
                number += 1
                events.append(_ordered(record))
    construction_actors(doc, events, mentions)
    link_events(doc, events, resources.lexicon)
    fill_from_focus(doc, events, mentions, doc._.document if Doc.has_extension("document") else None)
    fill_from_sentence(events, mentions, doc)
    return events


def _records(
    candidate: Candidate, sent: Span, sent_text: str, index: MentionIndex, resources: CodingResources, pub_date: dt.date | None,
    triggers: set[int], dates: list[Span], places: dict[int, str | None],
):
    trigger = candidate.trigger
    code = resources.codebook.get(candidate.code)
    if code is None:
        return
    if candidate.nominal:
        args = noun_arguments(trigger, index, code.root, reported=trigger.head.i in triggers and trigger.head.i != trigger.i)
    else:
        args = verb_arguments(trigger, index, code.root, code.code)
    # an event noun is not a participant: "signed (an agreement)" has no recipient of its own
    args.recipients = [
        m for m in args.recipients if not _own_event_noun(m, trigger, resources.lexicon)
    ]
    coded_recipients = [m for m in args.recipients if m.via != "unresolved"]
    if not coded_recipients and not candidate.nominal and len(args.actors) > 1 and code.root in SYMMETRIC_ROOTS and code.code not in NOT_SPLIT:
        args = Arguments(args.actors[:1], args.actors[1:], symmetric=True)
    if candidate.nominal and not args.actors and not args.recipients:
        return  # "the summit is the first of its kind": a nominal event with nobody in it
    if code.code == "042" and any(a.sector == "MIL" for a in args.actors):
        # troops "arriving in" a country are deployed there, not visiting it
        code = resources.codebook["074" if "peacekeep" in sent_text.lower() else "154"]
        candidate = Candidate(candidate.trigger, replace(candidate.pattern, code=code.code), candidate.nominal)
    analysis = analyse(trigger)
    mood = analysis.value
    source = attribution(trigger)
    extra = _occurrence_heads(trigger)
    date = event_date(trigger, extra, pub_date, future=mood == FUTURE, dates=dates)
    if date is not None and pub_date is not None and mood == ASSERTED and date.date > pub_date:
        mood = FUTURE
    location = _location(trigger, extra, index, resources)
    if location is not None and location.get("country"):
        args = located(args, location["country"])
    elif (country := _cached_sentence_place(sent, index, resources, places)) is not None:
        # a government or an army acts abroad as often as at home: only other groups are placed
        args = located(args, country, skip_sectors=STATE_SECTORS)
    record = _base_record(candidate.code, resources, args, mood, source, date, pub_date, trigger, sent, sent_text)
    if date is not None and pub_date is not None and mood == ASSERTED and (pub_date - date.date).days > HISTORICAL_DAYS:
        # background history recalled today ("In 1982 Argentina invaded ..."): its own date, and
        # PLOVER's historical mode among the contexts
        if record["plover"] is not None and "historical" not in record["plover"]["context"]:
            record["plover"]["context"].append("historical")
    record["location"] = location
    record["confidence"] = _confidence(candidate, args, mood)
    yield record
    demand = _demand(trigger, source, index, args, resources, record, pub_date, sent, sent_text, mood)
    if demand is not None:
        yield demand
    derived = derived_code(candidate.code, committed=analysis.committed, refused=analysis.refused)
    if derived is None:
        return
    kind, derived_cameo = derived
    if derived_cameo not in resources.codebook:
        return
    speaker = _intent_governor(trigger) if kind == "intent" else None
    if speaker is not None and speaker.i in triggers:
        return  # "pledged aid" is already coded on "pledged"
    anchor = speaker or trigger
    # the statement is made now, even when what it announces lies ahead
    derived_record = _base_record(derived_cameo, resources, args, ASSERTED, attribution(anchor), None, pub_date, anchor, sent, sent_text)
    derived_record["location"] = None
    derived_record["confidence"] = round(max(0.05, record["confidence"] - 0.1), 2)
    derived_record["derived"] = kind
    yield derived_record


def _demand(trigger, source, index, args, resources, record, pub_date, sent, sent_text, mood) -> dict | None:
    """"X said that Y must end its attacks": X demands of Y (CAMEO 10x), asserted."""
    if mood == NEGATED or source.kind != "quoted" or source.speaker_head is None:
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "must" for c in trigger.children):
        return None
    speakers = index.at(trigger.doc[source.speaker_head])
    if not speakers:
        return None
    targets = [m for m in (args.actors or args.recipients) if m not in speakers]
    demand = _base_record(demand_code(record["cameo"]), resources, Arguments(speakers, targets), ASSERTED, source, None, pub_date, trigger, sent, sent_text)
    demand["location"] = None
    demand["confidence"] = round(max(0.05, record["confidence"] - 0.1), 2)
    demand["derived"] = "demand"
    return demand


def _own_event_noun(mention: ActorMention, trigger: Token, lexicon: Lexicon) -> bool:
    """The trigger's own object naming an event ("signed an agreement") is not its recipient;
    an event named after a preposition ("claimed responsibility for the attack") is its target."""
    if mention.via != "unresolved":
        return False
    head = trigger.doc[mention.head]
    return head.head.i == trigger.i and head.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in lexicon.nouns


def _intent_governor(trigger: Token) -> Token | None:
    """"signaled a willingness to cooperate" -> "signaled": the act of expressing the intent."""
    head = trigger.head
    if trigger.dep_ in ("acl", "xcomp") and base_forms(head) & INTENT_WORDS:
        if head.pos_ == "NOUN":
            return head.head if head.dep_ == "dobj" and head.head.pos_ == "VERB" else head
        return head
    return None


def _base_record(code_str, resources, args: Arguments, mood, source, date, pub_date, trigger: Token, sent: Span, text: str) -> dict:
    """The record's common fields; ``text`` is the sentence's text (``sent.text``)."""
    code = resources.codebook[code_str]
    return {
        "schema": SCHEMA,
        "date": (date.date if date else pub_date).isoformat() if (date or pub_date) else None,
        "date_text": date.text if date else None,
        "actor": [m.ref() for m in args.actors],
        "recipient": [m.ref() for m in args.recipients],
        "symmetric": args.symmetric,
        "cameo": code.code,
        "cameo_root": code.root,
        "quad_class": code.quad_class,
        "goldstein": code.goldstein,
        "plover": {"event": code.plover_event, "mode": code.plover_mode, "context": list(code.plover_context)}
        if code.plover_event
        else None,
        "modality": mood,
        "attribution": source.as_record(),
        "evidence": {
            "sentence": text.strip(),
            "trigger": trigger.text,
            "start": sent.start_char + (len(text) - len(text.lstrip())),
            "end": sent.start_char + len(text.rstrip()),
            "trigger_start": trigger.idx,
            "trigger_end": trigger.idx + len(trigger.text),
        },
    }


FIELD_ORDER = (
    "schema", "event_id", "doc_id", "sentence_index", "date", "date_text", "actor", "recipient", "symmetric",
    "cameo", "cameo_root", "quad_class", "goldstein", "plover", "modality", "attribution", "confidence",
    "location", "evidence", "derived",
)


def _ordered(record: dict) -> dict:
    return {key: record.get(key) for key in FIELD_ORDER if key != "derived" or record.get(key)}


def _occurrence_heads(trigger: Token) -> list[Token]:
    """The verb that says a nominal event happened: "the meeting took place on ... at ..."."""
    if trigger.pos_ == "NOUN" and trigger.dep_ in ("nsubj", "nsubjpass") and trigger.head.lemma_.lower() in OCCURRENCE_VERBS:
        return [trigger.head]
    if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj" and trigger.head.pos_ == "VERB":
        return [trigger.head]
    return []


def _location(trigger: Token, extra: list[Token], index: MentionIndex, resources: CodingResources) -> dict | None:
    for head in (trigger, *extra):
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in LOCATION_PREPS:
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                if prep.lower_ == "to" and head.lemma_.lower() not in ("travel", "visit", "trip", "fly", "go", "arrive", "come", "return"):
                    continue
                location = _place_of(pobj, index, resources)
                if location is not None:
                    return location
    return None


def _cached_sentence_place(sent: Span, index: MentionIndex, resources: CodingResources, places: dict[int, str | None]) -> str | None:
    if sent.start not in places:
        places[sent.start] = _sentence_place(sent, index, resources)
    return places[sent.start]


def _sentence_place(sent: Span, index: MentionIndex, resources: CodingResources) -> str | None:
    """The one state where the sentence places things ("... to disperse protesters in
    Nairobi"), when every "in/at/near X" of the sentence points to the same state."""
    countries = set()
    for token in sent:
        prep = token.head
        if token.dep_ != "pobj" or prep.dep_ not in ("prep", "conj") or prep.lower_ not in SENTENCE_PLACE_PREPS:
            continue  # ("in Paris and in Berlin": the second "in" is a conjunct)
        place = _place_of(token, index, resources)
        if place is not None and place.get("country"):
            countries.add(place["country"])
    if len(countries) != 1:
        return None
    country = countries.pop()
    entry = resources.kb.country(country)
    return country if entry is not None and not entry.region else None


def _entity_at(token: Token) -> Span | None:
    """The named entity ``token`` is part of (read from the token's IOB tags, without building
    every entity of the document)."""
    if token.ent_iob_ not in ("B", "I"):
        return None
    doc, start, end = token.doc, token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=token.ent_type_)


def _place_of(token: Token, index: MentionIndex, resources: CodingResources) -> dict | None:
    """Resolve the object of "in/at ..." to a place: a seat of government or country from the
    knowledge base, else a named place in the gazetteer, else the country named around it."""
    mention = index.by_token.get(token.i)
    if mention is not None and mention.entry_id:
        entry = resources.kb.get(mention.entry_id)
        if entry is not None and entry.type == "place":
            return {"name": entry.name, "place": entry.place or entry.name, "country": entry.country, "lat": entry.lat, "lon": entry.lon}
        if entry is not None and entry.type == "country":
            return {"name": entry.name, "place": None, "country": entry.country, "lat": None, "lon": None}
    ent = _entity_at(token)
    if ent is not None and ent.label_ in ("GPE", "LOC", "FAC") and resources.gazetteer is not None:
        place = resources.gazetteer.lookup_entity(ent)
        if place is not None:
            return place.as_location(ent.text)
    # "in Pakistan's Swat valley": the country named inside the phrase
    for node in token.subtree:
        inner = index.by_token.get(node.i)
        if inner is not None and inner.kind == "country" and inner.country:
            phrase = token.doc[token.left_edge.i : token.i + 1].text
            return {"name": phrase, "place": None, "country": inner.country, "lat": None, "lon": None}
    return None


def _confidence(candidate: Candidate, args: Arguments, mood: str) -> float:
    """A heuristic score in [0, 1]: specific patterns, both participants and plain assertion raise it."""
    score = 0.45
    if candidate.pattern.specificity:
        score += 0.15
    if args.actors:
        score += 0.15
    if args.recipients:
        score += 0.1
    if candidate.nominal:
        score -= 0.05
    if mood != ASSERTED:
        score -= 0.05
    return round(min(0.95, max(0.05, score)), 2)
