"""Events that CAMEO codes from the wording of another event.

CAMEO codes what an actor says it will do as an event of its own, asserted now:

* a commitment to cooperate ("will meet", "plans to provide aid", "said it would release the
  hostages") is an expression of intent (03x);
* a commitment to act against someone ("will impose sanctions", "vowed to attack") is a threat (13x);
* a refusal to cooperate ("will not lift the embargo", "refused to sign") is a rejection (12x);
* a named speaker saying that someone *must* act ("Russia says Israel must end its attacks")
  makes a demand (10x) of that someone.

The tables map the underlying code (most specific first) to the derived code; the codebook's own
descriptions of 03x, 12x and 13x give each pair.
"""

from __future__ import annotations

INTENT = {
    "045": "039", "061": "0311", "062": "0312", "063": "0313", "064": "0314", "071": "0331",
    "072": "0332", "073": "0333", "074": "0334", "081": "0351", "082": "0352", "083": "034",
    "084": "0353", "085": "0354", "086": "0355", "087": "0356",
    "04": "036", "05": "032", "06": "031", "07": "033", "08": "035",
}
THREAT = {
    "161": "1313", "162": "1311", "163": "1312", "164": "134", "166": "136", "1721": "1321",
    "1722": "1322", "1723": "1323", "1724": "1324", "191": "1381", "192": "1382", "202": "1385",
    "204": "1385", "14": "133", "15": "138", "16": "131", "17": "137", "18": "1383", "19": "1384",
    "20": "1385",
}
REFUSAL = {
    "036": "125", "037": "127", "038": "126", "039": "126", "045": "126", "046": "125",
    "057": "127", "061": "1211", "062": "1212", "063": "1213", "081": "1241", "082": "1242",
    "083": "123", "084": "1243", "085": "1244", "086": "1245", "087": "1246",
    "03": "120", "04": "125", "05": "120", "06": "121", "07": "122", "08": "124",
}


DEMAND = {
    "045": "108", "061": "1011", "062": "1012", "063": "1013", "064": "1014", "071": "1031", "072": "1032",
    "073": "1033", "074": "1034", "081": "1051", "082": "1052", "084": "1053", "085": "1054", "086": "1055",
    "087": "1056", "04": "106", "05": "102", "06": "101", "07": "103", "08": "105",
}


def demand_code(code: str) -> str:
    """What a speaker saying that someone *must* do ``code`` is coded as (CAMEO 10x)."""
    for key in (code, code[:3], code[:2]):
        if key in DEMAND:
            return DEMAND[key]
    return "100"


def derived_code(code: str, *, committed: bool, refused: bool) -> tuple[str, str] | None:
    """(kind, CAMEO code) of the event CAMEO derives from ``code``, or None."""
    root = code[:2]
    if refused:
        table, kind = REFUSAL, "refusal"
    elif committed and "04" <= root <= "08":
        table, kind = INTENT, "intent"
    elif committed and root >= "14":
        table, kind = THREAT, "threat"
    else:
        return None
    for key in (code, code[:3], root):
        if key in table:
            return kind, table[key]
    return None
