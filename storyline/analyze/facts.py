"""Sentence-level claims and their alignment across an event's articles.

A *fact* is a group of sentences, from different articles, that say the same thing in whatever words:
"Police said 12 people were hurt" and "Twelve people were injured, police said" are one fact. Sentences
are compared by TF-IDF cosine over content stems plus capitalised entities and numbers (weighted up);
groups are formed by constrained single link (strongest pairs first, never two sentences of the same
article in one fact, which stops chains from swallowing a whole article).

Copies (``Article.copy_of``) carry a fact but do not vote for it: ``Fact.sources`` counts the
independent reports, following ``copy_of`` chains to the original.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from storyline.analyze.sentences import (
    Sentence,
    content_terms,
    readable_alone,
    split_sentences,
    word_count,
)
from storyline.ids import stable_id
from storyline.model import Article
from storyline.settings import analyze as settings


@dataclass
class Claim:
    """One sentence of one article, as a candidate fact."""

    article: str
    sentence: Sentence
    terms: list[str]

    @property
    def text(self) -> str:
        return self.sentence.text


@dataclass
class Fact:
    """Sentences from several articles that state the same thing."""

    id: str
    claims: list[Claim]
    articles: list[str] = field(default_factory=list)  # every article that prints it (copies included)
    outlets: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)  # independent reports: root article ids

    @property
    def text(self) -> str:
        return self.claims[0].text

    @property
    def support(self) -> int:
        return len(self.sources)


@dataclass
class FactTable:
    """The facts of a set of articles plus what later steps need: vectors and the copy roots."""

    facts: list[Fact]
    claims: list[Claim]
    vectors: sparse.csr_matrix  # one L2-normalised row per claim, same order as ``claims``
    fact_of_claim: list[int]
    roots: dict[str, str]  # article id -> id of the original it copies (itself when not a copy)


def outlet_of(article: Article) -> str:
    """The name an article is counted under: its outlet, else its wire, else its source."""
    return article.outlet or article.wire or article.source


def copy_roots(articles: Iterable[Article]) -> dict[str, str]:
    """article id -> the original at the end of its ``copy_of`` chain (unknown originals count as roots)."""
    by_id = {a.id: a for a in articles}
    roots: dict[str, str] = {}
    for a in by_id.values():
        cur, seen = a, {a.id}
        while cur.copy_of and cur.copy_of not in seen:
            seen.add(cur.copy_of)
            nxt = by_id.get(cur.copy_of)
            if nxt is None:
                roots[a.id] = cur.copy_of
                break
            cur = nxt
        else:
            roots[a.id] = cur.id
    return roots


def source_key(article: Article, by_id: dict[str, Article], roots: dict[str, str]) -> str:
    """Who independently produced this report: the original's wire agency, else its outlet.

    A copy whose original is not among the articles counts under that original's id, so forty carriers
    of one absent original are still one source."""
    root_id = roots.get(article.id, article.id)
    root = by_id.get(root_id)
    if root is None:
        return f"original:{root_id}"
    return root.wire or outlet_of(root)


def split_claims(article: Article) -> list[Claim]:
    """Sentence-level claims of an article: sentences of a readable length."""
    out = []
    for s in split_sentences(article.text):
        n = word_count(s.text)
        if n < settings.MIN_CLAIM_WORDS or n > settings.MAX_CLAIM_WORDS:
            continue
        terms = content_terms(s.text, int(settings.ENTITY_WEIGHT))
        if terms:
            out.append(Claim(article.id, s, terms))
    return out


def vectorize(term_lists: list[list[str]]) -> sparse.csr_matrix:
    """L2-normalised TF-IDF rows over pre-computed term lists."""
    if not term_lists:
        return sparse.csr_matrix((0, 0))
    vec = TfidfVectorizer(analyzer=lambda terms: terms, sublinear_tf=True, norm="l2")
    return sparse.csr_matrix(vec.fit_transform(term_lists))


def align(articles: list[Article], threshold: float | None = None) -> FactTable:
    """Group the claims of ``articles`` into facts; copies carry facts but do not add sources."""
    threshold = settings.FACT_SIMILARITY if threshold is None else threshold
    ordered = sorted(articles, key=lambda a: (a.published or "", a.seq, a.id))
    by_id = {a.id: a for a in ordered}
    roots = copy_roots(ordered)
    claims = [c for a in ordered for c in split_claims(a)]
    n = len(claims)
    vectors = vectorize([c.terms for c in claims])
    groups = group_claims(claims, vectors, threshold)
    facts: list[Fact] = []
    fact_of_claim = [0] * n
    for idxs in groups:
        fact_claims = [claims[i] for i in idxs]
        arts = list(dict.fromkeys(c.article for c in fact_claims))
        outlets = list(dict.fromkeys(outlet_of(by_id[a]) for a in arts))
        sources = list(dict.fromkeys(roots.get(a, a) for a in arts))
        fid = stable_id("fact", *sorted(f"{c.article}:{c.sentence.start}" for c in fact_claims))
        for i in idxs:
            fact_of_claim[i] = len(facts)
        facts.append(Fact(fid, fact_claims, arts, outlets, sources))
    return FactTable(facts, claims, vectors, fact_of_claim, roots)


def group_claims(claims: list[Claim], vectors: sparse.csr_matrix, threshold: float) -> list[list[int]]:
    """Average-link grouping: join the most similar pairs first, never two claims of one article in a group,
    and only when the mean similarity across the two groups stays at ``threshold`` (a single strong pair
    cannot chain two different facts together through a sentence that mentions both).

    The rows are L2-normalised, so the mean pairwise cosine of groups A and B is
    (sum of A's rows) . (sum of B's rows) / (|A| |B|): each group keeps one summed vector."""
    n = len(claims)
    parent = list(range(n))
    size = [1] * n
    articles: dict[int, set[str]] = {i: {c.article} for i, c in enumerate(claims)}
    if n > 1:
        csr = sparse.csr_matrix(vectors)
        sums: dict[int, dict[int, float]] = {
            i: dict(
                zip(
                    csr.indices[csr.indptr[i] : csr.indptr[i + 1]].tolist(),
                    csr.data[csr.indptr[i] : csr.indptr[i + 1]].tolist(),
                    strict=False,
                )
            )
            for i in range(n)
        }

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        sim = sparse.triu(csr @ csr.T, k=1).tocoo()
        keep = sim.data >= threshold
        rows, cols, vals = sim.row[keep], sim.col[keep], sim.data[keep]
        order = np.argsort(-vals, kind="stable")
        for i, j in zip(rows[order].tolist(), cols[order].tolist(), strict=False):
            ri, rj = find(i), find(j)
            if ri == rj or articles[ri] & articles[rj]:
                continue
            if size[ri] > 1 or size[rj] > 1:
                a, b = (sums[ri], sums[rj]) if len(sums[ri]) <= len(sums[rj]) else (sums[rj], sums[ri])
                if sum(v * b.get(t, 0.0) for t, v in a.items()) / (size[ri] * size[rj]) < threshold:
                    continue
            if ri > rj:
                ri, rj = rj, ri
            parent[rj] = ri
            size[ri] += size[rj]
            merged = sums[ri]
            for t, v in sums.pop(rj).items():
                merged[t] = merged.get(t, 0.0) + v
            articles[ri] |= articles.pop(rj)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        r = i
        while parent[r] != r:
            r = parent[r]
        groups.setdefault(r, []).append(i)
    return [groups[r] for r in sorted(groups)]


def best_claim(fact: Fact, articles: dict[str, Article]) -> Claim:
    """The printing of a fact to show: from a report rather than commentary, a trusted extraction,
    an original rather than a copy, not a quote fragment, then the earliest."""

    def rank(c: Claim) -> tuple[float, ...]:
        a = articles.get(c.article)
        opinion = a.opinion if a else 0.0
        conf = a.confidence if a else 1.0
        is_copy = 1.0 if a is not None and a.copy_of else 0.0
        return (
            not readable_alone(c.text, settings.MAX_QUOTED_SHARE),
            opinion >= settings.OPINION_THRESHOLD,
            -conf,
            is_copy,
            opinion,
            c.sentence.index,
        )

    return min(fact.claims, key=rank)
