"""The fetch state (ETag/Last-Modified per URL, seen feed entries, feed polls) in the SQLite store.

Implements :class:`storyline.ingest.fetch.FetchState` over the tables of ``migrations/0004_fetch.sql``.

Writes are buffered until :meth:`SqliteFetchState.flush`, which the caller runs once the documents read
so far are stored. The order matters: state says "this URL/entry is done", so it must never be durable
before the article is. Flushing after the articles commit (or inside their transaction) means a crash
at any moment at worst re-fetches something already stored, which the store's idempotent add absorbs;
it never loses an article. ``flush`` joins the connection's open transaction if there is one, and
otherwise writes and commits in a transaction of its own.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

from storyline.ingest.fetch import UrlState
from storyline.settings import ingest as settings


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class SqliteFetchState:
    """FetchState over a sqlite3 connection whose schema includes migration 0004."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        self._urls: dict[str, UrlState] = {}
        self._entries: dict[tuple[str, str], tuple[str, str]] = {}
        self._polls: list[tuple[str, str, str]] = []

    # -- reads see pending writes ------------------------------------------------------------------
    def get_url(self, url: str) -> UrlState | None:
        if url in self._urls:
            return self._urls[url]
        row = self.connection.execute(
            "SELECT etag, last_modified, last_status, last_fetched, content_hash FROM fetch_urls "
            "WHERE url = ?",
            (url,),
        ).fetchone()
        if row is None:
            return None
        return UrlState(etag=row[0], last_modified=row[1], last_status=row[2], last_fetched=row[3],
                        content_hash=row[4])

    def entry_digest(self, feed: str, entry_id: str) -> str | None:
        if (feed, entry_id) in self._entries:
            return self._entries[(feed, entry_id)][0]
        row = self.connection.execute(
            "SELECT digest FROM feed_entries WHERE feed = ? AND entry_id = ?", (feed, entry_id)
        ).fetchone()
        return row[0] if row else None

    # -- buffered writes ---------------------------------------------------------------------------
    def put_url(self, url: str, state: UrlState) -> None:
        self._urls[url] = state

    def put_entry(self, feed: str, entry_id: str, digest: str) -> None:
        self._entries[(feed, entry_id)] = (digest, _now())

    def feed_polled(self, feed: str, when: str, status: str) -> None:
        self._polls.append((feed, when, status))

    @property
    def pending(self) -> int:
        """How many writes wait for :meth:`flush`."""
        return len(self._urls) + len(self._entries) + len(self._polls)

    def flush(self) -> None:
        """Write the buffered state; call after the documents read so far are stored (see module doc)."""
        if not self.pending:
            return
        own = not self.connection.in_transaction
        if own:
            self.connection.execute("BEGIN")
        try:
            self._write()
        except BaseException:
            if own:
                self.connection.execute("ROLLBACK")
            raise
        if own:
            self.connection.execute("COMMIT")
        self._urls.clear()
        self._entries.clear()
        self._polls.clear()

    def discard(self) -> None:
        """Forget buffered writes (the documents they belong to were not stored)."""
        self._urls.clear()
        self._entries.clear()
        self._polls.clear()

    def _write(self) -> None:
        conn = self.connection
        conn.executemany(
            "INSERT INTO fetch_urls (url, etag, last_modified, last_status, last_fetched, content_hash) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, "
            "last_modified = excluded.last_modified, last_status = excluded.last_status, "
            "last_fetched = excluded.last_fetched, content_hash = excluded.content_hash",
            [(url, s.etag, s.last_modified, s.last_status, s.last_fetched, s.content_hash)
             for url, s in self._urls.items()],
        )
        conn.executemany(
            "INSERT INTO feed_entries (feed, entry_id, digest, first_seen, last_seen) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (feed, entry_id) DO UPDATE SET digest = excluded.digest, "
            "last_seen = excluded.last_seen",
            [(feed, entry, digest, when, when) for (feed, entry), (digest, when) in self._entries.items()],
        )
        for feed, when, status in self._polls:
            conn.execute(
                "INSERT INTO feeds (feed, last_polled, last_status, polls) VALUES (?, ?, ?, 1) "
                "ON CONFLICT (feed) DO UPDATE SET last_polled = excluded.last_polled, "
                "last_status = excluded.last_status, polls = feeds.polls + 1",
                (feed, when, status),
            )
        for feed in {feed for feed, _, _ in self._polls}:
            # Forget the oldest entries of a long-lived feed; they left the feed long ago.
            conn.execute(
                "DELETE FROM feed_entries WHERE feed = ? AND entry_id IN (SELECT entry_id FROM feed_entries "
                "WHERE feed = ? ORDER BY last_seen DESC LIMIT -1 OFFSET ?)",
                (feed, feed, settings.MAX_SEEN_ENTRIES_PER_FEED),
            )

    def feeds(self) -> list[tuple[str, str | None, str | None, int]]:
        """(feed, last_polled, last_status, polls) of every feed polled, for `storyline watch` output."""
        query = "SELECT feed, last_polled, last_status, polls FROM feeds ORDER BY feed"
        return [(row[0], row[1], row[2], row[3]) for row in self.connection.execute(query)]
