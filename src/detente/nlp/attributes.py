"""The attribute ruler's rules applied from a table of what they did before: same output, no matching.

spaCy's English pipelines map fine-grained tags to parts of speech, morphology and some lemmas
with an ``attribute_ruler``: a few hundred Matcher patterns of one or two tokens, matched against
every token of every document. On news that matching costs about a tenth of the whole pipeline.

Which rules set a token's attributes depends only on what the patterns test: the token's own
values of the tested attributes and, for two-token patterns, its neighbours'. A value the patterns
never name behaves like any other unnamed value (``==``, ``IN`` and ``NOT_IN`` cannot tell them
apart), and a value tested by ``REGEX`` is known by which expressions it matches. So each token
gets a *class* (its tested values, unnamed ones folded together) and a *context* (its class and
its neighbours' classes as the two-token patterns see them). The first time a context is seen the
document goes through the real ruler and the rules that fired are recorded for the context; a
document whose contexts are all known gets the recorded attributes directly, in the ruler's order
(later rules override earlier ones). The output is the ruler's, by construction; pipelines whose
patterns use anything else (quantifiers, other operators or attributes) run the real ruler.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Iterator

import numpy as np
from spacy.attrs import IDS
from spacy.language import Language
from spacy.tokens import Doc

# Attributes a pattern may test (string-valued, except the flag) and operators it may use.
TESTED = {"TAG": False, "LOWER": False, "ORTH": False, "NORM": False, "DEP": False, "POS": False, "IS_SPACE": True}
OPERATORS = {"IN", "NOT_IN", "REGEX"}
ABSENT = 0  # the context class of a neighbour beyond the document's edge
MAX_CONTEXTS = 500_000  # recorded contexts; beyond, unseen ones keep going through the real ruler


class Unsupported(ValueError):
    """The ruler's patterns use something the table cannot reproduce exactly."""


class _Attribute:
    """How one tested attribute's values fold into classes: named values keep their own class,
    the rest share one per combination of the regular expressions they match."""

    def __init__(self, name: str, vocab) -> None:
        self.name = name
        self.flag = TESTED[name]
        # a flag is a property of the word: read through its ORTH (to_array does not take flags)
        self.id = IDS["ORTH"] if self.flag else IDS[name]
        self.named: set[int] = set()
        self.regexes: list[re.Pattern] = []
        self.vocab = vocab
        self._by_value: dict[int, int] = {}  # value -> class
        self._by_kind: dict[tuple, int] = {}  # ("named", value) or ("other", regex matches) -> class

    def add_value(self, value) -> None:
        if self.flag:
            if not isinstance(value, bool):
                raise Unsupported(f"{self.name} takes true or false, not {value!r}")
        elif isinstance(value, str):
            self.named.add(self.vocab.strings.add(value))
        else:
            raise Unsupported(f"{self.name} = {value!r}")

    def classes(self, values: np.ndarray) -> np.ndarray:
        unique, inverse = np.unique(values, return_inverse=True)
        out = np.empty(len(unique), dtype=np.int64)
        for k, value in enumerate(unique.tolist()):
            cls = self._by_value.get(value)
            if cls is None:
                if self.flag:
                    kind = ("flag", bool(getattr(self.vocab[value], self.name.lower())))
                elif value in self.named:
                    kind = ("named", value)
                else:
                    text = self.vocab.strings[value] if value in self.vocab.strings else ""
                    kind = ("other", tuple(bool(r.search(text)) for r in self.regexes))
                cls = self._by_value[value] = self._by_kind.setdefault(kind, len(self._by_kind) + 1)
            out[k] = cls
        return out[inverse.reshape(-1)]


class RuleTable:
    """The ruler's rules, the classes of what they test, and the recorded contexts."""

    def __init__(self, ruler) -> None:
        self.ruler = ruler
        self.count = len(ruler.attrs)
        vocab = ruler.vocab
        alone: dict[str, _Attribute] = {}  # what any pattern tests of the token it is on
        paired: dict[str, _Attribute] = {}  # what two-token patterns test
        for rule, entry in enumerate(ruler.patterns):
            index = entry["index"]
            for pattern in entry["patterns"]:
                if not 1 <= len(pattern) <= 2 or not -len(pattern) <= index < len(pattern):
                    raise Unsupported(f"rule {rule}: {len(pattern)} tokens, index {index}")
                for spec in pattern:
                    self._add_spec(spec, (alone, paired) if len(pattern) == 2 else (alone,), vocab)
        self.alone = [alone[k] for k in sorted(alone)]
        self.paired = [paired[k] for k in sorted(paired)]
        self.outputs = sorted({attr for attrs in ruler.attrs for attr in attrs})
        if not set(self.outputs) <= {IDS[a] for a in ("POS", "TAG", "DEP", "LEMMA", "MORPH")}:
            raise Unsupported("the rules set attributes other than POS, TAG, DEP, LEMMA and MORPH")
        self.contexts: dict[int, int] = {}  # context -> effect
        self.effects: dict[tuple[int, ...], int] = {(): 0}  # rules fired (in order) -> effect
        self._values = np.zeros((1, len(self.outputs)), dtype=np.uint64)
        self._sets = np.zeros((1, len(self.outputs)), dtype=bool)
        self._token_classes: dict[tuple, int] = {}
        self._pair_classes: dict[tuple, int] = {}
        self._row_classes: dict[bytes, tuple[int, int]] = {}  # a token's tested values -> its classes
        # the attributes read from the document (no pattern tests anything: every token alike)
        self.tested = sorted({a.id for a in (*self.alone, *self.paired)}) or [IDS["ORTH"]]
        self.lock = threading.Lock()  # recording is not concurrent (the API codes in threads)

    @staticmethod
    def _add_spec(spec: dict, tables: tuple[dict, ...], vocab) -> None:
        for key, value in spec.items():
            name = key.upper()
            if name not in TESTED:
                raise Unsupported(f"patterns test {key}")
            for table in tables:
                attribute = table.setdefault(name, _Attribute(name, vocab))
                if isinstance(value, dict):
                    if not set(value) <= OPERATORS or len(value) != 1:
                        raise Unsupported(f"operator {sorted(value)}")
                    [(operator, operand)] = value.items()
                    if operator == "REGEX":
                        if attribute.flag:
                            raise Unsupported(f"REGEX on {name}")
                        attribute.regexes.append(re.compile(operand))
                    else:
                        for item in operand:
                            attribute.add_value(item)
                else:
                    attribute.add_value(value)

    def _combine(self, attributes: list[_Attribute], array: np.ndarray, columns: dict[int, int], table: dict) -> np.ndarray:
        """One class number per token for the values of ``attributes`` (0 is kept for ABSENT)."""
        if not attributes:
            return np.ones(len(array), dtype=np.int64)
        parts = np.stack([a.classes(array[:, columns[a.id]]) for a in attributes], axis=1)
        unique, inverse = np.unique(parts, axis=0, return_inverse=True)
        ids = np.array([table.setdefault(tuple(row), len(table) + 1) for row in unique.tolist()], dtype=np.int64)
        return ids[inverse.reshape(-1)]

    def contexts_of(self, doc: Doc) -> np.ndarray:
        tested = self.tested
        columns = {attr: k for k, attr in enumerate(tested)}
        array = np.ascontiguousarray(doc.to_array(tested).reshape(len(doc), len(tested)), dtype=np.uint64)
        # one (token class, pair class) per distinct row of tested values: rows as bytes, the
        # classes of rows not seen before computed from their values
        rows = array.view(np.dtype((np.void, array.itemsize * len(tested)))).reshape(-1)
        unique, inverse = np.unique(rows, return_inverse=True)
        keys = unique.tolist()
        classes = np.empty((len(keys), 2), dtype=np.int64)
        missing = []
        for k, key in enumerate(keys):
            found = self._row_classes.get(key)
            if found is None:
                missing.append(k)
            else:
                classes[k] = found
        if missing:
            values = unique[missing].view(np.uint64).reshape(len(missing), len(tested))
            token = self._combine(self.alone, values, columns, self._token_classes)
            pair = self._combine(self.paired, values, columns, self._pair_classes)
            if max(len(self._token_classes), len(self._pair_classes)) >= 1 << 20:
                raise Unsupported("too many classes")
            for j, k in enumerate(missing):
                classes[k] = token[j], pair[j]
                if len(self._row_classes) < MAX_CONTEXTS:
                    self._row_classes[keys[k]] = (int(token[j]), int(pair[j]))
        token, pair = classes[inverse.reshape(-1), 0], classes[inverse.reshape(-1), 1]
        before = np.concatenate(([ABSENT], pair[:-1]))
        after = np.concatenate((pair[1:], [ABSENT]))
        return (before << 42) | (token << 21) | after

    def record(self, contexts: np.ndarray, matches: list[tuple[int, int, int, int]]) -> None:
        fired: list[list[int]] = [[] for _ in range(len(contexts))]
        for rule, _, start, end in matches:  # sorted by rule, as the ruler applies them
            index = self.ruler.indices[rule]
            fired[start + index if index >= 0 else end + index].append(rule)
        for context, rules in zip(contexts.tolist(), fired):
            if context not in self.contexts and len(self.contexts) < MAX_CONTEXTS:
                self.contexts[context] = self._effect(tuple(rules))

    def _effect(self, rules: tuple[int, ...]) -> int:
        effect = self.effects.get(rules)
        if effect is None:
            values = np.zeros((1, len(self.outputs)), dtype=np.uint64)
            sets = np.zeros((1, len(self.outputs)), dtype=bool)
            for rule in rules:
                for attr, value in self.ruler.attrs[rule].items():
                    column = self.outputs.index(attr)
                    values[0, column], sets[0, column] = value, True
            effect = self.effects[rules] = len(self.effects)
            self._values = np.concatenate((self._values, values))
            self._sets = np.concatenate((self._sets, sets))
        return effect

    def apply(self, doc: Doc, effects: np.ndarray) -> None:
        array = doc.to_array(self.outputs).reshape(len(doc), len(self.outputs)).astype(np.uint64)
        sets = self._sets[effects]
        array[sets] = self._values[effects][sets]
        doc.from_array(self.outputs, array)


class RecordedAttributeRuler:
    """Applies the pipeline's ``attribute_ruler`` (disabled in its place) from a :class:`RuleTable`."""

    def __init__(self, nlp: Language, name: str, ruler: str) -> None:
        self.name = name
        self.nlp = nlp
        self.ruler_name = ruler
        self._table: RuleTable | None | bool = None

    def table(self) -> RuleTable | None:
        ruler = self.nlp.get_pipe(self.ruler_name)
        if self._table is None or (self._table and (self._table.ruler is not ruler or self._table.count != len(ruler.attrs))):
            try:
                self._table = RuleTable(ruler)
            except Unsupported:
                self._table = False
        return self._table or None

    def __call__(self, doc: Doc) -> Doc:
        table = self.table()
        if table is None or not len(doc):
            return self.nlp.get_pipe(self.ruler_name)(doc)
        try:
            contexts = table.contexts_of(doc)
        except Unsupported:
            self._table = False
            return self.nlp.get_pipe(self.ruler_name)(doc)
        known = table.contexts
        effects = [known.get(c) for c in contexts.tolist()]
        if None in effects:
            matches = table.ruler.match(doc)
            table.ruler.set_annotations(doc, matches)
            with table.lock:
                table.record(contexts, matches)
        else:
            table.apply(doc, np.array(effects, dtype=np.int64))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


@Language.factory(
    "detente_attributes",
    default_config={"ruler": "attribute_ruler"},
    assigns=["token.pos", "token.tag", "token.dep", "token.lemma", "token.morph"],
)
def make_recorded_attribute_ruler(nlp: Language, name: str, ruler: str) -> RecordedAttributeRuler:
    return RecordedAttributeRuler(nlp, name, ruler)
