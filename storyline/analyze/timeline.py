"""Dated timelines with sources, from article dates and the dates the text itself names.

Every sentence that names a date ("on Monday", "Jan. 20", "yesterday", resolved against its article's
publication date) is a candidate entry for that date; so is each article's lead sentence, for the day it
was published, when it names no date itself. Candidates for one date are aligned by meaning (as facts
are), so the same fact told by several outlets is one entry citing all of them. A date's weight is the
number of independent reports pointing at it; ``max_dates`` keeps the heaviest dates.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from storyline.analyze.facts import Claim, copy_roots, group_claims, vectorize
from storyline.analyze.sentences import (
    content_terms,
    quoted_spans,
    readable_alone,
    split_sentences,
    word_count,
)
from storyline.analyze.temporal import parse_date, resolve
from storyline.dates import with_known_dates
from storyline.model import Article, TimelineEntry
from storyline.settings import analyze as settings


@dataclass
class DatedClaim:
    """A sentence and the date it is about."""

    date: str
    claim: Claim
    explicit: bool  # the sentence names the date (False: lead sentence dated by publication)
    weight: float = 1.0


def dated_claims(
    articles: list[Article],
    include_months: bool = True,
    lead_sentences: int = 1,
    keywords: list[str] | None = None,
) -> list[DatedClaim]:
    """Candidate timeline sentences of the articles, each with the date it is about."""
    kws = [k.lower() for k in keywords or []]
    out: list[DatedClaim] = []
    for a in articles:
        pub = parse_date(a.published)
        if a.opinion >= settings.OPINION_THRESHOLD:
            continue  # commentary dates its arguments, not events
        for s in split_sentences(a.text):
            n = word_count(s.text)
            if n < settings.MIN_CLAIM_WORDS or n > settings.MAX_CLAIM_WORDS:
                continue
            quoted = quoted_spans(s.text)
            mentions = [
                m
                for m in resolve(s.text, pub)
                if (include_months or m.precision == "day")
                and not any(qs <= m.start < qe for qs, qe in quoted)
            ]
            if not mentions and not (pub and s.index < lead_sentences):
                continue
            terms = content_terms(s.text, int(settings.ENTITY_WEIGHT))
            if not terms:
                continue
            claim = Claim(a.id, s, terms)
            weight = 1.0
            if kws and any(k in s.text.lower() for k in kws):
                weight += settings.TL_KEYWORD_BOOST
            if mentions:
                for value in dict.fromkeys(m.value for m in mentions):
                    out.append(DatedClaim(value, claim, True, weight))
            elif pub:
                out.append(DatedClaim(pub.isoformat(), claim, False, weight))
    return out


def date_scores(items: list[DatedClaim], articles: list[Article]) -> dict[str, float]:
    """How strongly the corpus points at each date: explicit mentions from articles published at least
    ``TL_MIN_REFERENCE_GAP`` days later (one vote per independent source), plus ``TL_PUB_WEIGHT`` per
    article published that day."""
    by_id = {a.id: a for a in articles}
    roots = copy_roots(articles)
    votes: dict[str, set[str]] = {}
    weights: dict[str, float] = {}
    for it in items:
        a = by_id[it.claim.article]
        pub = parse_date(a.published)
        d = parse_date(it.date) if len(it.date) == 10 else None
        key = roots.get(a.id, a.id)
        referenced = d is None or pub is None or (pub - d).days >= settings.TL_MIN_REFERENCE_GAP
        if it.explicit and referenced and key not in votes.setdefault(it.date, set()):
            votes[it.date].add(key)
            weights[it.date] = weights.get(it.date, 0.0) + it.weight
    for a in articles:
        if a.published and not a.copy_of:
            day = a.published[:10]
            weights[day] = weights.get(day, 0.0) + settings.TL_PUB_WEIGHT
    return weights


def build_timeline(
    articles: list[Article],
    per_date: int | None = None,
    max_dates: int | None = None,
    include_months: bool = True,
    keywords: list[str] | None = None,
    lead_sentences: int = 1,
    same_date_similarity: float | None = None,
) -> list[TimelineEntry]:
    """Entries in date order, each citing every article that reports that fact for that date.
    Articles dated only by their file's modification time count as undated."""
    articles = with_known_dates(articles)
    per_date = settings.TIMELINE_PER_DATE if per_date is None else per_date
    if same_date_similarity is None:
        same_date_similarity = settings.TIMELINE_SAME_DATE_SIMILARITY
    items = dated_claims(articles, include_months, lead_sentences, keywords)
    if not items:
        return []
    by_id = {a.id: a for a in articles}
    roots = copy_roots(articles)
    scores = date_scores(items, articles)
    dates = sorted({it.date for it in items}, key=lambda d: (-scores.get(d, 0.0), d))
    if max_dates is not None:
        dates = dates[:max_dates]
    keep = set(dates)
    items = [it for it in items if it.date in keep]
    vectors = vectorize([it.claim.terms for it in items])
    by_date: dict[str, list[int]] = {}
    for i, it in enumerate(items):
        by_date.setdefault(it.date, []).append(i)
    entries: list[TimelineEntry] = []
    for d in sorted(keep):
        idx = by_date[d]
        sub = vectors[idx]
        groups = group_claims([items[i].claim for i in idx], sub, same_date_similarity)
        centroid = np.asarray(sub.sum(axis=0)).ravel()
        centroid /= np.linalg.norm(centroid) or 1.0
        cent = np.asarray(sub @ centroid).ravel()
        ranked = []
        for g in groups:
            arts = list(dict.fromkeys(items[idx[k]].claim.article for k in g))
            support = len({roots.get(a, a) for a in arts})
            weight = max(items[idx[k]].weight for k in g)
            explicit = any(items[idx[k]].explicit for k in g)
            best = min(g, key=lambda k: _print_rank(items[idx[k]], by_id, cent[k]))
            score = (support + float(cent[best])) * weight * (1.0 if explicit else 0.8)
            ranked.append((score, best, g, arts))
        ranked.sort(key=lambda r: -r[0])
        chosen: list[int] = []
        for _score, best, _g, arts in ranked:
            if len(chosen) >= per_date:
                break
            if any(
                float((sub[best] @ sub[c].T).toarray()[0, 0]) > settings.SUMMARY_REDUNDANCY for c in chosen
            ):
                continue
            chosen.append(best)
            entries.append(TimelineEntry(date=d, text=items[idx[best]].claim.text, sources=sorted(arts)))
    return entries


def _print_rank(it: DatedClaim, by_id: dict[str, Article], centrality: float) -> tuple[float, ...]:
    a = by_id.get(it.claim.article)
    opinion = a.opinion if a else 0.0
    return (
        not readable_alone(it.claim.text, settings.MAX_QUOTED_SHARE),
        opinion >= settings.OPINION_THRESHOLD,
        1.0 if a and a.copy_of else 0.0,
        -centrality,
    )
