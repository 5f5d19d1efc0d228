"""The document model (coding.document) on texts written for these tests."""

from __future__ import annotations

from detente.coding.actors.mentions import ActorMention
from detente.coding.document.fallback import FALLBACK_PENALTY, fill_from_sentence


def _dyads(events, trigger):
    return [
        ([a["country"] for a in e["actor"]], [r["country"] for r in e["recipient"]], [r["via"] for r in e["recipient"]])
        for e in events
        if e["evidence"]["trigger"] == trigger
    ]


def test_acronym_defined_in_parentheses_stands_for_its_long_form(mentions):
    text = (
        "About 300 members of the Kenyan Farmers' Alliance (KFA) blocked a road near Eldoret. "
        "On Tuesday KFA demanded compensation from the county."
    )
    found = mentions(text)
    later = [m for m in found if m["text"] == "KFA" and m["start"] == text.rindex("KFA")]
    assert later and later[0]["country"] == "KEN"
    assert later[0]["via"] == "coref"


def test_acronym_introduced_by_called(mentions):
    text = "Thousands joined a Peruvian miners' union called SMP in Lima. Police later detained SMP leaders."
    found = mentions(text)
    later = [m for m in found if m["start"] <= text.rindex("SMP") < m["end"]]
    assert later and later[0]["country"] == "PER"


def test_undefined_acronym_is_not_invented(mentions):
    found = mentions("The ABC reported that Chile and Peru met on Monday.")
    assert not [m for m in found if m["text"] == "ABC" and m["country"]]


def test_we_of_a_joint_statement_are_its_issuers(code):
    text = (
        "France-Germany: Joint Statement on Mali\n\n"
        "We are deeply worried by the situation in Mali, where the junta has delayed elections again.\n\n"
        "We condemn the detention of journalists in Bamako and we call for their release."
    )
    events = code(text)
    condemn = [e for e in events if e["evidence"]["trigger"] == "condemn"]
    assert condemn
    assert {a["country"] for a in condemn[0]["actor"]} == {"FRA", "DEU"}
    assert {a["via"] for a in condemn[0]["actor"]} == {"issuer"}


def test_we_inside_a_quotation_is_not_the_issuer(mentions):
    text = (
        "Joint Statement by Norway and Sweden on Belarus\n\n"
        'The opposition leader said: "We condemn the arrests." Norway and Sweden support free elections.'
    )
    found = mentions(text)
    assert not [m for m in found if m["text"] == "We"]


def test_no_statement_no_issuers(mentions):
    found = mentions("Chile and Peru held talks in Lima.\n\nWe will see what happens next, an analyst wrote.")
    assert not [m for m in found if m["via"] == "issuer"]


def test_a_countryless_regime_takes_the_clear_focus_country(code):
    text = (
        "Belarus jails opposition activists\n\n"
        "Belarus has tightened its grip on dissent. Courts in Belarus sentenced three bloggers last week, "
        "and Belarus expelled two foreign reporters. The regime has arrested 40 opposition activists since June."
    )
    arrests = [e for e in code(text) if e["evidence"]["trigger"] == "arrested"]
    assert arrests
    assert arrests[0]["actor"][0]["country"] == "BLR"
    assert arrests[0]["actor"][0]["via"] == "focus"


def test_no_clear_focus_leaves_the_regime_unresolved(code):
    text = (
        "Talks between Chile and Peru\n\n"
        "Chile and Peru met in Lima. Chile and Peru agreed to meet again. The regime has arrested 40 activists."
    )
    arrests = [e for e in code(text) if e["evidence"]["trigger"] == "arrested"]
    assert arrests
    assert not [a for a in arrests[0]["actor"] if a["via"] == "focus"]


def test_reaction_to_a_definite_event_noun_targets_that_events_actor(code):
    text = (
        "Chile launched a military operation against rebels in northern Peru on Monday. "
        "The operation was condemned by Bolivia. Argentina criticized the attack on Wednesday."
    )
    events = code(text)
    assert (["BOL"], ["CHL"], ["event"]) in _dyads(events, "condemned")
    assert (["ARG"], ["CHL"], ["event"]) in _dyads(events, "criticized")


def test_an_indefinite_event_noun_is_not_linked(code):
    events = code("Chile launched air strikes on rebels in Peru. Argentina condemned attacks on civilians in general.")
    assert all("event" not in vias for _, _, vias in _dyads(events, "condemned"))


def _event(start, end, actor=(), recipient=()):
    return {
        "actor": list(actor), "recipient": list(recipient), "confidence": 0.6, "cameo_root": "11",
        "evidence": {"start": start, "end": end, "trigger": "t", "trigger_start": start, "trigger_end": start + 1},
    }


def _mention(start, country, text="x"):
    return ActorMention(text=text, start=start, end=start + 1, code=country, country=country, sector=None, name=None, via="kb", head=0, token_start=0, token_end=1)


def test_cooccurrence_fills_only_empty_sides_with_lower_confidence():
    syntax = {"code": "CHL", "country": "CHL", "via": "kb"}
    events = [_event(0, 50, actor=[syntax]), _event(0, 50, actor=[syntax], recipient=[{"code": "PER", "country": "PER", "via": "kb"}]), _event(60, 90)]
    fill_from_sentence(events, [_mention(5, "CHL"), _mention(20, "BOL"), _mention(70, "ARG")])
    filled, complete, alone = events
    assert [r["country"] for r in filled["recipient"]] == ["BOL"] and filled["recipient"][0]["via"] == "cooccurrence"
    assert filled["actor"] == [syntax] and filled["confidence"] == round(0.6 - FALLBACK_PENALTY, 2)
    assert complete["confidence"] == 0.6 and complete["recipient"][0]["via"] == "kb"
    # one country in the sentence: actor and recipient (a domestic event, as the baseline reads it)
    assert [a["country"] for a in alone["actor"]] == ["ARG"] and [r["country"] for r in alone["recipient"]] == ["ARG"]


def test_mentions_carry_their_document_entity(mentions):
    found = mentions("Gustavo Petro met Lula in Brasilia. Petro later thanked Brazil.")
    petro = [m for m in found if m["text"] in ("Gustavo Petro", "Petro")]
    assert len(petro) == 2
    assert petro[0]["entity"] == petro[1]["entity"]
    others = {m["entity"] for m in found if m["text"] not in ("Gustavo Petro", "Petro")}
    assert petro[0]["entity"] not in others


def test_a_definite_institution_is_the_earlier_one_with_a_country(mentions):
    text = "Police asked the Brazilian Embassy to hand over the driver. The embassy refused the request on Friday."
    found = mentions(text)
    later = [m for m in found if m["text"].lower() == "the embassy"]
    assert later and later[0]["country"] == "BRA" and later[0]["via"] == "coref"
    first = [m for m in found if "Brazilian Embassy" in m["text"]]
    assert first and first[0]["entity"] == later[0]["entity"]


def test_an_institution_named_for_the_first_time_is_not_linked(mentions):
    found = mentions("Chile and Peru held talks on trade. The ministry published new rules on Friday.")
    assert [m["country"] for m in found if m["text"].lower() == "the ministry"] in ([], [None])


def test_event_records_say_how_each_side_was_resolved(code):
    events = code("Chile expelled two Peruvian diplomats on Monday.")
    expelled = [e for e in events if e["evidence"]["trigger"] == "expelled"]
    assert expelled
    assert all(a["via"] in {"kb", "context", "coref", "focus", "issuer", "event", "cooccurrence", "unresolved"} for a in expelled[0]["actor"] + expelled[0]["recipient"])
    assert expelled[0]["actor"][0]["via"] == "kb"


def test_an_alleged_event_is_reported_not_the_authors_fact(code):
    events = code("Spain sanctioned Chile over alleged attacks on Peruvian dissidents.")
    attacks = [e for e in events if e["evidence"]["trigger"] == "attacks"]
    assert attacks and attacks[0]["attribution"]["kind"] == "reported"
    plain = [e for e in code("Spain sanctioned Chile over attacks on Peruvian dissidents.") if e["evidence"]["trigger"] == "attacks"]
    assert plain and plain[0]["attribution"]["kind"] == "author"


def test_the_two_leaders_are_the_last_two_persons_named(code):
    text = "Chilean President Gabriel Boric flew to Lima on Monday to see Dina Boluarte. The two leaders signed a trade agreement."
    signed = [e for e in code(text) if e["evidence"]["trigger"] == "signed"]
    assert signed
    sides = {a["country"] for a in signed[0]["actor"] + signed[0]["recipient"]}
    assert sides == {"CHL", "PER"}


def test_both_countries_are_the_last_two_countries_named(mentions):
    found = mentions("Chile and Peru held talks in Lima. Both countries agreed to reopen the border.")
    both = [m for m in found if m["text"] == "Both countries"]
    assert sorted(m["country"] for m in both) == ["CHL", "PER"]
    assert {m["via"] for m in both} == {"coref"}


def test_a_pair_needs_two_earlier_actors(mentions):
    found = mentions("Chile held talks in Santiago. Both countries agreed to reopen the border.")
    assert not [m for m in found if m["text"] == "Both countries" and m["country"]]
