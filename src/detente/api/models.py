"""Request and response models of the HTTP API (validated by pydantic)."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field, RootModel, field_validator, model_validator

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


class MentionPage(BaseModel):
    """A page of mentions: ``total`` counts every mention that matches, ``items`` holds the coded
    records (the ``detente code`` output) with the document's ``title`` and ``url``."""

    total: int = Field(description="Mentions matching the filters (all pages).")
    limit: int
    offset: int
    items: list[dict]


class Event(BaseModel):
    """One event as the store counts it: the reports of one (actor, recipient, CAMEO code) merged
    by the deduplication rule (a row of the ``events`` table)."""

    event_key: str
    date: dt.date
    actor_code: str | None
    actor_country: str | None
    recipient_code: str | None
    recipient_country: str | None
    cameo: str
    cameo_root: str | None
    quad_class: int | None
    goldstein: float | None
    plover_event: str | None
    location_country: str | None
    lat: float | None
    lon: float | None
    num_mentions: int | None = Field(description="Reports merged into this event.")
    num_documents: int | None
    num_sources: int | None = Field(description="Distinct outlets behind the event.")
    first_seen: dt.datetime | None = Field(description="When the first report was stored (UTC).")
    last_seen: dt.datetime | None = Field(description="When the last report was stored (UTC).")
    source_url: str | None

    @field_validator("first_seen", "last_seen")
    @classmethod
    def utc(cls, value: dt.datetime | None) -> dt.datetime | None:
        """The store keeps UTC without a zone; RFC 3339 (OpenAPI's date-time) wants one."""
        return value.replace(tzinfo=dt.timezone.utc) if value is not None and value.tzinfo is None else value


class EventPage(BaseModel):
    """A page of events: ``total`` with no filter equals ``/api/stats``'s ``events``."""

    total: int = Field(description="Events matching the filters (all pages).")
    limit: int
    offset: int
    items: list[Event]


class CountryCount(BaseModel):
    country: str
    events: int = Field(description="Events with this country as actor or recipient (an event between two of its actors counts twice).")


class Stats(BaseModel):
    """What the store holds: ``events`` is the total of ``/api/events``, ``mentions`` that of ``/api/mentions``."""

    documents: int
    mentions: int = Field(description="Coded reports (one per sentence and event; all modalities): /api/mentions.")
    events: int = Field(description="Events counted once across reports (asserted mentions, deduplicated): /api/events.")
    first_date: dt.date | None
    last_date: dt.date | None
    countries: list[CountryCount] = Field(description="The 30 countries in most events.")


def errors(*codes: int) -> dict[int | str, dict]:
    """OpenAPI ``responses`` entries for these error statuses."""
    described = {
        400: "Bad request.", 401: "Missing or wrong token.", 403: "Refused: the server is read-only, does not fetch URLs, or the URL is not public.",
        404: "Not found.", 409: "The store is being written by another process; retry.", 413: "Request body too large.",
    }
    return {code: {"model": ErrorResponse, "description": described[code]} for code in codes}


class StoredDocument(BaseModel):
    """A stored document with its mentions (the coded records, offsets into ``text``)."""

    doc_id: str
    url: str | None
    title: str | None
    source: str | None
    date: dt.date | None = Field(description="Publication date (the store's `published` column).")
    language: str | None
    ingested_at: str | None = Field(description="When it was stored: ISO 8601, UTC.")
    text: str | None
    events: list[dict] = Field(description="Its mentions, in text order (the `detente code` records).")


class DyadPeriod(BaseModel):
    """Events of one direction of a relationship in one period (asserted events, deduplicated)."""

    period: dt.date
    source: str
    target: str
    events: int
    verbal_cooperation: int
    material_cooperation: int
    verbal_conflict: int
    material_conflict: int
    goldstein_sum: float
    goldstein_mean: float
    weight: float = Field(0.0, description="Sum of the events' weights (outlets reporting them, by default).")
    net_cooperation: float = Field(0.0, description="Weighted sum of Goldstein scores.")


class ShiftPoint(BaseModel):
    """A change of the relationship's net cooperation, claimed or not, with its evidence."""

    week: dt.date = Field(description="The first period of the new level (a week, or a day when searched by day).")
    direction: str = Field(description="'towards conflict' or 'towards cooperation'.")
    before: float
    after: float
    size: float = Field(description="after - before")
    interval: list[float] = Field(description="90% bootstrap interval of the size.")
    probability: float = Field(description="Share of bootstrap replicates with the same direction.")
    before_events: int
    after_events: int
    before_documents: int
    after_documents: int
    before_start: dt.date | None
    after_end: dt.date | None
    claimed: bool
    reason: str | None = Field(description="Why a candidate was not claimed.")
    events: list[dict] = Field(description="Evidence events around the change.")


class SeriesPoint(BaseModel):
    period: dt.date
    net_cooperation: float
    events: int


class Relationship(BaseModel):
    """The shift report of a relationship: its series, the shifts claimed and the candidates rejected."""

    a: str
    b: str
    by: str
    left_out: int = Field(description="Events of the dyad dated outside the store's coverage.")
    series: list[SeriesPoint]
    shifts: list[ShiftPoint]
    rejected: list[ShiftPoint]
    a_label: str
    b_label: str


class OverviewWeek(BaseModel):
    period: dt.date | None
    events: int
    net_cooperation: float


class OverviewDyad(BaseModel):
    a: str
    b: str
    a_label: str
    b_label: str
    events: int
    net_cooperation: float
    last_date: dt.date | None
    weeks: list[OverviewWeek]


class Overview(BaseModel):
    """What the store holds and its most active relationships (the dashboard's start page)."""

    documents: int
    mentions: int
    events: int
    first_date: dt.date | None
    last_date: dt.date | None
    first_published: dt.date | None
    last_published: dt.date | None
    resolved_events: int
    resolved_share: float | None = Field(description="Share of events with both sides resolved to a country.")
    dyads: list[OverviewDyad]


class CameoName(BaseModel):
    name: str
    goldstein: float | None
    quad_class: int | None


class Cameo(RootModel[dict[str, CameoName]]):
    """Every CAMEO event code with its name, Goldstein score and quad class."""


class NetworkNode(BaseModel):
    id: str
    kind: str | None = None  # country, region, igo, ngo, other
    name: str | None = None
    label: str | None = None


class NetworkEdge(BaseModel):
    source: str
    target: str
    events: int
    goldstein_mean: float
    goldstein_sum: float


class Network(BaseModel):
    """The country-relations graph in networkx's node-link form."""

    directed: bool
    multigraph: bool
    graph: dict
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]
