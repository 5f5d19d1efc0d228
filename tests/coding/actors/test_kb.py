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
