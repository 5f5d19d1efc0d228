"""The matrix products of the pipeline's networks, done by numpy's BLAS on one thread per process.

thinc multiplies matrices with blis unless told otherwise (``NumpyOps(use_blis=True)``, the
default). On x86-64 machines whose processor blis does not tune for, that runs at a fraction of
the BLAS numpy ships with (OpenBLAS on Linux and Windows, Accelerate on macOS): on the 2-core AMD
EPYC machine of docs/scaling.md, the products of the tok2vec and NER layers (12,000 rows of 288
or 384 columns) run at 19-27 GFLOP/s with blis and 53-82 with OpenBLAS on one thread. Those
products are about a third of what spaCy spends on news.

:class:`NumpyBlasOps` is thinc's own ``NumpyOps(use_blis=False)`` (every other operation is
unchanged) with each product limited to one BLAS thread: detente's parallelism is its worker
processes, one core each, and a second thread per product would make a one-process run use two
cores. The two libraries round differently (float32 sums in another order), so the networks'
scores can differ in the last bits; ``tests/nlp/test_network_ops.py`` checks that tags, parses,
entities and events on news articles are identical with either.
"""

from __future__ import annotations

from spacy.language import Language
from thinc.api import NumpyOps
from threadpoolctl import ThreadpoolController

from detente.errors import ConfigError

BLAS_CHOICES = ("numpy", "blis")


class NumpyBlasOps(NumpyOps):
    """thinc's numpy operations with matrix products by numpy's BLAS, ``threads`` threads each."""

    def __init__(self, threads: int = 1) -> None:
        super().__init__(use_blis=False)
        self.threads = threads
        self._blas = ThreadpoolController()

    def gemm(self, x, y, *, out=None, trans1: bool = False, trans2: bool = False):
        with self._blas.limit(limits=self.threads, user_api="blas"):
            return super().gemm(x, y, out=out, trans1=trans1, trans2=trans2)


def check_blas(blas: str) -> None:
    """Raise ``ConfigError`` for a ``Settings.blas`` that is neither "numpy" nor "blis"."""
    if blas not in BLAS_CHOICES:
        raise ConfigError(f"unknown blas {blas!r}: choose one of {', '.join(BLAS_CHOICES)}")


def use_blas(nlp: Language, blas: str) -> Language:
    """Set ``nlp``'s networks to multiply matrices as ``Settings.blas`` says: "numpy" gives every
    layer :class:`NumpyBlasOps` (one thread), "blis" leaves spaCy's own operations."""
    check_blas(blas)
    if blas == "numpy":
        use_ops(nlp, NumpyBlasOps(threads=1))
    return nlp


def use_ops(nlp: Language, ops) -> int:
    """Give every layer of every component's network ``ops``; the number of layers changed."""
    changed = 0
    for _, component in nlp.components:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            node.ops = ops
            changed += 1
    return changed
