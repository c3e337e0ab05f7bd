"""Table definitions for both stores, and the schema version kept in the `meta` table.

Column types are the common subset of SQLite and PostgreSQL; `{serial}`, `{blob}`
and `{real}` are filled in per dialect. Adding a migration: append (version, [step...])
to MIGRATIONS and bump STORE_SCHEMA_VERSION; a step is an SQL statement, or a function
called as step(store, cursor) inside the migration's transaction.
"""
from __future__ import annotations

STORE_SCHEMA_VERSION = 5

TABLES = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS articles (
  n {serial} PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  url TEXT,
  content_hash TEXT NOT NULL,
  raw_hash TEXT,
  title TEXT,
  published TEXT,
  day TEXT,
  source TEXT,
  author TEXT,
  body TEXT NOT NULL,
  doc TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_url ON articles(url);
CREATE INDEX IF NOT EXISTS articles_hash ON articles(content_hash);
CREATE INDEX IF NOT EXISTS articles_raw ON articles(raw_hash);
CREATE INDEX IF NOT EXISTS articles_day ON articles(day);
CREATE INDEX IF NOT EXISTS articles_source ON articles(source);
CREATE TABLE IF NOT EXISTS entities (
  id TEXT PRIMARY KEY, name TEXT, type TEXT, name_ar TEXT, wikidata TEXT
);
CREATE TABLE IF NOT EXISTS spellings (
  entity TEXT NOT NULL, norm TEXT NOT NULL, text TEXT NOT NULL, count {bigint} NOT NULL DEFAULT 0,
  PRIMARY KEY (entity, text)
);
CREATE INDEX IF NOT EXISTS spellings_norm ON spellings(norm);
CREATE TABLE IF NOT EXISTS article_entities (
  article {bigint} NOT NULL, entity TEXT NOT NULL, mentions INTEGER NOT NULL, role TEXT, day TEXT,
  PRIMARY KEY (article, entity)
);
CREATE INDEX IF NOT EXISTS article_entities_entity ON article_entities(entity, day);
CREATE TABLE IF NOT EXISTS mentions (
  article {bigint} NOT NULL, entity TEXT NOT NULL, text TEXT NOT NULL, start_at INTEGER, end_at INTEGER, day TEXT
);
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity, day);
CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article);
CREATE TABLE IF NOT EXISTS quotations (
  article {bigint} NOT NULL, text TEXT NOT NULL, start_at INTEGER, end_at INTEGER, direct INTEGER,
  speaker_text TEXT, speaker_id TEXT, speaker_role TEXT, cue TEXT
);
CREATE INDEX IF NOT EXISTS quotations_article ON quotations(article);
CREATE INDEX IF NOT EXISTS quotations_speaker ON quotations(speaker_id);
CREATE TABLE IF NOT EXISTS events (
  article {bigint} NOT NULL, type TEXT, cameo TEXT, text TEXT, start_at INTEGER, end_at INTEGER,
  trigger_word TEXT, actor_id TEXT, target_id TEXT, where_id TEXT, when_value TEXT, polarity TEXT
);
CREATE INDEX IF NOT EXISTS events_article ON events(article);
CREATE INDEX IF NOT EXISTS events_actor ON events(actor_id);
CREATE INDEX IF NOT EXISTS events_type ON events(type);
CREATE TABLE IF NOT EXISTS timexes (
  article {bigint} NOT NULL, text TEXT, start_at INTEGER, end_at INTEGER, type TEXT, value TEXT, mod TEXT
);
CREATE INDEX IF NOT EXISTS timexes_article ON timexes(article);
CREATE TABLE IF NOT EXISTS keywords (article {bigint} NOT NULL, text TEXT NOT NULL, score {real});
CREATE INDEX IF NOT EXISTS keywords_article ON keywords(article);
CREATE TABLE IF NOT EXISTS topics (article {bigint} NOT NULL, label TEXT NOT NULL, score {real});
CREATE INDEX IF NOT EXISTS topics_label ON topics(label);
CREATE INDEX IF NOT EXISTS topics_article ON topics(article);
CREATE TABLE IF NOT EXISTS signatures (article {bigint} PRIMARY KEY, sig {blob});
CREATE TABLE IF NOT EXISTS stories (article {bigint} PRIMARY KEY, story {bigint} NOT NULL);
CREATE INDEX IF NOT EXISTS stories_story ON stories(story);
CREATE TABLE IF NOT EXISTS source_docs (source TEXT PRIMARY KEY, docs {bigint} NOT NULL);
CREATE TABLE IF NOT EXISTS source_lines (
  source TEXT NOT NULL, line TEXT NOT NULL, docs {bigint} NOT NULL, PRIMARY KEY (source, line)
);
"""

SQLITE = {"serial": "INTEGER", "bigint": "INTEGER", "blob": "BLOB", "real": "REAL"}
POSTGRES = {"serial": "BIGSERIAL", "bigint": "BIGINT", "blob": "BYTEA", "real": "DOUBLE PRECISION"}


def resign(store, cur, batch: int = 500) -> None:
    """Replace every stored signature by `marsad.dedup.signature_bytes` of the article body,
    and mark the story groups stale (they are regrouped on the next read)."""
    from ..dedup import signature_bytes

    cur.execute("DELETE FROM signatures")
    last = 0
    while True:
        cur.execute(store.q("SELECT n, body FROM articles WHERE n > ? ORDER BY n LIMIT ?"), [last, batch])
        rows = cur.fetchall()
        if not rows:
            break
        sigs = [(n, sig) for n, body in rows if (sig := signature_bytes(body or ""))]
        if sigs:
            cur.executemany(store.q("INSERT INTO signatures(article, sig) VALUES (?, ?)"), sigs)
        last = rows[-1][0]
    store.set_meta(cur, "stories_stale", "1")


# (version, steps) applied in order to a store whose schema is older.
MIGRATIONS: list[tuple[int, list]] = [
    # 2: names and Wikidata ids are looked up on every search that names an entity
    (2, ["CREATE INDEX IF NOT EXISTS entities_lname ON entities (lower(name))",
         "CREATE INDEX IF NOT EXISTS entities_wikidata ON entities (wikidata)"]),
    # 3: story signatures are `marsad.dedup`'s MinHash (the near-duplicate detector's and the
    # Spark job's shingles) instead of the corpus's own: recompute them from the stored bodies
    (3, ["DELETE FROM stories", resign]),
    # 4: PostgreSQL keeps the search tsvectors in a narrow table of their own (SQLite's
    # FTS5 table always was one)
    (4, [lambda store, cur: store._split_search_terms(cur)]),
    # 5: each source's repeated lines (its template's furniture), learned during ingest
    (5, [lambda store, cur: [cur.execute(s) for s in statements(store.dialect) if "source_" in s]]),
]


def statements(dialect: dict) -> list[str]:
    sql = TABLES.format(**dialect)
    return [s.strip() for s in sql.split(";") if s.strip()]
