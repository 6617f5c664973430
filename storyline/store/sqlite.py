"""The embedded store: one SQLite file (WAL, FTS5), the only module that talks SQL for the core objects.

Every batch is written in one transaction (``with store.transaction():``), so killing the process at
any moment leaves either the whole batch or none of it. Schema changes are forward migrations: the
numbered ``migrations/NNNN_name.sql`` files, applied in order; ``PRAGMA user_version`` holds the
number of the last one applied.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

from storyline.errors import StorylineError
from storyline.model import (
    Article,
    Event,
    FirstSeen,
    OutletCoverage,
    Quote,
    QuoteAppearance,
    QuoteFamily,
    RoleSpell,
    Speaker,
    Storyline,
    SummarySentence,
    TimelineEntry,
)
from storyline.settings import store as store_settings

DEFAULT_DB = "storyline.db"

_ARTICLE_COLUMNS = (
    "id, source, url, outlet, title, authors, wire, published, updated, date_source, language, text, "
    "removed, confidence, copy_of, event, opinion, opinion_evidence, content_hash, revision, seq"
)


def default_db_path() -> str:
    """``$STORYLINE_DB`` when set, else ``./storyline.db``."""
    return os.environ.get("STORYLINE_DB") or DEFAULT_DB


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def _migrations() -> list[tuple[int, str, str]]:
    """(number, name, sql) of every bundled migration, in order."""
    found = []
    for entry in resources.files("storyline.store.migrations").iterdir():
        name = entry.name
        if name.endswith(".sql") and name[:4].isdigit():
            found.append((int(name[:4]), name, entry.read_text(encoding="utf-8")))
    return sorted(found)


def _split_sql(script: str) -> list[str]:
    """Statements of a migration script (sqlite3.complete_statement keeps triggers whole)."""
    statements, buffer = [], ""
    for line in script.splitlines(keepends=True):
        if not buffer and line.strip().startswith("--"):
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements


@dataclass
class AddResult:
    """What adding a batch of articles did to the store."""

    new: list[str] = field(default_factory=list)
    revised: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


class Store:
    """A storyline database. Open with ``Store(path)``; close with ``close()`` or use ``with``."""

    def __init__(self, path: str | Path | None = None, *, migrate: bool = True) -> None:
        self.path = str(path or default_db_path())
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=30.0)
            self.conn.execute("PRAGMA journal_mode=WAL")
        except sqlite3.DatabaseError as exc:
            raise StorylineError(f"{self.path}: not a storyline database ({exc})") from exc
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA foreign_keys=ON")
        self.conn.execute("PRAGMA synchronous=NORMAL")
        # 128 MB page cache: the LSH band and cluster posting lookups of a large ingest are random reads;
        # benchmarks/bench_dedup.py at 100k articles ran at 843 articles/s with the 2 MB default, 1,321 with this.
        self.conn.execute(f"PRAGMA cache_size=-{store_settings.CACHE_KIB}")
        self._depth = 0
        if migrate:
            self.migrate()

    # -- lifecycle -----------------------------------------------------------------------------
    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic unit of work; nested uses join the outer transaction."""
        if self._depth == 0:
            self.conn.execute("BEGIN IMMEDIATE")
        self._depth += 1
        try:
            yield self.conn
        except BaseException:
            self._depth -= 1
            if self._depth == 0:
                self.conn.execute("ROLLBACK")
            raise
        self._depth -= 1
        if self._depth == 0:
            self.conn.execute("COMMIT")

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def migrate(self) -> int:
        """Apply every migration newer than the database, each in its own transaction."""
        current = self.schema_version
        known = _migrations()
        latest = known[-1][0] if known else 0
        if current > latest:
            raise StorylineError(
                f"{self.path}: schema version {current} is newer than this storyline knows ({latest}); "
                "upgrade storyline"
            )
        for number, _name, sql in known:
            if number <= current:
                continue
            with self.transaction() as conn:
                for statement in _split_sql(sql):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {number}")
        return self.schema_version

    def check_integrity(self) -> list[str]:
        """SQLite's own integrity check plus the FTS index; an empty list means consistent."""
        problems = [row[0] for row in self.conn.execute("PRAGMA integrity_check") if row[0] != "ok"]
        try:
            self.conn.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
        except sqlite3.DatabaseError as exc:
            problems.append(f"full-text index: {exc}")
        return problems

    # -- articles ------------------------------------------------------------------------------
    def add_articles(self, articles: Iterable[Article]) -> AddResult:
        """Insert new articles, store a revision for changed ones, skip identical ones. One transaction."""
        result = AddResult()
        now = _now()
        with self.transaction() as conn:
            for article in articles:
                row = conn.execute(
                    "SELECT content_hash, revision, title, text, published, updated FROM articles WHERE id = ?",
                    (article.id,),
                ).fetchone()
                if row is None:
                    cursor = conn.execute(
                        "INSERT INTO articles (id, source, url, outlet, title, authors, wire, published, "
                        "updated, date_source, language, text, removed, confidence, content_hash, revision, "
                        "ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,1,?)",
                        (
                            article.id,
                            article.source,
                            article.url,
                            article.outlet,
                            article.title,
                            json.dumps(article.authors),
                            article.wire,
                            article.published,
                            article.updated,
                            article.date_source,
                            article.language,
                            article.text,
                            json.dumps(article.removed),
                            article.confidence,
                            article.content_hash,
                            now,
                        ),
                    )
                    article.seq = int(cursor.lastrowid or 0)
                    article.revision = 1
                    result.new.append(article.id)
                elif row["content_hash"] == article.content_hash:
                    result.unchanged.append(article.id)
                else:
                    conn.execute(
                        "INSERT OR REPLACE INTO article_revisions (article, revision, title, text, "
                        "content_hash, published, updated, replaced_at) VALUES (?,?,?,?,?,?,?,?)",
                        (
                            article.id,
                            row["revision"],
                            row["title"],
                            row["text"],
                            row["content_hash"],
                            row["published"],
                            row["updated"],
                            now,
                        ),
                    )
                    article.revision = int(row["revision"]) + 1
                    conn.execute(
                        "UPDATE articles SET source=?, url=?, outlet=?, title=?, authors=?, wire=?, "
                        "published=coalesce(published, ?), updated=?, date_source=coalesce(date_source, ?), "
                        "language=?, text=?, removed=?, confidence=?, content_hash=?, revision=?, processed=0 "
                        "WHERE id=?",
                        (
                            article.source,
                            article.url,
                            article.outlet,
                            article.title,
                            json.dumps(article.authors),
                            article.wire,
                            article.published,
                            article.updated or now,
                            article.date_source,
                            article.language,
                            article.text,
                            json.dumps(article.removed),
                            article.confidence,
                            article.content_hash,
                            article.revision,
                            article.id,
                        ),
                    )
                    result.revised.append(article.id)
        return result

    @staticmethod
    def _article(row: sqlite3.Row) -> Article:
        return Article(
            id=row["id"],
            source=row["source"],
            url=row["url"],
            outlet=row["outlet"],
            title=row["title"],
            authors=json.loads(row["authors"]),
            wire=row["wire"],
            published=row["published"],
            updated=row["updated"],
            date_source=row["date_source"],
            language=row["language"],
            text=row["text"],
            removed=json.loads(row["removed"]),
            confidence=row["confidence"],
            copy_of=row["copy_of"],
            event=row["event"],
            opinion=row["opinion"],
            opinion_evidence=json.loads(row["opinion_evidence"]),
            content_hash=row["content_hash"],
            revision=row["revision"],
            seq=row["seq"],
        )

    def article(self, article_id: str) -> Article | None:
        row = self.conn.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id = ?", (article_id,)).fetchone()
        return self._article(row) if row else None

    def articles(self, ids: Iterable[str] | None = None) -> list[Article]:
        """Articles in ingest order; all of them, or those with the given ids."""
        if ids is None:
            rows = self.conn.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles ORDER BY seq").fetchall()
            return [self._article(r) for r in rows]
        wanted = list(dict.fromkeys(ids))
        found: list[Article] = []
        for chunk in _chunks(wanted, 500):
            marks = ",".join("?" * len(chunk))
            rows = self.conn.execute(
                f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id IN ({marks}) ORDER BY seq", chunk
            ).fetchall()
            found.extend(self._article(r) for r in rows)
        found.sort(key=lambda a: a.seq)
        return found

    def pending_articles(self) -> list[Article]:
        """Articles whose current revision has not been through the per-article stages yet,
        in the order the online stages want them: publication date (undated last), then ingest order."""
        rows = self.conn.execute(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE processed = 0 ORDER BY published IS NULL, published, seq"
        ).fetchall()
        return [self._article(r) for r in rows]

    def revisions(self, article_id: str) -> list[dict[str, object]]:
        rows = self.conn.execute(
            "SELECT revision, title, text, content_hash, published, updated, replaced_at "
            "FROM article_revisions WHERE article = ? ORDER BY revision",
            (article_id,),
        ).fetchall()
        return [dict(r) for r in rows]

    def save_article_results(self, article: Article) -> None:
        """Write what the per-article stages found and mark the revision processed (inside a transaction)."""
        self.conn.execute(
            "UPDATE articles SET copy_of=?, event=?, opinion=?, opinion_evidence=?, processed=1 WHERE id=?",
            (
                article.copy_of,
                article.event,
                article.opinion,
                json.dumps(article.opinion_evidence),
                article.id,
            ),
        )

    def set_copies(self, copies: dict[str, str | None]) -> set[str]:
        """Point already-stored articles at a new original (an earlier one arrived late); returns the
        events those articles belong to, whose analysis is now out of date (inside a transaction)."""
        events: set[str] = set()
        for article_id, copy_of in copies.items():
            self.conn.execute("UPDATE articles SET copy_of = ? WHERE id = ?", (copy_of, article_id))
            row = self.conn.execute("SELECT event FROM articles WHERE id = ?", (article_id,)).fetchone()
            if row and row[0]:
                events.add(row[0])
        return events

    def event_outlets(self) -> dict[str, set[str]]:
        """Outlets that carried each event (a light read: no article texts)."""
        out: dict[str, set[str]] = {}
        for event, outlet in self.conn.execute(
            "SELECT event, coalesce(outlet, '?') FROM articles WHERE event IS NOT NULL GROUP BY 1, 2"
        ):
            out.setdefault(event, set()).add(outlet)
        return out

    def article_count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    def outlets(self) -> list[tuple[str, int, int]]:
        """(outlet, articles, originals) by article count."""
        rows = self.conn.execute(
            "SELECT coalesce(outlet, '(unknown)') AS outlet, count(*) AS n, "
            "sum(copy_of IS NULL) AS originals FROM articles GROUP BY 1 ORDER BY n DESC, outlet"
        ).fetchall()
        return [(r["outlet"], r["n"], r["originals"]) for r in rows]

    def search(self, query: str, limit: int = 20) -> list[tuple[Article, str]]:
        """Full-text search over titles and texts; (article, snippet) best first."""
        fts_query = _fts_query(query)
        if not fts_query:
            return []
        rows = self.conn.execute(
            "SELECT a.seq, snippet(articles_fts, 1, '[', ']', ' … ', 12) AS snip FROM articles_fts "
            "JOIN articles a ON a.seq = articles_fts.rowid WHERE articles_fts MATCH ? "
            "ORDER BY bm25(articles_fts, 4.0, 1.0) LIMIT ?",
            (fts_query, limit),
        ).fetchall()
        out = []
        for row in rows:
            art = self.conn.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE seq = ?", (row["seq"],)).fetchone()
            out.append((self._article(art), row["snip"]))
        return out

    # -- quotes, speakers, families ------------------------------------------------------------
    def replace_quotes(self, article_id: str, quotes: list[Quote]) -> None:
        """The article's quotes are exactly these (inside a transaction)."""
        self.conn.execute("DELETE FROM quotes WHERE article = ?", (article_id,))
        self.conn.executemany(
            'INSERT INTO quotes (id, article, text, start, "end", kind, speaker, speaker_text, speaker_name, '
            "speaker_role, cue, cue_class, family) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    q.id,
                    q.article,
                    q.text,
                    q.start,
                    q.end,
                    q.kind,
                    q.speaker,
                    q.speaker_text,
                    q.speaker_name,
                    q.speaker_role,
                    q.cue,
                    q.cue_class,
                    q.family,
                )
                for q in quotes
            ],
        )

    @staticmethod
    def _quote(row: sqlite3.Row) -> Quote:
        return Quote(
            id=row["id"],
            article=row["article"],
            text=row["text"],
            start=row["start"],
            end=row["end"],
            kind=row["kind"],
            speaker=row["speaker"],
            speaker_text=row["speaker_text"],
            speaker_name=row["speaker_name"],
            speaker_role=row["speaker_role"],
            cue=row["cue"],
            cue_class=row["cue_class"],
            family=row["family"],
        )

    def quotes(
        self,
        *,
        article: str | None = None,
        speaker: str | None = None,
        family: str | None = None,
        articles: Iterable[str] | None = None,
    ) -> list[Quote]:
        """Quotes filtered by article, speaker id or family, in article ingest order and position."""
        where, params = [], []
        for column, value in (("q.article", article), ("q.speaker", speaker), ("q.family", family)):
            if value is not None:
                where.append(f"{column} = ?")
                params.append(value)
        if articles is not None:
            ids = list(articles)
            if not ids:
                return []
            where.append(f"q.article IN ({','.join('?' * len(ids))})")
            params.extend(ids)
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        rows = self.conn.execute(
            f"SELECT q.* FROM quotes q JOIN articles a ON a.id = q.article {clause} ORDER BY a.seq, q.start",
            params,
        ).fetchall()
        return [self._quote(r) for r in rows]

    def set_quote_links(self, quotes: Iterable[Quote]) -> None:
        """Store the corpus-level speaker and family of each quote (inside a transaction)."""
        self.conn.executemany(
            "UPDATE quotes SET speaker = ?, family = ? WHERE id = ?",
            [(q.speaker, q.family, q.id) for q in quotes],
        )

    def replace_speakers(self, speakers: list[Speaker]) -> None:
        self.conn.execute("DELETE FROM speakers")
        self.conn.executemany(
            "INSERT INTO speakers (id, name, aliases, roles, named, role_history, kind) VALUES (?,?,?,?,?,?,?)",
            [
                (
                    s.id,
                    s.name,
                    json.dumps(s.aliases),
                    json.dumps(s.roles),
                    int(s.named),
                    json.dumps([vars(r) for r in s.role_history]),
                    s.kind,
                )
                for s in speakers
            ],
        )

    @staticmethod
    def _speaker(row: sqlite3.Row) -> Speaker:
        return Speaker(
            id=row["id"],
            name=row["name"],
            aliases=json.loads(row["aliases"]),
            roles=json.loads(row["roles"]),
            named=bool(row["named"]),
            role_history=[RoleSpell(**x) for x in json.loads(row["role_history"])],
            kind=row["kind"],
        )

    def speakers(self) -> list[Speaker]:
        rows = self.conn.execute("SELECT * FROM speakers ORDER BY name").fetchall()
        return [self._speaker(r) for r in rows]

    def speaker_quote_counts(self) -> dict[str, int]:
        rows = self.conn.execute(
            "SELECT speaker, count(*) FROM quotes WHERE speaker IS NOT NULL GROUP BY speaker"
        ).fetchall()
        return {r[0]: r[1] for r in rows}

    def replace_families(self, families: list[QuoteFamily]) -> None:
        self.conn.execute("DELETE FROM quote_families")
        self.conn.executemany(
            "INSERT INTO quote_families (id, speaker, text, first_article, first_published, appearances) "
            "VALUES (?,?,?,?,?,?)",
            [
                (
                    f.id,
                    f.speaker,
                    f.text,
                    f.first_seen.article,
                    f.first_seen.published,
                    json.dumps([vars(a) for a in f.appearances]),
                )
                for f in families
            ],
        )

    def families(self, ids: Iterable[str] | None = None) -> list[QuoteFamily]:
        if ids is None:
            rows = self.conn.execute("SELECT * FROM quote_families ORDER BY first_published, id").fetchall()
        else:
            wanted = list(ids)
            rows = []
            for chunk in _chunks(wanted, 500):
                marks = ",".join("?" * len(chunk))
                rows += self.conn.execute(f"SELECT * FROM quote_families WHERE id IN ({marks})", chunk).fetchall()
        return [
            QuoteFamily(
                id=r["id"],
                speaker=r["speaker"],
                text=r["text"],
                first_seen=FirstSeen(article=r["first_article"], published=r["first_published"]),
                appearances=[QuoteAppearance(**a) for a in json.loads(r["appearances"])],
            )
            for r in rows
        ]

    # -- events and storylines -----------------------------------------------------------------
    def save_event(self, event: Event, *, dirty: bool = False) -> None:
        """Insert or replace an event's row (its article list lives on the articles)."""
        self.conn.execute(
            'INSERT OR REPLACE INTO events (id, storyline, title, start, "end", summary, timeline, coverage, '
            "independent_sources, dirty) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (
                event.id,
                event.storyline,
                event.title,
                event.start,
                event.end,
                json.dumps([vars(s) for s in event.summary]),
                json.dumps([vars(t) for t in event.timeline]),
                json.dumps([vars(c) for c in event.coverage]),
                event.independent_sources,
                int(dirty),
            ),
        )

    def mark_events_dirty(self, event_ids: Iterable[str]) -> None:
        self.conn.executemany("UPDATE events SET dirty = 1 WHERE id = ?", [(e,) for e in set(event_ids)])

    def dirty_event_ids(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT id FROM events WHERE dirty = 1 ORDER BY id")]

    def delete_empty_events(self) -> None:
        self.conn.execute(
            "DELETE FROM events WHERE id NOT IN (SELECT DISTINCT event FROM articles WHERE event IS NOT NULL)"
        )

    def _event(self, row: sqlite3.Row) -> Event:
        ids = [
            r[0]
            for r in self.conn.execute(
                "SELECT id FROM articles WHERE event = ? ORDER BY published IS NULL, published, seq",
                (row["id"],),
            )
        ]
        return Event(
            id=row["id"],
            title=row["title"],
            articles=ids,
            storyline=row["storyline"],
            start=row["start"],
            end=row["end"],
            summary=[SummarySentence(**s) for s in json.loads(row["summary"])],
            timeline=[TimelineEntry(**t) for t in json.loads(row["timeline"])],
            coverage=[OutletCoverage(**c) for c in json.loads(row["coverage"])],
            independent_sources=row["independent_sources"],
        )

    def event(self, event_id: str) -> Event | None:
        row = self.conn.execute("SELECT * FROM events WHERE id = ?", (event_id,)).fetchone()
        return self._event(row) if row else None

    def events(self, *, storyline: str | None = None) -> list[Event]:
        """Events, most recent activity first."""
        where, params = ("WHERE storyline = ?", [storyline]) if storyline else ("", [])
        rows = self.conn.execute(
            f'SELECT * FROM events {where} ORDER BY "end" IS NULL, "end" DESC, id', params
        ).fetchall()
        return [self._event(r) for r in rows]

    def save_storyline(self, storyline: Storyline, *, dirty: bool = False) -> None:
        self.conn.execute(
            'INSERT OR REPLACE INTO storylines (id, title, start, "end", summary, timeline, dirty) '
            "VALUES (?,?,?,?,?,?,?)",
            (
                storyline.id,
                storyline.title,
                storyline.start,
                storyline.end,
                json.dumps([vars(s) for s in storyline.summary]),
                json.dumps([vars(t) for t in storyline.timeline]),
                int(dirty),
            ),
        )

    def delete_storylines_except(self, keep: Iterable[str]) -> None:
        keep_ids = list(keep)
        if not keep_ids:
            self.conn.execute("DELETE FROM storylines")
            return
        self.conn.execute(f"DELETE FROM storylines WHERE id NOT IN ({','.join('?' * len(keep_ids))})", keep_ids)

    def _storyline(self, row: sqlite3.Row) -> Storyline:
        events = [
            r[0]
            for r in self.conn.execute(
                "SELECT id FROM events WHERE storyline = ? ORDER BY start IS NULL, start, id", (row["id"],)
            )
        ]
        return Storyline(
            id=row["id"],
            title=row["title"],
            events=events,
            start=row["start"],
            end=row["end"],
            summary=[SummarySentence(**s) for s in json.loads(row["summary"])],
            timeline=[TimelineEntry(**t) for t in json.loads(row["timeline"])],
        )

    def storylines(self) -> list[Storyline]:
        """Storylines, most recent activity first."""
        rows = self.conn.execute('SELECT * FROM storylines ORDER BY "end" IS NULL, "end" DESC, id').fetchall()
        return [self._storyline(r) for r in rows]

    def storyline(self, storyline_id: str) -> Storyline | None:
        row = self.conn.execute("SELECT * FROM storylines WHERE id = ?", (storyline_id,)).fetchone()
        return self._storyline(row) if row else None


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _fts_query(query: str) -> str:
    """A user's words as an FTS5 query: each word a quoted term (so punctuation cannot break the syntax),
    all required; a phrase in double quotes stays a phrase."""
    parts: list[str] = []
    in_phrase = False
    for chunk in query.split('"'):
        chunk = chunk.strip()
        if chunk:
            if in_phrase:
                parts.append('"' + chunk.replace('"', "") + '"')
            else:
                parts.extend('"' + w.replace('"', "") + '"' for w in chunk.split())
        in_phrase = not in_phrase
    return " ".join(parts)
