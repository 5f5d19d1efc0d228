from __future__ import annotations

import datetime as dt
import io
import json
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from detente import Document, InputError, iter_documents
from detente.ingest.readers import read_bytes


def _docs(items):
    return [i for i in items if isinstance(i, Document)]


def _errors(items):
    return [i for i in items if isinstance(i, InputError)]


def test_plain_text_file_uses_stem_as_id_and_date_option(tmp_path):
    path = tmp_path / "story-1.txt"
    path.write_text("Headline here\nFirst paragraph. Second sentence.\r\nThird.", encoding="utf-8")
    [doc] = list(iter_documents([path], date=dt.date(2025, 1, 2)))
    assert doc.id == "story-1"
    assert doc.date == dt.date(2025, 1, 2)
    assert "\r" not in doc.text


def test_jsonl_fields_and_metadata(tmp_path):
    path = tmp_path / "corpus.jsonl"
    lines = [
        {"id": "a", "text": "Chile protested.", "date": "2024-02-03", "title": "T", "url": "https://x.test/a", "source": "Wire"},
        {"id": "b", "text": "Peru answered."},
    ]
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    a, b = list(iter_documents([path], date=dt.date(2020, 1, 1)))
    assert (a.id, a.date, a.title, a.url, a.source) == ("a", dt.date(2024, 2, 3), "T", "https://x.test/a", "Wire")
    assert b.date == dt.date(2020, 1, 1)


@pytest.mark.parametrize(
    "line, message",
    [
        ("{not json", "invalid JSON"),
        ('{"text": "no id"}', "missing required field 'id'"),
        ('{"id": "x"}', "missing required field 'text'"),
        ('{"id": "x", "text": 5}', "must be a string"),
        ('{"id": "x", "text": "ok", "date": "yesterday"}', "not a YYYY-MM-DD date"),
        ("[1, 2]", "must be an object"),
    ],
)
def test_bad_jsonl_lines_are_reported_with_file_and_line_and_the_rest_is_kept(tmp_path, line, message):
    path = tmp_path / "mixed.jsonl"
    good = json.dumps({"id": "good", "text": "Spain and Morocco met."})
    path.write_text(f"{good}\n{line}\n{good.replace('good', 'good2')}\n", encoding="utf-8")
    items = list(iter_documents([path]))
    [error] = _errors(items)
    assert message in str(error)
    assert f"{path}:2" in str(error)
    assert [d.id for d in _docs(items)] == ["good", "good2"]


def test_binary_and_bad_encoding_and_missing_files_do_not_stop_the_batch(tmp_path):
    (tmp_path / "a.txt").write_text("Kenya hosted talks.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"line one\nline\x00two")
    (tmp_path / "c.txt").write_bytes("first\nsecond caf\xe9".encode("latin-1"))
    items = list(iter_documents([tmp_path, tmp_path / "missing.txt"]))
    errors = [str(e) for e in _errors(items)]
    assert [d.id for d in _docs(items)] == ["a"]
    assert any("b.txt:2" in e and "binary" in e for e in errors)
    assert any("c.txt:2" in e and "UTF-8" in e for e in errors)
    assert any("missing.txt" in e and "cannot read" in e for e in errors)


def test_html_body_and_metadata_come_from_trafilatura(tmp_path):
    html = """<html><head><title>Talks resume | Wire</title>
    <meta property="og:title" content="Talks resume"><meta name="date" content="2024-03-04"></head>
    <body><nav>Home | World</nav><article><h1>Talks resume</h1>
    <p>The foreign ministers of India and Pakistan met in Geneva on Monday to discuss the border.</p>
    <p>Both sides agreed to meet again next month, officials said in a statement afterwards.</p>
    </article><footer>Copyright</footer></body></html>"""
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    [doc] = list(iter_documents([path]))
    assert "India and Pakistan met in Geneva" in doc.text
    assert "Copyright" not in doc.text
    assert doc.title == "Talks resume"
    assert doc.date == dt.date(2024, 3, 4)


def test_stdin_is_read_and_sniffed(monkeypatch):
    data = json.dumps({"id": "s1", "text": "Ghana thanked Togo."}).encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    [doc] = list(iter_documents(["-"]))
    assert doc.id == "s1"


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.fixed_dictionaries(
            {
                "id": st.text(min_size=1, max_size=10).filter(str.strip),
                "text": st.text(min_size=1, max_size=80).filter(str.strip),
            }
        ),
        max_size=5,
    )
)
def test_jsonl_round_trip_keeps_every_document(records):
    data = "\n".join(json.dumps(r) for r in records).encode()
    docs = list(read_bytes(data, name="x.jsonl", kind="jsonl", doc_id="x"))
    assert [(d.id, d.text) for d in docs] == [(r["id"], r["text"].replace("\r\n", "\n").replace("\r", "\n")) for r in records]


def test_jsonl_bad_encoding_and_binary_lines_name_their_line(tmp_path):
    path = tmp_path / "c.jsonl"
    good = json.dumps({"id": "a", "text": "Niger thanked Chad."}).encode()
    path.write_bytes(good + b"\n" + '{"id": "b", "text": "caf\xe9"}'.encode("latin-1") + b"\n" + b'{"id": "c", "text": "x\x00"}\n' + good.replace(b'"a"', b'"d"') + b"\n")
    items = list(iter_documents([path]))
    assert [d.id for d in _docs(items)] == ["a", "d"]
    errors = [str(e) for e in _errors(items)]
    assert any(f"{path}:2" in e and "UTF-8" in e for e in errors) and any(f"{path}:3" in e and "binary" in e for e in errors)
