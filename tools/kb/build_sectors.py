#!/usr/bin/env python3
"""Build src/detente/data/actors/sectors.tsv: sector nouns -> sector codes.

Sources:
  * PLOVER_agents.txt (NGEC-2025 / OEDA 2014, MIT licence): the CAMEO/PLOVER agents dictionary.
    Read from shared/reference/ (override with --plover).
  * tools/kb/sector_additions.tsv (this project, hand-written): modern usage and corrections.
    An addition replaces every generated line with the same phrase.

How the PLOVER file is read:
  * `#` starts a comment (whole line or trailing);
  * `!NAME! = A, B, C` defines a substitution set; `!NAME!` in an entry expands to each member
    (the sets already hold singular and plural forms, so no plural is added to those entries);
  * `_` and spaces join words; commas are dropped (the resolver skips punctuation tokens);
  * `{PLURALS}` gives an irregular plural (`{}`: the noun has no plural form to add);
  * `[~GOVMIL]`: only the FIRST three-letter code is kept (GOV). Codes are renamed to the CAMEO
    names this project uses: PLOVER JRN (journalists, media) -> MED, PLOVER MED (health) -> HLH.
    NON and JNK entries (weekdays, natural disasters, "the West") are not actors and are dropped;
    UNK ("group", "man", "region") carries no sector and is dropped, UNKOPP -> OPP;
  * stems (PETRARCH prefixes such as "MINIST", "COMPAN", "AUTHORIT", "INDUSTR") are expanded
    to their full words; entries that end in a preposition ("AMBASSADOR_TO", "EMBASSY_IN") are
    PETRARCH open-ended prefixes and are skipped;
  * regular plurals are added (the file omits them): +s; +es after s, x, z, ch, sh; y -> ies
    after a consonant; -man -> -men; -wife -> -wives. In "X of Y" phrases the head (X) is
    pluralised. Words already plural, uncountable nouns and adjectives are left alone.
  * Where two PLOVER entries give one phrase different codes, the first one in the file wins
    (the conflicts are listed on stderr).

Usage: python tools/kb/build_sectors.py [--plover PATH] [--additions PATH] [--out PATH] [--check]
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_PLOVER = Path("/work/shared/reference/PLOVER_agents.txt")
DEFAULT_ADDITIONS = ROOT / "tools" / "kb" / "sector_additions.tsv"
DEFAULT_OUT = ROOT / "src" / "detente" / "data" / "actors" / "sectors.tsv"

# PLOVER sector names -> the CAMEO names used in this project.
RENAME = {"JRN": "MED", "MED": "HLH"}
DROP = {"NON", "JNK", "UNK"}
# PETRARCH stems (prefix matches) -> the full words they stand for.
STEMS = {
    "minist": ["minister", "ministers", "ministry", "ministries"],
    "compan": ["company", "companies"],
    "authorit": ["authority", "authorities"],
    "industr": ["industry", "industries"],
    "milita": ["militia", "militias"],  # "SELF-DEFENSE_MILITA": a misspelt militia
}
PREPOSITIONS = {"of", "for", "in", "on", "to", "at", "from", "with", "without", "against", "by", "along", "de"}
# "attorney general" -> "attorneys general": titles whose first word takes the plural.
POSTPOSED_GENERAL = {
    "attorney", "advocate", "auditor", "consul", "director", "inspector", "governor", "prosecutor",
    "solicitor", "secretary", "surgeon", "postmaster", "procurator",
}
IRREGULAR = {"child": "children", "person": "persons", "foot": "feet"}
TRAILING_SKIP = PREPOSITIONS | {"and", "the", "a", "led"}
# Nouns without a regular plural, and adjectives that end some entries.
UNCOUNTABLE = {
    "police", "media", "clergy", "personnel", "staff", "intelligence", "infantry", "artillery",
    "soldiery", "security", "enforcement", "leadership", "aviation", "commerce", "agriculture",
    "education", "information", "population", "gangdom", "gangland", "townspeople", "rabble",
    "poor", "press", "cash", "governance", "labor", "labour", "opposition", "resistance",
    "livestock", "aid", "children", "men", "women", "people", "hasidim", "mujahideen", "news",
    "tourism", "transportation", "energy", "environment", "aerospace",
    "peace", "defense", "defence", "elderly", "youth", "clergy", "judiciary", "electorate",
    "jewish", "islamic", "naval", "extraordinary", "state-owned", "semi-official", "naturalized",
    "supreme", "ordinary", "civil", "inter-governmental", "intergovernmental", "emeritus",
    "especiales", "nationale", "federale", "d'affaires", "hebrew", "military", "shia", "led",
    "quality", "control", "protocol", "exchange", "microburst", "snowfall", "war", "rule",
    "revenue", "treasury", "economy", "trade", "health",
}
# Mistakes in the source's irregular-plural braces.
PLURAL_FIXES = {"midwive": "midwives"}


def fix_mojibake(text: str) -> str:
    if "Ã" in text:
        try:
            return text.encode("cp1252").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return text
    return text


def normalise(raw: str) -> str:
    text = fix_mojibake(raw).replace("_", " ").replace(",", " ").lower()
    words = text.split()
    if len(words) > 1 and words[0] in ("a", "an", "the"):  # the resolver drops determiners
        words = words[1:]
    return " ".join(words)


def pluralise_word(word: str) -> str | None:
    if word in IRREGULAR:
        return IRREGULAR[word]
    if (
        len(word) < 2
        or word in UNCOUNTABLE
        or word.endswith("men")
        or not word[-1:].isalpha()
        or any(ch in word for ch in "()/.")
        or (word.endswith("s") and not word.endswith(("ss", "us", "is")))
    ):
        return None
    if word.endswith("man") and word not in ("human", "german", "roman", "shaman", "ottoman"):
        return word[:-3] + "men"
    if word.endswith("wife"):
        return word[:-4] + "wives"
    if word.endswith(("narch", "iarch", "garch")):  # monarch, hierarch, oligarch: /k/
        return word + "s"
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def head_index(words: list[str]) -> int:
    """The noun to pluralise: the word before the first preposition in "X of Y", else the last."""
    for i, word in enumerate(words[1:], start=1):
        if word in PREPOSITIONS:
            return i - 1
    if len(words) >= 2 and words[-1] == "general" and words[-2] in POSTPOSED_GENERAL:
        return len(words) - 2
    return len(words) - 1


def pluralise(phrase: str) -> str | None:
    words = phrase.split()
    i = head_index(words)
    plural = pluralise_word(words[i])
    if plural is None:
        return None
    return " ".join(words[:i] + [plural] + words[i + 1 :])


ENTRY = re.compile(r"^(?P<phrase>.*?)\s*(?:\{(?P<plural>[^}]*)\})?\s*\[(?P<code>[^\]]*)\]\s*$")
SET_DEF = re.compile(r"^(?P<name>![A-Z]+!)\s*=\s*(?P<members>.+)$")


def first_code(raw: str) -> str | None:
    codes = re.findall(r"[A-Z]{3}", raw.replace("~", ""))
    if not codes:
        return None
    code = codes[0]
    if code == "UNK" and len(codes) > 1:
        code = codes[1]
    if code in DROP:
        return None
    return RENAME.get(code, code)


def expand_sets(phrase: str, sets: dict[str, list[str]]) -> tuple[list[str], bool]:
    parts = re.split(r"(![A-Z]+!)", phrase)
    if len(parts) == 1:
        return [phrase], False
    choices = [sets.get(p, [p]) if p.startswith("!") and p.endswith("!") else [p] for p in parts]
    return ["".join(c) for c in itertools.product(*choices)], True


def expand_stem(phrase: str) -> list[str] | None:
    words = phrase.split()
    if words and words[-1] in STEMS:
        return [" ".join(words[:-1] + [full]) for full in STEMS[words[-1]]]
    return None


def read_plover(path: Path, log: list[str]) -> list[tuple[str, str, int]]:
    """(phrase, code, source line) for every phrase form, in file order."""
    sets: dict[str, list[str]] = {}
    out: list[tuple[str, str, int]] = []
    skipped = {"prefix": 0, "dropped code": 0}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        match = SET_DEF.match(line)
        if match:
            sets[match["name"]] = [m.strip() for m in match["members"].split(",") if m.strip()]
            continue
        match = ENTRY.match(line)
        if not match:
            log.append(f"line {number}: not an entry: {line!r}")
            continue
        code = first_code(match["code"])
        if code is None:
            skipped["dropped code"] += 1
            continue
        variants, from_set = expand_sets(match["phrase"], sets)
        braces = match["plural"]
        for variant in variants:
            phrase = normalise(variant)
            if not phrase:
                continue
            if phrase.split()[-1] in TRAILING_SKIP:
                skipped["prefix"] += 1
                continue
            stems = expand_stem(phrase)
            if stems:
                out.extend((s, code, number) for s in stems)
                continue
            out.append((phrase, code, number))
            if from_set:
                continue
            if braces is not None:
                plural = normalise(braces)
                plural = PLURAL_FIXES.get(plural, plural)
                if plural and _plausible_plural(phrase, plural):
                    out.append((plural, code, number))
                    continue
                if not plural:  # "{}": no plural
                    continue
            plural = pluralise(phrase)
            if plural and plural != phrase:
                out.append((plural, code, number))
    log.append(f"skipped {skipped['prefix']} open-ended prefix forms, {skipped['dropped code']} NON/JNK/UNK entries")
    return out


def _plausible_plural(singular: str, plural: str) -> bool:
    """Braces that change more than the head noun are a source error (fall back to the rule)."""
    a, b = singular.split(), plural.split()
    if len(a) != len(b):
        return len(a) == 1 and len(b) == 1
    return sum(x != y for x, y in zip(a, b)) <= 1


def read_additions(path: Path) -> list[tuple[str, str, int]]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        body = line.split("#", 1)[0].rstrip()
        if not body.strip():
            continue
        parts = body.split("\t")
        if len(parts) != 2 or not re.fullmatch(r"[A-Z]{3}", parts[1].strip()):
            raise SystemExit(f"{path}:{number}: expected 'phrase<TAB>SECTOR', got {line!r}")
        rows.append((" ".join(parts[0].lower().split()), parts[1].strip(), number))
    return rows


HEADER = """\
# sectors.tsv - sector nouns -> sector codes (CAMEO/PLOVER three-letter sector codes).
#
# GENERATED by tools/kb/build_sectors.py - do not edit by hand: edit tools/kb/sector_additions.tsv
# (or the script) and rerun it.
#
# Sources: PLOVER_agents.txt (CAMEO/PLOVER agents dictionary, Open Event Data Alliance 2014, MIT
# licence, as shipped with NGEC-2025), expanded: substitution sets, stems, irregular and regular
# plurals; the first sector code of each entry is kept, with PLOVER JRN -> MED (media) and PLOVER
# MED -> HLH (health) to match CAMEO; NON/JNK/UNK entries dropped. Then the hand-written
# tools/kb/sector_additions.tsv (modern usage; it wins over generated lines with the same phrase).
#
# Format: one lowercase phrase per line, words separated by single spaces, a TAB, the sector
# code. Singular and plural forms are both listed. Lines starting with a hash are comments; no
# phrase contains a hash or a TAB. Each phrase appears once.
"""


def build(plover: Path, additions: Path) -> tuple[list[tuple[str, str]], list[tuple[str, str]], list[str]]:
    log: list[str] = []
    generated: dict[str, str] = {}
    conflicts = []
    for phrase, code, number in read_plover(plover, log):
        if "#" in phrase or "\t" in phrase:
            continue
        if phrase in generated:
            if generated[phrase] != code:
                conflicts.append(f"  {phrase!r}: kept {generated[phrase]}, ignored {code} (line {number})")
            continue
        generated[phrase] = code
    added: dict[str, str] = {}
    for phrase, code, number in read_additions(additions):
        if phrase in added and added[phrase] != code:
            raise SystemExit(f"{additions}:{number}: {phrase!r} defined twice with different codes")
        added[phrase] = code
    overridden = sorted(p for p in generated if p in added and generated[p] != added[p])
    log.append(f"{len(conflicts)} PLOVER phrases with two codes (first kept):")
    log.extend(conflicts)
    log.append(f"{len(overridden)} generated phrases redefined by the additions: {', '.join(overridden)}")
    gen_rows = sorted((p, c) for p, c in generated.items() if p not in added)
    add_rows = list(added.items())
    return gen_rows, add_rows, log


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--plover", type=Path, default=DEFAULT_PLOVER)
    parser.add_argument("--additions", type=Path, default=DEFAULT_ADDITIONS)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--check", action="store_true", help="only report whether --out is up to date")
    parser.add_argument("-v", "--verbose", action="store_true", help="print the build log")
    args = parser.parse_args(argv)

    gen_rows, add_rows, log = build(args.plover, args.additions)
    lines = [HEADER, "# ---- generated from PLOVER_agents.txt ----\n"]
    lines += [f"{p}\t{c}\n" for p, c in gen_rows]
    lines.append("# ---- tools/kb/sector_additions.tsv ----\n")
    lines += [f"{p}\t{c}\n" for p, c in add_rows]
    text = "".join(lines)
    if args.verbose:
        print("\n".join(log), file=sys.stderr)
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        if current != text:
            print(f"{args.out} is out of date: rerun tools/kb/build_sectors.py", file=sys.stderr)
            return 1
        return 0
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out}: {len(gen_rows)} generated + {len(add_rows)} added phrases", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
