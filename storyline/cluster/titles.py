"""Titles for events and storylines, drawn from their articles (never generated text).

The title of a group is the title of its most central article: the one whose word vector (TF-IDF
within the group, title and lead weighted as in clustering) is closest to the group's mean. An
article without a title offers its first sentence. The online clusterer keeps a cheap running
choice in ``Cluster.title``; this module gives the exact one when the group's articles are at hand.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from storyline.cluster.features import article_features
from storyline.model import Article


def central_article(articles: Sequence[Article]) -> Article | None:
    """The article closest to the group's mean vector (ties: the earliest in the given order)."""
    if not articles:
        return None
    counts = [article_features(a, embed=False).text for a in articles]
    df: dict[str, int] = {}
    for c in counts:
        for term in c:
            df[term] = df.get(term, 0) + 1
    n = len(articles)
    vecs = []
    for c in counts:
        v = {t: (1 + math.log(w)) * (math.log((n + 1) / (df[t] + 1)) + 1) for t, w in c.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vecs.append({t: x / norm for t, x in v.items()})
    mean: dict[str, float] = {}
    for v in vecs:
        for t, x in v.items():
            mean[t] = mean.get(t, 0.0) + x
    best, best_score = 0, -1.0
    for i, v in enumerate(vecs):
        score = sum(x * mean.get(t, 0.0) for t, x in v.items())
        if score > best_score + 1e-12:
            best, best_score = i, score
    return articles[best]


def group_title(articles: Sequence[Article]) -> str:
    """The title of the most central article (its first sentence when it has no title)."""
    from storyline.cluster.online import first_sentence

    titled = [a for a in articles if a.title] or list(articles)
    central = central_article(titled)
    if central is None:
        return ""
    return central.title or first_sentence(central.text)
