"""The knowledge-base entity ruler: every name, alias and demonym of the actor KB as an entity.

spaCy's own ``entity_ruler`` tokenises each phrase pattern when the pipeline loads: with the ~36,000
names of the full knowledge base that costs several seconds on every start and in every worker.
This component matches the same patterns (exact token texts, as the entity ruler's ``ORTH`` phrase
matcher does) from a table of token-hash sequences, compiled once per knowledge base and tokenizer
and kept in the user cache (``detente.data.cache``). Matching is a dictionary lookup per token.

Overlaps are settled as the entity ruler settles them: longer matches first, then earlier ones;
entities already on the ``Doc`` are kept.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np
import srsly
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.strings import hash_string
from spacy.tokens import Doc, Span
from spacy.util import ensure_path

from detente.coding.actors.names import inside_longer_name
from detente.nlp.hashes import contains

# a pattern: (token hashes, label, entry id, may it follow another capitalised word); the table maps
# a one-token name's hash, or the first two tokens' hashes of a longer name (as one integer, see
# ``pair_key``), to its patterns, longest first (keyed by two tokens, the many names that start with
# "the" or "National" are not all tried). A compiled table from the cache holds each key's patterns
# pickled (``packed``), read the first time a text holds the key: loading stays a few milliseconds.
Pattern = tuple[tuple[int, ...], str, str, bool]
Table = dict[int, tuple[Pattern, ...] | bytes]
TABLE_FORMAT = "4"  # bump when the table's layout changes (it is cached)
_PAIR = 1 << 128  # above every one-token key (hashes are 64-bit)


def pair_key(first: int, second: int) -> int:
    """The table key of names that start with the tokens hashed ``first`` and ``second``."""
    return _PAIR | (first << 64) | second


class KBRuler:
    """Mark knowledge-base names as entities (label from the entry type, ``ent_id_`` the entry id)."""

    def __init__(self, nlp: Language, name: str = "detente_kb_ruler") -> None:
        self.nlp = nlp
        self.name = name
        self.table: Table = {}
        self._firsts: np.ndarray | None = None  # the table's keys, sorted (see __call__)

    def add_patterns(self, patterns: Iterable[dict]) -> None:
        """Add ``{"label", "pattern", "id"}`` patterns (``pattern`` a string, tokenised here, or a
        list of token texts)."""
        self.set_compiled(_table([*self._patterns(), *_tokenised(self.nlp, patterns)]))

    def set_compiled(self, table: Table, firsts: np.ndarray | None = None) -> None:
        """Install a table compiled earlier (see :func:`compile_patterns`), with its first tokens
        (see :func:`first_tokens`) when they were kept with it."""
        self.table = table
        self._firsts = firsts

    def __len__(self) -> int:
        return sum(1 for _ in self._patterns())

    def _patterns(self) -> Iterator[Pattern]:
        for key in self.table:
            yield from self._candidates(key)

    def _candidates(self, key: int) -> tuple[Pattern, ...]:
        """The patterns under ``key`` (none when absent), unpacked on first use."""
        candidates = self.table.get(key, ())
        if type(candidates) is bytes:
            candidates = self.table[key] = pickle.loads(candidates)
        return candidates

    def __call__(self, doc: Doc) -> Doc:
        if not self.table or not len(doc):
            return doc
        if self._firsts is None:
            self._firsts = first_tokens(self.table)
        array = doc.to_array(ORTH)
        orths = array.tolist()
        length = len(orths)
        candidates_at = self._candidates
        found = []
        for start in np.flatnonzero(contains(self._firsts, array)).tolist():  # tokens that start a name
            longer = candidates_at(pair_key(orths[start], orths[start + 1])) if start + 1 < length else ()
            for candidates in (longer, candidates_at(orths[start])):
                for words, label, entry_id, inside_names in candidates:
                    end = start + len(words)
                    if end <= length and (len(words) <= 2 or tuple(orths[start:end]) == words):
                        if inside_names or not inside_longer_name(doc, start):
                            found.append((start, end, label, entry_id))
        if found:
            self._set_entities(doc, found)
        return doc

    @staticmethod
    def _set_entities(doc: Doc, found: list[tuple[int, int, str, str]]) -> None:
        taken = bytearray(len(doc))
        for ent in doc.ents:
            taken[ent.start : ent.end] = b"\x01" * (ent.end - ent.start)
        spans = list(doc.ents)
        for start, end, label, entry_id in sorted(found, key=lambda m: (m[0] - m[1], m[0])):
            if any(taken[start:end]):
                continue
            taken[start:end] = b"\x01" * (end - start)
            spans.append(Span(doc, start, end, label=label, span_id=entry_id))  # adds both strings
        doc.ents = sorted(spans, key=lambda span: span.start)

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        rows = [[list(words), label, entry_id, inside] for words, label, entry_id, inside in self._patterns()]
        srsly.write_msgpack(path / "table.msgpack", rows)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> KBRuler:
        rows = srsly.read_msgpack(ensure_path(path) / "table.msgpack")
        self.set_compiled(_table((tuple(words), label, entry_id, inside) for words, label, entry_id, inside in rows))
        return self


def _tokenised(nlp: Language, patterns: Iterable[dict]) -> Iterator[Pattern]:
    tokenizer = nlp.tokenizer
    for pattern in patterns:
        words = pattern["pattern"]
        if isinstance(words, str):
            words = [token.text for token in tokenizer(words)]
        if words:
            hashes = tuple(hash_string(word) for word in words)
            yield (hashes, pattern["label"], pattern.get("id", ""), pattern.get("inside_names", True))


def _table(patterns: Iterable[Pattern]) -> Table:
    """Patterns by their key (see ``Table``), longest first, in order otherwise; tuples, not lists:
    containers of plain values only, which the garbage collector stops tracking."""
    table: dict[int, list[Pattern]] = {}
    for pattern in patterns:
        words = pattern[0]
        table.setdefault(words[0] if len(words) == 1 else pair_key(words[0], words[1]), []).append(pattern)
    return {key: tuple(sorted(candidates, key=lambda p: -len(p[0]))) for key, candidates in table.items()}


def packed(table: Table) -> Table:
    """``table`` with each key's patterns pickled, as the cache keeps it (see ``Table``)."""
    return {key: value if type(value) is bytes else pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
            for key, value in table.items()}


def first_tokens(table: Table) -> np.ndarray:
    """The sorted hashes of the tokens a name of ``table`` starts with."""
    mask = (1 << 64) - 1
    return np.array(sorted({key if key < _PAIR else (key >> 64) & mask for key in table}), dtype=np.uint64)


def compile_patterns(nlp: Language, patterns: Iterable[dict]) -> Table:
    """Tokenise ``patterns`` with the pipeline's tokenizer and build the lookup table (the slow part)."""
    return _table(_tokenised(nlp, patterns))


@Language.factory("detente_kb_ruler", assigns=["doc.ents"], requires=[])
def make_kb_ruler(nlp: Language, name: str) -> KBRuler:
    return KBRuler(nlp, name)
