"""Argument constructions across the clause (coding.document.constructions) and the lexicon senses
added with them, on sentences written for these tests."""

from __future__ import annotations

import pytest


def _on(events, trigger):
    found = [e for e in events if e["evidence"]["trigger"] == trigger]
    assert found, [(e["cameo"], e["evidence"]["trigger"]) for e in events]
    return found[0]


def _countries(side):
    return sorted({a["country"] for a in side if a.get("country")})


@pytest.mark.parametrize(
    "sentence, trigger, actor, recipient",
    [
        ("Chilean President Gabriel Boric and his Peruvian counterpart Dina Boluarte signed a trade agreement.", "signed", ["CHL"], ["PER"]),
        ("Boric met his Peruvian counterpart in Lima.", "met", ["CHL"], ["PER"]),
        ("Chile's foreign minister held talks with her Bolivian counterpart.", "held", ["CHL"], ["BOL"]),
    ],
)
def test_a_counterpart_belongs_to_the_country_its_adjective_names(code, sentence, trigger, actor, recipient):
    event = _on(code(sentence), trigger)
    assert _countries(event["actor"]) == actor
    assert _countries(event["recipient"]) == recipient


def test_on_the_part_of_names_the_actor_and_the_reaction_targets_it(code):
    events = code("Spain condemned the harassment of journalists on the part of Bolivia's security forces.")
    assert _countries(_on(events, "harassment")["actor"]) == ["BOL"]
    condemned = _on(events, "condemned")
    assert _countries(condemned["actor"]) == ["ESP"] and _countries(condemned["recipient"]) == ["BOL"]


@pytest.mark.parametrize(
    "sentence, trigger",
    [
        ("Spain accused Chile of arresting Peruvian fishermen.", "arresting"),
        ("Argentina accused Chile of detaining Peruvian fishermen.", "detaining"),
    ],
)
def test_the_accused_is_the_actor_of_what_they_are_accused_of(code, sentence, trigger):
    events = code(sentence)
    event = _on(events, trigger)
    assert _countries(event["actor"]) == ["CHL"]
    assert _countries(event["recipient"]) == ["PER"]
    assert event["modality"] != "asserted" or event["attribution"]["kind"] != "author"


def test_the_accuser_stays_the_actor_of_the_accusation(code):
    accused = _on(code("Spain accused Chile of arresting Peruvian fishermen."), "accused")
    assert _countries(accused["actor"]) == ["ESP"] and _countries(accused["recipient"]) == ["CHL"]


@pytest.mark.parametrize(
    "sentence, trigger, cameo",
    [
        ("Spain designated two Chilean officials under its sanctions law.", "designated", "163"),
        ("The Chilean cabinet revoked the agreement with Peru.", "revoked", "160"),
        ("Spain froze the assets of three Chilean generals.", "froze", "163"),
        ("The Chilean government declared a state of emergency in the north of the country.", "declared", "1724"),
        ("Bolivian police placed the opposition leader under house arrest.", "placed", "173"),
        ("Chile's president had lunch with Peru's president in Lima.", "had", "040"),
    ],
)
def test_lexicon_senses(code, sentence, trigger, cameo):
    assert _on(code(sentence), trigger)["cameo"] == cameo


def test_headline_subject_is_the_actor(code):
    event = _on(code("Chile expels Peruvian ambassador\n\nThe decision came after weeks of tension."), "expels")
    assert _countries(event["actor"]) == ["CHL"] and _countries(event["recipient"]) == ["PER"]


def test_passive_agent_of_an_event_noun(code):
    event = _on(code("The attack by Chilean troops on Peruvian border posts was condemned by Spain."), "attack")
    assert _countries(event["actor"]) == ["CHL"] and _countries(event["recipient"]) == ["PER"]


@pytest.mark.parametrize(
    "sentence, trigger, recipient",
    [
        ("Spain restored ties with Chile.", "restored", ["CHL"]),
        ("Spain announced restrictions on flights to Chile.", "announced", ["CHL"]),
        ("Spain imposed sanctions on relatives of Chilean officials.", "imposed", ["CHL"]),
    ],
)
def test_recipients_inside_noun_phrases(code, sentence, trigger, recipient):
    event = _on(code(sentence), trigger)
    assert _countries(event["actor"]) == ["ESP"] and _countries(event["recipient"]) == recipient


def test_on_the_part_of_hung_on_the_reacting_verb_names_its_recipient(code):
    text = (
        "Norway-Sweden: Joint Statement on Bolivia\n\n"
        "We condemn this intimidation on the part of Bolivia's security forces."
    )
    condemn = _on(code(text), "condemn")
    assert _countries(condemn["actor"]) == ["NOR", "SWE"]
    assert _countries(condemn["recipient"]) == ["BOL"]


def test_an_event_inside_a_quotation_is_not_the_authors_fact(code):
    quoted = _on(code('In the letter, Rajoy cited the Chilean government\'s "ongoing repression of the Chilean people" as his motivation.'), "repression")
    assert quoted["attribution"]["kind"] == "quoted"
    plain = _on(code("In the letter, Rajoy cited the ongoing repression of the Chilean people by the Chilean government."), "repression")
    assert plain["attribution"]["kind"] == "author"


def test_a_scare_quoted_word_is_not_a_quotation(code):
    event = _on(code('Chile arrested the so-called "leaders" of the protest.'), "arrested")
    assert event["attribution"]["kind"] == "author"


def test_state_acts_without_a_named_actor_are_the_countrys_own(code):
    event = _on(code("A wave of arrests of Bolivian opposition activists swept the capital last week."), "arrests")
    assert _countries(event["actor"]) == ["BOL"] and _countries(event["recipient"]) == ["BOL"]


def test_a_named_but_uncoded_actor_is_not_replaced_by_the_target_country(code):
    event = _on(code("The new decree bans all flights to Bolivia."), "bans")
    assert "BOL" not in _countries(event["actor"])


def test_background_history_is_dated_to_its_own_time_in_historical_mode(code):
    event = _on(code("In 1982 Argentina invaded the Falkland Islands.", date="2015-08-21"), "invaded")
    assert event["date"] == "1982-01-01"
    assert "historical" in event["plover"]["context"]
    today = _on(code("Argentina invaded the Falkland Islands on Monday.", date="2015-08-21"), "invaded")
    assert "historical" not in today["plover"]["context"]


def test_a_relative_clause_acts_for_the_noun_it_hangs_on(code):
    event = _on(code("The talks were attended by Bolivian diplomats, who criticized Chile."), "criticized")
    assert _countries(event["actor"]) == ["BOL"] and _countries(event["recipient"]) == ["CHL"]


def test_an_appeal_with_no_target_in_an_article_about_one_country_targets_it(code):
    text = (
        "Bolivia holds disputed election\n\n"
        "Bolivia voted on Sunday in an election that Bolivia's opposition called unfair. "
        "Turnout in Bolivia was low.\n\n"
        "The vote was watched by foreign observers, who alleged widespread fraud."
    )
    event = _on(code(text), "alleged")
    assert event["actor"] and event["actor"][0]["text"].endswith("observers")
    assert _countries(event["recipient"]) == ["BOL"] and event["recipient"][0]["via"] == "focus"
