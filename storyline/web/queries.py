"""Read queries the web layer needs beyond the Store's own methods: paged, filtered, aggregated.

The Store's methods load whole tables where the CLI wants everything (``storylines()``, ``speakers()``);
a page over a 100,000-article database must touch only the rows it shows. Each function here takes the
Store's connection, reads, and returns model dataclasses (built by the Store's own row converters, so
the shapes cannot drift) or small plain dicts for aggregates. Nothing here writes.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from storyline.model import (
    Article,
    Event,
    Quote,
    Speaker,
    Storyline,
    SummarySentence,
    TimelineEntry,
)
from storyline.settings import web as settings
from storyline.store.sqlite import _ARTICLE_COLUMNS, Store, _fts_query

_CHUNK = 500


def _chunks(items: Sequence[str], size: int = _CHUNK) -> Iterable[Sequence[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _marks(n: int) -> str:
    return ",".join("?" * n)


@dataclass
class Page:
    """One page of a listing: the items and how many there are in all."""

    total: int
    items: list[Any] = field(default_factory=list)


# -- articles ------------------------------------------------------------------------------------
def _article_filters(
    outlet: str | None, since: str | None, q: str | None, event: str | None, speaker: str | None
) -> tuple[str, list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if speaker is not None:
        where.append("a.id IN (SELECT article FROM quotes WHERE speaker = ?)")
        params.append(speaker)
    if outlet is not None:
        where.append("a.outlet = ?")
        params.append(outlet)
    if since is not None:
        where.append("a.published >= ?")
        params.append(since)
    if event is not None:
        where.append("a.event = ?")
        params.append(event)
    if q:
        fts = _fts_query(q)
        if fts:
            where.append("a.seq IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
            params.append(fts)
    return (f"WHERE {' AND '.join(where)}" if where else ""), params


def articles_page(
    conn: sqlite3.Connection,
    *,
    outlet: str | None = None,
    since: str | None = None,
    q: str | None = None,
    event: str | None = None,
    speaker: str | None = None,
    limit: int,
    offset: int,
) -> Page:
    """Articles, newest publication first (undated last), filtered; ``total`` counts every match.
    ``speaker`` keeps articles that quote the speaker."""
    clause, params = _article_filters(outlet, since, q, event, speaker)
    total = conn.execute(f"SELECT count(*) FROM articles a {clause}", params).fetchone()[0]
    rows = conn.execute(
        f"SELECT {', '.join('a.' + c.strip() for c in _ARTICLE_COLUMNS.split(','))} FROM articles a {clause} "
        "ORDER BY a.published DESC, a.seq DESC LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).fetchall()
    return Page(total=int(total), items=[Store._article(r) for r in rows])


def articles_by_ids(conn: sqlite3.Connection, ids: Iterable[str]) -> dict[str, Article]:
    wanted = list(dict.fromkeys(ids))
    out: dict[str, Article] = {}
    for chunk in _chunks(wanted):
        sql = f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id IN ({_marks(len(chunk))})"
        for row in conn.execute(sql, chunk):
            out[row["id"]] = Store._article(row)
    return out


def article_briefs(conn: sqlite3.Connection, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Title, outlet, date and event of articles, without their text (for links and citations)."""
    wanted = list(dict.fromkeys(ids))
    out: dict[str, dict[str, Any]] = {}
    for chunk in _chunks(wanted):
        rows = conn.execute(
            "SELECT id, title, outlet, published, event, copy_of, opinion FROM articles "
            f"WHERE id IN ({_marks(len(chunk))})",
            chunk,
        )
        for row in rows:
            out[row["id"]] = dict(row)
    return out


def search_page(conn: sqlite3.Connection, query: str, *, limit: int, offset: int) -> Page:
    """Full-text search (FTS5): items are (Article, snippet).

    Ranking every match by bm25 costs ~6 µs a match, so a common word over 100k articles would take
    hundreds of milliseconds; instead the newest ``SEARCH_RANK_WINDOW`` matches are ranked by bm25
    (titles weighted 4×), best first, and pages beyond that window list older matches newest first.
    ``total`` is exact up to ``SEARCH_COUNT_CAP`` and that cap beyond it."""
    fts = _fts_query(query)
    if not fts:
        return Page(total=0)
    total = conn.execute(
        "SELECT count(*) FROM (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? LIMIT ?)",
        (fts, settings.SEARCH_COUNT_CAP),
    ).fetchone()[0]
    window = settings.SEARCH_RANK_WINDOW
    if offset + limit <= window:
        ranked = conn.execute(
            "SELECT rowid FROM (SELECT rowid, bm25(articles_fts, 4.0, 1.0) AS score FROM articles_fts "
            "WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ?) "
            "ORDER BY score, rowid DESC LIMIT ? OFFSET ?",
            (fts, window, limit, offset),
        ).fetchall()
    else:
        ranked = conn.execute(
            "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ? OFFSET ?",
            (fts, limit, offset),
        ).fetchall()
    order = [r[0] for r in ranked]
    hits = []
    if order:
        snips = {
            r[0]: r[1]
            for r in conn.execute(
                "SELECT rowid, snippet(articles_fts, 1, '\x02', '\x03', ' … ', 14) FROM articles_fts "
                f"WHERE articles_fts MATCH ? AND rowid IN ({_marks(len(order))})",
                (fts, *order),
            )
        }
        hits = [{"rowid": r, "snip": snips.get(r, "")} for r in order]
    seqs = [h["rowid"] for h in hits]
    by_seq: dict[int, Article] = {}
    if seqs:
        sql = f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE seq IN ({_marks(len(seqs))})"
        by_seq = {r["seq"]: Store._article(r) for r in conn.execute(sql, seqs)}
    items = [(by_seq[h["rowid"]], h["snip"]) for h in hits if h["rowid"] in by_seq]
    return Page(total=int(total), items=items)


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """A search snippet as (text, is_match) runs, so the template can mark matches without ``|safe``."""
    parts: list[tuple[str, bool]] = []
    for i, chunk in enumerate(snippet.split("\x02")):
        if i == 0:
            if chunk:
                parts.append((chunk, False))
            continue
        hit, _, rest = chunk.partition("\x03")
        parts.append((hit, True))
        if rest:
            parts.append((rest, False))
    return parts


def passages_for(conn: sqlite3.Connection, article: Article) -> list[dict[str, Any]]:
    """Reused-passage marks of one article ([{start, end, origin}], origin None = first printed here).

    Uses a per-article reader of ``storyline.store.dedup`` when it has one; otherwise recomputes them
    from the stored passage index without writing (``find_reused_passages(..., insert=False)``, the
    copies stage's own way to show an indexed article), which also reflects later arrivals."""
    try:
        from storyline.store import dedup as dedup_store
    except ImportError:
        return []
    for name in ("article_passages", "passages_of_article", "passages_for"):
        reader = getattr(dedup_store, name, None)
        if callable(reader):
            return list(reader(conn, article.id) or [])
    try:
        from storyline.dedup.passages import find_reused_passages
    except ImportError:
        return []
    index = getattr(dedup_store, "SqlitePassageIndex", None)
    if index is None:
        return []
    found = find_reused_passages([article], index(conn), insert=False)
    return [p.to_json() for p in found.get(article.id, [])]


# -- events ----------------------------------------------------------------------------------------
def _event_from_row(row: sqlite3.Row, articles: list[str]) -> Event:
    from storyline.model import OutletCoverage

    return Event(
        id=row["id"], title=row["title"], articles=articles, storyline=row["storyline"], start=row["start"],
        end=row["end"], summary=[SummarySentence(**s) for s in json.loads(row["summary"])],
        timeline=[TimelineEntry(**t) for t in json.loads(row["timeline"])],
        coverage=[OutletCoverage(**c) for c in json.loads(row["coverage"])],
        independent_sources=row["independent_sources"],
    )


def _event_articles(conn: sqlite3.Connection, event_ids: Sequence[str]) -> dict[str, list[str]]:
    """Article ids per event in the Store's order (published, undated last, then ingest order)."""
    out: dict[str, list[str]] = {e: [] for e in event_ids}
    for chunk in _chunks(list(event_ids)):
        rows = conn.execute(
            f"SELECT event, id FROM articles WHERE event IN ({_marks(len(chunk))}) "
            "ORDER BY published IS NULL, published, seq",
            chunk,
        )
        for row in rows:
            out[row["event"]].append(row["id"])
    return out


@dataclass
class EventHead:
    """An event's row without its analysis (summary, timeline, coverage): what listings show."""

    id: str
    title: str
    storyline: str
    start: str | None
    end: str | None
    independent_sources: int


def event_heads(conn: sqlite3.Connection, ids: Sequence[str]) -> list[EventHead]:
    """Event heads in the order of ``ids`` (unknown ids skipped)."""
    rows: dict[str, EventHead] = {}
    for chunk in _chunks(list(ids)):
        sql = (
            'SELECT id, title, storyline, start, "end", independent_sources FROM events '
            f"WHERE id IN ({_marks(len(chunk))})"
        )
        for r in conn.execute(sql, chunk):
            rows[r[0]] = EventHead(r[0], r[1], r[2], r[3], r[4], r[5])
    return [rows[i] for i in ids if i in rows]


def events_by_ids(conn: sqlite3.Connection, ids: Sequence[str]) -> list[Event]:
    """Events in the order of ``ids`` (unknown ids skipped), each with its article list."""
    rows: dict[str, sqlite3.Row] = {}
    for chunk in _chunks(list(ids)):
        for row in conn.execute(f"SELECT * FROM events WHERE id IN ({_marks(len(chunk))})", chunk):
            rows[row["id"]] = row
    articles = _event_articles(conn, list(rows))
    return [_event_from_row(rows[i], articles[i]) for i in ids if i in rows]


def events_page(
    conn: sqlite3.Connection,
    *,
    storyline: str | None = None,
    since: str | None = None,
    outlet: str | None = None,
    q: str | None = None,
    speaker: str | None = None,
    limit: int,
    offset: int,
) -> Page:
    """Events, most recent activity first; ``since`` keeps events active on or after the date, ``outlet``
    events the outlet covered, ``q`` events with an article matching the words, ``speaker`` events
    where the speaker is quoted."""
    where: list[str] = []
    params: list[Any] = []
    if speaker is not None:
        where.append(
            "e.id IN (SELECT a.event FROM quotes q JOIN articles a ON a.id = q.article "
            "WHERE q.speaker = ? AND a.event IS NOT NULL)"
        )
        params.append(speaker)
    if storyline is not None:
        where.append("e.storyline = ?")
        params.append(storyline)
    if since is not None:
        # spelled out rather than coalesce() so an index on "end" can serve it
        where.append('(e."end" >= ? OR (e."end" IS NULL AND e.start >= ?))')
        params.extend([since, since])
    if outlet is not None:
        where.append("e.id IN (SELECT event FROM articles WHERE outlet = ? AND event IS NOT NULL)")
        params.append(outlet)
    if q:
        fts = _fts_query(q)
        if fts:
            where.append(
                "e.id IN (SELECT a.event FROM articles a WHERE a.event IS NOT NULL AND a.seq IN "
                "(SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?))"
            )
            params.append(fts)
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    total = conn.execute(f"SELECT count(*) FROM events e {clause}", params).fetchone()[0]
    ids = [r[0] for r in conn.execute(
        f'SELECT e.id FROM events e {clause} ORDER BY e."end" DESC, e.id DESC LIMIT ? OFFSET ?',
        [*params, limit, offset],
    )]
    return Page(total=int(total), items=events_by_ids(conn, ids))


def event_stats(conn: sqlite3.Connection, event_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Per event: article count, originals, distinct outlets (list), first and last publication date."""
    out: dict[str, dict[str, Any]] = {}
    for chunk in _chunks(list(event_ids)):
        rows = conn.execute(
            "SELECT event, count(*) AS n, sum(copy_of IS NULL) AS originals, min(published) AS first, "
            "max(published) AS last, "
            "count(DISTINCT CASE WHEN copy_of IS NULL THEN outlet END) AS orig_outlets, "
            "group_concat(DISTINCT outlet) AS outlets "
            f"FROM articles WHERE event IN ({_marks(len(chunk))}) GROUP BY event",
            chunk,
        )
        for row in rows:
            outlets = sorted(o for o in (row["outlets"] or "").split(",") if o)
            out[row["event"]] = {
                "articles": row["n"], "originals": row["originals"], "first": row["first"],
                "last": row["last"], "outlets": outlets, "original_outlets": row["orig_outlets"],
            }
    return out


def orphan_event_ids(conn: sqlite3.Connection, limit: int) -> list[str]:
    """Events not (yet) linked to a stored storyline, most recent first.

    The storyline ids are collected from the ``events_storyline`` index first (3 ms over 10k events,
    against 9 ms for a ``NOT IN`` over the event rows)."""
    missing = [r[0] for r in conn.execute(
        "SELECT storyline FROM (SELECT DISTINCT storyline FROM events) "
        "WHERE storyline = '' OR storyline NOT IN (SELECT id FROM storylines)"
    )]
    if not missing:
        return []
    if len(missing) > _CHUNK:  # storylines not built at all: one scan is cheaper than a huge IN list
        return [r[0] for r in conn.execute(
            "SELECT id FROM events WHERE storyline = '' OR storyline NOT IN (SELECT id FROM storylines) "
            'ORDER BY "end" DESC, id LIMIT ?',
            (limit,),
        )]
    return [r[0] for r in conn.execute(
        f'SELECT id FROM events WHERE storyline IN ({_marks(len(missing))}) ORDER BY "end" DESC, id LIMIT ?',
        (*missing, limit),
    )]


# -- storylines ------------------------------------------------------------------------------------
def _storyline_from_row(row: sqlite3.Row, events: list[str]) -> Storyline:
    return Storyline(
        id=row["id"], title=row["title"], events=events, start=row["start"], end=row["end"],
        summary=[SummarySentence(**s) for s in json.loads(row["summary"])],
        timeline=[TimelineEntry(**t) for t in json.loads(row["timeline"])],
    )


def _storyline_events(conn: sqlite3.Connection, storyline_ids: Sequence[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {s: [] for s in storyline_ids}
    for chunk in _chunks(list(storyline_ids)):
        rows = conn.execute(
            f"SELECT storyline, id FROM events WHERE storyline IN ({_marks(len(chunk))}) "
            "ORDER BY start IS NULL, start, id",
            chunk,
        )
        for row in rows:
            out[row["storyline"]].append(row["id"])
    return out


def storyline_by_id(conn: sqlite3.Connection, storyline_id: str) -> Storyline | None:
    row = conn.execute("SELECT * FROM storylines WHERE id = ?", (storyline_id,)).fetchone()
    if row is None:
        return None
    return _storyline_from_row(row, _storyline_events(conn, [storyline_id])[storyline_id])


def storylines_page(
    conn: sqlite3.Connection, *, since: str | None = None, limit: int, offset: int
) -> Page:
    """Storylines, newest activity first."""
    clause, params = ("", [])
    if since is not None:
        clause, params = ('WHERE ("end" >= ? OR ("end" IS NULL AND start >= ?))', [since, since])
    total = conn.execute(f"SELECT count(*) FROM storylines {clause}", params).fetchone()[0]
    rows = conn.execute(
        f'SELECT * FROM storylines {clause} ORDER BY "end" DESC, id DESC LIMIT ? OFFSET ?',
        [*params, limit, offset],
    ).fetchall()
    events = _storyline_events(conn, [r["id"] for r in rows])
    return Page(total=int(total), items=[_storyline_from_row(r, events[r["id"]]) for r in rows])


def speakers_over_time(conn: sqlite3.Connection, event_ids: Sequence[str]) -> list[tuple[str, str, int]]:
    """(speaker id, YYYY-MM, quotes) for the quotes printed in these events' articles."""
    out: list[tuple[str, str, int]] = []
    for chunk in _chunks(list(event_ids)):
        rows = conn.execute(
            "SELECT q.speaker, substr(a.published, 1, 7) AS month, count(*) AS n FROM articles a "
            "JOIN quotes q ON q.article = a.id "
            f"WHERE a.event IN ({_marks(len(chunk))}) AND q.speaker IS NOT NULL AND a.published IS NOT NULL "
            "GROUP BY q.speaker, month",
            chunk,
        )
        out.extend((r["speaker"], r["month"], r["n"]) for r in rows)
    return out


# -- speakers, quotes, families ----------------------------------------------------------------------
_speaker = Store._speaker


def speaker_by_id(conn: sqlite3.Connection, speaker_id: str) -> Speaker | None:
    row = conn.execute("SELECT * FROM speakers WHERE id = ?", (speaker_id,)).fetchone()
    return _speaker(row) if row else None


def speakers_by_ids(conn: sqlite3.Connection, ids: Iterable[str]) -> dict[str, Speaker]:
    wanted = [i for i in dict.fromkeys(ids) if i]
    out: dict[str, Speaker] = {}
    for chunk in _chunks(wanted):
        for row in conn.execute(f"SELECT * FROM speakers WHERE id IN ({_marks(len(chunk))})", chunk):
            out[row["id"]] = _speaker(row)
    return out


def speakers_page(conn: sqlite3.Connection, *, q: str | None = None, limit: int, offset: int) -> Page:
    """Speakers by name; ``q`` matches a substring of the name or an alias (case-insensitive)."""
    clause, params = "", []
    if q:
        clause = "WHERE name LIKE ? ESCAPE '\\' OR aliases LIKE ? ESCAPE '\\'"
        pattern = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        params = [pattern, pattern]
    total = conn.execute(f"SELECT count(*) FROM speakers {clause}", params).fetchone()[0]
    rows = conn.execute(
        f"SELECT * FROM speakers {clause} ORDER BY name, id LIMIT ? OFFSET ?", [*params, limit, offset]
    ).fetchall()
    return Page(total=int(total), items=[_speaker(r) for r in rows])


def quote_counts(conn: sqlite3.Connection, speaker_ids: Sequence[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for chunk in _chunks(list(speaker_ids)):
        rows = conn.execute(
            f"SELECT speaker, count(*) FROM quotes WHERE speaker IN ({_marks(len(chunk))}) GROUP BY speaker",
            chunk,
        )
        out.update({r[0]: r[1] for r in rows})
    return out


def quotes_page(
    conn: sqlite3.Connection,
    *,
    speaker: str | None = None,
    article: str | None = None,
    family: str | None = None,
    outlet: str | None = None,
    since: str | None = None,
    q: str | None = None,
    limit: int,
    offset: int,
) -> Page:
    """Quotes, newest article first, then position in the article; ``q`` is a case-insensitive substring
    of the quoted words."""
    where: list[str] = []
    params: list[Any] = []
    for column, value in (("q.speaker", speaker), ("q.article", article), ("q.family", family),
                          ("a.outlet", outlet)):
        if value is not None:
            where.append(f"{column} = ?")
            params.append(value)
    if since is not None:
        where.append("a.published >= ?")
        params.append(since)
    if q:
        where.append("q.text LIKE ? ESCAPE '\\'")
        params.append("%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    total = conn.execute(
        f"SELECT count(*) FROM quotes q JOIN articles a ON a.id = q.article {clause}", params
    ).fetchone()[0]
    rows = conn.execute(
        f"SELECT q.* FROM quotes q JOIN articles a ON a.id = q.article {clause} "
        "ORDER BY a.published DESC, a.seq DESC, q.start LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).fetchall()
    return Page(total=int(total), items=[Store._quote(r) for r in rows])


def quotes_by_ids(conn: sqlite3.Connection, ids: Iterable[str]) -> dict[str, Quote]:
    wanted = list(dict.fromkeys(ids))
    out: dict[str, Quote] = {}
    for chunk in _chunks(wanted):
        for row in conn.execute(f"SELECT * FROM quotes WHERE id IN ({_marks(len(chunk))})", chunk):
            out[row["id"]] = Store._quote(row)
    return out


def families_of_speaker(conn: sqlite3.Connection, speaker_id: str) -> list[str]:
    """Ids of the quote families attributed to a speaker, earliest first."""
    return [r[0] for r in conn.execute(
        "SELECT id FROM quote_families WHERE speaker = ? "
        "ORDER BY first_published IS NULL, first_published, id",
        (speaker_id,),
    )]
