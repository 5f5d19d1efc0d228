"""The countries an article is about, and the country-less state actors they resolve.

Each name of the knowledge base with a state country, and each phrase coded from a country
name inside it ("Vanuatu PM"), counts once, those in the title (a first line of
its own) three times, those in the first body sentence (the dateline and lead) twice. The focus is every country in order of
weight; the first resolves "the regime", "the government", "police", "the authorities" that name
no country only when it clearly dominates: at least twice the weight of the runner-up and a weight
of three or more (a headline, or the lead and one more mention). Otherwise such a mention stays unresolved.
"""

from __future__ import annotations

from collections import Counter
from itertools import islice
from dataclasses import replace

from spacy.tokens import Doc

from detente.coding.actors.kb import NON_STATE, KnowledgeBase
from detente.coding.actors.mentions import ActorMention

TITLE_WEIGHT = 3
LEAD_WEIGHT = 2
DOMINANCE = 2.0
MIN_WEIGHT = 3  # a headline, or a lead and one more mention: one sentence alone makes no focus
STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"}


def focus_weights(doc: Doc, mentions: list[ActorMention]) -> Counter:
    sentences = list(islice((s for s in doc.sents if not s[0].is_space or len(s) > 1), 2))
    bounds = [(s.start, s.end) for s in sentences]
    if not sentences or "\n" not in doc[sentences[0].start : min(len(doc), sentences[0].end + 1)].text:
        bounds = [(-1, -1), *bounds]  # no headline line: the first sentence is the lead
    weights: Counter = Counter()
    for mention in mentions:
        if not mention.country or mention.country in NON_STATE:
            continue
        if mention.via != "kb" and not _names_its_country(doc, mention):
            continue  # "rebels in Syria" would count Syria twice; "Syrian rebels" counts once
        weight = 1
        if bounds and bounds[0][0] <= mention.token_start < bounds[0][1]:
            weight = TITLE_WEIGHT
        elif len(bounds) > 1 and bounds[1][0] <= mention.token_start < bounds[1][1]:
            weight = LEAD_WEIGHT
        weights[mention.country] += weight
    return weights


def _names_its_country(doc: Doc, mention: ActorMention) -> bool:
    """A phrase coded from a country name inside it ("Vanuatu PM", "Syrian troops")."""
    return mention.via == "context" and any(t.ent_type_ in ("GPE", "NORP") for t in doc[mention.token_start : mention.token_end])


def focus_countries(weights: Counter, kb: KnowledgeBase) -> list[str]:
    """Countries by weight, strongest first; regions and blocs left out."""
    ranked = []
    for country, _ in weights.most_common():
        entry = kb.country(country)
        if entry is None or not entry.region:
            ranked.append(country)
    return ranked


def dominant(weights: Counter, focus: list[str]) -> str | None:
    if not focus:
        return None
    first = weights[focus[0]]
    second = weights[focus[1]] if len(focus) > 1 else 0
    if first >= DOMINANCE * second and first >= MIN_WEIGHT:
        return focus[0]
    return None


def resolve_by_focus(mentions: list[ActorMention], focus: list[str], country: str | None = None) -> list[ActorMention]:
    """Country-less state actors ("the regime", "police") take ``country`` (the dominant focus);
    a capitalised head ("State" of a title) is a name, not a generic reference, and stays."""
    if country is None:
        return mentions
    return [
        replace(m, country=country, code=f"{country}{m.sector}", via="focus")
        if m.country is None and m.sector in STATE_SECTORS and m.via == "context" and not m.name and m.text[-1:].islower()
        else m
        for m in mentions
    ]
