"""Persistence of the online clustering state (tables of ``migrations/0003_cluster.sql``).

Two ways to use it, both over a caller-owned ``sqlite3.Connection`` (nothing here commits: the
caller's transaction holds the batch):

- :class:`SqliteClusterIndex` implements :class:`storyline.cluster.index.ClusterIndex` directly on
  the tables, so ``OnlineClusterer(SqliteClusterIndex(conn))`` places a batch of new articles while
  reading only the document frequencies of their terms, the posting lists they query and the
  candidate clusters, and writing only what it changed. This is the incremental path: 1,000 new
  articles into a database of 100,000 touch a few thousand rows.
- :func:`save_memory_index` / :func:`load_memory_index` write the touched part of an in-memory
  :class:`~storyline.cluster.index.MemoryIndex` and read a whole state back (small databases,
  tests, evaluation snapshots).

Both give the clusters the in-memory run gives: the clusterer talks only to the index interface,
and the posting lists here are ordered and cut exactly as in memory.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence

import numpy as np

from storyline.cluster.index import Cluster, DensePool, Kind, MemoryIndex, OverlapScratch, rank_by_overlap
from storyline.settings import cluster as settings

_CHUNK = 500
_CLUSTER_COLUMNS = ("id, kind, size, first_day, last_day, last_seq, storyline, title, title_score, "
                    "first_article, index_terms, centroids, dense")


def _chunks(items: Sequence, size: int = _CHUNK) -> Iterable[Sequence]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _meta(conn: sqlite3.Connection, key: str) -> int:
    row = conn.execute("SELECT value FROM cluster_meta WHERE key = ?", (key,)).fetchone()
    return int(row[0]) if row else 0


def _set_meta(conn: sqlite3.Connection, key: str, value: int) -> None:
    conn.execute("INSERT INTO cluster_meta (key, value) VALUES (?, ?) "
                 "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))


def _row_to_cluster(row: Sequence) -> Cluster:
    cluster = Cluster(key=row[0], kind=row[1], size=row[2], first_day=row[3], last_day=row[4],
                      last_seq=row[5], storyline=row[6], title=row[7], title_score=row[8],
                      first_article=row[9],
                      index_terms=tuple(int(t) for t in row[10].split()) if row[10] else ())
    cluster.unpack(row[11])
    cluster.unpack_dense(row[12])
    return cluster


def write_cluster(conn: sqlite3.Connection, cluster: Cluster) -> None:
    """Upsert one cluster row and replace its posting rows (indexed under its current terms)."""
    conn.execute(
        f"INSERT OR REPLACE INTO cluster_state ({_CLUSTER_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (cluster.key, cluster.kind, cluster.size, cluster.first_day, cluster.last_day, cluster.last_seq,
         cluster.storyline, cluster.title, cluster.title_score, cluster.first_article,
         " ".join(str(t) for t in cluster.index_terms), cluster.pack(), cluster.pack_dense()),
    )
    conn.execute("DELETE FROM cluster_postings WHERE cluster = ?", (cluster.key,))
    conn.executemany(
        "INSERT INTO cluster_postings (kind, term, cluster, last_seq) VALUES (?, ?, ?, ?)",
        [(cluster.kind, t, cluster.key, cluster.last_seq) for t in cluster.index_terms],
    )


def read_clusters(conn: sqlite3.Connection, keys: Iterable[str]) -> dict[str, Cluster]:
    keys = list(keys)
    out: dict[str, Cluster] = {}
    for chunk in _chunks(keys):
        marks = ",".join("?" * len(chunk))
        for row in conn.execute(f"SELECT {_CLUSTER_COLUMNS} FROM cluster_state WHERE id IN ({marks})", chunk):
            out[row[0]] = _row_to_cluster(row)
    return out


class SqliteClusterIndex:
    """The clustering state on SQLite tables, read and written lazily per article.

    Loaded clusters are cached for the life of the object (a batch); every change is written
    through at once, inside the caller's transaction.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.n_docs = _meta(conn, "n_docs")
        self.seq = _meta(conn, "seq")
        self.next_term = _meta(conn, "next_term") or 1
        self._cache: dict[str, Cluster] = {}
        self.touched: set[str] = set()  # clusters written through this object
        self._pool: DensePool | None = None  # loaded on the first dense query
        self._scratch = OverlapScratch()

    def _dense_pool(self) -> DensePool:
        """The newest DENSE_POOL events' embedding centroids, read once per batch (oldest first, as
        the in-memory index filled its pool) and then kept current by :meth:`put`."""
        if self._pool is None:
            pool = DensePool(settings.DENSE_POOL)
            rows = self.conn.execute(
                "SELECT id, dense FROM cluster_state WHERE kind = 'ev' AND dense IS NOT NULL "
                "ORDER BY last_seq DESC LIMIT ?", (settings.DENSE_POOL,)).fetchall()
            for key, blob in reversed(rows):
                probe = Cluster(key=key, kind="ev")
                probe.unpack_dense(blob)
                unit = probe.dense_unit()
                if unit is not None:
                    pool.update(key, unit)
            self._pool = pool
        return self._pool

    def dense_candidates(self, vec: np.ndarray, limit: int) -> list[str]:
        return self._dense_pool().nearest(vec, limit)

    def observe(self, terms: list[str]) -> tuple[np.ndarray, np.ndarray, int]:
        known: dict[str, tuple[int, int]] = {}
        for chunk in _chunks(terms):
            marks = ",".join("?" * len(chunk))
            for term, tid, df in self.conn.execute(
                f"SELECT term, id, df FROM cluster_terms WHERE term IN ({marks})", chunk
            ):
                known[term] = (tid, df)
        ids: list[int] = []
        dfs: list[int] = []
        new_rows = []
        for term in terms:
            if term in known:
                tid, df = known[term]
            else:
                tid, df = self.next_term, 0
                self.next_term += 1
                new_rows.append((term, tid))
            ids.append(tid)
            dfs.append(df + 1)
        self.conn.executemany("INSERT INTO cluster_terms (term, id, df) VALUES (?, ?, 0)", new_rows)
        self.conn.executemany("UPDATE cluster_terms SET df = df + 1 WHERE term = ?",
                              [(t,) for t in terms])
        self.n_docs += 1
        _set_meta(self.conn, "n_docs", self.n_docs)
        _set_meta(self.conn, "next_term", self.next_term)
        return np.array(ids, dtype=np.int64), np.array(dfs, dtype=np.int64), self.n_docs

    def tick(self) -> int:
        self.seq += 1
        _set_meta(self.conn, "seq", self.seq)
        return self.seq

    def overlap_candidates(self, kind: Kind, query: list[tuple[int, float]], limit: int, n: int) -> list[str]:
        # keys are numbered in the order found, which is all rank_by_overlap needs
        numbers: dict[str, int] = {}
        listed: list[int] = []
        weights: list[float] = []
        for term, w in query:
            rows = self.conn.execute(
                "SELECT cluster FROM cluster_postings WHERE kind = ? AND term = ? "
                "ORDER BY last_seq DESC LIMIT ?", (kind, term, limit))
            for (key,) in rows:
                listed.append(numbers.setdefault(key, len(numbers)))
                weights.append(w)
        keys = list(numbers)
        best = rank_by_overlap(np.array(listed, dtype=np.int64), np.array(weights), n, self._scratch)
        return [keys[i] for i in best.tolist()]

    def get(self, key: str) -> Cluster | None:
        cluster = self._cache.get(key)
        if cluster is None:
            cluster = read_clusters(self.conn, [key]).get(key)
            if cluster is not None:
                self._cache[key] = cluster
        return cluster

    def put(self, cluster: Cluster, old_terms: tuple[int, ...]) -> None:
        self._cache[cluster.key] = cluster
        self.touched.add(cluster.key)
        write_cluster(self.conn, cluster)
        if self._pool is not None and cluster.kind == "ev":
            unit = cluster.dense_unit()
            if unit is not None:
                self._pool.update(cluster.key, unit)


def save_memory_index(conn: sqlite3.Connection, index: MemoryIndex) -> int:
    """Write the clusters and document frequencies a MemoryIndex changed since its last save; returns
    the number of clusters written. The database must hold this index's lineage (it was empty, or
    was written by this index, or the index came from :func:`load_memory_index`)."""
    clusters, dfs = index.take_dirty()
    conn.executemany(
        "INSERT INTO cluster_terms (term, id, df) VALUES (?, ?, ?) "
        "ON CONFLICT(term) DO UPDATE SET df = excluded.df",
        [(term, index.vocab[term], df) for term, df in dfs.items()],
    )
    for cluster in clusters:
        write_cluster(conn, cluster)
    _set_meta(conn, "n_docs", index.n_docs)
    _set_meta(conn, "seq", index.seq)
    _set_meta(conn, "next_term", len(index.vocab) + 1)
    return len(clusters)


def load_memory_index(conn: sqlite3.Connection) -> MemoryIndex:
    """The whole stored state as a MemoryIndex (posting lists rebuilt in last_seq order)."""
    index = MemoryIndex()
    index.n_docs = _meta(conn, "n_docs")
    index.seq = _meta(conn, "seq")
    rows = conn.execute("SELECT term, id, df FROM cluster_terms").fetchall()
    index.vocab.update((term, tid) for term, tid, _ in rows)
    index.grow_df(max((tid for _, tid, _ in rows), default=0) + 1)
    for _, tid, df in rows:
        index.df[tid] = df
    rows = conn.execute(f"SELECT {_CLUSTER_COLUMNS} FROM cluster_state ORDER BY last_seq")
    for row in rows:
        cluster = _row_to_cluster(row)
        index.put(cluster, ())
    index.dirty.clear()
    index.dirty_terms.clear()
    return index


def event_rows(conn: sqlite3.Connection, keys: Iterable[str]) -> list[tuple[str, str, str]]:
    """(event id, storyline id, title) of the given events, for the store's ``events`` table."""
    return [(c.key, c.storyline or "", c.title) for c in read_clusters(conn, keys).values()
            if c.kind == "ev"]
