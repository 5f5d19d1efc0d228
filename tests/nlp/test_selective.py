"""The prefilter component: which sentences get the parser and the NER, and that skipping them
changes nothing the coder reports."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from detente import Document
from detente.nlp.hashes import contains


def _run(coder, text: str):
    """The document and how many sentences were (parsed, given to the NER, skipped)."""
    selective = coder.nlp.get_pipe("detente_selective")
    before = (selective.parsed, selective.tagged, selective.skipped)
    [(_, doc)] = list(coder.parse([Document(id="s", text=text, date=dt.date(2024, 3, 5))]))
    after = (selective.parsed, selective.tagged, selective.skipped)
    return doc, tuple(b - a for a, b in zip(before, after))


def _triples(coder, text: str):
    document = Document(id="s", text=text, date=dt.date(2024, 3, 5))
    return [
        (e["cameo"], [a["code"] for a in e["actor"]], [r["code"] for r in e["recipient"]], e["date"], e["date_text"])
        for e in coder.code([document])
    ]


@pytest.mark.parametrize(
    "text",
    [
        "France condemned Russia.",
        "President Emmanuel Macron condemned Russia.",  # a title before a known person
        "Colombian troops attacked rebels near the border.",
    ],
)
def test_no_ner_where_the_knowledge_base_explains_every_name(coder, full_coder, text):
    _, (parsed, tagged, skipped) = _run(coder, text)
    assert (parsed, tagged, skipped) == (1, 0, 0)
    assert _triples(coder, text) == _triples(full_coder, text)


@pytest.mark.parametrize(
    ("text", "label", "span"),
    [
        ("Ahmed Karimov condemned Russia.", "PERSON", "Ahmed Karimov"),  # a name the KB lacks
        ("France condemned Russia last week.", "DATE", "last week"),  # lower-case date phrase
        ("France condemned Russia on Monday.", "DATE", "Monday"),
        ("Russia fined France 300 euros in 2023.", "DATE", "2023"),  # digits
    ],
)
def test_ner_runs_where_it_can_add_an_entity(coder, full_coder, text, label, span):
    doc, (parsed, tagged, skipped) = _run(coder, text)
    assert (parsed, tagged, skipped) == (1, 1, 0)
    assert (span, label) in {(e.text, e.label_) for e in doc.ents}
    assert _triples(coder, text) == _triples(full_coder, text)


def test_sentences_share_a_document_but_not_the_decision(coder):
    text = "France condemned Russia. The river is wide. Ahmed Karimov met Putin on Friday."
    doc, counts = _run(coder, text)
    assert counts == (2, 1, 1)
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels["Ahmed Karimov"] == "PERSON" and labels["Friday"] == "DATE"
    assert labels["France"] == "GPE"  # the ruler's entities stand in the untagged sentence


def test_without_selective_ner_every_parsed_sentence_is_tagged():
    from detente.coder import Coder
    from detente.settings import Settings

    coder = Coder(Settings())
    coder.nlp.get_pipe("detente_selective").selective_ner = False
    _, counts = _run(coder, "France condemned Russia. The river is wide.")
    assert counts == (1, 1, 1)


@given(
    table=st.lists(st.integers(0, 2**64 - 1), max_size=50),
    values=st.lists(st.integers(0, 2**64 - 1), max_size=50),
    shared=st.lists(st.integers(0, 49), max_size=10),
)
def test_contains_agrees_with_isin(table, values, shared):
    values = values + [table[i % len(table)] for i in shared] if table else values
    sorted_table = np.array(sorted(set(table)), dtype=np.uint64)
    values = np.array(values, dtype=np.uint64)
    assert contains(sorted_table, values).tolist() == np.isin(values, sorted_table).tolist()
