"""Analysis of one event or storyline: summary, timeline, coverage, independent sources; what's new.

Pure functions over the model: the pipeline passes an event with its articles and quotes and stores
what comes back. ``analysis_key`` tells it when an event needs analysing again: the key changes exactly
when an input the analysis reads changes (an article added, removed, revised, re-marked as a copy or
re-scored for opinion; a quote added or re-attributed), so unchanged events are never recomputed.
"""

from __future__ import annotations

from dataclasses import replace

from storyline.analyze.coverage import analyze_coverage
from storyline.analyze.facts import align, best_claim
from storyline.analyze.framing import score_opinion
from storyline.analyze.summary import summarize
from storyline.analyze.timeline import build_timeline
from storyline.ids import stable_id
from storyline.model import Article, Event, Quote, Storyline


def analysis_key(event: Event, articles: list[Article], quotes: list[Quote]) -> str:
    """A fingerprint of everything ``analyze_event`` reads: store it; skip events whose key is unchanged."""
    ids = set(event.articles)
    parts = sorted(
        f"{a.id}|{a.content_hash or stable_id('', a.text)}|{a.revision}|{a.copy_of}|{a.opinion}|{a.published}"
        f"|{a.outlet}|{a.wire}|{a.confidence}"
        for a in articles
        if a.id in ids
    )
    parts += sorted(f"{q.id}|{q.article}|{q.speaker}|{q.family}" for q in quotes if q.article in ids)
    return stable_id("an", *parts, length=24)


def _event_articles(event: Event, articles: list[Article]) -> list[Article]:
    ids = set(event.articles)
    return [a for a in articles if a.id in ids]


def ensure_opinion(articles: list[Article]) -> list[Article]:
    """The articles, with framing scored on copies of those never scored (opinion 0 and no evidence);
    the caller's objects are not modified."""
    out = []
    for a in articles:
        if not a.opinion and not a.opinion_evidence:
            opinion, evidence = score_opinion(a)
            a = replace(a, opinion=opinion, opinion_evidence=evidence)
        out.append(a)
    return out


def analyze_event(
    event: Event, articles: list[Article], quotes: list[Quote], max_sentences: int = 5
) -> Event:
    """A copy of ``event`` with summary, timeline, coverage and independent_sources filled in.

    ``articles`` and ``quotes`` may hold more than the event's: only the event's own are read."""
    arts = ensure_opinion(_event_articles(event, articles))
    ids = {a.id for a in arts}
    own_quotes = [q for q in quotes if q.article in ids]
    if not arts:
        return replace(event, summary=[], timeline=[], coverage=[], independent_sources=0)
    table = align(arts)
    coverage, n_sources = analyze_coverage(arts, own_quotes, table)
    dates = sorted(a.published[:10] for a in arts if a.published)
    return replace(
        event,
        summary=summarize(arts, max_sentences, table),
        timeline=build_timeline(arts),
        coverage=coverage,
        independent_sources=n_sources,
        start=event.start or (dates[0] if dates else None),
        end=event.end or (dates[-1] if dates else None),
    )


def analyze_storyline(
    storyline: Storyline, events: list[Event], articles: list[Article], max_sentences: int = 7
) -> Storyline:
    """A copy of ``storyline`` with a summary and timeline across the articles of all its events."""
    ids = set(storyline.events)
    member_articles = {aid for e in events if e.id in ids for aid in e.articles}
    arts = ensure_opinion([a for a in articles if a.id in member_articles])
    if not arts:
        return replace(storyline, summary=[], timeline=[])
    dates = sorted(a.published[:10] for a in arts if a.published)
    return replace(
        storyline,
        summary=summarize(arts, max_sentences),
        timeline=build_timeline(arts, per_date=1),
        start=storyline.start or (dates[0] if dates else None),
        end=storyline.end or (dates[-1] if dates else None),
    )


def whats_new(
    event: Event,
    articles: list[Article],
    quotes: list[Quote],
    since: str | None = None,
    seen: set[str] | None = None,
) -> dict:
    """Facts and quotes (by family) of the event not reported before ``since`` (ISO date/datetime,
    compared on publication) and in none of the ``seen`` article ids.

    Returns ``{"event", "since", "facts": [{"text", "sources", "first_published"}],
    "quotes": [{"family", "text", "speaker", "quotes", "articles", "first_published"}]}``."""
    arts = _event_articles(event, articles)
    by_id = {a.id: a for a in arts}
    seen = set(seen or ())

    def old(a: Article) -> bool:
        """Read before: seen, or published before ``since`` (an undated article counts as new)."""
        return a.id in seen or bool(since and a.published and a.published[: len(since)] < since)

    table = align(arts) if arts else None
    facts = []
    for f in table.facts if table else []:
        members = [by_id[a] for a in f.articles]
        if any(old(a) for a in members):
            continue
        first = min((a.published or "" for a in members), default="") or None
        facts.append(
            {"text": best_claim(f, by_id).text, "sources": sorted(f.articles), "first_published": first}
        )
    families: dict[str, list[Quote]] = {}
    for q in quotes:
        if q.article in by_id:
            families.setdefault(q.family or q.id, []).append(q)
    new_quotes = []
    for fam, qs in sorted(families.items()):
        if any(old(by_id[q.article]) for q in qs):
            continue
        fullest = max(qs, key=lambda q: len(q.text))
        first = min((by_id[q.article].published or "" for q in qs), default="") or None
        new_quotes.append(
            {
                "family": fam,
                "text": fullest.text,
                "speaker": fullest.speaker,
                "quotes": [q.id for q in qs],
                "articles": sorted({q.article for q in qs}),
                "first_published": first,
            }
        )
    return {"event": event.id, "since": since, "facts": facts, "quotes": new_quotes}
