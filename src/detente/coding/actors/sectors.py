"""Sector nouns ("minister", "troops", "opposition leader") mapped to PLOVER/CAMEO sector codes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from detente.data import data_path
from detente.errors import DataFileError

MAX_WORDS = 5


@dataclass
class SectorLexicon:
    phrases: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path | None = None) -> SectorLexicon:
        path = path or data_path("actors", "sectors.tsv")
        phrases: dict[str, str] = {}
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                line = line.split("#", 1)[0].rstrip("\n")
                if not line.strip():
                    continue
                parts = line.split("\t")
                if len(parts) < 2 or not parts[1].strip():
                    raise DataFileError("expected 'phrase<TAB>sector'", path=str(path), line=number)
                phrases[" ".join(parts[0].lower().split())] = parts[1].strip()
        return cls(phrases)

    def __post_init__(self) -> None:
        self._last_words = {phrase.rsplit(" ", 1)[-1] for phrase in self.phrases}

    def may_end(self, word: str) -> bool:
        """Whether some phrase ends with ``word`` (any case): a noun for which this is false heads
        no sector phrase, whatever precedes it."""
        return word.lower() in self._last_words

    def get(self, phrase: str) -> str | None:
        return self.phrases.get(phrase.lower())

    def longest_suffix(self, words: Sequence[str]) -> tuple[str, int] | None:
        """Sector of the longest phrase that ends the word sequence, and its length in words.

        "Venezuelan opposition leader" -> ("OPP", 2) via "opposition leader".
        """
        words = [w.lower() for w in words]
        for size in range(min(MAX_WORDS, len(words)), 0, -1):
            sector = self.phrases.get(" ".join(words[-size:]))
            if sector:
                return sector, size
        return None
