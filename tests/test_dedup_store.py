"""The dedup indexes on SQLite: same verdicts as in memory, persistent, never committing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from storyline.dedup import CopyFinder, MemoryCopyIndex, MemoryPassageIndex, find_copies, find_reused_passages
from storyline.dedup.copygen import generate
from storyline.dedup.minhash import lsh_params
from storyline.model import Article
from storyline.store.dedup import (
    DedupFormatError,
    SqliteCopyIndex,
    SqlitePassageIndex,
    query_candidates,
    remove_article,
    stored_params,
)

MIGRATION = Path(__file__).resolve().parents[1] / "storyline" / "store" / "migrations" / "0002_dedup.sql"


def connect(path: str | Path = ":memory:") -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.executescript(MIGRATION.read_text())
    return conn


def corpus(stories: int = 30, seed: int = 4) -> list[Article]:
    docs = generate(stories=stories, copies_per_story=2, strength="medium", negatives_per_story=2, seed=seed)
    return [
        Article(id=d.id, source="t", text=d.text, title=d.title, published=d.published, seq=d.seq)
        for d in docs
    ]


def test_sqlite_index_gives_the_memory_verdicts() -> None:
    articles = corpus()
    memory = find_copies(articles, MemoryCopyIndex())
    conn = connect()
    conn.execute("BEGIN")
    on_disk = find_copies(articles, SqliteCopyIndex(conn))
    conn.execute("COMMIT")
    assert on_disk == memory
    assert sum(v is not None for v in memory.values()) >= 55  # 60 copies in the corpus
    # the store's mirror of copy_of agrees
    rows = dict(conn.execute("SELECT article_id, copy_of FROM dedup_signatures"))
    assert {k: v for k, v in rows.items()} == memory


def test_index_persists_and_new_articles_query_it(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    articles = corpus()
    originals = [a for a in articles if "c" not in a.id and "n" not in a.id]
    copies = [a for a in articles if "c" in a.id]
    conn = connect(db)
    with conn:
        conn.execute("BEGIN")
        find_copies(originals, SqliteCopyIndex(conn))
    conn.close()
    conn = connect(db)  # migration is idempotent (IF NOT EXISTS)
    conn.execute("BEGIN")
    result = find_copies(copies, SqliteCopyIndex(conn))
    conn.execute("COMMIT")
    assert sum(result[c.id] == c.id.split("c")[0] for c in copies) >= len(copies) - 2


def test_nothing_is_committed_by_the_index() -> None:
    conn = connect()
    conn.execute("BEGIN")
    find_copies(corpus(5), SqliteCopyIndex(conn))
    find_reused_passages(corpus(5), SqlitePassageIndex(conn))
    assert conn.in_transaction
    conn.execute("ROLLBACK")
    assert conn.execute("SELECT count(*) FROM dedup_signatures").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM dedup_passages").fetchone()[0] == 0


def test_other_signature_format_is_refused_and_other_bands_are_rebuilt() -> None:
    conn = connect()
    articles = corpus(8)
    find_copies(articles, SqliteCopyIndex(conn))
    with pytest.raises(DedupFormatError):
        SqliteCopyIndex(conn, lsh_params(shingle_words=5))
    rebanded = lsh_params(threshold=0.6)
    index = SqliteCopyIndex(conn, rebanded)
    assert stored_params(conn) == rebanded
    assert conn.execute("SELECT count(*) FROM dedup_bands").fetchone()[0] == len(articles) * rebanded.bands
    # the rebuilt bands still find the copies of the first story
    first = next(a for a in articles if a.id == "s0c0")
    from storyline.dedup.minhash import band_hashes, signatures

    (sig, _), = signatures([first.text], rebanded)
    assert sig is not None
    assert "s0" in query_candidates(conn, band_hashes(sig, rebanded))
    assert "s0" in index.candidates(band_hashes(sig, rebanded))


def test_passages_on_sqlite_match_memory_and_removal_forgets() -> None:
    articles = corpus(10)
    memory = find_reused_passages(articles, MemoryPassageIndex())
    conn = connect()
    index = SqlitePassageIndex(conn)
    on_disk = find_reused_passages(articles, index)
    assert on_disk == memory
    reused = [a for a, ps in memory.items() if any(p.origin for p in ps)]
    assert len(reused) >= 20  # the copies and the follow-ups
    remove_article(conn, "s0")
    after = find_reused_passages([a for a in articles if a.id == "s0c0"], index, insert=False)["s0c0"]
    assert all(p.origin != "s0" for p in after)


def test_copy_finder_on_the_lead_store(tmp_path: Path) -> None:
    """Through the store's own migration runner and Row factory, as the pipeline uses it."""
    sqlite_store = pytest.importorskip("storyline.store.sqlite")
    store = sqlite_store.Store(tmp_path / "lead.db")
    articles = sorted(corpus(6), key=lambda a: a.seq)
    with store.transaction():
        finder = CopyFinder(SqliteCopyIndex(store.conn))
        got = {}
        for a in articles:
            got[a.id] = finder.add(a)
            finder.save_passages(a)
        got.update(finder.take_changes())
    assert got == find_copies(articles, MemoryCopyIndex())
    copy = next(a for a in articles if a.id == "s1c0")
    assert {p.origin for p in finder.passages(copy)} >= {"s1"}
    store.close()
