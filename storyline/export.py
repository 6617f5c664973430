"""The export contract (``shared/contract/export.md``): the one JSON shape every interface speaks.

``export_document`` builds the whole document; the ``*_record`` functions build one object each, and
are what the web API returns too. Every contract key is always present (null where not known yet);
keys after the contract's are additions the contract allows.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from typing import Any

from storyline.dedup.copies import passages_json
from storyline.model import Article, Event, Quote, QuoteFamily, Speaker, Storyline
from storyline.revisions import describe_revision
from storyline.store.dedup import SqlitePassageIndex
from storyline.store.sqlite import Store

CONTRACT_VERSION = 1

ARTICLE_KEYS = (
    "id",
    "source",
    "outlet",
    "title",
    "authors",
    "wire",
    "published",
    "date_source",
    "language",
    "text",
    "removed",
    "copy_of",
    "event",
    "opinion",
)
QUOTE_KEYS = ("id", "article", "text", "start", "end", "kind", "speaker", "speaker_text", "cue", "family")
SPEAKER_KEYS = ("id", "name", "aliases", "roles", "named")
FAMILY_KEYS = ("id", "speaker", "text", "first_seen", "appearances")
EVENT_KEYS = ("id", "title", "articles", "start", "end", "storyline", "summary", "timeline", "coverage")
STORYLINE_KEYS = ("id", "title", "events", "start", "end", "summary", "timeline")


def article_record(
    article: Article,
    *,
    passages: list[dict[str, Any]] | None = None,
    revisions: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    record = {
        "id": article.id,
        "source": article.source,
        "outlet": article.outlet,
        "title": article.title,
        "authors": list(article.authors),
        "wire": article.wire,
        "published": article.published,
        "date_source": article.date_source,
        "language": article.language,
        "text": article.text,
        "removed": list(article.removed),
        "copy_of": article.copy_of,
        "event": article.event,
        "opinion": round(float(article.opinion), 3),
    }
    record.update(
        {
            "url": article.url,
            "updated": article.updated,
            "revision": article.revision,
            "confidence": round(float(article.confidence), 3),
            "opinion_evidence": list(article.opinion_evidence),
            "passages": passages or [],
            "revisions": revisions or [],
        }
    )
    return record


def quote_record(quote: Quote) -> dict[str, Any]:
    return {
        "id": quote.id,
        "article": quote.article,
        "text": quote.text,
        "start": quote.start,
        "end": quote.end,
        "kind": quote.kind,
        "speaker": quote.speaker,
        "speaker_text": quote.speaker_text,
        "cue": quote.cue,
        "family": quote.family,
        "speaker_name": quote.speaker_name,
        "speaker_role": quote.speaker_role,
        "cue_class": quote.cue_class,
    }


def speaker_record(speaker: Speaker) -> dict[str, Any]:
    return {
        "id": speaker.id,
        "name": speaker.name,
        "aliases": list(speaker.aliases),
        "roles": list(speaker.roles),
        "named": speaker.named,
        "role_history": [asdict(r) for r in speaker.role_history],
        "kind": speaker.kind,
    }


def family_record(family: QuoteFamily) -> dict[str, Any]:
    return {
        "id": family.id,
        "speaker": family.speaker,
        "text": family.text,
        "first_seen": {"article": family.first_seen.article, "published": family.first_seen.published},
        "appearances": [
            {"article": a.article, "quote": a.quote, "variant": a.variant, "diff": a.diff} for a in family.appearances
        ],
    }


def event_record(event: Event) -> dict[str, Any]:
    return {
        "id": event.id,
        "title": event.title,
        "articles": list(event.articles),
        "start": event.start,
        "end": event.end,
        "storyline": event.storyline,
        "summary": [{"text": s.text, "sources": list(s.sources)} for s in event.summary],
        "timeline": [{"date": t.date, "text": t.text, "sources": list(t.sources)} for t in event.timeline],
        "coverage": [
            {
                "outlet": c.outlet,
                "articles": list(c.articles),
                "quotes": list(c.quotes),
                "unique_facts": list(c.unique_facts),
                "missing_facts": list(c.missing_facts),
                "opinion": round(float(c.opinion), 3),
            }
            for c in event.coverage
        ],
        "independent_sources": event.independent_sources,
    }


def storyline_record(storyline: Storyline) -> dict[str, Any]:
    return {
        "id": storyline.id,
        "title": storyline.title,
        "events": list(storyline.events),
        "start": storyline.start,
        "end": storyline.end,
        "summary": [{"text": s.text, "sources": list(s.sources)} for s in storyline.summary],
        "timeline": [{"date": t.date, "text": t.text, "sources": list(t.sources)} for t in storyline.timeline],
    }


def export_document(store: Store) -> dict[str, Any]:
    """The whole database as one contract document."""
    articles = store.articles()
    passages = store_passages(store, articles)
    return {
        "version": CONTRACT_VERSION,
        "articles": [
            article_record(
                a, passages=passages.get(a.id), revisions=revision_records(store, a) if a.revision > 1 else []
            )
            for a in articles
        ],
        "quotes": [quote_record(q) for q in store.quotes()],
        "speakers": [speaker_record(s) for s in store.speakers()],
        "quote_families": [family_record(f) for f in store.families()],
        "events": [event_record(e) for e in store.events()],
        "storylines": [storyline_record(s) for s in store.storylines()],
    }


def revision_records(store: Store, article: Article) -> list[dict[str, Any]]:
    """Earlier printings of the article, each with the revision that replaced it and what changed."""
    earlier = store.revisions(article.id)
    records = []
    for i, rev in enumerate(earlier):
        if i + 1 < len(earlier):
            nxt = earlier[i + 1]
            following = Article(id=article.id, source=article.source, text=str(nxt["text"]), title=nxt["title"])
            replaced_by = int(nxt["revision"])
        else:
            following, replaced_by = article, article.revision
        records.append(
            {
                "revision": rev["revision"],
                "replaced_by": replaced_by,
                "title": rev["title"],
                "published": rev["published"],
                "updated": rev["updated"],
                "replaced_at": rev["replaced_at"],
                "changes": describe_revision(rev, following),
            }
        )
    return records


def store_passages(store: Store, articles: Iterable[Article] | None = None) -> dict[str, list[dict[str, Any]]]:
    """Per article, its passages marked original (``origin`` null) or reused from an earlier article,
    read from the copies stage's passage index."""
    index = SqlitePassageIndex(store.conn)
    chosen = store.articles() if articles is None else articles
    return {a.id: passages_json(a, index) for a in chosen}


def iter_jsonl(document: dict[str, Any]) -> Iterator[str]:
    """One line per object, each tagged with its ``type`` (article, quote, speaker, ...)."""
    kinds = {
        "articles": "article",
        "quotes": "quote",
        "speakers": "speaker",
        "quote_families": "quote_family",
        "events": "event",
        "storylines": "storyline",
    }
    for key, kind in kinds.items():
        for obj in document[key]:
            yield json.dumps({"type": kind, **obj}, ensure_ascii=False)


CSV_TABLES = ("articles", "quotes", "speakers", "quote_families", "events", "storylines")


def to_csv(document: dict[str, Any], table: str = "articles") -> str:
    """One table of the document as CSV; list and object cells are JSON text."""
    rows = document[table]
    out = io.StringIO()
    if not rows:
        return ""
    writer = csv.DictWriter(out, fieldnames=list(rows[0].keys()), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(
            {k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v for k, v in row.items()}
        )
    return out.getvalue()
