-- Online event/storyline clustering state, persisted beside the events it produced.
-- Written and read only by storyline/store/cluster.py; the algorithm is storyline/cluster/.
-- Ingesting a batch reads the document frequencies of the batch's terms, the posting lists it
-- queries and the candidate clusters, nothing else.

-- Counters: n_docs (documents seen, for IDF), seq (clusterer step), next_term (term ids handed out).
CREATE TABLE IF NOT EXISTS cluster_meta (
    key   TEXT PRIMARY KEY,
    value INTEGER NOT NULL
) WITHOUT ROWID;

-- Online document frequencies. Terms are prefixed by space: plain words, "e:" entities, "n:" numbers.
CREATE TABLE IF NOT EXISTS cluster_terms (
    term TEXT PRIMARY KEY,
    id   INTEGER NOT NULL UNIQUE,
    df   INTEGER NOT NULL
) WITHOUT ROWID;

-- One row per event (kind 'ev') or storyline (kind 'sl'): centroids packed as a blob
-- (per space: uint32 count, float64 norm, int32 term ids, float32 weights), dates as day numbers.
CREATE TABLE IF NOT EXISTS cluster_state (
    id            TEXT PRIMARY KEY,
    kind          TEXT NOT NULL,
    size          INTEGER NOT NULL,
    first_day     REAL,
    last_day      REAL,
    last_seq      INTEGER NOT NULL,
    storyline     TEXT,
    title         TEXT NOT NULL DEFAULT '',
    title_score   REAL NOT NULL DEFAULT 0,
    first_article TEXT NOT NULL DEFAULT '',
    index_terms   TEXT NOT NULL DEFAULT '',  -- space-separated term ids the cluster is indexed under
    centroids     BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS cluster_state_storyline ON cluster_state (storyline) WHERE kind = 'ev';

-- Inverted index: clusters under their heaviest centroid terms, read newest (last_seq) first.
CREATE TABLE IF NOT EXISTS cluster_postings (
    kind     TEXT NOT NULL,
    term     INTEGER NOT NULL,
    cluster  TEXT NOT NULL,
    last_seq INTEGER NOT NULL,
    PRIMARY KEY (kind, term, cluster)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS cluster_postings_recent ON cluster_postings (kind, term, last_seq DESC);
CREATE INDEX IF NOT EXISTS cluster_postings_cluster ON cluster_postings (cluster);
