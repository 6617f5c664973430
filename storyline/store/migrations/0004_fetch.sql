-- Fetch state (storyline/store/fetch_state.py): what the fetcher and the feed reader learnt between runs,
-- so re-polling a URL or a feed costs a conditional GET and yields nothing already ingested.

-- One row per URL asked for (before redirects): validators for conditional GET and the body's hash.
CREATE TABLE IF NOT EXISTS fetch_urls (
    url           TEXT PRIMARY KEY,
    etag          TEXT,
    last_modified TEXT,
    last_status   INTEGER,
    last_fetched  TEXT,     -- ISO 8601 UTC
    content_hash  TEXT      -- sha1 of the last 200 body
);

-- Feed entries already turned into documents; digest changes when the entry is edited (a new revision).
CREATE TABLE IF NOT EXISTS feed_entries (
    feed       TEXT NOT NULL,   -- the feed's URL or path as given
    entry_id   TEXT NOT NULL,   -- <guid>/<id>, else the link
    digest     TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    last_seen  TEXT NOT NULL,
    PRIMARY KEY (feed, entry_id)
) WITHOUT ROWID;

CREATE INDEX IF NOT EXISTS feed_entries_by_age ON feed_entries (feed, last_seen);

-- One row per polled feed: when, how it went, how often.
CREATE TABLE IF NOT EXISTS feeds (
    feed        TEXT PRIMARY KEY,
    last_polled TEXT,
    last_status TEXT,      -- "ok" or "error: <reason>"
    polls       INTEGER NOT NULL DEFAULT 0
);
