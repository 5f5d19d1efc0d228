"""Reading TABARI / PETRARCH actor dictionaries (the Phoenix format)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from detente.coding.actors.tabari import PIVOT_YEAR, parse_code, parse_date, read_dictionary

SAMPLE = """\
# a comment line
ANA_PEREZ_  # CountryInfo.txt
+ANA_MARIA_PEREZ_
\t[XYZELI 720101-990202]
\t[XYZGOV 19990203-20130305]
\t[XYZELI]
BOB_STONE_ [XYZGOV >030101] [ELI]   # codes on the name's line
+MR_STONE_
CAROL_KING_
\t[XYZGOV <100630]
\t[XYZGOV 9008223]
"""


@pytest.fixture()
def entries(tmp_path):
    path = tmp_path / "sample.actors.txt"
    path.write_text(SAMPLE, encoding="utf-8")
    return read_dictionary(path)


def test_entries_synonyms_and_codes(entries):
    assert [e.name for e in entries] == ["ANA_PEREZ_", "BOB_STONE_", "CAROL_KING_"]
    ana, bob, carol = entries
    assert ana.synonyms == ["ANA_MARIA_PEREZ_"] and "CountryInfo" in ana.comment
    assert [(c.code, c.start, c.end) for c in ana.codes] == [
        ("XYZELI", dt.date(1972, 1, 1), dt.date(1999, 2, 2)),
        ("XYZGOV", dt.date(1999, 2, 3), dt.date(2013, 3, 5)),
        ("XYZELI", None, None),
    ]
    assert [(c.code, c.start, c.end) for c in bob.codes] == [("XYZGOV", dt.date(2003, 1, 1), None), ("ELI", None, None)]
    assert bob.synonyms == ["MR_STONE_"]
    assert carol.codes[0].end == dt.date(2010, 6, 30) and carol.codes[0].start is None


def test_a_bad_date_is_a_problem_of_its_entry_not_an_error(entries):
    carol = entries[2]
    assert len(carol.codes) == 1
    assert carol.problems and "9008223" in carol.problems[0] and "line 11" in carol.problems[0]


def test_ranges_are_inclusive():
    code = parse_code("ABCGOV 20010101-20011231")
    assert code.covers(dt.date(2001, 12, 31)) and not code.covers(dt.date(2002, 1, 1))


@pytest.mark.parametrize("text", ["ABC 2001-01-01", "ABC 20021231-20020101", "", "ABC 1999"])
def test_bad_codes_raise(text):
    with pytest.raises(ValueError):
        parse_code(text)


@given(st.dates(min_value=dt.date(1915, 1, 1), max_value=dt.date(2014, 12, 31)))
def test_six_digit_dates_pivot_on_the_compilation_year(date):
    six = date.strftime("%y%m%d")
    expected = date if (date.year >= 2000 or date.year % 100 > PIVOT_YEAR) else None
    if expected is not None:
        assert parse_date(six) == date
    assert parse_date(date.strftime("%Y%m%d")) == date
