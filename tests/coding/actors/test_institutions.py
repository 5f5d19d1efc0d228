"""State bodies named by a general pattern, and organisations that recur in the news (own sentences)."""

from __future__ import annotations

import pytest

from tests.coding.actors.finding import mention_named


@pytest.mark.parametrize(
    "sentence, text, code",
    [
        ("Austria's Federal Office for Migration rejected the claims.", "Austria's Federal Office for Migration", "AUTGOV"),
        ("The Chilean Environmental Agency fined the company.", "The Chilean Environmental Agency", "CHLGOV"),
        ("Ghana's Department of Fisheries seized two trawlers.", "Ghana's Department of Fisheries", "GHAGOV"),
        ("The Polish Border Guard Command deployed patrols.", "The Polish Border Guard Command", "POLMIL"),
        ("Peru's National Police Directorate opened an inquiry.", "Peru's National Police Directorate", "PERCOP"),
    ],
)
def test_a_named_state_body_takes_its_country_and_sector(mentions, sentence, text, code):
    assert mention_named(mentions(sentence), text)["code"] == code


def test_a_lower_case_office_is_not_a_state_body(mentions):
    found = mentions("She left her office in Lisbon early on Tuesday.")
    assert not any(m["code"].endswith("GOV") and "office" in m["text"] for m in found)


@pytest.mark.parametrize(
    "sentence, text, code",
    [
        ("Renamo fighters attacked a convoy near Gorongosa.", "Renamo fighters", "MOZOPP"),
        ("Members of the Landless Workers' Movement occupied a farm.", "the Landless Workers' Movement", "BRAAGR"),
        ("The IRGC said it had seized a tanker.", "The IRGC", "IRNMIL"),
        ("The Bundeswehr sent engineers to the region.", "The Bundeswehr", "DEUMIL"),
    ],
)
def test_recurring_organisations_are_in_the_knowledge_base(mentions, sentence, text, code):
    assert mention_named(mentions(sentence), text)["code"] == code


@pytest.mark.parametrize(
    "date, code",
    [("2005-03-10", "EGYGOV"), ("2025-03-10", "EGYELI")],
)
def test_a_person_has_the_role_held_on_the_date(mentions, date, code):
    found = mentions("Hosni Mubarak met the envoy in Cairo.", date)
    assert mention_named(found, "Hosni Mubarak")["code"] == code


def test_a_phrase_does_not_reach_across_and_to_another_leader(mentions):
    found = mentions("Brazilian President Lula and French President Emmanuel Macron met in Belém.", "2024-03-26")
    macron = [m for m in found if "Macron" in m["text"]]
    assert macron and all("Lula" not in m["text"] for m in macron)
    assert macron[0]["code"] == "FRAGOV"


def test_a_country_in_the_title_beats_a_foreign_namesake(tmp_path):
    import datetime as dt

    from detente import Coder, Document, Settings

    own = tmp_path / "namesake.yaml"
    own.write_text(
        "- {id: person/rosa-vidal, type: person, name: Rosa Vidal, country: ARG, code: ARGELI}\n", encoding="utf-8"
    )
    coder = Coder(Settings(actor_files=[own]), prefilter=False)
    text = "Chile's deputy foreign minister Rosa Vidal arrived in Lima."
    (found,) = [m for m in coder.actors([Document(id="t", text=text, date=dt.date(2023, 5, 2))]) if "Vidal" in m["text"]]
    assert found["code"] == "CHLGOV"


def test_a_title_without_a_country_takes_the_earlier_person_of_that_surname(mentions):
    found = mentions("Prime Minister Mette Frederiksen spoke in Aarhus. Later, Prime Minister Frederiksen left.", "2022-05-02")
    later = [m for m in found if m["text"].endswith("Prime Minister Frederiksen")]
    assert later and later[0]["code"] == "DNKGOV"


def test_a_bare_surname_is_the_office_holder_of_a_country_the_text_names(mentions):
    found = mentions("The Nicaraguan parliament approved the law on Monday. Ortega said it protects sovereignty.", "2023-05-02")
    assert [m["code"] for m in found if m["text"] == "Ortega"] == ["NICGOV"]
    elsewhere = mentions("The Spanish parliament approved the law on Monday. Ortega said it protects sovereignty.", "2023-05-02")
    assert all(m["code"] != "NICGOV" for m in elsewhere if m["text"] == "Ortega")


def test_a_spokesman_for_an_organisation_takes_its_country(mentions):
    found = mentions("Ali Karimi, a spokesman for Hezbollah, denied the report.", "2023-05-02")
    assert [m["code"][:3] for m in found if m["text"] == "Ali Karimi"] == ["LBN"]
    envoy = mentions("Maria Lind, an envoy for Syria, arrived in Geneva.", "2023-05-02")
    assert all(not m["code"].startswith("SYR") for m in envoy if m["text"] == "Maria Lind")
