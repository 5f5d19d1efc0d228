#!/usr/bin/env python3
"""Import the Phoenix actor dictionaries (PETRARCH-2, MIT) into the knowledge base's YAML.

Reads ``Phoenix.Countries.actors.txt``, ``Phoenix.International.actors.txt`` and
``Phoenix.MilNonState.actors.txt`` and writes ``src/detente/data/actors/phoenix/*.yaml``: one file
per country (``ven.yaml``), plus ``international.yaml`` (IGOs, NGOs, media, companies and their
officials) and ``nonstate.yaml`` (armed and militant groups). Every generated entry carries a
``source`` naming its dictionary and line.

Merging with the curated files (every other ``*.yaml`` in ``data/actors``):

* one entry per person or organisation: Phoenix entries of one country that share a full name are
  merged, and an entry whose full name (accents, case and punctuation aside) is that of a curated
  entry of a compatible country becomes an ``extends`` record of the curated entry, adding only its
  other names and the parts of its roles that curated roles do not cover;
* curated entries win where they overlap: a Phoenix role that overlaps a curated role with another
  code, or a Phoenix default code that differs from the curated one, is left out and listed in the
  conflicts file (``tools/kb/phoenix-conflicts.tsv``), never dropped silently;
* country entries (``AFGHANISTAN_ [AFG]``) are not imported: ``countries.yaml`` holds the countries.

Coding choices (also written into each generated file's header):

* Phoenix date ranges are inclusive; the knowledge base's ``until`` is exclusive (one day later).
* Overlapping Phoenix roles of one person with different codes: the later appointment wins from
  its start date (the earlier role is cut there and resumes after the later one ends).
* Roles still open when the dictionaries were compiled (January 2014) are closed at
  ``OPEN_ROLES_UNTIL``: the dictionaries say nothing later, and the person's default code applies
  after that date. A person without an undated default code gets ``<country>ELI``.
* A former international official's ``[ELI]`` becomes ``<country>ELI`` when the person has a national
  code, else ``IGOELI``. Numeric suffixes of religious NGO codes (``NGOCHRPRO214``) are dropped.

Usage: python tools/kb/import_phoenix.py [--reference DIR] [--out DIR] [--conflicts FILE]
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(HERE))

from detente.coding.actors.tabari import PhoenixCode, PhoenixEntry, read_dictionary  # noqa: E402
from phoenix_names import TITLE_WORDS, fold, raw_tokens, slug, strip_titles, written_forms  # noqa: E402

ACTORS = ROOT / "src" / "detente" / "data" / "actors"
REFERENCE = ROOT.parent / "shared" / "reference" / "petrarch"
OPEN_ROLES_UNTIL = dt.date(2015, 1, 1)
MIN_REMNANT_DAYS = 7
DICTIONARIES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")
SECTORS = {
    "GOV", "MIL", "COP", "JUD", "LEG", "PTY", "OPP", "REB", "INS", "SPY", "ELI", "CVL", "BUS", "MED", "EDU",
    "HLH", "REF", "LAB", "AGR", "CRM", "REL", "DEV", "HRI", "ENV", "UAF", "PRM", "SOC", "NGO", "IGO", "PRE",
    "SEP", "RAD", "MOD", "UNK", "JRN", "IND", "MNC", "IMG", "NON", "MUS", "CHR", "JEW", "HIN", "BUD",
}
# the sector of a role is its first part that names a kind of actor; religion parts (MUS, CHR, ...)
# and the dictionaries' NON/IND markers are parts of the code, not sectors
ROLE_SECTORS = SECTORS - {"MUS", "CHR", "JEW", "HIN", "BUD", "NON", "IND"}
NON_STATE = {"IGO", "NGO", "IMG", "MNC", "UIS", "INT", "---"}
RELIGIONS = {"BUD", "CHR", "CTH", "HIN", "JEW", "MUS", "MOS", "SHI", "SUN", "SIK", "BAH"}
FORMER_STATES = {"DDR", "SUN", "YUG", "CSK", "SCG", "YMD", "VDR", "RVN", "ZAR"}
REGION_CODES = {"WEU": "EUR"}  # the dictionaries' Western Europe; countries.yaml has Europe
ORG_WORDS = {
    "party", "ministry", "department", "council", "army", "forces", "force", "front", "movement", "organization",
    "organisation", "union", "committee", "agency", "association", "inc", "corp", "corporation", "company", "bank",
    "office", "government", "commission", "court", "assembly", "parliament", "congress", "brigade", "brigades",
    "group", "league", "federation", "institute", "foundation", "service", "services", "police", "guard",
    "authority", "board", "bureau", "senate", "cabinet", "alliance", "coalition", "network", "society", "fund",
    "program", "programme", "centre", "center", "university", "church", "mission", "jaysh", "jaish", "harakat",
    "hizb", "kataib", "liwa", "ansar", "jabhat", "tanzim", "ltd", "plc", "co", "sa", "ag", "gmbh", "holdings",
    "international", "national", "republic", "people's", "peoples", "revolutionary", "liberation", "secretariat",
    "politburo", "administration", "directorate", "station", "unit", "units", "cell", "cells", "faction",
    "battalion", "regiment", "division", "corps", "navy", "troops", "militia", "militias", "rebels", "tribe",
}
FILE_HEADER = """\
# {title} - actors imported from the Phoenix dictionaries of PETRARCH-2.
#
# GENERATED by tools/kb/import_phoenix.py from ../shared/reference/petrarch/{sources}
#   (Open Event Data Alliance, MIT licence: see ../shared/reference/petrarch/LICENSE.MIT.txt).
#   Do not edit by hand: fix the curated files (which win over these) or the converter, and rerun it.
#   Facts only: names, CAMEO actor codes and their date ranges, up to January 2014.
#
# Coding choices:
#   * Names are written as news writes them, not in the dictionaries' capitals with underscores.
#   * Phoenix date ranges are inclusive; `until` here is exclusive (the day after the range ends).
#   * Overlapping roles of one person with different codes: the later appointment wins from its start.
#   * Roles still open in January 2014 are closed at {open_until}; the default code applies after it
#     (<country>ELI for a person whose dictionary entry gives none).
#   * `extends: <id>` adds names and roles to a curated entry of the same person or organisation;
#     curated roles win, and what they overrule is listed in tools/kb/phoenix-conflicts.tsv.
"""


@dataclass
class Record:
    """One person or organisation, merged from one or more Phoenix entries."""

    kind: str
    country: str
    names: list[str] = field(default_factory=list)
    codes: list[PhoenixCode] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)

    @property
    def keys(self) -> set[str]:
        return {fold(n) for n in self.names if len(fold(n).split()) >= 2}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reference", type=Path, default=REFERENCE)
    parser.add_argument("--out", type=Path, default=ACTORS / "phoenix")
    parser.add_argument("--conflicts", type=Path, default=HERE / "phoenix-conflicts.tsv")
    args = parser.parse_args(argv)
    curated = load_curated(ACTORS)
    records, skipped = [], Counter()
    given = given_names(args.reference / DICTIONARIES[0])
    prefixes = Prefixes(curated)
    for dictionary in DICTIONARIES:
        for entry in read_dictionary(args.reference / dictionary):
            record = to_record(entry, dictionary, skipped, given, prefixes)
            if record is not None:
                records.append(record)
    records = merge_duplicates(records)
    drop_surname_aliases(records, curated)
    conflicts: list[tuple[str, ...]] = []
    files: dict[str, list[str]] = defaultdict(list)
    used_ids = {c["id"] for c in curated}
    counts = Counter()
    index = _Index(curated)
    targets: dict[str, tuple[Record, dict]] = {}
    for record in records:
        if not record.names:
            continue
        target = match_curated(record, index)
        if target is None:
            files[file_for(record)].append(new_entry(record, used_ids))
            counts[record.kind] += 1
        elif target["id"] in targets:  # several Phoenix entries of one curated actor: one extension
            first = targets[target["id"]][0]
            first.names += [n for n in record.names if n not in first.names]
            first.codes += record.codes
            first.sources += record.sources
        else:
            targets[target["id"]] = (record, target)
    for record, target in targets.values():
        block = extension(record, target, conflicts)
        if block is not None:
            files[file_for(record)].append(block)
            counts["extends"] += 1
    write_files(args.out, files)
    write_conflicts(args.conflicts, conflicts)
    print(f"{sum(len(v) for v in files.values())} records in {len(files)} files: {dict(counts)}")
    print(f"skipped: {dict(skipped)}; conflicts listed: {len(conflicts)} in {args.conflicts}")
    return 0


# ----- reading -----------------------------------------------------------------------------------


def load_curated(folder: Path) -> list[dict]:
    entries = []
    for path in sorted(folder.glob("*.yaml")):
        for item in yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) or ():
            if isinstance(item, dict) and item.get("id"):
                item["_file"] = path.name
                entries.append(item)
    return entries


def clean_code(code: str) -> str:
    return re.sub(r"\d+$", "", code.strip())


class Prefixes:
    """The project's country codes for the dictionaries' first code parts.

    countries.yaml folds dependent territories into their state and follows ISO where CAMEO differs
    (Bermuda BMU -> GBRBMU, Kosovo KSV -> XKX, Timor-Leste TMP -> TLS); regions, international and
    religion codes and former states stay as they are; anything else (the dictionaries' test
    country KNT "Kinakuta", a few unexplained codes) is unknown and its codes are left out.
    """

    def __init__(self, curated: list[dict]) -> None:
        self.known: set[str] = set(NON_STATE) | RELIGIONS | FORMER_STATES
        self.map: dict[str, str] = dict(REGION_CODES)
        for item in curated:
            if item.get("type") != "country":
                continue
            code = str(item.get("code") or item["country"])
            self.known.add(code[:3])
            for alias in (item.get("cameo_code"), item.get("iso3")):
                if alias and alias != code:
                    self.map[str(alias)] = code

    def convert(self, code: str) -> str | None:
        prefix = code[:3]
        if prefix in self.map:
            return self.map[prefix] + code[3:]
        return code if prefix in self.known else None


def to_record(entry: PhoenixEntry, dictionary: str, skipped: Counter, given: set[str], prefixes: Prefixes) -> Record | None:
    codes = [PhoenixCode(clean_code(c.code), c.start, c.end) for c in entry.codes if clean_code(c.code)]
    codes = [c for c in codes if re.fullmatch(r"(?:[A-Z]{3}|---)+", c.code)]
    converted = []
    for code in codes:
        new = code.code if code.code[:3] in SECTORS else prefixes.convert(code.code)
        if new is not None:
            converted.append(PhoenixCode(new, code.start, code.end))
    if codes and not converted:
        skipped["unknown country code"] += 1
        return None
    codes = converted
    if not codes:
        skipped["no usable code"] += 1
        return None
    kind = kind_of(entry, codes, dictionary, given)
    if kind is None:
        skipped["country or territory"] += 1
        return None
    person = kind == "person"
    names: list[str] = []
    for raw in entry.names:
        if person and not plain_person_name(raw):
            continue  # "US_PRESIDENT_BARACK_OBAMA", "THE_OBAMA_ADMINISTRATION": titles and offices
        for form in written_forms(raw, person=person):
            if form not in names and acceptable(form, kind):
                names.append(form)
    if not names:
        skipped["no usable name"] += 1
        return None
    country = country_of(codes, dictionary, kind)
    if kind != "person" and country not in ("IGO", "---"):
        undated = [c for c in codes if not c.dated and c.code[:3] not in NON_STATE and c.code[:3] not in SECTORS]
        if undated:
            country = undated[0].code[:3]
    if kind == "person" and country not in ("IGO", "---"):
        dated = sorted((c for c in codes if c.dated and c.code[:3] not in NON_STATE), key=lambda c: c.start or dt.date.min)
        undated = [c for c in codes if not c.dated and c.code[:3] not in NON_STATE and c.code[:3] not in SECTORS]
        latest = undated[0] if undated else (dated[-1] if dated else None)
        if latest is not None:
            country = latest.code[:3]  # East Germans who became Germans are DEU
    source = f"{dictionary} line {entry.line}"
    return Record(kind=kind, country=country, names=names, codes=codes, sources=[source])


def kind_of(entry: PhoenixEntry, codes: list[PhoenixCode], dictionary: str, given_names: set[str]) -> str | None:
    """person, organization, igo or armed_group; None for a country-level entry.

    The Countries file marks its people (``# CountryInfo.txt``); elsewhere a name is a person's when
    it has two to four words, none of them an organisation word, and starts with a given name that
    the marked people use.
    """
    words = {w.lower().strip("()") for raw in entry.names for w in raw_tokens(raw)}
    if dictionary.startswith("Phoenix.MilNonState"):
        return "armed_group"
    if "CountryInfo" in entry.comment or "IGOrulers" in entry.comment:
        return "person"
    first = codes[0].code
    if dictionary.startswith("Phoenix.Countries") and any(len(c.code) <= 6 and c.code[3:6] not in SECTORS for c in codes):
        return None  # a country, a territory or a city standing for its country
    tokens = raw_tokens(entry.name)
    looks_personal = 2 <= len(tokens) <= 4 and tokens[0].upper() in given_names and not words & ORG_WORDS
    if looks_personal:
        return "person"
    return "igo" if first.startswith("IGO") else "organization"


def given_names(path: Path) -> set[str]:
    """First words of the names of the people the Countries dictionary marks as people."""
    names = set()
    for entry in read_dictionary(path):
        if "CountryInfo" in entry.comment:
            for raw in entry.names:
                tokens = strip_titles(raw_tokens(raw))
                if len(tokens) >= 2:
                    names.add(tokens[0].upper())
    return names - {"THE", "AL", "EL", "ABU"}


def plain_person_name(raw: str) -> bool:
    """A person's name without a title or an office inside it (a leading title is stripped)."""
    tokens = [t.upper() for t in strip_titles(raw_tokens(raw))]
    return not any(t in TITLE_WORDS or t.lower() in ORG_WORDS or t in ("THE", "US", "U.S.") for t in tokens)


def acceptable(form: str, kind: str) -> bool:
    """Leave out one-word names that would match ordinary words, and bare titles."""
    words = form.split()
    if len(words) > 1:
        return True
    if form.isupper():
        return len(form) >= 2
    return len(form) >= 6 if kind != "person" else len(form) >= 7


def country_of(codes: list[PhoenixCode], dictionary: str, kind: str) -> str:
    prefixes = [c.code[:3] for c in codes if c.code[:3] not in ("---",) and c.code[:3] not in SECTORS - {"IGO", "NGO", "MNC", "IMG"}]
    if not prefixes:
        return "---"
    if kind == "person" and "IGO" in prefixes and dictionary.startswith("Phoenix.International"):
        return "IGO"
    counts = Counter(prefixes)
    return max(counts, key=lambda p: (counts[p], -prefixes.index(p)))


def merge_duplicates(records: list[Record]) -> list[Record]:
    """Records of one country and kind that share a full name are one actor."""
    merged: list[Record] = []
    index: dict[tuple[str, str, str], Record] = {}
    for record in records:
        hit = next((index[(record.kind, record.country, k)] for k in record.keys if (record.kind, record.country, k) in index), None)
        if hit is None:
            merged.append(record)
            hit = record
        else:
            hit.names += [n for n in record.names if n not in hit.names]
            hit.codes += record.codes
            hit.sources += record.sources
        for key in hit.keys:
            index.setdefault((hit.kind, hit.country, key), hit)
    return merge_officials(merged)


def merge_officials(records: list[Record]) -> list[Record]:
    """An international official (country IGO) and a national politician of the same full name are
    one person when no other national namesake competes (Ban Ki-moon: KOR minister, then UN)."""
    national: dict[str, list[Record]] = defaultdict(list)
    for record in records:
        if record.kind == "person" and record.country != "IGO":
            for key in record.keys:
                national[key].append(record)
    absorbed: set[int] = set()
    for record in records:
        if record.kind != "person" or record.country != "IGO":
            continue
        matches = {id(r): r for key in record.keys for r in national.get(key, ())}
        if len(matches) != 1:
            continue
        (other,) = matches.values()
        if id(other) in absorbed:
            continue
        record.names += [n for n in other.names if n not in record.names]
        record.codes += other.codes
        record.sources += other.sources
        absorbed.add(id(other))
    return [r for r in records if id(r) not in absorbed]


def drop_surname_aliases(records: list[Record], curated: list[dict]) -> None:
    """One-word names of people that are also the surname of another person ("Johnson") are left
    out: a bare surname is resolved by the document's earlier full-name mention, not the KB."""
    surnames = set()
    for names in [r.names for r in records if r.kind == "person"] + [
        [str(i["name"]), *map(str, i.get("aliases") or ())] for i in curated if i.get("type") == "person"
    ]:
        surnames.update(fold(n).split()[-1] for n in names if len(fold(n).split()) >= 2)
    for record in records:
        if record.kind == "person":
            record.names = [n for n in record.names if len(n.split()) > 1 or fold(n) not in surnames]


# ----- roles -------------------------------------------------------------------------------------


@dataclass
class Span:
    code: str
    start: dt.date
    end: dt.date  # exclusive


def roles_of(record: Record) -> tuple[list[Span], str]:
    """Non-overlapping dated roles (later appointments win) and the default code."""
    undated = [c.code for c in record.codes if not c.dated and c.code != "---"]
    default = normalise(undated[0], record) if undated else None
    dated = sorted((c for c in record.codes if c.dated), key=lambda c: c.start or dt.date.min)
    spans: list[Span] = []
    for code in dated:
        start = code.start or dt.date(1900, 1, 1)
        if code.end is not None:
            end = code.end + dt.timedelta(days=1)
        elif record.kind == "person":
            end = max(OPEN_ROLES_UNTIL, start + dt.timedelta(days=1))
        else:
            end = dt.date(9999, 1, 1)
        spans = paint(spans, Span(normalise(code.code, record), start, end))
    if default is None:
        if record.kind == "person":
            national = [c.code[:3] for c in record.codes if c.code[:3] not in NON_STATE and c.code[:3] not in SECTORS]
            country = record.country if record.country not in ("---", "IGO") else (national[-1] if national else "IGO")
            default = f"{country}ELI"
        else:
            default = spans[-1].code if spans else f"{record.country}"
    return spans, default


def normalise(code: str, record: Record) -> str:
    if code in SECTORS and code not in ("IGO", "NGO", "MNC", "IMG"):  # "[ELI]" of a former IGO official
        national = [c.code[:3] for c in record.codes if c.code[:3] not in NON_STATE and c.code[:3] not in SECTORS]
        return f"{national[-1] if national else 'IGO'}{code}"
    return code


def paint(spans: list[Span], new: Span) -> list[Span]:
    """Lay ``new`` over ``spans``: what it covers is replaced, same-code neighbours are joined."""
    out: list[Span] = []
    for span in spans:
        if span.end <= new.start or span.start >= new.end:
            out.append(span)
            continue
        if span.code == new.code:
            new = Span(new.code, min(span.start, new.start), max(span.end, new.end))
            continue
        if span.start < new.start:
            out.append(Span(span.code, span.start, new.start))
        if span.end > new.end:
            out.append(Span(span.code, new.end, span.end))
    out.append(new)
    out.sort(key=lambda s: s.start)
    joined: list[Span] = []
    for span in out:
        if joined and joined[-1].code == span.code and joined[-1].end >= span.start:
            joined[-1] = Span(span.code, joined[-1].start, max(joined[-1].end, span.end))
        else:
            joined.append(span)
    return joined


def sector_of(code: str) -> str | None:
    for index in range(3, len(code), 3):
        if code[index : index + 3] in ROLE_SECTORS:
            return code[index : index + 3]
    return None


# ----- merging with curated entries --------------------------------------------------------------


def match_curated(record: Record, index: _Index) -> dict | None:
    keys = record.keys
    if record.kind != "person" and len(record.names) and len(record.names[0].split()) == 1:
        keys = keys | {fold(record.names[0])}
    for item in index.get_many(keys):
        if compatible(record, item):
            return item
    return None


class _Index:
    def __init__(self, curated: list[dict]) -> None:
        self.by_key: dict[str, list[dict]] = defaultdict(list)
        for item in curated:
            for name in [item["name"], *(item.get("aliases") or ())]:
                key = fold(str(name))
                if len(key.split()) >= 2 or item.get("type") != "person":
                    self.by_key[key].append(item)

    def get_many(self, keys: set[str]) -> list[dict]:
        seen, out = set(), []
        for key in sorted(keys):
            for item in self.by_key.get(key, ()):
                if item["id"] not in seen:
                    seen.add(item["id"])
                    out.append(item)
        return out




def compatible(record: Record, item: dict) -> bool:
    """Same kind (person or not); a person also needs a country in common (namesakes abound),
    an organisation's full name is enough (its country code is what a conflict is about)."""
    person = item.get("type") == "person"
    if not person and record.kind != "person":
        return True
    if person != (record.kind == "person") and len(record.names[0].split()) < 2:
        return False  # a misclassified Phoenix entry may still be a curated person: same name and country
    countries = {str(item.get("country"))} | {str(r.get("code", ""))[:3] for r in item.get("roles") or ()}
    countries.add(str(item.get("code") or "")[:3])
    mine = {record.country} | {c.code[:3] for c in record.codes}
    return bool(countries & mine)


def extension(record: Record, item: dict, conflicts: list[tuple[str, ...]]) -> str | None:
    if item.get("type") == "person":
        record.kind = "person"  # the curated entry knows better (open roles are then closed)
    spans, default = roles_of(record)
    curated_spans = [
        (str(r["code"]), _date(r.get("from")) or dt.date(1900, 1, 1), _date(r.get("until")) or dt.date(9999, 1, 1))
        for r in item.get("roles") or ()
    ]
    kept: list[Span] = []
    for span in spans:
        pieces = [span]
        for code, start, end in curated_spans:
            next_pieces = []
            for piece in pieces:
                if piece.end <= start or piece.start >= end:
                    next_pieces.append(piece)
                    continue
                if code != piece.code:
                    conflicts.append((item["id"], record.sources[0], f"role {piece.code} {piece.start}..{piece.end}", f"curated {code} {start}..{end}"))
                if piece.start < start:
                    next_pieces.append(Span(piece.code, piece.start, start))
                if piece.end > end:
                    next_pieces.append(Span(piece.code, end, piece.end))
            pieces = next_pieces
        # a few days left between curated roles are boundary conventions (one side's inclusive end,
        # the other's exclusive), not a fact of their own
        kept += [p for p in pieces if p is span or (p.end - p.start).days >= MIN_REMNANT_DAYS]
    curated_default = item.get("code")
    if curated_default and default != curated_default and not item.get("roles"):
        conflicts.append((item["id"], record.sources[0], f"code {default}", f"curated code {curated_default}"))
    known = {fold(str(n)) for n in [item["name"], *(item.get("aliases") or ())]}
    names = [n for n in record.names if fold(n) not in known]
    names = list(dict.fromkeys(names))
    if not names and not kept:
        return None
    lines = [f"- extends: {item['id']}", *alias_lines(names)]
    return "\n".join(lines + roles_and_source(kept, record))


def new_entry(record: Record, used_ids: set[str]) -> str:
    spans, default = roles_of(record)
    kind = record.kind
    base = f"{kind}/{slug(record.names[0])}"
    entry_id = base if base not in used_ids else f"{base}-{record.country.lower()}"
    number = 2
    while entry_id in used_ids:
        entry_id, number = f"{base}-{record.country.lower()}-{number}", number + 1
    used_ids.add(entry_id)
    lines = [
        f"- id: {entry_id}",
        f"  type: {kind}",
        f"  name: {scalar(record.names[0])}",
    ]
    lines += alias_lines(record.names[1:])
    country = record.country
    if re.fullmatch(r"[A-Z]{3}", default[:3]) and default[:3] not in NON_STATE and default[:3] not in SECTORS and country != "IGO":
        country = default[:3]  # the entry's country is that of the code it defaults to
    lines.append(f"  country: {scalar(country)}")
    sector = sector_of(default)
    if sector:
        lines.append(f"  sector: {sector}")
    lines.append(f"  code: {scalar(default)}")
    return "\n".join(lines + roles_and_source(spans, record))


def alias_lines(names: list[str]) -> list[str]:
    return [f"  aliases: [{', '.join(scalar(n) for n in names)}]"] if names else []


def roles_and_source(spans: list[Span], record: Record) -> list[str]:
    roles = ["  roles:", *(role_line(span) for span in spans)] if spans else []
    return [*roles, f"  source: {scalar(source_note(record))}"]


def role_line(span: Span) -> str:
    parts = [f"code: {span.code}"]
    sector = sector_of(span.code)
    if sector:
        parts.append(f"sector: {sector}")
    if span.start > dt.date(1900, 1, 1):
        parts.append(f"from: {span.start.isoformat()}")
    if span.end < dt.date(9999, 1, 1):
        parts.append(f"until: {span.end.isoformat()}")
    return "    - {" + ", ".join(parts) + "}"


def source_note(record: Record) -> str:
    return "Phoenix " + "; ".join(s.replace("Phoenix.", "").replace(".actors.txt", "") for s in record.sources[:4]) + (
        f" (+{len(record.sources) - 4} more)" if len(record.sources) > 4 else ""
    )


_PLAIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿ][\w .\-'’À-ÖØ-öø-ÿ]*$")
_RESERVED = {"yes", "no", "on", "off", "true", "false", "null", "y", "n"}


def scalar(text: str) -> str:
    if _PLAIN.match(text) and text.lower() not in _RESERVED and not text.endswith(" ") and ": " not in text:
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _date(value: object) -> dt.date | None:
    if value in (None, ""):
        return None
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


# ----- writing -----------------------------------------------------------------------------------


def file_for(record: Record) -> str:
    if record.sources[0].startswith("Phoenix.MilNonState"):
        return "nonstate"
    if record.sources[0].startswith("Phoenix.International"):
        return "international"
    return record.country.lower() if re.fullmatch(r"[A-Z]{3}", record.country) else "other"


def write_files(out: Path, files: dict[str, list[str]]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for stale in out.glob("*.yaml"):
        if stale.stem not in files:
            stale.unlink()
    sources = {"nonstate": DICTIONARIES[2], "international": DICTIONARIES[1]}
    for name, blocks in sorted(files.items()):
        title = {"nonstate": "Non-state armed and militant groups", "international": "International organisations, NGOs, media and companies"}.get(name, f"Country {name.upper()}")
        header = FILE_HEADER.format(title=title, sources=sources.get(name, DICTIONARIES[0]), open_until=OPEN_ROLES_UNTIL.isoformat())
        (out / f"{name}.yaml").write_text(header + "\n" + "\n\n".join(blocks) + "\n", encoding="utf-8")


def write_conflicts(path: Path, conflicts: list[tuple[str, ...]]) -> None:
    lines = ["# Phoenix facts left out because a curated entry says otherwise (tools/kb/import_phoenix.py).", "curated_id\tphoenix_source\tphoenix_says\tcurated_says"]
    lines += ["\t".join(row) for row in sorted(set(conflicts))]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
