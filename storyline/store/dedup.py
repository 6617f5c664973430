"""SQLite storage of the dedup indexes (tables of ``migrations/0002_dedup.sql``).

Two ``storyline.dedup`` index interfaces over one ``sqlite3.Connection``: ``SqliteCopyIndex``
(MinHash signatures and LSH bands) and ``SqlitePassageIndex`` (passage appearances). Nothing here
commits or opens a transaction: the caller owns it, so that an article, its copy verdict and its
passages are stored together or not at all.

Typical use inside the store's transaction::

    copies = find_copies(new_articles, SqliteCopyIndex(conn))       # includes re-rooted old ones
    passages = find_reused_passages(new_articles, SqlitePassageIndex(conn))
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from functools import lru_cache

from storyline.dedup.minhash import (
    IndexEntry,
    LshParams,
    band_hashes,
    lsh_params,
    signature_from_bytes,
    signature_to_bytes,
)
from storyline.dedup.passages import PassageOrigin

_CHUNK = 500  # host parameters per IN (...) list, well under SQLite's 32766 limit


class DedupFormatError(RuntimeError):
    """The database holds signatures made with other shingle/permutation settings."""


def _chunks(items: Sequence, size: int = _CHUNK) -> Iterable[Sequence]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


# --- parameters ---------------------------------------------------------------------------------


def stored_params(conn: sqlite3.Connection) -> LshParams | None:
    row = conn.execute("SELECT value FROM dedup_meta WHERE key = 'lsh_params'").fetchone()
    return LshParams(**json.loads(row[0])) if row else None


def ensure_params(conn: sqlite3.Connection, params: LshParams) -> None:
    """Record ``params`` on first use; re-band when only bands/rows changed; refuse other formats.

    Raises ``DedupFormatError`` when the shingle size, permutations, seed or scheme differ: the
    stored signatures cannot be compared and the articles must be re-indexed from their text
    (``clear_copy_index`` then ``find_copies`` over all articles).
    """
    old = stored_params(conn)
    if old == params:
        return
    if old is not None and old.signature_format != params.signature_format:
        raise DedupFormatError(
            f"dedup index was built with {old}, settings ask for {params}; re-index the articles"
        )
    if old is not None:
        rebuild_bands(conn, params)
    conn.execute(
        "INSERT INTO dedup_meta (key, value) VALUES ('lsh_params', ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (json.dumps(asdict(params)),),
    )


def rebuild_bands(conn: sqlite3.Connection, params: LshParams) -> None:
    """Recompute every band from the stored signatures (after a change of LSH threshold)."""
    conn.execute("DELETE FROM dedup_bands")
    rows = conn.execute("SELECT article_id, signature FROM dedup_signatures").fetchall()
    for article_id, blob in rows:
        _insert_bands(conn, article_id, band_hashes(signature_from_bytes(blob, params), params))


def clear_copy_index(conn: sqlite3.Connection) -> None:
    conn.execute("DELETE FROM dedup_bands")
    conn.execute("DELETE FROM dedup_signatures")
    conn.execute("DELETE FROM dedup_meta WHERE key = 'lsh_params'")


# --- signatures and bands -----------------------------------------------------------------------


def _insert_bands(conn: sqlite3.Connection, article_id: str, bands: Sequence[int]) -> None:
    conn.executemany(
        "INSERT OR IGNORE INTO dedup_bands (band, hash, article_id) VALUES (?, ?, ?)",
        [(i, h, article_id) for i, h in enumerate(bands)],
    )


def insert_signature(conn: sqlite3.Connection, entry: IndexEntry, bands: Sequence[int]) -> None:
    """Store one article's signature and bands (replacing an older signature of the same id)."""
    conn.execute(
        "INSERT OR REPLACE INTO dedup_signatures (article_id, published, seq, copy_of, size, signature) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (entry.id, entry.published, entry.seq, entry.copy_of, entry.size,
         signature_to_bytes(entry.signature)),
    )
    _insert_bands(conn, entry.id, bands)


def query_candidates(conn: sqlite3.Connection, bands: Sequence[int]) -> set[str]:
    """Ids of articles sharing at least one (band, hash): one primary-key look-up per band.

    One statement of ``UNION ALL`` branches (the same text for a given band count, so sqlite3's
    statement cache prepares it once). A row-value ``(band, hash) IN (VALUES ...)`` reads the same
    but makes SQLite scan the whole table (checked with EXPLAIN QUERY PLAN on SQLite 3.40).
    """
    if not bands:
        return set()
    args = [x for i, h in enumerate(bands) for x in (i, h)]
    return {row[0] for row in conn.execute(_candidate_sql(len(bands)), args)}


@lru_cache(maxsize=8)
def _candidate_sql(n: int) -> str:
    branch = "SELECT article_id FROM dedup_bands WHERE band = ? AND hash = ?"
    return " UNION ALL ".join([branch] * n)


def load_entries(conn: sqlite3.Connection, ids: Iterable[str], params: LshParams) -> dict[str, IndexEntry]:
    ids = list(ids)
    out: dict[str, IndexEntry] = {}
    for chunk in _chunks(ids):
        marks = ",".join("?" * len(chunk))
        for article_id, published, seq, copy_of, size, blob in conn.execute(
            "SELECT article_id, published, seq, copy_of, size, signature FROM dedup_signatures "
            f"WHERE article_id IN ({marks})",
            list(chunk),
        ):
            sig = signature_from_bytes(blob, params)
            out[article_id] = IndexEntry(article_id, sig, published, seq, copy_of, size)
    return out


def delete_signature(conn: sqlite3.Connection, article_id: str, params: LshParams) -> None:
    """Remove an article from the copy index (its bands are recomputed from its signature)."""
    sql = "SELECT signature FROM dedup_signatures WHERE article_id = ?"
    row = conn.execute(sql, (article_id,)).fetchone()
    if row is None:
        return
    bands = band_hashes(signature_from_bytes(row[0], params), params)
    conn.executemany(
        "DELETE FROM dedup_bands WHERE band = ? AND hash = ? AND article_id = ?",
        [(i, h, article_id) for i, h in enumerate(bands)],
    )
    conn.execute("DELETE FROM dedup_signatures WHERE article_id = ?", (article_id,))


def set_copy_of(conn: sqlite3.Connection, ids: Iterable[str], copy_of: str | None) -> None:
    conn.executemany(
        "UPDATE dedup_signatures SET copy_of = ? WHERE article_id = ?", [(copy_of, i) for i in ids]
    )


def copy_members(conn: sqlite3.Connection, root: str) -> list[str]:
    rows = conn.execute(
        "SELECT article_id FROM dedup_signatures WHERE copy_of = ? ORDER BY article_id", (root,)
    )
    return [r[0] for r in rows]


class SqliteCopyIndex:
    """``CopyIndex`` over the dedup tables of an open connection (never commits)."""

    def __init__(self, conn: sqlite3.Connection, params: LshParams | None = None) -> None:
        self.conn = conn
        self.params = params or lsh_params()
        ensure_params(conn, self.params)

    def candidates(self, bands: Sequence[int]) -> set[str]:
        return query_candidates(self.conn, bands)

    def entries(self, ids: Iterable[str]) -> dict[str, IndexEntry]:
        return load_entries(self.conn, ids, self.params)

    def add(self, entry: IndexEntry, bands: Sequence[int]) -> None:
        # find_copies removes a previous signature of the same id first; not re-checked here
        insert_signature(self.conn, entry, bands)

    def remove(self, article_id: str) -> None:
        delete_signature(self.conn, article_id, self.params)

    def set_copy_of(self, ids: Iterable[str], copy_of: str | None) -> None:
        set_copy_of(self.conn, ids, copy_of)

    def members(self, root: str) -> list[str]:
        return copy_members(self.conn, root)

    def passage_index(self) -> SqlitePassageIndex:
        """The passage index on the same connection (what ``CopyFinder`` uses by default)."""
        return SqlitePassageIndex(self.conn)


# --- passages -----------------------------------------------------------------------------------


def insert_passages(conn: sqlite3.Connection, items: Sequence[tuple[int, PassageOrigin]]) -> None:
    conn.executemany(
        "INSERT OR IGNORE INTO dedup_passages (hash, article_id, start, published, seq) "
        "VALUES (?, ?, ?, ?, ?)",
        [(h, o.article, o.start, o.published, o.seq) for h, o in items],
    )


def lookup_passages(conn: sqlite3.Connection, hashes: Iterable[int]) -> dict[int, PassageOrigin]:
    """Earliest appearance per hash (undated appearances rank after dated ones, then by seq)."""
    hashes = list(hashes)
    out: dict[int, PassageOrigin] = {}
    for chunk in _chunks(hashes):
        marks = ",".join("?" * len(chunk))
        for h, article_id, start, published, seq in conn.execute(
            f"SELECT hash, article_id, start, published, seq FROM dedup_passages WHERE hash IN ({marks})",
            list(chunk),
        ):
            origin = PassageOrigin(article_id, start, published, seq)
            old = out.get(h)
            if old is None or origin.key < old.key:
                out[h] = origin
    return out


def delete_passages(conn: sqlite3.Connection, article_id: str) -> None:
    conn.execute("DELETE FROM dedup_passages WHERE article_id = ?", (article_id,))


class SqlitePassageIndex:
    """``PassageIndex`` over ``dedup_passages`` of an open connection (never commits)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def lookup(self, hashes: Iterable[int]) -> dict[int, PassageOrigin]:
        return lookup_passages(self.conn, hashes)

    def add(self, items: Sequence[tuple[int, PassageOrigin]]) -> None:
        insert_passages(self.conn, items)

    def remove_article(self, article_id: str) -> None:
        delete_passages(self.conn, article_id)


def remove_article(conn: sqlite3.Connection, article_id: str, params: LshParams | None = None) -> None:
    """Forget an article in both indexes (deletion, or before re-indexing a revised text)."""
    delete_signature(conn, article_id, params or stored_params(conn) or lsh_params())
    delete_passages(conn, article_id)
