"""The FastAPI application: the library's functions over HTTP, and the dashboard.

Reads (events, mentions, documents, dyads, shifts, network, stats) are open and go through a read-only
connection, so other processes can read the store while the server runs. Writes (POST
/api/documents) need the token, given as ``Authorization: Bearer TOKEN`` or ``X-Detente-Token``,
and a server started with writes enabled. Bodies over ``max_body`` bytes get 413 (chunked or
not); unknown fields get 422; SQL is always parameterised. Errors answer ``{"detail": "..."}``;
validation errors (422) answer ``{"detail": [{"loc": [...], "msg": "...", "type": "..."}]}``.

Routers, one per resource, are included here.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from detente.api import code, dashboard, documents, events, mentions, overview, relations, stats
from detente.api.models import errors
from detente.api.security import BodyLimit
from detente.api.state import ApiSettings, ApiState
from detente.errors import DetenteError

MAX_ECHO = 80  # characters of a rejected value echoed back in a 422


def create_app(config: ApiSettings | None = None, *, coder=None) -> FastAPI:
    config = config or ApiSettings()
    app = FastAPI(
        title="detente",
        version="0.1.0",
        description="Event data from news about politics and international relations.",
        responses=errors(413),
    )
    app.state.detente = ApiState(config, coder)
    app.add_middleware(BodyLimit, max_body=config.max_body)

    @app.exception_handler(DetenteError)
    async def detente_error(request: Request, error: DetenteError) -> JSONResponse:
        if error.http_status == 422:  # the documented validation-error shape
            return JSONResponse({"detail": [{"loc": ["body"], "msg": str(error), "type": "value_error"}]}, status_code=422)
        return JSONResponse({"detail": str(error)}, status_code=error.http_status)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, error: RequestValidationError) -> JSONResponse:
        return JSONResponse({"detail": [_short(e) for e in error.errors()[:20]]}, status_code=422)

    for module in (code, documents, events, mentions, overview, relations, stats, dashboard):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=dashboard.WEB), name="static")
    return app


def _short(error: dict) -> dict:
    """A validation error without the (possibly huge) input echoed whole."""
    item = {"loc": list(error.get("loc", ())), "msg": str(error.get("msg", ""))[:300], "type": str(error.get("type", ""))}
    if "input" in error:
        shown = repr(error["input"])
        item["input"] = shown if len(shown) <= MAX_ECHO else shown[:MAX_ECHO] + f"… ({len(shown):,} characters)"
    return item
