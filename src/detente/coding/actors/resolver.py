"""Resolve actor mentions in a parsed document.

Three paths, tried in this order for each noun phrase:

* ``kb``: the phrase's head is a name in the knowledge base ("Petro", "the White House");
* ``context``: an unknown name or a sector noun whose country and sector come from the words
  around it ("Venezuelan opposition leader X" -> VENOPP, "Iranian troops" -> IRNMIL,
  "the president of Colombia" -> COLGOV, "X, Colombia's foreign minister" -> COLGOV); a state,
  province or county stands for its country ("Texas police" -> USACOP; see coding.regions), a
  facility in a person's role gives its own ("X, a Mombasa port official" -> KENGOV; facilities.py);
* ``coref``: a later surname, title phrase ("the Colombian leader") or personal pronoun that
  points, unambiguously, to an actor introduced earlier in the document (coreference.py).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, replace

import numpy as np
from spacy.attrs import POS
from spacy.parts_of_speech import NOUN, PROPN
from spacy.tokens import Doc, Span, Token

from detente.coding.actors.coreference import Coreference
from detente.coding.actors.facilities import FacilityStaff
from detente.coding.actors.institutions import country_inside, institution_sector, is_institution
from detente.coding.actors.kb import NON_STATE, ActorEntry, KnowledgeBase
from detente.coding.actors.names import inside_longer_name
from detente.coding.actors.regional import last_region_country, region_noun_level, untagged_modifier
from detente.coding.actors.roles import ParentheticalRoles
from detente.coding.actors.mentions import ActorMention
from detente.coding.actors.sectors import SectorLexicon
from detente.coding.places import Gazetteer
from detente.coding.regions import Regions, settle

NP_DEPS = {"compound", "amod", "det", "poss", "nmod", "case", "flat", "nummod", "quantmod", "punct"}
ACTOR_ENT_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}
HEAD_POS = {"NOUN", "PROPN"}
LANGUAGE_PREPOSITIONS = {"in", "into", "from"}  # "in Portuguese", "translated into English"


@dataclass
class ResolverResources:
    """What the resolver reads: the knowledge base, sector nouns, a gazetteer and region names."""

    kb: KnowledgeBase
    sectors: SectorLexicon
    gazetteer: Gazetteer | None = None
    regions: Regions | None = None


def resolve_mentions(doc: Doc, resources: ResolverResources, date: dt.date | None) -> list[ActorMention]:
    """Every actor mention of ``doc``, in text order, coded at ``date``."""
    resolver = _DocResolver(doc, resources, date)
    return resolver.run()


class _DocResolver(ParentheticalRoles, FacilityStaff, Coreference):
    def __init__(self, doc: Doc, resources: ResolverResources, date: dt.date | None) -> None:
        self.doc = doc
        self.kb = resources.kb
        self.sectors = resources.sectors
        self.gazetteer = resources.gazetteer
        self.regions = resources.regions
        self.date = date
        self.ent_at: dict[int, Span] = {}
        for ent in doc.ents:
            for i in range(ent.start, ent.end):
                self.ent_at[i] = ent
        self.covered: set[int] = set()
        self._doc_countries: Counter | None = None
        self._entries: dict[tuple, ActorEntry | None] = {}

    # -- top level -------------------------------------------------------------------------
    def run(self) -> list[ActorMention]:
        mentions: list[ActorMention] = []
        unresolved: list[tuple[Span, Token]] = []
        for i in self._positions_of(NOUN, PROPN):  # only nouns can head a mention
            if i in self.covered:
                continue
            token = self.doc[i]
            if not self._is_np_head(token):
                continue
            found = self._noun_phrase(token)
            if found is None:
                ent = self.ent_at.get(token.i)
                if ent is not None and ent.label_ == "PERSON":
                    unresolved.append((ent, token))
                continue
            for mention in found if isinstance(found, list) else [found]:
                mentions.append(mention)
                self.covered.update(range(mention.token_start, mention.token_end))
        for ent in self.doc.ents:
            if any(i in self.covered for i in range(ent.start, ent.end)):
                continue
            mention = self._entity_alone(ent)
            if mention is not None:
                mentions.append(mention)
                self.covered.update(range(ent.start, ent.end))
        mentions.sort(key=lambda m: m.token_start)
        return self._coreference(mentions, unresolved)

    def _positions_of(self, *parts_of_speech: int) -> list[int]:
        """Indices of the tokens with one of these parts of speech (read as one array, which
        spares a Python object per token)."""
        pos = self.doc.to_array(POS)
        return np.flatnonzero(np.isin(pos, parts_of_speech)).tolist()

    def _is_np_head(self, token: Token) -> bool:
        if token.pos_ not in HEAD_POS or self._names_a_language(token):
            return False
        if token.dep_ in ("compound", "flat") and token.head.i > token.i and token.head.pos_ in HEAD_POS:
            return False
        ent = self.ent_at.get(token.i)
        if ent is not None and token.i != ent.end - 1 and token.head.i in range(ent.start, ent.end):
            return False  # inside a multi-token name; the name's last token is its head
        return True

    def _names_a_language(self, token: Token) -> bool:
        """"(Movimento dos Sem Terra, in Portuguese)", "translated from Arabic": a bare singular
        demonym as the object of "in", "into" or "from" names a language, not a country's actor."""
        return (
            token.dep_ == "pobj"
            and token.head.lower_ in LANGUAGE_PREPOSITIONS
            and token.tag_ in ("NNP", "NN", "JJ")
            and not any(child.dep_ in ("det", "amod", "compound", "poss", "nummod") for child in token.children)
            and self.kb.demonym(token.text) is not None
        )

    # -- noun phrases ------------------------------------------------------------------------
    def _span_of(self, head: Token) -> tuple[int, int]:
        start = head.i
        for child in head.lefts:
            if child.dep_ in NP_DEPS:
                start = min(start, child.left_edge.i)
        end = head.i + 1
        ent = self.ent_at.get(head.i)
        if ent is not None:
            start, end = min(start, ent.start), max(end, ent.end)
        for i in range(head.i - 1, start - 1, -1):  # a phrase does not reach across the "and" that
            token = self.doc[i]  # joins two people: "US President Trump and Turkish President Erdoğan"
            joined = self.ent_at.get(token.head.i)  # (but "U.S. and Russian envoys" is one phrase)
            if token.dep_ == "cc" and joined is not None and joined.label_ == "PERSON":
                start = i + 1
                break
        while start < end and self.doc[start].is_punct:
            start += 1
        return start, end

    def _noun_phrase(self, head: Token) -> list[ActorMention] | None:
        head_ent = self.ent_at.get(head.i)
        if head_ent is None and not self._may_head_sector(head):
            return None  # "talks", "border": without a name, only a sector noun makes an actor
        start, end = self._span_of(head)
        countries, of_end = self._context_countries(head, start, end, exclude=head_ent)
        title_sector = None
        if not countries and head_ent is not None and head_ent.label_ == "PERSON" and head.dep_ == "appos":
            # "Chile's deputy foreign minister Rosa Vidal": the name stands in apposition to its title
            title = head.head
            title_start, title_end = self._span_of(title)
            countries, _ = self._context_countries(title, title_start, title_end, exclude=head_ent)
            if not countries and (facility_country := self._facility_country(title, title_start)):
                countries = [facility_country]  # "an airport protocol officer, NAME": see facilities.py
            hit = self._sector(title, title_start) if countries else None
            title_sector = hit[0] if hit is not None else None
            of_end = end
        if not countries and head_ent is not None and is_institution(head) and not head_ent.ent_id_:
            # an unknown body named with its country inside: "Nigeria's Office of ..." as one entity
            inside = country_inside(head_ent, self._country_of_word)
            countries = [inside] if inside else []
        context_country = countries[0] if countries else None
        if head_ent is not None and head_ent.label_ in ACTOR_ENT_LABELS:
            entry = self._kb_entry(head_ent, context_country)
            if entry is not None:
                return self._from_entry(entry, start, end, head, "kb")
        if title_sector is not None:
            return self._coded(start, end, head, countries[0], title_sector, head_ent.text, "context")
        if not countries and head_ent is not None and head_ent.label_ == "PERSON":
            role = self._parenthetical_role(head_ent, self._own_title(head, start))  # see roles.py
            if role is not None:
                code, country, sector = role
                return self._mention(start, end, head, code, country, sector, head_ent.text, "context", None)
        sector_hit = self._sector(head, start)
        if sector_hit is not None:
            sector, org = sector_hit
            if org is not None:  # "FARC rebels", "Hamas militants"
                code, org_sector = org.coding_at(self.date)
                return self._mention(start, end, head, code, org.country, org_sector or sector, org.name, "kb", org)
            name = head_ent.text if head_ent is not None and head_ent.label_ == "PERSON" else None
            if not countries:
                countries = [self._appos_country(head) or self._facility_country(head, start)]
            end = max(end, of_end)
            # "the foreign ministers of India and Pakistan": one mention per country, same span
            return [self._coded(start, end, head, country, sector, name, "context") for country in countries]
        if head_ent is not None and head_ent.label_ == "PERSON":
            appos = self._appos_context(head)
            if appos is not None:
                country, sector = appos
                return self._coded(start, end, head, country, sector, head_ent.text, "context")
        return None

    def _may_head_sector(self, head: Token) -> bool:
        """False when :meth:`_sector` cannot find a sector for a phrase headed by ``head``: no
        sector phrase ends with the word and it is no institution noun (a head that :meth:`_sector`
        leaves out of its words, a possessor or a determiner, is not judged here)."""
        if head.dep_ in ("det", "poss", "case") or head.is_punct:
            return True
        return self.sectors.may_end(head.lemma_) or self.sectors.may_end(head.text) or is_institution(head)

    def _own_title(self, head: Token, start: int) -> str | None:
        """The sector of a person's own title: "Mayor Ana Ruiz", "the mayor Ana Ruiz"."""
        hit = self._sector(head, start)
        if hit is None and head.dep_ == "appos" and head.head.pos_ == "NOUN":
            hit = self._sector(head.head, self._span_of(head.head)[0])
        return hit[0] if hit is not None else None

    def _kb_entry(self, ent: Span, context_country: str | None) -> ActorEntry | None:
        """The knowledge-base entry of an entity (cached per document: news repeats its names)."""
        # where the name stands matters too: "Ismail Khan" inside "Dera Ismail Khan" is no person
        key = (ent.text, ent.ent_id_, ent.label_, context_country, inside_longer_name(self.doc, ent.start))
        if key not in self._entries:
            self._entries[key] = self._lookup_entry(ent, context_country)
        return self._entries[key]

    def _lookup_entry(self, ent: Span, context_country: str | None) -> ActorEntry | None:
        candidates: list[ActorEntry] = []
        if ent.ent_id_ and ent.ent_id_ in self.kb.entries:
            candidates.append(self.kb[ent.ent_id_])
        for entry in self.kb.lookup(ent.text):
            if entry not in candidates:
                candidates.append(entry)
        if candidates and inside_longer_name(self.doc, ent.start):  # "Dera Ismail Khan" is a town
            candidates = [c for c in candidates if not (c.type == "person" and self.kb.is_generated(c.id))]
        if len(candidates) > 1 and self.date is not None:  # namesakes: who held office on the date
            candidates = self.kb.by_date(candidates, self.date)
        if not candidates and ent.label_ == "NORP":
            country = self.kb.demonym(ent.text)
            return country
        if not candidates:
            return None
        if context_country and all(c.country != context_country for c in candidates):
            # "Peru's Congress" is not the U.S. Congress, and "Cuba's vice minister Carlos X" is not
            # an Argentine namesake: let the sector path code it
            if all(c.type not in ("country", "place") for c in candidates) and all(
                c.type != "person" or (c.country not in NON_STATE and not any(r.code.startswith(context_country) for r in c.roles))
                for c in candidates
            ):
                return None
        if len(candidates) > 1:
            # an alias several countries share ("CNE", "Supreme Court"): the country in the phrase,
            # else the country the document talks about most
            counts = self._document_countries()
            country = context_country or max(
                (c.country for c in candidates), key=lambda code: counts.get(code, 0), default=None
            )
            for entry in candidates:
                if entry.country == country:
                    return entry
        return candidates[0]

    def _document_countries(self) -> Counter:
        if self._doc_countries is None:
            self._doc_countries = Counter()
            for ent in self.doc.ents:
                if ent.label_ in ("GPE", "NORP"):
                    demonym = self.kb.demonym(ent.text)
                    entries = [demonym] if demonym is not None else [e for e in self.kb.lookup(ent.text) if e.type in ("country", "place")]
                    if entries:
                        self._doc_countries[entries[0].country] += 1
                    elif self.gazetteer is not None and (place := self.gazetteer.lookup_entity(ent)) is not None:
                        self._doc_countries[place.country] += 1
        return self._doc_countries

    def _context_country(self, head: Token, start: int, end: int, exclude: Span | None) -> str | None:
        countries, _ = self._context_countries(head, start, end, exclude)
        return countries[0] if countries else None

    def _context_countries(self, head: Token, start: int, end: int, exclude: Span | None) -> tuple[list[str], int]:
        """Countries named inside the phrase or by its possessor, else by an "of/from X" after
        the head (then also the token index where that phrase ends)."""
        countries: list[str] = []
        seen: set[int] = set()
        for i in range(start, end):
            ent = self.ent_at.get(i)
            if ent is None:
                country = self._region_modifier_country(self.doc[i])
            elif ent.start in seen or (exclude is not None and ent.start == exclude.start):
                continue
            else:
                seen.add(ent.start)
                country = self._country_of_ent(ent)
            if country and country not in countries:
                countries.append(country)
        if countries:
            return countries, end
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ in ("of", "from", "in", "for"):
                for pobj in child.children:
                    if pobj.dep_ != "pobj":
                        continue
                    last = pobj.i
                    for node in [pobj, *(c for c in pobj.children if c.dep_ == "conj")]:
                        ent = self.ent_at.get(node.i)
                        if child.lower_ == "for":  # "a spokesman for the PMF" speaks for it,
                            country = self._country_of_org(ent)  # "an envoy for Syria" is no Syrian
                        else:
                            country = self._country_of_ent(ent) if ent is not None else None
                        if country and country not in countries:
                            countries.append(country)
                            last = max(last, ent.end - 1)
                    if countries:
                        return countries, (last + 1 if child.lower_ != "in" else end)
        return countries, end

    def _country_of_org(self, ent: Span | None) -> str | None:
        """The country of a known organisation (a party, a group, a ministry), not of a place."""
        entry = self._known_org(ent)
        return entry.country if entry is not None and entry.country not in NON_STATE else None

    def _country_of_ent(self, ent: Span) -> str | None:
        if ent.label_ == "PERSON":  # "Petro's government"
            entries = self.kb.lookup(ent.text) or ([self.kb[ent.ent_id_]] if ent.ent_id_ in self.kb.entries else [])
            if not entries and len(ent) == 1 and ent.root.dep_ in ("poss", "compound"):
                return self._region_country(ent.text)  # the tagger's "person" in "Bavaria's premier"
            return entries[0].country if entries and entries[0].country not in NON_STATE else None
        if ent.label_ not in ("GPE", "NORP", "LOC", "ORG", "FAC"):
            return None
        demonym = self.kb.demonym(ent.text)
        if demonym is not None:
            return demonym.country
        for entry in self.kb.lookup(ent.text):
            if entry.type in ("country", "place") or ent.label_ == "GPE":
                return entry.country
        if ent.label_ in ("GPE", "LOC", "NORP") and (country := self._region_country(ent.text)) is not None:
            return country  # "Bavaria's interior minister", "Texas police" (before the gazetteer:
            # its alternate names make "Florida" a Colombian town)
        if ent.label_ == "GPE" and self.gazetteer is not None:
            place = self.gazetteer.lookup_entity(ent)
            if place is not None:
                return place.country
        return None

    def _region_modifier_country(self, token: Token) -> str | None:
        """A region as modifier without a name tag ("Lancashire police"), or a definite region
        noun as possessor ("the county's police commissioner": the last region named)."""
        if self.regions is None:
            return None
        level = region_noun_level(token)
        if level is not None:
            return last_region_country(self.doc, token.i, level, list(self.doc.ents), self._region_and_level)
        name = untagged_modifier(token, self.ent_at.__contains__)
        return self._region_country(name.text) if name is not None else None

    def _region_and_level(self, name: str) -> tuple[str, int] | None:
        regions = self.regions.lookup(name) if self.regions is not None else ()
        country = settle(regions, self._document_countries()) if regions else None
        if country is None:
            return None
        return country, min(region.level for region in regions if region.country == country)

    def _region_country(self, name: str) -> str | None:
        """The country of a state, province or county, settled by the countries the text names."""
        if self.regions is None:
            return None
        regions = self.regions.lookup(name)
        return settle(regions, self._document_countries()) if regions else None

    def _sector(self, head: Token, start: int) -> tuple[str, ActorEntry | None] | None:
        """Sector of the phrase's head noun (with its compounds), and a named group modifying it."""
        end = head.i + 1
        ent = self.ent_at.get(head.i)
        if ent is not None and ent.label_ == "PERSON":
            end = ent.start  # "Venezuelan opposition leader Ana Pérez": the title precedes the name
        words = [t for t in self.doc[start:end] if not t.is_punct and t.dep_ not in ("det", "poss", "case")]
        if not words:
            return None
        lemmas = [t.lemma_ if t.i == words[-1].i else t.text for t in words]
        hit = self.sectors.longest_suffix(lemmas) or self.sectors.longest_suffix([t.text for t in words])
        if hit is None:  # a named state body: "Federal Aviation Office", "Department of Transportation"
            sector = institution_sector(head, words, self._sector_of_word)
            return (sector, None) if sector is not None else None
        sector, size = hit
        org = None
        for token in words[: len(words) - size]:
            ent = self.ent_at.get(token.i)
            if ent is not None and ent.label_ == "ORG":
                entry = self._kb_entry(ent, None)
                if entry is not None and entry.type in ("armed_group", "party", "organization", "igo", "ngo"):
                    org = entry
        return sector, org

    def _sector_of_word(self, word: str) -> str | None:
        hit = self.sectors.longest_suffix([word])
        return hit[0] if hit is not None and hit[1] == 1 else None

    def _country_of_word(self, text: str) -> str | None:
        demonym = self.kb.demonym(text)
        if demonym is not None:
            return demonym.country
        for entry in self.kb.lookup(text):
            if entry.type == "country" and not entry.region:
                return entry.country
        return None

    def _appos_country(self, head: Token) -> str | None:
        context = self._appos_context(head)
        return context[0] if context else None

    def _appos_context(self, head: Token) -> tuple[str | None, str | None] | None:
        """Country and sector of an apposition: "X, Colombia's foreign minister, ..."."""
        for child in head.children:
            if child.dep_ != "appos":
                continue
            start, end = self._span_of(child)
            hit = self._sector(child, start)
            country = self._context_country(child, start, end, exclude=None) or self._facility_country(child, start)
            if hit is not None or country:
                return country, hit[0] if hit else None
        return None

    # -- lone entities -------------------------------------------------------------------------
    def _entity_alone(self, ent: Span) -> ActorMention | None:
        if ent.label_ not in ACTOR_ENT_LABELS or (len(ent) == 1 and self._names_a_language(ent.root)):
            return None
        head = ent.root
        entry = self._kb_entry(ent, None)
        if entry is not None:
            return self._from_entry(entry, ent.start, ent.end, head, "kb")
        if ent.label_ == "GPE" and self.gazetteer is not None:
            place = self.gazetteer.lookup_entity(ent)
            if place is not None:
                return self._mention(ent.start, ent.end, head, place.country, place.country, None, place.name, "context", None)
        return None

    # -- building records ----------------------------------------------------------------------
    def _from_entry(self, entry: ActorEntry, start: int, end: int, head: Token, via: str) -> ActorMention:
        code, sector = entry.coding_at(self.date)
        name = entry.name if entry.type != "country" else entry.name
        return self._mention(start, end, head, code, entry.country, sector, name, via, entry)

    def _coded(self, start, end, head, country, sector, name, via) -> ActorMention:
        code = f"{country or ''}{sector or ''}" or "---"
        return self._mention(start, end, head, code, country, sector, name, via, None)

    def _mention(self, start, end, head, code, country, sector, name, via, entry) -> ActorMention:
        span = self.doc[start:end]
        return ActorMention(
            text=span.text,
            start=span.start_char,
            end=span.end_char,
            code=code,
            country=country,
            sector=sector,
            name=name,
            via=via,
            head=head.i,
            token_start=start,
            token_end=end,
            entry_id=entry.id if entry is not None else None,
            kind=entry.type if entry is not None else ("person" if self._is_person(head) else "group"),
        )

    def _is_person(self, head: Token) -> bool:
        ent = self.ent_at.get(head.i)
        return ent is not None and ent.label_ == "PERSON"

    def _copy(self, source: ActorMention, start: int, end: int, head: Token) -> ActorMention:
        span = self.doc[start:end]
        return replace(
            source,
            text=span.text,
            start=span.start_char,
            end=span.end_char,
            via="coref",
            head=head.i,
            token_start=start,
            token_end=end,
        )
