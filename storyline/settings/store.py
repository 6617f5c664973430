"""Tunables of the store and the pipeline's batching."""

# Documents cleaned and stored per transaction. Larger batches amortise the commit (an fsync in WAL
# mode); smaller ones lose less work to an interrupt. 200 keeps an interrupted ingest's loss under a
# second of work at the measured ~200+ pages/s of cleaning.
INGEST_BATCH = 200

# Articles run through the per-article stages per transaction (quotes are extracted for the whole
# batch at once so spaCy's nlp.pipe can batch the sentences that need parsing).
PROCESS_BATCH = 100

# SQLite page cache per connection, in KiB (a ceiling, not an allocation). See Store.__init__.
CACHE_KIB = 131072
