"""The JSON API: the export contract's objects, one kind per endpoint, paged and filtered.

Paging: every listing takes ``?limit=`` (1-500, default 50) and ``?offset=`` and answers
``{"total": int, "limit": int, "offset": int, "items": [...]}`` where ``total`` counts every match.
Dates (``?since=``) are ISO 8601 (``2025-03-01`` or a full datetime); a malformed parameter is a 422
with a message, an unknown id a 404 ``{"detail": ...}``.
"""

from __future__ import annotations

import hmac
import json
from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, ValidationError, model_validator

from storyline.export import (
    article_record,
    event_record,
    family_record,
    quote_record,
    speaker_record,
    storyline_record,
)
from storyline.model import RawDocument
from storyline.settings import web as settings
from storyline.store.sqlite import Store
from storyline.web import queries
from storyline.web.render import BadDate, parse_since

# Endpoints return JSONResponse themselves: FastAPI's default path runs ``jsonable_encoder`` over every
# nested value, which took longer than the query itself for a page of 50 events (~120 kB).
router = APIRouter(prefix="/api", tags=["api"], default_response_class=JSONResponse)


# -- dependencies ----------------------------------------------------------------------------------
def reader(request: Request) -> Store:
    """This thread's read-only Store."""
    return request.app.state.db.proxy()


class Paging(BaseModel):
    limit: int
    offset: int


def paging(
    limit: Annotated[int, Query(ge=1, le=settings.API_MAX_LIMIT, description="items per page")] = (
        settings.API_DEFAULT_LIMIT
    ),
    offset: Annotated[int, Query(ge=0, description="items to skip")] = 0,
) -> Paging:
    return Paging(limit=limit, offset=offset)


def since_param(
    since: Annotated[str | None, Query(description="ISO 8601 date or datetime; newer items only")] = None,
) -> str | None:
    try:
        return parse_since(since)
    except BadDate as exc:
        raise HTTPException(status_code=422, detail=f"since: {exc}") from None


StoreDep = Annotated[Store, Depends(reader)]
PagingDep = Annotated[Paging, Depends(paging)]
SinceDep = Annotated[str | None, Depends(since_param)]
Text = Annotated[str | None, Query(max_length=500)]


def _page(page: queries.Page, paging: Paging, items: list[Any]) -> dict[str, Any]:
    return {"total": page.total, "limit": paging.limit, "offset": paging.offset, "items": items}


def _not_found(kind: str, ident: str) -> HTTPException:
    return HTTPException(status_code=404, detail=f"no {kind} with id {ident[:100]!r}")


# -- articles --------------------------------------------------------------------------------------
@router.get("/articles", summary="Articles, newest first")
def list_articles(
    store: StoreDep, page: PagingDep, since: SinceDep, outlet: Text = None, speaker: Text = None,
    q: Text = None, event: Text = None,
) -> JSONResponse:
    """Article records (``passages`` is filled only by ``/api/articles/{id}``). ``q`` is full-text."""
    found = queries.articles_page(
        store.conn, outlet=outlet, since=since, q=q, event=event, speaker=speaker,
        limit=page.limit, offset=page.offset,
    )
    return JSONResponse(_page(found, page, [article_record(a) for a in found.items]))


@router.get("/articles/{article_id}", summary="One article with its reused passages")
def get_article(article_id: str, store: StoreDep) -> JSONResponse:
    article = store.article(article_id)
    if article is None:
        raise _not_found("article", article_id)
    return JSONResponse(article_record(article, passages=queries.passages_for(store.conn, article)))


# -- events and storylines -------------------------------------------------------------------------
@router.get("/events", summary="Events, most recent activity first")
def list_events(
    store: StoreDep, page: PagingDep, since: SinceDep, outlet: Text = None, speaker: Text = None,
    q: Text = None, storyline: Text = None,
) -> JSONResponse:
    found = queries.events_page(
        store.conn, storyline=storyline, since=since, outlet=outlet, q=q, speaker=speaker,
        limit=page.limit, offset=page.offset,
    )
    return JSONResponse(_page(found, page, [event_record(e) for e in found.items]))


@router.get("/events/{event_id}", summary="One event")
def get_event(event_id: str, store: StoreDep) -> JSONResponse:
    event = store.event(event_id)
    if event is None:
        raise _not_found("event", event_id)
    return JSONResponse(event_record(event))


@router.get("/storylines", summary="Storylines, most recent activity first")
def list_storylines(store: StoreDep, page: PagingDep, since: SinceDep) -> JSONResponse:
    found = queries.storylines_page(store.conn, since=since, limit=page.limit, offset=page.offset)
    return JSONResponse(_page(found, page, [storyline_record(s) for s in found.items]))


@router.get("/storylines/{storyline_id}", summary="One storyline")
def get_storyline(storyline_id: str, store: StoreDep) -> JSONResponse:
    storyline = queries.storyline_by_id(store.conn, storyline_id)
    if storyline is None:
        raise _not_found("storyline", storyline_id)
    return JSONResponse(storyline_record(storyline))


# -- speakers, quotes, families --------------------------------------------------------------------
@router.get("/speakers", summary="Speakers by name")
def list_speakers(store: StoreDep, page: PagingDep, q: Text = None) -> JSONResponse:
    """``q`` matches part of a name or alias."""
    found = queries.speakers_page(store.conn, q=q, limit=page.limit, offset=page.offset)
    return JSONResponse(_page(found, page, [speaker_record(s) for s in found.items]))


@router.get("/speakers/{speaker_id}", summary="One speaker")
def get_speaker(speaker_id: str, store: StoreDep) -> JSONResponse:
    speaker = queries.speaker_by_id(store.conn, speaker_id)
    if speaker is None:
        raise _not_found("speaker", speaker_id)
    return JSONResponse(speaker_record(speaker))


@router.get("/quotes", summary="Quotes, newest article first")
def list_quotes(
    store: StoreDep, page: PagingDep, since: SinceDep, outlet: Text = None, speaker: Text = None,
    q: Text = None, article: Text = None, family: Text = None,
) -> JSONResponse:
    """``q`` matches part of the quoted words (case-insensitive)."""
    found = queries.quotes_page(
        store.conn, speaker=speaker, article=article, family=family, outlet=outlet, since=since, q=q,
        limit=page.limit, offset=page.offset,
    )
    return JSONResponse(_page(found, page, [quote_record(x) for x in found.items]))


@router.get("/families/{family_id}", summary="One quote family")
def get_family(family_id: str, store: StoreDep) -> JSONResponse:
    found = store.families([family_id])
    if not found:
        raise _not_found("quote family", family_id)
    return JSONResponse(family_record(found[0]))


@router.get("/search", summary="Full-text search over titles and texts")
def search(
    store: StoreDep, page: PagingDep, q: Annotated[str, Query(min_length=1, max_length=500)],
) -> JSONResponse:
    """Items are ``{"article": <article record>, "snippet": str}``, best match first; matched words are
    in [brackets] in the snippet. Words are all required; "a phrase" in double quotes stays a phrase."""
    found = queries.search_page(store.conn, q, limit=page.limit, offset=page.offset)
    items = [
        {"article": article_record(a), "snippet": snip.replace("\x02", "[").replace("\x03", "]")}
        for a, snip in found.items
    ]
    body = _page(found, page, items)
    body["total_is_lower_bound"] = found.total >= settings.SEARCH_COUNT_CAP
    return JSONResponse(body)


# -- writing ---------------------------------------------------------------------------------------
class IngestRecord(BaseModel):
    """One document to ingest: ``text`` or ``html`` (exactly one), and what is known about it."""

    url: str | None = Field(default=None, max_length=4000)
    title: str | None = Field(default=None, max_length=2000)
    text: str | None = None
    html: str | None = None
    published: str | None = Field(default=None, max_length=64)
    outlet: str | None = Field(default=None, max_length=500)
    authors: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def one_body(self) -> IngestRecord:
        if (self.text is None) == (self.html is None):
            raise ValueError("give exactly one of text and html")
        return self

    def document(self, index: int) -> RawDocument:
        return RawDocument(
            source=self.url or f"api:{index}", text=self.text, html=self.html, url=self.url, title=self.title,
            published=self.published, date_source="metadata" if self.published else None, outlet=self.outlet,
            authors=list(self.authors),
        )


def _check_token(request: Request) -> None:
    state = request.app.state
    if not state.allow_write:
        raise HTTPException(
            status_code=403, detail="read-only: start the server with --allow-write to ingest"
        )
    expected: str | None = state.token
    if not expected:
        raise HTTPException(status_code=403, detail="writing needs a token: set STORYLINE_TOKEN")
    given = request.headers.get("authorization", "")
    scheme, _, value = given.partition(" ")
    if scheme.lower() != "bearer":
        value = request.headers.get("x-storyline-token", "")
    if not hmac.compare_digest(value.encode(), expected.encode()):
        raise HTTPException(status_code=401, detail="missing or wrong token",
                            headers={"WWW-Authenticate": "Bearer"})


@router.post("/ingest", summary="Ingest documents (only with --allow-write and the token)")
async def ingest(request: Request) -> JSONResponse:
    """Body: a JSON list of ``{url?, title?, text | html, published?, outlet?, authors?}``. Send the token
    as ``Authorization: Bearer <token>``. Answers the ingest report's counts."""
    _check_token(request)
    length = request.headers.get("content-length")
    if length and length.isdigit() and int(length) > settings.INGEST_MAX_BYTES:
        raise HTTPException(status_code=413, detail=f"body over {settings.INGEST_MAX_BYTES} bytes")
    body = await request.body()
    if len(body) > settings.INGEST_MAX_BYTES:
        raise HTTPException(status_code=413, detail=f"body over {settings.INGEST_MAX_BYTES} bytes")
    try:
        payload = json.loads(body or b"null")
    except (ValueError, UnicodeDecodeError) as exc:
        raise HTTPException(status_code=422, detail=f"body: not JSON ({exc})") from None
    if not isinstance(payload, list):
        raise HTTPException(status_code=422, detail="body: expected a JSON list of records")
    records = []
    for i, item in enumerate(payload):
        try:
            records.append(IngestRecord.model_validate(item))
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first.get("loc", ()))
            field_name = f".{where}" if where else ""
            raise HTTPException(
                status_code=422, detail=f"record {i}{field_name}: {first['msg']}"
            ) from None
    return JSONResponse(await run_in_threadpool(_run_ingest, request.app.state.db, records))


def _run_ingest(db: Any, records: list[IngestRecord]) -> dict[str, Any]:
    from storyline.pipeline import IngestReport, ingest_documents, process

    with db.write_lock:
        store = db.writer()
        try:
            report = IngestReport()
            ingest_documents(store, (r.document(i) for i, r in enumerate(records)), report=report)
            process(store, report=report)
        finally:
            store.close()
    return asdict(report)
