"""Where the online clusterer keeps its state: document frequencies, clusters, and posting lists.

:class:`ClusterIndex` is the interface; :class:`MemoryIndex` keeps everything in dictionaries (used
by evaluation, tests and benchmarks). The store implements the same interface over SQLite
(``storyline.store.cluster.SqliteClusterIndex``) so that ingesting a batch reads and writes only the
document frequencies of the batch's terms, the posting lists it queries and the candidate clusters,
and gives exactly the result of the in-memory run: the clusterer only ever talks to this interface.

A cluster is kept compactly: per space an array of term ids (int32) and one of weights
(float32), heaviest first, plus its norm. Posting lists map a term id to the clusters indexed under it, newest
update last; a query reads the newest ``limit`` of each of its terms' lists and ranks the clusters found by
the summed weight of the terms they were found under (:func:`rank_by_overlap`, shared by both indexes
so that they rank alike).

With article embeddings (:mod:`storyline.cluster.embed`) an event also keeps the float32 sum of its
articles' embeddings, and the index keeps a :class:`DensePool`: the unit-length embedding centroids of
the ``DENSE_POOL`` most recently updated events, searched by brute force for the events nearest to a
new article. That finds the reports of an event in another language, which share no heavy term.
"""

from __future__ import annotations

import math
import struct
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from itertools import chain, islice
from typing import Literal, Protocol

import numpy as np

from storyline.settings import cluster as settings

Kind = Literal["ev", "sl"]
SPACES = ("text", "title", "ents")
# Extra per-cluster vectors that are not centroids of an article space: "recent" is a decayed sum of
# the title+lead vectors of the cluster's latest articles (see OnlineClusterer._add). Packed after
# SPACES; blobs written before it existed unpack with it empty.
EXTRA = ("recent",)


class TermVector:
    """An article's sparse vector in one space: term ids (int64) and weights (float64) as parallel
    NumPy arrays, made once where the vector is built (:func:`storyline.cluster.online.weight`),
    because every candidate's cosine and every centroid update reads them as arrays. Never changed."""

    __slots__ = ("ids", "weights")

    def __init__(self, ids: np.ndarray, weights: np.ndarray) -> None:
        self.ids = ids
        self.weights = weights

    def __len__(self) -> int:
        return len(self.ids)


# A sparse vector as the clusterer passes it around: a TermVector, or a plain dict (term id -> weight)
# where one is built by hand (tests, an empty space)
Vector = TermVector | dict[int, float]


def vector_arrays(vec: Vector) -> tuple[np.ndarray, np.ndarray]:
    """(ids, weights) of a sparse vector: a :class:`TermVector`'s own arrays, or made from a dict."""
    if isinstance(vec, TermVector):
        return vec.ids, vec.weights
    return (np.fromiter(vec.keys(), dtype=np.int64, count=len(vec)),
            np.fromiter(vec.values(), dtype=np.float64, count=len(vec)))


@dataclass(slots=True)
class Centroid:
    """A sparse vector in one space: term ids (int32) and weights (float32) as NumPy arrays, heaviest
    first, and its L2 norm. The arrays are never changed after creation (they may be slices of the
    cluster's :class:`ScoringPack`)."""

    ids: np.ndarray
    weights: np.ndarray
    norm: float = 0.0

    @classmethod
    def empty(cls) -> Centroid:
        return cls(_NO_IDS, _NO_WEIGHTS, 0.0)

    def plus(self, vec: Vector, keep: int, scale: float = 1.0) -> Centroid:
        """``scale`` x this centroid + the sparse vector ``vec``, pruned to its ``keep`` heaviest terms,
        heaviest first. Ties keep merge order: this centroid's terms in its order, then ``vec``'s new
        terms in ``vec``'s order (deterministic, so the result is too)."""
        vec_ids, vec_weights = vector_arrays(vec)
        if not len(self.ids):
            return _pruned(vec_ids, vec_weights, keep)
        own_ids = self.ids
        weights = self.weights.astype(np.float64) * scale
        if not len(vec_ids):
            return _pruned(own_ids, weights, keep)
        # where each of vec's terms sits in this centroid (1-based, 0: absent), through a table indexed
        # by term id: one vectorised lookup instead of a dict merge
        table = _POSITIONS.table
        size = int(max(own_ids.max(), vec_ids.max())) + 1
        if len(table) < size:
            table = _POSITIONS.table = np.zeros(max(size, 2 * len(table)), dtype=np.int64)
        table[own_ids] = np.arange(1, len(own_ids) + 1)
        at = table[vec_ids]
        table[own_ids] = 0
        shared = at > 0
        weights[at[shared] - 1] += vec_weights[shared]
        new = ~shared
        return _pruned(np.concatenate([own_ids, vec_ids[new]]), np.concatenate([weights, vec_weights[new]]), keep)

    def top_ids(self, n: int) -> list[int]:
        """The ids of the ``n`` heaviest terms (arrays are kept heaviest first)."""
        return self.ids[:n].tolist()


_NO_IDS = np.zeros(0, dtype=np.intc)
_NO_WEIGHTS = np.zeros(0, dtype=np.float32)
_NO_IDS.flags.writeable = False
_NO_WEIGHTS.flags.writeable = False


class _PositionTable(threading.local):
    """Scratch for :meth:`Centroid.plus`: zero everywhere between calls."""

    table = np.zeros(0, dtype=np.int64)


_POSITIONS = _PositionTable()


def _pruned(ids: np.ndarray, weights: np.ndarray, keep: int) -> Centroid:
    """A centroid of the ``keep`` heaviest of the float64 ``weights`` (ties in array order)."""
    if not len(ids):
        return Centroid.empty()
    top = np.argsort(-weights, kind="stable")[:keep]
    kept = weights[top].astype(np.float32)
    # summed in Python, term by term: the norm is the same to the last bit however the centroid was built
    squares = kept.astype(np.float64)
    return Centroid(ids[top].astype(np.intc), kept, math.sqrt(sum((squares * squares).tolist())))


@dataclass(slots=True, frozen=True)
class ScoringPack:
    """A cluster's text and entity centroids in one array of term ids and one of weights (text terms
    first), with each part's length and norm: scoring a candidate reads one pair of arrays, joined
    once per centroid update instead of once per article that retrieves the cluster. ``text`` and
    ``ents`` are the centroids as slices of these arrays (the cluster keeps them in place of its
    own, so the pack costs no memory). A missing or zero centroid has length 0 and norm 0."""

    text: Centroid | None
    ents: Centroid | None
    ids: np.ndarray
    weights: np.ndarray
    lengths: tuple[int, int]
    norms: tuple[float, float]

    @classmethod
    def of(cls, text: Centroid | None, ents: Centroid | None) -> ScoringPack:
        parts = [c if c is not None and c.norm > 0 else None for c in (text, ents)]
        n_text, n_ents = (len(c.ids) if c is not None else 0 for c in parts)
        ids = np.concatenate([c.ids for c in parts if c is not None] or [_NO_IDS])
        weights = np.concatenate([c.weights for c in parts if c is not None] or [_NO_WEIGHTS])
        if parts[0] is not None:
            text = Centroid(ids[:n_text], weights[:n_text], parts[0].norm)
        if parts[1] is not None:
            ents = Centroid(ids[n_text:], weights[n_text:], parts[1].norm)
        norms = tuple(c.norm if c is not None else 0.0 for c in parts)
        return cls(text, ents, ids, weights, (n_text, n_ents), norms)  # type: ignore[arg-type]


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
    dense: np.ndarray | None = None  # float32 sum of the members' unit embeddings (events only)
    # (the ``dense`` array it was computed from, its unit vector): every candidate of every article
    # needs the unit vector; ``dense`` is replaced, never changed in place, when a member joins
    _unit_cache: tuple[np.ndarray, np.ndarray | None] | None = field(default=None, repr=False, compare=False)
    # centroids are replaced, never changed in place: the pack is current while it holds the two
    # centroids the cluster has
    _pack: ScoringPack | None = field(default=None, repr=False, compare=False)

    def scoring_pack(self) -> ScoringPack:
        """The text and entity centroids as one pair of arrays (see :class:`ScoringPack`)."""
        text, ents = self.centroids.get("text"), self.centroids.get("ents")
        pack = self._pack
        if pack is None or pack.text is not text or pack.ents is not ents:
            pack = self._pack = ScoringPack.of(text, ents)
            for name, centroid in (("text", pack.text), ("ents", pack.ents)):
                if centroid is not None:
                    self.centroids[name] = centroid
        return pack

    def dense_unit(self) -> np.ndarray | None:
        """The embedding centroid scaled to unit length (None without embeddings)."""
        if self.dense is None:
            return None
        cache = self._unit_cache
        if cache is not None and cache[0] is self.dense:
            return cache[1]
        norm = float(np.linalg.norm(self.dense))
        unit = (self.dense / norm).astype(np.float32) if norm > 0 else None
        self._unit_cache = (self.dense, unit)
        return unit

    def pack_dense(self) -> bytes | None:
        return self.dense.astype("<f4").tobytes() if self.dense is not None else None

    def unpack_dense(self, blob: bytes | None) -> None:
        self.dense = np.frombuffer(blob, dtype="<f4").astype(np.float32) if blob else None

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
            ids = np.frombuffer(blob, dtype=np.intc, count=n, offset=pos)
            pos += 4 * n
            weights = np.frombuffer(blob, dtype=np.float32, count=n, offset=pos)
            pos += 4 * n
            self.centroids[space] = Centroid(ids, weights, norm)


class DensePool:
    """Unit embedding centroids of the ``capacity`` most recently updated events, for nearest-centroid
    candidate retrieval: one matrix-vector product over at most ``capacity`` rows per article.

    The least recently updated event leaves the pool when a new one enters. Both indexes fill it in
    update order (the database loads its newest rows oldest first), so they hold the same events.
    """

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self.matrix: np.ndarray | None = None  # allocated with the first vector (its width is the model's)
        self.slots: OrderedDict[str, int] = OrderedDict()  # key -> row, least recently updated first
        self.keys: list[str | None] = [None] * capacity
        self.free = list(range(capacity - 1, -1, -1))  # popped from the end: rows fill from 0 up

    def update(self, key: str, unit: np.ndarray) -> None:
        if self.capacity <= 0:
            return
        if self.matrix is None:
            self.matrix = np.zeros((self.capacity, unit.shape[0]), dtype=np.float32)
        slot = self.slots.pop(key, None)
        if slot is None:
            if self.free:
                slot = self.free.pop()
            else:
                _, slot = self.slots.popitem(last=False)
                self.keys[slot] = None
        self.slots[key] = slot
        self.keys[slot] = key
        self.matrix[slot] = unit

    def nearest(self, vec: np.ndarray, n: int) -> list[str]:
        """Keys of the ``n`` pool events with the highest cosine to ``vec`` (ties by key)."""
        if self.matrix is None or not self.slots or n <= 0:
            return []
        sims = self.matrix @ vec
        # rows are never freed, only reused: the filled ones are the first capacity - len(free)
        used = np.arange(self.capacity - len(self.free))
        values = sims[: len(used)]
        if len(used) > n:
            top = np.argpartition(-values, n - 1)[:n]
            used, values = used[top], values[top]
        # rounded so that the last bits of a BLAS sum cannot reorder near-ties between two runs
        ranked = sorted(zip(np.round(values, 5).tolist(), used.tolist(), strict=True),
                        key=lambda x: (-x[0], self.keys[x[1]]))
        return [self.keys[slot] for _, slot in ranked]  # type: ignore[misc]


class OverlapScratch:
    """Per-cluster-number work arrays of :func:`rank_by_overlap`, grown on demand and left zeroed
    (sums) and at the sentinel (first positions) after every call."""

    def __init__(self) -> None:
        self.sums = np.zeros(0)
        self.first = np.zeros(0, dtype=np.int64)

    def reserve(self, size: int) -> None:
        if len(self.sums) < size:
            size = max(size, 2 * len(self.sums), 1024)
            self.sums = np.zeros(size)
            self.first = np.full(size, np.iinfo(np.int64).max, dtype=np.int64)


def rank_by_overlap(numbers: np.ndarray, weights: np.ndarray, n: int, scratch: OverlapScratch) -> np.ndarray:
    """The ``n`` best of the clusters listed in ``numbers`` (one entry per posting, small non-negative
    cluster numbers) by the summed ``weights`` of their postings; ties keep first-listed order.

    Sums accumulate in listing order, so they equal a plain loop of ``score[key] += weight`` bit for
    bit; everything runs in NumPy over a scratch array indexed by cluster number (a query reads a few
    thousand postings)."""
    if not len(numbers):
        return numbers
    scratch.reserve(int(numbers.max()) + 1)
    positions = np.arange(len(numbers))
    np.add.at(scratch.sums, numbers, weights)
    np.minimum.at(scratch.first, numbers, positions)
    unique = numbers[scratch.first[numbers] == positions]  # each cluster once, first-listed order
    sums = scratch.sums[unique]
    scratch.sums[numbers] = 0.0
    scratch.first[numbers] = np.iinfo(np.int64).max
    return unique[np.argsort(-sums, kind="stable")[:n]]


class ClusterIndex(Protocol):
    """Storage the online clusterer reads and writes; one implementation in memory, one in SQLite."""

    def observe(self, terms: list[str]) -> tuple[np.ndarray, np.ndarray, int]:
        """Count one more document containing the distinct ``terms``; return their ids and their
        document frequencies (this document included), both int64 arrays in the order of ``terms``,
        and the number of documents seen."""
        ...

    def tick(self) -> int:
        """The next step number (monotonic; orders posting lists)."""
        ...

    def overlap_candidates(self, kind: Kind, query: list[tuple[int, float]], limit: int, n: int) -> list[str]:
        """The ``n`` clusters of ``kind`` best matching the weighted query terms: the newest ``limit``
        clusters indexed under each term (most recently updated first), ranked by
        :func:`rank_by_overlap` in query order."""
        ...

    def dense_candidates(self, vec: np.ndarray, limit: int) -> list[str]:
        """Up to ``limit`` events of the dense pool nearest to the unit embedding ``vec``."""
        ...

    def get(self, key: str) -> Cluster | None: ...

    def put(self, cluster: Cluster, old_terms: tuple[int, ...]) -> None:
        """Store ``cluster`` and move it in the posting lists of ``old_terms`` / its index terms
        (and in the dense pool, for an event with an embedding centroid)."""
        ...


class MemoryIndex:
    """The whole clustering state in dictionaries. ``dirty`` names the clusters changed since the
    last :meth:`take_dirty`, so a caller can persist only what was touched."""

    def __init__(self) -> None:
        self.vocab: dict[str, int] = {}
        self.df = np.zeros(1024, dtype=np.int64)  # document frequency by term id (ids start at 1)
        self.n_docs = 0
        self.seq = 0
        self.clusters: dict[str, Cluster] = {}
        # posting lists hold cluster numbers (the order clusters were first stored), not keys, so
        # that a query is a handful of integer arrays (see overlap_candidates)
        self.numbers: dict[str, int] = {}
        self.keys: list[str] = []
        # per kind: term id -> cluster numbers listed under it (a dict used as an ordered set, newest last)
        self.posting: dict[Kind, dict[int, dict[int, None]]] = {"ev": {}, "sl": {}}
        self.scratch = OverlapScratch()
        self.dirty: set[str] = set()
        self.dirty_terms: set[int] = set()
        self.pool = DensePool(settings.DENSE_POOL)

    def observe(self, terms: list[str]) -> tuple[np.ndarray, np.ndarray, int]:
        self.n_docs += 1
        vocab = self.vocab
        tids = list(map(vocab.get, terms))
        if None in tids:
            for i, term in enumerate(terms):
                if tids[i] is None:
                    tids[i] = vocab[term] = len(vocab) + 1
        ids = np.fromiter(tids, dtype=np.int64, count=len(tids))
        self.grow_df(len(vocab) + 1)
        self.df[ids] += 1  # the terms are distinct: no id twice
        self.dirty_terms.update(tids)
        return ids, self.df[ids], self.n_docs

    def grow_df(self, size: int) -> None:
        """Make room in :attr:`df` for term ids below ``size``."""
        if len(self.df) < size:
            grown = np.zeros(max(size, 2 * len(self.df)), dtype=np.int64)
            grown[: len(self.df)] = self.df
            self.df = grown

    def tick(self) -> int:
        self.seq += 1
        return self.seq

    def overlap_candidates(self, kind: Kind, query: list[tuple[int, float]], limit: int, n: int) -> list[str]:
        posting = self.posting[kind]
        found = [(plist, w) for term, w in query if (plist := posting.get(term))]
        counts = [min(len(plist), limit) for plist, _ in found]
        numbers = np.fromiter(chain.from_iterable(islice(reversed(plist), limit) for plist, _ in found),
                              dtype=np.int64, count=sum(counts))
        weights = np.repeat([w for _, w in found], counts)
        best = rank_by_overlap(numbers, weights, n, self.scratch)
        return [self.keys[i] for i in best.tolist()]

    def dense_candidates(self, vec: np.ndarray, limit: int) -> list[str]:
        return self.pool.nearest(vec, limit)

    def get(self, key: str) -> Cluster | None:
        return self.clusters.get(key)

    def put(self, cluster: Cluster, old_terms: tuple[int, ...]) -> None:
        self.clusters[cluster.key] = cluster
        self.dirty.add(cluster.key)
        if cluster.kind == "ev":
            unit = cluster.dense_unit()
            if unit is not None:
                self.pool.update(cluster.key, unit)
        posting = self.posting[cluster.kind]
        number = self.numbers.get(cluster.key)
        if number is None:
            number = self.numbers[cluster.key] = len(self.keys)
            self.keys.append(cluster.key)
        new = set(cluster.index_terms)
        for term in old_terms:
            if term not in new:
                plist = posting.get(term)
                if plist is not None:
                    plist.pop(number, None)
        keep = settings.POSTING_KEEP
        for term in cluster.index_terms:
            plist = posting.setdefault(term, {})
            plist.pop(number, None)
            plist[number] = None  # re-inserted: now the newest
            if len(plist) > keep:
                for _ in range(len(plist) - keep):
                    del plist[next(iter(plist))]

    def take_dirty(self) -> tuple[list[Cluster], dict[str, int]]:
        """The clusters and document frequencies changed since the last call (and forget them)."""
        clusters = [self.clusters[k] for k in sorted(self.dirty)]
        inverse = {tid: term for term, tid in self.vocab.items()} if self.dirty_terms else {}
        dfs = {inverse[t]: int(self.df[t]) for t in self.dirty_terms}
        self.dirty.clear()
        self.dirty_terms.clear()
        return clusters, dfs
