"""Turn paths (files, folders, ``-`` for standard input) into documents.

Bad input never stops a batch: each problem is yielded as an :class:`InputError` naming the file
and line, and the caller decides what to do with it (the CLI reports it and exits non-zero).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from detente.errors import InputError
from detente.ingest.documents import Document, parse_date
from detente.ingest.html import html_to_document
from detente.ingest.naming import DocumentIds, date_of_file, relative_name
from detente.ingest.parts import MAX_DOCUMENT_CHARS, split_document

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
WHOLE_JSON_LIMIT = 200_000_000  # a pretty-printed .json file is parsed whole up to this size
MAX_FILE_BYTES = 200_000_000  # a text or HTML file is read whole: larger ones are refused

# Files in a folder that are not news: project and licence files, and the article gold of
# ``detente eval``. Skipped when a folder is walked, read when named explicitly.
NOT_NEWS_STEMS = {
    "README", "INDEX", "LICENSE", "LICENCE", "COPYING", "NOTICE", "CHANGELOG", "CHANGES", "HISTORY",
    "CONTRIBUTING", "AUTHORS", "CITATION", "CODE_OF_CONDUCT", "SECURITY", "TODO",
}
NOT_NEWS_NAMES = {"gold.json"}
MAX_TITLE_CHARS = 300  # a first line longer than this is a paragraph, not a title

DocumentOrError = Document | InputError
log = logging.getLogger(__name__)


def iter_documents(
    sources: Iterable[str | Path],
    *,
    date: dt.date | None = None,
    date_from: str | None = None,
    max_chars: int = MAX_DOCUMENT_CHARS,
    stdin_name: str = "<stdin>",
) -> Iterator[DocumentOrError]:
    """Yield a document (or an :class:`InputError`) for every input found under ``sources``.

    Folders are walked recursively for files with a known suffix, in sorted order. A file's id
    is its path relative to the folder given, without the suffix (see :mod:`detente.ingest.naming`).
    ``date`` is the publication date of documents that carry none; ``date_from`` (``name`` or
    ``mtime``) takes it from each file's path or modification time first. Documents longer than
    ``max_chars`` are split into parts (see :mod:`detente.ingest.parts`).
    """
    ids = DocumentIds()
    for source in sources:
        if str(source) == "-":
            items = _read_stdin(stdin_name, date)
        else:
            items = _read_source(Path(source), ids, date, date_from)
        for item in items:
            if isinstance(item, InputError):
                yield item
                continue
            try:
                yield from split_document(item, max_chars)
            except InputError as error:
                yield error


def _read_source(path: Path, ids: DocumentIds, date: dt.date | None, date_from: str | None) -> Iterator[DocumentOrError]:
    if not path.is_dir():
        yield from read_path(path, doc_id=ids.claim(path, None), date=_file_date(path, None, date, date_from))
        return
    try:
        found = folder_files(path)
    except OSError as exc:
        yield InputError(f"cannot list folder ({exc.strerror or exc})", path=str(path))
        return
    files = [p for p in found if is_news_file(p, path)]
    if len(files) < len(found):
        log.info("%s: skipped %d file(s) that are not news (%s); name a file to read it anyway", path,
                 len(found) - len(files), ", ".join(str(p.relative_to(path)) for p in found if p not in files)[:300])
    if not files:
        yield InputError("folder holds no .txt, .html or .jsonl news file (README, INDEX, licence and hidden files are skipped)",
                         path=str(path))
    for file in files:
        yield from read_path(file, doc_id=ids.claim(file, path), date=_file_date(file, path, date, date_from))


def folder_files(folder: Path) -> list[Path]:
    """Every file under ``folder`` with a suffix the readers know, in sorted order."""
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)


def is_news_file(path: Path, root: Path) -> bool:
    """Whether a file found under ``root`` is taken as news: not hidden (nor under a hidden folder),
    not a README, INDEX, licence, changelog and the like, not an article gold file."""
    parts = path.relative_to(root).parts
    if any(part.startswith(".") for part in parts):
        return False
    return path.stem.upper() not in NOT_NEWS_STEMS and path.name.lower() not in NOT_NEWS_NAMES


def _file_date(path: Path, root: Path | None, date: dt.date | None, date_from: str | None) -> dt.date | None:
    if date_from is None:
        return date
    return date_of_file(path, relative_name(path, root), date_from) or date


def read_path(path: Path, *, doc_id: str | None = None, date: dt.date | None = None) -> Iterator[DocumentOrError]:
    name = str(path)
    suffix = path.suffix.lower()
    if suffix == ".json" and looks_whole_json(path):
        yield from _read_whole_json(path, date)
        return
    if suffix in JSONL_SUFFIXES:
        yield from _stream_jsonl(path, date)  # a corpus file is read a line at a time, never whole
        return
    try:
        if path.exists() and not path.is_file():
            yield InputError("not a regular file (a device, pipe or socket); give a file or a folder", path=name)
            return
        if path.stat().st_size > MAX_FILE_BYTES:
            yield InputError(f"file is over {MAX_FILE_BYTES:,} bytes; split it, or give it as JSON Lines", path=name)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(f"cannot read file ({exc.strerror or exc})", path=name)
        return
    kind = "html" if suffix in HTML_SUFFIXES else "text"
    yield from read_bytes(data, name=name, kind=kind, doc_id=doc_id or path.stem, date=date)


def looks_whole_json(path: Path) -> bool:
    """A ``.json`` file whose first line is not a complete JSON value: one pretty-printed document
    (or a list of them) rather than JSON Lines."""
    try:
        if path.stat().st_size > WHOLE_JSON_LIMIT:
            return False
        with open(path, "rb") as handle:
            first = b""
            for first in handle:
                if first.strip():
                    break
    except OSError:
        return False
    try:
        json.loads(first.decode("utf-8-sig"))
    except (ValueError, RecursionError):  # (UnicodeDecodeError is a ValueError)
        return first.strip()[:1] in (b"{", b"[")
    return False


def _read_whole_json(path: Path, date: dt.date | None) -> Iterator[DocumentOrError]:
    name = str(path)
    try:
        text = decode(path.read_bytes(), name)
    except OSError as exc:
        yield InputError(f"cannot read file ({exc.strerror or exc})", path=name)
        return
    except InputError as error:
        yield error
        return
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        yield InputError(f"invalid JSON ({exc.msg} at column {exc.colno})", path=name, line=exc.lineno)
        return
    except RecursionError:
        yield InputError("JSON nested too deeply", path=name)
        return
    records = value if isinstance(value, list) else [value]
    for index, record in enumerate(records, start=1):
        line = 1 if not isinstance(value, list) else None
        try:
            yield _record_document(record, name, line, date, where=f"item {index}" if line is None else None)
        except InputError as error:
            yield error


def _stream_jsonl(path: Path, date: dt.date | None) -> Iterator[DocumentOrError]:
    name = str(path)
    try:
        handle = open(path, "rb")
    except OSError as exc:
        yield InputError(f"cannot read file ({exc.strerror or exc})", path=name)
        return
    found = False
    with handle:
        for number, raw in enumerate(handle, start=1):
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if not raw.strip():
                continue
            found = True
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
    if not found:
        yield InputError("file is empty: no JSON Lines record in it", path=name)


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
    return Document(id=doc_id, text=text, date=date, title=title_of(text), path=path)


def title_of(text: str) -> str | None:
    """The title of a plain-text article in the news-dev layout (title line, blank line, body): its
    first non-blank line when a blank line follows it. The text keeps the line (offsets are
    unchanged, and a headline's events are coded)."""
    lines = text.lstrip("\n").split("\n", 2)
    if len(lines) < 3 or lines[1].strip() or not lines[2].strip():
        return None
    title = lines[0].strip().lstrip("#").strip()  # a Markdown heading gives its words
    return title if 0 < len(title) <= MAX_TITLE_CHARS else None


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
    except RecursionError:
        raise InputError("JSON nested too deeply", path=name, line=number) from None
    return _record_document(record, name, number, date)


def _record_document(record: object, name: str, number: int | None, date: dt.date | None, where: str | None = None) -> Document:
    def fail(message: str) -> InputError:
        return InputError(f"{where}: {message}" if where else message, path=name, line=number)

    if not isinstance(record, dict):
        raise fail("a JSON Lines document must be an object")
    doc_id = record.get("id")
    if doc_id is None or str(doc_id).strip() == "":
        raise fail("missing required field 'id'")
    try:
        record_date = parse_date(record.get("date"), path=name, line=number)
    except InputError as error:
        raise fail(error.message) from None
    meta = {}
    for key in ("title", "url", "source", "language"):
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise fail(f"field {key!r} must be a string")
        meta[key] = value
    text = record.get("text")
    if text is None and record.get("html") is not None:
        html = record["html"]
        if not isinstance(html, str):
            raise fail("field 'html' must be a string")
        extracted = html_to_document(html, doc_id=str(doc_id), path=name, date=date, line=number)
        meta = {key: meta[key] or getattr(extracted, key) for key in meta}
        return Document(
            id=str(doc_id), text=extracted.text, date=record_date or extracted.date, path=name, line=number, **meta
        )
    if text is None:
        raise fail("missing required field 'text' (or 'html')")
    if not isinstance(text, str):
        raise fail("field 'text' must be a string")
    if not text.strip():
        raise fail("field 'text' is empty")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Document(id=str(doc_id), text=text, date=record_date or date, path=name, line=number, **meta)
