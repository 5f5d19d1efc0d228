"""The pipeline's rule lemmatizer applied a table at a time: same lemmas, one Python call per word type.

spaCy's rule lemmatizer visits every token in Python and caches its answer under the token's
(ORTH, POS, MORPH). That key is all the rules read, so this component reads the three columns of
the whole document as one array, asks the model's own lemmatizer once per key it has not seen
(through ``rule_lemmatize``, which fills the same cache), and writes the lemmas back as one array.
Tokens that already have a lemma (the attribute ruler sets some) keep it, as the lemmatizer does
unless it overwrites. A lemmatizer in another mode, or one that overwrites, runs as it is.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import numpy as np
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.tokens import Doc

COLUMNS = [ORTH, POS, MORPH, LEMMA]


class TableLemmatizer:
    """Applies the pipeline's ``lemmatizer`` (disabled in its place) by word type."""

    def __init__(self, nlp: Language, name: str, lemmatizer: str) -> None:
        self.nlp = nlp
        self.name = name
        self.lemmatizer_name = lemmatizer
        self.lemmas: dict[tuple[int, int, int], int] = {}  # (orth, pos, morph) -> lemma hash

    def _exact(self):
        """The model's lemmatizer when its output is a function of (ORTH, POS, MORPH), else None."""
        lemmatizer = self.nlp.get_pipe(self.lemmatizer_name)
        if getattr(lemmatizer, "mode", None) != "rule" or getattr(lemmatizer, "overwrite", True):
            return None
        return lemmatizer

    def __call__(self, doc: Doc) -> Doc:
        lemmatizer = self._exact()
        if lemmatizer is None or not len(doc):
            return self.nlp.get_pipe(self.lemmatizer_name)(doc)
        array = doc.to_array(COLUMNS)
        todo = np.flatnonzero(array[:, 3] == 0)
        if not len(todo):
            return doc
        lemmas, strings = self.lemmas, doc.vocab.strings
        out = array[:, 3].copy()
        for i, orth, pos, morph in zip(todo.tolist(), *array[todo, :3].T.tolist()):
            key = (orth, pos, morph)
            lemma = lemmas.get(key)
            if lemma is None:
                lemma = lemmas[key] = strings.add(lemmatizer.rule_lemmatize(doc[i])[0])
            out[i] = lemma
        doc.from_array([LEMMA], out.reshape(-1, 1))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


@Language.factory("detente_lemmatizer", default_config={"lemmatizer": "lemmatizer"}, assigns=["token.lemma"])
def make_table_lemmatizer(nlp: Language, name: str, lemmatizer: str) -> TableLemmatizer:
    return TableLemmatizer(nlp, name, lemmatizer)
