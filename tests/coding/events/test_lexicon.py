from __future__ import annotations

import pytest

from detente.coding.events.lexicon import Lexicon, TriggerFeatures, parse_pattern, read_patterns
from detente.errors import DataFileError

SYN = {"&AID": frozenset({"aid", "assistance", "relief"})}


def _lexicon(*lines: str) -> Lexicon:
    patterns = [parse_pattern(code, text, SYN, n) for n, (code, text) in enumerate(line.split("\t") for line in lines)]
    lex = Lexicon()
    for pattern in patterns:
        lex.add(pattern)
    return lex


def test_most_specific_matching_pattern_wins():
    lex = _lexicon("010\tprovide", "070\tprovide +&AID", "0233\tprovide +&AID to:feed", "063\tprovide +*extradition")
    assert lex.verb("provide", TriggerFeatures()).code == "010"
    assert lex.verb("provide", TriggerFeatures(objects=frozenset({"relief"}))).code == "070"
    assert lex.verb("provide", TriggerFeatures(deep_objects=frozenset({"list", "extradition"}))).code == "063"


def test_equally_specific_patterns_keep_file_order():
    lex = _lexicon("042\tvisit", "043\tvisit", "036\tvisit +&AID")
    assert lex.verb("visit", TriggerFeatures()).code == "042"
    assert Lexicon(verbs={"visit": list(lex.verbs["visit"])[::-1]}).verb("visit", TriggerFeatures()).code == "043"


def test_prepositions_and_prep_objects():
    lex = _lexicon("040\tmeet", "---\tmeet +expectation", "043\tmeet in:capital", "160\tdistance from")
    assert lex.verb("meet", TriggerFeatures(objects=frozenset({"expectation"}))).code == "---"
    features = TriggerFeatures(preps=frozenset({"in"}), prep_objects={"in": frozenset({"capital"})})
    assert lex.verb("meet", features).code == "043"
    assert lex.verb("distance", TriggerFeatures()) is None
    assert lex.verb("distance", TriggerFeatures(preps=frozenset({"from"}))).code == "160"


def test_shipped_lexicon_codes_exist_in_the_codebook():
    from detente.coding.cameo import Codebook

    codebook = Codebook.load()
    lexicon = Lexicon.load()
    for table in (lexicon.verbs, lexicon.nouns):
        for patterns in table.values():
            for pattern in patterns:
                assert pattern.code == "---" or pattern.code in codebook, pattern
    assert len(lexicon.verbs) > 500 and len(lexicon.nouns) > 150


@pytest.mark.parametrize(
    "content, message",
    [("042 visit\n", None), ("visit\n", "expected 'CODE<TAB>PATTERN'"), ("070\tprovide +&NOPE\n", "unknown synonym set")],
)
def test_lexicon_file_errors_name_file_and_line(tmp_path, content, message):
    path = tmp_path / "verbs.tsv"
    path.write_text("# header\n" + content, encoding="utf-8")
    if message is None:
        assert read_patterns(path, SYN)[0].code == "042"
        return
    with pytest.raises(DataFileError) as info:
        read_patterns(path, SYN)
    assert message in str(info.value) and f"{path}:2" in str(info.value)
