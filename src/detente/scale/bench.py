"""The throughput benchmark behind ``detente bench`` and ``make bench``.

It codes the same corpus (articles assembled from the sentences the project ships in
``data/bench/sentences.txt``) with (a) spaCy's bare ``nlp.pipe`` over the same English pipeline,
every component on every sentence, in one process, and (b) the full detente coder, in one
process and with ``workers`` processes, and reports sentences per second, their ratio,
documents per second and peak memory (resident set of the process and its workers, sampled).
Each figure is the best of ``rounds`` alternating runs.
"""

from __future__ import annotations

import datetime as dt
import os
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace

import psutil

from detente.data import data_path
from detente.ingest.documents import Document
from detente.settings import Settings


def bench_corpus(documents: int, sentences_per_document: int = 6) -> Iterator[Document]:
    """``documents`` articles of consecutive shipped sentences (cycling through the file)."""
    lines = [l.strip() for l in data_path("bench", "sentences.txt").read_text(encoding="utf-8").splitlines() if l.strip() and not l.startswith("#")]
    for number in range(documents):
        start = (number * sentences_per_document) % len(lines)
        text = " ".join(lines[(start + k) % len(lines)] for k in range(sentences_per_document))
        yield Document(id=f"bench-{number:06d}", text=text, date=dt.date(2025, 1, 1) + dt.timedelta(days=number % 365), source=f"outlet-{number % 7}")


class PeakMemory:
    """Samples the resident memory of this process and its children; ``peak_mb`` is the maximum sum."""

    def __init__(self, interval: float = 0.1) -> None:
        self.interval = interval
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> None:
        me = psutil.Process(os.getpid())
        try:
            total = me.memory_info().rss + sum(c.memory_info().rss for c in me.children(recursive=True))
        except psutil.Error:
            total = 0
        self.peak = max(self.peak, total)

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self._sample()

    def __enter__(self) -> PeakMemory:
        self._sample()
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()

    @property
    def peak_mb(self) -> float:
        return round(self.peak / 2**20, 1)


@dataclass
class BenchResult:
    documents: int
    sentences: int
    workers: int
    spacy_seconds: float
    detente_seconds: float
    detente_single_seconds: float
    peak_rss_mb: float

    def figures(self) -> dict:
        spacy_rate = self.sentences / self.spacy_seconds
        detente_rate = self.sentences / self.detente_seconds
        single_rate = self.sentences / self.detente_single_seconds
        return {
            "documents": self.documents,
            "sentences": self.sentences,
            "workers": self.workers,
            "spacy_sentences_per_s": round(spacy_rate, 1),
            "detente_sentences_per_s": round(detente_rate, 1),
            "ratio": round(detente_rate / spacy_rate, 3),
            "docs_per_s": round(self.documents / self.detente_seconds, 2),
            "peak_rss_mb": self.peak_rss_mb,
            "detente_single_process_sentences_per_s": round(single_rate, 1),
            "single_process_ratio": round(single_rate / spacy_rate, 3),
        }


def cycle_corpus(corpus: list[Document], documents: int) -> list[Document]:
    """``documents`` documents from ``corpus``, repeating it as often as needed (ids kept unique)."""
    if not corpus:
        raise ValueError("the benchmark corpus holds no document")
    out = []
    for number in range(documents):
        document = corpus[number % len(corpus)]
        lap = number // len(corpus)
        out.append(document if lap == 0 else replace(document, id=f"{document.id}~{lap}"))
    return out


def run_bench(
    documents: int = 400, workers: int | None = None, settings: Settings | None = None, rounds: int = 2,
    corpus: list[Document] | None = None,
) -> BenchResult:
    """Time bare spaCy and detente on the same corpus (``corpus``, cycled to ``documents``
    documents, or by default the articles of :func:`bench_corpus`).

    Both pipelines are loaded and warmed up first, then timed in alternating rounds, and each keeps
    its fastest round: the first pass of whichever pipeline ran first is slower (memory is still
    being allocated), and a shared machine adds noise that the best round filters out.
    """
    import spacy

    from detente.coder import Coder
    from detente.scale import ProcessPoolCoder, default_workers

    settings = settings or Settings()
    workers = workers or default_workers()
    corpus = cycle_corpus(corpus, documents) if corpus is not None else list(bench_corpus(documents))
    texts = [d.text for d in corpus]
    bare = spacy.load(settings.model)
    single = Coder(settings)
    warm = max(8, documents // 10)
    list(bare.pipe(texts[:warm], batch_size=settings.batch_size))
    list(single.code(corpus[:warm]))

    def time_bare() -> tuple[float, int]:
        start = time.perf_counter()
        sentences = sum(len(list(doc.sents)) for doc in bare.pipe(texts, batch_size=settings.batch_size))
        return time.perf_counter() - start, sentences

    def time_single() -> float:
        start = time.perf_counter()
        for _ in single.code(corpus):
            pass
        return time.perf_counter() - start

    spacy_seconds = single_seconds = float("inf")
    sentences = 0
    for _ in range(max(1, rounds)):
        seconds, sentences = time_bare()
        spacy_seconds = min(spacy_seconds, seconds)
        single_seconds = min(single_seconds, time_single())
    del bare, single

    with PeakMemory() as memory:
        if workers > 1:
            with ProcessPoolCoder(settings, workers=workers) as coder:
                coder.warm_up()  # loading the pipelines is not throughput: time the coding only
                detente_seconds = float("inf")
                for _ in range(max(1, rounds)):
                    start = time.perf_counter()
                    for _ in coder.code(corpus):
                        pass
                    detente_seconds = min(detente_seconds, time.perf_counter() - start)
        else:
            # one process: the timed runs above are the figures; this run gives the memory
            # of a process holding only the coder
            detente_seconds = single_seconds
            for _ in Coder(settings).code(corpus):
                pass
    return BenchResult(documents, sentences, workers, spacy_seconds, detente_seconds, single_seconds, memory.peak_mb)


def memory_run(documents: int, workers: int, settings: Settings | None = None) -> float:
    """Peak memory (MB) of coding ``documents`` generated on the fly and discarded: streaming
    means it should not grow with the corpus."""
    from detente.coder import Coder
    from detente.scale import ProcessPoolCoder

    settings = settings or Settings()
    with PeakMemory() as memory:
        coder = ProcessPoolCoder(settings, workers=workers) if workers > 1 else Coder(settings)
        for _ in coder.code(bench_corpus(documents)):
            pass
    return memory.peak_mb
