"""Event dates: the date phrase attached to an event, resolved against the publication date.

dateparser does the parsing with an explicit reference date (``RELATIVE_BASE``): a month and day
without a year take the publication year ("the March 8th consultation" in February 2026 is
2026-03-08); a bare weekday looks back for asserted events and ahead for future ones.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

DURATION = re.compile(
    r"^(?:the\s+)?(?:(?:past|first|several|few|many|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+)*"
    r"(?:days?|weeks?|months?|years?|decades?|hours?|minutes?|centuries|century)$",
    re.IGNORECASE,
)
VAGUE = {"today", "now", "recently", "currently", "annually", "daily", "weekly", "monthly", "yearly", "the day", "the year"}
CLEAN = re.compile(r"\b(?:on|in|the|of|early|late|mid|this past|since|by|until)\b", re.IGNORECASE)
ORDINAL = re.compile(r"(\d+)(?:st|nd|rd|th)\b")
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
WEEKDAY = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.IGNORECASE)


MONTH = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b", re.IGNORECASE)
MIN_YEAR = 1800  # the earliest year a background event is dated to
MAX_STEPS = 2  # a date must hang on the event itself ("met on Friday"), not on a phrase inside it


@dataclass(frozen=True, slots=True)
class EventDate:
    date: dt.date
    text: str | None  # None when the publication date stands in


@functools.lru_cache(maxsize=4096)
def resolve_date(text: str, reference: dt.date, *, future: bool = False) -> dt.date | None:
    """Parse a date phrase relative to ``reference``; None when it is a duration or unparseable.
    (Cached: dateparser is the slowest step of coding, and news repeats its date phrases.)"""
    phrase = text.strip().strip(",.;")
    lowered = phrase.lower()
    if not phrase or lowered in VAGUE or DURATION.match(phrase):
        return None
    cleaned = ORDINAL.sub(r"\1", CLEAN.sub(" ", phrase))
    cleaned = " ".join(cleaned.split())
    if not cleaned:
        return None
    has_year = bool(re.search(r"\b\d{4}\b", cleaned))
    weekday = WEEKDAY.fullmatch(cleaned.strip())
    if weekday:
        # a bare weekday is the nearest such day: back for what happened (the same day counts:
        # "on Monday" in Monday's paper is today), ahead for what is announced
        target = WEEKDAYS.index(weekday.group(1).lower())
        if future:
            return reference + dt.timedelta(days=(target - reference.weekday()) % 7)
        return reference - dt.timedelta(days=(reference.weekday() - target) % 7)
    if WEEKDAY.search(cleaned) and not re.search(r"\d", cleaned):
        prefer = "future" if future else "past"
    elif has_year:
        prefer = "current_period"
    else:
        prefer = "future" if future else "current_period"
    settings = {
        "RELATIVE_BASE": dt.datetime.combine(reference, dt.time(12)),
        "PREFER_DATES_FROM": prefer,
        "RETURN_AS_TIMEZONE_AWARE": False,
        "PREFER_DAY_OF_MONTH": "first",
        "REQUIRE_PARTS": [],
    }
    import dateparser  # 0.1-0.2 s to import: paid by the first phrase that needs it, not at start

    try:
        parsed = dateparser.parse(cleaned, languages=["en"], settings=settings)
    except (ValueError, OverflowError):
        parsed = None
    years = [int(y) for y in re.findall(r"\b(\d{4})\b", cleaned)]
    if parsed is None:
        # "from 1950 to 1953", "the 1950-53 war": a span of years starts in its first year
        if years and not future and MIN_YEAR <= years[0] <= reference.year:
            return dt.date(years[0], 1, 1)
        return None
    if abs(parsed.year - reference.year) > 30:
        if not (parsed.year in years and MIN_YEAR <= parsed.year <= reference.year):
            return None  # a far year counts only when the phrase writes it out ("in 1982")
        if not MONTH.search(cleaned):
            return dt.date(parsed.year, 1, 1)  # "in 1982": the year, not today's month in it
    return parsed.date()


def event_date(
    trigger: Token, extra_heads: list[Token], reference: dt.date | None, *, future: bool, dates: list[Span] | None = None
) -> EventDate | None:
    """The date of the event at ``trigger``: the nearest DATE entity in its clause, else None.

    ``extra_heads`` are tokens whose dependents also describe the event (the verb of
    "the meeting took place on ..."); ``dates`` the DATE entities of the sentence, when the
    caller has them already.
    """
    if reference is None:
        return None
    if dates is None:
        dates = [e for e in trigger.sent.ents if e.label_ == "DATE"]
    if not dates:
        return None
    best: tuple[int, Span] | None = None
    ancestors = [a for a in trigger.ancestors if a not in extra_heads]
    for ent in dates:
        distance = _tree_distance(ent.root, [trigger, *extra_heads])
        if distance is None:
            # a date on a governing verb ("On Tuesday, officials said X attacked Y") comes next
            upper = _tree_distance(ent.root, ancestors)
            distance = None if upper is None or upper > MAX_STEPS else upper + 4
        if distance is None or distance > MAX_STEPS + 4:
            continue
        if best is None or distance < best[0]:
            best = (distance, ent)
    if best is None:
        return None
    ent = best[1]
    date = resolve_date(ent.text, reference, future=future)
    if date is None:
        return None
    text = ent.text
    prep = ent.root.head
    if prep.dep_ == "prep" and prep.i == ent.start - 1:
        text = f"{prep.text} {ent.text}"
    return EventDate(date, text)


def _tree_distance(token: Token, targets: list[Token]) -> int | None:
    """Steps from ``token`` up to the nearest of ``targets`` (None when no target dominates it)."""
    steps = 0
    node = token
    target_ids = {t.i for t in targets}
    while steps <= MAX_STEPS:
        if node.i in target_ids:
            return steps
        if node.head.i == node.i:
            return None
        node = node.head
        steps += 1
    return None
