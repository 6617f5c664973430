-- Copy detection (MinHash LSH) and passage reuse, persisted beside the articles.
-- Written and read only by storyline/store/dedup.py; the algorithm is storyline/dedup/.
-- No foreign keys to articles: dedup rows are written in the same transaction, before or after
-- the article row, and removing an article removes its rows through store/dedup.py.

-- Parameters the stored signatures and bands were made with (num_perm, seed, scheme,
-- shingle_words, bands, rows): signatures of another format are never compared.
CREATE TABLE IF NOT EXISTS dedup_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- One MinHash signature per indexed article (little-endian uint32 x num_perm), with what the
-- "earliest article" rule needs. copy_of mirrors articles.copy_of (the root of its copy group).
CREATE TABLE IF NOT EXISTS dedup_signatures (
    article_id TEXT PRIMARY KEY,
    published  TEXT,
    seq        INTEGER NOT NULL DEFAULT 0,
    copy_of    TEXT,
    size       INTEGER NOT NULL DEFAULT 0,   -- distinct shingles, for the containment estimate
    signature  BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS dedup_signatures_copy_of ON dedup_signatures (copy_of) WHERE copy_of IS NOT NULL;

-- LSH bands: articles sharing any (band, hash) are candidates, verified on their signatures.
CREATE TABLE IF NOT EXISTS dedup_bands (
    band       INTEGER NOT NULL,
    hash       INTEGER NOT NULL,
    article_id TEXT NOT NULL,
    PRIMARY KEY (band, hash, article_id)
) WITHOUT ROWID;

-- Every appearance of a paragraph or sentence (hash of its normalised words); the earliest
-- appearance (published, then seq) is its origin.
CREATE TABLE IF NOT EXISTS dedup_passages (
    hash       INTEGER NOT NULL,
    article_id TEXT NOT NULL,
    start      INTEGER NOT NULL,
    published  TEXT,
    seq        INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (hash, article_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS dedup_passages_article ON dedup_passages (article_id);
