"""The event lexicon: trigger lemmas with constraint patterns, mapped to CAMEO codes.

Format of ``data/lexicon/verbs.tsv`` and ``nouns.tsv`` (one pattern a line, ``CODE<TAB>PATTERN``):
the first word of the pattern is the trigger lemma; every further element is a constraint that
must hold — ``with`` or ``in|at`` (a preposition or particle on the trigger), ``+lemma`` (head of
the direct object; for nouns, of an "of" phrase or a compound), ``+*lemma`` (anywhere inside the
object), ``prep:lemma`` (a preposition whose object has that head), ``to:verb`` (an infinitival
complement). ``&SET`` names a synonym set of ``synonyms.tsv``. Code ``---`` marks a non-event.
Among matching patterns the most specific wins; ties go to the first in the file.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from detente.data import data_path
from detente.errors import DataFileError

NO_EVENT = "---"
LEXICON_FORMAT = "1"  # bump when Pattern or Lexicon change shape (the compiled lexicon is cached)


@dataclass(frozen=True, slots=True)
class Pattern:
    code: str
    trigger: str
    preps: tuple[frozenset[str], ...] = ()
    objects: tuple[frozenset[str], ...] = ()
    deep_objects: tuple[frozenset[str], ...] = ()
    prep_objects: tuple[tuple[str, frozenset[str]], ...] = ()
    xcomps: tuple[frozenset[str], ...] = ()
    line: int = 0

    @property
    def specificity(self) -> int:
        return len(self.preps) + 2 * len(self.objects) + len(self.deep_objects) + 2 * len(self.prep_objects) + len(self.xcomps)

    def matches(self, features: TriggerFeatures) -> bool:
        """Every constraint has one of its alternatives among the features (plain loops: this runs
        for every pattern of every trigger)."""
        for alternatives in self.preps:
            if alternatives.isdisjoint(features.preps):
                return False
        for alternatives in self.objects:
            if alternatives.isdisjoint(features.objects):
                return False
        for alternatives in self.deep_objects:
            if alternatives.isdisjoint(features.deep_objects):
                return False
        for prep, alternatives in self.prep_objects:
            if alternatives.isdisjoint(features.prep_objects.get(prep, ())):
                return False
        for alternatives in self.xcomps:
            if alternatives.isdisjoint(features.xcomps):
                return False
        return True


@dataclass(frozen=True, slots=True)
class TriggerFeatures:
    """What the parse says around a trigger, in the terms patterns test."""

    preps: frozenset[str] = frozenset()
    objects: frozenset[str] = frozenset()
    deep_objects: frozenset[str] = frozenset()
    prep_objects: dict[str, frozenset[str]] = field(default_factory=dict)
    xcomps: frozenset[str] = frozenset()


@dataclass
class Lexicon:
    """Patterns by trigger lemma, for verbs and for event nouns."""

    verbs: dict[str, list[Pattern]] = field(default_factory=dict)
    nouns: dict[str, list[Pattern]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # most specific first, so that the first match is the best; the sort is stable, so file
        # order still breaks ties
        for table in (self.verbs, self.nouns):
            for listed in table.values():
                listed.sort(key=lambda p: -p.specificity)

    def add(self, pattern: Pattern, *, noun: bool = False) -> None:
        """Add a pattern after those at least as specific (the order ``best`` relies on)."""
        listed = (self.nouns if noun else self.verbs).setdefault(pattern.trigger, [])
        position = next((k for k, p in enumerate(listed) if p.specificity < pattern.specificity), len(listed))
        listed.insert(position, pattern)

    @classmethod
    def load(cls, folder: Path | None = None) -> Lexicon:
        """The lexicon of ``folder`` (default: the shipped one, compiled once into the user cache,
        see ``detente.data.cache``; rebuilt when a file of it changes)."""
        if folder is None:
            from detente.data.cache import load_cached

            folder = data_path("lexicon")
            files = [folder / name for name in ("synonyms.tsv", "verbs.tsv", "nouns.tsv")]
            return load_cached("lexicon", files, lambda: cls.load(folder), version=LEXICON_FORMAT)
        synonyms = read_synonyms(folder / "synonyms.tsv")
        return cls(
            verbs=_index(read_patterns(folder / "verbs.tsv", synonyms)),
            nouns=_index(read_patterns(folder / "nouns.tsv", synonyms)),
        )

    def best(self, table: dict[str, list[Pattern]], lemma: str, features: TriggerFeatures) -> Pattern | None:
        """The most specific matching pattern of ``lemma`` (may be a ``---`` non-event); among
        equally specific ones, the first in the file."""
        for pattern in table.get(lemma, ()):  # most specific first (see _index)
            if pattern.matches(features):
                return pattern
        return None

    def verb(self, lemma: str, features: TriggerFeatures) -> Pattern | None:
        return self.best(self.verbs, lemma, features)

    def noun(self, lemma: str, features: TriggerFeatures) -> Pattern | None:
        return self.best(self.nouns, lemma, features)

    def is_trigger(self, lemma: str) -> bool:
        return lemma in self.verbs or lemma in self.nouns


def _index(patterns: Iterable[Pattern]) -> dict[str, list[Pattern]]:
    table: dict[str, list[Pattern]] = {}
    for pattern in patterns:
        table.setdefault(pattern.trigger, []).append(pattern)
    return table


def _data_lines(path: Path) -> Iterable[tuple[int, str]]:
    try:
        handle = open(path, encoding="utf-8")
    except OSError as exc:
        raise DataFileError(f"cannot read lexicon file ({exc.strerror or exc})", path=str(path)) from None
    with handle:
        for number, line in enumerate(handle, start=1):
            line = line.split("#", 1)[0].rstrip()
            if line.strip():
                yield number, line


def read_synonyms(path: Path) -> dict[str, frozenset[str]]:
    sets: dict[str, frozenset[str]] = {}
    if not path.exists():
        return sets
    for number, line in _data_lines(path):
        name, _, words = line.strip().partition("\t") if "\t" in line else line.strip().partition(" ")
        if not name.startswith("&") or not words.strip():
            raise DataFileError("expected '&NAME<TAB>lemma lemma ...'", path=str(path), line=number)
        sets[name.strip().upper()] = frozenset(w.lower() for w in words.split())
    return sets


def read_patterns(path: Path, synonyms: dict[str, frozenset[str]]) -> list[Pattern]:
    patterns = []
    for number, line in _data_lines(path):
        code, _, text = line.strip().partition("\t") if "\t" in line else line.strip().partition(" ")
        code, text = code.strip(), text.split("\t", 1)[0].strip()
        if not text or not (code == NO_EVENT or code.isdigit()):
            raise DataFileError("expected 'CODE<TAB>PATTERN'", path=str(path), line=number)
        try:
            patterns.append(parse_pattern(code, text, synonyms, number))
        except ValueError as exc:
            raise DataFileError(str(exc), path=str(path), line=number) from None
    return patterns


def parse_pattern(code: str, text: str, synonyms: dict[str, frozenset[str]], line: int = 0) -> Pattern:
    trigger, *elements = text.lower().split()
    preps, objects, deep, prep_objects, xcomps = [], [], [], [], []
    for element in elements:
        if element.startswith("+*"):
            deep.append(_alternatives(element[2:], synonyms))
        elif element.startswith("+"):
            objects.append(_alternatives(element[1:], synonyms))
        elif element.startswith("to:"):
            xcomps.append(_alternatives(element[3:], synonyms))
        elif ":" in element:
            prep, _, words = element.partition(":")
            prep_objects.append((prep, _alternatives(words, synonyms)))
        else:
            preps.append(_alternatives(element, synonyms))
    return Pattern(
        code=code,
        trigger=trigger,
        preps=tuple(preps),
        objects=tuple(objects),
        deep_objects=tuple(deep),
        prep_objects=tuple(prep_objects),
        xcomps=tuple(xcomps),
        line=line,
    )


def _alternatives(text: str, synonyms: dict[str, frozenset[str]]) -> frozenset[str]:
    words: set[str] = set()
    for word in text.split("|"):
        if word.startswith("&"):
            key = word.upper()
            if key not in synonyms:
                raise ValueError(f"unknown synonym set {word}")
            words |= synonyms[key]
        elif word:
            words.add(word)
    if not words:
        raise ValueError(f"empty alternative in {text!r}")
    return frozenset(words)
