"""Request and response models of the HTTP API (validated by pydantic)."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, Field, model_validator

MAX_TEXT = 200_000


class CodeRequest(BaseModel):
    text: str | None = Field(None, max_length=MAX_TEXT, description="Article text (or give url).")
    url: str | None = Field(None, max_length=2000, pattern=r"^https?://[A-Za-z0-9._~:/?#\[\]@!$&'()*+,;=%-]+$", description="Web page to fetch and code.")
    date: dt.date | None = Field(None, description="Publication date: the reference for relative dates.")
    title: str | None = Field(None, max_length=1000)

    @model_validator(mode="after")
    def one_source(self) -> CodeRequest:
        if not (self.text and self.text.strip()) and not self.url:
            raise ValueError("give 'text' or 'url'")
        return self


class DocumentRequest(CodeRequest):
    id: str | None = Field(None, max_length=200, pattern=r"^[\w.:\-]+$", description="Stable document id (default: a hash).")
    source: str | None = Field(None, max_length=200)
    language: str | None = Field(None, max_length=20)


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
