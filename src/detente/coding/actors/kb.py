"""The actor knowledge base: who is who, with CAMEO codes and date-aware roles.

Entries live in YAML files under ``detente/data/actors/`` (see the header of each file for the
format and the sources of its facts). Users add or override entries with their own file of the
same format: an entry with an existing ``id`` replaces it, a new one is added.
"""

from __future__ import annotations

import datetime as dt
import logging
import pickle
from collections.abc import Iterable, Iterator, MutableMapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from detente.data import data_path
from detente.data.cache import load_cached
from detente.errors import DataFileError

log = logging.getLogger(__name__)

KB_FORMAT = "7"  # bump when ActorEntry, Role or the index change shape
NON_STATE = {"IGO", "NGO", "IMG", "MNC", "UIS", "REB", "CRM", "---"}
ENT_LABELS = {
    "person": "PERSON",
    "country": "GPE",
    "place": "GPE",
    "igo": "ORG",
    "ngo": "ORG",
    "organization": "ORG",
    "armed_group": "ORG",
    "party": "ORG",
}
ARTICLE_FORMS = ("the ", "The ")
TITLES = {"President", "Prime", "King", "Queen", "Chancellor", "Premier", "Emir", "Sheikh", "Pope", "Prince", "Minister", "Secretary", "General", "Gen.", "Mr.", "Mrs.", "Ms.", "Dr.", "Senator", "Sen.", "Rep.", "Governor", "Gov.", "Vice", "Crown"}


@dataclass(frozen=True, slots=True)
class Role:
    """A coded role held between ``start`` (inclusive) and ``end`` (exclusive); open ends allowed."""

    code: str
    sector: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    title: str | None = None

    def covers(self, date: dt.date) -> bool:
        return (self.start is None or self.start <= date) and (self.end is None or date < self.end)

    def __reduce__(self):  # positional, not the slow generic setstate of frozen slotted dataclasses
        return (Role, (self.code, self.sector, self.start, self.end, self.title))

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None


@dataclass(frozen=True, slots=True)
class ActorEntry:
    id: str
    type: str
    name: str
    country: str
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    code: str | None = None
    sector: str | None = None
    wikidata: str | None = None
    roles: tuple[Role, ...] = ()
    place: str | None = None
    lat: float | None = None
    lon: float | None = None
    region: bool = False  # a CAMEO region ("Europe", "West Africa"), not a state
    source: str | None = None  # where the entry's facts come from, when not the file header

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    def __reduce__(self):  # the compiled KB unpickles ~27,000 of these: keep it positional
        return (ActorEntry, tuple(getattr(self, name) for name in _ENTRY_FIELDS))

    def coding_at(self, date: dt.date | None) -> tuple[str, str | None]:
        """The (code, sector) this actor has on ``date``.

        A dated role covering the date wins; else an undated role; else the entry's own code;
        else the bare country code. Without a date, the latest-starting dated role is used.
        """
        if self.roles:
            if date is not None:
                for role in self.roles:
                    if role.dated and role.covers(date):
                        return role.code, role.sector
            else:
                dated = [r for r in self.roles if r.dated]
                if dated:
                    latest = max(dated, key=lambda r: r.start or dt.date.min)
                    return latest.code, latest.sector
            for role in self.roles:
                if not role.dated:
                    return role.code, role.sector
        if self.code:
            return self.code, self.sector
        return self.country, self.sector if self.type != "person" else None


_ENTRY_FIELDS = tuple(f.name for f in fields(ActorEntry))
_ROLES = _ENTRY_FIELDS.index("roles")


def _entry_row(entry: ActorEntry) -> tuple:
    """``entry`` as a tuple of plain values (dates as ordinals): what the compiled KB stores."""
    row = [getattr(entry, name) for name in _ENTRY_FIELDS]
    row[_ROLES] = tuple(
        (r.code, r.sector, r.start.toordinal() if r.start else None, r.end.toordinal() if r.end else None, r.title)
        for r in entry.roles
    )
    return tuple(row)


def _entry_from_row(row: tuple) -> ActorEntry:
    values = list(row)
    values[_ROLES] = tuple(
        Role(code, sector, dt.date.fromordinal(start) if start else None, dt.date.fromordinal(end) if end else None, title)
        for code, sector, start, end, title in row[_ROLES]
    )
    return ActorEntry(*values)


class Entries(MutableMapping):
    """The KB's entries by id, built on first access from the packed rows of the compiled cache.

    Unpickling ~27,000 entries with their roles cost half a second on every start, though a run
    touches a few hundred of them; as plain rows, 0.05 s. Each row is now kept pickled on its own
    (one bytes object per entry, 0.005 s to load) and read when its entry is first used.
    Insertion order is kept (``reindex`` depends on it).
    """

    __slots__ = ("_items",)

    def __init__(self, rows: dict[str, ActorEntry | bytes] | None = None) -> None:
        self._items: dict[str, ActorEntry | bytes] = rows if rows is not None else {}

    def __getitem__(self, entry_id: str) -> ActorEntry:
        value = self._items[entry_id]
        if type(value) is bytes:
            value = self._items[entry_id] = _entry_from_row(pickle.loads(value))
        return value

    def get(self, entry_id: str, default=None):
        return self[entry_id] if entry_id in self._items else default

    def __setitem__(self, entry_id: str, entry: ActorEntry) -> None:
        self._items[entry_id] = entry

    def __delitem__(self, entry_id: str) -> None:
        del self._items[entry_id]

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self._items

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def packed(self) -> dict[str, bytes]:
        """Every entry as its pickled row (see ``_entry_row``), in order."""
        return {k: v if type(v) is bytes else pickle.dumps(_entry_row(v), protocol=pickle.HIGHEST_PROTOCOL)
                for k, v in self._items.items()}


@dataclass
class KnowledgeBase:
    entries: Entries = field(default_factory=Entries)
    _aliases: dict[str, list[str]] = field(default_factory=dict)
    _lower: dict[str, list[str]] = field(default_factory=dict)
    _demonyms: dict[str, str] = field(default_factory=dict)
    _countries: dict[str, str] = field(default_factory=dict)
    _generated: set[str] = field(default_factory=set)  # ids from generated files (data/actors/*/)
    _surnames: dict[str, list[str]] = field(default_factory=dict)  # curated people by last name

    def __getstate__(self) -> dict:
        """Plain values only (entries as packed rows), so that loading the compiled KB is fast."""
        state = {name: getattr(self, name) for name in _KB_FIELDS}
        entries = self.entries if isinstance(self.entries, Entries) else Entries(dict(self.entries))
        state["entries"] = entries.packed()
        return state

    def __setstate__(self, state: dict) -> None:
        for name in _KB_FIELDS:
            setattr(self, name, state[name])
        self.entries = Entries(state["entries"])

    @classmethod
    def load(cls, extra_files: Iterable[Path] = (), *, builtin: bool = True, cache: bool = True) -> KnowledgeBase:
        """The shipped knowledge base, then each of ``extra_files`` (later files override).

        The shipped files are compiled once and kept in the user cache (see ``detente.data.cache``),
        rebuilt when any of them changes; user files are read on every load.
        """
        extra = [Path(p) for p in extra_files]
        if builtin and cache:
            kb = load_cached("actors-kb", builtin_files(), lambda: cls.load(builtin=True, cache=False), version=KB_FORMAT)
            if not extra:
                return kb
        else:
            kb = cls()
            if builtin:
                kb.add_files(builtin_files())
        for path in extra:
            entries, extensions = read_actor_file(path)
            kb.add_entries(entries, override=True)
            kb.apply_extensions(extensions, path)
        kb.reindex()
        return kb

    def add_files(self, paths: Iterable[Path]) -> None:
        """Entries of curated files first, then generated ones; then every ``extends`` record."""
        paths = list(paths)
        extensions = []
        for path in paths:
            entries, records = read_actor_file(path)
            self.add_entries(entries)
            if path.parent != data_path("actors"):
                self._generated.update(e.id for e in entries)
            extensions.append((path, records))
        for path, records in extensions:
            self.apply_extensions(records, path)

    def add_entries(self, entries: Iterable[ActorEntry], *, override: bool = False) -> None:
        for entry in entries:
            if entry.id in self.entries and not override:
                log.warning("duplicate actor id %s; keeping the first", entry.id)
                continue
            self.entries[entry.id] = entry

    def apply_extensions(self, records: Iterable[Extension], path: Path) -> None:
        """Add the names and roles of ``extends`` records to the entries they name."""
        for record in records:
            entry = self.entries.get(record.target)
            if entry is None:
                raise DataFileError(f"'extends: {record.target}' names no actor entry", path=str(path))
            roles = tuple(sorted((*entry.roles, *record.roles), key=lambda r: r.start or dt.date.min))
            aliases = entry.aliases + tuple(a for a in record.aliases if a not in entry.names)
            self.entries[entry.id] = replace(entry, aliases=aliases, roles=roles)

    def reindex(self) -> None:
        self._aliases.clear()
        self._lower.clear()
        self._demonyms.clear()
        self._countries.clear()
        self._surnames.clear()
        # later entries (user files) are indexed first so that they win ambiguous aliases; entries
        # generated from other dictionaries (phoenix/) come after every curated one
        ordered = sorted(reversed(list(self.entries.values())), key=lambda e: e.id in self._generated)
        for entry in ordered:
            for name in _surface_forms(entry.names):
                self._aliases.setdefault(name, []).append(entry.id)
                self._lower.setdefault(name.lower(), []).append(entry.id)
            if entry.type == "person" and entry.id not in self._generated and len(entry.name.split()) > 1:
                self._surnames.setdefault(entry.name.split()[-1], []).append(entry.id)
            if entry.type == "country":
                self._countries.setdefault(entry.country, entry.id)
                for demonym in entry.demonyms:
                    self._demonyms.setdefault(demonym, entry.id)
                    self._demonyms.setdefault(demonym.lower(), entry.id)

    def __len__(self) -> int:
        return len(self.entries)

    def __getitem__(self, entry_id: str) -> ActorEntry:
        return self.entries[entry_id]

    def by_surname(self, surname: str) -> list[ActorEntry]:
        """Curated people whose name ends with ``surname`` ("Ortega": Daniel Ortega, ...)."""
        return [self.entries[i] for i in self._surnames.get(surname, ())]

    def is_generated(self, entry_id: str) -> bool:
        """Whether the entry comes from a generated file (phoenix/) rather than a curated one."""
        return entry_id in self._generated

    def get(self, entry_id: str) -> ActorEntry | None:
        return self.entries.get(entry_id)

    def lookup(self, text: str, date: dt.date | None = None) -> list[ActorEntry]:
        """Entries whose name or alias is ``text`` (exact case first, then case-insensitive).

        With a ``date``, namesakes are ordered by who held a dated role then (see :meth:`by_date`).
        """
        text = text.strip()
        found: list[ActorEntry] = []
        for form in (text, _strip_article(text)):
            ids = self._aliases.get(form)
            if ids:
                found = [self.entries[i] for i in ids]
                break
        else:
            ids = self._lower.get(_strip_article(text).lower())
            if ids and not text.islower():  # "us" the pronoun is not "US" the country
                found = [self.entries[i] for i in ids]
        return self.by_date(found, date) if date is not None and len(found) > 1 else found

    @staticmethod
    def by_date(entries: list[ActorEntry], date: dt.date) -> list[ActorEntry]:
        """Namesakes in order: a dated role covering ``date`` first, then a role that started before it
        (a former office-holder), then the rest; stable otherwise."""

        def rank(entry: ActorEntry) -> int:
            if any(role.dated and role.covers(date) for role in entry.roles):
                return 0
            if any(role.start is not None and role.start <= date for role in entry.roles):
                return 1
            return 2

        return sorted(entries, key=rank)

    def demonym(self, text: str) -> ActorEntry | None:
        """The country whose adjective or plural is ``text`` ("Colombian", "Americans")."""
        entry_id = self._demonyms.get(text) or self._demonyms.get(text.lower() if not text.islower() else "")
        return self.entries.get(entry_id) if entry_id else None

    def country(self, code: str) -> ActorEntry | None:
        entry_id = self._countries.get(code)
        return self.entries.get(entry_id) if entry_id else None

    def ruler_patterns(self) -> Iterator[dict]:
        """Phrase patterns for spaCy's entity ruler: every name, alias and demonym."""
        seen: set[str] = set()
        for name, ids in self._aliases.items():
            if name in seen or len(name) < 2 or name.split()[0] in TITLES:
                # titles are read from context: "President Xi" must not hide "Xi Jinping"
                continue
            seen.add(name)
            entry = self.entries[ids[0]]
            pattern = {"label": ENT_LABELS.get(entry.type, "ORG"), "pattern": name, "id": entry.id}
            if entry.type == "person" and entry.id in self._generated:
                pattern["inside_names"] = False  # not "Ismail Khan" inside "Dera Ismail Khan"
            yield pattern
        for demonym, entry_id in self._demonyms.items():
            if demonym in seen or demonym.islower():
                continue
            seen.add(demonym)
            yield {"label": "NORP", "pattern": demonym, "id": entry_id}


_KB_FIELDS = tuple(f.name for f in fields(KnowledgeBase))


def _strip_article(text: str) -> str:
    for article in ARTICLE_FORMS:
        if text.startswith(article):
            return text[len(article):]
    return text


def _surface_forms(names: Iterable[str]) -> Iterator[str]:
    for name in names:
        name = name.strip()
        if not name:
            continue
        yield name
        if "’" in name:
            yield name.replace("’", "'")
        elif "'" in name:
            yield name.replace("'", "’")


@dataclass(frozen=True, slots=True)
class Extension:
    """An ``extends: <id>`` record: more names and roles for an entry defined elsewhere."""

    target: str
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    source: str | None = None


def builtin_files() -> list[Path]:
    """The shipped actor files: curated ones (``actors/*.yaml``) first, then generated sub-folders."""
    folder = data_path("actors")
    return sorted(folder.glob("*.yaml")) + sorted(folder.glob("*/*.yaml"))


def read_entries(path: Path) -> list[ActorEntry]:
    """Parse one YAML file of actor entries; errors name the file and the entry."""
    return read_actor_file(path)[0]


def read_actor_file(path: Path) -> tuple[list[ActorEntry], list[Extension]]:
    """The entries and the ``extends`` records of one YAML file; errors name the file and the entry."""
    import yaml  # only to build the KB (or read a user's file): a compiled KB is cached

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's is ~10x faster on the big files
    try:
        with open(path, encoding="utf-8") as handle:
            raw = yaml.load(handle, Loader=loader)
    except OSError as exc:
        raise DataFileError(f"cannot read actor file ({exc.strerror or exc})", path=str(path)) from None
    except ValueError as exc:  # PyYAML builds dates itself: "2020-13-01" fails here
        raise DataFileError(f"invalid value: {exc}", path=str(path)) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise DataFileError(f"invalid YAML: {getattr(exc, 'problem', exc)}", path=str(path), line=line) from None
    if raw is None:
        return [], []
    if not isinstance(raw, list):
        raise DataFileError("an actor file must be a YAML list of entries", path=str(path))
    entries: list[ActorEntry] = []
    extensions: list[Extension] = []
    for number, item in enumerate(raw, start=1):
        try:
            if isinstance(item, dict) and "extends" in item:
                extensions.append(parse_extension(item))
            else:
                entries.extend(parse_entry(item))
        except (KeyError, TypeError, ValueError) as exc:
            label = item.get("id") or item.get("extends") if isinstance(item, dict) else None
            raise DataFileError(f"bad actor entry {label or f'entry {number}'}: {exc}", path=str(path)) from None
    return entries, extensions


def parse_extension(item: dict) -> Extension:
    return Extension(
        target=str(item["extends"]),
        aliases=tuple(str(a) for a in item.get("aliases") or ()),
        roles=_roles(item),
        source=item.get("source"),
    )


def _roles(item: dict) -> tuple[Role, ...]:
    return tuple(
        Role(
            code=str(role["code"]),
            sector=role.get("sector"),
            start=_date(role.get("from")),
            end=_date(role.get("until")),
            title=role.get("title"),
        )
        for role in item.get("roles") or ()
    )


def parse_entry(item: dict) -> list[ActorEntry]:
    """One YAML entry; a country with a ``capital`` also yields the capital as a place entry."""
    if not isinstance(item, dict):
        raise TypeError("entry must be a mapping")
    for key in ("id", "type", "name", "country"):
        if not item.get(key):
            raise ValueError(f"missing required field {key!r}")
    roles = _roles(item)
    country = str(item["country"])
    entry = ActorEntry(
        id=str(item["id"]),
        type=str(item["type"]),
        name=str(item["name"]),
        country=country,
        aliases=tuple(str(a) for a in item.get("aliases") or ()),
        demonyms=tuple(str(d) for d in item.get("demonyms") or ()),
        code=str(item["code"]) if item.get("code") else None,
        sector=item.get("sector"),
        wikidata=item.get("wikidata"),
        roles=roles,
        place=item.get("place"),
        lat=_float(item.get("lat")),
        lon=_float(item.get("lon")),
        region=bool(item.get("region")),
        source=item.get("source"),
    )
    entries = [entry]
    capital = item.get("capital")
    if isinstance(capital, dict) and capital.get("name"):
        entries.append(
            ActorEntry(
                id=f"capital/{country}",
                type="place",
                name=str(capital["name"]),
                country=country,
                aliases=tuple(str(a) for a in capital.get("aliases") or ()),
                code=f"{entry.code or country}GOV",
                sector="GOV",
                place=str(capital["name"]),
                lat=_float(capital.get("lat")),
                lon=_float(capital.get("lon")),
            )
        )
    return entries


def _date(value: object) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _float(value: object) -> float | None:
    return None if value is None or value == "" else float(value)
