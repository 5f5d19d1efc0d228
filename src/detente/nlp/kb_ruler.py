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

from collections.abc import Iterable
from pathlib import Path

import srsly
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.strings import hash_string
from spacy.tokens import Doc, Span
from spacy.util import ensure_path

from detente.coding.actors.names import inside_longer_name

# a pattern: (token hashes, label, entry id, may it follow another capitalised word); the table maps
# a first-token hash to its patterns, longest first
Pattern = tuple[tuple[int, ...], str, str, bool]
Table = dict[int, list[Pattern]]


class KBRuler:
    """Mark knowledge-base names as entities (label from the entry type, ``ent_id_`` the entry id)."""

    def __init__(self, nlp: Language, name: str = "detente_kb_ruler") -> None:
        self.nlp = nlp
        self.name = name
        self.patterns: list[dict] = []  # {"label", "pattern" (token texts), "id"}, for to_disk
        self.table: Table = {}

    def add_patterns(self, patterns: Iterable[dict]) -> None:
        """Add ``{"label", "pattern", "id"}`` patterns; a string pattern is tokenised here."""
        tokenizer = self.nlp.tokenizer
        for pattern in patterns:
            words = pattern["pattern"]
            if isinstance(words, str):
                words = [token.text for token in tokenizer(words)]
            if words:
                self.patterns.append({**pattern, "pattern": list(words), "id": pattern.get("id", "")})
        self.table = compile_table(self.patterns)
        self._register_strings()

    def set_compiled(self, patterns: list[dict], table: Table) -> None:
        """Install patterns tokenised and compiled earlier (see :func:`compile_patterns`)."""
        self.patterns, self.table = patterns, table
        self._register_strings()

    def _register_strings(self) -> None:
        strings = self.nlp.vocab.strings
        for pattern in self.patterns:
            strings.add(pattern["label"])
            if pattern["id"]:
                strings.add(pattern["id"])

    def __len__(self) -> int:
        return len(self.patterns)

    def __call__(self, doc: Doc) -> Doc:
        if not self.table or not len(doc):
            return doc
        orths = doc.to_array(ORTH).tolist()
        table = self.table
        found = []
        for start, orth in enumerate(orths):
            candidates = table.get(orth)
            if candidates is None:
                continue
            for words, label, entry_id, inside_names in candidates:
                end = start + len(words)
                if end <= len(orths) and (len(words) == 1 or tuple(orths[start:end]) == words):
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
            spans.append(Span(doc, start, end, label=label, span_id=entry_id))
        doc.ents = sorted(spans, key=lambda span: span.start)

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_jsonl(path / "patterns.jsonl", self.patterns)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> KBRuler:
        patterns = list(srsly.read_jsonl(ensure_path(path) / "patterns.jsonl"))
        self.set_compiled(patterns, compile_table(patterns))
        return self


def compile_table(patterns: list[dict]) -> Table:
    table: Table = {}
    for pattern in patterns:
        words = tuple(hash_string(word) for word in pattern["pattern"])
        entry = (words, pattern["label"], pattern["id"], pattern.get("inside_names", True))
        table.setdefault(words[0], []).append(entry)
    for candidates in table.values():
        candidates.sort(key=lambda p: -len(p[0]))
    return table


def compile_patterns(nlp: Language, patterns: Iterable[dict]) -> tuple[list[dict], Table]:
    """Tokenise ``patterns`` with the pipeline's tokenizer and build the lookup table (the slow part)."""
    tokenizer = nlp.tokenizer
    compiled = []
    for pattern in patterns:
        words = [token.text for token in tokenizer(pattern["pattern"])]
        if words:
            compiled.append({**pattern, "pattern": words, "id": pattern.get("id", "")})
    return compiled, compile_table(compiled)


@Language.factory("detente_kb_ruler", assigns=["doc.ents"], requires=[])
def make_kb_ruler(nlp: Language, name: str) -> KBRuler:
    return KBRuler(nlp, name)
