"""Request and response models of the HTTP API (validated by pydantic)."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

MAX_TEXT = 200_000


class CodeRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(None, max_length=MAX_TEXT, description="Article text (or give url).")
    url: str | None = Field(
        None, max_length=2000, pattern=r"^https?://[A-Za-z0-9._~:/?#\[\]@!$&'()*+,;=%-]+$",
        description="Web page to fetch and code when no text is given (only if the server fetches URLs; public addresses only).",
    )
    date: dt.date | None = Field(None, description="Publication date: the reference for relative dates.")
    title: str | None = Field(None, max_length=1000)

    @model_validator(mode="after")
    def one_source(self) -> CodeRequest:
        if not (self.text and self.text.strip()) and not self.url:
            raise ValueError("give 'text' or 'url'")
        return self


class DocumentRequest(CodeRequest):
    id: str | None = Field(
        None, min_length=1, max_length=200, pattern=r"^[\w.:~/-]+$",
        description="Stable document id (default: a hash); letters, digits and . : ~ / - _ (no '..' segment).",
    )
    source: str | None = Field(None, max_length=200)
    language: str | None = Field(None, max_length=20)

    @field_validator("id")
    @classmethod
    def no_traversal(cls, value: str | None) -> str | None:
        if value is not None and (value.startswith("/") or ".." in value.split("/")):
            raise ValueError("an id may not start with '/' or hold a '..' segment")
        return value


class ErrorResponse(BaseModel):
    """Every error other than a validation error (422): ``{"detail": "what went wrong"}``. A page
    that cannot be fetched is a 422 (``{"detail": [{"loc": ["body"], "msg": "...", "type": "value_error"}]}``)."""

    detail: str


class CodeResponse(BaseModel):
    doc_id: str
    text: str
    events: list[dict]
    actors: list[dict]


class IngestResponse(BaseModel):
    doc_id: str
    status: str
    events: int


class Page(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[dict]


def errors(*codes: int) -> dict[int | str, dict]:
    """OpenAPI ``responses`` entries for these error statuses."""
    described = {
        400: "Bad request.", 401: "Missing or wrong token.", 403: "Refused: the server is read-only, does not fetch URLs, or the URL is not public.",
        404: "Not found.", 409: "The store is being written by another process; retry.", 413: "Request body too large.",
    }
    return {code: {"model": ErrorResponse, "description": described[code]} for code in codes}
