"""The knowledge-base entity ruler: exact token matches, longest first, round trip through disk."""

from __future__ import annotations

import spacy

from detente.nlp.kb_ruler import KBRuler, compile_patterns

PATTERNS = [
    {"label": "PERSON", "pattern": "Ana Pérez", "id": "person/ana-perez"},
    {"label": "ORG", "pattern": "Pérez Foundation", "id": "ngo/perez-foundation"},
    {"label": "GPE", "pattern": "Ruritania", "id": "country/RUR"},
    {"label": "ORG", "pattern": "Ruritanian Navy", "id": "organization/ruritanian-navy"},
    {"label": "PERSON", "pattern": "Ki-moon Park", "id": "person/park"},
]


def _ruler() -> tuple:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("detente_kb_ruler")
    ruler.set_compiled(compile_patterns(nlp, PATTERNS))
    return nlp, ruler


def test_names_become_entities_with_their_entry_id():
    nlp, _ = _ruler()
    doc = nlp("Ana Pérez flew to Ruritania with Ki-moon Park.")
    assert [(e.text, e.label_, e.ent_id_) for e in doc.ents] == [
        ("Ana Pérez", "PERSON", "person/ana-perez"),
        ("Ruritania", "GPE", "country/RUR"),
        ("Ki-moon Park", "PERSON", "person/park"),
    ]


def test_longer_match_wins_and_matching_is_case_exact():
    nlp, _ = _ruler()
    doc = nlp("The Ruritanian Navy and ruritania and the Pérez Foundation.")
    assert [e.text for e in doc.ents] == ["Ruritanian Navy", "Pérez Foundation"]


def test_overlapping_names_keep_the_longest_then_the_earliest():
    nlp, _ = _ruler()
    doc = nlp("Ana Pérez Foundation")  # "Ana Pérez" and "Pérez Foundation" overlap, same length
    assert [e.text for e in doc.ents] == ["Ana Pérez"]


def test_entities_already_set_are_kept():
    nlp, ruler = _ruler()
    doc = nlp.make_doc("Ana Pérez met Ruritania")
    doc.ents = [doc.char_span(0, 9, label="ORG")]
    ruler(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Ana Pérez", "ORG"), ("Ruritania", "GPE")]


def test_to_disk_and_back(tmp_path):
    nlp, ruler = _ruler()
    ruler.to_disk(tmp_path / "ruler")
    other = KBRuler(spacy.blank("en")).from_disk(tmp_path / "ruler")
    assert len(other) == len(ruler) == len(PATTERNS)
    doc = other.nlp.make_doc("Ana Pérez")
    assert [e.ent_id_ for e in other(doc).ents] == ["person/ana-perez"]


def test_a_name_that_may_not_sit_inside_a_longer_name():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("detente_kb_ruler")
    pattern = {"label": "PERSON", "pattern": "Ismail Khan", "id": "person/ismail-khan", "inside_names": False}
    ruler.set_compiled(compile_patterns(nlp, [pattern]))
    assert not nlp("The blast in Dera Ismail Khan killed four.").ents
    assert [e.text for e in nlp("Governor Ismail Khan spoke.").ents] == ["Ismail Khan"]
    assert [e.text for e in nlp("On Monday, Ismail Khan spoke.").ents] == ["Ismail Khan"]
    assert [e.text for e in nlp("Yesterday Ismail Khan spoke.").ents] == ["Ismail Khan"]


def test_a_packed_table_matches_as_the_plain_one_and_unpacks_only_what_a_text_holds():
    from detente.nlp.kb_ruler import first_tokens, packed, pair_key

    nlp, plain = _ruler()
    table = compile_patterns(nlp, PATTERNS)
    other = spacy.blank("en")
    ruler = other.add_pipe("detente_kb_ruler")
    ruler.set_compiled(packed(table), first_tokens(table))
    assert all(type(value) is bytes for value in ruler.table.values())
    text = "The Ruritanian Navy met Ana Pérez, not Ana Pérez Foundation."
    assert [(e.text, e.ent_id_) for e in other(text).ents] == [(e.text, e.ent_id_) for e in nlp(text).ents] == [
        ("Ruritanian Navy", "organization/ruritanian-navy"), ("Ana Pérez", "person/ana-perez"), ("Ana Pérez", "person/ana-perez")]
    ana, perez = (nlp.vocab.strings[w] for w in ("Ana", "Pérez"))
    assert type(ruler.table[pair_key(ana, perez)]) is tuple  # read on use
    assert type(ruler.table[nlp.vocab.strings["Ruritania"]]) is bytes  # never needed
    assert len(ruler) == len(plain) == len(PATTERNS)
    # a one-token key and the pair keys stay apart, and the first tokens come back from both
    assert sorted(first_tokens(table).tolist()) == sorted({nlp.vocab.strings[w] for w in ("Ana", "Pérez", "Ruritania", "Ruritanian", "Ki")})
