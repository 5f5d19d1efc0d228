"""The spaCy pipeline: component order, paragraph boundaries, saving and loading."""

from __future__ import annotations

import datetime as dt

import spacy

from detente import Document


def test_components_and_order(coder, full_coder):
    for names in (coder.nlp.pipe_names, full_coder.nlp.pipe_names):  # `detente code` runs the full pipeline
        assert names[0] == "detente_paragraphs" and "detente_selective" not in names
        assert names.index("detente_kb_ruler") < names.index("ner") < names.index("detente_actors") < names.index("detente_events")


def test_a_headline_line_is_its_own_sentence(coder):
    text = "Chile recalls envoy\nChile recalled its ambassador from Peru on Monday."
    [(_, doc)] = list(coder.parse([Document(id="h", text=text, date=dt.date(2024, 1, 1))]))
    sentences = [s.text.strip() for s in doc.sents if s.text.strip()]
    assert sentences[0] == "Chile recalls envoy"


def test_knowledge_base_names_beat_the_statistical_ner(full_coder):
    doc = full_coder.nlp("Petro met Trump.")
    labels = {ent.text: ent.label_ for ent in doc.ents}
    assert labels.get("Petro") == "PERSON" and labels.get("Trump") == "PERSON"


def test_pipeline_round_trips_through_disk(full_coder, tmp_path):
    full_coder.nlp.to_disk(tmp_path / "pipeline")
    nlp = spacy.load(tmp_path / "pipeline")
    assert nlp.pipe_names == full_coder.nlp.pipe_names
    doc = nlp("Iranian troops crossed the border.")
    assert any(m.code == "IRNMIL" for m in doc._.actors)
