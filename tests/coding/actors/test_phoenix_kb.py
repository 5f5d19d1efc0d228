"""The knowledge base against the Phoenix dictionaries it imports (tools/kb/import_phoenix.py).

A fixed-seed sample of dated dictionary entries: each name, looked up at a date inside one of its
date ranges, must get a code the dictionary gives for that date. Curated entries win over Phoenix
where they overlap, and namesakes share names, so a few misses are expected; 95% must agree.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections import Counter
from pathlib import Path

import pytest

from detente.coding.actors.kb import KnowledgeBase
from detente.coding.actors.tabari import read_dictionary

PETRARCH = Path(__file__).resolve().parents[3].parent / "shared" / "reference" / "petrarch"
DICTIONARIES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")
COMPILED = dt.date(2014, 1, 30)  # the dictionaries' compilation date: nothing later is in them

pytestmark = pytest.mark.skipif(not PETRARCH.is_dir(), reason="needs ../shared/reference/petrarch")


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


def _clean(code: str) -> str:
    return re.sub(r"\d+$", "", code)


def _pairs() -> list[tuple[str, dt.date, set[str], str]]:
    """(name, date, codes the dictionary gives on that date, dictionary) for every dated range."""
    rng = random.Random(1945)
    pairs = []
    for dictionary in DICTIONARIES:
        for entry in read_dictionary(PETRARCH / dictionary):
            for code in entry.codes:
                if not code.dated:
                    continue
                start = max(code.start or dt.date(1945, 1, 1), dt.date(1945, 1, 1))
                end = min(code.end or COMPILED, COMPILED)
                if end < start:
                    continue
                date = start + dt.timedelta(days=rng.randrange((end - start).days + 1))
                valid = {_clean(c.code) for c in entry.codes if c.dated and c.covers(date)}
                pairs.append((entry.name, date, valid, dictionary))
    return pairs


def _written(raw: str) -> str:
    return " ".join(part for part in re.split(r"[_\s]+", raw.split("(")[0]) if part).title()


def _project_codes() -> dict[str, str]:
    """CAMEO / ISO codes of territories and of Kosovo and Timor-Leste -> the codes detente writes."""
    import yaml

    from detente.data import data_path

    mapping = {}
    for item in yaml.safe_load(data_path("actors", "countries.yaml").read_text(encoding="utf-8")):
        code = str(item.get("code") or item["country"])
        for alias in (item.get("cameo_code"), item.get("iso3")):
            if alias and alias != code:
                mapping[str(alias)] = code
    return mapping


PROJECT_CODES = _project_codes()


def _agrees(code: str, valid: set[str]) -> bool:
    # territories are folded into their state (BMU -> GBRBMU), as countries.yaml does; a former
    # international official's "[ELI]" is written <country>ELI or IGOELI in the knowledge base
    valid = valid | {PROJECT_CODES[v[:3]] + v[3:] for v in valid if v[:3] in PROJECT_CODES}
    return code in valid or (code.endswith("ELI") and "ELI" in valid)


def test_a_fixed_sample_of_dated_phoenix_names_resolves_to_the_dictionary_code(kb):
    pairs = _pairs()
    sample = random.Random(20140130).sample(pairs, 600)
    decades = Counter(date.year // 10 * 10 for _, date, _, _ in sample)
    countries = Counter(min(valid)[:3] for _, _, valid, _ in sample)
    assert len(decades) >= 5 and len(countries) >= 60  # the sample spans decades and countries
    misses = []
    for raw, date, valid, dictionary in sample:
        found = kb.lookup(_written(raw), date)
        code = found[0].coding_at(date)[0] if found else None
        if code is None or not _agrees(code, valid):
            misses.append((raw, date.isoformat(), sorted(valid), code, dictionary))
    agreement = 1 - len(misses) / len(sample)
    assert agreement >= 0.95, f"{agreement:.3f} agree; first misses: {misses[:15]}"


@pytest.mark.parametrize(
    ("name", "date", "code"),
    [
        ("Kofi Annan", "2005-06-01", "IGOUNO"),
        ("Gordon Brown", "2008-06-01", "GBRGOV"),
        ("Silvio Berlusconi", "2005-06-01", "ITAGOV"),
        ("Ehud Olmert", "2007-06-01", "ISRGOV"),
        ("Hosni Mubarak", "2005-06-01", "EGYGOV"),
        ("Hugo Chavez", "2005-06-01", "VENGOV"),
    ],
)
def test_leaders_of_the_2000s_hold_their_office_at_the_date(kb, name, date, code):
    (entry, *_) = kb.lookup(name, dt.date.fromisoformat(date))
    assert entry.coding_at(dt.date.fromisoformat(date))[0] == code
    assert entry.source or entry.id.startswith("person/")  # generated entries carry their source


def test_every_generated_entry_names_its_source(kb):
    generated = [e for e in kb.entries.values() if e.source is not None]
    assert len(generated) > 20000
    assert all(e.source.startswith("Phoenix ") for e in generated)
