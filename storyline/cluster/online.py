"""Online event clustering and storyline linking, one article at a time in publication order.

Method (after Miranda et al. 2018, "Multilingual Clustering of Streaming News"):

1. Each arriving article updates the document frequencies of its terms (IDF is kept online, never
   refitted) and becomes one L2-normalised TF-IDF vector per space (``text``, ``title``, ``ents``;
   see :mod:`storyline.cluster.features`), weighted with the IDF of the moment it arrived.
2. Candidate clusters come from an inverted index: each cluster is listed under the heaviest terms
   of its centroid; the article's heaviest terms look up the newest clusters under each and the
   best-overlapping ``CANDIDATES`` are scored. With the ``multilingual`` extra, each article also has
   a multilingual embedding of its headline and lead (:mod:`storyline.cluster.embed`), and the
   ``DENSE_CANDIDATES`` events nearest to it among the ``DENSE_POOL`` most recently updated ones
   join the candidates (reports in other languages share no heavy term). Nothing else is read.
3. The similarity of article and cluster is a logistic model (weights learned on the mmds
   development set by :func:`storyline.evaluate.clustering.fit_model`, stored in
   ``storyline.settings.cluster``), multiplied by a time decay on the gap between the article's date
   and the cluster's date range (without a date on either side the decay is 1: undated articles
   cluster on content alone). Articles with an embedding use the embedding model: text and entity
   cosines to the centroids, log(cluster size), and the embedding cosine to the event's embedding
   centroid and its square. Articles without one use the word-space model: the per-space cosines,
   the title+lead cosine to the cluster's latest articles (a decayed sum, so a story that has moved
   on is matched by where it is now), the text x entity product and log(cluster size). In both the
   size weight is negative, so a big cluster needs a closer match.
4. The article joins the most probable cluster if that probability reaches
   ``NEW_CLUSTER_THRESHOLD``; otherwise it opens a new cluster. The cluster's centroids become the
   sum of its article vectors (pruned to their heaviest terms), and it is re-indexed. An event keeps
   the centroids its model reads (``Model.centroids``): the embedding model needs no title+lead ones,
   so a database clustered with embeddings has none, and ingesting into it later without the
   ``multilingual`` extra scores its events on words and entities alone (as, the other way round,
   events clustered without embeddings have no embedding centroid): keep one setup per database.
5. A new event is linked to a storyline the same way, over a longer horizon and with its first
   article's words and entities against storyline centroids (a simple weighted sum of cosines and a
   threshold); an event belongs to exactly one storyline, chosen when the event opens.

Ids are stable: an event is ``stable_id("ev-", first article id)``, a storyline
``stable_id("sl-", first article id)``. Feeding the same articles in the same order (published,
then seq) gives the same clusters whether they arrive one by one, in batches, or against a state
reloaded from the database, because all state goes through a :class:`ClusterIndex`.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import chain

import numpy as np

from storyline.cluster.features import ArticleFeatures, article_features, features_batch
from storyline.cluster.index import (
    SPACES,
    Centroid,
    Cluster,
    ClusterIndex,
    Kind,
    MemoryIndex,
    TermVector,
    Vector,
    vector_arrays,
)
from storyline.dates import known_publication_date, publication_key
from storyline.ids import stable_id
from storyline.model import Article
from storyline.settings import cluster as settings


@dataclass(slots=True)
class Assignment:
    """Where one article went: its event, the event's storyline, and how sure the model was."""

    article: str
    event: str
    storyline: str
    new_event: bool
    new_storyline: bool
    score: float  # p(same event) for the chosen cluster; 0.0 when a new event was opened


@dataclass(slots=True)
class Model:
    """The similarity model: logistic weights over named features, bias, and the new-cluster threshold.

    ``Model()`` is the model for articles with an embedding (settings.FEATURES ...), ``Model.sparse()``
    the one for articles without (the word spaces alone; settings.SPARSE_*)."""

    weights: tuple[float, ...] = settings.WEIGHTS
    bias: float = settings.BIAS
    threshold: float = settings.NEW_CLUSTER_THRESHOLD
    features: tuple[str, ...] = settings.FEATURES

    @classmethod
    def sparse(cls) -> Model:
        return cls(weights=settings.SPARSE_WEIGHTS, bias=settings.SPARSE_BIAS,
                   threshold=settings.SPARSE_NEW_CLUSTER_THRESHOLD, features=settings.SPARSE_FEATURES)

    @property
    def uses_dense(self) -> bool:
        return "dense" in self.features

    @property
    def centroids(self) -> tuple[str, ...]:
        """The event centroids this model reads: text and entities always (candidate retrieval and
        storylines use them), the title+lead ones only for the features built on them."""
        recent = ("recent",) if "recent" in self.features else ()
        title = ("title",) if recent or "title" in self.features else ()
        return ("text", "ents", *title, *recent)

    @property
    def spaces(self) -> tuple[str, ...]:
        """The article vector spaces this model needs (see :meth:`centroids`)."""
        return tuple(space for space in SPACES if space in self.centroids)

    def probabilities(self, rows: np.ndarray) -> np.ndarray:
        """p(same event) for each row of features in this model's order (see :func:`feature_rows`)."""
        z = rows @ np.asarray(self.weights) + self.bias
        return np.where(z > -50, 1.0 / (1.0 + np.exp(-np.maximum(z, -50))), 0.0)


def sort_key(article: Article) -> tuple[int, str, int]:
    """Publication order (``storyline.dates.publication_key``: UTC, undated last), then ingest order."""
    rank, when = publication_key(known_publication_date(article))
    return (rank, when, article.seq)


def weight(counts: Iterable[float], ids: np.ndarray, dfs: np.ndarray, n_docs: int, keep: int) -> TermVector:
    """Sublinear TF x online IDF of the terms ``ids`` (their raw ``counts`` and document frequencies
    ``dfs``, aligned), pruned to the ``keep`` heaviest terms (ties in the given order), L2-normalised."""
    tf = np.fromiter(counts, dtype=np.float64, count=len(ids))
    w = (1.0 + np.log(tf)) * (np.log((n_docs + 1) / (dfs.astype(np.float64) + 1)) + 1.0)
    if len(w) > keep:
        top = np.argsort(-w, kind="stable")[:keep]
        w = w[top]
        ids = ids[top]
    norm = float(np.sqrt(np.dot(w, w))) or 1.0
    return TermVector(ids, w / norm)


def _top(vec: Vector, n: int) -> list[tuple[int, float]]:
    """The ``n`` heaviest (term, weight) pairs, heaviest first (ties in the vector's order)."""
    ids, weights = vector_arrays(vec)
    top = np.argsort(-weights, kind="stable")[:n]
    return list(zip(ids[top].tolist(), weights[top].tolist(), strict=True))


def time_decay(day: float | None, cluster: Cluster, grace: float, tau: float) -> float:
    """1 inside the cluster's date range (plus grace), then exponential decay; 1 when undated."""
    if day is None or cluster.first_day is None or cluster.last_day is None:
        return 1.0
    gap = max(0.0, cluster.first_day - day, day - cluster.last_day)
    if gap <= grace:
        return 1.0
    return math.exp(-(gap - grace) / tau)


def _terms(feats: ArticleFeatures) -> list[str]:
    """The article's distinct terms: its text-space terms in their order, then any title-space term
    not among them, then its entity terms (new terms get ids in this order; no result depends on the
    ids' order). Entity terms carry a prefix no word has, so they are the last ``len(feats.ents)``."""
    return list(dict.fromkeys(chain(feats.text, feats.title, feats.ents)))


# Every feature a similarity model may use (a model's ``features`` pick and order them).
ALL_FEATURES = ("text", "title", "ents", "recent", "text_x_ents", "log_size", "dense", "dense_sq")

# Each centroid a cluster may keep: the article space it sums and the decay of its old weights per
# new member ("recent" is the decayed sum of the latest members' title+lead vectors). An event keeps
# the ones its model reads (Model.centroids); a storyline its words and entities.
_CENTROID_SOURCES = {"text": ("text", 1.0), "title": ("title", 1.0), "ents": ("ents", 1.0),
                     "recent": ("title", settings.RECENT_DECAY)}
ALL_CENTROIDS = tuple(_CENTROID_SOURCES)
STORYLINE_CENTROIDS = ("text", "ents")


class _Lookup(threading.local):
    """A dense array indexed by term id holding one article's vector weights while its candidates are
    scored (zero elsewhere): gathering a centroid's weights from it is one vectorised read."""

    table = np.zeros(0)


_LOOKUP = _Lookup()


def _segment_cosines(art_ids: np.ndarray, art_weights: np.ndarray, ids: np.ndarray, weights: np.ndarray,
                     lengths: list[int], norms: np.ndarray) -> np.ndarray:
    """Cosines of one unit sparse vector (``art_ids``/``art_weights``) to centroids laid end to end in
    ``ids``/``weights`` (``lengths`` terms each, L2 norms ``norms``; 0 for a zero norm)."""
    sums = np.zeros(len(lengths))
    if len(ids) and len(art_ids):
        size = int(max(art_ids.max(), ids.max())) + 1
        table = _LOOKUP.table
        if len(table) < size:
            table = _LOOKUP.table = np.zeros(max(size, 2 * len(table)))
        table[art_ids] = art_weights
        try:
            products = table[ids] * weights
        finally:
            table[art_ids] = 0.0
        sums = np.bincount(np.repeat(np.arange(len(lengths)), lengths), weights=products, minlength=len(lengths))
    return sums / np.where(norms > 0, norms, 1.0)


def centroid_cosines(vec: Vector, centroids: list[Centroid | None]) -> np.ndarray:
    """Cosine of a unit sparse vector to each centroid (0 for a missing or empty one), all at once."""
    kept = [c if c is not None and c.norm > 0 else Centroid.empty() for c in centroids]
    if not kept:
        return np.zeros(0)
    art_ids, art_weights = vector_arrays(vec)
    return _segment_cosines(art_ids, art_weights, np.concatenate([c.ids for c in kept]),
                            np.concatenate([c.weights for c in kept]), [len(c.ids) for c in kept],
                            np.array([c.norm for c in kept]))


def text_ents_cosines(vecs: dict[str, Vector], clusters: list[Cluster]) -> tuple[np.ndarray, np.ndarray]:
    """Cosines of the article's text and entity vectors to each cluster's text and entity centroids
    in one pass over their :class:`ScoringPack` s: the two vectors' term ids are disjoint (entity terms
    carry a prefix no word token has), so one lookup table holds both and one gather and one
    segmented sum serve both spaces."""
    if not clusters:
        return np.zeros(0), np.zeros(0)
    packs = [c.scoring_pack() for c in clusters]
    text_ids, text_weights = vector_arrays(vecs["text"])
    ents_ids, ents_weights = vector_arrays(vecs["ents"])
    cosines = _segment_cosines(
        np.concatenate([text_ids, ents_ids]), np.concatenate([text_weights, ents_weights]),
        np.concatenate([p.ids for p in packs]), np.concatenate([p.weights for p in packs]),
        [n for p in packs for n in p.lengths], np.array([x for p in packs for x in p.norms]))
    return cosines[0::2], cosines[1::2]


def feature_rows(vecs: dict[str, Vector], clusters: list[Cluster], dense: np.ndarray | None,
                 features: tuple[str, ...]) -> np.ndarray:
    """One row per candidate cluster, one column per name in ``features`` (see ALL_FEATURES):
    per-space cosines to the centroids, "recent" (title+lead cosine to the decayed sum of the latest
    members' title+lead vectors; the title cosine where there is none), text x entities, log(size), and
    with an embedding its cosine to the cluster's embedding centroid, that squared (the pair model is
    linear in its features: the square lets it ask for a closer embedding match than the linear term
    alone, see settings.cluster)."""
    n = len(clusters)
    cols: dict[str, np.ndarray] = {}
    want = set(features)
    if "text_x_ents" in want:
        want |= {"text", "ents"}
    if "recent" in want:
        want.add("title")  # its fallback
    if want & {"text", "ents"}:
        cols["text"], cols["ents"] = text_ents_cosines(vecs, clusters)
    if "title" in want:
        cols["title"] = centroid_cosines(vecs["title"], [c.centroids.get("title") for c in clusters])
    if "recent" in want:
        recent = centroid_cosines(vecs["title"], [c.centroids.get("recent") for c in clusters])
        has = np.array([(c.centroids.get("recent") is not None and c.centroids["recent"].norm > 0)
                        for c in clusters], dtype=bool)
        cols["recent"] = np.where(has, recent, cols["title"])
    if "text_x_ents" in want:
        cols["text_x_ents"] = cols["text"] * cols["ents"]
    cols["log_size"] = np.array([math.log(c.size) if c.size > 0 else 0.0 for c in clusters])
    if want & {"dense", "dense_sq"}:
        sims = np.zeros(n)
        if dense is not None:
            units = [c.dense_unit() for c in clusters]
            rows = [i for i, u in enumerate(units) if u is not None]
            if rows:
                sims[rows] = np.stack([units[i] for i in rows]) @ dense
        cols["dense"] = sims
        cols["dense_sq"] = sims * sims
    return np.column_stack([cols[name] for name in features]) if n else np.zeros((0, len(features)))


class OnlineClusterer:
    """Places articles into events and events into storylines, each on arrival.

    ``index`` holds all state (default: in memory). ``model`` may be replaced (the evaluation fits
    one). Call :meth:`assign` once per article, in publication order (:func:`sort_key`); an article
    already placed (the store knows: ``articles.event`` is set) must not be assigned again, or it
    would count twice in its event's centroid.
    """

    def __init__(self, index: ClusterIndex | None = None, model: Model | None = None) -> None:
        self.index: ClusterIndex = index if index is not None else MemoryIndex()
        # a given model scores every article; by default an article with an embedding is scored by
        # the embedding model and one without (extra not installed, empty text) by the word-space one
        self.fixed_model = model
        self.dense_model = Model()
        self.sparse_model = Model.sparse()

    def model_for(self, feats: ArticleFeatures) -> Model:
        if self.fixed_model is not None:
            return self.fixed_model
        return self.dense_model if feats.dense is not None else self.sparse_model

    def prime(self, articles: Iterable[Article]) -> None:
        """Count the document frequencies of unlabelled background articles before clustering, so
        that the first articles of a small collection are not weighted by an empty IDF (a stream
        that has run a while has this by itself). Placing articles later counts them again."""
        for article in articles:
            feats = article_features(article, embed=False)
            self.index.observe(_terms(feats))

    # -- vectors ------------------------------------------------------------------------------
    def vectors(self, feats: ArticleFeatures, spaces: tuple[str, ...] = SPACES) -> dict[str, Vector]:
        """The article's TF-IDF vector in the text space and in each other space of ``spaces`` (the
        document frequencies of all its terms are counted whichever spaces are asked for; a space not
        asked for is an empty vector)."""
        terms = _terms(feats)
        tids, dfs, n_docs = self.index.observe(terms)
        keep = settings.ARTICLE_TERMS
        n_text = len(feats.text)
        first_ent = len(terms) - len(feats.ents)
        vecs: dict[str, Vector] = {space: {} for space in SPACES}
        vecs["text"] = weight(feats.text.values(), tids[:n_text], dfs[:n_text], n_docs, keep["text"])
        if "ents" in spaces:  # the tail of ``terms`` (see _terms)
            vecs["ents"] = weight(feats.ents.values(), tids[first_ent:], dfs[first_ent:], n_docs, keep["ents"])
        if "title" in spaces:
            where = dict(zip(terms, range(len(terms)), strict=True))
            at = np.fromiter((where[term] for term in feats.title), dtype=np.int64, count=len(feats.title))
            vecs["title"] = weight(feats.title.values(), tids[at], dfs[at], n_docs, keep["title"])
        return vecs

    # -- candidates ---------------------------------------------------------------------------
    def candidates(self, kind: Kind, vecs: dict[str, Vector], n: int,
                   query_terms: tuple[int, int] = (settings.QUERY_TERMS, settings.QUERY_ENTS)) -> list[str]:
        """Cluster keys sharing heavy terms with the article, best overlap first (ties by key)."""
        limit = settings.POSTING_LIMIT if kind == "ev" else settings.STORYLINE_POSTING_LIMIT
        query = _top(vecs["text"], query_terms[0]) + _top(vecs["ents"], query_terms[1])
        return self.index.overlap_candidates(kind, query, limit, n)

    def event_candidates(self, vecs: dict[str, Vector], dense: np.ndarray | None) -> list[str]:
        """Events sharing heavy terms with the article, then (with an embedding) the nearest events of
        the dense pool not found that way: reports in other languages share no heavy term."""
        keys = self.candidates("ev", vecs, settings.CANDIDATES)
        if dense is not None:
            seen = set(keys)
            keys += [k for k in self.index.dense_candidates(dense, settings.DENSE_CANDIDATES) if k not in seen]
        return keys

    @staticmethod
    def cosines(vecs: dict[str, Vector], cluster: Cluster,
                dense: np.ndarray | None = None,
                features: tuple[str, ...] | None = None) -> dict[str, float]:
        """The features of one candidate cluster (``features``; default every one a model may use)."""
        names = features or ALL_FEATURES
        row = feature_rows(vecs, [cluster], dense, names)[0]
        return dict(zip(names, row.tolist(), strict=True))

    def scores(self, vecs: dict[str, Vector], day: float | None, clusters: list[Cluster],
               model: Model, dense: np.ndarray | None = None) -> list[float]:
        """p(same event) x time decay for each candidate cluster (0 beyond the horizon)."""
        if not clusters:
            return []
        probs = model.probabilities(feature_rows(vecs, clusters, dense, model.features)).tolist()
        out = []
        for p, cluster in zip(probs, clusters, strict=True):
            if day is not None and cluster.last_day is not None and (
                    day - cluster.last_day > settings.HORIZON_DAYS):
                out.append(0.0)
            else:
                out.append(p * time_decay(day, cluster, settings.DECAY_GRACE_DAYS, settings.DECAY_TAU_DAYS))
        return out

    # -- updates ------------------------------------------------------------------------------
    def _add(self, cluster: Cluster, vecs: dict[str, Vector], day: float | None,
             centroids: tuple[str, ...], dense: np.ndarray | None = None) -> None:
        """Count the article into ``cluster``: the named centroids (see ALL_CENTROIDS), the embedding
        sum of an event, its size and dates, and its place in the index."""
        old_terms = cluster.index_terms
        if dense is not None and cluster.kind == "ev":
            cluster.dense = dense.copy() if cluster.dense is None else cluster.dense + dense
        kept = cluster.centroids
        empty = Centroid.empty()
        for name in centroids:
            space, decay = _CENTROID_SOURCES[name]
            kept[name] = kept.get(name, empty).plus(vecs[space], settings.CENTROID_TERMS[space], decay)
        cluster.size += 1
        if day is not None:
            cluster.first_day = day if cluster.first_day is None else min(cluster.first_day, day)
            cluster.last_day = day if cluster.last_day is None else max(cluster.last_day, day)
        cluster.last_seq = self.index.tick()
        text = cluster.centroids["text"].top_ids(settings.INDEX_TERMS)
        ents = [t for t in cluster.centroids["ents"].top_ids(settings.INDEX_ENTS) if t not in text]
        cluster.index_terms = tuple(text + ents)
        self.index.put(cluster, old_terms)

    def assign(self, article: Article, feats: ArticleFeatures | None = None) -> Assignment:
        """Place one article: into the best event above threshold, else a new event (and storyline)."""
        feats = feats or article_features(article)
        model = self.model_for(feats)
        vecs = self.vectors(feats, model.spaces)
        day = feats.day
        dense = feats.dense if model.uses_dense else None
        best: Cluster | None = None
        best_p = 0.0
        found = [self.index.get(key) for key in self.event_candidates(vecs, dense)]
        clusters = [c for c in found if c is not None]
        for cluster, p in zip(clusters, self.scores(vecs, day, clusters, model, dense), strict=True):
            if p > best_p or (p == best_p and best is not None and cluster.key < best.key):
                best, best_p = cluster, p
        title = article.title or first_sentence(article.text)
        if best is not None and best_p >= model.threshold:
            event = best
            new_event = False
            if best_p > event.title_score and title:
                event.title, event.title_score = title, best_p
        else:
            event = Cluster(key=stable_id("ev-", article.id), kind="ev", first_article=article.id,
                            title=title, title_score=model.threshold)
            new_event = True
            best_p = 0.0
        new_storyline = False
        if new_event:
            storyline, new_storyline = self._storyline_for(article, vecs, day, title)
            event.storyline = storyline.key
        else:
            storyline = self.index.get(event.storyline or "")
            if storyline is None:  # state written by an older version: open one
                storyline, new_storyline = self._new_storyline(article, title), True
                event.storyline = storyline.key
        self._add(event, vecs, day, model.centroids, feats.dense)
        self._add(storyline, vecs, day, STORYLINE_CENTROIDS)
        return Assignment(article.id, event.key, storyline.key, new_event, new_storyline, best_p)

    def _new_storyline(self, article: Article, title: str) -> Cluster:
        return Cluster(key=stable_id("sl-", article.id), kind="sl", first_article=article.id,
                       title=title, title_score=0.0)

    def _storyline_for(self, article: Article, vecs: dict[str, Vector], day: float | None,
                       title: str) -> tuple[Cluster, bool]:
        best: Cluster | None = None
        best_s = 0.0
        w = settings.STORYLINE_WEIGHTS
        found = [self.index.get(key) for key in self.candidates(
            "sl", vecs, settings.STORYLINE_CANDIDATES, settings.STORYLINE_QUERY_TERMS)]
        storylines = [sl for sl in found if sl is not None and not (
            day is not None and sl.last_day is not None and day - sl.last_day > settings.STORYLINE_HORIZON_DAYS)]
        rows = feature_rows(vecs, storylines, None, ("text", "ents")).tolist()
        for sl, (text, ents) in zip(storylines, rows, strict=True):
            key = sl.key
            # both the subject (words) and the actors (entities) must be shared: geometric mean
            s = (text ** w["text"]) * (ents ** w["ents"])
            if s > best_s or (s == best_s and best is not None and key < best.key):
                best, best_s = sl, s
        if best is not None and best_s >= settings.STORYLINE_THRESHOLD:
            return best, False
        return self._new_storyline(article, title), True


def first_sentence(text: str, max_words: int = 20) -> str:
    """The first sentence of a text (at most ``max_words`` words): the title of an untitled article."""
    line = text.strip().split("\n", 1)[0]
    ends = [pos for pos in (line.find(". "), line.find("? "), line.find("! ")) if pos > 0]
    if ends:
        line = line[: min(ends) + 1]
    parts = line.split()
    return " ".join(parts[:max_words]) + (" ..." if len(parts) > max_words else "")


def cluster_articles(articles: Iterable[Article], model: Model | None = None,
                     clusterer: OnlineClusterer | None = None, prime: bool = False) -> dict[str, str]:
    """Batch use: every article's event id, placing them one by one in publication order."""
    return {a.article: a.event for a in cluster_with_storylines(articles, model, clusterer, prime)}


def cluster_with_storylines(articles: Iterable[Article], model: Model | None = None,
                            clusterer: OnlineClusterer | None = None,
                            prime: bool = False) -> list[Assignment]:
    """Batch use returning the full :class:`Assignment` (event and storyline) of each article.
    ``prime``: count the collection's document frequencies first (see :meth:`OnlineClusterer.prime`)."""
    clusterer = clusterer or OnlineClusterer(model=model)
    ordered = sorted(articles, key=sort_key)
    if prime:
        clusterer.prime(ordered)
    return [clusterer.assign(a, f) for a, f in zip(ordered, features_batch(ordered), strict=True)]


def link_storylines(assignments: Iterable[Assignment]) -> dict[str, str]:
    """Event id -> storyline id. Storylines are chosen online when an event opens (see
    :meth:`OnlineClusterer._storyline_for`), so this only collects them; each event has exactly one."""
    return {a.event: a.storyline for a in assignments}
