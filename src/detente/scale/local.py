"""Coding on every core of one machine: a pool of worker processes, each loading the pipeline once.

Input is streamed: at most ``2 × workers`` chunks are in flight, so memory stays flat however
large the corpus; results come back in input order.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from detente.settings import Settings

if TYPE_CHECKING:  # pragma: no cover
    from detente.ingest.documents import Document

# The pipeline a worker process loaded (one per process, set by the pool initializer).
_worker_coder = None


def default_workers() -> int:
    """``$DETENTE_WORKERS``, else every core."""
    value = os.environ.get("DETENTE_WORKERS")
    if value and value.isdigit() and int(value) > 0:
        return int(value)
    return os.cpu_count() or 1


def _initialise(settings: Settings, prefilter: bool | None) -> None:
    global _worker_coder
    from detente.coder import Coder

    _worker_coder = Coder(settings, prefilter=prefilter)


def _code_chunk(documents: list[Document]) -> list[tuple[Document, list[dict]]]:
    return list(_worker_coder.code_documents(documents))


class ProcessPoolCoder:
    """Same interface as :class:`detente.Coder` for coding (``code_documents``, ``code``)."""

    def __init__(self, settings: Settings | None = None, *, workers: int | None = None, chunk_size: int = 16,
                 prefilter: bool | None = None) -> None:
        self.settings = settings or Settings()
        self.workers = workers or default_workers()
        self.chunk_size = chunk_size
        self.prefilter = prefilter
        self._pool = None

    def _start(self):
        context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
        return context.Pool(self.workers, initializer=_initialise, initargs=(self.settings, self.prefilter))

    def __enter__(self) -> ProcessPoolCoder:
        """Keep the workers (and their loaded pipelines) across calls until the block ends."""
        self._pool = self._start()
        return self

    def __exit__(self, *exc) -> None:
        self._pool.close()
        self._pool.join()
        self._pool = None

    def warm_up(self) -> None:
        """Make every worker load its pipeline now (one tiny document each)."""
        from detente.ingest.documents import Document

        probe = [Document(id=f"warm-{i}", text="Chile thanked Peru.") for i in range(self.workers)]
        results = [self._pool.apply_async(_code_chunk, ([doc],)) for doc in probe]
        for result in results:
            result.get()

    def code_documents(self, documents: Iterable[Document]) -> Iterator[tuple[Document, list[dict]]]:
        if getattr(self, "_pool", None) is not None:
            yield from self._stream(self._pool, documents)
            return
        with self._start() as pool:
            yield from self._stream(pool, documents)

    def _stream(self, pool, documents: Iterable[Document]) -> Iterator[tuple[Document, list[dict]]]:
        iterator = iter(documents)
        pending: deque = deque()
        while True:
            while len(pending) < 2 * self.workers:
                chunk = list(itertools.islice(iterator, self.chunk_size))
                if not chunk:
                    break
                pending.append(pool.apply_async(_code_chunk, (chunk,)))
            if not pending:
                return
            yield from pending.popleft().get()

    def code(self, documents: Iterable[Document]) -> Iterator[dict]:
        for _, events in self.code_documents(documents):
            yield from events
