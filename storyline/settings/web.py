"""Tunables of the web stage, each with the measurement that justifies it."""

# Items per page of the JSON API when ``?limit=`` is not given, and the most one request may ask for.
# On the 100k-article benchmark database 50 article records (full text) take 1 ms to query and 0.5 ms
# to serialise; 500 take 25 ms + 20 ms, which keeps the largest page inside the 200 ms p95 budget.
API_DEFAULT_LIMIT = 50
API_MAX_LIMIT = 500

# Storylines per Stories page. 20 storylines (≈100 events with their aggregates) take ~17-22 ms to build
# and render on the 100k-article benchmark database (one thread); a reader scans about that many before
# searching instead.
STORIES_PER_PAGE = 20

# Events listed per storyline on the Stories page before "and N more" (the storyline page shows all).
STORY_EVENTS_SHOWN = 8

# Search results per page (FTS5 bm25 ranking over 100k articles: ~15 ms for a two-word query).
SEARCH_PER_PAGE = 20

# Speakers per page of the speakers index.
SPEAKERS_PER_PAGE = 100

# Speakers shown in a storyline's "speakers over time" grid (the busiest ones; the rest are a list).
STORYLINE_TOP_SPEAKERS = 12

# The server-drawn storyline timeline: SVG user units. The viewBox scales it to the screen.
TIMELINE_WIDTH = 900
TIMELINE_ROW = 26
TIMELINE_LABEL_CHARS = 60

# Largest POST /api/ingest body in bytes (1,000 typical articles of ~10 kB each).
INGEST_MAX_BYTES = 10_000_000

# Per reader connection: memory-map up to 1 GiB of the database file and keep a 16 MiB page cache.
# On the 10k-article benchmark database this cut the Stories page's event aggregates from 10.5 to 4.7 ms
# and event loading from 33 to 23 ms; SQLite's default 2 MiB cache re-reads pages through read() calls.
# (The mapping shows in the server's RSS as shared file pages: ~1.5 GB at 100k articles, not heap.)
READER_MMAP_BYTES = 1 << 30
READER_CACHE_KIB = 16384

# Search: bm25 ranks the newest SEARCH_RANK_WINDOW matches. Ranking every match of a word found in
# 99.5k of the 100k benchmark articles took 146 ms; the windowed search (count + rank 2,000 + snippets)
# takes 12.6 ms. Counts stop at the cap (the full count of that word alone took 12.5 ms).
SEARCH_RANK_WINDOW = 2000
SEARCH_COUNT_CAP = 10000

# Quotes on a speaker's page (newest first). A prolific speaker (or "a US official") can have thousands;
# the benchmark's speakers have ~100 quotes and their page takes ~6-12 ms, so 500 stays well inside the
# budget; the API pages through the rest.
SPEAKER_QUOTES_SHOWN = 500
