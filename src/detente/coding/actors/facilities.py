"""A person who works at a facility: "Ana Ruiz, an airport protocol officer", "a port security
official, Ana Ruiz", "Luis Prado, the embassy's press attaché", "prison guard Ana Ruiz".

The role's sector comes from the sector nouns ("protocol officer" -> GOV); its country from the
facility that modifies the role noun:

* a facility named in the phrase itself: "a Mombasa port official" -> KEN;
* else the last facility of the same kind the text named before the phrase: "... landed at Lima's
  Jorge Chávez airport. ... Ana Ruiz, an airport protocol officer" -> PER.

A facility counts as named when proper nouns or a demonym name it ("Kotoka International Airport",
"Cuban airports") or a place follows it ("the port of Mombasa", "the airport in Havana"); a bare
"the airport" refers back and names nothing. The last named facility decides even where its place
is unknown ("JFK airport"): the country then stays open rather than coming from an older airport of
another country. With no named facility the country stays open too: the country a document talks
about most says nothing of where one of its strangers works.

An embassy or consulate belongs to the state that sends it: only the words of its name count
("the Spanish Embassy in Quito" -> ESP, "the Embassy of Spain" -> ESP), never where it stands.

These functions only find the parts in the parse; :class:`FacilityStaff` reads the places with the
resolver's country readers (knowledge-base countries and capitals, regions, the gazetteer).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from spacy.tokens import Doc, Span, Token

# facility nouns (lemmas) -> the kind of facility they name; the nouns of one kind refer to each other
FACILITY_KINDS = {
    "airport": "airport", "port": "port", "seaport": "port", "harbour": "port", "harbor": "port",
    "embassy": "embassy", "consulate": "consulate", "prison": "prison", "jail": "prison",
    "penitentiary": "prison", "hospital": "hospital",
}
SENT_BY_OWNER = {"embassy", "consulate"}  # kinds whose country is the sending state's
MODIFIER_DEPS = {"compound", "poss", "nmod", "amod"}
PLACE_LABELS = {"GPE", "NORP", "LOC", "FAC", "ORG"}
PLACE_PREPS = {"of", "in", "at"}


def facility_kind(token: Token) -> str | None:
    """The kind of facility ``token`` names ("Airport", "airports" -> "airport"), else None."""
    return FACILITY_KINDS.get(token.lemma_.lower()) or FACILITY_KINDS.get(token.lower_)


def facility_in_role(doc: Doc, start: int, end: int) -> Token | None:
    """The facility noun that modifies a role among the words ``doc[start:end]`` before the role
    noun: "airport" in "an airport protocol officer", "embassy" in "the embassy's press attaché"."""
    for token in reversed(doc[start:end]):
        if token.dep_ in MODIFIER_DEPS and facility_kind(token) is not None:
            return token
    return None


def name_runs(words: Span) -> list[Span]:
    """The runs of name words (capitalised words, place and demonym entities) in ``words``:
    "Kotoka International" in "the Kotoka International", "Cuban" in "9 Cuban"."""
    runs, start = [], None
    for token in [*words, None]:
        is_name = token is not None and not token.is_punct and token.dep_ not in ("det", "case") and (
            token.text[:1].isupper() or token.ent_type_ in PLACE_LABELS
        )
        if is_name and start is None:
            start = token.i
        elif not is_name and start is not None:
            runs.append(words.doc[start : token.i if token is not None else words.end])
            start = None
    return runs


def facility_names(facility: Token) -> list[Span]:
    """The name words of a facility named in the text: those before its noun ("Kotoka
    International Airport", "Lima's Jorge Chávez airport") and the place after it ("the port of
    Mombasa"; for an embassy only "of": "the Embassy of Spain", not "in Quito")."""
    doc = facility.doc
    start = min([facility.i, *(c.left_edge.i for c in facility.lefts if c.dep_ in MODIFIER_DEPS)])
    names = name_runs(doc[start : facility.i])
    preps = {"of"} if facility_kind(facility) in SENT_BY_OWNER else PLACE_PREPS
    for prep in facility.rights:
        if prep.dep_ == "prep" and prep.lower_ in preps:
            for pobj in (child for child in prep.children if child.dep_ == "pobj"):
                names += name_runs(doc[pobj.left_edge.i : pobj.i + 1])
    return names


def earlier_names(doc: Doc, before: int, kind: str) -> list[Span] | None:
    """The name words of the last facility of ``kind`` named before token ``before`` (None if the
    text named none)."""
    for i in range(before - 1, -1, -1):
        if facility_kind(doc[i]) == kind and (names := facility_names(doc[i])):
            return names
    return None


def sub_names(name: Span) -> Iterator[Span]:
    """A name's word sequences, longest first: "Kotoka International", "Kotoka", "International"."""
    for size in range(len(name), 0, -1):
        for start in range(name.start, name.end - size + 1):
            yield name.doc[start : start + size]


def is_persons_role(role: Token, is_person: Callable[[int], bool]) -> bool:
    """Whether the phrase headed by ``role`` is a person's: the name itself ("airport protocol
    officer Ana Ruiz") or a role in apposition to a name, either way round."""
    if is_person(role.i) or role.dep_ == "appos" and is_person(role.head.i):
        return True
    return any(child.dep_ == "appos" and is_person(child.i) for child in role.children)


class FacilityStaff:
    """The resolver's reading of a facility in a person's role (mixed into
    ``resolver._DocResolver``, whose entities and country readers it uses)."""

    def _facility_country(self, role: Token, start: int) -> str | None:
        """The country of the person whose role phrase starts at ``start`` and is headed by
        ``role`` (the role noun, or the name after its title), from the facility it names."""
        if not is_persons_role(role, self._is_person_at):
            return None
        ent = self.ent_at.get(role.i)
        end = ent.start if ent is not None and ent.label_ == "PERSON" else role.i
        facility = facility_in_role(self.doc, start, end)
        if facility is None:
            return None
        names = name_runs(self.doc[start : facility.i]) or earlier_names(self.doc, start, facility_kind(facility)) or []
        for sub in (sub for name in names for sub in sub_names(name)):
            if country := self._place_country(sub):
                return country
        return None

    def _is_person_at(self, i: int) -> bool:
        ent = self.ent_at.get(i)
        return ent is not None and ent.label_ == "PERSON"

    def _place_country(self, name: Span) -> str | None:
        """The country of a place named by ``name``: a place entity (not a person's name: "John
        Radcliffe Hospital"), a country or demonym, a capital or place in the knowledge base, a
        region, or a city of the gazetteer in a country the text names (its alternate names make
        "Kennedy" a district of Bogotá)."""
        ent = self.ent_at.get(name.start)
        whole = ent is not None and (ent.start, ent.end) == (name.start, name.end) and ent.label_ in PLACE_LABELS
        if whole and (country := self._country_of_ent(ent)):
            return country
        text = name.text
        found = self._country_of_word(text) or next((e.country for e in self.kb.lookup(text) if e.type == "place"), None)
        if found or (found := self._region_country(text)):
            return found
        place = self.gazetteer.lookup(text) if self.gazetteer is not None else None
        return place.country if place is not None and place.country in self._document_countries() else None
