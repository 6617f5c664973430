"""The store: migrations, idempotent adds, revisions, transactions, full-text search."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from storyline.errors import StorylineError
from storyline.model import Article, Event, Quote, Storyline
from storyline.store.sqlite import Store, _fts_query, _migrations


def _article(article_id: str, text: str, **kw: object) -> Article:
    return Article(id=article_id, source=f"{article_id}.txt", text=text, content_hash=f"h-{hash(text)}", **kw)


def test_fresh_database_is_migrated_to_latest(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        assert store.schema_version == _migrations()[-1][0]
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.check_integrity() == []


def test_reopening_does_not_migrate_again(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with Store(path) as store:
        store.add_articles([_article("a1", "Ferry crews walk out in Norwick.")])
        version = store.schema_version
    with Store(path) as store:
        assert store.schema_version == version
        assert store.article_count() == 1


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 9999")
    conn.close()
    with pytest.raises(StorylineError, match="newer than this storyline"):
        Store(path)


def test_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StorylineError, match=r"junk\.db"):
        Store(path)


def test_adding_the_same_article_twice_changes_nothing(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        first = store.add_articles([_article("a1", "Dockworkers in Porthaven vote to strike.")])
        second = store.add_articles([_article("a1", "Dockworkers in Porthaven vote to strike.")])
        assert first.new == ["a1"] and second.unchanged == ["a1"] and not second.new
        assert store.article_count() == 1
        assert store.revisions("a1") == []


def test_changed_text_at_the_same_id_is_a_new_revision(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        store.add_articles([_article("a1", "Dockworkers vote to strike.", title="Strike vote")])
        store.save_article_results(store.article("a1"))  # mark processed
        result = store.add_articles([_article("a1", "Dockworkers vote to strike on Monday.", title="Strike set")])
        assert result.revised == ["a1"]
        current = store.article("a1")
        assert current.revision == 2 and current.title == "Strike set"
        old = store.revisions("a1")
        assert [r["revision"] for r in old] == [1] and old[0]["title"] == "Strike vote"
        assert [a.id for a in store.pending_articles()] == ["a1"], "a revised article is processed again"


def test_a_failed_transaction_leaves_nothing_behind(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        with pytest.raises(RuntimeError), store.transaction():
            store.add_articles([_article("a1", "One.")])
            raise RuntimeError("interrupted")
        assert store.article_count() == 0
        assert store.check_integrity() == []


def test_full_text_search_ranks_title_matches_and_survives_odd_queries(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        store.add_articles(
            [
                _article("a1", "The council met on Monday.", title="Ferry timetable cut"),
                _article("a2", "Ferry operators said the ferry timetable would change.", title="Council news"),
                _article("a3", "Nothing to see here.", title="Weather"),
            ]
        )
        hits = [a.id for a, _ in store.search("ferry timetable")]
        assert hits[:2] == ["a1", "a2"]
        assert store.search('"timetable would change"')[0][0].id == "a2"
        for odd in ["AND OR", '"', "ferry*) NEAR(", "-", "'; DROP TABLE articles; --"]:
            store.search(odd)  # no FTS syntax error reaches the user
        assert store.article_count() == 3


def test_fts_query_quotes_every_word() -> None:
    assert _fts_query('port strike "wage offer"') == '"port" "strike" "wage offer"'
    assert _fts_query("   ") == ""


def test_quotes_events_and_storylines_round_trip(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        store.add_articles([_article("a1", '"We will not back down," said Mara Okafor.', published="2026-03-02")])
        article = store.article("a1")
        article.event = "ev-1"
        with store.transaction():
            store.save_article_results(article)
            store.replace_quotes(
                "a1",
                [
                    Quote(
                        id="q1",
                        article="a1",
                        text="We will not back down,",
                        start=1,
                        end=23,
                        speaker_text="Mara Okafor",
                        cue="said",
                        family="f1",
                    )
                ],
            )
            store.save_event(
                Event(
                    id="ev-1",
                    title="Strike",
                    articles=[],
                    storyline="st-1",
                    start="2026-03-02",
                    end="2026-03-02",
                )
            )
            store.save_storyline(Storyline(id="st-1", title="Port dispute", events=[]))
        event = store.event("ev-1")
        assert event.articles == ["a1"] and event.storyline == "st-1"
        assert store.storylines()[0].events == ["ev-1"]
        assert store.quotes(article="a1")[0].cue == "said"
        assert store.pending_articles() == []


def test_speaker_kinds_round_trip_and_old_rows_get_a_kind(tmp_path: Path) -> None:
    from storyline.model import Speaker

    with Store(tmp_path / "s.db") as store:
        with store.transaction():
            store.replace_speakers(
                [
                    Speaker(id="s1", name="Mara Okafor", roles=["union leader"]),
                    Speaker(id="s2", name="The Harbor Ledger", kind="organisation"),
                    Speaker(id="s3", name="a senior official", named=False, kind="unnamed"),
                ]
            )
        assert {s.id: s.kind for s in store.speakers()} == {"s1": "person", "s2": "organisation", "s3": "unnamed"}
