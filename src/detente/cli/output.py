"""Writing records to stdout as JSON Lines, TSV or rich tables; messages to stderr."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Sequence

from rich.console import Console
from rich.markup import escape
from rich.table import Table

stderr = Console(stderr=True, highlight=False, soft_wrap=True)  # one message, one line: `grep file:line` works


def print_error(error: object) -> None:
    """An input error on stderr, its text escaped (a file named "[bold].txt" is printed as is)."""
    stderr.print(f"[red]error[/red]: {escape(str(error))}")


def write_jsonl(records: Iterable[dict]) -> int:
    count = 0
    out = sys.stdout
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    out.flush()
    return count


def write_table(records: Iterable[dict], columns: Sequence[tuple[str, str]], title: str | None = None) -> int:
    table = Table(title=title, show_lines=False, header_style="bold")
    for _, header in columns:
        table.add_column(header, overflow="fold")
    count = 0
    for record in records:
        table.add_row(*(_cell(record, key) for key, _ in columns))
        count += 1
    console = Console()
    Console(soft_wrap=False, width=console.width if console.is_terminal else 200).print(table)
    return count


def write_tsv(rows: Iterable[Sequence], header: Sequence[str]) -> int:
    writer = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    writer.writerow(header)
    count = 0
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
        count += 1
    return count


def _cell(record: dict, key: str) -> str:
    value = record
    for part in key.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(_actor_label(v) if isinstance(v, dict) else str(v) for v in value)
    return str(value)


def _actor_label(actor: dict) -> str:
    text = actor.get("text") or ""
    return f"{actor.get('code')} ({text if len(text) <= 28 else text[:27] + '…'})"
