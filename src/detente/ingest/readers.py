"""Turn paths (files, folders, ``-`` for standard input) into documents.

Bad input never stops a batch: each problem is yielded as an :class:`InputError` naming the file
and line, and the caller decides what to do with it (the CLI reports it and exits non-zero).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from detente.errors import InputError
from detente.ingest.documents import Document, parse_date
from detente.ingest.html import html_to_document

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

DocumentOrError = Document | InputError


def iter_documents(
    sources: Iterable[str | Path], *, date: dt.date | None = None, stdin_name: str = "<stdin>"
) -> Iterator[DocumentOrError]:
    """Yield a document (or an :class:`InputError`) for every input found under ``sources``.

    Folders are walked recursively for files with a known suffix, in sorted order.
    ``date`` is the publication date of documents that carry none.
    """
    for source in sources:
        if str(source) == "-":
            yield from _read_stdin(stdin_name, date)
            continue
        path = Path(source)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            if not files:
                yield InputError("folder holds no .txt, .html or .jsonl file", path=str(path))
            for file in files:
                yield from read_path(file, date=date)
        else:
            yield from read_path(path, date=date)


def read_path(path: Path, *, date: dt.date | None = None) -> Iterator[DocumentOrError]:
    name = str(path)
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _stream_jsonl(path, date)  # a corpus file is read a line at a time, never whole
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(f"cannot read file ({exc.strerror or exc})", path=name)
        return
    kind = "html" if suffix in HTML_SUFFIXES else "text"
    yield from read_bytes(data, name=name, kind=kind, doc_id=path.stem, date=date)


def _stream_jsonl(path: Path, date: dt.date | None) -> Iterator[DocumentOrError]:
    name = str(path)
    try:
        handle = open(path, "rb")
    except OSError as exc:
        yield InputError(f"cannot read file ({exc.strerror or exc})", path=name)
        return
    with handle:
        for number, raw in enumerate(handle, start=1):
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if not raw.strip():
                continue
            if b"\x00" in raw:
                yield InputError("binary data (NUL byte), not a text document", path=name, line=number)
                continue
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield InputError(f"not valid UTF-8 (byte 0x{raw[exc.start]:02x}); convert the file to UTF-8", path=name, line=number)
                continue
            try:
                yield _jsonl_record(line, name, number, date)
            except InputError as error:
                yield error


def _read_stdin(name: str, date: dt.date | None) -> Iterator[DocumentOrError]:
    data = sys.stdin.buffer.read()
    head = data.lstrip()[:1]
    kind = "jsonl" if head == b"{" else "html" if head == b"<" else "text"
    yield from read_bytes(data, name=name, kind=kind, doc_id="stdin", date=date)


def read_bytes(
    data: bytes, *, name: str, kind: str, doc_id: str, date: dt.date | None = None
) -> Iterator[DocumentOrError]:
    """Decode ``data`` and parse it as ``kind`` (``text``, ``html`` or ``jsonl``)."""
    try:
        text = decode(data, name)
    except InputError as error:
        yield error
        return
    if kind == "jsonl":
        yield from _read_jsonl(text, name, date)
        return
    try:
        if kind == "html":
            yield html_to_document(text, doc_id=doc_id, path=name, date=date)
        else:
            yield read_text_document(text, doc_id=doc_id, path=name, date=date)
    except InputError as error:
        yield error


def decode(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM); binary data and other encodings are rejected with the line."""
    nul = data.find(b"\x00")
    if nul != -1:
        line = data.count(b"\n", 0, nul) + 1
        raise InputError("binary data (NUL byte), not a text document", path=name, line=line)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); convert the file to UTF-8",
            path=name,
            line=line,
        ) from None


def read_text_document(
    text: str, *, doc_id: str, path: str | None = None, date: dt.date | None = None
) -> Document:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError("document is empty", path=path)
    return Document(id=doc_id, text=text, date=date, path=path)


def _read_jsonl(text: str, name: str, date: dt.date | None) -> Iterator[DocumentOrError]:
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            yield _jsonl_record(line, name, number, date)
        except InputError as error:
            yield error


def _jsonl_record(line: str, name: str, number: int, date: dt.date | None) -> Document:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON ({exc.msg} at column {exc.colno})", path=name, line=number) from None
    if not isinstance(record, dict):
        raise InputError("a JSON Lines document must be an object", path=name, line=number)
    doc_id = record.get("id")
    if doc_id is None or str(doc_id).strip() == "":
        raise InputError("missing required field 'id'", path=name, line=number)
    record_date = parse_date(record.get("date"), path=name, line=number)
    doc_date = record_date or date
    meta = {key: _optional_str(record, key, name, number) for key in ("title", "url", "source", "language")}
    text = record.get("text")
    if text is None and record.get("html") is not None:
        html = record["html"]
        if not isinstance(html, str):
            raise InputError("field 'html' must be a string", path=name, line=number)
        extracted = html_to_document(html, doc_id=str(doc_id), path=name, date=date, line=number)
        meta = {key: meta[key] or getattr(extracted, key) for key in meta}
        return Document(
            id=str(doc_id), text=extracted.text, date=record_date or extracted.date, path=name, line=number, **meta
        )
    if text is None:
        raise InputError("missing required field 'text' (or 'html')", path=name, line=number)
    if not isinstance(text, str):
        raise InputError("field 'text' must be a string", path=name, line=number)
    if not text.strip():
        raise InputError("field 'text' is empty", path=name, line=number)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Document(id=str(doc_id), text=text, date=doc_date, path=name, line=number, **meta)


def _optional_str(record: dict, key: str, name: str, number: int) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(f"field {key!r} must be a string", path=name, line=number)
    return value
