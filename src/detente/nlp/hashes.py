"""Word lists as sorted arrays of spaCy string-store hashes, for lookups over a whole document.

``doc.to_array([LEMMA, LOWER])`` gives the hashes of every token at once; looking them up in a
sorted table by binary search touches no Python objects, which is what keeps the prefilter and the
trigger search cheap next to the statistical models.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from spacy.vocab import Vocab


def hash_table(vocab: Vocab, words: Iterable[str]) -> np.ndarray:
    """The sorted, unique hashes of ``words`` (added to the string store)."""
    return np.array(sorted({vocab.strings.add(w) for w in words}), dtype=np.uint64)


def contains(table: np.ndarray, values: np.ndarray) -> np.ndarray:
    """A boolean mask: which of ``values`` are in the sorted ``table`` (as np.isin, without the
    sort of both arrays that np.isin pays on every call)."""
    values = np.asarray(values, dtype=np.uint64)
    if not len(table):
        return np.zeros(len(values), dtype=bool)
    index = np.searchsorted(table, values)
    index[index == len(table)] = 0
    return table[index] == values
