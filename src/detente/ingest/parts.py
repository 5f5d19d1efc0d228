"""Documents too long for the parser, split into parts at paragraph boundaries.

spaCy refuses a text over ``nlp.max_length`` characters (1,000,000 by default), and well below
that the parser's memory grows with the text (spaCy's rule of thumb: about 1 GB per 100,000
characters; a 1,000,000-character news text was measured at a 4 GB peak). Rather than stopping
the batch or the machine, a longer document becomes parts of at most ``limit`` characters, cut at the
last blank line before the limit, else the last line break, else the last sentence end, else the
last space. The parts together are exactly the original text; each keeps the document's
metadata and gets the id ``ID:part-N``. A text with no break at all in ``limit`` characters is
refused with an :class:`InputError` naming the file and line.
"""

from __future__ import annotations

import dataclasses
import logging
import re

from detente.errors import InputError
from detente.ingest.documents import Document

log = logging.getLogger(__name__)

MAX_DOCUMENT_CHARS = 100_000  # a long feature article is 30,000-60,000 characters
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s")


def split_text(text: str, limit: int = MAX_DOCUMENT_CHARS) -> list[str]:
    """Cut ``text`` into pieces of at most ``limit`` characters at the best boundary found.
    Raises :class:`ValueError` (its argument: the offset where it starts) when some stretch of
    ``limit`` characters holds no break at all."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        cut = _boundary(text[start : start + limit])
        if cut is None:
            raise ValueError(start)
        pieces.append(text[start : start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def _boundary(window: str) -> int | None:
    for separator in ("\n\n", "\n"):
        at = window.rfind(separator)
        if at > 0:
            return at + len(separator)
    ends = [m.end() for m in _SENTENCE_END.finditer(window)]
    if ends:
        return ends[-1]
    at = max(window.rfind(" "), window.rfind("\t"))
    return at + 1 if at > 0 else None


def split_document(document: Document, limit: int = MAX_DOCUMENT_CHARS) -> list[Document]:
    """``[document]`` when it fits, else its parts (see the module docstring)."""
    if len(document.text) <= limit:
        return [document]
    try:
        pieces = split_text(document.text, limit)
    except ValueError as stuck:
        line = document.line  # a JSON Lines record: its line; a text file: the line the stretch starts on
        if line is None and document.path is not None:
            line = document.text.count("\n", 0, stuck.args[0]) + 1
        raise InputError(
            f"document has {len(document.text):,} characters with no paragraph, line, sentence or space break "
            f"in a stretch of {limit:,}; break it into paragraphs before ingesting",
            path=document.path,
            line=line,
        ) from None
    parts = [dataclasses.replace(document, id=f"{document.id}:part-{n}", text=piece) for n, piece in enumerate(pieces, 1)]
    where = document.path if document.line is None else f"{document.path}:{document.line}"
    log.warning(
        "%s: document %r has %s characters, over the %s one document may hold; split into %d parts (%s ... %s)",
        where, document.id, f"{len(document.text):,}", f"{limit:,}", len(parts), parts[0].id, parts[-1].id,
    )
    return parts
