"""`detente bench`: the figures it reports and the corpora it runs on (no timing is asserted)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from detente import Document
from detente.cli.main import cli
from detente.scale.bench import bench_corpus, cycle_corpus

RATES = {"spacy_words_per_s", "detente_words_per_s", "spacy_docs_per_s", "detente_docs_per_s", "ratio"}


def _bench(tmp_path, *args):
    out = tmp_path / "bench.json"
    result = CliRunner().invoke(cli, ["bench", *args, "--rounds", "1", "--json", str(out)])
    assert result.exit_code == 0, result.output
    return result, json.loads(out.read_text())


def test_bench_compares_one_process_with_one_process(tmp_path):
    result, figures = _bench(tmp_path, "--documents", "12", "--workers", "1", "--no-startup", "--no-memory")
    assert figures["documents"] == 12 and figures["sentences"] >= 12 * 6 and figures["workers"] == 1
    one = figures["one_process"]
    assert RATES <= set(one) and all(one[k] > 0 for k in RATES)
    assert "all_cores" not in figures  # one worker: nothing more to compare
    # the ratio is detente's rate over spaCy's, on the same words
    assert one["ratio"] == pytest.approx(one["detente_words_per_s"] / one["spacy_words_per_s"], rel=0.01)
    assert one["detente_docs_per_s"] == pytest.approx(one["detente_words_per_s"] * 12 / figures["words"], rel=0.01)
    assert "ratio" in result.stderr  # the summary
    # bare spaCy once more on detente's matrix products: the coder's own cost, same detente time
    same = figures["one_process_same_blas"]
    assert RATES <= set(same) and same["detente_words_per_s"] == one["detente_words_per_s"]
    assert same["ratio"] == pytest.approx(same["detente_words_per_s"] / same["spacy_words_per_s"], rel=0.01)


def test_bench_on_spacys_blas_has_nothing_more_to_compare(tmp_path):
    _, figures = _bench(tmp_path, "--documents", "4", "--workers", "1", "--blas", "blis", "--no-startup", "--no-memory")
    assert RATES <= set(figures["one_process"]) and "one_process_same_blas" not in figures


def test_bench_reports_all_cores_startup_and_memory_of_both_sides(tmp_path):
    _, figures = _bench(tmp_path, "--documents", "8", "--workers", "2")
    assert RATES <= set(figures["all_cores"]) and figures["workers"] == 2
    startup = figures["startup"]
    assert startup["ratio"] == pytest.approx(
        startup["detente_code_one_sentence_seconds"] / startup["spacy_load_and_parse_seconds"], rel=0.01)
    memory = figures["peak_rss_mb"]
    assert memory["spacy"] > 50 and memory["detente"] > 50  # a loaded pipeline, at least


def test_bench_on_a_users_corpus_reports_bad_inputs_and_uses_the_rest(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text("France condemned Russia on Monday. The river is wide.", encoding="utf-8")
    (folder / "b.jsonl").write_text('{"id": "b1", "text": "Chile expelled the Peruvian ambassador."}\n{oops\n', encoding="utf-8")
    result, figures = _bench(tmp_path, "--corpus", str(folder), "--documents", "10", "--workers", "1", "--no-startup", "--no-memory")
    assert f"{folder / 'b.jsonl'}:2" in result.stderr
    assert figures["corpus"] == [str(folder)] and figures["documents"] == 10
    # 10 documents cycled from a (2 sentences, 9 words) and b1 (1 sentence, 5 words)
    assert figures["sentences"] == 5 * 2 + 5 * 1
    assert figures["words"] == 5 * 9 + 5 * 5


def test_without_documents_the_corpus_is_coded_once(tmp_path):
    corpus = tmp_path / "news.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"n{i}", "text": "Chile expelled the Peruvian ambassador."}) + "\n" for i in range(3)))
    _, figures = _bench(tmp_path, "--corpus", str(corpus), "--workers", "1", "--no-startup", "--no-memory")
    assert figures["documents"] == 3


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
