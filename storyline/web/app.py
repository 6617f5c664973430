"""The web application: JSON API under /api/ and server-rendered pages, over one storyline database.

Reads go through one read-only SQLite connection per worker thread (FastAPI runs plain ``def``
endpoints in a thread pool; a sqlite3 connection must stay on the thread that made it). WAL lets all of
them read while an ingest writes. Writes (``POST /api/ingest``) are off unless the app is created with
``allow_write=True`` and a token, and go through one separate connection under a lock.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import threading
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader
from starlette.exceptions import HTTPException as StarletteHTTPException

from storyline import __version__
from storyline.errors import StorylineError
from storyline.settings import web as settings
from storyline.store.sqlite import Store

log = logging.getLogger("storyline.web")

# No inline script or style anywhere: every script and stylesheet is a file this app serves.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


class SecurityHeaders:
    """Pure ASGI middleware adding the security headers to every HTTP response (cheaper than
    ``BaseHTTPMiddleware``, which costs a task per request)."""

    def __init__(self, app: Callable[[Scope, Receive, Send], Awaitable[None]]) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {name.lower() for name, _ in headers}
                headers.extend(h for h in SECURITY_HEADERS if h[0] not in names)
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


class ThreadStore:
    """Stands in for the Store of whichever thread uses it.

    FastAPI runs a sync dependency and the sync endpoint that receives its value on different pool
    threads, and a sqlite3 connection may only be used on the thread that opened it; so the dependency
    hands out this proxy, and each attribute access resolves to the calling thread's own Store."""

    __slots__ = ("_db",)

    def __init__(self, db: Database) -> None:
        self._db = db

    def __getattr__(self, name: str) -> Any:
        return getattr(self._db.reader(), name)


class Database:
    """Per-thread read-only Stores over one database file, plus a locked writer for ingest."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._local = threading.local()
        self._all: list[Store] = []
        self._guard = threading.Lock()
        self.write_lock = threading.Lock()

    def reader(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = Store(self.path, migrate=False)
            # The web layer never writes through a reader: SQLite itself refuses if code tries.
            store.conn.execute("PRAGMA query_only = ON")
            # Reads dominate: map the file and keep a larger page cache per reader (see settings).
            store.conn.execute(f"PRAGMA mmap_size = {settings.READER_MMAP_BYTES}")
            store.conn.execute(f"PRAGMA cache_size = -{settings.READER_CACHE_KIB}")
            self._local.store = store
            with self._guard:
                self._all.append(store)
        return store

    def proxy(self) -> Store:
        """A Store-like object that works from any thread (see ``ThreadStore``)."""
        return ThreadStore(self)  # type: ignore[return-value]

    def writer(self) -> Store:
        return Store(self.path)

    def close(self) -> None:
        with self._guard:
            for store in self._all:
                with contextlib.suppress(sqlite3.Error):  # closing from another thread at shutdown
                    store.close()
            self._all.clear()


def _templates() -> Environment:
    env = Environment(
        loader=PackageLoader("storyline.web", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["day"] = lambda v: (v or "")[:10]
    env.filters["score"] = lambda v: f"{float(v or 0):.2f}"
    env.globals["version"] = __version__
    return env


def create_app(db_path: str, *, allow_write: bool = False, token: str | None = None) -> FastAPI:
    """The application over ``db_path``. Opening checks (and migrates) the database once; a path that is
    not a storyline database raises ``StorylineError``.

    ``allow_write`` turns on ``POST /api/ingest``, which then also needs a token: ``token`` or, when
    that is None, ``$STORYLINE_TOKEN``. Without one the endpoint stays refused."""
    if db_path != ":memory:" and not Path(db_path).exists():
        raise StorylineError(f"{db_path}: no such database")
    with Store(db_path) as store:  # migrate once, up front; readers then open with migrate=False
        store.conn.execute("SELECT count(*) FROM articles").fetchone()

    from storyline.web import api, pages

    database = Database(db_path)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        database.close()

    app = FastAPI(
        lifespan=lifespan,
        title="storyline",
        version=__version__,
        description=(
            "Developing news stories across outlets: articles, events, storylines, speakers, quotes and "
            "quote families, as the objects of the export contract. Listings are paged with "
            "`?limit=&offset=` and return `{total, limit, offset, items}`."
        ),
        docs_url=None,  # Swagger UI loads scripts from a CDN and runs inline script: not under our CSP
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.db = database
    app.state.templates = _templates()
    app.state.allow_write = allow_write
    app.state.token = token if token is not None else (os.environ.get("STORYLINE_TOKEN") or None)

    app.include_router(api.router)
    app.include_router(pages.router)
    static_dir = resources.files("storyline.web") / "static"
    app.mount("/static", StaticFiles(directory=str(static_dir)), name="static")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        headers = getattr(exc, "headers", None)
        if _wants_json(request):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=headers)
        return error_page(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        problems = [
            f"{'.'.join(str(p) for p in e.get('loc', ())[1:]) or 'request'}: {e.get('msg', 'invalid')}"
            for e in exc.errors()
        ]
        message = "; ".join(problems) or "invalid request"
        if _wants_json(request):
            return JSONResponse({"detail": message, "errors": _jsonable(exc.errors())}, status_code=422)
        return error_page(request, 422, message)

    app.add_middleware(SecurityHeaders)
    return app


def _jsonable(errors: Any) -> Any:
    """Validation errors without the raw exception objects pydantic may include in ``ctx``."""
    out = []
    for e in errors:
        item = {k: v for k, v in e.items() if k in ("type", "loc", "msg", "input")}
        if not isinstance(item.get("input"), (str, int, float, bool, type(None), list, dict)):
            item.pop("input", None)
        out.append(item)
    return out


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    titles = {404: "Not found", 422: "Bad request", 403: "Forbidden", 405: "Method not allowed"}
    env: Environment = request.app.state.templates
    html = env.get_template("error.html").render(
        request=request, status=status, title=titles.get(status, "Error"), message=message
    )
    return HTMLResponse(html, status_code=status)
