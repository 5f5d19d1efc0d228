from __future__ import annotations

import datetime as dt

import pytest

from detente.coding.actors.kb import KnowledgeBase, read_entries
from detente.errors import DataFileError

USER = """
- id: person/ana-example
  type: person
  name: Ana Example
  aliases: [Example]
  country: PRY
  code: PRYELI
  roles:
    - {code: PRYGOV, sector: GOV, from: 2019-03-01, until: 2021-03-01}
    - {code: PRYGOV, sector: GOV, from: 2024-01-20}
- id: country/PRY
  type: country
  name: Paraguay
  country: PRY
  code: PRY
  demonyms: [Paraguayan, Paraguayans]
  capital: {name: Asunción, aliases: [Asuncion], lat: -25.28, lon: -57.63}
"""


@pytest.fixture()
def user_file(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(USER, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "date, code",
    [
        ("2019-03-01", "PRYGOV"),  # first day in office
        ("2021-02-28", "PRYGOV"),
        ("2021-03-01", "PRYELI"),  # `until` is exclusive
        ("2023-06-30", "PRYELI"),  # between terms
        ("2024-01-20", "PRYGOV"),
        ("2030-01-01", "PRYGOV"),  # open-ended role
    ],
)
def test_roles_follow_the_event_date(user_file, date, code):
    kb = KnowledgeBase.load([user_file], builtin=False)
    [entry] = kb.lookup("Ana Example")
    assert entry.coding_at(dt.date.fromisoformat(date))[0] == code


def test_capital_becomes_a_government_metonym_and_demonyms_index(user_file):
    kb = KnowledgeBase.load([user_file], builtin=False)
    [capital] = kb.lookup("Asuncion")
    assert (capital.type, capital.code, capital.country) == ("place", "PRYGOV", "PRY")
    assert kb.demonym("Paraguayans").country == "PRY"
    assert kb.lookup("the Paraguay") and not kb.lookup("paraguay-x")


def test_lowercase_text_does_not_match_an_uppercase_alias(user_file):
    kb = KnowledgeBase.load([user_file], builtin=False)
    assert kb.lookup("example") == []
    assert kb.lookup("Example")


def test_user_file_overrides_a_builtin_entry(tmp_path):
    builtin = KnowledgeBase.load()
    trump = builtin.lookup("Donald Trump")[0]
    path = tmp_path / "override.yaml"
    path.write_text(
        f"- id: {trump.id}\n  type: person\n  name: Donald Trump\n  aliases: [Trump]\n  country: USA\n  code: USABUS\n",
        encoding="utf-8",
    )
    kb = KnowledgeBase.load([path])
    assert kb.lookup("Trump")[0].coding_at(dt.date(2025, 6, 1))[0] == "USABUS"


@pytest.mark.parametrize(
    "text, message",
    [
        ("- id: x\n  type: person\n  name: X\n", "missing required field 'country'"),
        ("- id: x\n  type: person\n  name: X\n  country: USA\n  roles: [{code: USAGOV, from: 2020-13-01}]\n", "month must be in 1..12"),
        ("- id: x\n  type: person\n  name: X\n  country: USA\n  roles: [{code: USAGOV, from: 'soon'}]\n", "bad actor entry x"),
        ("- [unclosed\n", "invalid YAML"),
        ("just: a mapping\n", "YAML list"),
    ],
)
def test_bad_actor_files_name_the_file(tmp_path, text, message):
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        read_entries(path)
    assert message in str(info.value)
    assert str(path) in str(info.value)


@pytest.mark.parametrize(
    "name, date, code",
    [
        ("Donald Trump", "2018-05-01", "USAGOV"),
        ("Donald Trump", "2026-02-03", "USAGOV"),
        ("Joe Biden", "2022-05-01", "USAGOV"),
        ("Gustavo Petro", "2024-01-01", "COLGOV"),
        ("Claudia Sheinbaum", "2025-01-01", "MEXGOV"),
    ],
)
def test_shipped_leaders_have_dated_roles(name, date, code):
    kb = KnowledgeBase.load()
    assert kb.lookup(name)[0].coding_at(dt.date.fromisoformat(date))[0] == code


def test_trump_is_not_government_between_terms():
    kb = KnowledgeBase.load()
    code, _ = kb.lookup("Trump")[0].coding_at(dt.date(2022, 6, 1))
    assert code.startswith("USA") and code != "USAGOV"


def test_extends_records_add_names_and_roles_to_an_entry(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(
        """
- id: person/ana-perez
  type: person
  name: Ana Pérez
  country: XYZ
  code: XYZELI
  roles:
    - {code: XYZGOV, from: 2020-01-01}
- extends: person/ana-perez
  aliases: [Ana Maria Perez]
  roles:
    - {code: XYZLEG, from: 2010-01-01, until: 2015-01-01}
  source: test
""",
        encoding="utf-8",
    )
    kb = KnowledgeBase.load([path], builtin=False)
    (entry,) = kb.lookup("Ana Maria Perez")
    assert entry.coding_at(dt.date(2012, 5, 1))[0] == "XYZLEG"
    assert entry.coding_at(dt.date(2017, 5, 1))[0] == "XYZELI"
    assert entry.coding_at(dt.date(2021, 5, 1))[0] == "XYZGOV"


def test_extends_of_an_unknown_id_names_the_file(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("- extends: person/nobody\n  aliases: [X Y]\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="bad.yaml.*names no actor entry"):
        KnowledgeBase.load([path], builtin=False)


def test_namesakes_are_ordered_by_who_held_office_on_the_date(tmp_path):
    path = tmp_path / "twins.yaml"
    path.write_text(
        """
- {id: person/a, type: person, name: Lee Kim, country: AAA, code: AAAELI, roles: [{code: AAAGOV, from: 1990-01-01, until: 1995-01-01}]}
- {id: person/b, type: person, name: Lee Kim, country: BBB, code: BBBELI, roles: [{code: BBBGOV, from: 2005-01-01, until: 2010-01-01}]}
""",
        encoding="utf-8",
    )
    kb = KnowledgeBase.load([path], builtin=False)
    assert kb.lookup("Lee Kim", dt.date(1992, 1, 1))[0].id == "person/a"
    assert kb.lookup("Lee Kim", dt.date(2007, 1, 1))[0].id == "person/b"


def test_curated_entries_win_shared_names_over_generated_ones():
    kb = KnowledgeBase.load()
    (first, *_) = kb.lookup("White House")
    assert first.source is None  # a curated entry (generated ones carry their Phoenix source)


def test_a_compiled_kb_reads_an_entry_only_when_it_is_used(user_file):
    import pickle

    kb = KnowledgeBase.load([user_file], builtin=False)
    loaded = pickle.loads(pickle.dumps(kb))  # as the cache stores and reads it
    assert all(type(row) is bytes for row in loaded.entries._items.values())  # packed rows
    for day, code in (("2020-01-01", "PRYGOV"), ("2022-01-01", "PRYELI")):
        (entry,) = [e for e in loaded.lookup("Ana Example") if e.id == "person/ana-example"]
        assert entry == kb.entries["person/ana-example"]
        assert entry.coding_at(dt.date.fromisoformat(day))[0] == code
    assert type(loaded.entries._items["person/ana-example"]) is not bytes
    assert type(loaded.entries._items["country/PRY"]) is bytes  # never looked at
    assert list(loaded.entries) == list(kb.entries)  # order kept
