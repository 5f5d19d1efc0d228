"""Guards shared by the routers: the write token and the request body limit."""

from __future__ import annotations

import json
import secrets
from typing import Annotated

from fastapi import Depends, Header, HTTPException, Request

from detente.api.state import ApiState


def get_state(request: Request) -> ApiState:
    return request.app.state.detente


def require_token(
    state: Annotated[ApiState, Depends(get_state)],
    authorization: Annotated[str | None, Header()] = None,
    x_detente_token: Annotated[str | None, Header()] = None,
) -> None:
    """The token as ``Authorization: Bearer TOKEN`` or ``X-Detente-Token: TOKEN`` (compared in
    constant time, as bytes: a header may hold any character)."""
    given = x_detente_token
    if given is None and authorization and authorization[:7].lower() == "bearer ":
        given = authorization[7:].strip()
    expected = state.config.token or ""
    if not given or not secrets.compare_digest(given.encode("utf-8", "surrogateescape"), expected.encode("utf-8")):
        raise HTTPException(401, "missing or wrong token: send 'Authorization: Bearer TOKEN'", headers={"WWW-Authenticate": "Bearer"})


def require_writable(state: Annotated[ApiState, Depends(get_state)]) -> None:
    if not state.config.writable:
        raise HTTPException(403, "this server is read-only; the operator can start it with `detente serve --writable`")


class BodyLimit:
    """ASGI middleware: a request body over ``max_body`` bytes gets 413, whether it announces its
    length or is sent in chunks (the body is counted as it arrives, and never held past the limit)."""

    def __init__(self, app, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope["headers"]:
            if name == b"content-length" and (not value.isdigit() or int(value) > self.max_body):
                await self._refuse(send)
                return
        messages, size = [], 0
        while True:
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request":
                break
            size += len(message.get("body", b""))
            if size > self.max_body:
                await self._refuse(send)
                return
            if not message.get("more_body", False):
                break

        async def replay():
            return messages.pop(0) if messages else await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, send) -> None:
        body = json.dumps({"detail": f"request body over {self.max_body} bytes"}).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                                (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})
