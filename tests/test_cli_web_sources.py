"""The command line against a local web server: feeds and pages over HTTP, re-polling, watch; and the
commands that read the analysis (new, report)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.settings import ingest as ingest_settings
from storyline.store.sqlite import Store

runner = CliRunner()

ARTICLE = (
    "<p>Ferry crews in Norwick walked off the job on {day}, stranding island commuters, the union said.</p>"
    "<p>&quot;We will not sail short-handed again,&quot; said Helen Strand, the crews' organiser.</p>"
    "<p>The operator, Sound Lines, said it would run a reduced timetable and called the walkout "
    "&quot;premature&quot;. Talks are due to resume on Friday at the harbour office, officials said.</p>"
)


def feed(base: str, items: int) -> bytes:
    """An RSS feed whose entries carry only a summary: storyline fetches each linked page."""
    entries = "".join(
        f"<item><title>Ferry crews strike in Norwick, day {i}</title>"
        f"<link>{base}/ferry-{i}</link><guid>ferry-{i}</guid>"
        f"<pubDate>Tue, 0{i} Mar 2026 08:00:00 GMT</pubDate>"
        f"<description>Ferry crews walk out in Norwick.</description></item>"
        for i in range(1, items + 1)
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>The Norwick Tide</title>'
        f"<link>http://127.0.0.1/</link><description>news</description>{entries}</channel></rss>"
    ).encode()


class Handler(BaseHTTPRequestHandler):
    items = 2

    def log_message(self, format: str, *args: object) -> None:
        return None

    def do_GET(self) -> None:
        if self.path == "/robots.txt":
            body, kind = b"User-agent: *\nAllow: /\n", "text/plain"
        elif self.path == "/feed.xml":
            base = f"http://127.0.0.1:{self.server.server_address[1]}"
            body, kind = feed(base, Handler.items), "application/rss+xml"
        elif self.path.startswith("/ferry-"):
            day = self.path.removeprefix("/ferry-")
            body = (
                f"<html><head><title>Ferry crews strike in Norwick, day {day}</title>"
                '<meta property="og:site_name" content="The Norwick Tide"></head><body><article>'
                f"<h1>Ferry crews strike in Norwick, day {day}</h1>{ARTICLE.format(day=f'day {day}')}"
                "</article></body></html>"
            ).encode()
            kind = "text/html; charset=utf-8"
        else:
            self.send_response(404)
            self.end_headers()
            return
        etag = f'"v{Handler.items}"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("ETag", etag)
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setattr(ingest_settings, "PER_HOST_DELAY", 0.0)
    Handler.items = 2
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_a_feed_url_is_refused_without_allow_private_and_ingested_with_it(server: str, tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    result = runner.invoke(app, ["ingest", f"{server}/feed.xml", "--db", db, "-q"])
    assert "loopback" in result.output and "--allow-private" in result.output
    result = runner.invoke(app, ["ingest", f"{server}/feed.xml", "--db", db, "-q", "--allow-private"])
    assert result.exit_code == 0, result.output
    assert "2 new" in result.output
    again = runner.invoke(app, ["ingest", f"{server}/feed.xml", "--db", db, "-q", "--allow-private"])
    assert again.exit_code == 0 and "0 read" in again.output, "an unchanged feed costs nothing the second time"
    with Store(db) as store:
        articles = store.articles()
        assert {a.date_source for a in articles} == {"feed"}
        assert {a.outlet for a in articles} == {"The Norwick Tide"}
        assert all(a.published.startswith("2026-03-0") for a in articles)


def test_watch_ingests_only_what_is_new_and_says_which_story_moved(server: str, tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    args = ["watch", f"{server}/feed.xml", "--every", "1s", "--iterations", "1", "--allow-private", "--db", db]
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    assert "2 new" in first.output and "new story" in first.output
    Handler.items = 3  # the feed grows
    second = runner.invoke(app, args)
    assert second.exit_code == 0, second.output
    assert "1 new" in second.output and "story moved" in second.output
    with Store(db) as store:
        assert store.article_count() == 3


def test_new_and_report_read_the_analysis(demo_db: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["new", "--since", "2026-05-15", "--db", str(demo_db)])
    assert result.exit_code == 0, result.output
    assert "Kestrel" in result.output  # the regulator's fine of May 19-20 is new after May 15
    assert "Vasquez" not in result.output  # the recount ended in April
    seen = tmp_path / "seen.txt"
    runner.invoke(app, ["new", "--seen", str(seen), "--db", str(demo_db)])
    assert seen.read_text(encoding="utf-8").count("\n") == 52
    again = runner.invoke(app, ["new", "--seen", str(seen), "--db", str(demo_db)])
    assert "nothing new" in again.output
    page = tmp_path / "report.html"
    with Store(demo_db) as store:
        storyline = store.storylines()[0]
    result = runner.invoke(app, ["report", storyline.id, "--html", str(page), "--db", str(demo_db)])
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") or html.lower().startswith("<!doctype html>")
    assert "<svg" in html and "http://" not in html.replace("http://www.w3.org/2000/svg", "")
    assert runner.invoke(app, ["report", "nope", "--html", str(page), "--db", str(demo_db)]).exit_code == 1
