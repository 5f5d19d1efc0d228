"""Reading the tables of docs/*.md: each is introduced by a ``<!-- table: NAME -->`` comment."""

from __future__ import annotations

import re
from pathlib import Path

DOCS = Path(__file__).resolve().parents[2] / "docs"


def doc_table(filename: str, name: str) -> list[list[str]]:
    """The rows of table ``name`` in ``docs/filename`` (header and rule left out), cells stripped of
    surrounding backticks."""
    text = (DOCS / filename).read_text(encoding="utf-8")
    marker = f"<!-- table: {name} -->"
    assert marker in text, f"docs/{filename} has no table {name!r}"
    lines = text[text.index(marker) + len(marker) :].strip().splitlines()
    rows = []
    for line in lines[2:]:
        if not line.startswith("|"):
            break
        cells = [cell.strip() for cell in re.split(r"(?<!\\)\|", line.strip())[1:-1]]
        rows.append([re.sub(r"^`([^`]*)`$", r"\1", cell) for cell in cells])
    return rows


def first_column(filename: str, name: str) -> list[str]:
    return [row[0] for row in doc_table(filename, name)]
