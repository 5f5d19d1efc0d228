"""The actor knowledge base: who is who, with CAMEO codes and date-aware roles.

Entries live in YAML files under ``detente/data/actors/`` (see the header of each file for the
format and the sources of its facts). Users add or override entries with their own file of the
same format: an entry with an existing ``id`` replaces it, a new one is added.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from detente.data import data_path
from detente.errors import DataFileError

log = logging.getLogger(__name__)

try:  # libyaml's loader is ~10x faster on the big files
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - pure-Python PyYAML
    _Loader = yaml.SafeLoader

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

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

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


@dataclass
class KnowledgeBase:
    entries: dict[str, ActorEntry] = field(default_factory=dict)
    _aliases: dict[str, list[str]] = field(default_factory=dict)
    _lower: dict[str, list[str]] = field(default_factory=dict)
    _demonyms: dict[str, str] = field(default_factory=dict)
    _countries: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, extra_files: Iterable[Path] = (), *, builtin: bool = True) -> KnowledgeBase:
        """The shipped knowledge base, then each of ``extra_files`` (later files override)."""
        kb = cls()
        if builtin:
            for path in sorted(data_path("actors").glob("*.yaml")):
                kb.add_entries(read_entries(path))
        for path in extra_files:
            kb.add_entries(read_entries(Path(path)), override=True)
        kb.reindex()
        return kb

    def add_entries(self, entries: Iterable[ActorEntry], *, override: bool = False) -> None:
        for entry in entries:
            if entry.id in self.entries and not override:
                log.warning("duplicate actor id %s; keeping the first", entry.id)
                continue
            self.entries[entry.id] = entry
        self._user_first = override

    def reindex(self) -> None:
        self._aliases.clear()
        self._lower.clear()
        self._demonyms.clear()
        self._countries.clear()
        # later entries (user files) are indexed first so that they win ambiguous aliases
        for entry in reversed(list(self.entries.values())):
            for name in _surface_forms(entry.names):
                self._aliases.setdefault(name, []).append(entry.id)
                self._lower.setdefault(name.lower(), []).append(entry.id)
            if entry.type == "country":
                self._countries.setdefault(entry.country, entry.id)
                for demonym in entry.demonyms:
                    self._demonyms.setdefault(demonym, entry.id)
                    self._demonyms.setdefault(demonym.lower(), entry.id)

    def __len__(self) -> int:
        return len(self.entries)

    def __getitem__(self, entry_id: str) -> ActorEntry:
        return self.entries[entry_id]

    def get(self, entry_id: str) -> ActorEntry | None:
        return self.entries.get(entry_id)

    def lookup(self, text: str) -> list[ActorEntry]:
        """Entries whose name or alias is ``text`` (exact case first, then case-insensitive)."""
        text = text.strip()
        for form in (text, _strip_article(text)):
            ids = self._aliases.get(form)
            if ids:
                return [self.entries[i] for i in ids]
        ids = self._lower.get(_strip_article(text).lower())
        if ids and not text.islower():  # "us" the pronoun is not "US" the country
            return [self.entries[i] for i in ids]
        return []

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
            yield {"label": ENT_LABELS.get(entry.type, "ORG"), "pattern": name, "id": entry.id}
        for demonym, entry_id in self._demonyms.items():
            if demonym in seen or demonym.islower():
                continue
            seen.add(demonym)
            yield {"label": "NORP", "pattern": demonym, "id": entry_id}


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


def read_entries(path: Path) -> list[ActorEntry]:
    """Parse one YAML file of actor entries; errors name the file and the entry."""
    try:
        with open(path, encoding="utf-8") as handle:
            raw = yaml.load(handle, Loader=_Loader)
    except OSError as exc:
        raise DataFileError(f"cannot read actor file ({exc.strerror or exc})", path=str(path)) from None
    except ValueError as exc:  # PyYAML builds dates itself: "2020-13-01" fails here
        raise DataFileError(f"invalid value: {exc}", path=str(path)) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise DataFileError(f"invalid YAML: {getattr(exc, 'problem', exc)}", path=str(path), line=line) from None
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise DataFileError("an actor file must be a YAML list of entries", path=str(path))
    entries = []
    for number, item in enumerate(raw, start=1):
        try:
            entries.extend(parse_entry(item))
        except (KeyError, TypeError, ValueError) as exc:
            label = item.get("id", f"entry {number}") if isinstance(item, dict) else f"entry {number}"
            raise DataFileError(f"bad actor entry {label}: {exc}", path=str(path)) from None
    return entries


def parse_entry(item: dict) -> list[ActorEntry]:
    """One YAML entry; a country with a ``capital`` also yields the capital as a place entry."""
    if not isinstance(item, dict):
        raise TypeError("entry must be a mapping")
    for key in ("id", "type", "name", "country"):
        if not item.get(key):
            raise ValueError(f"missing required field {key!r}")
    roles = tuple(
        Role(
            code=str(role["code"]),
            sector=role.get("sector"),
            start=_date(role.get("from")),
            end=_date(role.get("until")),
            title=role.get("title"),
        )
        for role in item.get("roles") or ()
    )
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
