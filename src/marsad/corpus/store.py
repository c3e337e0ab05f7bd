"""The Store: one interface over SQLite and PostgreSQL.

`SQLStore` holds the connection, the migrations, the writes and the reads, every query
in the common SQL subset (written with `?` placeholders); the two subclasses supply the
connection, the full-text index and the ranked match. Beside it: `names.EntityNames`
(a name → the entities it can refer to), `planner.QueryPlanner` (a query and filters →
the search) and `stories` (near-duplicate grouping). The Corpus API
(`marsad.corpus.Corpus`) is the public face; a Store is what it talks to.
"""
from __future__ import annotations

import json
from typing import Iterable, Iterator

from ..errors import MarsadError
from . import stories as _stories
from .names import EntityNames
from .planner import Groups, QueryPlanner
from .records import EntityRef, EventRow, QuoteRow, Story
from .rows import ArticleRows
from .schema import MIGRATIONS, STORE_SCHEMA_VERSION, statements
from .search_terms import clean_query

__all__ = ["CHILD_SQL", "Groups", "SQLStore"]

# The annotation tables' inserts; PostgreSQL reads their column lists for COPY.
CHILD_SQL = {
    "entities": "INSERT INTO entities(id, name, type, name_ar, wikidata) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
    "spellings": "INSERT INTO spellings(entity, norm, text, count) VALUES (?, ?, ?, ?) "
                 "ON CONFLICT (entity, text) DO UPDATE SET count = spellings.count + excluded.count",
    "article_entities": "INSERT INTO article_entities(article, entity, mentions, role, day) VALUES (?, ?, ?, ?, ?) "
                        "ON CONFLICT (article, entity) DO NOTHING",
    "mentions": "INSERT INTO mentions(article, entity, text, start_at, end_at, day) VALUES (?, ?, ?, ?, ?, ?)",
    "quotations": "INSERT INTO quotations(article, text, start_at, end_at, direct, speaker_text, speaker_id, speaker_role, cue) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "events": "INSERT INTO events(article, type, cameo, text, start_at, end_at, trigger_word, actor_id, target_id, where_id, "
              "when_value, polarity) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "timexes": "INSERT INTO timexes(article, text, start_at, end_at, type, value, mod) VALUES (?, ?, ?, ?, ?, ?, ?)",
    "keywords": "INSERT INTO keywords(article, text, score) VALUES (?, ?, ?)",
    "topics": "INSERT INTO topics(article, label, score) VALUES (?, ?, ?)",
    "signatures": "INSERT INTO signatures(article, sig) VALUES (?, ?)",
}


class SQLStore:
    dialect: dict = {}
    placeholder = "?"

    def __init__(self, url: str):
        self.url = url
        self.conn = self._connect()
        self.names = EntityNames(self)
        self.planner = QueryPlanner(self)
        self._migrate()

    # -- dialect hooks -----------------------------------------------------
    def _connect(self):  # pragma: no cover - abstract
        raise NotImplementedError

    def _extra_schema(self) -> list[str]:
        return []

    def _split_search_terms(self, cur) -> None:
        """Schema 4 (PostgreSQL): the search index leaves the `articles` rows; nothing to do here."""

    def _insert_articles(self, cur, fresh: list[ArticleRows]) -> list[int]:
        """Insert the articles rows; their row numbers, in order."""
        raise NotImplementedError

    def _index_many(self, cur, pairs: list[tuple[int, ArticleRows]]) -> None:
        """Add (row number, rows) to the full-text index."""
        raise NotImplementedError

    def _match(self, groups: Groups, where: list[str], params: list, limit: int, offset: int,
               any_part: bool = False) -> list[tuple]:
        """(n, id, title, published, source, url, body, score) best first; every part must match, or any part."""
        raise NotImplementedError

    def _match_days(self, groups: Groups) -> list[tuple[str, int]]:
        raise NotImplementedError

    def begin(self) -> None:
        raise NotImplementedError

    # -- plumbing ----------------------------------------------------------
    def q(self, sql: str) -> str:
        return sql if self.placeholder == "?" else sql.replace("?", self.placeholder)

    def all(self, sql: str, params: Iterable = ()) -> list[tuple]:
        cur = self.conn.cursor()
        cur.execute(self.q(sql), list(params))
        return cur.fetchall()

    def one(self, sql: str, params: Iterable = ()):
        rows = self.all(sql, params)
        return rows[0] if rows else None

    def commit(self) -> None:
        self.conn.commit()

    def rollback(self) -> None:
        self.conn.rollback()

    def close(self) -> None:
        try:
            self.conn.close()
        except Exception:
            pass

    def _migrate(self) -> None:
        cur = self.conn.cursor()
        self.begin()
        try:
            cur.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
            cur.execute(self.q("SELECT value FROM meta WHERE key = ?"), ["schema_version"])
            got = cur.fetchone()
            version = int(got[0]) if got else 0
            if version > STORE_SCHEMA_VERSION:
                raise MarsadError(f"{self.url}: corpus schema {version} is newer than this marsad ({STORE_SCHEMA_VERSION})")
            if version == 0:
                for s in statements(self.dialect) + self._extra_schema():
                    cur.execute(s)
                version = 1  # the base tables; the migrations below bring it up to date
            for v, stmts in MIGRATIONS:
                if v > version:
                    for s in stmts:
                        s(self, cur) if callable(s) else cur.execute(s)
                    version = v
            self.set_meta(cur, "schema_version", str(version))
            self.commit()
        except Exception:
            self.rollback()
            raise

    def set_meta(self, cur, key: str, value: str) -> None:
        cur.execute(self.q("DELETE FROM meta WHERE key = ?"), [key])
        cur.execute(self.q("INSERT INTO meta(key, value) VALUES (?, ?)"), [key, value])

    def meta(self, key: str) -> str | None:
        r = self.one("SELECT value FROM meta WHERE key = ?", [key])
        return r[0] if r else None

    # -- writing -----------------------------------------------------------
    def furniture_state(self) -> dict[str, tuple[int, dict[str, int]]]:
        """Each source's documents seen and repeated lines, as `marsad.furniture` learned them."""
        state = {src: (n, {}) for src, n in self.all("SELECT source, docs FROM source_docs")}
        for src, line, n in self.all("SELECT source, line, docs FROM source_lines"):
            state.setdefault(src, (0, {}))[1][line] = n
        return state

    def save_furniture(self, state: dict[str, tuple[int, dict[str, int]]]) -> None:
        """Replace the stored counts by `state` (the learner started from the stored ones)."""
        cur = self.conn.cursor()
        self.begin()
        try:
            for src, (n, lines) in state.items():
                cur.execute(self.q("DELETE FROM source_docs WHERE source = ?"), [src])
                cur.execute(self.q("INSERT INTO source_docs(source, docs) VALUES (?, ?)"), [src, n])
                cur.execute(self.q("DELETE FROM source_lines WHERE source = ?"), [src])
                if lines:
                    cur.executemany(self.q("INSERT INTO source_lines(source, line, docs) VALUES (?, ?, ?)"),
                                    [(src, ln, c) for ln, c in lines.items()])
            self.commit()
        except Exception:
            self.rollback()
            raise

    def has_raw(self, raw_hashes: list[str]) -> set[str]:
        """Which of these raw-document hashes are already stored (to skip them before analysis)."""
        out: set[str] = set()
        for i in range(0, len(raw_hashes), 500):
            chunk = raw_hashes[i:i + 500]
            marks = ",".join("?" * len(chunk))
            out.update(r[0] for r in self.all(f"SELECT raw_hash FROM articles WHERE raw_hash IN ({marks})", chunk))
        return out

    def write(self, batch: list[ArticleRows]) -> tuple[int, int]:
        """Store a batch in one transaction; (added, skipped as already stored).

        One query finds which of the batch's ids, content hashes and URLs are stored;
        the new articles then go in, and their annotations with one bulk insert per table.
        """
        cur = self.conn.cursor()
        self.begin()
        try:
            fresh = self._fresh(cur, batch)
            ns = self._insert_articles(cur, fresh)
            if fresh:
                self._index_many(cur, list(zip(ns, fresh)))
            for table, got in _child_rows(ns, fresh).items():
                if got:
                    self._insert_rows(cur, table, got)
            if fresh:
                self.set_meta(cur, "stories_stale", "1")
            self.commit()
        except BaseException:
            self.rollback()
            raise
        return len(fresh), len(batch) - len(fresh)

    def _fresh(self, cur, batch: list[ArticleRows]) -> list[ArticleRows]:
        """The articles of a batch not stored yet, nor repeated earlier in the batch (same id, content or URL)."""
        ids = list({r.article["id"] for r in batch})
        hashes = list({r.article["content_hash"] for r in batch})
        urls = list({r.article["url"] for r in batch if r.article["url"]})
        seen_ids, seen_hashes, seen_urls = set(), set(), set()
        if batch:
            cond = [f"id IN ({','.join('?' * len(ids))})", f"content_hash IN ({','.join('?' * len(hashes))})"]
            if urls:
                cond.append(f"url IN ({','.join('?' * len(urls))})")
            cur.execute(self.q(f"SELECT id, content_hash, url FROM articles WHERE {' OR '.join(cond)}"), [*ids, *hashes, *urls])
            for i, h, u in cur.fetchall():
                seen_ids.add(i)
                seen_hashes.add(h)
                if u:
                    seen_urls.add(u)
        fresh = []
        for r in batch:
            a = r.article
            if a["id"] in seen_ids or a["content_hash"] in seen_hashes or (a["url"] and a["url"] in seen_urls):
                continue
            seen_ids.add(a["id"])
            seen_hashes.add(a["content_hash"])
            if a["url"]:
                seen_urls.add(a["url"])
            fresh.append(r)
        return fresh

    def _insert_rows(self, cur, table: str, rows: list[tuple]) -> None:
        cur.executemany(self.q(CHILD_SQL[table]), rows)

    # -- reading: articles -------------------------------------------------
    def get_article(self, article_id: str):
        r = self.one("SELECT doc, body FROM articles WHERE id = ?", [clean_query(str(article_id), 1000)])
        return _article(r[0], r[1]) if r else None

    def iter_articles(self, batch: int = 500) -> Iterator:
        """Every stored Article, in ingest order, fetched in batches (bounded memory)."""
        last = 0
        while True:
            rows = self.all("SELECT n, doc, body FROM articles WHERE n > ? ORDER BY n LIMIT ?", [last, batch])
            if not rows:
                return
            for n, doc, body in rows:
                yield _article(doc, body)
            last = rows[-1][0]

    def stats(self) -> dict:
        out = {}
        for key, sql in [
            ("articles", "SELECT count(*) FROM articles"),
            ("sources", "SELECT count(DISTINCT source) FROM articles"),
            ("entities", "SELECT count(*) FROM entities"),
            ("mentions", "SELECT count(*) FROM mentions"),
            ("quotations", "SELECT count(*) FROM quotations"),
            ("events", "SELECT count(*) FROM events"),
            ("time_expressions", "SELECT count(*) FROM timexes"),
            ("keywords", "SELECT count(*) FROM keywords"),
            ("topics", "SELECT count(DISTINCT label) FROM topics"),
            ("stories", "SELECT count(DISTINCT story) FROM stories"),
        ]:
            out[key] = int(self.one(sql)[0])
        r = self.one("SELECT min(day), max(day) FROM articles WHERE day IS NOT NULL")
        out["first_day"], out["last_day"] = (r[0], r[1]) if r else (None, None)
        return out

    # -- entities ----------------------------------------------------------
    def resolve(self, name: str, limit: int = 5) -> list[EntityRef]:
        """Entities a name (any spelling, Arabic or English, or an id) can refer to, most mentioned first."""
        return self.names.resolve(name, limit)

    def entity_refs(self, ids: list[str]) -> list[EntityRef]:
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        counts = dict(self.all(f"SELECT entity, count(*) FROM article_entities WHERE entity IN ({marks}) GROUP BY entity", ids))
        rows = self.all(f"SELECT id, name, name_ar, type, wikidata FROM entities WHERE id IN ({marks})", ids)
        return [EntityRef(i, nm, ar, t, wd, int(counts.get(i, 0))) for i, nm, ar, t, wd in rows]

    def spellings(self, ids: list[str], limit: int = 50, seen_only: bool = False) -> list[dict]:
        """Names of these entities, most mentioned first; `seen_only`: only spellings found in articles."""
        marks = ",".join("?" * len(ids))
        having = "HAVING sum(count) > 0 " if seen_only else ""
        rows = self.all(f"SELECT text, sum(count) AS c FROM spellings WHERE entity IN ({marks}) GROUP BY text "
                        f"{having}ORDER BY c DESC, text LIMIT ?", [*ids, limit])
        return [{"text": t, "count": int(c)} for t, c in rows]

    def mentions_per_day(self, ids: list[str]) -> list[dict]:
        marks = ",".join("?" * len(ids))
        rows = self.all(f"SELECT day, count(*) FROM mentions WHERE entity IN ({marks}) AND day IS NOT NULL "
                        f"GROUP BY day ORDER BY day", ids)
        return [{"day": d, "count": int(c)} for d, c in rows]

    def co_occurring(self, ids: list[str], limit: int = 10) -> list[dict]:
        marks = ",".join("?" * len(ids))
        rows = self.all(
            f"SELECT b.entity, count(DISTINCT b.article) AS c FROM article_entities a "
            f"JOIN article_entities b ON b.article = a.article WHERE a.entity IN ({marks}) AND b.entity NOT IN ({marks}) "
            f"GROUP BY b.entity ORDER BY c DESC, b.entity LIMIT ?", [*ids, *ids, limit])
        refs = {e.id: e for e in self.entity_refs([r[0] for r in rows])}
        out = []
        for eid, c in rows:
            e = refs.get(eid)
            out.append({"id": eid, "name": e and e.name, "name_ar": e and e.name_ar, "type": e and e.type, "articles": int(c)})
        return out

    # -- quotations and events --------------------------------------------
    def quotes(self, speaker: str | None = None, about: str | None = None, limit: int = 50) -> list[QuoteRow]:
        where, params = [], []
        if speaker:
            ids = self.names.ids(speaker)
            texts = [s["text"] for s in self.spellings(ids, 200)] if ids else []
            texts = list(dict.fromkeys(texts + [clean_query(speaker, 300).strip()]))
            cond = [f"q.speaker_text IN ({','.join('?' * len(texts))})"]
            params += texts
            if ids:
                cond.append(f"q.speaker_id IN ({','.join('?' * len(ids))})")
                params += ids
            where.append("(" + " OR ".join(cond) + ")")
        if about:
            ids = self.names.ids(about)
            if not ids:
                return []
            where.append(f"EXISTS (SELECT 1 FROM mentions m WHERE m.article = q.article AND m.entity IN "
                         f"({','.join('?' * len(ids))}) AND m.start_at >= q.start_at AND m.end_at <= q.end_at)")
            params += ids
        sql = ("SELECT a.id, a.title, a.published, a.source, q.text, q.direct, q.speaker_text, q.speaker_id, e.name, "
               "q.speaker_role, q.cue FROM quotations q JOIN articles a ON a.n = q.article "
               "LEFT JOIN entities e ON e.id = q.speaker_id")
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY a.published DESC, q.article DESC, q.start_at LIMIT ?"
        rows = self.all(sql, [*params, int(limit)])
        return [QuoteRow(r[0], r[1], r[2], r[3], r[4], bool(r[5]), *r[6:]) for r in rows]

    def events(self, actor: str | None = None, type: str | None = None, limit: int = 50) -> list[EventRow]:
        where, params = [], []
        if actor:
            ids = self.names.ids(actor)
            if not ids:
                return []
            where.append(f"(ev.actor_id IN ({','.join('?' * len(ids))}))")
            params += ids
        if type:
            type = clean_query(type, 100).strip()
            where.append("(lower(ev.type) = lower(?) OR ev.cameo = ?)")
            params += [type, type]
        sql = ("SELECT a.id, a.title, a.published, a.source, ev.type, ev.cameo, ev.text, ev.trigger_word, ev.actor_id, "
               "ea.name, ev.target_id, et.name, ev.where_id, ev.when_value, ev.polarity FROM events ev "
               "JOIN articles a ON a.n = ev.article LEFT JOIN entities ea ON ea.id = ev.actor_id "
               "LEFT JOIN entities et ON et.id = ev.target_id")
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY a.published DESC, ev.article DESC, ev.start_at LIMIT ?"
        out = []
        for r in self.all(sql, [*params, int(limit)]):
            when = json.loads(r[13]) if r[13] else None
            out.append(EventRow(*r[:13], when, r[14]))
        return out

    # -- search (planned by `planner.QueryPlanner`) ----------------------------
    def query_groups(self, query: str) -> Groups:
        """The query as AND-parts; a run of words that names an entity becomes an OR over its spellings."""
        return self.planner.groups(query)

    def search_rows(self, query: str, entity=None, speaker=None, topic=None, source=None,
                    date_from=None, date_to=None, limit: int = 20, offset: int = 0) -> tuple[list[tuple], Groups]:
        return self.planner.search(query, entity, speaker, topic, source, date_from, date_to, limit, offset)

    # -- trends ----------------------------------------------------------------
    def entity_days(self, ids: list[str]) -> list[tuple[str, int]]:
        marks = ",".join("?" * len(ids))
        return [(d, int(c)) for d, c in self.all(
            f"SELECT day, count(*) FROM mentions WHERE entity IN ({marks}) AND day IS NOT NULL GROUP BY day ORDER BY day", ids)]

    def term_days(self, query: str) -> list[tuple[str, int]]:
        return self.planner.term_days(query)

    # -- stories (grouped by `stories`) -----------------------------------------
    def rebuild_stories(self, threshold: float | None = None) -> int:
        """Regroup the stored signatures into stories with `marsad.dedup`; returns the group count."""
        return _stories.rebuild_stories(self, threshold)

    def stories(self, min_size: int = 2, limit: int = 50, cross_source: bool = False) -> list[Story]:
        return _stories.stories(self, min_size, limit, cross_source)


def _child_rows(ns: list[int], fresh: list[ArticleRows]) -> dict[str, list[tuple]]:
    """The annotation rows of newly inserted articles (row numbers `ns`), per table."""
    rows: dict[str, list[tuple]] = {k: [] for k in CHILD_SQL}
    for n, r in zip(ns, fresh):
        day = r.article["day"]
        rows["entities"] += r.entities
        rows["spellings"] += r.spellings
        rows["article_entities"] += [(n, e, m, role, day) for e, m, role in r.article_entities]
        rows["mentions"] += [(n, *m, day) for m in r.mentions]
        rows["quotations"] += [(n, t, s_, e, int(d), st, si, sr, c) for t, s_, e, d, st, si, sr, c in r.quotations]
        rows["events"] += [(n, *e) for e in r.events]
        rows["timexes"] += [(n, *t) for t in r.timexes]
        rows["keywords"] += [(n, *k) for k in r.keywords]
        rows["topics"] += [(n, *t) for t in r.topics]
        if r.signature:
            rows["signatures"].append((n, r.signature))
    for table in ("spellings", "entities", "article_entities"):
        rows[table] = _merged(table, rows[table])
    return rows


def _merged(table: str, got: list[tuple]) -> list[tuple]:
    """The rows shared between articles, once each, as their upsert or ON CONFLICT would leave them."""
    if table == "spellings":  # one upsert per key, in a stable order (no deadlocks between writers)
        acc: dict[tuple, list] = {}
        for e, norm, text, c in got:
            if (e, text) in acc:
                acc[(e, text)][1] += c
            else:
                acc[(e, text)] = [norm, c]
        return sorted((e, norm, text, c) for (e, text), (norm, c) in acc.items())
    if table == "entities":
        return sorted({r_[0]: r_ for r_ in got}.values())
    # article_entities: an article's entity once (the first row, as ON CONFLICT kept it)
    first: dict[tuple, tuple] = {}
    for r_ in got:
        first.setdefault((r_[0], r_[1]), r_)
    return list(first.values())


def _article(doc: str, body: str):
    """An Article from its stored JSON (kept without `text`) and its body."""
    from ..article import Article

    art = Article.from_json(doc)
    art.text = body if body is not None else art.text
    return art
