"""A polite, defensive HTTP fetcher for pages and feeds (httpx).

Polite: a User-Agent that says who we are, robots.txt obeyed (cached per host), a minimum delay between
requests to one host, conditional GET (ETag / Last-Modified) so re-polling an unchanged page costs one
304. Defensive: timeouts on connect and read plus a total deadline (a server that drips one byte a second
cannot hold a batch), redirects followed by hand and capped, bodies streamed and cut at a size cap (the
cap counts decompressed bytes, so a gzip bomb is cut too), content types checked before the body is
read, and every host resolved and refused when it is loopback, private, link-local or reserved unless
``allow_private`` (checked again after every redirect, so a public URL cannot bounce into the LAN).

Every failure is an :class:`InputError` naming the URL asked for, with a one-line reason.

Known limit: the address check resolves the host itself and httpx resolves it again to connect, so a
DNS server answering differently the second time (DNS rebinding) could slip past it; closing that needs
connecting to the checked address (a custom transport), not done yet.
"""

from __future__ import annotations

import hashlib
import ipaddress
import socket
import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Protocol
from urllib.parse import urljoin, urlsplit

import httpx

from storyline import __version__
from storyline.errors import InputError
from storyline.settings import ingest as settings

USER_AGENT = f"storyline/{__version__} (+https://github.com/storyline-news/storyline)"
_REDIRECTS = (301, 302, 303, 307, 308)
_ROBOTS_MAX_BYTES = 512 * 1024  # Google reads the first 500 KiB of a robots.txt


@dataclass
class UrlState:
    """What we remember about one fetched URL, for conditional GET and change detection."""

    etag: str | None = None
    last_modified: str | None = None
    last_status: int | None = None
    last_fetched: str | None = None  # ISO datetime, UTC
    content_hash: str | None = None  # sha1 of the body last received


class FetchState(Protocol):
    """Where the fetcher and the feed reader keep what they learnt between runs.

    State says "this URL / entry is done", so it must never become durable before the article made from
    it: implementations may buffer writes until :meth:`flush`, which the caller runs after it stored the
    documents read so far. A crash in between re-fetches at worst; it never loses an article.
    """

    def get_url(self, url: str) -> UrlState | None: ...

    def put_url(self, url: str, state: UrlState) -> None: ...

    def entry_digest(self, feed: str, entry_id: str) -> str | None:
        """The digest of a feed entry when last seen, None when never seen."""
        ...

    def put_entry(self, feed: str, entry_id: str, digest: str) -> None: ...

    def feed_polled(self, feed: str, when: str, status: str) -> None: ...

    def flush(self) -> None:
        """Make the writes so far durable (call after the documents read so far are stored)."""
        ...


@dataclass
class MemoryFetchState:
    """The FetchState protocol in memory: for tests, and for one-shot runs without a store."""

    urls: dict[str, UrlState] = field(default_factory=dict)
    entries: dict[tuple[str, str], str] = field(default_factory=dict)
    polls: dict[str, tuple[str, str]] = field(default_factory=dict)

    def get_url(self, url: str) -> UrlState | None:
        return self.urls.get(url)

    def put_url(self, url: str, state: UrlState) -> None:
        self.urls[url] = state

    def entry_digest(self, feed: str, entry_id: str) -> str | None:
        return self.entries.get((feed, entry_id))

    def put_entry(self, feed: str, entry_id: str, digest: str) -> None:
        self.entries[(feed, entry_id)] = digest

    def feed_polled(self, feed: str, when: str, status: str) -> None:
        self.polls[feed] = (when, status)

    def flush(self) -> None:
        """Nothing to do: memory is as durable as this state gets."""


@dataclass
class Response:
    """A fetched body (or a 304) with what the caller needs to decode and label it."""

    url: str  # the URL asked for
    final_url: str  # after redirects
    status: int
    media_type: str  # lower-case, no parameters ("text/html"); "" when the server sent none
    content_type: str  # the raw header, for its charset
    body: bytes = b""
    not_modified: bool = False  # 304 to a conditional GET: nothing new
    unchanged: bool = False  # 200 with the same body as last time: nothing new either
    etag: str | None = None
    last_modified: str | None = None


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def check_address(host: str, port: int, *, allow_private: bool) -> None:
    """Raise ValueError when ``host`` resolves to an address a public fetcher must not reach.

    Every address the name resolves to is checked (a name with one public and one private address is
    refused), IPv4-mapped IPv6 addresses are unwrapped, and an unresolvable name is an error too.
    """
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise ValueError(f"cannot resolve host {host!r}") from error
    if allow_private:
        return
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
            address = address.ipv4_mapped
        kind = _forbidden_kind(address)
        if kind:
            raise ValueError(f"refused: {host} is a {kind} address ({address}); use --allow-private to allow")


def _forbidden_kind(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    if address.is_loopback:
        return "loopback"
    if address.is_link_local:
        return "link-local"
    if address.is_multicast:
        return "multicast"
    if address.is_unspecified:
        return "unspecified"
    if address.is_private:
        return "private"
    if address.is_reserved:
        return "reserved"
    if not address.is_global:
        return "non-public"
    return None


class Fetcher:
    """One HTTP client for a run: shared connection pool, robots cache and per-host clock.

    Every knob defaults to storyline.settings.ingest and can be overridden (tests use small timeouts, no
    delay and ``allow_private`` for their 127.0.0.1 server). ``transport`` lets tests mock the network.
    """

    def __init__(
        self,
        *,
        allow_private: bool = False,
        state: FetchState | None = None,
        user_agent: str = USER_AGENT,
        connect_timeout: float | None = None,
        read_timeout: float | None = None,
        total_timeout: float | None = None,
        max_bytes: int | None = None,
        max_redirects: int | None = None,
        per_host_delay: float | None = None,
        respect_robots: bool = True,
        transport: httpx.BaseTransport | None = None,
        trust_env: bool = True,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.allow_private = allow_private
        self.state = state
        self.user_agent = user_agent
        self.connect_timeout = settings.CONNECT_TIMEOUT if connect_timeout is None else connect_timeout
        self.read_timeout = settings.READ_TIMEOUT if read_timeout is None else read_timeout
        self.total_timeout = settings.TOTAL_TIMEOUT if total_timeout is None else total_timeout
        self.max_bytes = settings.MAX_RESPONSE_BYTES if max_bytes is None else max_bytes
        self.max_redirects = settings.MAX_REDIRECTS if max_redirects is None else max_redirects
        self.per_host_delay = settings.PER_HOST_DELAY if per_host_delay is None else per_host_delay
        self.respect_robots = respect_robots
        self._clock = clock
        self._sleep = sleep
        self._last_request: dict[str, float] = {}
        self._robots: dict[str, tuple[urllib.robotparser.RobotFileParser | None, float]] = {}
        self._client = httpx.Client(
            headers={"User-Agent": user_agent},
            timeout=httpx.Timeout(
                connect=self.connect_timeout,
                read=self.read_timeout,
                write=self.read_timeout,
                pool=self.connect_timeout,
            ),
            follow_redirects=False,
            transport=transport,
            trust_env=trust_env,
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- public ------------------------------------------------------------------------------------
    def get(
        self,
        url: str,
        *,
        accept: tuple[str, ...] | None = settings.HTML_CONTENT_TYPES,
        max_bytes: int | None = None,
        conditional: bool = True,
    ) -> Response:
        """GET ``url`` following at most ``max_redirects`` redirects; raise InputError on any failure.

        ``accept`` lists the media types taken (None: any); another type is refused before its body is
        read. ``max_bytes`` defaults to the page cap, or the feed cap for a feed content type. With a
        state and ``conditional``, the request carries If-None-Match / If-Modified-Since
        from the last fetch, and the state is updated after a 200 or 304.
        """
        previous = self.state.get_url(url) if self.state is not None and conditional else None
        headers: dict[str, str] = {}
        if previous is not None:
            if previous.etag:
                headers["If-None-Match"] = previous.etag
            if previous.last_modified:
                headers["If-Modified-Since"] = previous.last_modified
        if accept:
            headers["Accept"] = ", ".join(accept) + ", */*;q=0.1"
        try:
            response = self._get(url, headers, accept, max_bytes, self.respect_robots)
        except httpx.HTTPError as error:
            raise InputError(url, describe_http_error(error, self)) from None
        except (httpx.InvalidURL, ValueError) as error:  # also a redirect to a malformed Location
            raise InputError(url, f"invalid URL ({_first_line(error)})") from None
        if self.state is not None and conditional:
            self._remember(url, response, previous)
        return response

    def robots_allowed(self, url: str) -> bool:
        """Whether robots.txt of the URL's host lets our User-Agent fetch it (fetched once per host)."""
        parts = urlsplit(url)
        key = f"{parts.scheme}://{parts.netloc}"
        cached = self._robots.get(key)
        if cached is None or self._clock() - cached[1] > settings.ROBOTS_TTL:
            cached = (self._load_robots(key), self._clock())
            self._robots[key] = cached
        parser = cached[0]
        if parser is None:  # robots.txt answered 5xx: RFC 9309 says assume everything disallowed
            return False
        return parser.can_fetch(self.user_agent, url)

    # -- internals ---------------------------------------------------------------------------------
    def _get(
        self, url: str, headers: dict[str, str], accept: tuple[str, ...] | None, cap: int | None, robots: bool
    ) -> Response:
        deadline = time.monotonic() + self.total_timeout  # real time, whatever clock throttling uses
        current = url
        for _hop in range(self.max_redirects + 1):
            self._check_url(url, current)
            if robots:
                try:
                    allowed = self.robots_allowed(current)
                except InputError as error:
                    raise InputError(url, error.reason) from None
                if not allowed:
                    where = "" if current == url else f" (redirected to {current})"
                    raise InputError(url, f"disallowed by robots.txt{where}")
            self._throttle(current)
            with self._client.stream("GET", current, headers=headers) as response:
                if response.status_code in _REDIRECTS and response.headers.get("location"):
                    current = urljoin(current, response.headers["location"])
                    continue
                content_type = response.headers.get("content-type", "")
                media_type = content_type.split(";", 1)[0].strip().lower()
                if response.status_code == 304:
                    return Response(url, current, 304, media_type, content_type, not_modified=True,
                                    etag=response.headers.get("etag"),
                                    last_modified=response.headers.get("last-modified"))
                if response.status_code >= 400:
                    raise InputError(url, f"HTTP {response.status_code} {response.reason_phrase}".rstrip())
                if response.status_code != 200:
                    raise InputError(url, f"unexpected HTTP status {response.status_code}")
                if accept and media_type and media_type not in accept:
                    raise InputError(url, f"not a page we read (content type {media_type})")
                if cap is None:
                    feed = media_type in settings.FEED_CONTENT_TYPES
                    cap = settings.MAX_FEED_BYTES if feed else self.max_bytes
                body = self._read(url, response, cap, deadline)
                return Response(url, str(response.url), 200, media_type, content_type, body,
                                etag=response.headers.get("etag"),
                                last_modified=response.headers.get("last-modified"))
        raise InputError(url, f"too many redirects (more than {self.max_redirects})")

    def _check_url(self, asked: str, url: str) -> None:
        try:
            parts = urlsplit(url)
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError as error:
            raise InputError(asked, f"invalid URL ({error})") from None
        if parts.scheme not in ("http", "https"):
            raise InputError(asked, f"refused: {parts.scheme or 'no'} scheme in {url[:100]!r}")
        if not parts.hostname:
            raise InputError(asked, f"no host in {url[:100]!r}")
        try:
            check_address(parts.hostname, port, allow_private=self.allow_private)
        except ValueError as error:
            raise InputError(asked, str(error)) from None

    def _throttle(self, url: str) -> None:
        host = urlsplit(url).netloc.lower()
        delay = self.per_host_delay
        if self.respect_robots:
            cached = self._robots.get(f"{urlsplit(url).scheme}://{urlsplit(url).netloc}")
            if cached and cached[0] is not None:
                crawl_delay = cached[0].crawl_delay(self.user_agent)
                if crawl_delay:
                    delay = max(delay, min(float(crawl_delay), settings.MAX_CRAWL_DELAY))
        last = self._last_request.get(host)
        if last is not None and delay > 0:
            wait = last + delay - self._clock()
            if wait > 0:
                self._sleep(wait)
        self._last_request[host] = self._clock()

    def _read(self, url: str, response: httpx.Response, cap: int, deadline: float) -> bytes:
        length = response.headers.get("content-length", "")
        if length.isdigit() and int(length) > cap and "content-encoding" not in response.headers:
            raise InputError(url, f"larger than {_mb(cap)} (Content-Length {_mb(int(length))})")
        chunks: list[bytes] = []
        total = 0
        for chunk in response.iter_bytes():
            total += len(chunk)
            if total > cap:
                raise InputError(url, f"larger than {_mb(cap)}")
            if time.monotonic() > deadline:
                raise InputError(url, f"too slow: not complete after {self.total_timeout:g} s")
            chunks.append(chunk)
        return b"".join(chunks)

    def _load_robots(self, base: str) -> urllib.robotparser.RobotFileParser | None:
        parser = urllib.robotparser.RobotFileParser(base + "/robots.txt")
        robots_url = base + "/robots.txt"
        try:
            response = self._get(robots_url, {}, None, _ROBOTS_MAX_BYTES, False)
        except InputError as error:
            reason = error.reason
            if reason.startswith("HTTP 5"):
                return None
            if reason.startswith("HTTP 4") or reason.startswith("larger than"):
                parser.parse([])  # no usable robots.txt: everything allowed (RFC 9309 2.3.1.3)
                return parser
            raise InputError(base, f"cannot fetch robots.txt ({reason})") from None
        except httpx.HTTPError as error:  # the host is unreachable: say so as for the page itself
            raise InputError(base, describe_http_error(error, self)) from None
        parser.parse(response.body.decode("utf-8", errors="replace").splitlines())
        return parser

    def _remember(self, url: str, response: Response, previous: UrlState | None) -> None:
        assert self.state is not None
        if response.not_modified:
            state = previous or UrlState()
            state.etag = response.etag or state.etag
            state.last_modified = response.last_modified or state.last_modified
            state.last_status = 304
            state.last_fetched = now_iso()
            self.state.put_url(url, state)
            return
        digest = hashlib.sha1(response.body).hexdigest()
        response.unchanged = previous is not None and previous.content_hash == digest
        self.state.put_url(
            url,
            UrlState(
                etag=response.etag,
                last_modified=response.last_modified,
                last_status=response.status,
                last_fetched=now_iso(),
                content_hash=digest,
            ),
        )


def describe_http_error(error: httpx.HTTPError, fetcher: Fetcher) -> str:
    """The one-line reason for a transport failure."""
    if isinstance(error, httpx.ConnectTimeout):
        return f"timed out connecting after {fetcher.connect_timeout:g} s"
    if isinstance(error, httpx.PoolTimeout):
        return "timed out waiting for a connection"
    if isinstance(error, httpx.TimeoutException):
        return f"no answer within {fetcher.read_timeout:g} s (read timed out)"
    if isinstance(error, (httpx.RemoteProtocolError, httpx.DecodingError)):
        return f"broken response ({_first_line(error)})"
    if isinstance(error, httpx.ConnectError):
        return f"cannot connect ({_first_line(error)})"
    return f"request failed ({type(error).__name__}: {_first_line(error)})"


def _first_line(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return text[0][:200] if text else type(error).__name__


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB" if size >= 1024 * 1024 else f"{size} bytes"
