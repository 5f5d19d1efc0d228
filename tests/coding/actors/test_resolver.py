"""Actor resolution on sentences written for these tests (full pipeline, loaded once)."""

from __future__ import annotations

import datetime as dt

import pytest

from detente import Coder, Document, Settings
from tests.coding.actors.finding import mention_named


@pytest.mark.parametrize(
    "sentence, text, code, via",
    [
        ("Gustavo Petro spoke in Cali on Monday.", "Gustavo Petro", "COLGOV", "kb"),
        ("The Kremlin rejected the proposal.", "The Kremlin", "RUSGOV", "kb"),
        ("NATO said it would respond.", "NATO", None, "kb"),
        ("Officials in Washington welcomed the vote.", "Washington", "USAGOV", "kb"),
    ],
)
def test_kb_path(mentions, sentence, text, code, via):
    mention = mention_named(mentions(sentence), text)
    assert mention["via"] == via
    if code:
        assert mention["code"] == code


@pytest.mark.parametrize(
    "sentence, text, code",
    [
        ("Venezuelan opposition leader Rosalba Quintero called for new elections.", "Venezuelan opposition leader Rosalba Quintero", "VENOPP"),
        ("Iranian troops crossed the border overnight.", "Iranian troops", "IRNMIL"),
        ("The president of Peru, Tomasa Ccori, left Lima.", "The president of Peru", "PERGOV"),
        ("Tomasa Ccori, Peru's interior minister, resigned.", "Tomasa Ccori", "PERGOV"),
        ("Kenyan police dispersed the crowd.", "Kenyan police", "KENCOP"),
        ("Colombia's army shelled the camp.", "Colombia's army", "COLMIL"),
    ],
)
def test_context_path_codes_unknown_actors(mentions, sentence, text, code):
    mention = mention_named(mentions(sentence), text)
    assert (mention["code"], mention["via"]) == (code, "context")


def test_coref_surname_title_and_pronoun(mentions):
    text = (
        "Chilean Senator Rosalba Quintero met students in Santiago. "
        "Quintero later travelled to Lima. "
        "She said the visit was useful."
    )
    found = mentions(text)
    assert mention_named(found, "Quintero")["via"] == "coref"
    assert mention_named(found, "Quintero")["code"] == mention_named(found, "Chilean Senator Rosalba Quintero")["code"]
    assert mention_named(found, "She")["code"] == "CHLLEG"


def test_title_phrase_resolves_to_the_leader_named_earlier(mentions):
    found = mentions("Gustavo Petro arrived in Quito. The Colombian leader met students.")
    leader = mention_named(found, "The Colombian leader")
    assert leader["via"] == "coref" and leader["name"] == "Gustavo Petro" and leader["code"] == "COLGOV"


@pytest.mark.parametrize(
    "text, phrase, code",
    [
        # an institution named with its country, then an official of another, then "the <head>"
        ("The mayor wrote to the French Embassy in Lima. Pedro Castillo called for calm. The embassy refused.",
         "The embassy", "FRAGOV"),
        ("The Peruvian military attacked a camp. Ecuadorian general Juan Ortiz protested. The military said six died.",
         "The military", "PERMIL"),
        ("Kenya's parliament met on Monday. Ugandan MP Jane Otieno spoke. The parliament then voted.", "The parliament", "KENLEG"),
    ],
)
def test_a_bare_definite_noun_refers_to_the_last_mention_with_its_head(mentions, text, phrase, code):
    mention = mention_named(mentions(text, date="2021-10-01"), phrase)
    assert mention["via"] == "coref" and mention["code"] == code


def test_head_match_needs_the_bare_phrase_and_an_earlier_mention(mentions):
    found = mentions("The embassy refused. Later the French Embassy in Lima said nothing.", date="2021-10-01")
    assert mention_named(found, "The embassy")["code"] != "FRAGOV"  # nothing before it
    found = mentions("The French Embassy issued a visa. The Spanish embassy refused one.", date="2021-10-01")
    assert mention_named(found, "The Spanish embassy")["code"] == "ESPGOV"  # its own country


@pytest.mark.parametrize(
    "text, language",
    [
        ("The union (Sindicato dos Metalúrgicos, in Portuguese) called a strike.", "Portuguese"),
        ("The leaflet, translated into Spanish, was handed out in Quito.", "Spanish"),
    ],
)
def test_a_bare_demonym_after_in_or_into_names_a_language(mentions, text, language):
    assert not [m for m in mentions(text) if m["text"] == language]


def test_a_demonym_that_modifies_a_noun_after_in_stays_a_country(mentions):
    found = mentions("Brazil invested in Portuguese banks.")
    assert [m["country"] for m in found if "Portuguese" in m["text"]] == ["PRT"]


def test_pronoun_with_two_candidates_stays_unresolved(mentions):
    found = mentions("Gustavo Petro met Daniel Noboa in Quito. He said the talks went well.")
    assert not [m for m in found if m["text"] == "He"]


@pytest.mark.parametrize("date, code", [("2019-06-01", "USAGOV"), ("2023-06-01", "USAELI"), ("2026-02-01", "USAGOV")])
def test_date_ranges_change_the_code(mentions, date, code):
    mention = mention_named(mentions("Donald Trump spoke to reporters.", date=date), "Donald Trump")
    assert mention["code"] == code


def test_user_override_file(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(
        "- id: organization/quintero-foundation\n  type: organization\n  name: Quintero Foundation\n"
        "  aliases: [QF]\n  country: CHL\n  sector: NGO\n  code: CHLNGO\n",
        encoding="utf-8",
    )
    coder = Coder(Settings(actor_files=(path,)), events=False)
    document = Document(id="u", text="The QF criticised the reform.", date=dt.date(2024, 1, 1))
    found = list(coder.actors([document]))
    assert mention_named(found, "The QF")["code"] == "CHLNGO"


def test_a_definite_title_is_not_another_argument_of_its_own_clause(mentions):
    found = mentions("Abdullah Gul met the envoy in Ankara.", date="2008-03-01")
    envoy = mention_named(found, "the envoy")
    assert envoy["name"] != "Abdullah Gül" and envoy["via"] != "coref"
    # in the next sentence the title may refer back
    found = mentions("Abdullah Gul arrived in Tirana on Monday. The president met students.", date="2008-03-01")
    assert mention_named(found, "The president")["name"] == "Abdullah Gül"


def test_an_object_pronoun_is_not_its_own_clauses_subject(mentions):
    found = mentions("Gustavo Petro thanked him for the visit.")
    assert not [m for m in found if m["text"] == "him"]
    found = mentions("Gustavo Petro said he would travel to Quito.")
    assert mention_named(found, "he")["name"] == "Gustavo Petro"
    found = mentions("Gustavo Petro met his ministers.")
    assert mention_named(found, "his")["name"] == "Gustavo Petro"
