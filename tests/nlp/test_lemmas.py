"""The rule lemmatizer applied by word type gives exactly the lemmas of spaCy's own lemmatizer,
and the same events on news (the shortcut must be output-neutral)."""

from __future__ import annotations

import pytest
import spacy

from detente import Coder, Settings
from tests.nlp.pipelines import coder_with_spacys, news_documents

TEXTS = [
    "The ministers were meeting their counterparts and had signed two agreements.",
    "Troops fired on protesters; the protests spread to three cities, officials said.",
    "She is better than the best of them, and they're running faster.",
    "Let's go! Y'all ain't gonna believe what the leaders did.",
    "  \n\n  ",
    "Colombia's president met Ecuador's foreign minister in Quito on Tuesday.",
]


@pytest.fixture(scope="module")
def reference() -> Coder:
    """The same coder with spaCy's own lemmatizer."""
    return coder_with_spacys("lemmatizer")


def test_the_coder_lemmatizes_by_word_type(coder):
    names = coder.nlp.pipe_names
    assert "lemmatizer" not in names
    assert names.index("detente_attribute_ruler") < names.index("detente_lemmatizer") < names.index("detente_events")


def test_lemmas_equal_spacys_token_for_token():
    nlp = spacy.load(Settings().model)
    ours = spacy.load(Settings().model)
    import detente.nlp.lemmas  # noqa: F401

    ours.add_pipe("detente_lemmatizer", name="table", after="lemmatizer")
    ours.disable_pipe("lemmatizer")
    for _ in range(2):  # the second pass answers from the table
        for text in TEXTS:
            assert [t.lemma_ for t in ours(text)] == [t.lemma_ for t in nlp(text)], text
    assert ours.get_pipe("table").lemmas  # the table really was used


def test_lemmas_set_earlier_are_kept():
    nlp = spacy.load(Settings().model)
    import detente.nlp.lemmas  # noqa: F401

    table = nlp.add_pipe("detente_lemmatizer", name="table", after="lemmatizer")
    nlp.disable_pipe("lemmatizer")
    doc = nlp.make_doc("The talks were held")
    for _, component in nlp.pipeline:
        if component is table:
            doc[1].lemma_ = "negotiation"
        doc = component(doc)
    assert [t.lemma_ for t in doc] == ["the", "negotiation", "be", "hold"]


def test_a_lemmatizer_that_overwrites_runs_as_it_is():
    nlp = spacy.load(Settings().model)
    import detente.nlp.lemmas  # noqa: F401

    table = nlp.add_pipe("detente_lemmatizer", name="table", after="lemmatizer")
    nlp.disable_pipe("lemmatizer")
    nlp.get_pipe("lemmatizer").overwrite = True
    plain = spacy.load(Settings().model)
    plain.get_pipe("lemmatizer").overwrite = True
    text = "Talks were held"
    assert [t.lemma_ for t in nlp(text)] == [t.lemma_ for t in plain(text)]
    assert [t.lemma_ for t in nlp(text)] != [t.lemma_ for t in spacy.load(Settings().model)(text)]  # it did overwrite
    assert not table.lemmas


def test_news_gets_the_same_lemmas_and_events(coder, reference, shared):
    documents = news_documents(shared)
    for (_, fast), (_, slow) in zip(coder.parse(documents), reference.parse(documents)):
        assert [t.lemma_ for t in fast] == [t.lemma_ for t in slow], fast.text[:80]
    assert list(coder.code(documents)) == list(reference.code(documents))
