"""Hostile and careless inputs through `detente ingest`: each bad input is reported with its file
and line, the exit status says something was wrong, and every other document of the batch is
stored. The coder is a stand-in that enforces spaCy's length limit the way spaCy does (by
making a spaCy ``Doc``), so these cases run in seconds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from click.testing import CliRunner

from detente.cli.main import cli
from detente.ingest.parts import MAX_DOCUMENT_CHARS
from detente.store import Store
from tests.store.fakes import FakeCoder

GOOD_TEXT = "FRA>RUS 111 2024-03-04\nFrance condemned Russia."
OVERSIZED = "Russia's president met China's president. " * 30000  # 1.26 M characters, one line


class SpacyLengthCoder(FakeCoder):
    """The stand-in coder, but every text goes through spaCy's ``make_doc`` (which refuses a text
    over ``nlp.max_length`` with E088, as the real pipeline does)."""

    nlp = spacy.blank("en")

    def code_documents(self, documents):
        for document, events in super().code_documents(documents):
            self.nlp.make_doc(document.text)
            yield document, events


@pytest.fixture()
def ingest(tmp_path, monkeypatch):
    import detente.cli.store_commands as commands

    monkeypatch.setattr(commands, "make_coder", lambda *a, **k: SpacyLengthCoder())
    db = tmp_path / "t.duckdb"

    def run(*paths: Path | str, extra: tuple[str, ...] = ()):
        result = CliRunner().invoke(cli, ["ingest", *map(str, paths), "--db", str(db), *extra])
        assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
        with Store(db, read_only=True) as store:
            rows = store.con.execute("SELECT doc_id, published FROM documents ORDER BY doc_id").fetchall()
        return result, dict(rows)

    return run


def _batch(tmp_path: Path, name: str, content: str | bytes) -> list[Path]:
    """A good text file, the hostile file, and a good JSON Lines file after it."""
    before = tmp_path / "aaa-good.txt"
    before.write_text(GOOD_TEXT, encoding="utf-8")
    hostile = tmp_path / name
    hostile.parent.mkdir(parents=True, exist_ok=True)
    hostile.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    after = tmp_path / "zzz-good.jsonl"
    after.write_text(json.dumps({"id": "after", "text": GOOD_TEXT, "date": "2024-03-04"}) + "\n", encoding="utf-8")
    return [before, hostile, after]


GOOD_LINE = json.dumps({"id": "line-good", "text": GOOD_TEXT})
ERROR_CASES = [
    # (file name, content, "file:line" expected in the error (None: just the file), message, ids stored from the file)
    ("nested.jsonl", f"{GOOD_LINE}\n{'[' * 2000 + ']' * 2000}\n{GOOD_LINE.replace('line-good', 'line-good-2')}\n", 2,
     "nested too deeply", {"line-good", "line-good-2"}),
    ("nested-object.jsonl", f"{GOOD_LINE}\n" + '{"a":' * 3000 + "1" + "}" * 3000 + "\n", 2, "nested too deeply", {"line-good"}),
    ("unbreakable.txt", "x" * (MAX_DOCUMENT_CHARS + 1), 1, "no paragraph, line, sentence or space break", set()),
    ("unbreakable-late.txt", "A short first line.\n" * 3 + "x" * (MAX_DOCUMENT_CHARS + 1), 4, "no paragraph, line, sentence or space break", set()),
    ("unbreakable.jsonl", f"{GOOD_LINE}\n" + json.dumps({"id": "u", "text": "x" * (MAX_DOCUMENT_CHARS + 1)}) + "\n", 2,
     "no paragraph, line, sentence or space break", {"line-good"}),
    ("binary.txt", b"line one\nline\x00two", 2, "binary data", set()),
    ("latin1.txt", "first\nsecond caf\xe9".encode("latin-1"), 2, "not valid UTF-8", set()),
    ("bad.jsonl", f"{GOOD_LINE}\n{{oops\n", 2, "invalid JSON", {"line-good"}),
    ("no-id.jsonl", f'{GOOD_LINE}\n{{"text": "x"}}\n', 2, "missing required field 'id'", {"line-good"}),
    ("list.jsonl", f"{GOOD_LINE}\n[1, 2]\n", 2, "must be an object", {"line-good"}),
    ("bad-date.jsonl", f'{GOOD_LINE}\n{{"id": "d", "text": "x", "date": "yesterday"}}\n', 2, "not a YYYY-MM-DD date", {"line-good"}),
    ("empty.txt", "  \n\n", None, "document is empty", set()),
    ("empty.jsonl", "\n\n", None, "file is empty", set()),
    ("broken-pretty.json", '{\n  "id": "p",\n  "text": "x",\n  oops\n}\n', 4, "invalid JSON", set()),
    ("empty.html", "<html><body></body></html>", None, "no article text", set()),
    ("deep.html", "<div>" * 5000 + "text", None, "", set()),  # either extracted or refused, never a crash
]


@pytest.mark.parametrize("name, content, line, message, stored", ERROR_CASES, ids=[c[0] for c in ERROR_CASES])
def test_a_bad_input_is_reported_and_the_rest_of_the_batch_is_stored(tmp_path, ingest, name, content, line, message, stored):
    files = _batch(tmp_path, name, content)
    result, docs = ingest(*files, extra=("--date", "2024-03-04"))
    assert {"aaa-good", "after"} <= set(docs)
    assert stored <= set(docs)
    if name == "deep.html" and result.exit_code == 0:
        assert "deep" in docs
        return
    assert result.exit_code == 1
    where = f"{files[1]}:{line}" if line else str(files[1])
    errors = [l for l in result.stderr.splitlines() if l.startswith("error:")]
    assert any(where in l and message in l for l in errors), result.stderr
    assert "Traceback" not in result.stderr


def test_error_lines_are_not_wrapped(tmp_path, ingest):
    deep = tmp_path / ("a-rather-long-folder-name-" * 4) / "bad.jsonl"
    files = _batch(tmp_path, str(deep.relative_to(tmp_path)), "{oops\n")
    result, _ = ingest(*files)
    assert any(l.startswith("error:") and f"{files[1]}:1: invalid JSON" in l for l in result.stderr.splitlines())


def test_a_pipe_is_refused_rather_than_waited_on(tmp_path, ingest):
    import os

    good = _batch(tmp_path, "x.txt", GOOD_TEXT)
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result, docs = ingest(good[0], fifo, good[2])
    assert result.exit_code == 1 and f"{fifo}: not a regular file" in result.stderr
    assert set(docs) == {"aaa-good", "after"}


def test_a_missing_file_is_reported_and_the_rest_is_stored(tmp_path, ingest):
    good = _batch(tmp_path, "x.txt", GOOD_TEXT)
    result, docs = ingest(good[0], tmp_path / "missing.txt", good[2])
    assert result.exit_code == 1 and f"{tmp_path / 'missing.txt'}: cannot read file" in result.stderr
    assert set(docs) == {"aaa-good", "after"}


def test_an_oversized_text_is_split_into_parts_and_a_rerun_changes_nothing(tmp_path, ingest, caplog):
    files = _batch(tmp_path, "big.txt", OVERSIZED)
    result, docs = ingest(*files, extra=("--date", "2026-03-02"))
    assert result.exit_code == 0, result.stderr
    parts = sorted((d for d in docs if d.startswith("big:part-")), key=lambda d: int(d.rsplit("-", 1)[1]))
    assert len(parts) == -(-len(OVERSIZED) // MAX_DOCUMENT_CHARS) and parts[0] == "big:part-1"
    assert {"aaa-good", "after"} <= set(docs)
    with Store(tmp_path / "t.duckdb", read_only=True) as store:
        texts = [store.con.execute("SELECT text FROM documents WHERE doc_id = ?", [p]).fetchone()[0] for p in parts]
    assert "".join(texts) == OVERSIZED and all(len(t) <= MAX_DOCUMENT_CHARS for t in texts)
    assert all(t.endswith(". ") for t in texts[:-1])  # cut after a sentence, not inside one
    assert any(f"split into {len(parts)} parts" in r.getMessage() and str(files[1]) in r.getMessage() for r in caplog.records)
    again, _ = ingest(*files, extra=("--date", "2026-03-02"))
    assert again.exit_code == 0 and "0 added" in again.stderr and f"{len(parts) + 2} unchanged" in again.stderr


def test_an_oversized_json_lines_text_is_split_at_paragraphs(tmp_path, ingest):
    paragraph = "Chile and Peru signed a trade agreement in Lima on Monday. " * 40
    text = "\n\n".join([paragraph] * 500)  # 1.2 M characters in 500 paragraphs (a few thousand each)
    files = _batch(tmp_path, "big.jsonl", json.dumps({"id": "long", "text": text, "date": "2024-03-04"}) + "\n" + GOOD_LINE + "\n")
    result, docs = ingest(*files)
    assert result.exit_code == 0, result.stderr
    assert {"long:part-1", "long:part-2", "line-good", "aaa-good", "after"} <= set(docs)
    with Store(tmp_path / "t.duckdb", read_only=True) as store:
        first = store.con.execute("SELECT text FROM documents WHERE doc_id = 'long:part-1'").fetchone()[0]
    assert first.endswith("\n\n") and first.startswith(paragraph)


def test_files_with_the_same_stem_keep_distinct_stable_ids(tmp_path, ingest):
    folder = tmp_path / "d"
    (folder / "sub").mkdir(parents=True)
    (folder / "x.txt").write_text("FRA>RUS 111 2024-03-04", encoding="utf-8")
    (folder / "sub" / "x.txt").write_text("DEU>IRN 163 2024-03-04", encoding="utf-8")
    (folder / "x.html").write_text("<html><body><article><p>Spain and Morocco met in Rabat on Monday to talk.</p></article></body></html>", encoding="utf-8")
    result, docs = ingest(folder, extra=("--date", "2024-03-04"))
    assert result.exit_code == 0, result.stderr
    assert "3 added, 0 replaced" in result.stderr
    assert set(docs) >= {"x", "sub/x"} and len(docs) == 3
    [hashed] = set(docs) - {"x", "sub/x"}
    assert hashed.startswith("x~")
    again, docs_again = ingest(folder, extra=("--date", "2024-03-04"))
    assert "3 unchanged" in again.stderr and docs_again == docs


def test_the_same_file_name_in_two_folders_given_together(tmp_path, ingest):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_text(f"{folder}\nFRA>RUS 111 2024-03-04", encoding="utf-8")
    result, docs = ingest(tmp_path / "a" / "x.txt", tmp_path / "b" / "x.txt", extra=("--date", "2024-03-04"))
    assert "2 added" in result.stderr and len(docs) == 2 and "x" in docs


def test_a_pretty_printed_json_file_is_one_document(tmp_path, ingest):
    files = _batch(tmp_path, "pretty.json", json.dumps({"id": "pretty", "text": GOOD_TEXT, "date": "2024-03-04"}, indent=2))
    result, docs = ingest(*files)
    assert result.exit_code == 0, result.stderr
    assert "pretty" in docs


def test_a_dateless_text_is_warned_about_and_its_date_can_come_from_the_name(tmp_path, ingest):
    dated = tmp_path / "2026-03-02-talks.txt"
    dated.write_text(GOOD_TEXT, encoding="utf-8")
    undated = tmp_path / "notes.txt"
    undated.write_text(GOOD_TEXT, encoding="utf-8")
    result, docs = ingest(dated, undated)
    assert result.exit_code == 0
    warnings = [l for l in result.stderr.splitlines() if l.startswith("warning:")]
    assert any(str(dated) in w and "no publication date" in w and "--date" in w for w in warnings)
    assert docs["2026-03-02-talks"] is None
    named, docs = ingest(dated, undated, extra=("--date-from", "name"))
    assert str(dated) not in named.stderr and str(undated) in named.stderr
    assert str(docs["2026-03-02-talks"]) == "2026-03-02" and docs["notes"] is None


def test_trafilatura_does_not_add_its_own_complaints_to_our_error(tmp_path):
    """In a real process (logging configured by the CLI), a page with no article prints our one
    error line and nothing from trafilatura. (``bench --corpus`` reads its inputs before loading
    any model, so this stays cheap.)"""
    import os
    import subprocess
    import sys

    page = tmp_path / "empty.html"
    page.write_text("<html><body></body></html>", encoding="utf-8")
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(root / "src"), os.environ.get("PYTHONPATH", "")])}
    run = subprocess.run([sys.executable, "-c", "from detente.cli.main import cli; cli()", "bench", "--corpus", str(page)],
                         capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == 2 and run.stdout == ""
    lines = run.stderr.strip().splitlines()
    assert lines[0] == f"error: {page}: no article text could be extracted from the HTML"
    assert not any("trafilatura." in line or "discarding data" in line or "HTML tree" in line for line in lines), run.stderr


def test_ingest_refuses_private_urls_unless_allowed(tmp_path, ingest, monkeypatch):
    import http.server
    import threading

    page = b"<html><body><article><p>Spain and Morocco met in Rabat on Monday to discuss fishing rights.</p></article></body></html>"

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            self.server.hits += 1
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(page)))
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, *args):
            pass

    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.hits = 0
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/intranet"
        good = _batch(tmp_path, "x.txt", GOOD_TEXT)[0]
        refused, docs = ingest(good, url)
        assert refused.exit_code == 1 and f"{url}: refusing to fetch '127.0.0.1'" in refused.stderr
        assert server.hits == 0 and set(docs) == {"aaa-good"}
        allowed, docs = ingest(good, url, extra=("--allow-private-urls",))
        assert allowed.exit_code == 0, allowed.stderr
        assert server.hits == 1 and len(docs) == 2
    finally:
        server.shutdown()
        server.server_close()
