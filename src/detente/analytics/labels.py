"""What an actor or country code stands for: a country, a CAMEO region, an international
organisation or NGO, so that views say "OAS (IGO)" or "Latin America (region)", never treat a
region or an organisation as a country.

The names come from the actor knowledge base's own files (``data/actors/countries.yaml`` for
countries and CAMEO regions, ``data/actors/igos.yaml`` for organisations); nothing is repeated here.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from detente.data import data_path

try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - pure-Python PyYAML
    _Loader = yaml.SafeLoader

KINDS = ("country", "region", "igo", "ngo", "other")
GENERIC = {"IGO": ("igo", "international organisation"), "NGO": ("ngo", "non-governmental organisation")}


@dataclass(frozen=True)
class CodeLabel:
    code: str
    kind: str  # one of KINDS
    name: str

    @property
    def text(self) -> str:
        """``Colombia``, ``Latin America (region)``, ``Organization of American States (IGO)``."""
        if self.kind == "country":
            return self.name
        return f"{self.name} ({self.kind.upper() if self.kind in ('igo', 'ngo') else self.kind})"

    def as_dict(self) -> dict:
        return {"code": self.code, "kind": self.kind, "name": self.name, "label": self.text}


class Labels:
    """Code → :class:`CodeLabel`, built from the knowledge base files (about 60 ms)."""

    def __init__(self, entries: dict[str, tuple[str, str]]) -> None:
        self._entries = entries

    @classmethod
    def load(cls) -> Labels:
        entries: dict[str, tuple[str, str]] = {}
        with open(data_path("actors", "countries.yaml"), encoding="utf-8") as handle:
            for item in yaml.load(handle, Loader=_Loader) or []:
                code = item.get("code") or item.get("country")
                if code and code not in entries:
                    entries[code] = ("region" if item.get("region") else "country", item["name"])
        with open(data_path("actors", "igos.yaml"), encoding="utf-8") as handle:
            for item in yaml.load(handle, Loader=_Loader) or []:
                code = item.get("code")
                if code and code not in entries and code not in GENERIC and item.get("type") in ("igo", "ngo"):
                    entries[code] = (item["type"], item["name"])
        return cls(entries)

    def __call__(self, code: str) -> CodeLabel:
        if code in self._entries:
            kind, name = self._entries[code]
            return CodeLabel(code, kind, name)
        for prefix, (kind, name) in GENERIC.items():
            if code.startswith(prefix):
                return CodeLabel(code, kind, name if code == prefix else code)
        country = self._entries.get(code[:3])
        if country and len(code) > 3:
            return CodeLabel(code, country[0], f"{country[1]} {code[3:]}")
        return CodeLabel(code, "other", code)
