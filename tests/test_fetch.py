"""The fetcher, URL ingest, feeds over HTTP and watch mode, against a local server on 127.0.0.1.

The server serves pages, feeds, robots.txt, redirects (one endless), 304s with ETags, a server that
never answers, broken responses, a 50 MB page (generated while streamed) and binary data named .html.
No test touches the internet.
"""

from __future__ import annotations

import socket
import sqlite3
import threading
import time
from collections.abc import Iterator
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from storyline.errors import InputError
from storyline.ingest import iter_sources
from storyline.ingest.fetch import USER_AGENT, Fetcher, MemoryFetchState, check_address
from storyline.ingest.watch import PollResult, parse_interval, watch_feeds
from storyline.model import RawDocument
from storyline.store.fetch_state import SqliteFetchState

MIGRATION = Path(__file__).resolve().parents[1] / "storyline" / "store" / "migrations" / "0004_fetch.sql"

ARTICLE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Quay tram line approved</title>
<meta property="og:site_name" content="The Vell Courier"></head><body><article>
<h1>Quay tram line approved</h1><p>The Vell city council approved the Quay tram line on Monday.</p>
<p>\u201cIt will change the harbour,\u201d said councillor Ines Marrow.</p></article></body></html>"""

LONG_TEXT = "<p>" + " ".join(["The ferry union met the port board for the third time this week."] * 20)
LONG_TEXT += "</p>"


def rss(items: str) -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>The Vell Courier</title>
<link>http://vell-courier.example/</link><description>News from Vell</description>{items}</channel></rss>"""


BOMB = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<rss version="2.0"><channel><title>&lol3;</title><item><title>x</title></item></channel></rss>"""


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: Server

    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        pass

    def _send(self, status: int, body: bytes = b"", content_type: str = "text/html; charset=utf-8",
              headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        self.server.hits.append(path)
        self.server.agents.append(self.headers.get("User-Agent", ""))
        base = f"http://127.0.0.1:{self.server.server_port}"
        if path == "/robots.txt":
            if self.server.robots_status != 200:
                self._send(self.server.robots_status, b"oops", "text/plain")
            else:
                self._send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
        elif path in ("/article.html", "/private/secret.html"):
            etag = '"v1"'
            if self.headers.get("If-None-Match") == etag:
                self._send(304, headers={"ETag": etag})
            else:
                self._send(200, ARTICLE.encode(), headers={
                    "ETag": etag, "Last-Modified": formatdate(0, usegmt=True)})
        elif path == "/no-validators.html":
            self._send(200, ARTICLE.encode())
        elif path == "/latin1.html":
            body = "<html><body><p>Ren\u00e9e said \u201cno\u201d to the levy.</p></body></html>"
            self._send(200, body.encode("cp1252"), "text/html; charset=windows-1252")
        elif path == "/plain.txt":
            self._send(200, b"Ferry times change on Monday.\n\nThe port board said so.", "text/plain")
        elif path == "/redirect":
            self._send(302, headers={"Location": "/article.html"})
        elif path == "/redirect-to-private":
            self._send(302, headers={"Location": "/private/secret.html"})
        elif path == "/loop":
            self._send(302, headers={"Location": "/loop"})
        elif path == "/slow":
            time.sleep(3)
            self._send(200, ARTICLE.encode())
        elif path == "/drip":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(30):
                    self.wfile.write(b"<p>drip</p>")
                    self.wfile.flush()
                    time.sleep(0.1)
            except OSError:
                pass
            self.close_connection = True
        elif path == "/relative-feed.xml":
            items = "<item><title>Rel</title><link>/article.html</link><description>x</description></item>"
            self._send(200, rss(items).encode(), "application/rss+xml")
        elif path == "/sitemap.xml":
            sitemap = b'<?xml version="1.0"?><urlset><url><loc>/a</loc></url></urlset>'
            self._send(200, sitemap, "application/xml")
        elif path == "/broken":
            self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 5000\r\n\r\n")
            self.wfile.write(b"<p>cut")
            self.close_connection = True
        elif path == "/garbage":
            self.wfile.write(b"\x00\x01 this is not http\r\n\r\n")
            self.close_connection = True
        elif path in ("/huge.html", "/huge-chunked.html"):
            self._send_huge(declared=path == "/huge.html")
        elif path == "/image.html":
            self._send(200, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
        elif path == "/image.png":
            self._send(200, b"\x89PNG\r\n\x1a\n", "image/png")
        elif path == "/empty.html":
            self._send(200, b"")
        elif path == "/missing":
            self._send(404, b"not here")
        elif path in ("/feed.xml", "/feed-good.xml"):
            items = f"""
<item><title>Tram line approved</title><link>{base}/article.html</link><guid>tram-1</guid>
<pubDate>Mon, 03 Mar 2025 09:30:00 +0000</pubDate><dc:creator>Ines Marrow</dc:creator>
<description>The council approved the tram line.</description></item>
<item><title>Ferry talks resume</title><link>{base}/ferry.html</link><guid>ferry-1</guid>
<pubDate>Tue, 04 Mar 2025 10:00:00 +0000</pubDate><author>tam@vell.example (Tam Brisk)</author>
<content:encoded><![CDATA[{LONG_TEXT}]]></content:encoded></item>"""
            if path == "/feed.xml":
                items += f"""<item><title>Dead link</title><link>{base}/missing</link><guid>dead-1</guid>
<description>A teaser whose page is gone.</description></item>"""
            self._send(200, rss(items).encode(), "application/rss+xml; charset=utf-8")
        elif path == "/feed-as-html":
            items = f"<item><title>Ferry</title><link>{base}/f</link>"
            items += f"<description>{LONG_TEXT}</description></item>"
            self._send(200, rss(items).encode(), "text/html")
        elif path == "/notfeed.xml":
            self._send(200, b"this is { not xml at all", "application/rss+xml")
        elif path == "/bomb.xml":
            self._send(200, BOMB.encode(), "application/rss+xml")
        else:
            self._send(404, b"no route")

    def _send_huge(self, *, declared: bool) -> None:
        size = 50 * 1024 * 1024
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        if declared:
            self.send_header("Content-Length", str(size))
        else:
            self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        chunk = b"<p>" + b"x" * (64 * 1024 - 7) + b"</p>"
        try:
            for _ in range(size // len(chunk)):
                if declared:
                    self.wfile.write(chunk)
                else:
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            if not declared:
                self.wfile.write(b"0\r\n\r\n")
        except OSError:
            pass  # the client hung up at its cap, as it should
        self.close_connection = True


class Server(ThreadingHTTPServer):
    daemon_threads = True
    hits: list[str]
    agents: list[str]
    robots_status: int


@pytest.fixture()
def server() -> Iterator[Server]:
    httpd = Server(("127.0.0.1", 0), Handler)
    httpd.hits, httpd.agents, httpd.robots_status = [], [], 200
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    try:
        yield httpd
    finally:
        httpd.shutdown()
        httpd.server_close()


def base(server: Server) -> str:
    return f"http://127.0.0.1:{server.server_port}"


def fetcher(**kwargs) -> Fetcher:
    options = {"allow_private": True, "connect_timeout": 1.0, "read_timeout": 0.5, "total_timeout": 1.0,
               "per_host_delay": 0.0, "trust_env": False}
    options.update(kwargs)
    return Fetcher(**options)


def collect(urls: list[str], **kwargs) -> tuple[list[RawDocument], list[InputError]]:
    docs: list[RawDocument] = []
    errors: list[InputError] = []
    with kwargs.pop("fetcher", None) or fetcher(state=kwargs.get("fetch_state")) as client:
        for item in iter_sources(urls, fetcher=client, **kwargs):
            (errors if isinstance(item, InputError) else docs).append(item)
    return docs, errors


def test_page_is_fetched_with_our_user_agent_and_robots_checked(server: Server) -> None:
    docs, errors = collect([base(server) + "/article.html"])
    assert errors == []
    assert len(docs) == 1 and docs[0].html and "Ines Marrow" in docs[0].html
    assert docs[0].source == docs[0].url == base(server) + "/article.html"
    assert server.hits == ["/robots.txt", "/article.html"]
    assert set(server.agents) == {USER_AGENT} and USER_AGENT.startswith("storyline/")


def test_robots_disallow_redirect_and_plain_text(server: Server) -> None:
    url = base(server)
    docs, errors = collect([url + "/private/secret.html", url + "/redirect", url + "/redirect-to-private",
                            url + "/plain.txt", url + "/latin1.html"])
    assert [str(e) for e in errors] == [
        f"{url}/private/secret.html: disallowed by robots.txt",
        f"{url}/redirect-to-private: disallowed by robots.txt (redirected to {url}/private/secret.html)",
    ]
    assert docs[0].source == url + "/redirect" and docs[0].url == url + "/article.html"
    assert docs[1].text and docs[1].text.startswith("Ferry times") and docs[1].html is None
    assert docs[2].html and "Ren\u00e9e said \u201cno\u201d" in docs[2].html
    assert server.hits.count("/robots.txt") == 1  # cached per host
    assert "/private/secret.html" not in server.hits


def test_robots_5xx_disallows_everything(server: Server) -> None:
    server.robots_status = 503
    docs, errors = collect([base(server) + "/article.html"])
    assert docs == [] and errors[0].reason == "disallowed by robots.txt"


def test_robots_404_allows_everything(server: Server) -> None:
    server.robots_status = 404
    docs, errors = collect([base(server) + "/article.html"])
    assert errors == [] and len(docs) == 1


def test_bad_responses_each_give_one_line_and_the_batch_goes_on(server: Server) -> None:
    url = base(server)
    started = time.monotonic()
    docs, errors = collect([url + p for p in (
        "/loop", "/slow", "/drip", "/sitemap.xml", "/broken", "/garbage", "/huge.html", "/huge-chunked.html",
        "/image.html", "/image.png", "/empty.html", "/missing", "/article.html")])
    elapsed = time.monotonic() - started
    assert [d.source for d in docs] == [url + "/article.html"]
    reasons = {e.source.removeprefix(url): e.reason for e in errors}
    assert reasons["/loop"] == "too many redirects (more than 5)"
    assert reasons["/slow"] == "no answer within 0.5 s (read timed out)"
    assert reasons["/drip"] == "too slow: not complete after 1 s"
    assert reasons["/sitemap.xml"].startswith("not an RSS/Atom feed")
    assert reasons["/broken"].startswith("broken response (")
    assert reasons["/garbage"].startswith("broken response (")
    assert reasons["/huge.html"] == "larger than 10 MB (Content-Length 50 MB)"
    assert reasons["/huge-chunked.html"] == "larger than 10 MB"
    assert reasons["/image.html"] == "binary content (NUL bytes)"
    assert reasons["/image.png"] == "not a page we read (content type image/png)"
    assert reasons["/empty.html"] == "empty response"
    assert reasons["/missing"] == "HTTP 404 Not Found"
    assert all("\n" not in str(e) for e in errors)
    assert elapsed < 15


def test_private_addresses_refused_unless_allowed(server: Server) -> None:
    url = base(server) + "/article.html"
    docs, errors = collect([url], fetcher=fetcher(allow_private=False))
    assert docs == []
    assert str(errors[0]) == (
        f"{url}: refused: 127.0.0.1 is a loopback address (127.0.0.1); use --allow-private to allow")
    assert server.hits == []  # not even robots.txt was asked


@pytest.mark.parametrize(("address", "kind"), [
    ("10.1.2.3", "private"), ("192.168.0.4", "private"), ("169.254.169.254", "link-local"),
    ("::1", "loopback"), ("0.0.0.0", "unspecified"), ("100.64.0.1", "non-public"),
    ("::ffff:127.0.0.1", "loopback"), ("224.0.0.1", "multicast"),
])
def test_check_address_kinds(address: str, kind: str) -> None:
    with pytest.raises(ValueError, match=f"is a {kind} address"):
        check_address(address, 80, allow_private=False)
    check_address(address, 80, allow_private=True)


def test_redirect_from_public_host_into_private_network_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    public = [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", 80))]
    private = [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.7", 80))]
    monkeypatch.setattr(
        socket, "getaddrinfo", lambda host, *a, **k: private if host == "intranet.example" else public)

    def app(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        return httpx.Response(302, headers={"Location": "http://intranet.example/admin"})

    client = Fetcher(transport=httpx.MockTransport(app), per_host_delay=0.0)
    docs, errors = collect(["http://news.example/story"], fetcher=client)
    assert docs == [] and errors[0].reason.startswith("refused: intranet.example is a private address")


def test_unresolvable_host() -> None:
    _, errors = collect(["http://does-not-exist.invalid/page"], fetcher=fetcher(allow_private=False))
    assert errors[0].reason == "cannot resolve host 'does-not-exist.invalid'"


def test_per_host_rate_limit_sleeps_between_requests(server: Server) -> None:
    now = [100.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(round(seconds, 3))
        now[0] += seconds

    client = fetcher(per_host_delay=2.0, clock=lambda: now[0], sleep=sleep)
    docs, errors = collect([base(server) + "/article.html", base(server) + "/plain.txt"], fetcher=client)
    assert errors == [] and len(docs) == 2
    assert slept == [2.0, 2.0]  # robots.txt, then page 1, then page 2: two waits


def test_conditional_get_and_unchanged_bodies_yield_nothing_the_second_time(server: Server) -> None:
    state = MemoryFetchState()
    url = base(server)
    first, errors = collect([url + "/article.html", url + "/no-validators.html"], fetch_state=state)
    assert len(first) == 2 and errors == []
    assert state.urls[url + "/article.html"].etag == '"v1"'
    again, errors = collect([url + "/article.html", url + "/no-validators.html"], fetch_state=state)
    assert again == [] and errors == []
    assert state.urls[url + "/article.html"].last_status == 304
    assert state.urls[url + "/no-validators.html"].last_status == 200


def sqlite_state() -> tuple[sqlite3.Connection, SqliteFetchState]:
    connection = sqlite3.connect(":memory:")
    connection.executescript(MIGRATION.read_text())
    return connection, SqliteFetchState(connection)


def test_feed_over_http_full_content_summary_fetch_and_dead_link(server: Server) -> None:
    url = base(server)
    docs, errors = collect([url + "/feed.xml"])
    tram, ferry, dead = docs
    assert tram.source == tram.url == url + "/article.html"
    assert tram.html and "councillor Ines Marrow" in tram.html  # the page, fetched: the feed had a teaser
    assert tram.title == "Tram line approved" and tram.published == "2025-03-03T09:30:00+00:00"
    assert tram.date_source == "feed" and tram.authors == ["Ines Marrow"] and tram.record_id == "tram-1"
    assert ferry.html and "third time this week" in ferry.html and ferry.outlet == "The Vell Courier"
    assert ferry.published == "2025-03-04T10:00:00+00:00" and ferry.authors == ["Tam Brisk"]
    assert dead.source == url + "/missing" and dead.html and "teaser whose page is gone" in dead.html
    assert [str(e) for e in errors] == [f"{url}/missing: HTTP 404 Not Found; kept the feed's summary instead"]
    assert "/ferry.html" not in server.hits


def test_relative_links_in_a_fetched_feed_resolve_against_the_feed_url(server: Server) -> None:
    docs, errors = collect([base(server) + "/relative-feed.xml"])
    assert errors == [] and docs[0].url == base(server) + "/article.html"
    assert docs[0].html and "councillor Ines Marrow" in docs[0].html


def test_feed_served_as_html_is_still_read_as_a_feed(server: Server) -> None:
    docs, errors = collect([base(server) + "/feed-as-html"])
    assert errors == [] and len(docs) == 1 and docs[0].title == "Ferry"


def test_not_xml_feed_and_entity_bomb_are_refused(server: Server) -> None:
    url = base(server)
    docs, errors = collect([url + "/notfeed.xml", url + "/bomb.xml"])
    assert docs == []
    assert errors[0].source == url + "/notfeed.xml" and errors[0].reason.startswith("not an RSS/Atom feed")
    assert errors[1].reason.startswith("refused: the feed declares XML entities")


def test_feed_state_in_sqlite_skips_seen_entries_and_retries_failed_ones(server: Server) -> None:
    connection, state = sqlite_state()
    url = base(server) + "/feed.xml"
    docs, errors = collect([url], fetch_state=state)
    assert len(docs) == 3 and len(errors) == 1
    assert connection.execute("SELECT count(*) FROM feed_entries").fetchone() == (0,)  # not before flush
    state.flush()
    rows = connection.execute("SELECT entry_id, substr(digest, 1, 7) FROM feed_entries ORDER BY 1").fetchall()
    assert [r[0] for r in rows] == ["dead-1", "ferry-1", "tram-1"]
    assert rows[0][1] == "retry1:"  # the dead link is retried next time
    assert connection.execute("SELECT polls, last_status FROM feeds").fetchone() == (1, "ok")
    # The next polls read the feed again (an entry is pending), retry only the dead link, then give up.
    for _ in range(2):
        docs, errors = collect([url], fetch_state=state)
        assert [d.source for d in docs] == [base(server) + "/missing"] and len(errors) == 1
    state.flush()
    docs, errors = collect([url], fetch_state=state)
    assert docs == [] and errors == []
    digest = connection.execute("SELECT digest FROM feed_entries WHERE entry_id = 'dead-1'").fetchone()[0]
    assert digest.startswith("retry3:")
    # Now everything is settled: the feed's validators are kept and an unchanged feed costs nothing.
    state.flush()
    hits = len(server.hits)
    docs, errors = collect([url], fetch_state=state)
    assert docs == [] and errors == [] and server.hits[hits:] == ["/robots.txt", "/feed.xml"]


def test_url_list_file(server: Server, tmp_path: Path) -> None:
    listing = tmp_path / "urls.txt"
    listing.write_text(f"# to read\n{base(server)}/article.html\nnot a url\n{base(server)}/missing\n")
    docs, errors = collect([], urls_file=str(listing))
    assert len(docs) == 1
    assert [e.reason for e in errors] == ["not an http(s) URL: 'not a url'", "HTTP 404 Not Found"]


def test_parse_interval() -> None:
    assert parse_interval("10m") == 600 and parse_interval("90s") == 90 and parse_interval("1h30m") == 5400
    assert parse_interval("1.5h") == 5400 and parse_interval("2d") == 172800 and parse_interval("45") == 45
    for bad in ("", "10x", "m", "0m", "-5m", "10m banana"):
        with pytest.raises(ValueError):
            parse_interval(bad)


def test_watch_polls_hands_new_entries_once_and_survives_errors(server: Server) -> None:
    connection, state = sqlite_state()
    handed: list[list[RawDocument]] = []
    errors: list[str] = []
    polls: list[PollResult] = []
    slept: list[float] = []

    def handle(documents: list[RawDocument]) -> int:
        handed.append(documents)
        return len(documents)

    feeds = [base(server) + "/feed-good.xml", "http://127.0.0.1:9/unreachable.xml"]
    with fetcher(state=state, connect_timeout=0.5) as client:
        total = watch_feeds(feeds, 60, handle, state, iterations=2, on_error=errors.append,
                            on_poll=polls.append, fetcher=client,
                            sleep=slept.append, allow_private=True)
    assert total == 2 and [len(batch) for batch in handed] == [2]
    assert [(p.iteration, p.documents) for p in polls] == [(1, 2), (1, 0), (2, 0), (2, 0)]
    assert len(slept) == 1 and 0 < slept[0] <= 60
    unreachable = [e for e in errors if e.startswith("http://127.0.0.1:9/unreachable.xml: ")]
    assert len(unreachable) == 2 and "cannot connect" in unreachable[0]
    # a restart with the same store: nothing old is handed again
    handed.clear()
    with fetcher(state=SqliteFetchState(connection)) as client:
        watch_feeds(feeds[:1], 60, handle, SqliteFetchState(connection), iterations=1, on_error=errors.append,
                    fetcher=client, sleep=slept.append)
    assert handed == []


def test_sqlite_state_is_buffered_until_flush_and_joins_open_transactions() -> None:
    from storyline.ingest.fetch import UrlState
    from storyline.store.sqlite import Store

    store = Store(":memory:")
    state = SqliteFetchState(store.conn)
    state.put_url("https://vell.example/a", UrlState(etag='"e1"', last_status=200))
    state.put_entry("feed", "entry-1", "d1")
    assert state.get_url("https://vell.example/a").etag == '"e1"'  # reads see pending writes
    assert store.conn.execute("SELECT count(*) FROM fetch_urls").fetchone()[0] == 0
    state.flush()  # no transaction open: flush makes its own
    assert store.conn.execute("SELECT count(*) FROM fetch_urls").fetchone()[0] == 1
    assert SqliteFetchState(store.conn).entry_digest("feed", "entry-1") == "d1"
    state.put_url("https://vell.example/b", UrlState(etag='"e2"'))
    with pytest.raises(RuntimeError), store.transaction():
        state.flush()  # joins the caller's transaction, rolled back with it
        raise RuntimeError("article write failed")
    assert SqliteFetchState(store.conn).get_url("https://vell.example/b") is None
    state.put_url("https://vell.example/c", UrlState())
    state.discard()
    assert state.pending == 0 and state.get_url("https://vell.example/c") is None


def test_watch_inside_store_transactions_marks_nothing_seen_when_storing_fails(server: Server) -> None:
    from storyline.store.sqlite import Store

    store = Store(":memory:")
    state = SqliteFetchState(store.conn)

    def failing(documents: list[RawDocument]) -> int:
        raise RuntimeError("disk full")

    feed = base(server) + "/feed.xml"
    with fetcher(state=state) as client, pytest.raises(RuntimeError, match="disk full"):
        watch_feeds([feed], 60, failing, state, iterations=1, on_error=lambda m: None, fetcher=client,
                    transaction=store.transaction)
    assert state.pending == 0  # discarded by watch_feeds
    assert store.conn.execute("SELECT count(*) FROM feed_entries").fetchone()[0] == 0
    handed: list[int] = []
    with fetcher(state=state) as client:
        watch_feeds([feed], 60, lambda docs: handed.append(len(docs)) or len(docs), state, iterations=1,
                    on_error=lambda m: None, fetcher=client, transaction=store.transaction)
    # the feed body is unchanged but its entries were never stored: fetch state must not hide them
    assert handed == [3]
