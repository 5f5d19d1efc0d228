"""The networks multiply matrices with numpy's BLAS on one thread: same tokens and events as with
spaCy's blis (the shortcut must be output-neutral), and no second core used by one process."""

from __future__ import annotations


import numpy as np
import pytest
from threadpoolctl import ThreadpoolController
from thinc.api import NumpyOps

from detente import Coder, Document, Settings
from detente.errors import ConfigError
from detente.nlp.network_ops import NumpyBlasOps, use_ops
from detente.nlp.pipeline import build_pipeline
from tests.nlp.pipelines import news_documents, shipped_documents


@pytest.fixture(scope="module")
def reference() -> Coder:
    """The same coder on spaCy's own matrix products (blis)."""
    return Coder(Settings(blas="blis"))


def _layers(coder: Coder) -> list:
    return [node for _, component in coder.nlp.components if hasattr(getattr(component, "model", None), "walk")
            for node in component.model.walk()]


def _tokens(coder: Coder, documents: list[Document]) -> list:
    return [[(t.tag_, t.pos_, t.lemma_, t.dep_, t.head.i, t.ent_type_, t.ent_iob_) for t in doc]
            for _, doc in coder.parse(documents)]



def test_every_layer_of_the_coders_networks_uses_numpys_blas(coder, reference):
    layers = _layers(coder)
    assert len(layers) > 50 and all(isinstance(node.ops, NumpyBlasOps) for node in layers)
    assert not any(isinstance(node.ops, NumpyBlasOps) for node in _layers(reference))
    assert all(node.ops.use_blis for node in _layers(reference))


def test_shipped_sentences_get_the_same_tokens_and_events(coder, reference):
    documents = shipped_documents()
    assert _tokens(coder, documents) == _tokens(reference, documents)
    assert list(coder.code(documents)) == list(reference.code(documents))


def test_news_gets_the_same_tokens_and_events(coder, reference, shared):
    documents = news_documents(shared)
    assert _tokens(coder, documents) == _tokens(reference, documents)
    assert list(coder.code(documents)) == list(reference.code(documents))


def test_products_run_on_one_blas_thread_and_leave_the_setting_as_it_was():
    blas = ThreadpoolController().select(user_api="blas")
    before = [lib["num_threads"] for lib in blas.info()]
    seen = []

    class Recording:
        """numpy, noting the BLAS threads in force when a product is computed."""

        def __getattr__(self, name):
            return getattr(np, name)

        def dot(self, *args, **kwargs):
            seen.append([lib["num_threads"] for lib in ThreadpoolController().select(user_api="blas").info()])
            return np.dot(*args, **kwargs)

    ops = NumpyBlasOps(threads=1)
    ops.xp = Recording()
    x, y = np.arange(12, dtype="f").reshape(3, 4), np.arange(8, dtype="f").reshape(2, 4)
    assert np.array_equal(ops.gemm(x, y, trans2=True), x @ y.T)
    out = np.zeros((4, 4), dtype="f")
    assert ops.gemm(x, x, trans1=True, out=out) is out and np.array_equal(out, x.T @ x)
    assert seen and all(threads == [1] * len(threads) for threads in seen)
    assert [lib["num_threads"] for lib in blas.info()] == before


def test_use_ops_reaches_every_layer():
    import spacy

    nlp = spacy.load(Settings().model)
    ops = NumpyOps()
    changed = use_ops(nlp, ops)
    layers = [node for _, c in nlp.components if hasattr(getattr(c, "model", None), "walk") for node in c.model.walk()]
    assert changed == len(layers) > 50 and all(node.ops is ops for node in layers)


def test_an_unknown_blas_is_a_config_error():
    with pytest.raises(ConfigError, match="unknown blas 'mkl'"):
        build_pipeline(Settings(blas="mkl"))
