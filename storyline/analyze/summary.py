"""Extractive, cited summaries: sentences the sources printed, each citing every article that printed it.

Facts (aligned sentences, see ``facts``) are ranked by how many independent sources report them
(copies do not vote twice), how central they are to the whole event (cosine to the centroid of all
claims) and whether they lead an article. Greedy maximal-marginal-relevance selection drops a fact too
close to one already chosen. Each chosen fact is shown as its best printing: from a report rather than
commentary, a trusted extraction, an original, not a quote fragment or a sentence that opens with a
pronoun it cannot resolve alone. The chosen sentences are then put in the order the story was told.
"""

from __future__ import annotations

import numpy as np
from scipy import sparse

from storyline.analyze.facts import Fact, FactTable, align, best_claim
from storyline.analyze.sentences import readable_alone
from storyline.model import Article, SummarySentence
from storyline.settings import analyze as settings


def _fact_vectors(table: FactTable) -> sparse.csr_matrix:
    """One L2-normalised row per fact: the sum of its claims' rows."""
    n = len(table.facts)
    if n == 0 or table.vectors.shape[0] == 0:
        return sparse.csr_matrix((n, 1))
    m = len(table.fact_of_claim)
    assign = sparse.csr_matrix((np.ones(m), (table.fact_of_claim, np.arange(m))), shape=(n, m))
    summed = sparse.csr_matrix(assign @ table.vectors)
    norms = np.sqrt(np.asarray(summed.multiply(summed).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ summed)


def rank_facts(table: FactTable, articles: dict[str, Article]) -> list[tuple[float, Fact]]:
    """Facts with their summary score, best first."""
    if not table.facts:
        return []
    vecs = _fact_vectors(table)
    centroid = np.asarray(table.vectors.sum(axis=0)).ravel()
    norm = np.linalg.norm(centroid) or 1.0
    centrality = np.asarray(vecs @ (centroid / norm)).ravel()
    scored = []
    for i, f in enumerate(table.facts):
        lead = any(c.sentence.index < 2 for c in f.claims)
        conf = max((articles[c.article].confidence for c in f.claims if c.article in articles), default=1.0)
        score = (
            settings.SUPPORT_WEIGHT * f.support
            + settings.CENTRALITY_WEIGHT * float(centrality[i])
            + (settings.LEAD_BONUS if lead else 0.0)
        ) * conf
        scored.append((score, f))
    scored.sort(key=lambda sf: -sf[0])
    return scored


def summarize(
    articles: list[Article], max_sentences: int = 5, table: FactTable | None = None
) -> list[SummarySentence]:
    """3–7 (``max_sentences``, clamped to that range) extractive sentences citing their sources."""
    if not articles:
        return []
    k = max(settings.SUMMARY_MIN_SENTENCES, min(settings.SUMMARY_MAX_SENTENCES, max_sentences))
    table = table or align(articles)
    by_id = {a.id: a for a in articles}
    ranked = rank_facts(table, by_id)
    vecs = _fact_vectors(table)
    index = {f.id: i for i, f in enumerate(table.facts)}
    chosen: list[Fact] = []

    def reported(f: Fact) -> bool:
        """Printed by at least one article that is not commentary."""
        return any(
            c.article in by_id and by_id[c.article].opinion < settings.OPINION_THRESHOLD for c in f.claims
        )

    for strict in (True, False):
        for _, f in ranked:
            if len(chosen) >= k:
                break
            if f in chosen or (strict and not (readable_alone(best_claim(f, by_id).text) and reported(f))):
                continue
            i = index[f.id]
            if (
                chosen
                and float((vecs[[index[c.id] for c in chosen]] @ vecs[i].T).max())
                > settings.SUMMARY_REDUNDANCY
            ):
                continue
            chosen.append(f)
        if len(chosen) >= min(k, len(table.facts)):
            break

    def story_order(f: Fact) -> tuple[str, int]:
        first = min(
            f.claims,
            key=lambda c: (
                (by_id[c.article].published or "") if c.article in by_id else "",
                c.sentence.index,
            ),
        )
        a = by_id.get(first.article)
        return ((a.published or "") if a else "", first.sentence.index)

    out = []
    for f in sorted(chosen, key=story_order):
        out.append(SummarySentence(text=best_claim(f, by_id).text, sources=sorted(f.articles)))
    return out
