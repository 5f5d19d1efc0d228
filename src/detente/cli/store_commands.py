"""Store commands: ingest, dyad, shifts, network, sql, export."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.markup import escape

from detente.cli.coders import make_coder, workers_option
from detente.cli.params import COUNTRY, DATE
from detente.cli.output import print_error, stderr, write_table
from detente.errors import DetenteError, InputError
from detente.cli.inputs import iter_documents
from detente.ingest.naming import DATE_SOURCES
from detente.settings import DEFAULT_MODEL, Settings

if TYPE_CHECKING:  # pragma: no cover
    from detente.ingest import Document


def _db_option(func):
    return click.option(
        "--db", "db", type=click.Path(dir_okay=False, path_type=Path), envvar="DETENTE_DB",
        is_eager=True,  # read before the arguments: a country code is checked against this store
        help="Store file (default: $DETENTE_DB, else detente.duckdb in the user data directory).",
    )(func)


def _open(db: Path | None, *, read_only: bool, hold: bool = True):
    from detente.store import Store

    try:
        return Store(db, read_only=read_only, hold=hold, lock_wait=0.0 if hold else LOCK_WAIT)
    except DetenteError as error:
        raise click.ClickException(str(error)) from None




LOCK_WAIT = 30.0  # seconds an ingest waits for each commit while another process reads or writes


def register(cli: click.Group) -> None:
    for command in (ingest_command, dyad_command, shifts_command, network_command, sql_command, export_command):
        cli.add_command(command)


@click.command("ingest")
@click.argument("sources", nargs=-1)
@click.option("--feed", "feeds", multiple=True, help="RSS or Atom feed URL whose articles to fetch and ingest. Repeatable.")
@_db_option
@click.option("--dedup", default="day", show_default=True, help="Deduplication rule: day, none or window:N.")
@click.option("--date", "date", type=DATE, help="Publication date of documents that carry none.")
@click.option("--date-from", "date_from", type=click.Choice(DATE_SOURCES),
              help="Take each file's date from a date in its path (name: 2024-03-02-talks.txt, 2024/03/02/a.txt) "
                   "or its modification time (mtime); --date is the fallback.")
@click.option("--allow-private-urls", is_flag=True,
              help="Also fetch URLs on loopback, private and link-local addresses (an intranet); refused by default.")
@click.option("--model", default=DEFAULT_MODEL, show_default=True)
@click.option("--actors", "actor_files", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@workers_option
def ingest_command(sources, feeds, db, dedup, date, date_from, allow_private_urls, model, actor_files, workers, dask_address) -> None:
    """Code documents and store them: files, folders, JSON Lines, web pages (URLs) and feeds.

    Idempotent (a document already stored is skipped, a changed one replaces its mentions) and
    crash-safe (each document commits in one transaction; run it again to complete the rest).
    The store is held only while a batch commits, so `detente serve` and readers keep working.
    A file's id is its path relative to the folder given, without the suffix. Bad inputs are
    reported with file and line and the rest of the batch is stored (exit status 1).

    \b
    Examples:
      detente ingest corpus.jsonl --db news.duckdb
      detente ingest news/ --date-from name
      detente ingest https://example.org/article.html --feed https://example.org/rss.xml
    """
    from detente.cli.progress import progress_bar
    from detente.ingest.web import FetchPolicy, fetch_feed, fetch_pages, is_url, make_client
    from detente.store import DedupRule, ingest_documents

    if not sources and not feeds:
        raise click.UsageError("give at least one file, folder, URL or --feed")
    try:
        rule = DedupRule.parse(dedup)
    except DetenteError as error:
        raise click.BadParameter(str(error), param_hint="--dedup") from None
    store = _open(db, read_only=False, hold=False)  # the file is held only while a batch commits
    errors: list[InputError] = []
    dateless = _Dateless(enabled=date is None)

    def documents() -> Iterator[Document]:
        paths = [s for s in sources if not is_url(s)]
        urls = [s for s in sources if is_url(s)]
        streams = [iter_documents(paths, date=date, date_from=date_from)] if paths else []
        if urls or feeds:
            policy = FetchPolicy(allow_private=allow_private_urls)
            client = make_client(allow_private=allow_private_urls)
            if urls:
                streams.append(fetch_pages(client, urls, date=date, policy=policy))
            streams.extend(fetch_feed(client, feed, policy=policy) for feed in feeds)
        for stream in streams:
            for item in stream:
                if isinstance(item, InputError):
                    errors.append(item)
                    print_error(item)
                    bar.advance()  # (the bar below) a bad input is done with too
                else:
                    dateless.check(item)
                    yield item

    coder = make_coder(Settings(model=model, actor_files=tuple(actor_files), date=date), workers=workers, dask_address=dask_address)
    total = _total(sources, feeds)
    with progress_bar("ingest", total) as bar, store:
        report = ingest_documents(store, coder, documents(), rule=rule, on_document=lambda document, status: bar.advance())
        with store.session():
            counts = store.counts()
    dateless.summary()
    stderr.print(
        f"{report.added} added, {report.replaced} replaced, {report.unchanged} unchanged; "
        f"store: {counts['documents']} documents, {counts['mentions']} mentions, {counts['events']} events"
    )
    if errors:
        stderr.print(f"[red]{len(errors)} input(s) could not be read[/red]; everything else was stored.")
        sys.exit(1)


def _total(sources: tuple[str, ...], feeds: tuple[str, ...]) -> int | None:
    """Documents to ingest, counted before reading them (a URL is one); unknown with a feed or ``-``."""
    from detente.ingest.counting import count_documents
    from detente.ingest.web import is_url

    if feeds:
        return None
    counted = count_documents([s for s in sources if not is_url(s)])
    return None if counted is None else counted + sum(1 for s in sources if is_url(s))


class _Dateless:
    """Warns about documents stored without a publication date (their events cannot be dated)."""

    SHOWN = 5

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.count = 0

    def check(self, document: Document) -> None:
        if not self.enabled or document.date is not None:
            return
        self.count += 1
        if self.count <= self.SHOWN:
            where = document.path or document.id
            if document.line is not None:
                where = f"{where}:{document.line}"
            stderr.print(f"[yellow]warning[/yellow]: {escape(where)}: no publication date; its mentions are stored "
                         "but events need a date (give --date YYYY-MM-DD, or --date-from name|mtime for files)")

    def summary(self) -> None:
        if self.count > self.SHOWN:
            stderr.print(f"[yellow]warning[/yellow]: {self.count} documents in all had no publication date "
                         "(give --date, or --date-from name|mtime)")


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


def _analysis_options(func):
    func = click.option("--scope", type=click.Choice(["state", "all"]), default="state", show_default=True,
                        help="state: leave out rebels, insurgents, opposition and other challengers of a state; all: every actor of A or B.")(func)
    return click.option("--weight", type=click.Choice(["sources", "documents", "none"]), default="sources", show_default=True,
                        help="Count each event once per outlet (sources) or document reporting it, or once (none).")(func)


@click.command("dyad")
@click.argument("a", type=COUNTRY)
@click.argument("b", type=COUNTRY)
@_db_option
@click.option("--since", type=DATE)
@click.option("--until", type=DATE)
@click.option("--by", type=click.Choice(["day", "week", "month"]), default="month", show_default=True)
@_analysis_options
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.option("--plot", type=click.Path(dir_okay=False, path_type=Path), help="Also draw the series and its shifts to this PNG file.")
@click.option("--shifts-by", type=click.Choice(["day", "week"]), help="Resolution of the shifts marked on the plot (default: day with --by day, else week).")
def dyad_command(a, b, db, since, until, by, scope, weight, fmt, plot, shifts_by) -> None:
    """Both directions of a relationship over time: events by quad class, Goldstein sum and mean,
    weighted net cooperation. Periods without events are not listed.

    \b
    Example:
      detente dyad USA COL --by week --since 2026-01-01 --plot usa-col.png
    """
    from detente.analytics import dyad_series

    with _open(db, read_only=True) as store:
        try:
            if plot:  # the shift search (NumPy, ruptures) only runs to mark the plot
                from detente.analytics import shift_report
            rows = dyad_series(store.con, a, b, since=since, until=until, by=by, scope=scope, weight=weight)
            report = shift_report(store.con, a, b, since=since, until=until, by=shifts_by or ("day" if by == "day" else "week"),
                                  scope=scope, weight=weight) if plot else None
        except DetenteError as error:
            raise click.BadParameter(str(error)) from None
    records = [r.as_dict() for r in rows]
    columns = ["period", "source", "target", "events", "verbal_cooperation", "material_cooperation",
               "verbal_conflict", "material_conflict", "goldstein_sum", "goldstein_mean", "weight", "net_cooperation"]
    _emit(records, fmt, columns, f"{a.upper()}–{b.upper()} by {by}")
    if plot:
        from detente.analytics.plots import plot_dyad

        plot_dyad(rows, a.upper(), b.upper(), plot, shifts=report.shifts, by=by)
        stderr.print(f"plot written to {plot}")


def _evidence_line(event: dict) -> str:
    name = f" {event['cameo_name']}" if event.get("cameo_name") else ""
    return f"{event['date']} {event['actor']}→{event['recipient']} {event['cameo']}{name} ({event['goldstein']:+g})"


@click.command("shifts")
@click.argument("a", type=COUNTRY)
@click.argument("b", type=COUNTRY)
@_db_option
@click.option("--since", type=DATE)
@click.option("--until", type=DATE)
@click.option("--by", type=click.Choice(["day", "week"]), default="week", show_default=True, help="Resolution of the search.")
@_analysis_options
@click.option("--min-events", type=click.IntRange(1, 10_000), default=5, show_default=True,
              help="Events a shift needs on the side the relationship moves into.")
@click.option("--confidence", type=click.FloatRange(0.5, 0.999), default=0.95, show_default=True,
              help="Share of bootstrap replicates that must agree on the direction.")
@click.option("--penalty", type=float, help="Change-point penalty of the search (higher proposes fewer candidates).")
@click.option("--rejected", is_flag=True, help="JSON: also list the candidates that lacked evidence (the table always does).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def shifts_command(a, b, db, since, until, by, scope, weight, min_events, confidence, penalty, rejected, fmt) -> None:
    """Shifts in a relationship (the détente detector), each with its direction, size, bootstrap
    interval and the events and documents on both sides; candidates without enough evidence are
    listed with the reason.

    \b
    Example:
      detente shifts COL ECU --by day
      detente shifts USA COL --format json
    """
    from detente.analytics import shift_report

    with _open(db, read_only=True) as store:
        try:
            report = shift_report(store.con, a, b, since=since, until=until, by=by, scope=scope, weight=weight,
                                  penalty=penalty, min_events=min_events, confidence=confidence)
        except DetenteError as error:
            raise click.BadParameter(str(error)) from None
    if fmt == "json":
        shifts = report.shifts + (report.rejected if rejected else [])
        click.echo(json.dumps([s.as_dict() for s in sorted(shifts, key=lambda s: s.week)], indent=1))
        return
    unit = "week" if by == "week" else "day"
    title = f"Shifts {report.a}–{report.b} (net cooperation per {unit}, events weighted by {weight})"
    records = []
    for shift in report.shifts:
        record = shift.as_dict()
        record["change"] = f"{shift.before:+.1f} → {shift.after:+.1f}"
        record["size"] = f"{shift.size:+.1f} [{shift.interval[0]:+.1f}, {shift.interval[1]:+.1f}]"
        record["sure"] = f"{shift.probability:.0%}"
        record["events"] = f"{shift.before_events} | {shift.after_events}"
        record["documents"] = f"{shift.before_documents} | {shift.after_documents}"
        records.append(record)
    columns = [("week", "from"), ("direction", "direction"), ("change", "before → after"), ("size", "size [90% interval]"),
               ("sure", "direction in bootstrap"), ("events", "events before | after"), ("documents", "documents before | after")]
    if records:
        write_table(records, columns, title=title)
    elif report.rejected:
        click.echo(f"{title}: no shift with enough evidence")
    else:
        click.echo(f"{title}: no shift (no change in level stands out from the period-to-period noise)")
    for shift in report.shifts:
        click.echo(f"Evidence for the shift of {shift.week.isoformat()} ({shift.direction}):")
        for event in shift.events:
            sentence = (event.get("sentence") or "").replace("\n", " ")
            click.echo(f"  {_evidence_line(event)}  {event.get('title') or event.get('doc_id') or ''}")
            if sentence:
                click.echo(f"      “{sentence[:160]}{'…' if len(sentence) > 160 else ''}”")
    for shift in report.rejected:
        click.echo(f"Not claimed: {shift.week.isoformat()} {shift.direction} ({shift.before:+.1f} → {shift.after:+.1f} per {unit}, "
                   f"{shift.before_events} | {shift.after_events} events): {shift.reason}")
    if report.left_out:
        click.echo(f"{report.left_out} event(s) dated outside the store's coverage were left out.")


@click.command("network")
@_db_option
@click.option("--since", type=DATE)
@click.option("--until", type=DATE)
@click.option("--min-events", type=int, default=1, show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Write GraphML (.graphml) or JSON; stdout JSON otherwise.")
def network_command(db, since, until, min_events, out) -> None:
    """The relations graph between countries, regions and organisations (directed edges: mean
    Goldstein and event count; domestic events are left out; nodes carry their kind and name).

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
        stderr.print(f"{graph.number_of_nodes()} actors, {graph.number_of_edges()} relations written to {out}")
    else:
        click.echo(json.dumps(nx.node_link_data(graph, edges="edges"), indent=1))


@click.command("sql")
@click.argument("query")
@_db_option
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
def sql_command(query, db, fmt) -> None:
    """Run read-only SQL over the store (tables: documents, mentions, mention_pairs, events).

    Only SELECT, EXPLAIN, PRAGMA and CALL statements run, on a connection that can reach no file
    but the store, no URL and no extension (COPY, ATTACH, INSTALL, read_text(...) are refused).

    \b
    Example:
      detente sql "SELECT cameo_root, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC"
    """
    from detente.store import Store
    from detente.store.database import run_query

    try:
        with Store(db, read_only=True, sandbox=True) as store:
            columns, rows = run_query(store, query)
    except DetenteError as error:
        raise click.ClickException(str(error)) from None
    records = [dict(zip(columns, row)) for row in rows]
    _emit(records, fmt, columns, "query")


@click.command("export")
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@_db_option
@click.option("--format", "fmt", type=click.Choice(["plover", "gdelt", "csv", "parquet"]), required=True,
              help="plover: PLOVER JSON Lines; gdelt: the 61-column GDELT 2.0 event table (tab-separated, "
                   "no header); csv, parquet: the events table.")
@click.option("--require-dyad", "--resolved-only", "require_dyad", is_flag=True,
              help="Keep only events whose actor and recipient are both known (no ---).")
@click.option("--header", is_flag=True, help="gdelt: write a header line of column names (GDELT files have none).")
@click.option("--evidence/--no-evidence", default=None,
              help="Add the document id, URL and evidence sentence of each event's first report "
                   "(default: on, except for gdelt, which keeps GDELT's 61 columns).")
def export_command(out, db, fmt, require_dyad, header, evidence) -> None:
    """Export the deduplicated events (PLOVER JSON Lines, GDELT 2.0 table, CSV or Parquet).

    \b
    Example:
      detente export events.parquet --format parquet
      detente export events.tsv --format gdelt --require-dyad --header
    """
    from detente.store.exports import export_events

    with _open(db, read_only=True) as store:
        try:
            result = export_events(store.con, fmt, out, require_dyad=require_dyad, header=header, evidence=evidence)
        except DetenteError as error:
            raise click.ClickException(str(error)) from None
    plural = {True: "event", False: "events"}
    stderr.print(f"{result.written} {plural[result.written == 1]} written to {out}", highlight=False)
    if require_dyad:
        stderr.print(f"{result.left_out} {plural[result.left_out == 1]} left out (actor or recipient unknown: ---)",
                     highlight=False)
