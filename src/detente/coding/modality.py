"""Modality and attribution: did the text say the event happened, and who says so?

Modality walks up the dependency tree from the trigger through complement edges (xcomp, ccomp,
advcl, conj, acl, prep/pcomp/pobj, dobj) and collects markers on the way:

* negation: "not"/"never" on the trigger (or the verb whose auxiliaries it shares), "no" on a
  nominal event, or a governor of refusal ("refused to sign", "refrained from engaging");
* hypothetical: modal auxiliaries (could, might, may, would, should), conditional clauses (if,
  unless), hedging modifiers (potential, possible, potentially), and governors of hope, fear,
  wish and expectation ("hoping to see X arrested", "fears of an invasion");
* future: will/shall, "going to", and governors of plans and intent ("plans to", "is set to",
  "vowed to", "threatened to").

Subjects are presupposed: the walk stops when it leaves a subject (in "the decision to ban the
party may be illegal", "may" does not make the ban hypothetical).

Attribution: a trigger inside the complement of a speech verb is ``quoted`` when the speaker is
named, ``reported`` when the source is vague ("sources said", "observers suggest"); hedging
adverbs ("reportedly") and "according to reports" also make it ``reported``.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

ASSERTED, NEGATED, HYPOTHETICAL, FUTURE = "asserted", "negated", "hypothetical", "future"

CLIMB_DEPS = {"xcomp", "ccomp", "advcl", "conj", "acl", "prep", "pcomp", "pobj", "dobj", "oprd", "attr", "relcl", "parataxis", "appos", "agent", "dative", "npadvmod", "advmod"}
STOP_DEPS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl", "ROOT", "relcl", "appos"}
# verbs that only say a nominal event happened: "the meeting took place", "talks were held",
# "clashes broke out" (the noun carries the event; the verb its date, place and modality)
OCCURRENCE_VERBS = {
    "take", "hold", "occur", "happen", "come", "begin", "start", "end", "conclude", "continue", "resume",
    "go", "proceed", "unfold", "break", "erupt", "flare", "rage", "intensify", "escalate", "materialise", "materialize",
}
ADJUNCT_PREPS = {"during", "after", "before", "amid", "since", "following", "despite", "at", "in", "on", "throughout", "ahead", "until", "within"}
NEGATORS = {"not", "n't", "never", "no", "nobody", "nothing", "neither", "nor", "without"}
HYPOTHETICAL_AUX = {"could", "might", "may", "would", "should", "must", "ought", "can"}
FUTURE_AUX = {"will", "shall", "'ll", "wo"}
CONDITIONAL_MARKS = {"if", "unless", "whether", "lest"}
HEDGE_MODIFIERS = {
    "potential", "possible", "potentially", "possibly", "perhaps", "maybe", "hypothetical", "likely",
    "probable", "probably", "eventual", "prospective", "would-be", "feared", "hoped", "rumored", "rumoured",
}
FUTURE_MODIFIERS = {"planned", "upcoming", "proposed", "scheduled", "forthcoming", "impending", "expected", "next", "future", "imminent", "looming"}
NEGATING_GOVERNORS = {
    "refuse", "decline", "fail", "refrain", "reject", "avoid", "deny", "abstain", "cancel", "postpone",
    "halt", "stop", "cease", "quit", "abandon", "forgo", "rule", "resist", "prevent", "block", "bar",
}
HYPOTHETICAL_GOVERNORS = {
    "hope", "wish", "want", "fear", "envision", "envisage", "imagine", "dream", "anticipate",
    "consider", "contemplate", "seek", "try", "attempt", "urge", "ask", "call", "demand", "push",
    "propose", "suggest", "recommend", "insist", "like", "prefer", "need", "risk", "warn",
    "could", "hypothesize", "speculate", "worry", "pave",
    "accuse", "allege", "suspect", "blame", "charge", "accusation", "allegation", "suspicion",
    "hope", "hoping", "hopes", "fears", "possibility", "prospect", "chance", "risk", "likelihood",
    "danger", "fear", "hope", "expectation", "call", "demand", "proposal", "bid",
    "attempt", "effort", "push", "wish", "desire", "scenario", "idea", "option", "suggestion",
    "likely", "unlikely",  # "is likely to reject": a forecast by others, not an announced plan
}
REFUSING_GOVERNORS = {"refuse", "decline", "reject", "rule", "resist", "fail"}
WILLING = {"willing", "willingness", "ready", "readiness", "prepared"}
FUTURE_GOVERNORS = {
    "plan", "intend", "schedule", "set", "prepare", "threaten", "threat", "vow", "pledge", "promise", "agree",
    "aim", "resolve", "commit", "announce", "expect", "go", "offer", "undertake", "mean", "due",
    "intention", "plan", "commitment", "pledge", "promise", "willingness", "readiness", "offer",
    "determination", "resolve", "preparation", "agreement", "ready", "willing", "eager",
    "determined", "poised", "about", "able",
}
SPEECH_VERBS = {
    "say", "tell", "state", "announce", "claim", "add", "note", "insist", "argue", "stress", "declare",
    "report", "confirm", "assert", "allege", "write", "explain", "remark", "reply", "respond", "tweet",
    "post", "acknowledge", "admit", "emphasize", "emphasise", "indicate", "suggest", "believe", "think",
    "contend", "maintain", "reveal", "disclose", "quote", "cite", "estimate", "predict", "speculate",
}
VAGUE_SOURCES = {
    "source", "report", "observer", "analyst", "expert", "media", "press", "outlet", "witness", "resident",
    "rumor", "rumour", "account", "diplomat", "official", "insider", "critic", "commentator", "people",
    "some", "many", "others", "it", "they", "analysis", "newspaper", "agency", "document", "study",
    "poll", "leak", "estimate", "reporting", "observers", "speculation", "claim",
}
HEDGE_ADVERBS = {"reportedly", "allegedly", "purportedly", "apparently", "seemingly", "supposedly", "ostensibly", "rumoredly"}
# "alleged plots", "suspected war crimes", "purported attacks": an event noun the author reports
# without vouching for it
HEDGE_ADJECTIVES = {"alleged", "suspected", "purported", "supposed", "claimed", "rumored", "rumoured", "reported"}


def base_forms(token: Token) -> set[str]:
    """The lemma plus stems of the surface form: the small model sometimes lemmatises "hoped" as
    "hop", so governors are matched on "hoped" -> "hope" too."""
    word = token.lower_
    forms = {token.lemma_.lower(), word}
    if word.endswith("ied") and len(word) > 4:
        forms.add(word[:-3] + "y")  # readied -> ready
    for suffix in ("ing", "ed", "es", "s", "d"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            forms.update((stem, stem + "e"))
            if len(stem) > 2 and stem[-1] == stem[-2]:
                forms.add(stem[:-1])  # planned -> plan
    return forms


@dataclass(frozen=True, slots=True)
class Attribution:
    kind: str  # author | reported | quoted
    text: str | None = None
    speaker_head: int | None = None

    def as_record(self) -> dict:
        return {"kind": self.kind, "text": self.text}


@dataclass(frozen=True, slots=True)
class Mood:
    """The modality of an event, and what the wording commits its actor to.

    ``committed``: the actor says it will do it ("will meet", "plans to", "said it would allow"),
    which CAMEO codes as an expressed intent (03) or a threat (13). ``refused``: the actor says it
    will not, or refuses to ("will not lift the embargo", "refused to sign"), which CAMEO codes as
    a rejection (12).
    """

    value: str
    committed: bool = False
    refused: bool = False


def modality(trigger: Token) -> str:
    """``asserted``, ``negated``, ``hypothetical`` or ``future`` for the event at ``trigger``."""
    return analyse(trigger).value


def analyse(trigger: Token) -> Mood:
    negated = hypothetical = future = would = refusal = conditional = False
    node = trigger
    first = True
    while True:
        n, h, f = _local_markers(node, is_trigger=first)
        negated |= n
        hypothetical |= h
        future |= f
        would |= _has_aux(node, {"would", "'d", "will", "shall", "'ll", "wo"})
        if first and node.pos_ == "NOUN" and node.dep_ in ("nsubj", "nsubjpass") and base_forms(node.head) & OCCURRENCE_VERBS:
            node, first = node.head, False  # "a meeting could take place": the verb carries the modality
            continue
        if node.dep_ in STOP_DEPS or node.dep_ not in CLIMB_DEPS or node.head.i == node.i:
            break
        parent = node.head
        if node.dep_ == "prep" and node.lower_ in ADJUNCT_PREPS:
            break  # "declined to criticise Moscow during his visit": the visit itself happened
        if _is_speech(parent) and node.dep_ in ("ccomp", "parataxis"):
            break  # what a speaker says: attribution, not modality
        edge = node.dep_
        forms = base_forms(parent)
        if edge == "conj":
            # conjoined verbs share the first verb's auxiliaries ("will meet and discuss")
            _, h, f = _aux_markers(parent)
            hypothetical |= h
            future |= f
            would |= _has_aux(parent, {"would", "will", "shall", "'ll", "wo"})
        elif edge not in ("relcl", "appos", "advmod", "npadvmod", "dobj", "attr"):
            if forms & NEGATING_GOVERNORS and edge in ("xcomp", "pcomp", "prep", "pobj", "ccomp", "dobj"):
                negated = True
                refusal |= bool(forms & REFUSING_GOVERNORS)
            elif forms & HYPOTHETICAL_GOVERNORS:
                hypothetical = True
                conditional |= not bool(forms & WILLING)
            elif forms & FUTURE_GOVERNORS and edge in ("xcomp", "acl", "prep", "pobj", "pcomp", "ccomp"):
                future = True
        if edge == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in node.children):
            hypothetical = conditional = True
        first = False
        node = parent
    if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in trigger.children):
        conditional = True
    hedged = _hedged(trigger)
    if negated:
        return Mood(NEGATED, refused=refusal or (would and not conditional))
    committed = (future or would) and not conditional and not hedged
    if hypothetical:
        return Mood(HYPOTHETICAL, committed=committed and would)
    if future:
        return Mood(FUTURE, committed=committed)
    return Mood(ASSERTED)


def _has_aux(token: Token, words: set[str]) -> bool:
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in words for c in token.children)


def _hedged(token: Token) -> bool:
    """Modal verbs of possibility: "could attack", "might meet" commit nobody to anything."""
    return _has_aux(token, {"could", "might", "may", "can", "should", "must"}) or any(
        c.lower_ in HEDGE_MODIFIERS for c in token.children if c.dep_ in ("advmod", "amod")
    )


def _local_markers(token: Token, *, is_trigger: bool) -> tuple[bool, bool, bool]:
    negated, hypothetical, future = _aux_markers(token)
    for child in token.children:
        lower = child.lower_
        if child.dep_ in ("det", "amod", "advmod") and lower in HEDGE_MODIFIERS:
            hypothetical = True
        elif child.dep_ in ("amod", "advmod") and lower in FUTURE_MODIFIERS and token.pos_ == "NOUN":
            future = True
        elif child.dep_ == "det" and lower == "no" and token.pos_ == "NOUN":
            negated = True
        elif child.dep_ == "mark" and lower in CONDITIONAL_MARKS:
            hypothetical = True
    return negated, hypothetical, future


def _aux_markers(token: Token) -> tuple[bool, bool, bool]:
    negated = hypothetical = future = False
    children = list(token.children)
    for child in children:
        if child.dep_ in ("nsubj", "nsubjpass") and (
            child.lower_ in ("nobody", "none", "nothing") or any(d.dep_ == "det" and d.lower_ in ("no", "neither") for d in child.children)
        ):
            negated = True  # "no crown prince has visited", "neither side attacked"
        lower = child.lower_
        if child.dep_ == "neg" or (child.dep_ == "advmod" and lower in ("never", "not")):
            negated = True
        elif child.dep_ in ("aux", "auxpass"):
            if lower in FUTURE_AUX:
                future = True
            elif lower in HYPOTHETICAL_AUX:
                hypothetical = True
            elif lower == "to" and token.dep_ == "xcomp" and token.head.lemma_ == "go" and any(
                c.dep_ == "aux" and c.lemma_ == "be" for c in token.head.children
            ):
                future = True
    return negated, hypothetical, future


def _is_speech(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and bool(base_forms(token) & SPEECH_VERBS)


def attribution(trigger: Token) -> Attribution:
    """Who the event is attributed to: the author, a vague report, or a named speaker."""
    node = trigger
    while True:
        found = _hedge(node)
        if found is not None:
            return found
        parent = node.head
        if parent.i == node.i:
            break
        if _is_speech(parent) and node.dep_ in ("ccomp", "parataxis", "xcomp", "advcl"):
            return _speaker(parent)
        if node.dep_ == "parataxis" or any(c.dep_ == "parataxis" and _is_speech(c) for c in node.children):
            speech = next((c for c in node.children if c.dep_ == "parataxis" and _is_speech(c)), None)
            if speech is not None:
                return _speaker(speech)
        node = parent
    # "X attacked Y, the ministry said": the speech verb hangs off the root as parataxis/ccomp
    for child in node.children:
        if child.dep_ in ("parataxis", "ccomp") and _is_speech(child) and child.i > trigger.i:
            if not any(c.dep_ in ("ccomp",) for c in child.children):
                return _speaker(child)
    if _inside_quotation(trigger):
        # 'X cited "the ongoing repression of ..." as his motivation': someone else's words
        root = trigger.sent.root
        found = _speaker(root) if root.pos_ in ("VERB", "AUX") else Attribution("reported")
        return found if found.kind == "quoted" else Attribution("reported")
    return Attribution("author")


QUOTE_MARKS = {'"', "“", "”", "«", "»"}
MIN_QUOTED_WORDS = 3  # a scare-quoted word or name ("the so-called 'deal'") is not a quotation


def _inside_quotation(token: Token) -> bool:
    """Whether ``token`` lies inside a quotation of several words opened in its paragraph."""
    doc = token.doc
    opened, words, i = 0, 0, token.i - 1
    while i >= 0 and not (doc[i].is_space and "\n" in doc[i].text):
        if doc[i].text in QUOTE_MARKS:
            opened += 1
            if opened == 1:
                words = token.i - i
        i -= 1
    if opened % 2 == 0:
        return False
    end = token.i
    while end < len(doc) and doc[end].text not in QUOTE_MARKS and not (doc[end].is_space and "\n" in doc[end].text):
        end += 1
    return words + (end - token.i) - 1 >= MIN_QUOTED_WORDS


def _hedge(node: Token) -> Attribution | None:
    for child in node.children:
        if child.dep_ == "advmod" and child.lower_ in HEDGE_ADVERBS:
            return Attribution("reported")
        if child.dep_ in ("amod", "compound") and child.lower_ in HEDGE_ADJECTIVES and node.pos_ == "NOUN" and child.i < node.i:
            return Attribution("reported")
        if child.lower_ == "according" or (child.dep_ == "prep" and child.lower_ == "per"):
            source = _according_source(child)
            if source is None:
                return Attribution("reported")
            head = source.root
            if head.lemma_.lower() in VAGUE_SOURCES or head.pos_ not in ("PROPN",) and not head.ent_type_:
                return Attribution("reported")
            return Attribution("quoted", source.text, head.i)
    return None


def _according_source(token: Token):
    for prep in token.subtree:
        if prep.dep_ == "pobj":
            return prep.doc[prep.left_edge.i : prep.i + 1]
    return None


def _speaker(verb: Token) -> Attribution:
    if any(c.dep_ == "auxpass" for c in verb.children) or verb.dep_ == "relcl":
        return Attribution("reported")
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "csubj")), None)
    if subject is None:
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        subject = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if subject is None:
        return Attribution("reported")
    lemma = subject.lemma_.lower()
    # "Turkish officials" are not named; "the Turkish foreign ministry" and "Erdogan" are
    named = any(
        t.ent_type_ in ("PERSON", "ORG", "GPE", "FAC") or (t.pos_ == "PROPN" and t.ent_type_ != "NORP") for t in subject.subtree
    )
    if lemma in VAGUE_SOURCES and not named or subject.pos_ == "PRON" and lemma in ("it", "they", "some", "many"):
        return Attribution("reported")
    if subject.pos_ == "PRON" or named or subject.pos_ == "NOUN":
        span = subject.doc[subject.left_edge.i : subject.right_edge.i + 1]
        if subject.pos_ == "NOUN" and not named and lemma in VAGUE_SOURCES:
            return Attribution("reported")
        return Attribution("quoted", span.text, subject.i)
    return Attribution("reported")
