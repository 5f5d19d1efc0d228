"""The CAMEO codebook: names, Goldstein scores, quad classes and PLOVER mapping of every code."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from detente.data import data_path
from detente.errors import DataFileError


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    root: str
    quad_class: int
    goldstein: float
    name: str
    plover_event: str | None
    plover_mode: str | None
    plover_context: tuple[str, ...]

    @property
    def pentaclass(self) -> int:
        """0 statement/appeal (01-02), 1 verbal coop (03-05), 2 material coop (06-08),
        3 verbal conflict (09-13), 4 material conflict (14-20)."""
        return pentaclass(self.root)


def pentaclass(root: str, *, reduce_relations_verbal: bool = False) -> int:
    """The five-way class of a CAMEO root.

    ``reduce_relations_verbal`` puts 16 (reduce relations) with verbal conflict, as the ConfliBERT
    training labels do, instead of with material conflict (14-20) as the quad classes do.
    """
    number = int(root[:2])
    if reduce_relations_verbal and number == 16:
        return 3
    if number <= 2:
        return 0
    if number <= 5:
        return 1
    if number <= 8:
        return 2
    if number <= 13:
        return 3
    return 4


class Codebook:
    """All CAMEO codes, looked up by their string code (``"042"``)."""

    def __init__(self, codes: dict[str, CameoCode]) -> None:
        self._codes = codes

    @classmethod
    def load(cls, path: Path | None = None) -> Codebook:
        path = path or data_path("cameo", "codes.tsv")
        codes: dict[str, CameoCode] = {}
        with open(path, newline="", encoding="utf-8") as handle:
            rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
            for row in rows:
                try:
                    code = CameoCode(
                        code=row["code"],
                        root=row["root"],
                        quad_class=int(row["quad_class"]),
                        goldstein=float(row["goldstein"]),
                        name=row["name"],
                        plover_event=row["plover_event"] or None,
                        plover_mode=row["plover_mode"] or None,
                        plover_context=tuple(c for c in row["plover_context"].split(";") if c),
                    )
                except (KeyError, ValueError) as exc:
                    raise DataFileError(f"bad row {row!r}: {exc}", path=str(path)) from None
                codes[code.code] = code
        return cls(codes)

    def __contains__(self, code: object) -> bool:
        return code in self._codes

    def __getitem__(self, code: str) -> CameoCode:
        return self._codes[code]

    def __iter__(self):
        return iter(self._codes.values())

    def __len__(self) -> int:
        return len(self._codes)

    def get(self, code: str) -> CameoCode | None:
        return self._codes.get(code)

    def roots(self) -> list[str]:
        return sorted({c.root for c in self._codes.values()})
