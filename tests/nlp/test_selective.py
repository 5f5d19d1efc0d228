"""The opt-in prefilter (``Settings(prefilter=True)``, ``--prefilter``): which sentences get the
parser and the NER. It is approximate (the parser and the NER see sentences out of context), so it
is off by default; these tests pin its decisions and that simple sentences code the same."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from detente import Coder, Document, Settings
from detente.nlp.hashes import contains


@pytest.fixture(scope="module")
def selective() -> Coder:
    return Coder(Settings(prefilter=True))


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
def test_no_ner_where_the_knowledge_base_explains_every_name(selective, full_coder, text):
    _, (parsed, tagged, skipped) = _run(selective, text)
    assert (parsed, tagged, skipped) == (1, 0, 0)
    assert _triples(selective, text) == _triples(full_coder, text)


@pytest.mark.parametrize(
    ("text", "label", "span"),
    [
        ("Ahmed Karimov condemned Russia.", "PERSON", "Ahmed Karimov"),  # a name the KB lacks
        ("France condemned Russia last week.", "DATE", "last week"),  # lower-case date phrase
        ("France condemned Russia on Monday.", "DATE", "Monday"),
        ("Russia fined France 300 euros in 2023.", "DATE", "2023"),  # digits
    ],
)
def test_ner_runs_where_it_can_add_an_entity(selective, full_coder, text, label, span):
    doc, (parsed, tagged, skipped) = _run(selective, text)
    assert (parsed, tagged, skipped) == (1, 1, 0)
    assert (span, label) in {(e.text, e.label_) for e in doc.ents}
    assert _triples(selective, text) == _triples(full_coder, text)


def test_sentences_share_a_document_but_not_the_decision(selective):
    text = "France condemned Russia. The river is wide. Ahmed Karimov met Putin on Friday."
    doc, counts = _run(selective, text)
    assert counts == (2, 1, 1)
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels["Ahmed Karimov"] == "PERSON" and labels["Friday"] == "DATE"
    assert labels["France"] == "GPE"  # the ruler's entities stand in the untagged sentence


def test_sentences_without_a_trigger_are_not_parsed(selective, full_coder):
    text = "The weather in Lisbon was mild. France condemned Russia on Monday. The river is wide."
    _, counts = _run(selective, text)
    assert counts[0] == 1 and counts[2] == 2
    assert _triples(selective, text) == _triples(full_coder, text)


def test_the_prefilter_is_opt_in(coder):
    assert "detente_selective" not in coder.nlp.pipe_names and "ner" in coder.nlp.pipe_names


def test_without_selective_ner_every_parsed_sentence_is_tagged():
    coder = Coder(Settings(prefilter=True))
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
