"""Where the online clusterer keeps its state: document frequencies, clusters, and posting lists.

:class:`ClusterIndex` is the interface; :class:`MemoryIndex` keeps everything in dictionaries (used
by evaluation, tests and benchmarks). The store implements the same interface over SQLite
(``storyline.store.cluster.SqliteClusterIndex``) so that ingesting a batch reads and writes only the
document frequencies of the batch's terms, the posting lists it queries and the candidate clusters,
and gives exactly the result of the in-memory run: the clusterer only ever talks to this interface.

A cluster is kept compactly: per space an array of term ids (int32) and one of weights
(float32), heaviest first, plus its norm. Posting lists map a term id to the clusters indexed under it, newest
update last; a query reads the newest ``limit`` of them.
"""

from __future__ import annotations

import math
import struct
from array import array
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import islice, repeat
from operator import itemgetter, mul
from typing import Literal, Protocol

from storyline.settings import cluster as settings

Kind = Literal["ev", "sl"]
SPACES = ("text", "title", "ents")
# Extra per-cluster vectors that are not centroids of an article space: "recent" is a decayed sum of
# the title+lead vectors of the cluster's latest articles (see OnlineClusterer._add). Packed after
# SPACES; blobs written before it existed unpack with it empty.
EXTRA = ("recent",)


@dataclass(slots=True)
class Centroid:
    """A sparse vector in one space: parallel arrays of term ids and weights, and its L2 norm."""

    ids: array
    weights: array
    norm: float = 0.0

    @classmethod
    def empty(cls) -> Centroid:
        return cls(array("i"), array("f"), 0.0)

    def as_dict(self) -> dict[int, float]:
        return dict(zip(self.ids, self.weights, strict=True))

    @classmethod
    def from_dict(cls, vec: dict[int, float], keep: int) -> Centroid:
        """The ``keep`` heaviest terms of ``vec``, heaviest first (ties keep ``vec``'s order, which
        is deterministic, so the result is too)."""
        items = sorted(vec.items(), key=itemgetter(1), reverse=True)[:keep]
        ids = array("i", [k for k, _ in items])
        weights = array("f", [w for _, w in items])
        norm = math.sqrt(sum(map(mul, weights, weights)))
        return cls(ids, weights, norm)

    def dot(self, vec: dict[int, float]) -> float:
        return sum(map(mul, self.weights, map(vec.get, self.ids, repeat(0.0, len(self.ids)))))

    def top_ids(self, n: int) -> list[int]:
        """The ids of the ``n`` heaviest terms (arrays are kept heaviest first)."""
        return list(self.ids[:n])


@dataclass(slots=True)
class Cluster:
    """An event ("ev") or a storyline ("sl"): its centroids, extent in time and title so far."""

    key: str
    kind: Kind
    size: int = 0
    first_day: float | None = None
    last_day: float | None = None
    last_seq: int = 0  # the clusterer's step at the last update: posting lists are ordered by it
    storyline: str | None = None  # for events: the storyline they belong to
    title: str = ""
    title_score: float = -1.0
    first_article: str = ""
    centroids: dict[str, Centroid] = field(default_factory=dict)
    index_terms: tuple[int, ...] = ()

    def pack(self) -> bytes:
        """The centroids as one blob: per space a uint32 count and float64 norm, then the int32 id and
        float32 weight arrays (the norm stays double so a reloaded state scores exactly alike)."""
        parts = []
        for space in SPACES + EXTRA:
            c = self.centroids.get(space) or Centroid.empty()
            parts.append(struct.pack("<Id", len(c.ids), c.norm))
            parts.append(c.ids.tobytes())
            parts.append(c.weights.tobytes())
        return b"".join(parts)

    def unpack(self, blob: bytes) -> None:
        pos = 0
        for space in SPACES + EXTRA:
            if pos >= len(blob):
                break
            n, norm = struct.unpack_from("<Id", blob, pos)
            pos += 12
            ids = array("i")
            ids.frombytes(blob[pos : pos + 4 * n])
            pos += 4 * n
            weights = array("f")
            weights.frombytes(blob[pos : pos + 4 * n])
            pos += 4 * n
            self.centroids[space] = Centroid(ids, weights, norm)


class ClusterIndex(Protocol):
    """Storage the online clusterer reads and writes; one implementation in memory, one in SQLite."""

    def observe(self, terms: Iterable[str]) -> tuple[dict[str, int], dict[int, int], int]:
        """Count one more document containing ``terms``; return their ids, their document frequencies
        (this document included) and the number of documents seen."""
        ...

    def tick(self) -> int:
        """The next step number (monotonic; orders posting lists)."""
        ...

    def postings(self, kind: Kind, term: int, limit: int) -> list[str]:
        """Up to ``limit`` cluster keys indexed under ``term``, most recently updated first."""
        ...

    def get(self, key: str) -> Cluster | None: ...

    def put(self, cluster: Cluster, old_terms: tuple[int, ...]) -> None:
        """Store ``cluster`` and move it in the posting lists of ``old_terms`` / its index terms."""
        ...


class MemoryIndex:
    """The whole clustering state in dictionaries. ``dirty`` names the clusters changed since the
    last :meth:`take_dirty`, so a caller can persist only what was touched."""

    def __init__(self) -> None:
        self.vocab: dict[str, int] = {}
        self.df: dict[int, int] = {}
        self.n_docs = 0
        self.seq = 0
        self.clusters: dict[str, Cluster] = {}
        self.posting: dict[tuple[str, int], dict[str, None]] = {}
        self.dirty: set[str] = set()
        self.dirty_terms: set[int] = set()

    def observe(self, terms: Iterable[str]) -> tuple[dict[str, int], dict[int, int], int]:
        self.n_docs += 1
        ids: dict[str, int] = {}
        df: dict[int, int] = {}
        vocab = self.vocab
        table = self.df
        for term in terms:
            tid = vocab.get(term)
            if tid is None:
                tid = vocab[term] = len(vocab) + 1
            count = table.get(tid, 0) + 1
            table[tid] = count
            ids[term] = tid
            df[tid] = count
        self.dirty_terms.update(df)
        return ids, df, self.n_docs

    def tick(self) -> int:
        self.seq += 1
        return self.seq

    def postings(self, kind: Kind, term: int, limit: int) -> list[str]:
        plist = self.posting.get((kind, term))
        if not plist:
            return []
        return list(islice(reversed(plist), limit))

    def get(self, key: str) -> Cluster | None:
        return self.clusters.get(key)

    def put(self, cluster: Cluster, old_terms: tuple[int, ...]) -> None:
        self.clusters[cluster.key] = cluster
        self.dirty.add(cluster.key)
        kind = cluster.kind
        new = set(cluster.index_terms)
        for term in old_terms:
            if term not in new:
                plist = self.posting.get((kind, term))
                if plist is not None:
                    plist.pop(cluster.key, None)
        keep = settings.POSTING_KEEP
        for term in cluster.index_terms:
            plist = self.posting.setdefault((kind, term), {})
            plist.pop(cluster.key, None)
            plist[cluster.key] = None  # re-inserted: now the newest
            if len(plist) > keep:
                for _ in range(len(plist) - keep):
                    del plist[next(iter(plist))]

    def take_dirty(self) -> tuple[list[Cluster], dict[str, int]]:
        """The clusters and document frequencies changed since the last call (and forget them)."""
        clusters = [self.clusters[k] for k in sorted(self.dirty)]
        inverse = {tid: term for term, tid in self.vocab.items()} if self.dirty_terms else {}
        dfs = {inverse[t]: self.df[t] for t in self.dirty_terms}
        self.dirty.clear()
        self.dirty_terms.clear()
        return clusters, dfs
