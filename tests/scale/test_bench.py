"""`detente bench`: the figures it reports and the corpora it runs on (no timing is asserted)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from detente import Document
from detente.cli.main import cli
from detente.scale.bench import bench_corpus, cycle_corpus

KEYS = {"spacy_sentences_per_s", "detente_sentences_per_s", "ratio", "docs_per_s", "peak_rss_mb"}


def test_bench_writes_the_figures_of_the_issue(tmp_path):
    out = tmp_path / "bench.json"
    result = CliRunner().invoke(cli, ["bench", "--documents", "12", "--workers", "1", "--rounds", "1", "--json", str(out)])
    assert result.exit_code == 0, result.output
    figures = json.loads(out.read_text())
    assert KEYS <= set(figures)
    assert figures["documents"] == 12 and figures["sentences"] >= 12 * 6
    assert all(figures[k] > 0 for k in KEYS)
    # (the ratio is of the unrounded rates)
    assert figures["ratio"] == pytest.approx(figures["detente_sentences_per_s"] / figures["spacy_sentences_per_s"], abs=0.005)


def test_bench_on_a_users_corpus_reports_bad_inputs_and_uses_the_rest(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text("France condemned Russia on Monday. The river is wide.", encoding="utf-8")
    (folder / "b.jsonl").write_text('{"id": "b1", "text": "Chile expelled the Peruvian ambassador."}\n{oops\n', encoding="utf-8")
    out = tmp_path / "bench.json"
    result = CliRunner().invoke(
        cli, ["bench", "--corpus", str(folder), "--documents", "10", "--workers", "1", "--rounds", "1", "--json", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert f"{folder / 'b.jsonl'}:2" in result.stderr
    figures = json.loads(out.read_text())
    assert figures["corpus"] == [str(folder)] and figures["documents"] == 10
    # 10 documents cycled from a (2 sentences) and b1 (1 sentence)
    assert figures["sentences"] == 5 * 2 + 5 * 1


def test_a_corpus_without_documents_is_a_usage_error(tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("{oops\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["bench", "--corpus", str(empty), "--documents", "10", "--workers", "1"])
    assert result.exit_code == 2 and "no readable document" in result.output


def test_cycled_corpus_keeps_ids_unique():
    corpus = [Document(id="a", text="x"), Document(id="b", text="y")]
    cycled = cycle_corpus(corpus, 5)
    assert [d.id for d in cycled] == ["a", "b", "a~1", "b~1", "a~2"]
    assert [d.text for d in cycled] == ["x", "y", "x", "y", "x"]


def test_shipped_corpus_is_deterministic_and_large_enough():
    first = [d.text for d in bench_corpus(400)]
    assert first == [d.text for d in bench_corpus(400)]
    assert sum(text.count(". ") + 1 for text in first) >= 2000
