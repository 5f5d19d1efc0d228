from __future__ import annotations

import json

from click.testing import CliRunner

from detente.cli.main import cli


def test_actors_jsonl_and_bad_input_exit_status(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Kenyan police arrested protesters in Nairobi.", encoding="utf-8")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "text": "Chad thanked Niger."}\n{oops\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["actors", str(good), str(bad), "--date", "2024-01-01", "--format", "jsonl"])
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert {r["doc_id"] for r in records} == {"good", "x"}
    assert {"doc_id", "text", "start", "end", "code", "country", "sector", "name", "via"} <= set(records[0])
    assert f"{bad}:2" in result.stderr


def test_code_formats(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("France and Germany condemned Russia on Monday.", encoding="utf-8")
    runner = CliRunner()
    jsonl = runner.invoke(cli, ["code", str(path), "--date", "2024-03-06"])
    assert jsonl.exit_code == 0, jsonl.output
    events = [json.loads(line) for line in jsonl.stdout.splitlines()]
    assert any(e["cameo_root"] == "11" for e in events)
    tsv = runner.invoke(cli, ["code", str(path), "--date", "2024-03-06", "--format", "tsv"])
    rows = tsv.stdout.splitlines()
    assert rows[0].startswith("event_id\tdoc_id\tdate\tactor_code")
    assert len(rows) - 1 >= 2  # one row per actor pair: FRA-RUS and DEU-RUS
    table = runner.invoke(cli, ["code", str(path), "--date", "2024-03-06", "--format", "table"])
    assert "Events" in table.stdout


def test_bad_date_option_is_a_usage_error(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("x", encoding="utf-8")
    result = CliRunner().invoke(cli, ["code", str(path), "--date", "10/02/2026"])
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output


def test_unknown_model_is_a_clear_error(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("x", encoding="utf-8")
    result = CliRunner().invoke(cli, ["code", str(path), "--model", "no_such_pipeline"])
    assert result.exit_code == 1 and "cannot load spaCy pipeline" in result.output


def test_error_names_with_markup_characters_are_printed_as_they_are(tmp_path):
    odd = tmp_path / "[bold]notes[red].txt"
    odd.write_bytes(b"Chad thanked\x00 Niger.")
    good = tmp_path / "good.txt"
    good.write_text("Kenyan police arrested protesters in Nairobi.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["actors", str(odd), str(good), "--date", "2024-01-01", "--format", "jsonl"])
    assert result.exit_code == 1
    assert str(odd) in result.stderr.replace("\n", "")  # (rich wraps long lines)
    assert {json.loads(line)["doc_id"] for line in result.stdout.splitlines()} == {"good"}
