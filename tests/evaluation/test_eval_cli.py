"""`detente eval` on an article-level gold folder written here (the news-dev format)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from detente.cli.main import cli


def test_eval_scores_an_article_gold_folder_with_the_baseline(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Chile expels Peruvian diplomats\n\nChile expelled two Peruvian diplomats on Monday. Peru condemned the expulsion.",
        encoding="utf-8",
    )
    gold = {
        "about": "test",
        "articles": [
            {
                "doc": {"id": "a", "date": "2024-05-06", "file": "a.txt"},
                "required": [
                    {"id": "R1", "actor": ["CHL"], "recipient": ["PER"], "cameo_root": ["12", "16"]},
                    {"id": "R2", "actor": ["BOL"], "recipient": ["ARG"], "cameo_root": ["04"], "why": "not in the text"},
                ],
                "optional": [],
                "forbidden_as_fact": [{"id": "F1", "actor": ["PER"], "recipient": ["CHL"], "cameo_root": ["19"]}],
            }
        ],
    }
    (tmp_path / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", str(tmp_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["totals"]["required"] == 2
    assert report["articles"][0]["required_found"] == ["R1"]
    assert [m["id"] for m in report["articles"][0]["missed"]] == ["R2"]
    assert report["totals"]["violations"] == 0
    assert report["baseline"]["totals"]["required"] == 2
    table = CliRunner().invoke(cli, ["eval", str(tmp_path / "gold.json")])
    assert table.exit_code == 0 and "baseline" in table.output and "missed" in table.output


def test_eval_folder_without_gold_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(cli, ["eval", str(tmp_path)])
    assert result.exit_code == 2
    assert "gold.json" in result.output
