"""The FastAPI application: the library's functions over HTTP, and the dashboard.

Reads (events, documents, dyads, shifts, network, stats) are open; writes (POST
/api/documents) need the token, given as ``Authorization: Bearer TOKEN`` or ``X-Detente-Token``.
Requests over ``max_body`` bytes are refused with 413; SQL is always parameterised.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import secrets
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated

from fastapi import Depends, FastAPI, Header, HTTPException, Path as PathParam, Query, Request
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from detente.api.models import CodeRequest, CodeResponse, DocumentRequest, IngestResponse, Page
from detente.errors import DetenteError
from detente.ingest.documents import Document
from detente.settings import Settings

WEB = Path(__file__).resolve().parents[1] / "web" / "static"


@dataclass
class ApiSettings:
    db: Path | None = None
    token: str | None = None
    max_body: int = 1_000_000
    settings: Settings = field(default_factory=Settings)

    def __post_init__(self) -> None:
        if not self.token:
            self.token = secrets.token_urlsafe(24)


class _State:
    """The loaded coder and the store connection, shared by requests (writes serialised)."""

    def __init__(self, config: ApiSettings, coder=None) -> None:
        self.config = config
        self._coder = coder
        self._store = None
        self.lock = threading.RLock()

    @property
    def coder(self):
        with self.lock:
            if self._coder is None:
                from detente.coder import Coder

                self._coder = Coder(self.config.settings)
            return self._coder

    @property
    def store(self):
        with self.lock:
            if self._store is None:
                from detente.store import Store

                self._store = Store(self.config.db)
            return self._store

    def cursor(self):
        return self.store.con.cursor()


def create_app(config: ApiSettings | None = None, *, coder=None) -> FastAPI:
    config = config or ApiSettings()
    state = _State(config, coder)
    app = FastAPI(
        title="detente",
        version="0.1.0",
        description="Event data from news about politics and international relations.",
    )
    app.state.detente = state

    @app.middleware("http")
    async def limit_body(request: Request, call_next):
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > config.max_body):
            return JSONResponse({"detail": f"request body over {config.max_body} bytes"}, status_code=413)
        return await call_next(request)

    @app.exception_handler(DetenteError)
    async def detente_error(request: Request, error: DetenteError):
        return JSONResponse({"detail": str(error)}, status_code=error.http_status)

    def require_token(
        authorization: Annotated[str | None, Header()] = None,
        x_detente_token: Annotated[str | None, Header()] = None,
    ) -> None:
        given = x_detente_token or (authorization[7:] if authorization and authorization.lower().startswith("bearer ") else None)
        if not given or not secrets.compare_digest(given, config.token):
            raise HTTPException(401, "missing or wrong token: send 'Authorization: Bearer TOKEN'")

    def document_of(body: CodeRequest, doc_id: str | None = None) -> Document:
        if body.url and not body.text:
            from detente.ingest.web import fetch_page, make_client

            with make_client() as client:
                fetched = fetch_page(client, body.url, date=body.date)
            return Document(id=doc_id or fetched.id, text=fetched.text, date=body.date or fetched.date,
                            title=body.title or fetched.title, url=body.url, source=fetched.source)
        text = body.text.replace("\r\n", "\n")
        digest = hashlib.sha1(text.encode()).hexdigest()[:16]
        return Document(id=doc_id or f"doc-{digest}", text=text, date=body.date, title=body.title, url=body.url)

    @app.post("/api/code", response_model=CodeResponse, tags=["coding"])
    def code(body: CodeRequest) -> CodeResponse:
        """Code an article (text or URL); nothing is stored."""
        document = document_of(body)
        [(document, doc)] = list(state.coder.parse([document]))
        from detente.coder import with_metadata

        events = [with_metadata(e, document) for e in doc._.events or ()]
        actors = [m.as_record(document.id) for m in doc._.actors or ()]
        return CodeResponse(doc_id=document.id, text=document.text, events=events, actors=actors)

    @app.post("/api/documents", response_model=IngestResponse, status_code=201, tags=["store"], dependencies=[Depends(require_token)])
    def ingest(body: DocumentRequest) -> IngestResponse:
        """Code an article and add it to the store (needs the token)."""
        from detente.store import ingest_documents

        base = document_of(body, body.id)
        document = Document(id=base.id, text=base.text, date=base.date, title=base.title, url=base.url,
                            source=body.source or base.source, language=body.language)
        statuses: list[str] = []
        store, coder = state.store, state.coder
        with state.lock:  # one writer at a time
            report = ingest_documents(store, coder, [document], on_document=lambda d, s: statuses.append(s))
        return IngestResponse(doc_id=document.id, status=statuses[0] if statuses else "unchanged", events=report.mentions)

    @app.get("/api/events", response_model=Page, tags=["store"])
    def events(
        actor: Annotated[str | None, Query(max_length=12, pattern=r"^[A-Za-z0-9-]+$")] = None,
        recipient: Annotated[str | None, Query(max_length=12, pattern=r"^[A-Za-z0-9-]+$")] = None,
        country: Annotated[str | None, Query(max_length=3, pattern=r"^[A-Za-z]{3}$")] = None,
        cameo: Annotated[str | None, Query(max_length=4, pattern=r"^\d{2,4}$")] = None,
        plover: Annotated[str | None, Query(max_length=20, pattern=r"^[A-Za-z_]+$")] = None,
        modality: Annotated[str | None, Query(pattern=r"^(asserted|negated|hypothetical|future)$")] = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        q: Annotated[str | None, Query(max_length=200)] = None,
        sort: Annotated[str, Query(pattern=r"^-?(date|goldstein|cameo|confidence)$")] = "-date",
        limit: Annotated[int, Query(ge=1, le=500)] = 50,
        offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    ) -> Page:
        """Coded events (one per report), filtered and paginated."""
        clauses, params = [], []
        if actor:
            clauses.append("EXISTS (SELECT 1 FROM mention_pairs p WHERE p.mention_id = m.mention_id AND (p.actor_code = ? OR p.actor_country = ?))")
            params += [actor.upper(), actor.upper()]
        if recipient:
            clauses.append("EXISTS (SELECT 1 FROM mention_pairs p WHERE p.mention_id = m.mention_id AND (p.recipient_code = ? OR p.recipient_country = ?))")
            params += [recipient.upper(), recipient.upper()]
        if country:
            clauses.append("EXISTS (SELECT 1 FROM mention_pairs p WHERE p.mention_id = m.mention_id AND (p.actor_country = ? OR p.recipient_country = ?))")
            params += [country.upper(), country.upper()]
        if cameo:
            clauses.append("(m.cameo = ? OR m.cameo_root = ?)" if len(cameo) > 2 else "m.cameo_root = ?")
            params += [cameo, cameo] if len(cameo) > 2 else [cameo]
        if plover:
            clauses.append("m.plover_event = ?")
            params.append(plover.upper())
        if modality:
            clauses.append("m.modality = ?")
            params.append(modality)
        if since:
            clauses.append("m.date >= ?")
            params.append(since)
        if until:
            clauses.append("m.date <= ?")
            params.append(until)
        if q:
            clauses.append("(m.sentence ILIKE ? OR d.title ILIKE ?)")
            params += [f"%{q}%", f"%{q}%"]
        where = " AND ".join(clauses) or "TRUE"
        column = sort.lstrip("-")
        order = f"m.{column} {'DESC' if sort.startswith('-') else 'ASC'} NULLS LAST, m.mention_id"
        cursor = state.cursor()
        total = cursor.execute(f"SELECT count(*) FROM mentions m JOIN documents d USING (doc_id) WHERE {where}", params).fetchone()[0]
        rows = cursor.execute(
            f"SELECT m.record, d.title, d.url FROM mentions m JOIN documents d USING (doc_id) WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?",
            [*params, limit, offset],
        ).fetchall()
        items = []
        for record, title, url in rows:
            item = json.loads(record)
            item["title"], item["url"] = title, url
            items.append(item)
        return Page(total=total, limit=limit, offset=offset, items=items)

    @app.get("/api/documents/{doc_id}", tags=["store"])
    def document(doc_id: Annotated[str, PathParam(max_length=200)]) -> dict:
        """A stored document: text, metadata, and its events with offsets."""
        cursor = state.cursor()
        row = cursor.execute(
            "SELECT doc_id, url, title, source, published, language, ingested_at, text FROM documents WHERE doc_id = ?", [doc_id]
        ).fetchone()
        if row is None:
            raise HTTPException(404, f"no document {doc_id!r}")
        keys = ("doc_id", "url", "title", "source", "date", "language", "ingested_at", "text")
        result = {k: (v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v) for k, v in zip(keys, row)}
        records = cursor.execute("SELECT record FROM mentions WHERE doc_id = ? ORDER BY start_char, mention_id", [doc_id]).fetchall()
        result["events"] = [json.loads(r[0]) for r in records]
        return result

    def _pair(a: str, b: str) -> tuple[str, str]:
        for code in (a, b):
            if not code.isalnum() or not 2 <= len(code) <= 12:
                raise HTTPException(422, f"{code!r} is not a country code")
        return a.upper(), b.upper()

    @app.get("/api/dyads/{a}/{b}", tags=["analytics"])
    def dyad(a: str, b: str, since: dt.date | None = None, until: dt.date | None = None,
             by: Annotated[str, Query(pattern=r"^(day|week|month)$")] = "week") -> list[dict]:
        """The A–B relationship by period, both directions."""
        from detente.analytics import dyad_series

        a, b = _pair(a, b)
        return [r.as_dict() for r in dyad_series(state.cursor(), a, b, since=since, until=until, by=by)]

    @app.get("/api/shifts/{a}/{b}", tags=["analytics"])
    def shifts(a: str, b: str, since: dt.date | None = None, until: dt.date | None = None,
               penalty: Annotated[float | None, Query(gt=0, le=1e6)] = None) -> list[dict]:
        """Change points of the weekly Goldstein series of the A–B relationship."""
        from detente.analytics import detect_shifts

        a, b = _pair(a, b)
        return [s.as_dict() for s in detect_shifts(state.cursor(), a, b, since=since, until=until, penalty=penalty)]

    @app.get("/api/network", tags=["analytics"])
    def network(since: dt.date | None = None, until: dt.date | None = None,
                min_events: Annotated[int, Query(ge=1, le=1_000_000)] = 1) -> dict:
        """The country-relations graph: nodes and weighted edges."""
        import networkx as nx

        from detente.analytics import relations_graph

        graph = relations_graph(state.cursor(), since=since, until=until, min_events=min_events)
        return nx.node_link_data(graph, edges="edges")

    @app.get("/api/stats", tags=["store"])
    def stats() -> dict:
        """Counts and date range of the store."""
        cursor = state.cursor()
        counts = {t: cursor.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("documents", "mentions", "events")}
        first, last = cursor.execute("SELECT min(date), max(date) FROM events").fetchone()
        countries = cursor.execute(
            "SELECT c, count(*) FROM (SELECT actor_country c FROM events UNION ALL SELECT recipient_country FROM events) "
            "WHERE c IS NOT NULL GROUP BY c ORDER BY 2 DESC, 1 LIMIT 30"
        ).fetchall()
        return {**counts, "first_date": first.isoformat() if first else None, "last_date": last.isoformat() if last else None,
                "countries": [{"country": c, "events": n} for c, n in countries]}

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(WEB / "index.html")

    app.mount("/static", StaticFiles(directory=WEB), name="static")

    @app.get("/vendor/plotly.min.js", include_in_schema=False)
    def plotly_js() -> FileResponse:
        import plotly

        return FileResponse(Path(plotly.__file__).parent / "package_data" / "plotly.min.js", media_type="application/javascript")

    return app
