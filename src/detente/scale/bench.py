"""The throughput benchmark behind ``detente bench`` and ``make bench``: like for like.

Bare spaCy (``spacy.load`` of the same English pipeline, ``nlp.pipe``, every component on every
sentence) and the full detente coder get the same texts and the same number of processes:

* **one process**: ``nlp.pipe`` against :class:`detente.Coder`, both loaded and warmed up in this
  process, timed in alternating rounds, each side first every other round (the fastest round of
  each counts: a shared machine adds noise that the best round filters out);
* **all cores**: ``nlp.pipe(n_process=N)`` against :class:`detente.scale.ProcessPoolCoder` with
  ``N`` workers (the pool is started and its pipelines loaded before the clock starts; spaCy forks
  its loaded pipeline into its workers on each call, which costs a fraction of a second);
* **one process, same BLAS**: bare spaCy again, its networks multiplying matrices as detente's do
  (``Settings.blas``, nlp/network_ops.py), so that the figure shows what the coder itself costs
  apart from the faster matrix products (only when ``blas`` is not spaCy's own "blis");
* **startup**: a fresh interpreter that runs ``detente code`` on one sentence against one that
  loads spaCy's pipeline and parses the sentence (alternating, best of ``rounds``);
* **peak memory** of the whole process tree (the process and all its children, sampled every
  0.1 s), each side in a fresh interpreter coding the corpus with ``N`` processes.

Rates are words (tokens that are neither space nor punctuation), sentences (spaCy's) and
documents per second; a ratio above 1 means detente is faster.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, replace
from pathlib import Path

import psutil

from detente.data import data_path
from detente.ingest.documents import Document
from detente.settings import Settings

PROBE_SENTENCE = "Chile expelled the Peruvian ambassador on Monday."


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
            total = me.memory_info().rss
            for child in me.children(recursive=True):
                try:
                    total += child.memory_info().rss
                except psutil.Error:  # a worker that just exited
                    pass
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
class Side:
    """One timed configuration: seconds of its best round over the corpus."""

    seconds: float = float("inf")

    def keep(self, seconds: float) -> None:
        self.seconds = min(self.seconds, seconds)


@dataclass
class BenchResult:
    documents: int
    sentences: int
    words: int
    workers: int
    rounds: int
    spacy_single: float
    detente_single: float
    spacy_same_blas: float | None = None
    spacy_all: float | None = None
    detente_all: float | None = None
    startup: dict | None = None
    peak_rss_mb: dict | None = None

    def _rates(self, spacy_seconds: float, detente_seconds: float) -> dict:
        return {
            "spacy_seconds": round(spacy_seconds, 3),
            "detente_seconds": round(detente_seconds, 3),
            "spacy_words_per_s": round(self.words / spacy_seconds, 1),
            "detente_words_per_s": round(self.words / detente_seconds, 1),
            "spacy_docs_per_s": round(self.documents / spacy_seconds, 2),
            "detente_docs_per_s": round(self.documents / detente_seconds, 2),
            "spacy_sentences_per_s": round(self.sentences / spacy_seconds, 1),
            "detente_sentences_per_s": round(self.sentences / detente_seconds, 1),
            "ratio": round(spacy_seconds / detente_seconds, 3),
        }

    def figures(self) -> dict:
        out = {
            "documents": self.documents, "sentences": self.sentences, "words": self.words,
            "workers": self.workers, "rounds": self.rounds,
            "one_process": self._rates(self.spacy_single, self.detente_single),
        }
        if self.spacy_same_blas is not None:
            out["one_process_same_blas"] = self._rates(self.spacy_same_blas, self.detente_single)
        if self.spacy_all is not None and self.detente_all is not None:
            out["all_cores"] = self._rates(self.spacy_all, self.detente_all)
        if self.startup is not None:
            out["startup"] = self.startup
        if self.peak_rss_mb is not None:
            out["peak_rss_mb"] = self.peak_rss_mb
        return out


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
    corpus: list[Document] | None = None, *, startup: bool = True, memory: bool = True,
) -> BenchResult:
    """Time bare spaCy and detente on the same corpus (``corpus``, cycled to ``documents``
    documents, or by default the articles of :func:`bench_corpus`) with the same number of
    processes: one, then ``workers`` (default: every core) when that is more than one."""
    import spacy

    from detente.coder import Coder
    from detente.scale import ProcessPoolCoder, default_workers

    settings = settings or Settings()
    workers = workers or default_workers()
    rounds = max(1, rounds)
    corpus = cycle_corpus(corpus, documents) if corpus is not None else list(bench_corpus(documents))
    texts = [d.text for d in corpus]
    batch = settings.batch_size
    bare = spacy.load(settings.model)
    same_blas = _same_blas(settings)
    single = Coder(settings)
    warm = max(8, len(corpus) // 10)
    for nlp in (bare, same_blas) if same_blas is not None else (bare,):
        list(nlp.pipe(texts[:warm], batch_size=batch))
    list(single.code(corpus[:warm]))

    counts = {}

    def run_bare(n_process: int = 1, nlp=bare) -> None:
        sentences = words = 0
        for doc in nlp.pipe(texts, batch_size=batch, n_process=n_process):
            sentences += sum(1 for _ in doc.sents)
            words += sum(1 for t in doc if not (t.is_space or t.is_punct))
        counts.update(sentences=sentences, words=words)

    def run_detente(coder) -> None:
        for _ in coder.code_documents(corpus):
            pass

    spacy_single, detente_single, spacy_same = Side(), Side(), Side()
    for number in range(rounds):  # each side goes first every other round
        runs = [lambda: spacy_single.keep(_timed(run_bare)), lambda: detente_single.keep(_timed(lambda: run_detente(single)))]
        if same_blas is not None:
            runs.insert(1, lambda: spacy_same.keep(_timed(lambda: run_bare(nlp=same_blas))))
        for run in runs[:: 1 if number % 2 == 0 else -1]:
            run()
    del single, same_blas
    result = BenchResult(len(corpus), counts["sentences"], counts["words"], workers, rounds,
                         spacy_single.seconds, detente_single.seconds)
    if spacy_same.seconds != float("inf"):
        result.spacy_same_blas = spacy_same.seconds
    if workers > 1:
        spacy_all, detente_all = Side(), Side()
        with ProcessPoolCoder(settings, workers=workers) as pool:
            pool.warm_up()  # loading the pipelines is startup, not throughput
            for number in range(rounds):
                runs = [lambda: spacy_all.keep(_timed(lambda: run_bare(workers))), lambda: detente_all.keep(_timed(lambda: run_detente(pool)))]
                for run in runs[:: 1 if number % 2 == 0 else -1]:
                    run()
        result.spacy_all, result.detente_all = spacy_all.seconds, detente_all.seconds
    del bare
    if startup:
        result.startup = startup_times(settings, rounds=rounds)
    if memory:
        result.peak_rss_mb = peak_memory(corpus, workers, settings)
    return result


def _same_blas(settings: Settings):
    """Bare spaCy whose networks multiply matrices as detente's do, or None when that is spaCy's way."""
    if settings.blas == "blis":
        return None
    import spacy

    from detente.nlp.network_ops import use_blas

    return use_blas(spacy.load(settings.model), settings.blas)


def _timed(func) -> float:
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def _python(code: str, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code, *args], input=stdin, capture_output=True, text=True, check=True)


SPACY_COLD = "import sys, spacy; nlp = spacy.load(sys.argv[1]); nlp(sys.argv[2])"
DETENTE_COLD = "from detente.cli.main import cli; cli()"


def startup_times(settings: Settings, rounds: int = 2) -> dict:
    """Cold start, in fresh interpreters: ``detente code`` on one sentence (one process) against
    loading spaCy's pipeline and parsing the sentence. One run of each first fills the compile
    cache and the OS file cache; then the rounds alternate and the fastest of each counts."""
    code_args = ["code", "-", "--workers", "1", "--date", "2024-01-01", "--model", settings.model]
    spacy_side, detente_side = Side(), Side()
    for number in range(rounds + 1):
        spacy_seconds = _timed(lambda: _python(SPACY_COLD, settings.model, PROBE_SENTENCE))
        detente_seconds = _timed(lambda: _python(DETENTE_COLD, *code_args, stdin=PROBE_SENTENCE + "\n"))
        if number:
            spacy_side.keep(spacy_seconds)
            detente_side.keep(detente_seconds)
    return {
        "spacy_load_and_parse_seconds": round(spacy_side.seconds, 3),
        "detente_code_one_sentence_seconds": round(detente_side.seconds, 3),
        "ratio": round(detente_side.seconds / spacy_side.seconds, 3),
    }


MEMORY_RUN = "import sys; from detente.scale.bench import footprint; print(footprint(*sys.argv[1:]))"


def peak_memory(corpus: list[Document], workers: int, settings: Settings) -> dict:
    """Peak resident memory (MB) of the process tree that codes ``corpus`` with ``workers``
    processes, each side in a fresh interpreter."""
    with tempfile.TemporaryDirectory(prefix="detente-bench-") as folder:
        path = Path(folder) / "corpus.jsonl"
        with open(path, "w", encoding="utf-8") as handle:
            for document in corpus:
                handle.write(json.dumps({"id": document.id, "text": document.text}, ensure_ascii=False) + "\n")
        figures = {}
        for side in ("spacy", "detente"):
            out = _python(MEMORY_RUN, side, str(path), str(workers), json.dumps(asdict(settings), default=str))
            figures[side] = float(out.stdout.strip().splitlines()[-1])
    return figures


def footprint(side: str, corpus_path: str, workers: str, settings_json: str) -> float:
    """Peak memory (MB) of loading one side and coding the corpus at ``corpus_path`` (run in a
    fresh interpreter by :func:`peak_memory`)."""
    options = json.loads(settings_json)
    settings = Settings(model=options["model"], batch_size=int(options["batch_size"]), blas=options["blas"])
    lines = Path(corpus_path).read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines if line.strip()]
    count = int(workers)
    with PeakMemory() as memory:
        if side == "spacy":
            import spacy

            nlp = spacy.load(settings.model)
            for _ in nlp.pipe((r["text"] for r in records), batch_size=settings.batch_size, n_process=count):
                pass
        else:
            from detente.coder import Coder
            from detente.scale import ProcessPoolCoder

            coder = ProcessPoolCoder(settings, workers=count) if count > 1 else Coder(settings)
            for _ in coder.code_documents(Document(id=r["id"], text=r["text"]) for r in records):
                pass
    return memory.peak_mb


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
