"""Who did it to whom: actor and recipient of an event from the dependency parse.

Handles active and passive voice (the "by" agent of a passive is the actor), coordinated actors
(lists stay lists), "between A and B" and "with B" (symmetric events), possessives and compounds
of nominal events ("Russia's advances", "U.S. sanctions"), and the implied actor of a verb or
noun with no subject of its own: the subject of the verb it is conjoined with or controlled by
("Colombia distanced itself ..., refrained from engaging with Cuba"), or the actor of the noun it
completes ("decisions by the council to disqualify the party").
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace

from spacy.tokens import Token

from detente.coding.actors.kb import NON_STATE
from detente.coding.actors.mentions import ActorMention
from detente.coding.modality import OCCURRENCE_VERBS, SPEECH_VERBS, base_forms

RECIPIENT_PREPS = ("with", "to", "against", "on", "toward", "towards", "from", "at", "into", "over", "upon", "for", "of", "onto", "across", "between")
NOUN_RECIPIENT_PREPS = ("with", "against", "on", "for", "to", "toward", "towards", "from", "of", "over", "into", "upon", "at")
OBJECT_CONTROL = {"urge", "ask", "force", "order", "persuade", "allow", "help", "encourage", "press", "pressure", "call", "invite", "tell", "compel", "instruct", "permit", "enable", "lead", "see", "want", "expect", "request", "authorize", "authorise"}
SYMMETRIC_ROOTS = {"03", "04", "05", "06", "19"}
VERBAL_ROOTS = {"01", "02", "03", "10", "11", "12", "13"}
OWN_FORCE_ROOTS = {"15"}  # force posture: alerts, mobilisations, deployments, exercises
TARGETED_ROOTS = {"11", "12", "13"}  # disapproval, rejection, threats: aimed at someone, not told to an audience
# "Qatar and Egypt mediated", "the UN and the EU welcomed the deal": both act, neither is the
# other's recipient
NOT_SPLIT = {"045", "039", "038", "0255", "051", "052", "053", "055", "056"}
# events whose "in X" names the country they target: aid, visits, deployments, coercion, violence
IN_TARGET_ROOTS = {"07", "15", "16", "17", "18", "19", "20"}


def _in_targets(root: str, code: str | None = None) -> bool:
    return root in IN_TARGET_ROOTS or code == "042"
OBJECT_PREPS = ("on", "against", "to", "with", "for", "toward", "towards", "over", "from", "into", "at", "between")
LIGHT_VERB_DEPS = {"dobj", "nsubjpass"}
REFLEXIVES = {"itself", "themselves", "himself", "herself", "oneself"}
SPEAKER_PRONOUNS = {"it", "they", "we"}
# verbs whose subject speaks for what follows ("said it would", "signalled it was ready")
SPEAKING = SPEECH_VERBS | {"signal", "warn", "vow", "pledge", "promise", "threaten", "deny", "insist", "reiterate", "hint"}


@dataclass
class Arguments:
    actors: list[ActorMention]
    recipients: list[ActorMention]
    symmetric: bool = False


class MentionIndex:
    """Actor mentions by token index."""

    def __init__(self, mentions: list[ActorMention]) -> None:
        self.by_token: dict[int, ActorMention] = {}
        self.groups: dict[tuple[int, int], list[ActorMention]] = {}
        for mention in mentions:
            self.groups.setdefault((mention.token_start, mention.token_end), []).append(mention)
            for i in range(mention.token_start, mention.token_end):
                self.by_token.setdefault(i, mention)

    def _group(self, mention: ActorMention) -> list[ActorMention]:
        return self.groups.get((mention.token_start, mention.token_end), [mention])

    def at(self, token: Token, *, inside: bool = True) -> list[ActorMention]:
        """Actors of the phrase headed by ``token``, its conjuncts included; with ``inside``, also
        an actor modifying a non-actor head ("U.S. counterinsurgency efforts")."""
        found: list[ActorMention] = []
        for node in _with_conjuncts(token):
            mention = self.by_token.get(node.i)
            mentions = [mention] if mention is not None else self._inside(node) if inside else []
            for mention in mentions:
                found += [m for m in self._group(mention) if m not in found]
        return found

    def _inside(self, token: Token) -> list[ActorMention]:
        """Actors inside a non-actor phrase: "U.S. counterinsurgency efforts" -> U.S.,
        "a request by Germany", "delegations from Russia and Ukraine" (both),
        "regional rival Japan's prime minister" (apposition)."""
        for child in token.lefts:
            if child.dep_ in ("poss", "compound", "amod", "nmod"):
                for node in child.subtree:
                    mention = self.by_token.get(node.i)
                    if mention is not None:
                        return [mention]
        for child in token.rights:
            if child.dep_ == "appos" and child.i in self.by_token:
                return [self.by_token[child.i]]
            if child.dep_ == "prep" and child.lower_ in ("of", "by", "from"):
                found = self._objects_of(child)
                if found:
                    return found
            if child.dep_ == "acl" and child.tag_ == "VBN":
                # "war crimes committed by Russian forces": the agent of the participle
                for agent in (c for c in child.children if c.dep_ == "agent"):
                    found = self._objects_of(agent)
                    if found:
                        return found
        return []

    def _objects_of(self, prep: Token) -> list[ActorMention]:
        """The actors a preposition governs, conjuncts included ("from Chile and Peru")."""
        for pobj in prep.children:
            if pobj.dep_ == "pobj" and pobj.i in self.by_token:
                return [self.by_token[node.i] for node in _with_conjuncts(pobj) if node.i in self.by_token]
        return []


def _with_conjuncts(token: Token) -> list[Token]:
    nodes = [token]
    for child in token.children:
        if child.dep_ == "conj":
            nodes.extend(_with_conjuncts(child))
        elif child.dep_ == "appos" and False:
            nodes.append(child)
    return nodes


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (
        verb.tag_ == "VBN" and verb.dep_ in ("acl", "xcomp", "ccomp", "oprd") and not any(c.dep_ == "aux" for c in verb.children)
    )


def _recipient_prep(word: str, root: str) -> bool:
    """"fired at protesters" has a target; "signed an accord at the White House" has a place."""
    return word in RECIPIENT_PREPS and _names_target(word, root)


def _names_target(word: str, root: str) -> bool:
    """"at" names a target only for conflict ("fired at protesters"); before that it is a place."""
    return word != "at" or root >= "14"


def _countries_in(head: Token, index: MentionIndex, actors: list[ActorMention]) -> list[ActorMention]:
    """Country-level actors of an "in X" phrase: "deployed troops in Syria", "arrived in Nepal"."""
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "inside", "into"):
            for pobj in prep.children:
                found = [m for m in index.at(pobj, inside=False) if m.kind in ("country", "place") and m not in actors]
                if found:
                    return found
    return []


def verb_arguments(verb: Token, index: MentionIndex, root: str, code: str | None = None) -> Arguments:
    passive = is_passive(verb)
    actors: list[ActorMention] = []
    recipients: list[ActorMention] = []
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj") and not passive:
            actors += index.at(child)
        elif child.dep_ == "nsubjpass" or (passive and child.dep_ == "nsubj"):
            recipients += index.at(child)
        elif child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    actors += index.at(pobj)
    if not actors and not passive:
        actors = speaker_pronoun(verb, index)
    if not actors and not (passive and any(c.dep_ == "agent" for c in verb.children)):
        actors = implied_actors(verb, index, passive)
    if passive and not recipients and verb.dep_ in ("acl", "xcomp", "oprd", "ccomp"):
        recipients = index.at(verb.head) if verb.dep_ == "acl" else _object_of(verb.head, index)
    symmetric = False
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative", "iobj", "attr", "oprd") and c.lemma_ not in REFLEXIVES]
    if not passive:
        for child in objects:
            if any(d.dep_ == "poss" and d.lower_ in ("its", "their") for d in child.children):
                continue  # "strengthened its forces in Crimea": its own forces are not the target
            recipients += index.at(child, inside=False)
    if not recipients and not passive:
        # "allowed IAEA inspectors into the plant", "rejected Erdogan's call": a name inside the
        # object beats a later phrase; but not the actor's own side ("lifted U.S. sanctions",
        # "closed Venezuela's borders"), nor when the object names its own target ("sanctions on
        # Syria", "aid to Colombia")
        own = {a.country for a in actors if a.country}
        for child in objects:
            if any(c.dep_ == "prep" and c.lower_ in OBJECT_PREPS for c in child.children):
                continue
            recipients += [m for m in index.at(child) if m.via == "kb" and m not in actors and m.country not in own]
    if not recipients:
        for prep in (c for c in verb.children if c.dep_ in ("prep", "dative", "agent") and _recipient_prep(c.lower_, root)):
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    found = index.at(pobj)
                    recipients += found
                    symmetric = symmetric or (prep.lower_ == "with" and bool(found))
            if recipients:
                if prep.lower_ == "to" and root in TARGETED_ROOTS and all(r.sector == "MED" for r in recipients):
                    recipients = _complement_agents(verb, index, actors) or recipients
                break
    if not recipients and _in_targets(root, code):
        recipients = _countries_in(verb, index, actors)
    if not recipients and not passive:
        recipients, with_prep = _recipient_inside_object(verb, index, root)
        symmetric = symmetric or with_prep  # "held talks with Laos"
        if not recipients:
            for child in objects:
                recipients += index.at(child)
    if recipients and all(r.country is None for r in recipients):
        # "expelled diplomats from Argentina and Chile": the countries beat the bare group
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "from", "of")):
            countries = [m for pobj in prep.children if pobj.dep_ == "pobj" for m in index.at(pobj) if m.country]
            if countries:
                recipients = countries
                break
    if not recipients and root in VERBAL_ROOTS:
        # "demanded that Russia withdraw", "urged Serbia to talk": the addressee is the clause's subject
        for child in verb.children:
            if child.dep_ in ("ccomp", "xcomp"):
                subject = next((c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subject is not None:
                    recipients = [m for m in index.at(subject) if m not in actors]
                    break
    if not recipients:
        # "decided to ease sanctions on North Korea": the complement's target
        for child in verb.children:
            if child.dep_ == "xcomp" and child.pos_ == "VERB":
                recipients = [m for m in verb_arguments(child, index, root).recipients if m.via != "unresolved" and m not in actors]
                if recipients:
                    break
    if passive and root in OWN_FORCE_ROOTS and not actors and not any(c.dep_ == "agent" for c in verb.children):
        # "the army was placed on high alert", "warships were sent to the strait": a show of force
        # is made with one's own forces, so the forces' side acts; whom it is aimed at is open
        actors, recipients = [r for r in recipients if r.country], []
    if not actors:
        subject = next((c for c in verb.children if c.dep_ == ("agent" if passive else "nsubj")), None)
        if subject is not None and subject.dep_ == "agent":
            subject = next((c for c in subject.children if c.dep_ == "pobj"), None)
        actors = unresolved(subject)
    if not recipients:
        target = next((c for c in verb.children if c.dep_ == ("nsubjpass" if passive else "dobj")), None)
        if root in VERBAL_ROOTS or root in ("04", "05"):
            # verbal acts: the object is what is said ("expressed concern", "offered condolences");
            # whom or what it is about follows a preposition
            addressee = _addressee(verb, target, code or root)
            if addressee is not None:
                target = addressee
                recipients = [m for m in index.at(addressee) if m not in actors]
        recipients = recipients or unresolved(target)
    return _finish(actors, recipients, symmetric, root, code)


def _complement_agents(verb: Token, index: MentionIndex, actors: list[ActorMention]) -> list[ActorMention]:
    """"complained to the press that he was punched by the prime minister": the press is the
    audience; the complaint is aimed at whoever did what the clause says (its subject, or the
    agent of a passive clause), when that is not the speaker."""
    own = {a.entry_id or a.name for a in actors if a.entry_id or a.name}
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        if is_passive(clause):
            agents = [p for agent in clause.children if agent.dep_ == "agent" for p in agent.children if p.dep_ == "pobj"]
        else:
            agents = [c for c in clause.children if c.dep_ == "nsubj"]
        found = [m for agent in agents for m in index.at(agent) if m.country and (m.entry_id or m.name) not in own]
        if found:
            return found
    return []


ADDRESSEE_PREPS = ("to", "with", "about", "over", "for", "against", "toward", "towards", "regarding", "on", "at")


def _addressee(verb: Token, obj: Token | None, code: str) -> Token | None:
    for head in (verb, obj):
        if head is None:
            continue
        for prep in head.children:
            if prep.lower_ == "at" and code[:2] in ("04", "05") and not code.startswith("042"):
                continue  # "met at the Kremlin", "signed an accord at the White House": a place (but "arrived at" a host)
            if prep.dep_ == "prep" and prep.lower_ in ADDRESSEE_PREPS and prep.i > head.i:
                pobj = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")), None)
                if pobj is not None and pobj.ent_type_ not in ("DATE", "TIME"):
                    return pobj
    return None


def unresolved(token: Token | None) -> list[ActorMention]:
    """A participant the coder cannot identify ("a car bomb", "18 people"): kept with code
    ``---`` so the evidence shows who was involved, and counted as no actor by the scores."""
    if token is None or token.pos_ not in ("NOUN", "PROPN") or token.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY"):
        return []
    span = token.doc[token.left_edge.i : token.i + 1]
    return [
        ActorMention(
            text=span.text, start=span.start_char, end=span.end_char, code="---", country=None, sector=None,
            name=None, via="unresolved", head=token.i, token_start=span.start, token_end=span.end,
        )
    ]


def _recipient_inside_object(verb: Token, index: MentionIndex, root: str) -> tuple[list[ActorMention], bool]:
    """The target hung on the object: "imposed sanctions on Sudan", "struck sites in Pakistan",
    "provided a list of people sought for extradition to the United States"."""
    preps = OBJECT_PREPS + (("in", "near", "across") if _in_targets(root) else ())
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        for node in obj.subtree:
            if node.dep_ == "prep" and node.lower_ in preps and node.i > obj.i and _names_target(node.lower_, root):
                for pobj in node.children:
                    if pobj.dep_ == "pobj":
                        found = index.at(pobj)
                        if found:
                            return found, node.lower_ == "with"
    return [], False


def _object_of(verb: Token, index: MentionIndex) -> list[ActorMention]:
    for child in verb.children:
        if child.dep_ == "dobj":
            return index.at(child)
    return []


def implied_actors(verb: Token, index: MentionIndex, passive: bool = False) -> list[ActorMention]:
    """The actor of a verb with no subject of its own, from the verb or noun it depends on."""
    node = verb
    for _ in range(6):
        head = node.head
        if head.i == node.i:
            return []
        dep = node.dep_
        if dep in ("conj", "advcl", "pcomp", "prep", "acomp"):
            node = head  # "acomp": "X is due / ready to meet Y" goes up to the copula's subject
        elif dep == "xcomp":
            if head.lemma_.lower() in OBJECT_CONTROL:
                obj = _object_of(head, index)
                if obj:
                    return obj
            if is_passive(head):
                # "X is expected / set / was asked to visit Y": the passive subject does it
                subject = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
                if subject is not None:
                    return index.at(subject)
            node = head
        elif dep == "pobj":
            node = head
        elif dep == "relcl":
            if any(c.dep_ in ("nsubj",) and c.tag_ in ("WP", "WDT") for c in verb.children) or not passive:
                return index.at(head)
            return []
        elif dep in ("acl", "dobj", "attr", "oprd") and head.pos_ in ("NOUN", "PROPN") or dep == "acl":
            return noun_actors(head, index, light_verbs_only=False)
        else:
            return []
        if node.pos_ in ("VERB", "AUX"):
            found = _subject(node, index)
            if found:
                return found
            if any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in node.children):
                return []
        elif node.pos_ in ("NOUN", "PROPN") and dep != "pobj":
            return noun_actors(node, index, light_verbs_only=False)
    return []


def speaker_pronoun(verb: Token, index: MentionIndex) -> list[ActorMention]:
    """"The Houthis said they would attack ...", "'We will respond,' Iran said", "Washington
    signalled it was prepared to ...": a subject pronoun in what someone says is the speaker."""
    node = verb
    for _ in range(5):  # up a control chain: "it was ready to release", "they were committed to concluding"
        subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None or node.dep_ not in ("xcomp", "acomp", "pcomp", "prep") or node.head.i == node.i:
            break
        node = node.head
    if subject is None or subject.dep_ != "nsubj" or subject.lower_ not in SPEAKER_PRONOUNS:
        return []
    for _ in range(4):
        if node.dep_ not in ("ccomp", "xcomp", "conj", "advcl", "parataxis") or node.head.i == node.i:
            return []
        node = node.head
        if node.pos_ not in ("VERB", "AUX"):
            continue
        if base_forms(node) & SPEAKING:
            return _subject(node, index)
        if any(c.dep_ == "nsubj" for c in node.children):
            # "the RSF could commit atrocities if it storms the city": the nearer subject
            return _subject(node, index)
    return []


def _subject(verb: Token, index: MentionIndex) -> list[ActorMention]:
    passive = is_passive(verb)
    for child in verb.children:
        if child.dep_ == "nsubj" and not passive:
            return index.at(child)
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return index.at(pobj)
    return []


def noun_actors(
    noun: Token, index: MentionIndex, *, light_verbs_only: bool = True, root: str = "00", reported: bool = False
) -> list[ActorMention]:
    """The actor of a nominal event: possessor, compound, "by" agent, or the light verb's subject."""
    found: list[ActorMention] = []
    for child in noun.children:
        if child.dep_ == "poss" or (child.dep_ in ("compound", "amod", "nmod") and child.i < noun.i):
            found += [m for m in index.at(child) if m not in found]
        elif child.dep_ == "prep" and child.lower_ == "by":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    found += index.at(pobj)
    if not found and noun.i > 0 and noun.doc[noun.i - 1].dep_ == "case":
        # "China and Russia's support", even when the parser hangs "support" elsewhere
        possessor = noun.doc[noun.i - 1].head
        group = [possessor.head] if possessor.dep_ == "conj" else []
        for node in group or [possessor]:
            found += [m for m in index.at(node) if m not in found]
    if found:
        return found
    head = noun.head
    if noun.dep_ in LIGHT_VERB_DEPS | {"attr"} and head.pos_ in ("VERB", "AUX"):
        if noun.dep_ == "nsubjpass" or reported:
            # ``reported``: the verb is an event of its own ("condemned the attack"), and its
            # subject did that, not the attack
            return []
        return _subject(head, index) or implied_actors(head, index)
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ == "NOUN" and not light_verbs_only:
        return noun_actors(head.head, index)
    if (
        noun.dep_ == "pobj"
        and head.lower_ in ("during", "at", "after", "following")
        and head.head.pos_ == "VERB"
        and "03" <= root <= "06"
    ):
        # "praised Pakistan during talks in Islamabad": the talks are the praiser's
        return _subject(head.head, index) or implied_actors(head.head, index)
    return []


def noun_arguments(noun: Token, index: MentionIndex, root: str, *, reported: bool = False) -> Arguments:
    """Actors and recipients of an event noun; ``reported`` when the verb governing it codes an
    event of its own ("condemned the attack", "denied the killing")."""
    heads = [noun]
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.lemma_.lower() in OCCURRENCE_VERBS:
        heads.append(noun.head)  # "clashes broke out between A and B"
    for child in (c for head in heads for c in head.children):
        if child.dep_ == "prep" and child.lower_ == "between":
            parties: list[ActorMention] = []
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    parties += index.at(pobj)
            if parties:
                return Arguments(parties[:1], parties[1:], symmetric=True)
    actors = noun_actors(noun, index, root=root, reported=reported)
    recipients: list[ActorMention] = []
    symmetric = False
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in NOUN_RECIPIENT_PREPS:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    found = [m for m in index.at(pobj) if m not in actors]
                    recipients += found
                    symmetric = symmetric or (child.lower_ == "with" and bool(found))
        elif child.dep_ == "prep" and child.lower_ == "in" and _in_targets(root):
            recipients += _countries_in(noun, index, actors)
        if recipients:
            break
    if not recipients and noun.dep_ in LIGHT_VERB_DEPS and noun.head.pos_ == "VERB":
        for other in noun.head.children:
            if other.dep_ in ("dative", "iobj") and other.pos_ != "ADP":
                recipients += [m for m in index.at(other) if m not in actors]  # "gave Putin a warning"
        for prep in noun.head.children if not recipients else ():
            if prep.dep_ == "prep" and prep.lower_ in RECIPIENT_PREPS:
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        found = [m for m in index.at(pobj) if m not in actors]
                        recipients += found
                        symmetric = symmetric or (prep.lower_ == "with" and bool(found))
                if recipients:
                    break
    return _finish(actors, recipients, symmetric, root)


def _finish(actors: list[ActorMention], recipients: list[ActorMention], symmetric: bool, root: str, code: str | None = None) -> Arguments:
    recipients = [r for r in recipients if not any(r.token_start == a.token_start for a in actors)]
    actors = _domestic(actors, recipients)
    recipients = _domestic(recipients, actors)
    if not recipients and len(actors) > 1 and root in SYMMETRIC_ROOTS and code not in NOT_SPLIT:
        return Arguments(actors[:1], actors[1:], symmetric=True)
    return Arguments(actors, recipients, symmetric=symmetric and root in SYMMETRIC_ROOTS)


def _domestic(side: list[ActorMention], other: list[ActorMention]) -> list[ActorMention]:
    """Unnamed groups take the country of the other party: in "Tunisia's electoral commission
    disqualified three candidates", the candidates are Tunisian (a domestic dyad)."""
    countries = [m.country for m in other if m.country and m.country not in NON_STATE]
    if not countries:
        return side
    filled = []
    for mention in side:
        if mention.country is None and mention.sector and mention.via == "context":
            mention = replace(mention, country=countries[0], code=f"{countries[0]}{mention.sector}")
        filled.append(mention)
    return filled


def located(args: Arguments, country: str, *, skip_sectors: Collection[str] = ()) -> Arguments:
    """Unnamed groups at a located event belong to that place: "protesters rallied in Jakarta"
    (except groups of ``skip_sectors``)."""
    if country in NON_STATE:
        return args

    def fill(side: list[ActorMention]) -> list[ActorMention]:
        return [
            replace(m, country=country, code=f"{country}{m.sector}")
            if m.country is None and m.sector and m.via == "context" and m.sector not in skip_sectors
            else m
            for m in side
        ]

    return Arguments(fill(args.actors), fill(args.recipients), args.symmetric)
