"""``detente serve``: the HTTP API and the dashboard (uvicorn)."""

from __future__ import annotations

import os
from pathlib import Path

import click

from detente.cli.output import stderr
from detente.errors import DetenteError
from detente.settings import DEFAULT_MODEL, Settings


@click.command("serve")
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), envvar="DETENTE_DB", help="Store file.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to bind (the default accepts local connections only).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--writable", is_flag=True, help="Accept POST /api/documents (with the token). Otherwise the store is opened read-only.")
@click.option("--token", envvar="DETENTE_TOKEN", help="Token for endpoints that write ($DETENTE_TOKEN); generated and printed if unset.")
@click.option("--fetch-urls", is_flag=True, help="Let requests give a URL to fetch (public addresses only, 5 MB, 20 s); off by default.")
@click.option("--max-body", default=1_000_000, show_default=True, type=click.IntRange(1_000, 50_000_000), help="Largest request body in bytes.")
@click.option("--model", default=DEFAULT_MODEL, show_default=True)
@click.option("--actors", "actor_files", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
def serve_command(db, host, port, writable, token, fetch_urls, max_body, model, actor_files) -> None:
    """Serve the HTTP API (OpenAPI at /docs) and the web dashboard at /.

    The store is opened read-only, so `detente sql`, `dyad` and `export` work while it runs;
    with --writable, each write holds the store only while it writes.

    \b
    Examples:
      detente serve --db news.duckdb --port 8000
      detente serve --db news.duckdb --writable --token "$DETENTE_TOKEN"
    """
    import uvicorn

    from detente.api import ApiSettings, create_app
    from detente.store import Store

    try:  # fail now, clearly, rather than on the first request
        with Store(db, read_only=not writable):
            pass
    except DetenteError as error:
        raise click.ClickException(str(error)) from None
    config = ApiSettings(db=db, token=token, max_body=max_body, writable=writable, fetch_urls=fetch_urls,
                         settings=Settings(model=model, actor_files=tuple(actor_files)))
    if writable and not token:
        stderr.print(f"write token (send as 'Authorization: Bearer …'): [bold]{config.token}[/bold]")
    if host not in ("127.0.0.1", "localhost", "::1"):
        stderr.print(f"[yellow]warning[/yellow]: listening on {host}: other machines can reach this server")
    stderr.print(f"dashboard: http://{host}:{port}/   API docs: http://{host}:{port}/docs   "
                 f"({'writable' if writable else 'read-only'}{', fetches URLs' if fetch_urls else ''})")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    uvicorn.run(create_app(config), host=host, port=port, log_level="warning")
