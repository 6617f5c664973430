"""Server-rendered pages: stories, storyline, event, speaker, quote family, article, search.

Each handler gathers plain data (queries + render helpers) and hands it to a Jinja2 template with
autoescape on; no stored text is ever marked safe, so an article containing ``<script>`` shows as text.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment

from storyline.export import revision_records
from storyline.model import Article, Event, Quote
from storyline.settings import web as settings
from storyline.store.sqlite import Store
from storyline.web import queries, render

log = logging.getLogger("storyline.web")
router = APIRouter(include_in_schema=False)

PageNo = Annotated[int, Query(ge=1, le=1_000_000, description="page number")]


def reader(request: Request) -> Store:
    return request.app.state.db.proxy()


StoreDep = Annotated[Store, Depends(reader)]


def _render(request: Request, name: str, **context: Any) -> HTMLResponse:
    env: Environment = request.app.state.templates
    return HTMLResponse(env.get_template(name).render(request=request, **context))


def _since(value: str | None) -> str | None:
    try:
        return render.parse_since(value)
    except render.BadDate as exc:
        raise HTTPException(status_code=422, detail=f"since: {exc}") from None


def _pages(total: int, per_page: int, page: int) -> dict[str, Any]:
    last = max(1, (total + per_page - 1) // per_page)
    return {"page": page, "last": last, "total": total, "prev": page - 1 if page > 1 else None,
            "next": page + 1 if page < last else None}


# -- stories ---------------------------------------------------------------------------------------
def _story_events(conn: Any, events: list[queries.EventHead]) -> list[dict[str, Any]]:
    stats = queries.event_stats(conn, [e.id for e in events])
    rows = []
    for event in events:
        st = stats.get(event.id, {})
        rows.append({
            "event": event, "articles": st.get("articles", 0),
            "sources": event.independent_sources or st.get("original_outlets", 0),
            "outlets": st.get("outlets", []), "start": event.start or st.get("first"),
            "end": event.end or st.get("last"),
        })
    return rows


@router.get("/", response_class=HTMLResponse)
def stories(request: Request, store: StoreDep, page: PageNo = 1) -> HTMLResponse:
    per = settings.STORIES_PER_PAGE
    found = queries.storylines_page(store.conn, limit=per, offset=(page - 1) * per)
    shown = {s.id: s.events[-settings.STORY_EVENTS_SHOWN:][::-1] for s in found.items}
    events = {e.id: e for e in queries.event_heads(store.conn, [e for ids in shown.values() for e in ids])}
    orphan_ids = queries.orphan_event_ids(store.conn, per) if page == 1 else []
    orphans = queries.event_heads(store.conn, orphan_ids)
    story_rows = []
    all_rows = _story_events(store.conn, list(events.values()) + orphans)
    by_id = {r["event"].id: r for r in all_rows}
    for storyline in found.items:
        rows = [by_id[e] for e in shown[storyline.id] if e in by_id]
        rows.sort(key=lambda r: (r["end"] or "", r["event"].id), reverse=True)
        outlets = sorted({o for r in rows for o in r["outlets"]})
        story_rows.append({
            "storyline": storyline, "events": rows, "more": len(storyline.events) - len(rows),
            "articles": sum(r["articles"] for r in rows), "outlets": outlets,
            "start": storyline.start or min((r["start"] for r in rows if r["start"]), default=None),
            "end": storyline.end or max((r["end"] for r in rows if r["end"]), default=None),
        })
    orphan_rows = [by_id[e.id] for e in orphans if e.id in by_id]
    return _render(
        request, "stories.html", stories=story_rows, orphans=orphan_rows,
        pages=_pages(found.total, per, page), article_count=store.article_count() if page == 1 else None,
    )


@router.get("/search", response_class=HTMLResponse)
def search(
    request: Request, store: StoreDep, q: Annotated[str, Query(max_length=500)] = "", page: PageNo = 1,
) -> HTMLResponse:
    per = settings.SEARCH_PER_PAGE
    found = queries.search_page(store.conn, q, limit=per, offset=(page - 1) * per) if q.strip() else None
    capped = bool(found and found.total >= settings.SEARCH_COUNT_CAP)
    results = [
        {"article": a, "parts": queries.snippet_parts(snip)} for a, snip in (found.items if found else [])
    ]
    return _render(
        request, "search.html", q=q, results=results, capped=capped,
        pages=_pages(found.total, per, page) if found else None,
    )


# -- storyline -------------------------------------------------------------------------------------
@router.get("/storylines/{storyline_id}", response_class=HTMLResponse)
def storyline_page(storyline_id: str, request: Request, store: StoreDep) -> HTMLResponse:
    storyline = queries.storyline_by_id(store.conn, storyline_id)
    if storyline is None:
        raise HTTPException(status_code=404, detail=f"no storyline with id {storyline_id[:100]!r}")
    events = queries.event_heads(store.conn, storyline.events)
    rows = _story_events(store.conn, events)
    stats = {r["event"].id: {"first": r["start"], "last": r["end"], "articles": r["articles"]} for r in rows}
    chart = render.timeline_chart(events, stats)
    cells = queries.speakers_over_time(store.conn, storyline.events)
    grid = render.heat_grid(cells, settings.STORYLINE_TOP_SPEAKERS)
    names = queries.speakers_by_ids(store.conn, [r["speaker"] for r in grid["rows"]])
    briefs = queries.article_briefs(store.conn, {s for t in storyline.timeline for s in t.sources}
                                    | {s for t in storyline.summary for s in t.sources})
    rows.sort(key=lambda r: (r["start"] or "", r["event"].id))
    return _render(
        request, "storyline.html", storyline=storyline, events=rows, chart=chart, grid=grid, names=names,
        briefs=briefs,
    )


# -- event -----------------------------------------------------------------------------------------
def _whats_new(event: Event, articles: list[Article], quotes: list[Quote], since: str) -> dict[str, Any]:
    """The analysis stage's "what's new" when it is installed; else the articles and quotes published
    since the date."""
    try:
        from storyline.analyze.event import whats_new
    except ImportError:
        whats_new = None
    if whats_new is not None:
        try:
            found = whats_new(event, articles, quotes, since=since, seen=None)
            return {"facts": list(found.get("facts", [])), "quotes": list(found.get("quotes", [])),
                    "analysed": True}
        except Exception:  # an analysis bug must not take the event page down
            log.exception("whats_new failed for event %s", event.id)
    fresh = {a.id for a in articles if a.published and a.published >= since}
    return {
        "facts": [{"text": a.title or "(untitled)", "sources": [a.id]} for a in articles if a.id in fresh],
        "quotes": [
            {"text": q.text, "article": q.article, "speaker": q.speaker} for q in quotes if q.article in fresh
        ],
        "analysed": False,
    }


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(
    event_id: str, request: Request, store: StoreDep,
    since: Annotated[str | None, Query(max_length=40)] = None,
) -> HTMLResponse:
    since_iso = _since(since)
    event = store.event(event_id)
    if event is None:
        raise HTTPException(status_code=404, detail=f"no event with id {event_id[:100]!r}")
    by_id = queries.articles_by_ids(store.conn, event.articles)
    articles = [by_id[a] for a in event.articles if a in by_id]
    briefs = {a.id: {"id": a.id, "title": a.title, "outlet": a.outlet, "published": a.published,
                     "copy_of": a.copy_of, "opinion": a.opinion, "evidence": a.opinion_evidence}
              for a in articles}
    quotes = store.quotes(articles=event.articles) if event.articles else []
    speakers = queries.speakers_by_ids(store.conn, [q.speaker for q in quotes if q.speaker])
    groups: dict[str, list[Quote]] = defaultdict(list)
    for q in quotes:
        groups[q.speaker or f"?{q.speaker_name or q.speaker_text or 'unattributed'}"].append(q)
    quote_groups = sorted(
        ({"key": k, "speaker": speakers.get(k), "label": speakers[k].name if k in speakers else k[1:],
          "quotes": v} for k, v in groups.items()),
        key=lambda g: (-len(g["quotes"]), g["label"]),
    )
    storyline = queries.storyline_by_id(store.conn, event.storyline) if event.storyline else None
    new = _whats_new(event, articles, quotes, since_iso) if since_iso else None
    opinionated = sorted(articles, key=lambda a: (-a.opinion, a.id))
    return _render(
        request, "event.html", event=event, storyline=storyline, briefs=briefs,
        numbers=render.cited_numbers(event.articles), matrix=render.coverage_matrix(event, briefs),
        folded=render.fold_copies(event.articles, briefs), quote_groups=quote_groups, speakers=speakers,
        opinionated=opinionated, since=since_iso[:10] if since_iso else (since or ""), new=new,
        sources=event.independent_sources or len({a.outlet for a in articles if not a.copy_of}),
    )


# -- speakers --------------------------------------------------------------------------------------
@router.get("/speakers", response_class=HTMLResponse)
def speakers_index(
    request: Request, store: StoreDep, q: Annotated[str, Query(max_length=200)] = "", page: PageNo = 1,
) -> HTMLResponse:
    per = settings.SPEAKERS_PER_PAGE
    found = queries.speakers_page(store.conn, q=q or None, limit=per, offset=(page - 1) * per)
    counts = queries.quote_counts(store.conn, [s.id for s in found.items])
    return _render(request, "speakers.html", speakers=found.items, counts=counts, q=q,
                   pages=_pages(found.total, per, page))


@router.get("/speakers/{speaker_id}", response_class=HTMLResponse)
def speaker_page(speaker_id: str, request: Request, store: StoreDep) -> HTMLResponse:
    speaker = queries.speaker_by_id(store.conn, speaker_id)
    if speaker is None:
        raise HTTPException(status_code=404, detail=f"no speaker with id {speaker_id[:100]!r}")
    found = queries.quotes_page(store.conn, speaker=speaker_id, limit=settings.SPEAKER_QUOTES_SHOWN, offset=0)
    quotes = found.items
    family_ids = list(dict.fromkeys([q.family for q in quotes if q.family]
                                    + queries.families_of_speaker(store.conn, speaker_id)))
    families = {f.id: f for f in store.families(family_ids)}
    briefs = queries.article_briefs(store.conn, [q.article for q in quotes])
    by_family: dict[str, list[Quote]] = defaultdict(list)
    for q in quotes:
        by_family[q.family if q.family in families else ""].append(q)
    groups = []
    for fid, members in by_family.items():
        family = families.get(fid)
        variants = {a.quote: a.variant for a in family.appearances} if family else {}
        members.sort(key=lambda q: (briefs.get(q.article, {}).get("published") or "~", q.article, q.start))
        groups.append({
            "family": family,
            "first": min((briefs.get(q.article, {}).get("published") or "~" for q in members), default="~"),
            "quotes": [{"quote": q, "article": briefs.get(q.article, {}), "variant": variants.get(q.id),
                        "first": bool(family and family.first_seen.article == q.article)} for q in members],
        })
    groups.sort(key=lambda g: (g["first"], g["family"].id if g["family"] else "~"))
    return _render(
        request, "speaker.html", speaker=speaker, groups=groups, total=found.total, shown=len(quotes)
    )


@router.get("/families/{family_id}", response_class=HTMLResponse)
def family_page(family_id: str, request: Request, store: StoreDep) -> HTMLResponse:
    found = store.families([family_id])
    if not found:
        raise HTTPException(status_code=404, detail=f"no quote family with id {family_id[:100]!r}")
    family = found[0]
    quotes = queries.quotes_by_ids(store.conn, [a.quote for a in family.appearances])
    briefs = queries.article_briefs(store.conn, [a.article for a in family.appearances])
    speaker = queries.speaker_by_id(store.conn, family.speaker) if family.speaker else None
    cards = []
    for appearance in family.appearances:
        quote = quotes.get(appearance.quote)
        text = quote.text if quote else family.text
        cards.append({
            "appearance": appearance, "quote": quote, "article": briefs.get(appearance.article, {}),
            "tokens": render.word_diff(family.text, text),
            "first": appearance.article == family.first_seen.article,
        })
    cards.sort(key=lambda c: (not c["first"], c["article"].get("published") or "~", c["appearance"].article))
    return _render(request, "family.html", family=family, speaker=speaker, cards=cards,
                   outlets=sorted({str(c["article"].get("outlet") or "(unknown)") for c in cards}))


# -- article ---------------------------------------------------------------------------------------


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(article_id: str, request: Request, store: StoreDep) -> HTMLResponse:
    article = store.article(article_id)
    if article is None:
        raise HTTPException(status_code=404, detail=f"no article with id {article_id[:100]!r}")
    quotes = store.quotes(article=article_id)
    passages = queries.passages_for(store.conn, article)
    paragraphs = render.paragraph_segments(article.text, quotes, passages)
    speakers = queries.speakers_by_ids(store.conn, [q.speaker for q in quotes if q.speaker])
    linked = {p.get("origin") for p in passages if p.get("origin")}
    if article.copy_of:
        linked.add(article.copy_of)
    briefs = queries.article_briefs(store.conn, [x for x in linked if x])
    copies = []
    if article.event:
        copies = [dict(r) for r in store.conn.execute(
            "SELECT id, title, outlet, published FROM articles WHERE event = ? AND copy_of = ? ORDER BY seq",
            (article.event, article.id),
        )]
    event = store.conn.execute("SELECT id, title FROM events WHERE id = ?", (article.event,)).fetchone() \
        if article.event else None
    return _render(
        request, "article.html", article=article, paragraphs=paragraphs, quotes=quotes, speakers=speakers,
        briefs=briefs, copies=copies, event=dict(event) if event else None,
        revisions=revision_records(store, article),
        reused_count=sum(1 for p in passages if p.get("origin")),
    )


@router.get("/apidocs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    """The API's routes from its own OpenAPI document, as a page (Swagger UI would need a CDN)."""
    spec = request.app.openapi()
    routes = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            params = [p.get("name") for p in op.get("parameters", [])]
            routes.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                           "description": op.get("description", ""), "params": params})
    return _render(request, "apidocs.html", routes=routes)
