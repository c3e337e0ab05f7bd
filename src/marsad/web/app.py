"""The FastAPI application: a JSON API under /api and the Arabic web pages, over one corpus.

`create_app(backend)` builds it; `marsad serve` runs it with uvicorn. Each view's data is
computed once by the Backend (`backend.py`) from parameters read by one parser
(`params.py`), and rendered here as JSON or by `pages.py` as HTML. Errors are JSON
`{"error": message}` with the right status, never a stack trace (pages answer with an
error page). Writes need the
operator's token (`MARSAD_API_TOKEN`, sent as `Authorization: Bearer TOKEN`); with no token
set, writes are refused.
"""
from __future__ import annotations

import hmac
import json
import logging
import os
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..corpus.snippets import rendered
from ..errors import InputError, MarsadError
from ..options import Options
from . import params
from .params import BadParam

log = logging.getLogger("marsad.api")  # the name operators' logging set-ups know
WEB_DIR = Path(__file__).parent
MAX_BODY = int(os.environ.get("MARSAD_MAX_BODY", 2 * 1024 * 1024))  # bytes per analyse/ingest request
MAX_LIMIT = 100
CSP = ("default-src 'none'; style-src 'self'; font-src 'self'; img-src 'self' data:; form-action 'self'; "
       "base-uri 'none'; frame-ancestors 'none'")


class ErrorBody(BaseModel):
    error: str
    status: int


def _errors(*codes: int) -> dict:
    text = {400: "bad request (the message says what)", 401: "missing or wrong token", 403: "writes are disabled",
            404: "unknown id", 413: "request body too large"}
    return {c: {"model": ErrorBody, "description": text[c]} for c in codes}


class ApiError(Exception):
    def __init__(self, status: int, message: str, headers: dict | None = None):
        super().__init__(message)
        self.status, self.message, self.headers = status, message, headers


def _err(status: int, message: str, headers: dict | None = None) -> JSONResponse:
    return JSONResponse({"error": message, "status": status}, status_code=status, headers=headers)


_BODY_DOC = {
    "requestBody": {
        "required": True,
        "description": "A text scrape, an HTML page, or a JSON record "
                       '{"text"|"html", "title", "url", "published", "author", "id"}.',
        "content": {
            "text/plain": {"schema": {"type": "string", "minLength": 1}},
            "text/html": {"schema": {"type": "string", "minLength": 1}},
            "application/json": {"schema": {"type": "object", "properties": {
                "text": {"type": "string"}, "html": {"type": "string"}, "title": {"type": "string"},
                "url": {"type": "string"}, "published": {"type": "string"}, "author": {"type": "string"},
                "id": {"type": "string"}}}},
        },
    }
}

Limit = Query(20, ge=1, le=MAX_LIMIT, description="page size")
Offset = Query(0, ge=0, le=1_000_000, description="results to skip")


DAY = {"pattern": r"^\d{4}-\d\d-\d\d$", "json_schema_extra": {"format": "date"}}
TZ = Query(None, max_length=64, description="IANA zone for datelines without an offset")
PUBLISHED = Query(None, max_length=64, description="reference time (ISO 8601)")


def _json(d: dict) -> JSONResponse:
    """A JSON response as is: FastAPI's validation of a returned dict walks it in Python (~10 ms per article)."""
    return JSONResponse(d)


def _page(d: dict, limit: int, offset: int) -> JSONResponse:
    return _json({**d, "limit": limit, "offset": offset})


async def _read_body(request: Request, max_body: int) -> bytes:
    """The request body, refusing more than `max_body` bytes without reading it all."""
    cl = request.headers.get("content-length")
    if cl and cl.isdigit() and int(cl) > max_body:
        raise ApiError(413, f"request body is {int(cl)} bytes; the limit is {max_body}")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > max_body:
            raise ApiError(413, f"request body is over the limit of {max_body} bytes")
        chunks.append(chunk)
    data = b"".join(chunks)
    if not data.strip():
        raise ApiError(400, "empty request body: send a text, an HTML page or a JSON record")
    return data


def _raw_document(data: bytes, content_type: str):
    """One RawDocument from a request body, by its declared type (or by sniffing)."""
    from ..read import read_bytes
    from ..read.jsonl import BadRecord, record_to_raw

    ctype = content_type.split(";")[0].strip().lower()
    if ctype in ("application/json", "application/x-ndjson") or ctype.endswith("+json"):
        try:
            rec = json.loads(data.decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError) as e:
            raise ApiError(400, f"malformed JSON: {getattr(e, 'msg', None) or 'not UTF-8'}") from None
        try:
            return record_to_raw(rec, "body")
        except BadRecord as e:
            raise ApiError(400, str(e).removeprefix("body: ")) from None
    kind = {"text/plain": "text", "text/html": "html", "application/xhtml+xml": "html"}.get(ctype)
    try:
        docs = list(read_bytes(data, name="body", kind=kind))
    except InputError as e:
        raise ApiError(400, str(e)) from None
    docs = [d for d in docs if not isinstance(d, InputError)]
    if len(docs) != 1:
        raise ApiError(400, f"expected one article in the body, found {len(docs)}")
    return docs[0]


def _options(tz: str | None, published: str | None) -> Options:
    """The run's options from the query, checked before the body is read (REST spelling: no "--")."""
    try:
        return Options.checked(tz, published, flag="")
    except MarsadError as e:
        raise ApiError(400, str(e)) from None


def _analyze(data: bytes, content_type: str, opts: Options):
    """The Article of a request body, analysed with the request's options."""
    from ..analysis import analyze

    raw = _raw_document(data, content_type)
    try:
        art = analyze(raw, options=opts)
    except MarsadError as e:
        raise ApiError(400, str(e)) from None
    if not art.text.strip():
        raise ApiError(400, "no article text found in the body")
    return art


def api_router(get_backend, token: str | None, max_body: int) -> APIRouter:
    """The JSON routes: the writes (analyse, store), then the reads of each view."""
    r = APIRouter(prefix="/api", responses=_errors(400))
    _write_routes(r, get_backend, token, max_body)
    _lookup_routes(r, get_backend)
    _list_routes(r, get_backend)
    return r


def _need(obj: Any, what: str, key: str):
    if obj is None:
        raise ApiError(404, f"no {what} with id {key!r}")
    return obj


def _check_token(request: Request, token: str | None) -> None:
    if not token:
        raise ApiError(403, "writes are disabled: the operator has not set MARSAD_API_TOKEN")
    auth = request.headers.get("authorization", "")
    given = auth[7:].strip() if auth.lower().startswith("bearer ") else request.headers.get("x-marsad-token", "")
    if not given or not hmac.compare_digest(given.encode(), token.encode()):
        raise ApiError(401, "missing or wrong token (send Authorization: Bearer TOKEN)",
                       {"WWW-Authenticate": 'Bearer realm="marsad"'})


def _write_routes(r: APIRouter, get_backend, token: str | None, max_body: int) -> None:
    @r.post("/analyze", openapi_extra=_BODY_DOC, summary="Analyse one article (not stored)",
            responses=_errors(413))
    async def analyze_endpoint(request: Request, tz: str | None = TZ, published: str | None = PUBLISHED) -> dict:
        data = await _read_body(request, max_body)
        opts = _options(tz, published)  # after the body's size check, as before: a 413 outranks a bad option
        art = await run_in_threadpool(_analyze, data, request.headers.get("content-type", ""), opts)
        return _json(art.to_dict())

    @r.post("/articles", openapi_extra=_BODY_DOC, status_code=201, summary="Analyse and store one article (token)",
            responses={200: {"description": "already stored (same id, URL or text): nothing changed"},
                       **_errors(401, 403, 413)})
    async def ingest_endpoint(request: Request, tz: str | None = TZ, published: str | None = PUBLISHED) -> dict:
        _check_token(request, token)
        data = await _read_body(request, max_body)
        opts = _options(tz, published)  # after the body's size check, as before: a 413 outranks a bad option
        art = await run_in_threadpool(_analyze, data, request.headers.get("content-type", ""), opts)
        added = await run_in_threadpool(get_backend().add, art)
        body = {"id": art.id, "added": added, "title": art.title, "url": "/articles/" + quote(art.id, safe="")}
        return JSONResponse(body, status_code=201 if added else 200)


# The reads: each view's data from the Backend, as JSON; parameters read by `params`, as the pages read them.
def _lookup_routes(r: APIRouter, get_backend) -> None:
    """An article, the search, and the entities."""
    S = params.SEARCH

    @r.get("/articles/{article_id:path}", summary="One stored article (the Article record)", responses=_errors(404))
    def article_endpoint(article_id: str) -> dict:
        return _json(_need(get_backend().article(article_id), "article", article_id).to_dict())

    @r.get("/search", summary="Search articles (any spelling of an entity finds the others)")
    def search_endpoint(q: str = Query("", max_length=S["q"]), entity: str | None = Query(None, max_length=S["entity"]),
                        speaker: str | None = Query(None, max_length=S["speaker"]),
                        topic: str | None = Query(None, max_length=S["topic"]),
                        source: str | None = Query(None, max_length=S["source"]),
                        date_from: str | None = Query(None, alias="from", description="first day (YYYY-MM-DD)", **DAY),
                        date_to: str | None = Query(None, alias="to", description="last day (YYYY-MM-DD)", **DAY),
                        limit: int = Limit, offset: int = Offset) -> dict:
        f = params.search({"q": q, "entity": entity, "speaker": speaker, "topic": topic, "source": source,
                           "from": date_from, "to": date_to}.get)
        res = get_backend().search(**params.search_args(f), limit=limit, offset=offset)
        for row in res["results"]:  # plain-text snippet in JSON: matches in [[…]]
            row["snippet"] = rendered(row.get("snippet"), "[[", "]]")
        return _page(res, limit, offset)

    @r.get("/entities", summary="Entities whose name (any spelling) matches q")
    def entities_endpoint(q: str = Query("", max_length=params.ENTITIES["q"]), limit: int = Limit,
                          offset: int = Offset) -> dict:
        f = params.texts(params.ENTITIES, {"q": q}.get)
        return _page(get_backend().entities(f["q"], limit=limit, offset=offset), limit, offset)

    @r.get("/entities/{entity_id:path}", responses=_errors(404),
           summary="An entity's profile: spellings, mentions per day, co-occurring entities, quotations")
    def entity_endpoint(entity_id: str) -> dict:
        return _json(_need(get_backend().entity(entity_id), "entity", entity_id))


def _list_routes(r: APIRouter, get_backend) -> None:
    """Quotations, events, stories, trends and counts."""
    Q, E = params.QUOTES, params.EVENTS

    @r.get("/quotes", summary="Quotations, by speaker and/or about an entity")
    def quotes_endpoint(speaker: str | None = Query(None, max_length=Q["speaker"]),
                        about: str | None = Query(None, max_length=Q["about"]),
                        q: str | None = Query(None, max_length=Q["q"]), limit: int = Limit, offset: int = Offset) -> dict:
        f = params.texts(Q, {"speaker": speaker, "about": about, "q": q}.get)
        return _page(get_backend().quotes(**params.none_if_blank(f), limit=limit, offset=offset), limit, offset)

    @r.get("/events", summary="Events, by actor and/or type")
    def events_endpoint(actor: str | None = Query(None, max_length=E["actor"]),
                        type: str | None = Query(None, max_length=E["type"]),
                        limit: int = Limit, offset: int = Offset) -> dict:
        f = params.texts(E, {"actor": actor, "type": type}.get)
        return _page(get_backend().events(**params.none_if_blank(f), limit=limit, offset=offset), limit, offset)

    @r.get("/stories", summary="Groups of near-duplicate articles across outlets")
    def stories_endpoint(limit: int = Limit, offset: int = Offset) -> dict:
        return _page(get_backend().stories(limit=limit, offset=offset), limit, offset)

    @r.get("/trends", summary="Mentions over time of one or more entities")
    def trends_endpoint(name: list[str] = Query(..., min_length=1, max_length=params.NAMES,
                                                description="entity names (any spelling), repeatable"),
                        by: str = Query("day", pattern="^(day|week|month)$")) -> dict:
        names, by = params.names(name), params.period(by)
        return _json(get_backend().trends(names, by=by) if names else {"by": by, "series": []})

    @r.get("/stats", summary="Counts of what the corpus holds")
    def stats_endpoint() -> dict:
        return _json(get_backend().stats())


def create_app(backend=None, *, token: str | None = None, max_body: int | None = None, db: str | None = None) -> FastAPI:
    """The app over `backend` (a web Backend), else over the corpus at `db` (default marsad.db)."""
    if backend is None:
        from .backend import corpus_backend

        backend = corpus_backend(db or "marsad.db")
    token = token if token is not None else (os.environ.get("MARSAD_API_TOKEN") or None)

    @asynccontextmanager
    async def lifespan(app):
        yield
        close = getattr(app.state.backend, "close", None)
        if close:
            close()  # the store's connection, when the server stops

    app = FastAPI(title="marsad", version=__version__, docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="Offline analysis of Arabic news: analyse an article, search a corpus, "
                              "entity profiles, quotations, events, stories and trends.")
    app.state.backend = backend
    _secure_headers(app)
    _error_handlers(app)
    app.include_router(api_router(lambda: app.state.backend, token, max_body or MAX_BODY))
    _openapi_without_422(app)
    app.mount("/static", StaticFiles(directory=WEB_DIR / "static"), name="static")
    from .pages import pages_router

    app.include_router(pages_router(lambda: app.state.backend))
    return app


def _secure_headers(app: FastAPI) -> None:
    @app.middleware("http")
    async def _headers(request: Request, call_next):
        # Defence in depth behind escaping: pages load nothing from elsewhere and run no script.
        resp = await call_next(request)
        resp.headers.setdefault("X-Content-Type-Options", "nosniff")
        if resp.headers.get("content-type", "").startswith("text/html"):
            resp.headers.setdefault("Content-Security-Policy", CSP)
        return resp


def _error_handlers(app: FastAPI) -> None:
    """Every error as {"error", "status"} JSON with its status, never a stack trace."""
    @app.exception_handler(ApiError)
    async def _api_error(request, exc: ApiError):
        return _err(exc.status, exc.message, exc.headers)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request, exc):
        msg = exc.detail if isinstance(exc.detail, str) else "error"
        if exc.status_code == 404 and msg == "Not Found":
            msg = f"no such page: {request.url.path}"
        return _err(exc.status_code, msg, getattr(exc, "headers", None))  # keeps Allow on 405

    @app.exception_handler(RequestValidationError)
    async def _bad_request(request, exc: RequestValidationError):
        parts = []
        for e in exc.errors()[:3]:
            where = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "path", "body"))
            parts.append(f"{where}: {e.get('msg')}" if where else str(e.get("msg")))
        return _err(400, "; ".join(parts) or "bad request")

    @app.exception_handler(BadParam)
    async def _bad_param(request: Request, exc: BadParam):
        if request.url.path.startswith("/api/"):
            return _err(400, str(exc))
        from .pages import error_page

        return error_page(request, str(exc))  # the pages read the same parameters: an HTML 400

    @app.exception_handler(MarsadError)
    async def _user_error(request, exc: MarsadError):
        return _err(400, str(exc))

    @app.exception_handler(Exception)
    async def _crash(request, exc):
        log.exception("unhandled error on %s", request.url.path)
        return _err(500, "internal error (logged on the server)")


def _openapi_without_422(app: FastAPI) -> None:
    """Invalid parameters answer 400 (see _bad_request), not FastAPI's 422: the spec says so."""
    _openapi = app.openapi

    def openapi() -> dict:
        if app.openapi_schema is None:
            spec = _openapi()
            for ops in spec.get("paths", {}).values():
                for op in ops.values():
                    op.get("responses", {}).pop("422", None)
            for name in ("HTTPValidationError", "ValidationError"):
                spec.get("components", {}).get("schemas", {}).pop(name, None)
        return app.openapi_schema

    app.openapi = openapi
