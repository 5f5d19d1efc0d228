"""Progress bars: a known total counted before the work, a rate, on stderr only, and nothing at
all when stderr is not a terminal."""

from __future__ import annotations

import io
import json

import pytest
from click.testing import CliRunner
from rich.console import Console

import detente.cli.main as main
import detente.cli.progress as progress
import detente.cli.store_commands as store_commands
from detente.cli.main import cli
from tests.store.fakes import FakeCoder


class CodingFakeCoder(FakeCoder):
    def code(self, documents):
        for _, events in self.code_documents(documents):
            yield from events


@pytest.fixture()
def terminal(monkeypatch):
    """stderr as a terminal: what the bar draws lands in the returned buffer."""
    buffer = io.StringIO()
    monkeypatch.setattr(progress, "stderr", Console(file=buffer, force_terminal=True, width=160))
    return buffer


@pytest.fixture()
def corpus(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text("USA>COL 111 2024-01-02\n")
    (folder / "b.txt").write_text("COL>USA 042 2024-01-03\n")
    (folder / "README.md").write_text("# About this folder\n\nUSA>VEN 190 2024-01-04\n")
    lines = [json.dumps({"id": f"j{i}", "text": f"VEN>COL 042 2024-02-0{i}"}) for i in range(1, 4)]
    (tmp_path / "more.jsonl").write_text("\n".join(lines) + "\n\n")
    return [str(folder), str(tmp_path / "more.jsonl")]


@pytest.fixture()
def fake_coders(monkeypatch):
    monkeypatch.setattr(main, "make_coder", lambda *a, **k: CodingFakeCoder())
    monkeypatch.setattr(store_commands, "make_coder", lambda *a, **k: CodingFakeCoder())


def test_the_bar_has_a_total_a_rate_and_goes_to_stderr(terminal):
    with progress.progress_bar("code", 3) as bar:
        for _ in bar.track(range(3)):
            pass
    drawn = terminal.getvalue()
    assert "code" in drawn and "3/3" in drawn and "docs/s" in drawn


def test_track_sets_the_total_when_it_is_known_late(terminal):
    with progress.progress_bar("eval", None, "sentences") as bar:
        assert list(bar.track(iter("abcd"), 4)) == list("abcd")
    assert "4/4" in terminal.getvalue() and "sentences/s" in terminal.getvalue()


def test_quiet_when_stderr_is_not_a_terminal(monkeypatch):
    buffer = io.StringIO()
    monkeypatch.setattr(progress, "stderr", Console(file=buffer, force_terminal=False))
    with progress.progress_bar("code", 2) as bar:
        list(bar.track(range(2)))
    assert buffer.getvalue() == ""


def test_ingest_counts_files_and_lines_first(terminal, fake_coders, corpus, tmp_path):
    result = CliRunner().invoke(cli, ["ingest", *corpus, "--db", str(tmp_path / "s.duckdb")])
    assert result.exit_code == 0, result.output
    assert "5/5" in terminal.getvalue()  # two news files (README skipped) and three JSON Lines records
    assert "5 added" in result.stderr


def test_code_bar_when_events_go_to_a_file(terminal, fake_coders, corpus):
    result = CliRunner().invoke(cli, ["code", *corpus])
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == 5  # data only on stdout
    assert "5/5" in terminal.getvalue() and "docs/s" in terminal.getvalue()
    assert "docs/s" not in result.stdout


def test_code_ingest_without_a_terminal_print_no_bar(fake_coders, corpus, tmp_path):
    runner = CliRunner()
    for args in (["code", *corpus], ["ingest", *corpus, "--db", str(tmp_path / "q.duckdb")]):
        result = runner.invoke(cli, args)
        assert result.exit_code == 0, result.output
        assert "docs/s" not in result.stderr and "\x1b[" not in result.stderr


def test_eval_bar_counts_sentences(terminal, coder, monkeypatch):
    import detente.coder

    monkeypatch.setattr(detente.coder, "Coder", lambda *a, **k: coder)
    result = CliRunner().invoke(cli, ["eval", "tests/data/gold/sentences.jsonl", "--limit", "3", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["scores"]
    assert "3/3" in terminal.getvalue() and "sentences/s" in terminal.getvalue()
