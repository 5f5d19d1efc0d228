from __future__ import annotations

import datetime as dt

import pytest

from detente.coding.dates import resolve_date

REF = dt.date(2026, 2, 10)  # a Tuesday


@pytest.mark.parametrize(
    "text, future, expected",
    [
        ("February 3, 2026", False, dt.date(2026, 2, 3)),
        ("the March 8th", False, dt.date(2026, 3, 8)),
        ("March 8", True, dt.date(2026, 3, 8)),
        ("Friday", False, dt.date(2026, 2, 6)),
        ("Friday", True, dt.date(2026, 2, 13)),
        ("Tuesday", False, dt.date(2026, 2, 10)),  # the publication day itself
        ("on Monday", False, dt.date(2026, 2, 9)),
        ("yesterday", False, dt.date(2026, 2, 9)),
        ("last week", False, dt.date(2026, 2, 3)),
    ],
)
def test_dates_resolve_against_the_publication_date(text, future, expected):
    assert resolve_date(text, REF, future=future) == expected


@pytest.mark.parametrize("text", ["months", "three years", "the past decade", "today", "weekly", ""])
def test_durations_and_vague_phrases_are_not_dates(text):
    assert resolve_date(text, REF) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("in 1982", dt.date(1982, 1, 1)),
        ("from 1950 to 1953", dt.date(1950, 1, 1)),
        ("June 1967", dt.date(1967, 6, 1)),
    ],
)
def test_background_years_keep_their_own_time(text, expected):
    assert resolve_date(text, REF) == expected

