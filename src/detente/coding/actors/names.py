"""Where a known name stands in a text: alone, after a title, or inside a longer proper name."""

from __future__ import annotations

from spacy.tokens import Doc

# words that may stand before a name without being part of it ("President Ismail Khan" is a
# person, "Dera Ismail Khan" a town)
TITLE_WORDS = frozenset(
    "President Prime Minister Premier Chancellor King Queen Prince Princess Emir Sheikh Sultan Pope "
    "Secretary General Gen. Lt. Col. Colonel Major Captain Admiral Marshal Commander Chief Senator "
    "Sen. Rep. Representative Governor Gov. Mayor Speaker Ambassador Envoy Judge Justice Minister "
    "Vice Deputy Acting Former Foreign Defence Defense Interior Finance Mr. Mrs. Ms. Dr. Mr Mrs Ms Dr "
    "Sir Dame Lord Lady Ayatollah Imam Cardinal Archbishop Bishop Rev. Father Leader Chairman Chairwoman "
    "Director Spokesman Spokeswoman Spokesperson Opposition Crown The A".split()
)


def inside_longer_name(doc: Doc, start: int) -> bool:
    """The word before is a capitalised word that is no title: the match is part of another name."""
    if start == 0:
        return False
    before = doc[start - 1]
    if not (before.is_alpha and before.text[:1].isupper()) or before.text in TITLE_WORDS:
        return False
    opens_sentence = start == 1 or doc[start - 2].is_punct or "\n" in doc[start - 2].text
    return not opens_sentence  # "Yesterday Ismail Khan said": the word before opens the sentence
