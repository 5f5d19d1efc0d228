"""Coreference inside one document: later mentions that refer back to a person named earlier.

* a surname or full name repeated ("Quintero" after "Senator Rosalba Quintero");
* a bare surname never introduced, when one office-holder of that surname serves in a country the
  document names ("Ortega and Murillo");
* a title that gives no country ("Prime Minister Johnson" after "Boris Johnson");
* a definite title ("the Colombian leader") and a personal pronoun, when one person fits; not a
  phrase whose head noun heads an earlier mention with a country ("the embassy" after "the US
  Embassy"): the document model's head match settles that one (coding/document/entities.py);
* a group without a country named around a person ("his government").

A definite title or an object pronoun never refers to another argument of its own clause (see
clauses.py). ``Coreference`` is a mixin of the resolver's per-document class: it reads ``doc``,
``kb``, ``date``, ``ent_at`` and the resolver's helpers ``_copy``, ``_from_entry``,
``_positions_of`` and ``_document_countries``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from spacy.parts_of_speech import PRON
from spacy.tokens import Span, Token

from detente.coding.actors.clauses import bound_in_clause
from detente.coding.actors.kb import NON_STATE, ActorEntry
from detente.coding.actors.mentions import ActorMention

PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
PERSON_TITLE_SECTORS = {"GOV", "OPP", "LEG", "JUD", "PTY", "ELI", "MIL", "REB"}
DEFINITE = {"the", "this", "that"}


class Coreference:
    def _coreference(self, mentions: list[ActorMention], unresolved: list[tuple[Span, Token]]) -> list[ActorMention]:
        """``mentions`` completed by what refers back: ``unresolved`` person names, titles, pronouns."""
        extra: list[ActorMention] = []
        for ent, head in unresolved:
            earlier = [m for m in mentions if m.kind == "person" and m.token_start < ent.start and m.name]
            surname = ent[-1].text
            matches = {m.entry_id or m.name: m for m in earlier if m.name.split()[-1] == surname or m.name == ent.text}
            if len(matches) == 1:
                source = next(iter(matches.values()))
                extra.append(self._copy(source, ent.start, ent.end, ent.root))
            elif not matches and len(ent) == 1 and (entry := self._office_holder_named(surname)) is not None:
                extra.append(self._from_entry(entry, ent.start, ent.end, ent.root, "kb"))
        resolved = sorted(mentions + extra, key=lambda m: m.token_start)
        final: list[ActorMention] = []
        for mention in resolved:
            if mention.country is None and mention.kind == "person":
                mention = self._surname_coref(mention, final) or mention
            final.append(self._title_coref(mention, final) or mention)
        final.extend(self._pronouns(final))
        final.sort(key=lambda m: m.token_start)
        return self._fill_from_inner(final)

    def _office_holder_named(self, surname: str) -> ActorEntry | None:
        """A bare surname never introduced by its full name ("Ortega and Murillo" in a statement on
        Nicaragua): the one known person of that surname who held a dated role on the date in a
        country the document names."""
        if self.date is None:
            return None
        countries = self._document_countries()
        found = [
            entry
            for entry in self.kb.by_surname(surname)
            if entry.country in countries and any(r.dated and r.covers(self.date) for r in entry.roles)
        ]
        return found[0] if len(found) == 1 else None

    def _surname_coref(self, mention: ActorMention, earlier: list[ActorMention]) -> ActorMention | None:
        """"Prime Minister Johnson" after "Boris Johnson": a title that gives no country does not
        hide the one earlier person of that surname."""
        ent = self.ent_at.get(mention.head)
        if ent is None or ent.label_ != "PERSON":
            return None
        surname = ent[-1].text
        matches = {m.entry_id or m.name: m for m in earlier if m.kind == "person" and m.country and m.name and m.name.split()[-1] == surname}
        if len(matches) != 1:
            return None
        return self._copy(next(iter(matches.values())), mention.token_start, mention.token_end, self.doc[mention.head])

    def _fill_from_inner(self, mentions: list[ActorMention]) -> list[ActorMention]:
        """"his government" after "Petro": a group without a country takes that of an actor
        named inside its phrase (here the possessive pronoun resolved to Petro)."""
        filled = []
        for mention in mentions:
            if mention.country is None and mention.via == "context" and mention.sector:
                inner = [
                    m
                    for m in mentions
                    if m is not mention
                    and mention.token_start <= m.token_start
                    and m.token_end <= mention.head
                    and m.country
                    and m.country not in NON_STATE
                ]
                if inner:
                    country = inner[0].country
                    mention = replace(mention, country=country, code=f"{country}{mention.sector}")
            filled.append(mention)
        return filled

    def _title_coref(self, mention: ActorMention, earlier: list[ActorMention]) -> ActorMention | None:
        """"the Colombian leader" -> the one Colombian person with a matching role named earlier."""
        head = self.doc[mention.head]
        if mention.via != "context" or mention.name or head.tag_ != "NN":
            return None
        if mention.sector not in PERSON_TITLE_SECTORS:
            return None
        if not any(t.lower_ in DEFINITE for t in self.doc[mention.token_start : mention.head]):
            return None
        lemma = head.lemma_.lower()
        if mention.country is None and any(m.country and self.doc[m.head].lemma_.lower() == lemma for m in earlier):
            return None  # "the embassy" after "the US Embassy": the same head, not a person (head match,
            # in the document model: coding/document/entities.py)
        candidates = {
            m.entry_id or m.name: m
            for m in earlier
            if m.kind == "person"
            and m.name
            and (mention.country is None or m.country == mention.country)
            and (m.sector == mention.sector or mention.sector == "GOV" and m.sector in PERSON_TITLE_SECTORS)
            and not bound_in_clause(head, self.doc[m.head])  # "Mubarak met the envoy": not Mubarak
        }
        if len(candidates) != 1:
            return None
        source = next(iter(candidates.values()))
        return self._copy(source, mention.token_start, mention.token_end, head)

    def _pronouns(self, mentions: list[ActorMention]) -> Iterable[ActorMention]:
        persons = [m for m in mentions if m.kind == "person" and m.name]
        if not persons:
            return
        for i in self._positions_of(PRON):
            token = self.doc[i]
            if token.lower_ not in PERSON_PRONOUNS:
                continue
            sent = token.sent
            previous = self._previous_sentence(sent)
            window_start = previous.start if previous is not None else sent.start
            candidates = {
                m.entry_id or m.name: m
                for m in persons
                if window_start <= m.token_start < token.i and not bound_in_clause(token, self.doc[m.head])
            }
            if len(candidates) == 1:
                yield self._copy(next(iter(candidates.values())), token.i, token.i + 1, token)

    def _previous_sentence(self, sent: Span) -> Span | None:
        if sent.start == 0:
            return None
        previous = self.doc[sent.start - 1].sent
        while previous.start > 0 and not previous.text.strip():
            previous = self.doc[previous.start - 1].sent
        return previous
