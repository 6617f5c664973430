-- Core tables: the objects of the export contract, one row each; nested lists as JSON text.
CREATE TABLE articles (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,  -- ingest order; also the FTS rowid
    id TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL,
    url TEXT,
    outlet TEXT,
    title TEXT,
    authors TEXT NOT NULL DEFAULT '[]',
    wire TEXT,
    published TEXT,
    updated TEXT,
    date_source TEXT,
    language TEXT NOT NULL DEFAULT 'en',
    text TEXT NOT NULL,
    removed TEXT NOT NULL DEFAULT '[]',
    confidence REAL NOT NULL DEFAULT 1.0,
    copy_of TEXT,
    event TEXT,
    opinion REAL NOT NULL DEFAULT 0.0,
    opinion_evidence TEXT NOT NULL DEFAULT '[]',
    content_hash TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    processed INTEGER NOT NULL DEFAULT 0,  -- 0 until the per-article stages have run on this revision
    ingested_at TEXT NOT NULL
);
CREATE INDEX articles_event ON articles(event);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_outlet ON articles(outlet);
CREATE INDEX articles_pending ON articles(processed) WHERE processed = 0;

-- Earlier printings of an article whose text changed at the same URL.
CREATE TABLE article_revisions (
    article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    revision INTEGER NOT NULL,
    title TEXT,
    text TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    published TEXT,
    updated TEXT,
    replaced_at TEXT NOT NULL,
    PRIMARY KEY (article, revision)
);

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles', content_rowid='seq', tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, coalesce(new.title, ''), new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.seq, coalesce(old.title, ''), old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.seq, coalesce(old.title, ''), old.text);
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, coalesce(new.title, ''), new.text);
END;

CREATE TABLE quotes (
    id TEXT PRIMARY KEY,
    article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    kind TEXT NOT NULL,
    speaker TEXT,
    speaker_text TEXT,
    speaker_name TEXT,
    speaker_role TEXT,
    cue TEXT,
    cue_class TEXT,
    family TEXT NOT NULL DEFAULT ''
);
CREATE INDEX quotes_article ON quotes(article);
CREATE INDEX quotes_speaker ON quotes(speaker);
CREATE INDEX quotes_family ON quotes(family);

CREATE TABLE speakers (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    aliases TEXT NOT NULL DEFAULT '[]',
    roles TEXT NOT NULL DEFAULT '[]',
    named INTEGER NOT NULL DEFAULT 1,
    role_history TEXT NOT NULL DEFAULT '[]'
);

CREATE TABLE quote_families (
    id TEXT PRIMARY KEY,
    speaker TEXT,
    text TEXT NOT NULL,
    first_article TEXT NOT NULL,
    first_published TEXT,
    appearances TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX quote_families_speaker ON quote_families(speaker);

CREATE TABLE events (
    id TEXT PRIMARY KEY,
    storyline TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    start TEXT,
    "end" TEXT,
    summary TEXT NOT NULL DEFAULT '[]',
    timeline TEXT NOT NULL DEFAULT '[]',
    coverage TEXT NOT NULL DEFAULT '[]',
    independent_sources INTEGER NOT NULL DEFAULT 0,
    dirty INTEGER NOT NULL DEFAULT 1  -- 1 when its articles changed since it was last analysed
);
CREATE INDEX events_storyline ON events(storyline);
CREATE INDEX events_dirty ON events(dirty) WHERE dirty = 1;

CREATE TABLE storylines (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL DEFAULT '',
    start TEXT,
    "end" TEXT,
    summary TEXT NOT NULL DEFAULT '[]',
    timeline TEXT NOT NULL DEFAULT '[]',
    dirty INTEGER NOT NULL DEFAULT 1
);
