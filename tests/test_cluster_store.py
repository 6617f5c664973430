"""Persistence of the clustering state: round trip and incremental == one-by-one on a temporary DB."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from test_cluster_fixtures import articles

from storyline.cluster import MemoryIndex, OnlineClusterer, sort_key
from storyline.ids import stable_id
from storyline.model import Article
from storyline.store.cluster import (
    SqliteClusterIndex,
    event_rows,
    load_memory_index,
    save_memory_index,
)

MIGRATIONS = Path(__file__).resolve().parents[1] / "storyline" / "store" / "migrations"


def _db(tmp_path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(tmp_path / "cluster.db")
    for name in ("0003_cluster.sql", "0007_cluster_dense.sql"):
        conn.executescript((MIGRATIONS / name).read_text(encoding="utf-8"))
    return conn


def _reference() -> dict[str, tuple[str, str]]:
    clusterer = OnlineClusterer()
    out = {}
    for a in sorted(articles(), key=sort_key):
        r = clusterer.assign(a)
        out[a.id] = (r.event, r.storyline)
    return out


def test_sqlite_index_gives_the_in_memory_result_across_batches(tmp_path: Path) -> None:
    ordered = sorted(articles(), key=sort_key)
    conn = _db(tmp_path)
    got = {}
    for batch in (ordered[:5], ordered[5:9], ordered[9:]):
        with conn:  # the caller owns the transaction
            clusterer = OnlineClusterer(SqliteClusterIndex(conn))
            for a in batch:
                r = clusterer.assign(a)
                got[a.id] = (r.event, r.storyline)
    assert got == _reference()
    rows = event_rows(conn, {e for e, _ in got.values()})
    assert len(rows) == 5 and all(title for _, _, title in rows)


def test_memory_state_round_trips_and_continues_identically(tmp_path: Path) -> None:
    ordered = sorted(articles(), key=sort_key)
    conn = _db(tmp_path)
    first = OnlineClusterer(MemoryIndex())
    got = {}
    for a in ordered[:7]:
        r = first.assign(a)
        got[a.id] = (r.event, r.storyline)
    with conn:
        written = save_memory_index(conn, first.index)
    assert written == len(first.index.clusters)
    # a second save writes nothing: only touched clusters are serialised
    with conn:
        assert save_memory_index(conn, first.index) == 0
    reloaded = load_memory_index(conn)
    assert reloaded.n_docs == first.index.n_docs and reloaded.vocab == first.index.vocab
    assert {k: c.pack() for k, c in reloaded.clusters.items()} == {
        k: c.pack() for k, c in first.index.clusters.items()}
    second = OnlineClusterer(reloaded)
    for a in ordered[7:]:
        r = second.assign(a)
        got[a.id] = (r.event, r.storyline)
    assert got == _reference()
    # and the tail can also go straight onto the tables
    with conn:
        tail = OnlineClusterer(SqliteClusterIndex(conn))
        direct = {a.id: tail.assign(a).event for a in ordered[7:]}
    assert direct == {k: got[k][0] for k in direct}


def test_nothing_commits_inside_the_store_functions(tmp_path: Path) -> None:
    conn = _db(tmp_path)
    conn.execute("BEGIN")
    clusterer = OnlineClusterer(SqliteClusterIndex(conn))
    for a in sorted(articles(), key=sort_key)[:3]:
        clusterer.assign(a)
    conn.rollback()
    assert conn.execute("SELECT count(*) FROM cluster_state").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM cluster_terms").fetchone()[0] == 0


def test_a_new_article_reads_only_candidate_clusters(tmp_path: Path) -> None:
    conn = _db(tmp_path)
    with conn:
        clusterer = OnlineClusterer(SqliteClusterIndex(conn))
        for a in sorted(articles(), key=sort_key):
            clusterer.assign(a)
    late = Article(id="s4", source="fixture:s4", outlet="Valley Ledger", published="2031-04-04T08:00:00",
                   title="Kestrel Bay dockworkers end strike after night-shift deal",
                   text="The dockworkers' strike at Kestrel Bay ended on Friday after the port authority "
                        "agreed to restore the night-shift allowance, Brannock Hale of the Stevedores "
                        "Union said.\n\nShips waiting outside the harbour began to berth by the afternoon.")
    with conn:
        index = SqliteClusterIndex(conn)
        result = OnlineClusterer(index).assign(late)
    assert result.event == stable_id("ev-", "s1")
    total = conn.execute("SELECT count(*) FROM cluster_state").fetchone()[0]
    # the flood, the breach and the talks were never read; only what shares heavy terms with the strike
    assert index.touched == {result.event, result.storyline}
    assert len(index._cache) < total
