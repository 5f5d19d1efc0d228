"""A person's role given in a parenthesis after the name, the way lists of officials are written:

* "Marta Ruiz (Pemex, state oil company, president)", "Tomás Vega (PDVSA president)": the
  person speaks for a known organisation and takes its code;
* "Several Peruvian ministers attended: Rosa Ticona (Agriculture), Jorge Quispe (Health)": the
  portfolio names the office, and the noun that introduces the list ("Peruvian ministers") gives
  the country and the sector.

These functions only find the parts in the parse; the resolver codes them.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from detente.coding.actors.kb import NON_STATE


def parenthesis_after(name: Span) -> Span | None:
    """The words between the brackets that directly follow ``name`` in its sentence, else None."""
    doc = name.doc
    sent_end = name.sent.end
    if name.end >= sent_end or doc[name.end].text != "(":
        return None
    depth = 0
    for i in range(name.end, sent_end):
        depth += {"(": 1, ")": -1}.get(doc[i].text, 0)
        if depth == 0:
            return doc[name.end + 1 : i] if i > name.end + 1 else None
    return None


def items(inside: Span) -> list[Span]:
    """The comma-separated items of a parenthesis: "Pemex, state oil company, president"."""
    found, start = [], inside.start
    for token in [*inside, None]:
        if token is None or token.text in (",", ";"):
            end = token.i if token is not None else inside.end
            if end > start:
                found.append(inside.doc[start:end])
            start = end + 1
    return found


def list_introducer(name: Span) -> Token | None:
    """The plural noun that introduces the list ``name`` stands in: "ministers" in "Several
    Peruvian ministers attended the signing: Rosa Ticona (Agriculture), ...". Only a noun before
    the last colon ahead of the name, in the same sentence."""
    doc = name.doc
    colon = next((i for i in range(name.start - 1, name.sent.start - 1, -1) if doc[i].text == ":"), None)
    if colon is None:
        return None
    nouns = [t for t in doc[name.sent.start : colon] if t.tag_ in ("NNS", "NNPS") and t.pos_ == "NOUN"]
    return nouns[-1] if nouns else None


class ParentheticalRoles:
    """The resolver's reading of a role in brackets (mixed into ``resolver._DocResolver``, whose
    knowledge base, sector lexicon and context readers it uses)."""

    def _known_org(self, ent: Span | None):
        """The knowledge-base entry of a known organisation (a company, party, group, ministry or
        international body) named by ``ent``, not of a place."""
        if ent is None or ent.label_ != "ORG":
            return None
        entry = self._kb_entry(ent, None)
        return None if entry is None or entry.type in ("country", "place") else entry

    def _parenthetical_role(self, name: Span, own_title: str | None = None) -> tuple[str, str | None, str | None] | None:
        """(code, country, sector) of the person ``name`` from a role in brackets after it.
        ``own_title`` is the sector of a title the person bears outside the brackets: with a
        party in them ("the mayor Ana Ruiz (PSDB)") the party gives the country, the title the
        office."""
        inside = parenthesis_after(name)
        if inside is None:
            return None
        ents = [e for e in name.doc.ents if inside.start <= e.start and e.end <= inside.end]
        for ent in ents:
            entry = self._known_org(ent)
            if entry is not None:  # "(Pemex, state oil company, president)": speaks for Pemex
                if entry.type == "party" and own_title is not None and entry.country not in NON_STATE:
                    return f"{entry.country}{own_title}", entry.country, own_title
                code, sector = entry.coding_at(self.date)
                return code, entry.country, sector
        if any(ent.label_ == "ORG" for ent in ents):
            return None  # the role is in a body we do not know: its title says nothing of a state
        country = next((c for e in ents if (c := self._country_of_ent(e))), None)
        introducer = list_introducer(name)
        sector = self._role_sector(inside, introducer)
        if introducer is not None:
            start, end = self._span_of(introducer)
            hit = self._sector(introducer, start)
            country = country or self._context_country(introducer, start, end, exclude=None)
            sector = sector or (hit[0] if hit is not None else None)
        return (f"{country}{sector or ''}", country, sector) if country and sector else None

    def _role_sector(self, inside: Span, introducer: Token | None) -> str | None:
        """The sector of a title in brackets ("president"), or of a portfolio read with the
        list's noun ("Agriculture" among "ministers": "minister of agriculture")."""
        title = introducer.lemma_.lower() if introducer is not None else None
        for item in items(inside):
            words = [t.lower_ for t in item if not t.is_punct]
            hit = self.sectors.longest_suffix(words)
            if hit is not None and hit[1] == len(words) or hit is not None and title is None:
                return hit[0]
            if title is not None:
                phrase = " ".join(words)
                for form in (f"{title} of {phrase}", f"{phrase} {title}", f"{title} for {phrase}"):
                    if (sector := self.sectors.get(form)) is not None:
                        return sector
        return None
