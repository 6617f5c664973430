"""How outlets covered one event: what each carries, what only it reports, what it leaves out.

Independent sources are counted by origin, not by carrier: an article whose ``copy_of`` chain leads to
an original counts under that original's wire agency (or outlet), so a wire story run by forty papers
is one source with forty carriers. "Most outlets report it" is measured in independent sources too,
so forty carriers of one story cannot make every other outlet look like it is missing something.
"""

from __future__ import annotations

from storyline.analyze.facts import FactTable, align, best_claim, copy_roots, outlet_of, source_key
from storyline.model import Article, OutletCoverage, Quote
from storyline.settings import analyze as settings


def independent_sources(articles: list[Article]) -> int:
    """Number of distinct origins among the articles (copies count under their original)."""
    by_id = {a.id: a for a in articles}
    roots = copy_roots(articles)
    return len({source_key(a, by_id, roots) for a in articles})


def analyze_coverage(
    event_articles: list[Article], quotes: list[Quote], table: FactTable | None = None
) -> tuple[list[OutletCoverage], int]:
    """Per outlet: its articles, the quote ids it carries, its unique and missing facts (the text of each
    fact as best printed) and its mean opinion; plus the number of independent sources.

    ``table`` lets a caller that already aligned the event's facts reuse them."""
    if not event_articles:
        return [], 0
    table = table or align(event_articles)
    by_id = {a.id: a for a in event_articles}
    roots = table.roots
    keys = {a.id: source_key(a, by_id, roots) for a in event_articles}
    n_sources = len(set(keys.values()))
    need = max(settings.MISSING_MIN_SOURCES, settings.MISSING_SHARE * n_sources)

    outlets: dict[str, list[Article]] = {}
    for a in sorted(event_articles, key=lambda a: (a.published or "", a.seq, a.id)):
        outlets.setdefault(outlet_of(a), []).append(a)
    quotes_by_article: dict[str, list[str]] = {}
    for q in sorted(quotes, key=lambda q: (q.article, q.start)):
        quotes_by_article.setdefault(q.article, []).append(q.id)

    fact_text = {f.id: best_claim(f, by_id).text for f in table.facts}
    fact_keys = {f.id: {keys[a] for a in f.articles if a in keys} for f in table.facts}
    out: list[OutletCoverage] = []
    for outlet, arts in outlets.items():
        ids = {a.id for a in arts}
        unique, missing = [], []
        for f in table.facts:
            carried = any(a in ids for a in f.articles)
            if carried and set(f.outlets) == {outlet} and len(fact_keys[f.id]) == 1:
                unique.append(fact_text[f.id])
            elif not carried and len(fact_keys[f.id]) >= need:
                missing.append(fact_text[f.id])
        out.append(
            OutletCoverage(
                outlet=outlet,
                articles=[a.id for a in arts],
                quotes=[q for a in arts for q in quotes_by_article.get(a.id, [])],
                unique_facts=unique,
                missing_facts=missing,
                opinion=round(sum(a.opinion for a in arts) / len(arts), 3),
            )
        )
    return out, n_sources
