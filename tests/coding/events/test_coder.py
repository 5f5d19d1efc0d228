"""Event coding constructions, on sentences written for these tests."""

from __future__ import annotations

import pytest


def _countries(actors):
    return [a["country"] for a in actors]


def _on(code, sentence, trigger):
    """The first event of ``sentence`` coded on the word ``trigger``."""
    events = code(sentence)
    found = [e for e in events if e["evidence"]["trigger"] == trigger]
    assert found, f"no event on {trigger!r} in {[(e['cameo'], e['evidence']['trigger']) for e in events]}"
    return found[0]


def _one(events, root):
    found = [e for e in events if e["cameo_root"] == root]
    assert found, f"no {root} event in {[(e['cameo'], e['evidence']['trigger']) for e in events]}"
    return found[0]


@pytest.mark.parametrize(
    "sentence, root, actor, recipient",
    [
        ("Germany imposed sanctions on Iran.", "16", ["DEU"], ["IRN"]),  # active
        ("Three Kenyan journalists were arrested by Ugandan police.", "17", ["UGA"], ["KEN"]),  # passive + agent
        ("Peru accused Bolivia of harbouring rebels.", "11", ["PER"], ["BOL"]),
        ("The foreign ministers of India and Pakistan met in Geneva.", "04", ["IND"], ["PAK"]),
        ("Egypt hosted talks between Israel and Hamas.", "04", ["EGY"], None),
    ],
)
def test_voice_and_participants(code, sentence, root, actor, recipient):
    event = _one(code(sentence), root)
    assert _countries(event["actor"])[: len(actor)] == actor
    if recipient is not None:
        assert _countries(event["recipient"]) == recipient


def test_conjoined_verbs_share_the_subject(code):
    events = code("Brazil condemned the coup in Niger and recalled its ambassador from Niamey.")
    condemn = _one(events, "11")
    assert _countries(condemn["actor"]) == ["BRA"]
    recall = [e for e in events if e["evidence"]["trigger"] == "recalled"]
    assert recall and _countries(recall[0]["actor"]) == ["BRA"]


def test_compound_actors_stay_lists(code):
    event = _one(code("France and Germany condemned Russia."), "11")
    assert sorted(_countries(event["actor"])) == ["DEU", "FRA"]
    assert _countries(event["recipient"]) == ["RUS"]


def test_between_a_and_b_is_symmetric(code):
    event = _one(code("A meeting between Chinese and Japanese diplomats took place in Beijing on March 2, 2024."), "04")
    assert event["symmetric"] is True
    assert {*_countries(event["actor"]), *_countries(event["recipient"])} == {"CHN", "JPN"}
    assert event["date"] == "2024-03-02"
    assert event["location"]["country"] == "CHN"


def test_possessive_nominal_event(code):
    event = _one(code("Russia's invasion of Ukraine continued."), "19")
    assert _countries(event["actor"]) == ["RUS"] and _countries(event["recipient"]) == ["UKR"]


def test_compound_nominal_event(code):
    event = _one(code("New U.S. sanctions against Venezuela took effect."), "16")
    assert _countries(event["actor"]) == ["USA"] and _countries(event["recipient"]) == ["VEN"]


@pytest.mark.parametrize(
    "sentence, root, modality",
    [
        ("Ghana did not sign the agreement with Togo.", "05", "negated"),
        ("Ghana refused to sign the agreement with Togo.", "05", "negated"),
        ("Some activists were hoping to see the minister arrested by Brazilian police.", "17", "hypothetical"),
        ("Analysts say Serbia could attack Kosovo.", "19", "hypothetical"),
        ("If Israel strikes Iran, oil prices will rise.", "19", "hypothetical"),
        ("The minister faces potential prosecution in France.", "11", "hypothetical"),
        ("Japan will host the summit next year.", "04", "future"),
        ("Chile plans to expel the Venezuelan ambassador.", "16", "future"),
        ("Chile is likely to expel the Venezuelan ambassador.", "16", "hypothetical"),  # a forecast
        ("Peru is unlikely to sign the agreement with Bolivia.", "05", "hypothetical"),
        ("Egypt hosted talks between Israel and Hamas.", "04", "asserted"),
    ],
)
def test_modality(code, sentence, root, modality):
    events = [e for e in code(sentence) if e["cameo_root"] == root]
    assert events, f"no {root} event"
    assert events[0]["modality"] == modality


@pytest.mark.parametrize(
    "sentence, root, kind, speaker",
    [
        ("Turkey reportedly shelled Kurdish positions in Syria.", "19", "reported", None),
        ("According to reports, Sudan expelled two UN envoys.", "16", "reported", None),
        ("Observers suggest that Mali arrested the opposition leader.", "17", "reported", None),
        ("Prime Minister Tomasa Ccori said that Peru will impose sanctions on Chile.", "16", "quoted", "Prime Minister Tomasa Ccori"),
        ("Lebanon condemned the airstrike.", "11", "author", None),
    ],
)
def test_attribution(code, sentence, root, kind, speaker):
    events = [e for e in code(sentence) if e["cameo_root"] == root]
    assert events, f"no {root} event"
    assert events[0]["attribution"]["kind"] == kind
    if speaker:
        assert events[0]["attribution"]["text"] == speaker


def test_hoped_for_arrest_is_never_asserted(code):
    events = code("Many in the opposition hoped to see the president arrested and imprisoned abroad.")
    assert all(e["modality"] != "asserted" for e in events if e["cameo_root"] == "17")


def test_date_resolution_and_publication_fallback(code):
    events = code("Colombia's electoral council banned the party from the March 8 vote.", date="2026-02-10")
    event = _one(events, "17")
    assert event["date"] == "2026-02-10" and event["date_text"] is None
    events = code("Indian troops clashed with Chinese soldiers on Tuesday.", date="2026-02-12")
    assert _one(events, "19")["date"] == "2026-02-10"


def test_no_event_sentences_stay_empty(code):
    assert [e for e in code("The weather in Lisbon was mild and sunny.") if e["modality"] == "asserted"] == []


def test_schema_fields(code):
    [event, *_] = code("Kenya and Somalia signed a border agreement in Nairobi.")
    for key in ("schema", "event_id", "doc_id", "date", "actor", "recipient", "symmetric", "cameo", "cameo_root",
                "quad_class", "goldstein", "plover", "modality", "attribution", "confidence", "location", "evidence"):
        assert key in event
    assert event["schema"] == 1 and isinstance(event["cameo"], str) and 0 <= event["confidence"] <= 1
    text = "Kenya and Somalia signed a border agreement in Nairobi."
    assert text[event["evidence"]["start"] : event["evidence"]["end"]] == event["evidence"]["sentence"]


def test_clause_under_another_verb_keeps_its_own_subject(code):
    events = code("The deal involved Peru extraditing three suspects to Chile.")
    event = _one(events, "06")
    assert _countries(event["actor"]) == ["PER"] and _countries(event["recipient"]) == ["CHL"]


def test_implied_actor_of_a_nominal_decision(code):
    events = code("The decision by Bolivia's electoral tribunal to disqualify the MAS party angered its supporters.")
    event = _one(events, "17")
    assert _countries(event["actor"]) == ["BOL"] and event["modality"] == "asserted"


def test_apposition_gives_the_actor_its_role(code):
    event = _one(code("Rosalba Quintero, Chile's foreign minister, condemned the attack."), "11")
    assert event["actor"][0]["code"] == "CHLGOV"


def test_with_b_makes_a_symmetric_event(code):
    event = _one(code("Vietnam held talks with Laos on Monday."), "04")
    assert event["symmetric"] is True
    assert _countries(event["actor"]) == ["VNM"] and _countries(event["recipient"]) == ["LAO"]


@pytest.mark.parametrize(
    "sentence, root, derived_root",
    [
        ("Japan will send food aid to Myanmar.", "07", "03"),  # a commitment to cooperate is an intent
        ("Iran will attack Israeli bases, a commander said.", "19", "13"),  # to act against, a threat
        ("Greece will not lift its veto on North Macedonia.", "08", "12"),  # a refusal is a rejection
        ("Peru and Chile failed to reach an agreement on fishing rights.", "05", "12"),  # so is a failure to agree
    ],
)
def test_derived_cameo_events(code, sentence, root, derived_root):
    events = code(sentence)
    base = [e for e in events if e["cameo_root"] == root]
    derived = [e for e in events if e["cameo_root"] == derived_root and e.get("derived")]
    assert base and base[0]["modality"] != "asserted"
    assert derived and derived[0]["modality"] == "asserted"
    assert derived[0]["actor"] == base[0]["actor"]


def test_hedged_possibility_is_not_a_threat(code):
    events = code("Analysts say Iran could attack Israeli bases.")
    assert not [e for e in events if e["cameo_root"] == "13"]


def test_a_speaker_saying_someone_must_act_makes_a_demand(code):
    events = code("Brazil said Venezuela must release the detained journalists.")
    demand = [e for e in events if e.get("derived") == "demand"]
    assert demand and demand[0]["cameo_root"] == "10" and demand[0]["modality"] == "asserted"
    assert _countries(demand[0]["actor"]) == ["BRA"] and _countries(demand[0]["recipient"]) == ["VEN"]


@pytest.mark.parametrize(
    "sentence, trigger, side, expected",
    [
        # the place is on another word of the sentence, not on the trigger
        ("Police fired tear gas to disperse protesters in Nairobi.", "fired", "actor", ["KEN"]),
        ("Gunmen abducted two doctors after storming a clinic in Borno state, Nigeria.", "abducted", "recipient", ["NGA"]),
        # two states named: nobody is placed
        ("Protesters burned flags after rallies in Paris and in Berlin.", "burned", "actor", [None]),
        # governments and armies act abroad as often as at home: not placed from the sentence
        ("Soldiers shelled a village to punish rebels in Syria.", "shelled", "actor", [None]),
        # a region is not a state
        ("Rebels attacked a convoy carrying aid to refugees in West Africa.", "attacked", "actor", [None]),
    ],
)
def test_unnamed_groups_take_the_one_state_the_sentence_places_them_in(code, sentence, trigger, side, expected):
    assert _countries(_on(code, sentence, trigger)[side]) == expected


@pytest.mark.parametrize(
    "sentence, trigger, actor, recipient",
    [
        # a place after "at" is where two parties met or signed, not a third party
        ("Armenia and Azerbaijan signed a peace agreement at the White House.", "signed", ["ARM"], ["AZE"]),
        ("Chile and Peru held talks at the Kremlin.", "held", ["CHL"], ["PER"]),
        # conjoined countries after "from"/"of" are all actors
        ("Delegations from Chile and Peru held talks in Geneva.", "held", ["CHL"], ["PER"]),
        # "between A and B" names the recipients
        ("Norway offered to mediate between Colombia and Venezuela.", "offered", ["NOR"], ["COL", "VEN"]),
        ("Qatar and Egypt mediated talks between Israel and Lebanon.", "mediated", ["QAT", "EGY"], ["ISR", "LBN"]),
        # the agent of a participle names who is behind the object or subject
        ("Germany investigated war crimes committed by Serbian forces.", "investigated", ["DEU"], ["SRB"]),
        ("A roadside bomb planted by Malian rebels killed six soldiers.", "killed", ["MLI"], ["MLI"]),
        # a name inside the object is the recipient, unless it is the actor's own side or the
        # object names its target itself
        ("Cuba allowed IAEA inspectors into the Havana reactor.", "allowed", ["CUB"], ["IGO"]),
        ("Iran detained a German tourist in the city of Tabriz.", "detained", ["IRN"], ["DEU"]),
        ("The United States lifted U.S. sanctions on Cuba.", "lifted", ["USA"], ["CUB"]),
        # the subject of "is expected / set / due / ready to" does what follows
        ("Chile is expected to expel the Peruvian ambassador.", "expel", ["CHL"], ["PER"]),
        ("Japan is set to send aid to the Philippines.", "send", ["JPN"], ["PHL"]),
        ("Macron is due to meet Lula in Brasilia.", "meet", ["FRA"], ["BRA"]),
        # a subject pronoun in what someone says is the speaker, unless a nearer subject stands
        ("The Taliban said they would attack Pakistani posts.", "attack", ["AFG"], ["PAK"]),
        ("Moscow signalled it was ready to expel Estonian diplomats.", "expel", ["RUS"], ["EST"]),
        ("Chile warned that Peru could close the border if it expels Chilean diplomats.", "expels", ["PER"], ["CHL"]),
        ("Chile and Peru said they were committed to signing a trade deal.", "signing", ["CHL"], ["PER"]),
        # praise is not mutual: two who praise are not each other's recipient
        ("France and Germany praised the agreement.", "praised", ["FRA", "DEU"], []),
        # a complaint told to the press is aimed at whoever did what it says, not at the press
        ("The Chilean minister complained to reporters that Peru had closed the border.", "complained", ["CHL"], ["PER"]),
        ("The Thai envoy complained to the press that he was insulted by the Cambodian army.", "complained", ["THA"], ["KHM"]),
        ("Kenya complained to the UN that Somalia had shelled a town.", "complained", ["KEN"], ["IGO"]),  # no audience
        # forces put on alert or moved, with no agent named: their own side shows the force
        ("Pakistani troops were placed on high alert along the Afghan border.", "placed", ["PAK"], ["AFG"]),
        ("Turkish tanks were deployed on the Syrian border.", "deployed", ["TUR"], ["SYR"]),
        ("Greek warships were dispatched to waters claimed by Turkey.", "dispatched", ["GRC"], ["TUR"]),
    ],
)
def test_actors_and_recipients_of_constructions(code, sentence, trigger, actor, recipient):
    event = _on(code, sentence, trigger)
    assert _countries(event["actor"]) == actor
    assert [c for c in _countries(event["recipient"]) if c] == [c for c in recipient if c]


@pytest.mark.parametrize(
    "sentence, speaker",
    [
        ("Germany condemned the attack on the embassy in Kabul.", "DEU"),
        ("Chile denied the accusations of espionage.", "CHL"),
        ("Brazil welcomed the ceasefire agreement.", "BRA"),
    ],
)
def test_an_event_noun_under_an_event_verb_is_not_the_speakers_act(code, sentence, speaker):
    events = code(sentence)
    own = [e for e in events if _countries(e["actor"]) == [speaker]]
    assert own and all(e["evidence"]["trigger"] == own[0]["evidence"]["trigger"] for e in own), [
        (e["cameo"], e["evidence"]["trigger"], _countries(e["actor"])) for e in events
    ]


def test_a_light_verb_still_gives_its_subject_to_the_event_noun(code):
    events = code("The rebels staged an ambush near the border, and the army made arrests in the capital.")
    assert any(e["evidence"]["trigger"] == "arrests" and [a["sector"] for a in e["actor"]] == ["MIL"] for e in events) or any(
        e["cameo_root"] == "17" and [a["sector"] for a in e["actor"]] == ["MIL"] for e in events
    )


@pytest.mark.parametrize(
    "sentence, trigger, cameo",
    [
        # a raid is an armed attack (CAMEO 190, as the PETRARCH-2 verb dictionary codes RAID);
        # raiding homes is repression (175); a police or tax raid on premises seizes property (1711)
        ("Turkish commandos raided a rebel camp across the border.", "raided", "190"),
        ("The Turkish raid on a Kurdish rebel camp took place on Tuesday.", "raid", "190"),
        ("Turkish soldiers raided homes in the border village.", "raided", "175"),
        ("A Bordurian police raid on the offices of the newspaper took place on Tuesday.", "raid", "1711"),
    ],
)
def test_raids_by_kind(code, sentence, trigger, cameo):
    assert _on(code, sentence, trigger)["cameo"] == cameo
