"""The Phoenix converter (tools/kb/import_phoenix.py) on dictionaries written for these tests."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

TOOLS = Path(__file__).resolve().parents[2] / "tools" / "kb"
sys.path.insert(0, str(TOOLS))

import import_phoenix  # noqa: E402
from phoenix_names import fold, written_forms  # noqa: E402

COUNTRIES = """\
RURITANIA_ [TUV]
+RURITANIAN_
ANA_MARIA_DE_LA_CRUZ_  # CountryInfo.txt
\t[TUVELI 700101-991231]
\t[TUVGOVMIL 20000101-20051231]
\t[TUVGOV 20030601-20040101]
\t[TUVELI]
PRIME_MINISTER_JOHN_MCALLISTER_  # CountryInfo.txt
\t[TUVGOV >100101]
VLADIMIR_PUTIN_  # CountryInfo.txt
\t[RUSSPY 980725-990809]
\t[RUSGOVMIL 000507-080507]
"""
INTERNATIONAL = "RURITANIA_RELIEF_FUND_ (RRF) [NGOTUVREF]\n"
NONSTATE = "RURITANIAN_LIBERATION_ARMY_ [TUVREB]\n+RLA_\n"


@pytest.fixture()
def converted(tmp_path):
    reference = tmp_path / "petrarch"
    reference.mkdir()
    (reference / "Phoenix.Countries.actors.txt").write_text(COUNTRIES, encoding="utf-8")
    (reference / "Phoenix.International.actors.txt").write_text(INTERNATIONAL, encoding="utf-8")
    (reference / "Phoenix.MilNonState.actors.txt").write_text(NONSTATE, encoding="utf-8")
    out, conflicts = tmp_path / "out", tmp_path / "conflicts.tsv"
    assert import_phoenix.main(["--reference", str(reference), "--out", str(out), "--conflicts", str(conflicts)]) == 0
    records = {}
    for path in out.glob("*.yaml"):
        for item in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            records[item.get("id") or "extends:" + item["extends"]] = item
    return records, conflicts.read_text(encoding="utf-8")


def test_people_get_written_names_exclusive_ends_and_the_later_appointment(converted):
    records, _ = converted
    ana = records["person/ana-maria-de-la-cruz"]
    assert ana["name"] == "Ana Maria de la Cruz" and ana["country"] == "TUV" and ana["code"] == "TUVELI"
    roles = [(r["code"], str(r.get("from")), str(r.get("until"))) for r in ana["roles"]]
    assert roles == [
        ("TUVELI", "1970-01-01", "2000-01-01"),
        ("TUVGOVMIL", "2000-01-01", "2003-06-01"),
        ("TUVGOV", "2003-06-01", "2004-01-02"),
        ("TUVGOVMIL", "2004-01-02", "2006-01-01"),
    ]
    assert ana["source"].startswith("Phoenix Countries line 3")


def test_titles_are_dropped_open_roles_closed_and_a_default_given(converted):
    records, _ = converted
    john = records["person/john-mcallister"]
    assert john["name"] == "John McAllister" and john["code"] == "TUVELI"
    assert [(r["code"], str(r["until"])) for r in john["roles"]] == [("TUVGOV", str(import_phoenix.OPEN_ROLES_UNTIL))]


def test_a_curated_person_is_extended_and_conflicts_are_listed(converted):
    records, conflicts = converted
    putin = records["extends:person/vladimir-putin"]
    assert [(r["code"], str(r["from"])) for r in putin["roles"]] == [("RUSSPY", "1998-07-25")]
    assert "person/vladimir-putin" in conflicts and "RUSGOVMIL" in conflicts  # the overruled role
    assert not any(k.startswith("person/vladimir-putin") for k in records)  # one entry per person


def test_groups_keep_acronyms_and_countries_are_not_imported(converted):
    records, _ = converted
    army = records["armed_group/ruritanian-liberation-army"]
    assert army["aliases"] == ["RLA"] and army["code"] == "TUVREB"
    fund = records["organization/ruritania-relief-fund"]
    assert "RRF" in fund["aliases"] and fund["code"] == "NGOTUVREF"
    assert not any("ruritania" == k.split("/")[-1] for k in records)


@pytest.mark.parametrize(
    "raw, person, forms",
    [
        ("BASHAR_AL-ASSAD_", True, ["Bashar al-Assad", "Bashar Al-Assad"]),
        ("OSAMA_BIN_LADEN", True, ["Osama bin Laden", "Osama Bin Laden"]),
        ("BAN_KI-MOON", True, ["Ban Ki-moon", "Ban Ki-Moon"]),
        ("FRANK_C._O'NEILL_", True, ["Frank C. O'Neill"]),
        ("UNITED_NATIONS_CHILDREN'S_FUND", False, ["United Nations Children's Fund"]),
        ("KURDISTAN_WORKERS_PARTY_(PKK)", False, ["Kurdistan Workers Party", "PKK"]),
        ("IAEA_", False, ["IAEA"]),
    ],
)
def test_written_forms(raw, person, forms):
    assert written_forms(raw, person=person) == forms


def test_fold_ignores_accents_case_punctuation_and_a_leading_article():
    assert fold("The Islamic State") == fold("islamic state") == "islamic state"
    assert fold("Recep Tayyip Erdoğan") == fold("RECEP TAYYIP ERDOGAN")
