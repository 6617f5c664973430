"""Score event clustering and storyline linking against labelled data; fit the similarity model.

Metrics (both over a gold labelling and a predicted one of the same articles):

- pairwise precision/recall/F1 over co-clustered pairs (the metric of Miranda et al. 2018);
- B-cubed precision/recall/F1 (per-article overlap of predicted and gold cluster, averaged).

Formats read by path at run time (nothing from the datasets is copied into the project):

- ``mmds``: the MMDS2025 file ``{"articles": [...], "clusters": [label, ...]}``. Label 166 is a
  catch-all for unrelated articles: each of its members is scored as its own singleton. The file has
  no publication dates, so it measures the undated path.
- ``jsonl``: one object per line ``{id, title?, text, published?, label}``.
- ``timeline17``: a folder of ``<topic>_<outlet>/articles.jsonl`` (news-tls layout), or one such
  folder. Each topic is one storyline (H1N1 across three outlets is one), so this scores the
  *storyline* assignment; event scores there are not meaningful (no event labels).

:func:`fit_model` learns the logistic similarity model the way Miranda et al. do: replay the
articles in order against the *gold* clusters, and for each article take its cosines to every
retrieved candidate cluster, labelled 1 for its gold cluster and 0 for the others.
:func:`cross_validate` fits the model and the new-cluster threshold on k-1 folds of the gold
labels and scores the held-out fold's articles as clustered within the whole stream (``--cv 5``;
``--cv-protocol alone`` clusters the held-out fold by itself, which over-estimates), so the reported
number is not a training score.
"""

from __future__ import annotations

import json
import math
import random
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from itertools import combinations
from pathlib import Path

from storyline.cluster import embed
from storyline.cluster.features import features_batch
from storyline.cluster.index import Cluster
from storyline.cluster.online import ALL_CENTROIDS, Model, OnlineClusterer, cluster_with_storylines, sort_key
from storyline.model import Article
from storyline.settings import cluster as settings

MMDS_CATCH_ALL = 166
# Count the evaluated collection's document frequencies before clustering it (unlabelled text only):
# a few hundred articles are otherwise weighted by an IDF that starts empty, unlike a running stream.
PRIME = False


# -- metrics ----------------------------------------------------------------------------------------
def _prf(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def pairwise_scores(gold: dict[str, str], pred: dict[str, str]) -> dict[str, float]:
    """Precision/recall/F1 of the set of co-clustered article pairs."""
    def pairs(labels: dict[str, str]) -> set[tuple[str, str]]:
        groups: dict[str, list[str]] = defaultdict(list)
        for item, label in labels.items():
            groups[label].append(item)
        return {tuple(sorted(p)) for g in groups.values() for p in combinations(g, 2)}  # type: ignore[misc]

    g, p = pairs(gold), pairs(pred)
    tp = len(g & p)
    precision = tp / len(p) if p else 1.0
    recall = tp / len(g) if g else 1.0
    return {"pairwise_precision": precision, "pairwise_recall": recall,
            "pairwise_f1": _prf(precision, recall)}


def bcubed_scores(gold: dict[str, str], pred: dict[str, str]) -> dict[str, float]:
    """B-cubed precision/recall/F1 averaged over articles."""
    gold_groups: dict[str, set[str]] = defaultdict(set)
    pred_groups: dict[str, set[str]] = defaultdict(set)
    for item, label in gold.items():
        gold_groups[label].add(item)
    for item, label in pred.items():
        pred_groups[label].add(item)
    precision = recall = 0.0
    for item in gold:
        g = gold_groups[gold[item]]
        p = pred_groups[pred[item]]
        overlap = len(g & p)
        precision += overlap / len(p)
        recall += overlap / len(g)
    n = len(gold) or 1
    precision, recall = precision / n, recall / n
    return {"bcubed_precision": precision, "bcubed_recall": recall, "bcubed_f1": _prf(precision, recall)}


def scores(gold: dict[str, str], pred: dict[str, str]) -> dict[str, float]:
    """Both metrics over the articles of ``pred`` (``gold`` may label more)."""
    gold = {k: gold[k] for k in pred}
    return {**pairwise_scores(gold, pred), **bcubed_scores(gold, pred)}


# -- loaders ----------------------------------------------------------------------------------------
def load_mmds(path: Path) -> tuple[list[Article], dict[str, str]]:
    """Articles (no dates) and gold labels; catch-all members get singleton labels."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    articles: list[Article] = []
    gold: dict[str, str] = {}
    for seq, (item, label) in enumerate(zip(data["articles"], data["clusters"], strict=True)):
        aid = f"mmds-{item['ID']}"
        sentences = item.get("sentences") or []
        text = "\n\n".join(s.get("content", "") for s in sentences if isinstance(s, dict))
        articles.append(Article(id=aid, source=str(path), text=text, title=item.get("title"), seq=seq))
        gold[aid] = f"single-{aid}" if int(label) == MMDS_CATCH_ALL else f"label-{label}"
    return articles, gold


def load_jsonl(path: Path) -> tuple[list[Article], dict[str, str]]:
    articles: list[Article] = []
    gold: dict[str, str] = {}
    with Path(path).open(encoding="utf-8") as fh:
        for seq, line in enumerate(fh):
            if not line.strip():
                continue
            rec = json.loads(line)
            aid = str(rec["id"])
            articles.append(Article(id=aid, source=str(path), text=rec.get("text", ""),
                                    title=rec.get("title"), published=rec.get("published"), seq=seq))
            gold[aid] = str(rec["label"])
    return articles, gold


def _ptb_detok(text: str) -> str:
    """Undo the PTB tokenisation of Timeline17 enough for capitalisation and quotes to read normally."""
    for a, b in ((" `` ", ' "'), (" '' ", '" '), ("-LRB- ", "("), (" -RRB-", ")"), (" 's", "'s"),
                 (" ,", ","), (" .", "."), (" :", ":"), (" ;", ";"), (" n't", "n't")):
        text = text.replace(a, b)
    return text


def load_timeline17(path: Path) -> tuple[list[Article], dict[str, str]]:
    """Articles of every ``<topic>_<outlet>`` folder under ``path``; gold label = topic."""
    path = Path(path)
    folders = [path] if (path / "articles.jsonl").exists() else sorted(
        p for p in path.iterdir() if (p / "articles.jsonl").exists())
    articles: list[Article] = []
    gold: dict[str, str] = {}
    seq = 0
    for folder in folders:
        topic = folder.name.split("_")[0]
        with (folder / "articles.jsonl").open(encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                aid = f"{folder.name}-{rec['id']}"
                text = _ptb_detok(rec.get("text", "")).replace(" \n", "\n\n")
                articles.append(Article(id=aid, source=str(folder), text=text,
                                        published=(rec.get("time") or "")[:10] or None,
                                        outlet=folder.name.split("_", 1)[-1], seq=seq))
                gold[aid] = topic
                seq += 1
    return articles, gold


LOADERS = {"mmds": load_mmds, "jsonl": load_jsonl, "timeline17": load_timeline17}


# -- evaluation -------------------------------------------------------------------------------------
# First seeds of the random arrival orders: fitting replays, scored orders in cross-validation and
# scored orders of `evaluate` draw from separate ranges, so no scored order is one the model was fitted on.
FIT_ORDER_SEED = 1000
CV_ORDER_SEED = 100
EVAL_ORDER_SEED = 0


def shuffled(articles: Sequence[Article], seed: int) -> list[Article]:
    """Copies of ``articles`` in another arrival order (a seeded permutation of ``seq``). Only the
    order of undated articles changes: dated ones are placed by their dates."""
    order = list(range(len(articles)))
    random.Random(seed).shuffle(order)
    return [replace(a, seq=order[i]) for i, a in enumerate(articles)]


def mean_scores(streams: Sequence[Sequence[Article]], gold: dict[str, str], model: Model | None) -> dict[str, float]:
    """Event scores of each stream (the same articles in different arrival orders), averaged."""
    totals: dict[str, float] = defaultdict(float)
    for stream in streams:
        result = cluster_with_storylines(stream, model=model, prime=PRIME)
        for name, value in scores(gold, {a.article: a.event for a in result}).items():
            totals[name] += value / len(streams)
    return dict(totals)


def label_runs(articles: Sequence[Article], gold: dict[str, str]) -> float:
    """Contiguous runs of one gold label in arrival order, per gold label: 1.0 means the collection
    arrives sorted by its labels, which an online clusterer of undated articles profits from."""
    labels = [gold[a.id] for a in sorted(articles, key=sort_key)]
    runs = sum(1 for i, label in enumerate(labels) if i == 0 or label != labels[i - 1])
    return runs / max(1, len(set(labels)))


def evaluate(data: Path, format: str = "mmds", model: Model | None = None, cv_folds: int = 0,
             shuffles: int = 0, cv_shuffles: int = 0, **options: object) -> dict[str, float]:
    """Cluster the labelled articles at ``data`` and score them.

    mmds/jsonl: scores of the event assignment (and ``cv_*`` scores when ``cv_folds`` > 1: the
    model refitted on k-1 folds, scored on the held-out one). timeline17: scores of the storyline
    assignment (each topic is one storyline), plus the number of events and storylines.

    Undated articles arrive in file order. The MMDS2025 files are sorted by gold label, so file order
    hands the clusterer every event's articles together; ``shuffles`` > 0 also clusters the articles
    in that many seeded random orders and reports the mean scores as ``shuffled_*`` (the estimate
    for a stream whose order says nothing about the events); ``cv_shuffles`` does the same for the
    held-out folds of the stream cross-validation (``cv_shuffled_*``).
    """
    articles, gold = LOADERS[format](Path(data))
    assignments = cluster_with_storylines(articles, model=model, prime=PRIME)
    if format == "timeline17":
        pred = {a.article: a.storyline for a in assignments}
    else:
        pred = {a.article: a.event for a in assignments}
    out = scores(gold, pred)
    out["articles"] = float(len(articles))
    out["events"] = float(len({a.event for a in assignments}))
    out["storylines"] = float(len({a.storyline for a in assignments}))
    out["gold_clusters"] = float(len(set(gold.values())))
    if format != "timeline17":
        out["label_runs"] = label_runs(articles, gold)
    if shuffles > 0 and format != "timeline17":
        streams = [shuffled(articles, EVAL_ORDER_SEED + k) for k in range(shuffles)]
        out.update({f"shuffled_{k}": v for k, v in mean_scores(streams, gold, model).items()})
    if cv_folds > 1 and format != "timeline17":
        protocols = [str(options.get("cv_protocol", "stream"))]
        if protocols == ["both"]:
            protocols = ["stream", "alone"]
        for protocol in protocols:
            prefix = "cv_" if protocol == "stream" else f"cv_{protocol}_"
            result = cross_validate(articles, gold, cv_folds, protocol,
                                    shuffles=cv_shuffles if protocol == "stream" else 0)
            out.update({f"{prefix}{k}": v for k, v in result.items()})
    return out


def _fold_of(label: str, folds: int, salt: str = "") -> int:
    """A label's fold: a hash, so folds are fixed across runs (``salt`` draws another split)."""
    import hashlib

    return int(hashlib.sha1((salt + label).encode()).hexdigest(), 16) % folds


def default_features() -> tuple[str, ...]:
    """The features of the model that clusters articles here: with embeddings when available."""
    return tuple(settings.FEATURES) if embed.available() else tuple(settings.SPARSE_FEATURES)


def training_pairs(articles: Sequence[Article], gold: dict[str, str],
                   features: Sequence[str] | None = None) -> tuple[list[list[float]], list[int]]:
    """Per-candidate feature rows and 0/1 targets from replaying ``articles`` against gold clusters."""
    features = tuple(features or default_features())
    use_dense = "dense" in features
    clusterer = OnlineClusterer()
    ordered = sorted(articles, key=sort_key)
    if PRIME:
        clusterer.prime(ordered)
    rows: list[list[float]] = []
    targets: list[int] = []
    for article, feats in zip(ordered, features_batch(ordered), strict=True):
        vecs = clusterer.vectors(feats)
        dense = feats.dense if use_dense else None
        key = f"gold:{gold[article.id]}"
        for cand in clusterer.event_candidates(vecs, dense):
            cluster = clusterer.index.get(cand)
            if cluster is None:
                continue
            cos = clusterer.cosines(vecs, cluster, dense)
            rows.append([cos[name] for name in features])
            targets.append(1 if cand == key else 0)
        cluster = clusterer.index.get(key) or Cluster(key=key, kind="ev")
        clusterer._add(cluster, vecs, feats.day, ALL_CENTROIDS, feats.dense)
    return rows, targets


def fit_model(articles: Sequence[Article], gold: dict[str, str], thresholds: Iterable[float] | None = None,
              c: float | None = None, orders: int | None = None,
              features: Sequence[str] | None = None) -> tuple[Model, dict[str, float]]:
    """A logistic model over the per-space cosines, then the threshold among ``thresholds`` that
    maximises the mean of B-cubed and pairwise F1 of the clustering of ``articles`` (default: a grid
    for the word-space model, the fixed settings.NEW_CLUSTER_THRESHOLD for the embedding model;
    scikit-learn is used only here).

    Undated articles are replayed in their given order and in ``orders`` (settings.FIT_ORDERS) seeded
    random orders: training pairs are pooled over all of them and the threshold maximises the mean
    objective over them, so the model does not learn the order of a label-sorted file."""
    from sklearn.linear_model import LogisticRegression

    n_orders = settings.FIT_ORDERS if orders is None else orders
    replays = [list(articles)] + [shuffled(articles, FIT_ORDER_SEED + k) for k in range(n_orders)]
    rows: list[list[float]] = []
    targets: list[int] = []
    features = tuple(features or default_features())
    for replay in replays:
        r, t = training_pairs(replay, gold, features)
        rows += r
        targets += t
    lr = LogisticRegression(C=settings.FIT_C if c is None else c, class_weight="balanced", max_iter=1000)
    lr.fit(rows, targets)
    base = Model(weights=tuple(float(w) for w in lr.coef_[0]), bias=float(lr.intercept_[0]),
                 features=features)
    if thresholds is None:
        # the embedding model's threshold is fixed (chosen by stream cross-validation, see
        # settings.cluster): one fitted on the training replays themselves comes out too low
        thresholds = [settings.NEW_CLUSTER_THRESHOLD] if "dense" in features else [x / 20 for x in range(4, 20)]
    best: tuple[float, float, dict[str, float]] = (-1.0, 0.5, {})
    for th in thresholds:
        model = Model(weights=base.weights, bias=base.bias, threshold=th, features=features)
        totals = mean_scores(replays, gold, model)
        objective = (totals["bcubed_f1"] + totals["pairwise_f1"]) / 2
        if objective > best[0]:
            best = (objective, th, totals)
    model = Model(weights=base.weights, bias=base.bias, threshold=best[1], features=features)
    return model, best[2]


def scores_within(gold: dict[str, str], pred: dict[str, str], subset: set[str]) -> dict[str, float]:
    """Both metrics for the articles of ``subset`` clustered within a larger stream (``pred`` labels
    the whole stream, ``gold`` at least ``subset``).

    Each subset article is scored against its whole predicted cluster, so merging it with an article
    outside the subset costs precision (the outside article counts as a wrong neighbour; gold clusters
    lie wholly inside or outside the subset when folds are drawn by label). Pairwise: the pairs with
    at least one subset article.
    """
    pred_groups: dict[str, set[str]] = defaultdict(set)
    for item, label in pred.items():
        pred_groups[label].add(item)
    gold_groups: dict[str, set[str]] = defaultdict(set)
    for item in subset:
        gold_groups[gold[item]].add(item)
    precision = recall = 0.0
    tp = n_pred = n_gold = 0
    for item in subset:
        g = gold_groups[gold[item]]
        p = pred_groups[pred[item]]
        overlap = len(g & p)
        precision += overlap / len(p)
        recall += overlap / len(g)
    n = len(subset) or 1
    precision, recall = precision / n, recall / n
    # pairs touching the subset: count each unordered pair once
    for group in pred_groups.values():
        inside = [i for i in group if i in subset]
        k, m = len(inside), len(group)
        n_pred += k * (k - 1) // 2 + k * (m - k)
        by_gold: dict[str, int] = defaultdict(int)
        for i in inside:
            by_gold[gold[i]] += 1
        tp += sum(c * (c - 1) // 2 for c in by_gold.values())
    n_gold = sum(len(g) * (len(g) - 1) // 2 for g in gold_groups.values())
    pp = tp / n_pred if n_pred else 1.0
    pr = tp / n_gold if n_gold else 1.0
    return {"pairwise_precision": pp, "pairwise_recall": pr, "pairwise_f1": _prf(pp, pr),
            "bcubed_precision": precision, "bcubed_recall": recall, "bcubed_f1": _prf(precision, recall)}


def cross_validate(articles: Sequence[Article], gold: dict[str, str], folds: int = 5,
                   protocol: str = "stream", salt: str = "", shuffles: int = 0) -> dict[str, float]:
    """Mean held-out scores: fit the model and threshold on the gold labels of k-1 label folds, and
    score the k-th fold's articles.

    ``protocol="stream"`` (the default and the honest one): the whole collection is clustered with
    the fitted model (the training folds' articles are unlabelled stream text at that point) and the
    held-out articles are scored within it (:func:`scores_within`), so they meet every neighbouring
    event of the stream. ``protocol="alone"``: the held-out fold is clustered on its own, which removes
    four fifths of the confusable neighbours and over-estimates (mmds dev: 0.914 vs 0.869 fit-on-all).
    ``shuffles`` > 0 (stream protocol): the whole stream is also clustered in that many seeded random
    arrival orders and the held-out scores averaged over them are reported as ``shuffled_*``.
    """
    totals: dict[str, float] = defaultdict(float)
    for k in range(folds):
        train = [a for a in articles if _fold_of(gold[a.id], folds, salt) != k]
        test = [a for a in articles if _fold_of(gold[a.id], folds, salt) == k]
        if not train or not test:
            continue
        model, _ = fit_model(train, gold)
        if protocol == "alone":
            pred = {a.article: a.event for a in cluster_with_storylines(test, model=model, prime=PRIME)}
            result = scores({a.id: gold[a.id] for a in test}, pred)
        else:
            pred = {a.article: a.event for a in cluster_with_storylines(articles, model=model, prime=PRIME)}
            result = scores_within(gold, pred, {a.id for a in test})
            for seed in range(shuffles):
                stream = shuffled(articles, CV_ORDER_SEED + seed)
                pred = {a.article: a.event for a in cluster_with_storylines(stream, model=model, prime=PRIME)}
                for name, value in scores_within(gold, pred, {a.id for a in test}).items():
                    totals[f"shuffled_{name}"] += value / folds / shuffles
        for name, value in result.items():
            totals[name] += value / folds
    return dict(totals)


def format_scores(result: dict[str, float]) -> str:
    return "\n".join(f"{k:28s} {v:.4f}" if not math.isnan(v) else f"{k:28s} nan" for k, v in result.items())


if __name__ == "__main__":  # pragma: no cover - developer entry point until the CLI is wired
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--format", default="mmds")
    parser.add_argument("--cv", type=int, default=0)
    parser.add_argument("--cv-protocol", default="stream", choices=["stream", "alone", "both"],
                        help="held-out fold clustered within the whole stream (default) or on its own")
    parser.add_argument("--fit", action="store_true", help="fit the model on this data and print it")
    parser.add_argument("--cv-shuffles", type=int, default=3,
                        help="with --cv: also score each held-out fold in this many random arrival orders")
    args = parser.parse_args()
    if args.fit:
        arts, labels = LOADERS[args.format](args.data)
        fitted, train_scores = fit_model(arts, labels)
        print(fitted)
        print(format_scores(train_scores))
    else:
        print(format_scores(evaluate(args.data, args.format, cv_folds=args.cv, shuffles=5,
                                     cv_protocol=args.cv_protocol, cv_shuffles=args.cv_shuffles)))
