"""Tunables of the ingest stage, each with the measurement that justifies it."""

from __future__ import annotations

# --- files -------------------------------------------------------------------------------------------
# Extensions read as one document each. Anything else inside a directory is skipped silently; a file
# named explicitly with another extension is an error (the user meant it, so say why it was not read).
TEXT_EXTENSIONS = (".txt", ".md")
HTML_EXTENSIONS = (".html", ".htm")
JSON_EXTENSIONS = (".json",)
JSONL_EXTENSIONS = (".jsonl",)
FEED_EXTENSIONS = (".xml", ".rss", ".atom")
WARC_EXTENSIONS = (".warc", ".warc.gz", ".arc", ".arc.gz")

# Largest single document (a .txt/.md/.html file, one JSONL line, one fetched page). The 181 news pages of
# the zyte-article-extraction set measure median 111 KB, largest 1.4 MB of HTML; 10 MB is 7x that while
# refusing a 50 MB "page", which is never an article.
MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
# A .json file is parsed whole (a list of records), so it needs its own, larger, cap; JSONL is streamed
# line by line and has no file cap, only the per-line MAX_DOCUMENT_BYTES.
MAX_JSON_FILE_BYTES = 512 * 1024 * 1024

# How many leading bytes are sniffed for NUL bytes and control characters to call a file binary. 8 KB is
# what git and file(1) look at; a text file with a NUL in its first 8 KB is not text.
SNIFF_BYTES = 8192
# Share of C0 control characters (other than tab, CR, LF, FF) above which decoded text is called binary.
# Measured on the first 8 KB: 0.0 for all 181 zyte pages and the seed articles; 0.09-0.90 for PNG, gzip
# and shared-library files and 0.11 for random bytes. 0.05 sits between with room on both sides.
MAX_CONTROL_SHARE = 0.05

# --- fetching ----------------------------------------------------------------------------------------
# Fetched responses share the document cap above (streamed; the download stops as soon as it is passed).
MAX_RESPONSE_BYTES = MAX_DOCUMENT_BYTES
# Feeds can carry full text: 100 entries of 10 KB text is ~1 MB (an estimate; no feeds in the shared
# datasets to measure). 20 MB leaves a wide margin for HTML-heavy content:encoded.
MAX_FEED_BYTES = 20 * 1024 * 1024
# Connect/read timeouts in seconds (chosen, not measured: no internet here). A healthy site answers in
# well under a second; these cover slow origins while a dead server costs one batch at most ~30 s.
# Tests pass ~0.5 s to Fetcher.
CONNECT_TIMEOUT = 10.0
READ_TIMEOUT = 20.0
# Whole-response deadline in seconds: a server that drips a byte just inside the read timeout would
# otherwise hold the batch forever. A 10 MB page at a slow 1 MB/s finishes in 10 s; 60 s is generous.
TOTAL_TIMEOUT = 60.0
# Redirect hops followed before giving up: real article links take 1-3 (http→https, www, tracking).
MAX_REDIRECTS = 5
# Minimum seconds between two requests to the same host: one request a second is the polite default
# most crawlers (and robots.txt Crawl-delay conventions) use. A robots.txt Crawl-delay, if larger, wins.
PER_HOST_DELAY = 1.0
# A robots.txt Crawl-delay above this is capped (some sites ask for 60+ s, which would stall a batch;
# we still honour up to half a minute between requests to that host).
MAX_CRAWL_DELAY = 30.0
# How long a fetched robots.txt is trusted, seconds (Google re-reads it about daily).
ROBOTS_TTL = 24 * 3600
# Content types accepted as a page; feeds accept FEED_CONTENT_TYPES as well.
HTML_CONTENT_TYPES = ("text/html", "application/xhtml+xml")
FEED_CONTENT_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
)
PLAIN_CONTENT_TYPES = ("text/plain",)

# --- feeds -------------------------------------------------------------------------------------------
# A feed entry without <content> whose description has fewer characters than this (tags stripped) is a
# summary, and its linked page is fetched. Article bodies in zyte-article-extraction: shortest 369
# characters, 5th percentile 645, median 3158. Erring towards fetching is cheap (a short real article
# costs one request and comes back whole); taking a teaser for the article would lose the story.
FEED_FULL_TEXT_MIN_CHARS = 1000
# Polls on which a feed entry whose page failed to download is tried again (its summary is kept at once).
# Three polls at the default 10-minute interval ride out a 30-minute outage without re-fetching a page
# that is gone for good on every poll forever.
FEED_ENTRY_RETRIES = 3

# --- watch -------------------------------------------------------------------------------------------
# Default polling interval for `storyline watch`: news feeds update every few minutes at most; 10 minutes
# keeps a story current without hammering a site.
DEFAULT_WATCH_EVERY = 600.0
# Feed entry ids remembered per feed; a feed shows 10-100 entries, so 5000 covers months of churn.
MAX_SEEN_ENTRIES_PER_FEED = 5000
