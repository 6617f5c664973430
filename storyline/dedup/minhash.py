"""Near-identical articles: MinHash signatures, LSH banding and the copy decision.

The algorithm lives here and knows nothing of SQLite: it talks to a ``CopyIndex`` (an in-memory one
below for tests and benchmarks; ``storyline.store.dedup.SqliteCopyIndex`` persists the same thing
beside the articles), the way datasketch's LSH talks to its storage layer. Adding articles to a
large database therefore costs a few indexed band look-ups per article, never a rescan.

The decision: LSH bands (tuned low, see ``settings.dedup.LSH_THRESHOLD``) propose candidates; a
later article is a copy of an earlier candidate when most of its word shingles (the containment
estimated from the MinHash Jaccard and the two shingle counts, ``COPY_CONTAINMENT``) are in it, so
trimmed wire copy counts while a write-through that merely embeds an earlier brief does not.
``copy_of`` names the earliest article of the group (publication date, then ingest order), so a
copy of a copy points to the original; an original that arrives after its copies takes the group
over (``find_copies`` returns the re-pointed ids too).

Known limits: an article removed or revised away from being a copy keeps pointing nowhere new for
the copies that pointed to it until they are re-processed; two groups that a new article both
resembles are not merged (it joins the earliest).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Protocol

import numpy as np
from datasketch import LeanMinHash, MinHash
from datasketch.lsh import _optimal_param

from storyline.dates import known_publication_date, publication_key
from storyline.dedup.shingle import shingle_hashes
from storyline.model import Article
from storyline.settings import dedup as settings

if TYPE_CHECKING:
    from storyline.dedup.passages import MemoryPassageIndex

OrderKey = tuple[int, str, int]


def order_key(published: str | None, seq: int) -> OrderKey:
    """Sort key for "earliest": dated articles by date then ingest order; undated ones after all dated.

    An undated article cannot claim to be the original of a dated one, nor a bare date the original
    of an article with a known time that day (``storyline.dates.publication_key``).
    """
    rank, when = publication_key(published)
    return (rank, when, seq)


@dataclass(frozen=True)
class LshParams:
    """Everything that fixes the format of a signature and its bands; stored beside an index."""

    num_perm: int
    bands: int
    rows: int
    seed: int
    scheme: str
    shingle_words: int

    @property
    def signature_format(self) -> tuple[int, int, str, int]:
        """The parts that must match to compare stored signatures (bands can be rebuilt from them)."""
        return (self.num_perm, self.seed, self.scheme, self.shingle_words)


@lru_cache(maxsize=16)
def lsh_params(
    threshold: float = settings.LSH_THRESHOLD,
    num_perm: int = settings.NUM_PERM,
    weights: tuple[float, float] = settings.LSH_WEIGHTS,
    seed: int = settings.SEED,
    scheme: str = settings.SCHEME,
    shingle_words: int = settings.SHINGLE_WORDS,
) -> LshParams:
    """Bands and rows from datasketch's own optimiser (the integral of the LSH S-curve)."""
    bands, rows = _optimal_param(threshold, num_perm, weights[0], weights[1])
    return LshParams(num_perm, bands, rows, seed, scheme, shingle_words)


def _identity(value: int) -> int:
    return value


@lru_cache(maxsize=8)
def _template(num_perm: int, seed: int, scheme: str) -> MinHash:
    """One initialised MinHash to copy: building the permutations is the expensive part (as in
    ``MinHash.bulk``, which does the same). Its inputs are shingle hashes already (see
    ``storyline.dedup.shingle``), so the hash function is the identity."""
    return MinHash(num_perm=num_perm, seed=seed, scheme=scheme, hashfunc=_identity)  # type: ignore[arg-type]


def signature_of_hashes(hashes: np.ndarray, params: LshParams) -> LeanMinHash | None:
    """MinHash of shingle hashes via ``update_batch`` in bounded chunks; None for no shingles."""
    if len(hashes) == 0:
        return None
    m = _template(params.num_perm, params.seed, params.scheme).copy()
    chunk = settings.HASH_CHUNK
    for i in range(0, len(hashes), chunk):
        m.update_batch(hashes[i : i + chunk].tolist())
    return LeanMinHash(m)


def signatures(
    texts: Iterable[str], params: LshParams | None = None
) -> Iterator[tuple[LeanMinHash | None, int]]:
    """(signature, distinct shingles) of many bodies; signature None where the body is too short to
    judge (``MIN_WORDS``)."""
    params = params or lsh_params()
    for text in texts:
        grams = shingle_hashes(text, params.shingle_words)
        # n words give n - k + 1 shingles; fewer distinct shingles means fewer words
        if len(grams) < settings.MIN_WORDS - params.shingle_words + 1:
            yield None, len(grams)
            continue
        yield signature_of_hashes(grams, params), len(grams)


def band_hashes(signature: LeanMinHash, params: LshParams) -> list[int]:
    """One signed 64-bit hash per band (fits an SQLite INTEGER), band i from rows [i*r, (i+1)*r).

    A polynomial over the band's rows, then the MurmurHash3 64-bit finaliser, all bands at once;
    the band number is part of the key where the bands are stored, not of the hash.
    """
    b, r = params.bands, params.rows
    rows = np.asarray(signature.hashvalues[: b * r], dtype=np.uint64).reshape(b, r)
    with np.errstate(over="ignore"):
        h = np.zeros(b, dtype=np.uint64)
        for j in range(r):
            h = h * _BAND_MULT + rows[:, j] + np.uint64(1)
        h ^= h >> np.uint64(33)
        h *= np.uint64(0xFF51AFD7ED558CCD)
        h ^= h >> np.uint64(33)
        h *= np.uint64(0xC4CEB9FE1A85EC53)
        h ^= h >> np.uint64(33)
    return h.view(np.int64).tolist()


_BAND_MULT = np.uint64(0x100000001B3)  # FNV-1a 64-bit prime


def signature_to_bytes(signature: LeanMinHash) -> bytes:
    return np.ascontiguousarray(signature.hashvalues, dtype="<u4").tobytes()


def signature_from_bytes(blob: bytes, params: LshParams) -> LeanMinHash:
    values = np.frombuffer(blob, dtype="<u4")
    return LeanMinHash(seed=params.seed, hashvalues=values, scheme=params.scheme)


def resemblance(a: LeanMinHash, b: LeanMinHash) -> float:
    """Estimated Jaccard of two signatures (share of equal minima)."""
    return float(np.count_nonzero(a.hashvalues == b.hashvalues)) / len(a.hashvalues)


def containment(jaccard: float, later_size: int, earlier_size: int) -> float:
    """Estimated share of the later article's shingles already in the earlier one.

    From J = |A∩B| / |A∪B| and the set sizes: |A∩B| = J (|A| + |B|) / (1 + J). This is what makes a
    copy: a copy trimmed to half its length keeps a Jaccard near 0.5 but a containment near 1,
    while a longer write-through that only embeds an earlier brief has a low containment in it.
    """
    if later_size <= 0:
        return 0.0
    shared = jaccard * (later_size + earlier_size) / (1.0 + jaccard)
    return min(1.0, shared / later_size)


@dataclass
class IndexEntry:
    """One indexed article: its signature and what "earliest" and "copy_of" need."""

    id: str
    signature: LeanMinHash
    published: str | None
    seq: int
    copy_of: str | None = None
    size: int = 0  # distinct shingles, for the containment estimate

    @property
    def key(self) -> OrderKey:
        return order_key(self.published, self.seq)


class CopyIndex(Protocol):
    """Storage of signatures and LSH bands. Implementations: ``MemoryCopyIndex``, ``SqliteCopyIndex``."""

    params: LshParams

    def candidates(self, bands: Sequence[int]) -> set[str]:
        """Ids sharing at least one (band number, band hash) with ``bands``."""
        ...

    def entries(self, ids: Iterable[str]) -> dict[str, IndexEntry]: ...

    def add(self, entry: IndexEntry, bands: Sequence[int]) -> None: ...

    def remove(self, article_id: str) -> None: ...

    def set_copy_of(self, ids: Iterable[str], copy_of: str | None) -> None: ...

    def members(self, root: str) -> list[str]:
        """Ids whose ``copy_of`` is ``root``."""
        ...


class MemoryCopyIndex:
    """Dict-backed ``CopyIndex`` for tests, benchmarks and one-shot runs without a database."""

    def __init__(self, params: LshParams | None = None) -> None:
        self.params = params or lsh_params()
        # one dict for all bands, keyed by hash((band, band hash)); a bucket is an id, or a list of ids
        # when several articles share it (most buckets hold one: this halves the index's memory)
        self._buckets: dict[int, str | list[str]] = {}
        self._entries: dict[str, IndexEntry] = {}
        self._members: dict[str, set[str]] = defaultdict(set)
        self._passages: MemoryPassageIndex | None = None

    def __len__(self) -> int:
        return len(self._entries)

    def candidates(self, bands: Sequence[int]) -> set[str]:
        found: set[str] = set()
        buckets = self._buckets
        for i, h in enumerate(bands):
            ids = buckets.get(hash((i, h)))
            if ids is None:
                continue
            if isinstance(ids, str):
                found.add(ids)
            else:
                found.update(ids)
        return found

    def entries(self, ids: Iterable[str]) -> dict[str, IndexEntry]:
        return {i: self._entries[i] for i in ids if i in self._entries}

    def add(self, entry: IndexEntry, bands: Sequence[int]) -> None:
        self.remove(entry.id)
        self._entries[entry.id] = entry
        buckets = self._buckets
        for i, h in enumerate(bands):
            key = hash((i, h))
            ids = buckets.get(key)
            if ids is None:
                buckets[key] = entry.id
            elif isinstance(ids, str):
                buckets[key] = [ids, entry.id]
            else:
                ids.append(entry.id)
        if entry.copy_of:
            self._members[entry.copy_of].add(entry.id)

    def remove(self, article_id: str) -> None:
        entry = self._entries.pop(article_id, None)
        if entry is None:
            return
        for i, h in enumerate(band_hashes(entry.signature, self.params)):  # recomputed, not stored
            key = hash((i, h))
            ids = self._buckets.get(key)
            if isinstance(ids, list):
                ids.remove(article_id)
                if len(ids) == 1:
                    self._buckets[key] = ids[0]
            elif ids == article_id:
                del self._buckets[key]
        if entry.copy_of:
            self._members[entry.copy_of].discard(article_id)

    def set_copy_of(self, ids: Iterable[str], copy_of: str | None) -> None:
        for i in ids:
            entry = self._entries[i]
            if entry.copy_of:
                self._members[entry.copy_of].discard(i)
            entry.copy_of = copy_of
            if copy_of:
                self._members[copy_of].add(i)

    def members(self, root: str) -> list[str]:
        return sorted(self._members.get(root, ()))

    def passage_index(self) -> MemoryPassageIndex:
        """A passage index living as long as this one (what ``CopyFinder`` uses by default)."""
        from storyline.dedup.passages import MemoryPassageIndex

        if self._passages is None:
            self._passages = MemoryPassageIndex()
        return self._passages


def find_copies(
    articles: Sequence[Article],
    index: CopyIndex,
    threshold: float = settings.COPY_CONTAINMENT,
) -> dict[str, str | None]:
    """Decide ``copy_of`` for ``articles`` against everything already in ``index``, and index them.

    Articles are taken in (published, seq) order, each one queried then inserted, so copies inside
    the batch find each other. Returns ``copy_of`` for every given article, plus for already-indexed
    articles whose ``copy_of`` changed because an earlier original arrived late (the caller writes
    those back too). Re-running on the same articles changes nothing.
    """
    params = index.params
    ordered = sorted(articles, key=lambda a: order_key(known_publication_date(a), a.seq))
    result: dict[str, str | None] = {}
    sigs = signatures((a.text for a in ordered), params)
    for article, (sig, size) in zip(ordered, sigs, strict=True):
        result.update(_place(article, sig, size, index, params, threshold))
    return result


def _copies_among(entry: IndexEntry, others: list[IndexEntry], threshold: float) -> list[IndexEntry]:
    """The ``others`` that ``entry`` copies or that copy it: the later of the two is mostly
    (``threshold``) made of the earlier one. One vectorised comparison for all candidates."""
    if not others:
        return []
    equal = np.stack([o.signature.hashvalues for o in others]) == entry.signature.hashvalues
    jaccards = equal.mean(axis=1)
    out = []
    for other, j in zip(others, jaccards, strict=True):
        later, earlier = (entry, other) if other.key < entry.key else (other, entry)
        if containment(float(j), later.size, earlier.size) >= threshold:
            out.append(other)
    return out


def _place(
    article: Article,
    sig: LeanMinHash | None,
    size: int,
    index: CopyIndex,
    params: LshParams,
    threshold: float,
) -> dict[str, str | None]:
    """Query-then-insert for one article; the ``copy_of`` values it sets or changes."""
    known = index.entries([article.id]).get(article.id)
    if sig is None:
        if known is not None:  # a revision emptied it: it can no longer be anyone's original
            index.remove(article.id)
        return {article.id: None}
    if known is not None:
        if np.array_equal(known.signature.hashvalues, sig.hashvalues):
            return {article.id: known.copy_of}  # the same text again: nothing changes
        index.remove(article.id)
    bands = band_hashes(sig, params)
    candidates = index.candidates(bands)
    candidates.discard(article.id)
    entry = IndexEntry(article.id, sig, known_publication_date(article), article.seq, size=size)
    matches = _copies_among(entry, list(index.entries(candidates).values()), threshold)
    changes: dict[str, str | None] = {}
    if matches:
        roots = index.entries({m.copy_of or m.id for m in matches})
        root = min((roots.get(m.copy_of or m.id, m) for m in matches), key=lambda e: e.key)
        if entry.key < root.key:
            # an earlier original arrived late: it becomes the root of the whole group
            group = [root.id, *index.members(root.id)]
            index.set_copy_of(group, article.id)
            changes.update(dict.fromkeys(group, article.id))
        else:
            entry.copy_of = root.id
    index.add(entry, bands)
    changes[article.id] = entry.copy_of
    return changes
