#!/usr/bin/env python3
"""Check the actor knowledge base (src/detente/data/actors/*.yaml) and the sector lexicon (sectors.tsv).

Errors (exit status 1):
  * a file that is not valid YAML or not a list of mappings;
  * an entry without one of the required fields (id, type, name, country), or with a field of the
    wrong shape (aliases not a list of strings, a code that is not groups of three capital letters);
  * an id used twice (in one file or across files, capitals generated from countries included);
  * a role without a code, with a date that is not YYYY-MM-DD, or that ends before it starts;
  * a code (entry or role) that does not start with the entry's country or a non-state code
    (IGO, NGO, IMG, MNC, ...), unless it is a documented exception (then a warning);
  * a bad line in sectors.tsv, a phrase listed twice, or a core sector noun missing.
Also errors: an `extends` record naming no entry, an entry with neither a `source` nor a Sources header in
  its file, and overlapping dated roles of one actor (extensions included).
Warnings: unknown fields, unknown types or sectors, id prefixes that differ from the type,
duplicate aliases within an entry, and one alias naming entries of the same
country with different codes (a true ambiguity the resolver cannot settle by country).

Usage: python tools/kb/check_kb.py [--dir DIR] [--sectors FILE] [-v]
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
ACTORS = ROOT / "src" / "detente" / "data" / "actors"

REQUIRED = ("id", "type", "name", "country")
KNOWN_FIELDS = {
    "id", "type", "name", "aliases", "demonyms", "country", "sector", "code", "wikidata", "roles",
    "place", "lat", "lon", "capital", "iso2", "iso3", "cameo_code", "parent", "region", "source",
}
ROLE_FIELDS = {"code", "sector", "from", "until", "title"}
TYPES = {"person", "organization", "armed_group", "party", "country", "igo", "ngo", "place"}
# Non-state / international "country" codes of CAMEO and PLOVER.
NON_STATE = {"IGO", "NGO", "IMG", "MNC", "UIS", "INT", "REB", "CRM", "---"}
# States that no longer exist, with the codes CAMEO and the Phoenix dictionaries give them.
FORMER_STATES = {"DDR", "SUN", "YUG", "CSK", "SCG", "YMD", "VDR", "RVN", "ZAR"}
# CAMEO's religion codes stand in the country position for actors with no country ("HINRAD", "BUDREB").
RELIGIONS = {"BUD", "CHR", "CTH", "HIN", "JEW", "MUS", "SHI", "SUN", "SIK", "JAN", "TAO", "CON", "ZRO", "BAH", "DRZ"}
SECTORS = {
    "GOV", "MIL", "COP", "JUD", "LEG", "PTY", "OPP", "REB", "INS", "SPY", "ELI", "CVL", "BUS", "MED",
    "EDU", "HLH", "REF", "LAB", "AGR", "CRM", "REL", "DEV", "HRI", "ENV", "UAF", "PRM", "SOC", "NGO",
    "IGO", "PRE", "SEP", "RAD", "MOD", "UNK", "JRN", "KID", "SET", "IND", "MNC", "IMG",
}
# Entries whose codes knowingly start with another country's code: id -> reason.
DOCUMENTED_EXCEPTIONS: dict[str, str] = {}
CODE_RE = re.compile(r"^(?:[A-Z]{3})+$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
CORE_SECTOR_NOUNS = (
    "president", "government", "troops", "police", "rebels", "protesters", "court", "party",
    "minister", "army", "opposition",
)


class Report:
    def __init__(self, verbose: bool = False) -> None:
        self.errors: list[str] = []
        self.warnings: list[str] = []
        self.info: list[str] = []
        self.verbose = verbose

    def error(self, where: str, message: str) -> None:
        self.errors.append(f"ERROR {where}: {message}")

    def warn(self, where: str, message: str) -> None:
        self.warnings.append(f"warning {where}: {message}")


def parse_date(value: object) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and DATE_RE.match(value):
        return dt.date.fromisoformat(value)  # raises on 2020-13-01
    raise ValueError(f"not a YYYY-MM-DD date: {value!r}")


def code_ok(code: str, country: str, countries: set[str], role: bool = False) -> str | None:
    """None if the code fits the entry's country; "documented" for a known exception; else why not.

    Known exceptions: international officials (country IGO/NGO) with a national code, and dated
    roles held in another country's institution (Mark Carney at the Bank of England).
    """
    prefix = code[:3]
    if prefix == country or prefix in NON_STATE or prefix in RELIGIONS:
        return None
    if prefix in countries and (country in NON_STATE or role):
        return "documented"
    return f"code {code} does not start with the entry's country {country} or a non-state code"


def check_entry(item: object, where: str, report: Report, countries: set[str]) -> dict | None:
    if not isinstance(item, dict):
        report.error(where, "entry is not a mapping")
        return None
    label = f"{where} {item.get('id', '?')}"
    for key in REQUIRED:
        if not item.get(key) or not isinstance(item.get(key), str):
            report.error(label, f"missing or empty required field {key!r}")
    if any(not item.get(k) for k in REQUIRED):
        return None
    unknown = set(item) - KNOWN_FIELDS
    if unknown:
        report.warn(label, f"unknown fields {sorted(unknown)}")
    etype, country = item["type"], item["country"]
    if etype not in TYPES:
        report.warn(label, f"unknown type {etype!r}")
    prefix = item["id"].split("/", 1)[0]
    if "/" not in item["id"]:
        report.error(label, "id is not '<type>/<slug>'")
    elif prefix != etype:
        report.warn(label, f"id prefix {prefix!r} differs from type {etype!r}")
    aliases = item.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        report.error(label, "aliases must be a list of non-empty strings")
        aliases = []
    dup = [a for a, n in Counter(aliases + [item["name"]]).items() if n > 1]
    if dup:
        report.warn(label, f"alias repeated: {dup}")
    sector = item.get("sector")
    if sector is not None and (not isinstance(sector, str) or sector not in SECTORS):
        report.warn(label, f"unknown sector {sector!r}")
    code = item.get("code")
    if code is not None:
        if not isinstance(code, str) or not CODE_RE.match(code):
            report.error(label, f"code {code!r} is not groups of three capital letters")
        else:
            why = code_ok(code, country, countries)
            if why == "documented" or (why and item["id"] in DOCUMENTED_EXCEPTIONS):
                report.warn(label, f"code {code} for country {country} (documented exception)")
            elif why:
                report.error(label, why)
    roles = item.get("roles") or []
    if not isinstance(roles, list):
        report.error(label, "roles must be a list")
        roles = []
    for number, role in enumerate(roles, start=1):
        rwhere = f"{label} role {number}"
        if not isinstance(role, dict):
            report.error(rwhere, "role is not a mapping")
            continue
        if set(role) - ROLE_FIELDS:
            report.warn(rwhere, f"unknown role fields {sorted(set(role) - ROLE_FIELDS)}")
        rcode = role.get("code")
        if not isinstance(rcode, str) or not CODE_RE.match(rcode):
            report.error(rwhere, f"missing or bad code {rcode!r}")
        else:
            why = code_ok(rcode, country, countries, role=True)
            if why == "documented" or (why and item["id"] in DOCUMENTED_EXCEPTIONS):
                report.warn(rwhere, f"code {rcode} for country {country} (documented exception)")
            elif why:
                report.error(rwhere, why)
        rsector = role.get("sector")
        if rsector is not None and rsector not in SECTORS:
            report.warn(rwhere, f"unknown sector {rsector!r}")
        try:
            start = parse_date(role["from"]) if role.get("from") is not None else None
            end = parse_date(role["until"]) if role.get("until") is not None else None
        except (ValueError, TypeError) as exc:
            report.error(rwhere, str(exc))
            continue
        if start and end and end <= start:
            report.error(rwhere, f"until {end} is not after from {start}")
    for key in ("lat", "lon"):
        if item.get(key) is not None and not isinstance(item[key], (int, float)):
            report.error(label, f"{key} is not a number")
    return item


def load_file(path: Path, report: Report) -> list:
    try:
        with open(path, encoding="utf-8") as handle:
            data = yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        report.error(path.name, f"invalid YAML: {exc}")
        return []
    if data is None:
        return []
    if not isinstance(data, list):
        report.error(path.name, "not a YAML list of entries")
        return []
    return data


def actor_files(directory: Path) -> list[Path]:
    """Curated files first, then generated sub-folders (phoenix/), as the loader reads them."""
    return sorted(directory.glob("*.yaml")) + sorted(directory.glob("*/*.yaml"))


def header_source(path: Path) -> str | None:
    """The file's own "Sources" / "GENERATED ... from" note, which covers entries without `source`."""
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.startswith("#"):
                break
            if re.match(r"#\s*(Sources?\b|GENERATED\b.*\bfrom\b)", line):
                return line.strip("# \n")
    return None


def check_actors(directory: Path, report: Report) -> dict:
    files = actor_files(directory)
    raw = {path: load_file(path, report) for path in files}
    countries = {
        item.get("country")
        for items in raw.values()
        for item in items
        if isinstance(item, dict) and item.get("type") == "country"
    }
    # territories coded under their state ("GBRBMU") keep their own ISO code in older data ("BMU")
    countries |= {
        str(item.get("code"))[3:6]
        for items in raw.values()
        for item in items
        if isinstance(item, dict) and item.get("type") == "country" and len(str(item.get("code") or "")) == 6
    }
    countries |= FORMER_STATES
    ids: dict[str, str] = {}
    entries: dict[str, dict] = {}
    extensions: list[tuple[str, dict]] = []
    per_file: dict[str, Counter] = {}
    per_type: Counter = Counter()
    alias_index: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for path, items in raw.items():
        name = str(path.relative_to(directory))
        counts = Counter()
        file_source = header_source(path)
        for number, item in enumerate(items, start=1):
            if isinstance(item, dict) and "extends" in item:
                extensions.append((f"{name}#{number}", item))
                counts["extends"] += 1
                continue
            entry = check_entry(item, f"{name}#{number}", report, countries)
            if entry is None:
                continue
            if not entry.get("source") and not file_source:
                report.error(f"{name}#{number} {entry['id']}", "no source: give the entry a `source` or the file a Sources header")
            generated = [entry["id"]]
            if isinstance(entry.get("capital"), dict):
                generated.append(f"capital/{entry['country']}")
            for entry_id in generated:
                if entry_id in ids:
                    report.error(name, f"id {entry_id} already used in {ids[entry_id]}")
                else:
                    ids[entry_id] = name
            entries[entry["id"]] = entry
            counts[entry["type"]] += 1
            per_type[entry["type"]] += 1
            code = entry.get("code") or entry["country"]
            for alias in {entry["name"], *(entry.get("aliases") or [])}:
                alias_index[alias].append((entry["id"], entry["country"], str(code)))
        per_file[name] = counts
    for where, item in extensions:
        check_extension(where, item, entries, report, countries)
    for entry in entries.values():
        check_overlaps(entry, report)
    shared = 0
    for alias, hits in sorted(alias_index.items()):
        if len({h[0] for h in hits}) < 2:
            continue
        shared += 1
        if report.verbose:
            report.info.append(f"shared alias {alias!r}: " + ", ".join(f"{i} ({c})" for i, _, c in hits))
        by_country = defaultdict(set)
        for entry_id, country, code in hits:
            by_country[country].add((code, entry_id))
        for country, found in by_country.items():
            if len({c for c, _ in found}) > 1:
                report.warn(f"alias {alias!r}", f"names {country} entries with different codes: "
                            + ", ".join(f"{i} ({c})" for c, i in sorted(found)))
    return {"files": per_file, "types": per_type, "shared_aliases": shared, "entries": len(ids), "extends": len(extensions)}


def check_extension(where: str, item: dict, entries: dict[str, dict], report: Report, countries: set[str]) -> None:
    """An `extends` record: its target exists, its roles are valid; they join the target's roles."""
    target = entries.get(str(item.get("extends")))
    label = f"{where} extends {item.get('extends')}"
    if target is None:
        report.error(label, "names no entry")
        return
    if not item.get("source"):
        report.error(label, "no source")
    unknown = set(item) - {"extends", "aliases", "roles", "source"}
    if unknown:
        report.warn(label, f"unknown fields {sorted(unknown)}")
    probe = {"id": target["id"], "type": target["type"], "name": target["name"], "country": target["country"], "roles": item.get("roles") or []}
    if check_entry(probe, label, report, countries) is not None:
        target["roles"] = list(target.get("roles") or []) + list(item.get("roles") or [])


def check_overlaps(entry: dict, report: Report) -> None:
    """Dated roles of one actor (its extensions included) must not overlap."""
    spans = []
    for number, role in enumerate(entry.get("roles") or [], start=1):
        if not isinstance(role, dict):
            continue
        try:
            start = parse_date(role["from"]) if role.get("from") is not None else None
            end = parse_date(role["until"]) if role.get("until") is not None else None
        except (ValueError, TypeError):
            continue  # reported by check_entry
        if start or end:
            spans.append((start or dt.date.min, end or dt.date.max, number, role.get("code")))
    spans.sort()
    for (s1, e1, n1, c1), (s2, e2, n2, c2) in zip(spans, spans[1:]):
        if s2 < e1:
            report.error(entry["id"], f"roles {n1} ({c1} {s1}..{e1}) and {n2} ({c2} {s2}..{e2}) overlap")


def check_sectors(path: Path, report: Report) -> Counter:
    counts: Counter = Counter()
    if not path.exists():
        report.error(path.name, "missing")
        return counts
    seen: dict[str, int] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        where = f"{path.name}:{number}"
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2:
            report.error(where, f"expected 'phrase<TAB>SECTOR': {line!r}")
            continue
        phrase, sector = parts
        if "#" in line:
            report.error(where, "a hash inside a line (the loader cuts comments there)")
        if phrase != " ".join(phrase.split()) or phrase != phrase.lower() or not phrase:
            report.error(where, f"phrase must be lowercase with single spaces: {phrase!r}")
        if not re.fullmatch(r"[A-Z]{3}", sector):
            report.error(where, f"bad sector {sector!r}")
        elif sector not in SECTORS:
            report.warn(where, f"unknown sector {sector!r}")
        if phrase in seen:
            report.error(where, f"{phrase!r} already on line {seen[phrase]}")
        seen[phrase] = number
        counts[sector] += 1
    for noun in CORE_SECTOR_NOUNS:
        if noun not in seen:
            report.error(path.name, f"core sector noun {noun!r} missing")
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dir", type=Path, default=ACTORS)
    parser.add_argument("--sectors", type=Path, default=None)
    parser.add_argument("-v", "--verbose", action="store_true", help="print warnings too")
    args = parser.parse_args(argv)
    report = Report(args.verbose)

    stats = check_actors(args.dir, report)
    sectors = check_sectors(args.sectors or args.dir / "sectors.tsv", report)

    print(f"Actor files in {args.dir}:")
    for name, counts in stats["files"].items():
        detail = ", ".join(f"{t} {n}" for t, n in sorted(counts.items()))
        print(f"  {name:<24} {sum(counts.values()):>6}  ({detail})")
    print(f"  {'total':<24} {sum(stats['types'].values()):>6}  "
          + "(" + ", ".join(f"{t} {n}" for t, n in sorted(stats["types"].items())) + ")")
    print(f"  ids (capitals included): {stats['entries']}; extends records: {stats['extends']}; "
          f"aliases naming more than one entry: {stats['shared_aliases']}")
    print(f"sectors.tsv: {sum(sectors.values())} phrases; "
          + ", ".join(f"{s} {n}" for s, n in sorted(sectors.items(), key=lambda x: -x[1])))
    if args.verbose:
        for line in report.info + report.warnings:
            print(line)
    print(f"{len(report.errors)} errors, {len(report.warnings)} warnings" + ("" if args.verbose else " (-v lists them)"))
    for line in report.errors:
        print(line)
    return 1 if report.errors else 0


if __name__ == "__main__":
    sys.exit(main())
