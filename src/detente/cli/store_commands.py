"""Store commands: ingest, dyad, shifts, network, sql, export."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import click

from detente.cli.coders import make_coder, workers_option
from detente.cli.params import DATE
from detente.cli.output import print_error, stderr, write_table
from detente.errors import DetenteError, InputError
from detente.cli.inputs import iter_documents
from detente.settings import DEFAULT_MODEL, Settings

if TYPE_CHECKING:  # pragma: no cover
    from detente.ingest import Document


def _db_option(func):
    return click.option(
        "--db", "db", type=click.Path(dir_okay=False, path_type=Path), envvar="DETENTE_DB",
        help="Store file (default: $DETENTE_DB, else detente.duckdb in the user data directory).",
    )(func)


def _open(db: Path | None, *, read_only: bool):
    from detente.store import Store

    try:
        return Store(db, read_only=read_only)
    except DetenteError as error:
        raise click.ClickException(str(error)) from None




def register(cli: click.Group) -> None:
    for command in (ingest_command, dyad_command, shifts_command, network_command, sql_command, export_command):
        cli.add_command(command)


@click.command("ingest")
@click.argument("sources", nargs=-1)
@click.option("--feed", "feeds", multiple=True, help="RSS or Atom feed URL whose articles to fetch and ingest. Repeatable.")
@_db_option
@click.option("--dedup", default="day", show_default=True, help="Deduplication rule: day, none or window:N.")
@click.option("--date", "date", type=DATE, help="Publication date of documents that carry none.")
@click.option("--model", default=DEFAULT_MODEL, show_default=True)
@click.option("--actors", "actor_files", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@workers_option
def ingest_command(sources, feeds, db, dedup, date, model, actor_files, workers, dask_address) -> None:
    """Code documents and store them: files, folders, JSON Lines, web pages (URLs) and feeds.

    Idempotent (a document already stored is skipped, a changed one replaces its mentions) and
    crash-safe (each document commits in one transaction; run it again to complete the rest).

    \b
    Examples:
      detente ingest corpus.jsonl --db news.duckdb
      detente ingest https://example.org/article.html --feed https://example.org/rss.xml
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from detente.ingest.web import fetch_feed, fetch_pages, is_url, make_client
    from detente.store import DedupRule, ingest_documents

    if not sources and not feeds:
        raise click.UsageError("give at least one file, folder, URL or --feed")
    try:
        rule = DedupRule.parse(dedup)
    except DetenteError as error:
        raise click.BadParameter(str(error), param_hint="--dedup") from None
    store = _open(db, read_only=False)
    errors: list[InputError] = []

    def documents() -> Iterator[Document]:
        paths = [s for s in sources if not is_url(s)]
        urls = [s for s in sources if is_url(s)]
        streams = [iter_documents(paths, date=date)] if paths else []
        if urls or feeds:
            client = make_client()
            if urls:
                streams.append(fetch_pages(client, urls, date=date))
            streams.extend(fetch_feed(client, feed) for feed in feeds)
        for stream in streams:
            for item in stream:
                if isinstance(item, InputError):
                    errors.append(item)
                    print_error(item)
                else:
                    yield item

    coder = make_coder(Settings(model=model, actor_files=tuple(actor_files), date=date), workers=workers, dask_address=dask_address)
    progress = Progress(
        TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[rate]} docs/s"),
        TimeElapsedColumn(), console=stderr, disable=not stderr.is_terminal, transient=False,
    )
    started = dt.datetime.now()
    with progress, store:
        task = progress.add_task("ingest", total=None, rate="0.0")

        def advance(document: Document, status: str) -> None:
            seconds = max((dt.datetime.now() - started).total_seconds(), 1e-6)
            done = progress.tasks[0].completed + 1
            progress.update(task, advance=1, rate=f"{done / seconds:.1f}")

        report = ingest_documents(store, coder, documents(), rule=rule, on_document=advance)
        counts = store.counts()
    stderr.print(
        f"{report.added} added, {report.replaced} replaced, {report.unchanged} unchanged; "
        f"store: {counts['documents']} documents, {counts['mentions']} mentions, {counts['events']} events"
    )
    if errors:
        stderr.print(f"[red]{len(errors)} input(s) could not be read[/red]; everything else was stored.")
        sys.exit(1)


def _emit(records: list[dict], fmt: str, columns: list[str], title: str) -> None:
    if fmt == "json":
        click.echo(json.dumps(records, indent=1, default=str))
    elif fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        writer.writerows(records)
        click.echo(buffer.getvalue(), nl=False)
    else:
        write_table(records, [(c, c) for c in columns], title=title)


@click.command("dyad")
@click.argument("a")
@click.argument("b")
@_db_option
@click.option("--since", type=DATE)
@click.option("--until", type=DATE)
@click.option("--by", type=click.Choice(["day", "week", "month"]), default="month", show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.option("--plot", type=click.Path(dir_okay=False, path_type=Path), help="Also draw the series to this PNG file.")
def dyad_command(a, b, db, since, until, by, fmt, plot) -> None:
    """Both directions of a relationship over time: events by quad class, Goldstein sum and mean.

    \b
    Example:
      detente dyad USA COL --by week --since 2026-01-01 --plot usa-col.png
    """
    from detente.analytics import dyad_series

    with _open(db, read_only=True) as store:
        try:
            rows = dyad_series(store.con, a, b, since=since, until=until, by=by)
        except DetenteError as error:
            raise click.BadParameter(str(error)) from None
    records = [r.as_dict() for r in rows]
    columns = ["period", "source", "target", "events", "verbal_cooperation", "material_cooperation",
               "verbal_conflict", "material_conflict", "goldstein_sum", "goldstein_mean"]
    _emit(records, fmt, columns, f"{a.upper()}–{b.upper()} by {by}")
    if plot:
        from detente.analytics.plots import plot_dyad

        plot_dyad(rows, a.upper(), b.upper(), plot)
        stderr.print(f"plot written to {plot}")


@click.command("shifts")
@click.argument("a")
@click.argument("b")
@_db_option
@click.option("--since", type=DATE)
@click.option("--until", type=DATE)
@click.option("--penalty", type=float, help="Change-point penalty (higher finds fewer shifts).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def shifts_command(a, b, db, since, until, penalty, fmt) -> None:
    """Change points in the weekly Goldstein series of a relationship (the détente detector).

    \b
    Example:
      detente shifts USA COL --format json
    """
    from detente.analytics import detect_shifts

    with _open(db, read_only=True) as store:
        shifts = detect_shifts(store.con, a, b, since=since, until=until, penalty=penalty)
    records = [s.as_dict() for s in shifts]
    if fmt == "json":
        click.echo(json.dumps(records, indent=1))
        return
    for record in records:
        record["around"] = "; ".join(f"{e['date']} {e['actor']}→{e['recipient']} {e['cameo']}" for e in record["events"][:3])
    write_table(records, [(c, c) for c in ("week", "before", "after", "size", "around")], title=f"Shifts {a.upper()}–{b.upper()}")


@click.command("network")
@_db_option
@click.option("--since", type=DATE)
@click.option("--until", type=DATE)
@click.option("--min-events", type=int, default=1, show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Write GraphML (.graphml) or JSON; stdout JSON otherwise.")
def network_command(db, since, until, min_events, out) -> None:
    """The country-relations graph (edges: mean Goldstein and event count).

    \b
    Example:
      detente network --since 2026-01-01 --out relations.graphml
    """
    import networkx as nx

    from detente.analytics import relations_graph
    from detente.analytics.network import write_graph

    with _open(db, read_only=True) as store:
        graph = relations_graph(store.con, since=since, until=until, min_events=min_events)
    if out:
        write_graph(graph, out)
        stderr.print(f"{graph.number_of_nodes()} countries, {graph.number_of_edges()} relations written to {out}")
    else:
        click.echo(json.dumps(nx.node_link_data(graph, edges="edges"), indent=1))


@click.command("sql")
@click.argument("query")
@_db_option
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
def sql_command(query, db, fmt) -> None:
    """Run read-only SQL over the store (tables: documents, mentions, mention_pairs, events).

    \b
    Example:
      detente sql "SELECT cameo_root, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC"
    """
    import duckdb

    with _open(db, read_only=True) as store:
        try:
            cursor = store.con.execute(query)
        except duckdb.Error as exc:
            raise click.ClickException(f"SQL error: {exc}") from None
        columns = [d[0] for d in cursor.description or []]
        records = [dict(zip(columns, row)) for row in cursor.fetchall()]
    _emit(records, fmt, columns, "query")


@click.command("export")
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@_db_option
@click.option("--format", "fmt", type=click.Choice(["plover", "gdelt", "csv", "parquet"]), required=True)
def export_command(out, db, fmt) -> None:
    """Export the deduplicated events (PLOVER JSON Lines, GDELT-style table, CSV or Parquet).

    \b
    Example:
      detente export events.parquet --format parquet
    """
    from detente.store.exports import export_events

    with _open(db, read_only=True) as store:
        count = export_events(store.con, fmt, out)
    stderr.print(f"{count} events written to {out}")
