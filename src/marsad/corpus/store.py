"""The Store: one interface over SQLite and PostgreSQL.

`SQLStore` holds every query in the common SQL subset (written with `?`
placeholders); the two subclasses supply the connection, the full-text index and
the ranked match. The Corpus API (`marsad.corpus.Corpus`) is the public face; a
Store is what it talks to.
"""
from __future__ import annotations

import datetime as _dt
import json
from typing import Iterable, Iterator

from ..arabic import normalize
from ..errors import MarsadError
from .records import EntityRef, EventRow, QuoteRow, Story, StoryArticle
from .rows import ArticleRows
from .schema import MIGRATIONS, STORE_SCHEMA_VERSION, statements
from .search_terms import STOP_WORDS, clean_query, name_keys, query_terms, terms

# Query alternatives: AND over parts, OR over the alternatives of a part, AND over an alternative's terms.
Groups = list[list[list[str]]]


_CHILD_SQL = {
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
            self._set_meta(cur, "schema_version", str(version))
            self.commit()
        except Exception:
            self.rollback()
            raise

    def _set_meta(self, cur, key: str, value: str) -> None:
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
        rows: dict[str, list[tuple]] = {k: [] for k in _CHILD_SQL}
        self.begin()
        try:
            fresh = self._fresh(cur, batch)
            ns = self._insert_articles(cur, fresh)
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
            if fresh:
                self._index_many(cur, list(zip(ns, fresh)))
            for table in _CHILD_SQL:
                got = rows[table]
                if not got:
                    continue
                if table == "spellings":  # one upsert per key, in a stable order (no deadlocks between writers)
                    acc: dict[tuple, list] = {}
                    for e, norm, text, c in got:
                        if (e, text) in acc:
                            acc[(e, text)][1] += c
                        else:
                            acc[(e, text)] = [norm, c]
                    got = sorted((e, norm, text, c) for (e, text), (norm, c) in acc.items())
                elif table == "entities":
                    got = sorted({r_[0]: r_ for r_ in got}.values())
                elif table == "article_entities":  # an article's entity once (the first row, as ON CONFLICT kept it)
                    first: dict[tuple, tuple] = {}
                    for r_ in got:
                        first.setdefault((r_[0], r_[1]), r_)
                    got = list(first.values())
                self._insert_rows(cur, table, got)
            if fresh:
                self._set_meta(cur, "stories_stale", "1")
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
        cur.executemany(self.q(_CHILD_SQL[table]), rows)

    # -- reading: articles -------------------------------------------------
    def get_article(self, article_id: str):
        from ..article import Article

        r = self.one("SELECT doc, body FROM articles WHERE id = ?", [clean_query(str(article_id), 1000)])
        return _article(r[0], r[1]) if r else None

    def iter_articles(self, batch: int = 500) -> Iterator:
        """Every stored Article, in ingest order, fetched in batches (bounded memory)."""
        from ..article import Article

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
        name = clean_query(name, 300).strip()
        if not name:
            return []
        ids: list[str] = []
        keys = name_keys(name)
        kb = _kb_ids(name)
        if keys:
            marks = ",".join("?" * len(keys))
            ids += [r[0] for r in self.all(f"SELECT DISTINCT entity FROM spellings WHERE norm IN ({marks})", keys)]
        ids += [r[0] for r in self.all("SELECT id FROM entities WHERE id = ? OR lower(name) = lower(?) OR wikidata = ?",
                                       [name, name, name])]
        ids += kb
        ids = list(dict.fromkeys(ids))
        if not ids:
            return []
        refs = self.entity_refs(ids)
        refs.sort(key=lambda e: -e.articles)
        return refs[:limit]

    def entity_refs(self, ids: list[str]) -> list[EntityRef]:
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        counts = dict(self.all(f"SELECT entity, count(*) FROM article_entities WHERE entity IN ({marks}) GROUP BY entity", ids))
        rows = self.all(f"SELECT id, name, name_ar, type, wikidata FROM entities WHERE id IN ({marks})", ids)
        return [EntityRef(i, nm, ar, t, wd, int(counts.get(i, 0))) for i, nm, ar, t, wd in rows]

    def _ids(self, name: str | None) -> list[str]:
        return [e.id for e in self.resolve(name)] if name else []

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
            ids = self._ids(speaker)
            texts = [s["text"] for s in self.spellings(ids, 200)] if ids else []
            texts = list(dict.fromkeys(texts + [clean_query(speaker, 300).strip()]))
            cond = [f"q.speaker_text IN ({','.join('?' * len(texts))})"]
            params += texts
            if ids:
                cond.append(f"q.speaker_id IN ({','.join('?' * len(ids))})")
                params += ids
            where.append("(" + " OR ".join(cond) + ")")
        if about:
            ids = self._ids(about)
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
            ids = self._ids(actor)
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

    # -- search --------------------------------------------------------------
    def _names_to_ids(self, names: list[str]) -> dict[str, list[str]]:
        """Entity ids (present in this store) for each of several names, with a few batched queries."""
        keys = {n: name_keys(n) for n in names}
        all_keys = sorted({k for ks in keys.values() for k in ks})
        by_key: dict[str, list[str]] = {}
        for i in range(0, len(all_keys), 400):
            chunk = all_keys[i:i + 400]
            for norm, ent in self.all(f"SELECT DISTINCT norm, entity FROM spellings WHERE norm IN ({','.join('?' * len(chunk))})",
                                      chunk):
                by_key.setdefault(norm, []).append(ent)
        lows = sorted({n.lower() for n in names})
        by_name: dict[str, list[str]] = {}
        if lows:
            for eid, lname, wd in self.all(
                    f"SELECT id, lower(name), wikidata FROM entities WHERE lower(name) IN ({','.join('?' * len(lows))}) "
                    f"OR id IN ({','.join('?' * len(names))}) OR wikidata IN ({','.join('?' * len(names))})",
                    [*lows, *names, *names]):
                for k in {lname, eid, wd}:
                    if k:
                        by_name.setdefault(k.lower(), []).append(eid)
        kb = {n: _kb_ids(n) for n in names}
        kb_all = sorted({i for ids in kb.values() for i in ids})
        present = set()
        for i in range(0, len(kb_all), 400):
            chunk = kb_all[i:i + 400]
            present.update(r[0] for r in self.all(f"SELECT id FROM entities WHERE id IN ({','.join('?' * len(chunk))})", chunk))
        out = {}
        for n in names:
            ids = [e for k in keys[n] for e in by_key.get(k, [])] + by_name.get(n.lower(), [])
            ids += [i for i in kb[n] if i in present]
            out[n] = list(dict.fromkeys(ids))
        # A single word names an entity only when it is the entity's own (Arabic or English)
        # name or a knowledge-base form: an annotator's stray spelling such as `عام` must not
        # turn a common word into an OR over some entity's names. Nor may a spelling-variant
        # key of one or two consonants (`السويس` and `السيسي` are both `س`).
        single = {n: ids for n, ids in out.items() if ids and " " not in n.strip()}
        if single:
            refs = {e.id: e for e in self.entity_refs(sorted({i for ids in single.values() for i in ids}))}
            for n, ids in single.items():
                ks = set(keys[n])
                strong = _kb_ids(n, loose=_key_is_specific(n))
                out[n] = [i for i in ids if i in strong or i in by_name.get(n.lower(), [])
                          or (refs.get(i) and refs[i].name_ar and ks & set(name_keys(refs[i].name_ar)))]
        return out

    def query_groups(self, query: str) -> Groups:
        """The query as AND-parts; a run of words that names an entity becomes an OR over its spellings."""
        words = [w for w in clean_query(query).split() if w.strip()]
        parts: Groups = []
        known: dict[str, list[str]] = {}
        if 0 < len(words) <= 8:
            # a run of function words (`بين`, `على`) never names an entity, whatever an
            # entity's spellings look like
            chunks = [" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, min(len(words), i + 4) + 1)
                      if not all(normalize(w) in STOP_WORDS for w in words[i:j])]
            known = self._names_to_ids(list(dict.fromkeys(chunks)))
        i = 0
        while i < len(words):
            matched = False
            for j in range(min(len(words), i + 4), i, -1) if known else ():
                chunk = " ".join(words[i:j])
                ids = known.get(chunk)
                if not ids:
                    continue
                names = [s["text"] for s in self.spellings(ids, 12, seen_only=True)] + kb_names(ids)
                alts = [terms(chunk)] + [terms(n) for n in names]
                uniq = list(dict.fromkeys(tuple(a) for a in alts if a))
                if uniq:
                    parts.append([list(a) for a in uniq])
                    i = j
                    matched = True
                    break
            if not matched:
                for t in query_terms(words[i]):
                    parts.append([[t]])
                i += 1
        # drop parts made only of function words when the query has content words
        content = query_terms(query)
        if content:
            keep = set(content)
            parts = [p for p in parts if len(p) > 1 or any(t in keep for t in p[0])]
        seen, out = set(), []
        for p in parts:
            key = tuple(tuple(a) for a in p)
            if key not in seen:
                seen.add(key)
                out.append(p)
        return out[:32]

    def search_rows(self, query: str, entity=None, speaker=None, topic=None, source=None,
                    date_from=None, date_to=None, limit: int = 20, offset: int = 0) -> tuple[list[tuple], Groups]:
        where, params = [], []
        for name, table, col in ((entity, "article_entities", "entity"),):
            if name:
                ids = self._ids(name)
                if not ids:
                    return [], []
                where.append(f"a.n IN (SELECT article FROM {table} WHERE {col} IN ({','.join('?' * len(ids))}))")
                params += ids
        if speaker:
            ids = self._ids(speaker)
            cond, sp = ["speaker_text = ?"], [clean_query(speaker, 300).strip()]
            if ids:
                cond.append(f"speaker_id IN ({','.join('?' * len(ids))})")
                sp += ids
            where.append(f"a.n IN (SELECT article FROM quotations WHERE {' OR '.join(cond)})")
            params += sp
        if topic:
            where.append("a.n IN (SELECT article FROM topics WHERE lower(label) = lower(?))")
            params.append(clean_query(topic, 200).strip())
        if source:
            where.append("lower(a.source) = lower(?)")
            params.append(clean_query(source, 300).strip())
        if date_from:
            where.append("a.day >= ?")
            params.append(_day(date_from, "--from"))
        if date_to:
            where.append("a.day <= ?")
            params.append(_day(date_to, "--to"))
        groups = self.query_groups(query or "")
        limit = max(1, min(int(limit), 1000))
        if groups:
            rows = self._match(groups, where, params, limit, int(offset))
            if not rows and len(groups) > 1 and not offset:
                # no article has every word: rank those that have some (BM25 puts the most matched first)
                rows = self._match(groups, where, params, limit, 0, any_part=True)
            return rows, groups
        if (query or "").strip() and not groups:
            return [], []  # nothing searchable in the query (punctuation only)
        sql = "SELECT a.n, a.id, a.title, a.published, a.source, a.url, a.body, 0.0 FROM articles a"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY a.published DESC, a.n DESC LIMIT ? OFFSET ?"
        return self.all(sql, [*params, limit, int(offset)]), []

    # -- trends ----------------------------------------------------------------
    def entity_days(self, ids: list[str]) -> list[tuple[str, int]]:
        marks = ",".join("?" * len(ids))
        return [(d, int(c)) for d, c in self.all(
            f"SELECT day, count(*) FROM mentions WHERE entity IN ({marks}) AND day IS NOT NULL GROUP BY day ORDER BY day", ids)]

    def term_days(self, query: str) -> list[tuple[str, int]]:
        groups = self.query_groups(query)
        return self._match_days(groups) if groups else []

    # -- stories ---------------------------------------------------------------
    def rebuild_stories(self, threshold: float | None = None) -> int:
        """Regroup the stored signatures into stories with `marsad.dedup` (the single-machine
        detector's shingles, LSH and threshold, as the Spark job uses); returns the group count."""
        import numpy as np

        from ..dedup import NUM_PERM, THRESHOLD, group_signatures

        width = NUM_PERM * 4
        keys: list[int] = []
        chunks: list[bytes] = []
        last = 0
        while True:
            rows = self.all("SELECT article, sig FROM signatures WHERE article > ? ORDER BY article LIMIT 5000", [last])
            if not rows:
                break
            for n, s in rows:
                s = bytes(s) if s is not None else b""
                if len(s) == width:  # b"" (no words) and other formats are never copies
                    keys.append(n)
                    chunks.append(s)
            last = rows[-1][0]
        sigs = np.frombuffer(b"".join(chunks), dtype=np.uint32).reshape(len(keys), NUM_PERM)
        del chunks
        groups = [[keys[i] for i in g] for g in group_signatures(sigs, THRESHOLD if threshold is None else threshold)]
        cur = self.conn.cursor()
        self.begin()
        try:
            cur.execute("DELETE FROM stories")
            rows = [(n, min(g)) for g in groups for n in g]
            for i in range(0, len(rows), 5000):
                cur.executemany(self.q("INSERT INTO stories(article, story) VALUES (?, ?)"), rows[i:i + 5000])
            self._set_meta(cur, "stories_stale", "0")
            self.commit()
        except BaseException:
            self.rollback()
            raise
        return len(groups)

    def stories(self, min_size: int = 2, limit: int = 50, cross_source: bool = False) -> list[Story]:
        if self.meta("stories_stale") == "1":
            self.rebuild_stories()
        rows = self.all("SELECT s.story, count(*) AS c, count(DISTINCT a.source) AS ns, min(a.published) AS p FROM stories s "
                        "JOIN articles a ON a.n = s.article GROUP BY s.story HAVING count(*) >= ? "
                        + ("AND count(DISTINCT a.source) >= 2 " if cross_source else "")
                        + "ORDER BY c DESC, p DESC LIMIT ?", [int(min_size), int(limit)])
        out = []
        for sid, c, _ns, first in rows:
            arts = self.all("SELECT a.id, a.title, a.published, a.source, a.url FROM stories s JOIN articles a ON a.n = s.article "
                            "WHERE s.story = ? ORDER BY a.published, a.n", [sid])
            sources = sorted({r[3] for r in arts if r[3]})
            out.append(Story(int(sid), int(c), sources, first, [StoryArticle(*r) for r in arts]))
        return out


def _article(doc: str, body: str):
    """An Article from its stored JSON (kept without `text`) and its body."""
    from ..article import Article

    art = Article.from_json(doc)
    art.text = body if body is not None else art.text
    return art


def _day(value: str, flag: str) -> str:
    from ..dates import parse_date_text

    v = clean_query(str(value), 100).strip()
    try:
        return _dt.date.fromisoformat(v[:10]).isoformat()
    except ValueError:
        pass
    got = parse_date_text(v)
    if got is None:
        raise MarsadError(f"{flag} {value!r} is not a date (use YYYY-MM-DD)")
    return str(got)[:10]


def _kb():
    """The entities knowledge base when this build has one (branch `entities`), else None."""
    try:
        from ..entities import get_kb
    except ImportError:
        return None
    try:
        return get_kb()
    except Exception:  # a broken KB must not break search
        return None


def _key_is_specific(name: str) -> bool:
    """Is the name's spelling-variant key long enough (3+ consonants) to stand for a name?"""
    from ..arabic.variants import variant_key

    return len(variant_key(name)) >= 3


def _kb_ids(name: str, loose: bool = True) -> list[str]:
    """Entity ids the knowledge base gives for a name (strong forms, and with `loose`
    spelling-variant keys)."""
    kb = _kb()
    if kb is None:
        return []
    try:
        ids = [i for i, weak in kb.lookup(normalize(name)) if not weak]
        if loose:
            ids += list(kb.by_key(name))
    except Exception:
        return []
    return list(dict.fromkeys(ids))


def kb_names(ids: list[str]) -> list[str]:
    """Every name the knowledge base knows for these entities (Arabic forms and English aliases)."""
    kb = _kb()
    out: list[str] = []
    if kb is None:
        return out
    for i in ids:
        e = kb.get(i)
        if e is not None:
            out += [n for n in [e.ar, *e.ar_aliases, e.name, *e.en_aliases] if n]
    return out
