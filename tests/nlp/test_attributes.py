"""The attribute ruler applied from recorded rules gives exactly what spaCy's ruler gives: the
same token attributes and, on news, the same events (the shortcut must be output-neutral)."""

from __future__ import annotations


import numpy as np
import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

from detente import Coder, Document
from detente.nlp.attributes import RuleTable, Unsupported
from tests.nlp.pipelines import coder_with_spacys, news_documents, shipped_documents

ATTRS = [POS, TAG, DEP, LEMMA, MORPH, HEAD]



@pytest.fixture(scope="module")
def reference() -> Coder:
    """The same coder with spaCy's own attribute ruler."""
    return coder_with_spacys("attribute_ruler")


def test_the_coder_applies_the_ruler_from_recorded_rules(coder):
    names = coder.nlp.pipe_names
    assert "attribute_ruler" not in names and names.index("parser") < names.index("detente_attribute_ruler") < names.index("detente_lemmatizer")


def _same_tokens(coder: Coder, reference: Coder, documents: list[Document]) -> None:
    for (_, fast), (_, slow) in zip(coder.parse(documents), reference.parse(documents)):
        assert np.array_equal(fast.to_array(ATTRS), slow.to_array(ATTRS)), fast.text[:80]
        assert [str(t.morph) for t in fast] == [str(t.morph) for t in slow]


def test_shipped_sentences_get_the_same_tokens_and_events(coder, reference):
    documents = shipped_documents()
    _same_tokens(coder, reference, documents)
    assert list(coder.code(documents)) == list(reference.code(documents))


def test_news_gets_the_same_tokens_and_events(coder, reference, shared):
    documents = news_documents(shared)
    _same_tokens(coder, reference, documents)
    assert list(coder.code(documents)) == list(reference.code(documents))


def _rulers():
    """A blank English pipeline with the ruler under test and a copy that records."""
    import detente.nlp.attributes  # noqa: F401

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    return nlp, ruler


TEXTS = [
    "I ain't gonna let 's go, y'all said.", "The cat sat on the mat.", "Gon na be fine, isn't it?",
    "Nothin' happened here", "  spaces   and\ttabs\n", "A a a A.", "", "let's go", "y all",
]


@pytest.mark.parametrize(
    "rules",
    [
        [([[{"LOWER": "the"}]], {"LEMMA": "THE"}, 0), ([[{"LOWER": {"IN": ["cat", "mat"]}}]], {"POS": "NOUN"}, 0)],
        [([[{"LOWER": "gon"}, {"LOWER": "na"}]], {"LEMMA": "go"}, 0), ([[{"LOWER": "gon"}, {"LOWER": "na"}]], {"LEMMA": "to"}, 1),
         ([[{"LOWER": "let"}, {"LOWER": "'s"}]], {"LEMMA": "us"}, -1)],
        [([[{"LOWER": {"REGEX": "^n'?t$"}}]], {"POS": "PART", "MORPH": "Polarity=Neg"}, 0),
         ([[{"LOWER": {"REGEX": "^y'?$"}}, {"LOWER": "all"}]], {"LEMMA": "you"}, 0),
         ([[{"IS_SPACE": True}]], {"POS": "SPACE", "TAG": "_SP"}, 0),
         ([[{"ORTH": "A"}]], {"POS": "DET"}, 0), ([[{"LOWER": {"NOT_IN": ["a", "the"]}}]], {"MORPH": "Foo=Bar"}, 0),
         ([[{"ORTH": "A"}]], {"POS": "X"}, 0)],  # a later rule overrides an earlier one
    ],
)
def test_recorded_rules_reproduce_the_ruler_token_for_token(rules):
    nlp, ruler = _rulers()
    for patterns, attrs, index in rules:
        ruler.add(patterns, attrs, index=index)
    recorded = nlp.add_pipe("detente_attributes", name="recorded", config={"ruler": "attribute_ruler"})
    for _ in range(2):  # the first pass records, the second applies the records
        for text in TEXTS:
            expected = ruler(nlp.make_doc(text))
            got = recorded(nlp.make_doc(text))
            assert [(t.pos_, t.tag_, t.lemma_, str(t.morph)) for t in got] == [(t.pos_, t.tag_, t.lemma_, str(t.morph)) for t in expected], text
    assert recorded.table() is not None and recorded.table().contexts


@pytest.mark.parametrize(
    "pattern",
    [[{"LOWER": "a", "OP": "+"}], [{"LOWER": "a"}, {"LOWER": "b"}, {"LOWER": "c"}], [{"LENGTH": {">=": 3}}], [{"TEXT": "a"}]],
)
def test_patterns_the_table_cannot_reproduce_run_the_real_ruler(pattern):
    nlp, ruler = _rulers()
    ruler.add([pattern], {"LEMMA": "hit"})
    with pytest.raises(Unsupported):
        RuleTable(ruler)
    recorded = nlp.add_pipe("detente_attributes", name="recorded", config={"ruler": "attribute_ruler"})
    doc = recorded(nlp.make_doc("a a b c abc"))
    assert recorded.table() is None
    assert [t.lemma_ for t in doc] == [t.lemma_ for t in ruler(nlp.make_doc("a a b c abc"))]


def test_rules_added_later_are_taken_into_account():
    nlp, ruler = _rulers()
    ruler.add([[{"LOWER": "cat"}]], {"LEMMA": "feline"})
    recorded = nlp.add_pipe("detente_attributes", name="recorded", config={"ruler": "attribute_ruler"})
    assert [t.lemma_ for t in recorded(nlp.make_doc("cat dog"))] == ["feline", ""]
    ruler.add([[{"LOWER": "dog"}]], {"LEMMA": "canine"})
    assert [t.lemma_ for t in recorded(nlp.make_doc("cat dog"))] == ["feline", "canine"]
