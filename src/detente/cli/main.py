"""``detente``: code news into event data.

Every command reads plain text, HTML or JSON Lines from files, folders or ``-`` (standard input),
writes data to stdout and messages to stderr, and exits 1 when some input could not be read
(the rest is still processed).
"""

from __future__ import annotations

import datetime as dt
import logging
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import click

from detente.cli.coders import make_coder, workers_option
from detente.cli.params import DATE
from detente.cli.output import print_error, stderr, write_jsonl, write_table, write_tsv
from detente.errors import DetenteError, InputError
from detente.cli.inputs import iter_documents
from detente.settings import DEFAULT_MODEL, Settings

if TYPE_CHECKING:  # pragma: no cover
    from detente.ingest import Document




def _common(func):
    func = click.option("--model", default=DEFAULT_MODEL, show_default=True, help="Installed spaCy pipeline to parse with.")(func)
    func = click.option(
        "--actors",
        "actor_files",
        multiple=True,
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help="Your own actor file (YAML, same format as the shipped knowledge base); adds or overrides entries. Repeatable.",
    )(func)
    func = click.option("--date", "date", type=DATE, help="Publication date of documents that carry none (plain-text files).")(func)
    func = click.option(
        "--date-from", "date_from", type=click.Choice(["name", "mtime"]),
        help="Take each file's date from a date in its path (2024-03-02-talks.txt) or its modification time; --date is the fallback.",
    )(func)
    func = click.argument("paths", nargs=-1, required=True)(func)
    return func


class _Errors:
    """Collects input errors: reports each on stderr and remembers that the run must fail."""

    def __init__(self) -> None:
        self.count = 0

    def filter(self, items: Iterable[Document | InputError]) -> Iterator[Document]:
        for item in items:
            if isinstance(item, InputError):
                self.count += 1
                print_error(item)
            else:
                yield item


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="detente")
@click.option("-v", "--verbose", count=True, help="Log more (repeat for debug).")
def cli(verbose: int) -> None:
    """detente turns news about politics and international relations into event data.

    \b
    Example:
      detente code article.txt --date 2026-02-10 --format table
    """
    level = logging.WARNING - 10 * verbose
    logging.basicConfig(level=max(level, logging.DEBUG), stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s")
    for name in ("trafilatura", "htmldate", "courlan"):  # their complaints about a page repeat our own clear error
        logging.getLogger(name).setLevel(logging.DEBUG if verbose >= 2 else logging.CRITICAL)


def _coder(model: str, actor_files: tuple[Path, ...], date: dt.date | None, *, events: bool):
    from detente.coder import Coder

    settings = Settings(model=model, actor_files=tuple(actor_files), date=date)
    try:
        return Coder(settings, events=events)
    except DetenteError as error:
        raise click.ClickException(str(error)) from None


@cli.command("actors")
@_common
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
def actors_command(paths, model, actor_files, date, date_from, fmt) -> None:
    """Print every actor mention with its code, its document entity (mentions of one actor share
    the number) and how it was resolved (kb, context, coref, focus, issuer).

    \b
    Example:
      detente actors article.txt --date 2026-02-10 --format jsonl
    """
    errors = _Errors()
    coder = _coder(model, actor_files, date, events=False)
    records = coder.actors(errors.filter(iter_documents(paths, date=date, date_from=date_from)))
    if fmt == "jsonl":
        write_jsonl(records)
    else:
        columns = [("doc_id", "doc"), ("text", "text"), ("start", "start"), ("end", "end"), ("code", "code"),
                   ("country", "country"), ("sector", "sector"), ("name", "name"), ("entity", "entity"), ("via", "via")]
        write_table(records, columns, title="Actor mentions")
    _finish(errors)


@cli.command("code")
@_common
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table", "tsv"]), default="jsonl", show_default=True)
@click.option("--asserted-only", is_flag=True, help="Keep only events the text asserts (drop negated, hypothetical, future).")
@click.option("--prefilter/--no-prefilter", default=False, show_default=True,
              help="Approximate: parse only sentences that hold a trigger word (can change events; see docs/scaling.md).")
@workers_option
def code_command(paths, model, actor_files, date, date_from, fmt, asserted_only, prefilter, workers, dask_address) -> None:
    """Code documents into events (SPEC §2 records, one JSON object per line).

    \b
    Examples:
      detente code article.txt --date 2026-02-10
      detente code corpus.jsonl --format tsv > events.tsv
      cat page.html | detente code - --format table
    """
    from detente.cli.progress import progress_bar
    from detente.ingest.counting import count_documents

    errors = _Errors()
    settings = Settings(model=model, actor_files=tuple(actor_files), date=date, prefilter=prefilter)
    coder = make_coder(settings, workers=workers, dask_address=dask_address)
    # The bar counts documents as the coder takes them; it is shown only when the events go to a
    # file or a pipe (on a terminal, the events themselves show the progress).
    with progress_bar("code", count_documents(paths), enabled=not sys.stdout.isatty()) as bar:
        events = coder.code(errors.filter(bar.track(iter_documents(paths, date=date, date_from=date_from))))
        if asserted_only:
            events = (e for e in events if e["modality"] == "asserted")
        _write_events(events, fmt)
    _finish(errors)


def _write_events(events: Iterable[dict], fmt: str) -> None:
    if fmt == "jsonl":
        write_jsonl(events)
    elif fmt == "tsv":
        write_tsv(_tsv_rows(events), TSV_HEADER)
    else:
        columns = [("event_id", "event"), ("date", "date"), ("actor", "actor"), ("cameo", "cameo"), ("recipient", "recipient"),
                   ("plover.event", "plover"), ("goldstein", "goldstein"), ("modality", "modality"),
                   ("attribution.kind", "attribution"), ("evidence.trigger", "trigger"), ("location.name", "location"),
                   ("confidence", "conf")]
        write_table(events, columns, title="Events")


TSV_HEADER = [
    "event_id", "doc_id", "date", "actor_code", "actor_country", "actor_sector", "actor_text",
    "recipient_code", "recipient_country", "recipient_sector", "recipient_text", "symmetric",
    "cameo", "cameo_root", "quad_class", "goldstein", "plover_event", "modality", "attribution",
    "confidence", "location_name", "location_country", "lat", "lon", "trigger", "url",
]


def _tsv_rows(events: Iterable[dict]) -> Iterator[list]:
    """One row per (actor, recipient) pair, like GDELT's event table."""
    for event in events:
        actors = event["actor"] or [None]
        recipients = event["recipient"] or [None]
        location = event.get("location") or {}
        for actor in actors:
            for recipient in recipients:
                yield [
                    event["event_id"], event["doc_id"], event["date"],
                    *(_actor_cols(actor)), *(_actor_cols(recipient)), int(event["symmetric"]),
                    event["cameo"], event["cameo_root"], event["quad_class"], event["goldstein"],
                    (event.get("plover") or {}).get("event"), event["modality"], event["attribution"]["kind"],
                    event["confidence"], location.get("name"), location.get("country"), location.get("lat"),
                    location.get("lon"), event["evidence"]["trigger"], event.get("url"),
                ]


def _actor_cols(actor: dict | None) -> list:
    if actor is None:
        return [None, None, None, None]
    return [actor["code"], actor["country"], actor["sector"], actor["text"]]


@cli.command("eval")
@click.argument("gold", type=click.Path(exists=True, path_type=Path))
@click.option("--model", default=DEFAULT_MODEL, show_default=True)
@click.option("--actors", "actor_files", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--limit", type=int, default=None, help="Score only the first N sentences.")
@click.option("--prefilter/--no-prefilter", default=False, show_default=True,
              help="Approximate: parse only sentences that hold a trigger word (can change events; see docs/scaling.md).")
@click.option("--baseline/--no-baseline", default=True, show_default=True, help="Also score the sentence co-occurrence baseline (article and sentence gold).")
@click.option("--missed/--no-missed", default=True, show_default=True, help="Article gold: list each missed required event with the closest coded one.")
def eval_command(gold, model, actor_files, fmt, limit, prefilter, baseline, missed) -> None:
    """Score the coder on a gold file (SPEC §3), a pentaclass file (ConfliBERT style), or
    article-level gold (a gold.json with articles, or the folder holding it).

    \b
    Examples:
      detente eval tests/data/gold/sentences.jsonl
      detente eval ../shared/eval/news-dev/
    """
    import json

    from detente.evaluation import evaluate_articles, evaluate_file, is_article_gold, render_article_report, render_report

    from detente.coder import Coder

    articles = is_article_gold(gold)
    if gold.is_dir() and not articles:
        raise click.BadParameter(f"{gold} holds no gold.json", param_hint="GOLD")
    from detente.cli.progress import progress_bar

    try:
        coder = Coder(Settings(model=model, actor_files=tuple(actor_files), prefilter=prefilter))
        with progress_bar("eval", None, "articles" if articles else "sentences") as bar:
            if articles:
                report = evaluate_articles(gold, coder, baseline=baseline, track=bar.track)
            else:
                report = evaluate_file(gold, coder, limit=limit, baseline=baseline, track=bar.track)
    except DetenteError as error:
        raise click.ClickException(str(error)) from None
    if fmt == "json":
        click.echo(json.dumps(report, indent=2))
    elif articles:
        render_article_report(report, missed=missed)
    else:
        render_report(report)


def _finish(errors: _Errors) -> None:
    if errors.count:
        stderr.print(f"[red]{errors.count} input(s) could not be read[/red]; everything else was processed.")
        sys.exit(1)


from detente.cli.bench import bench_command  # noqa: E402
from detente.cli.serve import serve_command  # noqa: E402
from detente.cli.store_commands import register  # noqa: E402

register(cli)
cli.add_command(serve_command)
cli.add_command(bench_command)


def main() -> None:  # pragma: no cover
    cli()
