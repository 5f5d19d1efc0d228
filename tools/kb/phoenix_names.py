"""Names as people write them, from the upper-case, underscore-joined names of TABARI dictionaries.

``HUGO_RAFAEL_CHAVEZ_FRIAS_`` -> ``Hugo Rafael Chavez Frias``; ``BASHAR_AL-ASSAD_`` -> ``Bashar al-Assad``
(plus ``Bashar Al-Assad`` as a variant); ``JOHN_MCCAIN`` -> ``John McCain``; ``UNITED_NATIONS_CHILDREN'S_FUND``
-> ``United Nations Children's Fund``; ``ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_`` -> ``Aden Abyan Islamic Army``
with the acronym ``AAIA`` as a separate alias. The dictionaries are all capitals, so an acronym cannot
be told from a word by its case: short tokens without a vowel, tokens with inner dots, parenthesised
tokens and one-word names of up to five letters are kept in capitals.
"""

from __future__ import annotations

import re
import unicodedata

PARTICLES = {"de", "del", "della", "der", "den", "di", "da", "das", "do", "dos", "du", "la", "le", "van", "von", "y", "e", "bin", "ibn", "bint", "ben", "al", "el", "ul", "ud", "ad", "as", "ash", "at", "az", "ar"}
# particles that English-language news writes joined by a hyphen in lower case: "al-Assad", "el-Sisi"
HYPHEN_PARTICLES = {"al", "el", "ul", "ud", "ad", "as", "ash", "at", "az", "ar", "bin", "abu", "abd"}
SMALL_WORDS = {"of", "the", "for", "and", "in", "on", "to", "at", "by", "a", "an", "or", "against", "with", "from"}
VOWELS = set("AEIOUY")
TITLE_WORDS = {
    "PRESIDENT", "PRIME", "MINISTER", "SECRETARY", "SECRETARY-GENERAL", "GENERAL", "KING", "QUEEN", "PRINCE",
    "SENATOR", "GOVERNOR", "CHANCELLOR", "PREMIER", "EMIR", "SHEIKH", "SHEIK", "POPE", "AMBASSADOR", "CHAIRMAN",
    "MR.", "MRS.", "MS.", "DR.", "SEN.", "GEN.", "COL.", "COLONEL", "LEADER", "CHIEF", "MAYOR", "SPEAKER", "JUDGE",
    "JUSTICE", "CARDINAL", "ARCHBISHOP", "BISHOP", "AYATOLLAH", "FOREIGN", "DEFENCE", "DEFENSE", "VICE", "DEPUTY",
    "UN", "U.N.", "UNITED", "NATIONS", "SOVIET", "FORMER", "INTERIOR", "FINANCE", "COMMANDER", "MARSHAL",
    "LIEUTENANT", "MAJOR", "CAPTAIN", "ADMIRAL", "SHAH", "SULTAN", "CROWN", "REP.", "REPRESENTATIVE", "MULLAH",
    "MR", "MRS", "MS", "DR", "PRESIDENT-ELECT", "VICE-PRESIDENT", "PRIME-MINISTER", "SECRETARY-GENERAL",
}


def fold(text: str) -> str:
    """A matching key: no accents, lower case, punctuation as spaces ("Al-Assad" == "al Assad")."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[^\w]+", " ", text.replace("'", "").replace("’", ""))
    words = text.split()
    if len(words) > 1 and words[0] == "the":  # "The Islamic State" is "Islamic State"
        words = words[1:]
    return " ".join(words)


def raw_tokens(name: str) -> list[str]:
    name = "".join(c for c in name if c.isprintable())  # a few entries carry control characters
    return [t for t in re.split(r"[_\s]+", name.strip()) if t]


def strip_titles(tokens: list[str]) -> list[str]:
    """``PRIME_MINISTER_GORDON_BROWN`` -> ``GORDON_BROWN`` (titles are read from context)."""
    start = 0
    while start < len(tokens) - 1 and tokens[start].upper() in TITLE_WORDS:
        start += 1
    return tokens[start:]


def _is_acronym(token: str, alone: bool) -> bool:
    letters = [c for c in token if c.isalpha()]
    if not letters:
        return False
    if "." in token.strip(".") or (token.endswith(".") and len(letters) > 1 and all(len(p) <= 1 for p in token.split(".") if p)):
        return True  # U.N., U.S.A.
    if len(letters) <= 4 and not (set(letters) & VOWELS) and len(letters) >= 2:
        return True  # PKK, FMLN, CNDD
    return alone and len(letters) <= 5


def _case_word(word: str, *, first: bool, person: bool, lower_particles: bool = True) -> str:
    lower = word.lower()
    if not first and not person and lower in SMALL_WORDS:
        return lower
    if not first and person and lower in PARTICLES and lower_particles:
        return lower
    if len(word) == 2 and word.endswith("."):
        return word.upper()  # an initial: "C."
    if "'" in word:  # O'BRIEN, D'ESTAING, CHILDREN'S
        head, _, tail = word.partition("'")
        if len(head) <= 1 and tail:
            return head.upper() + "'" + tail[:1].upper() + tail[1:].lower()
        return head[:1].upper() + head[1:].lower() + "'" + tail.lower()
    cased = word[:1].upper() + word[1:].lower()
    if person and lower.startswith("mc") and len(word) > 3:
        cased = "Mc" + word[2:3].upper() + word[3:].lower()
    return cased


def _case_token(token: str, *, first: bool, person: bool, alone: bool, hyphen_lower: bool) -> str:
    if _is_acronym(token, alone):
        return token.upper()
    parts = token.split("-")
    out = []
    for index, part in enumerate(parts):
        if not part:
            out.append(part)
            continue
        lower = part.lower()
        if index < len(parts) - 1 and lower in HYPHEN_PARTICLES and (hyphen_lower and not (first and index == 0)):
            out.append(lower)
        elif index > 0 and hyphen_lower and person and not parts[0].lower() in HYPHEN_PARTICLES:
            out.append(lower)  # "Ki-moon", "Jong-un": the second syllable of a hyphenated given name
        else:
            out.append(_case_word(part, first=first and index == 0, person=person, lower_particles=hyphen_lower))
    return "-".join(out)


def written_forms(raw: str, *, person: bool) -> list[str]:
    """The forms a name is written in, most usual first; acronyms in parentheses come out separately."""
    tokens = raw_tokens(raw)
    if person:
        tokens = strip_titles(tokens)
    acronyms = [t.strip("()").upper() for t in tokens if t.startswith("(") and t.endswith(")") and len(t) > 2]
    tokens = [t for t in tokens if not (t.startswith("(") and t.endswith(")"))]
    tokens = [t.strip("()") for t in tokens if t.strip("()")]
    if not tokens:
        return acronyms
    forms = []
    for hyphen_lower in (True, False):
        words = [
            _case_token(t, first=i == 0, person=person, alone=len(tokens) == 1, hyphen_lower=hyphen_lower)
            for i, t in enumerate(tokens)
        ]
        form = " ".join(words)
        if form not in forms:
            forms.append(form)
    return forms + [a for a in acronyms if len(a) >= 2]


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "entry"
