"""Choosing where coding runs: in this process, a process pool, or a Dask cluster."""

from __future__ import annotations

import click

from detente.errors import DetenteError
from detente.settings import Settings


def workers_option(func):
    from detente.scale import default_workers

    func = click.option(
        "--dask", "dask_address", metavar="local|tcp://HOST:8786",
        help="Code on a Dask cluster: 'local' starts one here; else the scheduler's address.",
    )(func)
    return click.option(
        "--workers", type=click.IntRange(1, 512), default=default_workers, show_default="all cores ($DETENTE_WORKERS)",
        help="Worker processes (each loads the pipeline once).",
    )(func)


def make_coder(settings: Settings, *, workers: int, dask_address: str | None, prefilter: bool | None = None):
    try:
        if dask_address:
            from detente.scale.cluster import DaskCoder

            return DaskCoder(dask_address, settings=settings, workers=workers, prefilter=prefilter)
        if workers > 1:
            from detente.scale import ProcessPoolCoder

            return ProcessPoolCoder(settings, workers=workers, prefilter=prefilter)
        from detente.coder import Coder

        return Coder(settings, prefilter=prefilter)
    except DetenteError as error:
        raise click.ClickException(str(error)) from None
