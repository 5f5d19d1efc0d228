"""``detente bench``: bare spaCy against the full coder, like for like (see detente.scale.bench)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import click

from detente.cli.inputs import iter_documents
from detente.cli.output import print_error, stderr
from detente.errors import InputError
from detente.settings import DEFAULT_MODEL, Settings


@click.command("bench")
@click.option("--corpus", "corpus_paths", multiple=True, type=click.Path(exists=True, path_type=Path),
              help="Benchmark on these files or folders, read as `detente code` reads them (the headline: "
                   "use news like yours). Without it, articles of the shipped sentences (a smoke test). Repeatable.")
@click.option("--documents", type=click.IntRange(1, 1_000_000), default=None,
              help="Documents to code: the --corpus is repeated to fill it [default: the corpus once; 100 shipped articles].")
@click.option("--workers", type=click.IntRange(1, 512), default=None,
              help="Processes for the all-cores comparison (both sides) [default: all cores]; 1 runs the one-process comparison only.")
@click.option("--rounds", type=click.IntRange(1, 20), default=3, show_default=True,
              help="Timed runs of each side, alternating; the fastest counts.")
@click.option("--model", default=DEFAULT_MODEL, show_default=True, help="Installed spaCy pipeline (both sides).")
@click.option("--blas", type=click.Choice(["numpy", "blis"]), default="numpy", show_default=True,
              help="Who multiplies detente's network matrices: numpy's BLAS on one thread, or spaCy's own blis "
                   "(bare spaCy always runs as shipped; see docs/scaling.md).")
@click.option("--startup/--no-startup", default=True, show_default=True,
              help="Also time the cold start of `detente code` on one sentence against spaCy's load and parse.")
@click.option("--memory/--no-memory", default=True, show_default=True,
              help="Also measure the peak memory of each side's process tree (each in a fresh interpreter).")
@click.option("--memory-check", "memory_sizes", type=(int, int), default=None, metavar="SMALL LARGE",
              help="Also compare the peak memory of coding SMALL and LARGE shipped articles (streaming: it should not grow).")
@click.option("--json", "json_path", type=click.Path(dir_okay=False, path_type=Path), help="Write the figures to this file.")
def bench_command(corpus_paths, documents, workers, rounds, model, blas, startup, memory, memory_sizes, json_path) -> None:
    """Throughput, startup and memory: bare spaCy against the full coder, same text, same processes.

    Reports, for one process and for all cores, words, sentences and documents per second of
    each side and their ratio (above 1: detente is faster), then the cold-start ratio and the
    peak memory of each side's process tree. JSON on stdout, a summary on stderr.

    \b
    Examples:
      detente bench --corpus news.jsonl --workers 1
      detente bench --corpus news/ --documents 500 --json bench.json
      detente bench                      # smoke test on the shipped sentences
    """
    from detente.scale.bench import run_bench

    corpus = None
    if corpus_paths:
        corpus = []
        for item in iter_documents(corpus_paths):
            if isinstance(item, InputError):
                print_error(item)
            else:
                corpus.append(item)
        if not corpus:
            raise click.UsageError("the --corpus inputs hold no readable document")
    count = documents or (len(corpus) if corpus is not None else 100)
    result = run_bench(count, workers, Settings(model=model, blas=blas), rounds=rounds, corpus=corpus, startup=startup, memory=memory)
    figures = result.figures()
    figures["corpus"] = [str(p) for p in corpus_paths] if corpus_paths else "shipped sentences (data/bench/sentences.txt)"
    if memory_sizes:
        for size in memory_sizes:
            out = subprocess.run(
                [sys.executable, "-c", f"from detente.scale.bench import memory_run; print(memory_run({size}, {figures['workers']}))"],
                capture_output=True, text=True, check=True,
            )
            figures[f"peak_rss_mb_{size}_documents"] = float(out.stdout.strip().splitlines()[-1])
        small, large = (figures[f"peak_rss_mb_{s}_documents"] for s in memory_sizes)
        figures["memory_growth"] = round(large / small - 1, 4)
    _summary(figures)
    click.echo(json.dumps(figures, indent=1))
    if json_path:
        json_path.parent.mkdir(parents=True, exist_ok=True)
        json_path.write_text(json.dumps(figures, indent=1))


def _summary(figures: dict) -> None:
    stderr.print(f"{figures['documents']} documents, {figures['sentences']} sentences, {figures['words']} words; "
                 f"best of {figures['rounds']} rounds")
    for key, label in (("one_process", "1 process"), ("all_cores", f"{figures['workers']} processes")):
        if key in figures:
            f = figures[key]
            stderr.print(f"{label}: spaCy {f['spacy_words_per_s']:.0f} words/s, detente {f['detente_words_per_s']:.0f} words/s "
                         f"({f['detente_docs_per_s']} docs/s): ratio [bold]{f['ratio']}[/bold]")
    if "one_process_same_blas" in figures:
        f = figures["one_process_same_blas"]
        stderr.print(f"1 process, spaCy on detente's BLAS (nlp/network_ops.py): spaCy {f['spacy_words_per_s']:.0f} words/s: "
                     f"ratio [bold]{f['ratio']}[/bold] (what the coder itself costs)")
    if "startup" in figures:
        s = figures["startup"]
        stderr.print(f"cold start: detente code {s['detente_code_one_sentence_seconds']} s, spaCy load+parse "
                     f"{s['spacy_load_and_parse_seconds']} s: ratio [bold]{s['ratio']}[/bold]")
    if "peak_rss_mb" in figures:
        m = figures["peak_rss_mb"]
        stderr.print(f"peak memory ({figures['workers']} process(es)): spaCy {m['spacy']} MB, detente {m['detente']} MB")
