from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from detente.coding.cameo import Codebook, pentaclass

CODEBOOK = Codebook.load()


def test_every_root_and_known_values():
    assert CODEBOOK.roots() == [f"{i:02d}" for i in range(1, 21)]
    assert CODEBOOK["043"].plover_event == "CONSULT" and CODEBOOK["043"].goldstein == 2.8
    assert CODEBOOK["1722"].quad_class == 4 and CODEBOOK["0871"].plover_mode == "ceasefire"


@given(st.sampled_from([c.code for c in Codebook.load()]))
def test_codes_are_strings_with_their_root_and_consistent_classes(code):
    entry = CODEBOOK[code]
    assert isinstance(entry.code, str) and entry.code.startswith(entry.root)
    assert entry.quad_class == {0: 1, 1: 1, 2: 2, 3: 3, 4: 4}[pentaclass(entry.root)]
    assert -10 <= entry.goldstein <= 10


@pytest.mark.parametrize("root, verbal, expected", [("01", False, 0), ("05", False, 1), ("08", False, 2), ("13", False, 3), ("16", False, 4), ("16", True, 3), ("20", True, 4)])
def test_pentaclass(root, verbal, expected):
    assert pentaclass(root, reduce_relations_verbal=verbal) == expected
