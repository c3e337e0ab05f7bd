"""PostgreSQL store (psycopg 3): the same tables, a tsvector of marsad's own search terms with a GIN index.

The tsvector is written as a literal (lexeme:positions) and queries are cast to
tsquery from quoted terms, so PostgreSQL's text-search parser and its locale never
touch the Arabic: both sides use exactly marsad's normalised, light-stemmed terms.
"""
from __future__ import annotations

import re

from ..errors import MarsadError
from .schema import POSTGRES
from .planner import Groups
from .store import CHILD_SQL, SQLStore

# column lists of the annotation tables, as the shared INSERT statements name them
_COLUMNS = {t: re.match(r"INSERT INTO \w+\(([^)]*)\)", sql).group(1) for t, sql in CHILD_SQL.items()}
# The two tables whose rows are shared between articles are upserted from arrays (one
# statement per batch); the others only ever gain rows and are loaded with COPY.
_UPSERT = {
    "entities": "INSERT INTO entities(id, name, type, name_ar, wikidata) "
                "SELECT * FROM unnest(%s::text[], %s::text[], %s::text[], %s::text[], %s::text[]) "
                "ON CONFLICT (id) DO NOTHING",
    "spellings": "INSERT INTO spellings(entity, norm, text, count) "
                 "SELECT * FROM unnest(%s::text[], %s::text[], %s::text[], %s::bigint[]) "
                 "ON CONFLICT (entity, text) DO UPDATE SET count = spellings.count + excluded.count",
}
_POSITIONS = [str(i) for i in range(16001)]


def tsquery(groups: Groups, any_part: bool = False) -> str:
    parts = []
    for alts in groups:
        ors = ["(" + " & ".join(f"'{t}'" for t in alt) + ")" for alt in alts]
        parts.append("(" + " | ".join(ors) + ")")
    return (" | " if any_part else " & ").join(parts)


def tsvector(terms: str) -> str:
    """A tsvector literal (lexeme:positions) of space-joined terms; positions stop at 16383, 256 per lexeme."""
    positions: dict[str, list[str]] = {}
    for t, i in zip(terms.split()[:16000], _POSITIONS[1:]):
        p = positions.get(t)
        if p is None:
            positions[t] = [i]
        elif len(p) < 256:
            p.append(i)
    return " ".join([f"'{t}':{','.join(p)}" for t, p in positions.items()])


class PostgresStore(SQLStore):
    dialect = POSTGRES
    placeholder = "%s"

    def _connect(self):
        try:
            import psycopg
        except ImportError:  # pragma: no cover - psycopg is a dependency
            raise MarsadError("PostgreSQL needs psycopg: pip install 'psycopg[binary]'") from None
        try:
            conn = psycopg.connect(self.url, autocommit=True, connect_timeout=10)
        except psycopg.Error as e:
            msg = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
            raise MarsadError(f"cannot connect to PostgreSQL: {msg}") from None
        # Searches are short queries; with scans switched off their estimated costs are huge,
        # which would make PostgreSQL compile them (JIT) for tens of milliseconds each time.
        try:
            conn.execute("SET jit = off")
        except psycopg.Error:  # a server built without JIT support has the setting all the same
            pass
        # Bodies, documents and tsvectors are compressed as they are stored: lz4 takes a
        # third less server CPU per ingested article than the default pglz, at the same size.
        try:
            conn.execute("SET default_toast_compression = lz4")
        except psycopg.Error:  # a server built without lz4
            pass
        return conn

    def begin(self) -> None:
        self.conn.execute("BEGIN")

    def commit(self) -> None:
        self.conn.execute("COMMIT")

    def rollback(self) -> None:
        try:
            self.conn.execute("ROLLBACK")
        except Exception:
            pass

    def _migrate(self) -> None:
        # one process at a time creates the schema
        self.conn.execute("SELECT pg_advisory_lock(7171)")
        try:
            super()._migrate()
        finally:
            self.conn.execute("SELECT pg_advisory_unlock(7171)")

    # The tsvectors live in a table of their own, so the GIN matches are checked against
    # its rows (n and the tsvector, about a dozen to a heap page) and never touch the
    # `articles` rows; the window below is what keeps a common word's heap visits few.
    SEARCH_TABLE = ["CREATE TABLE IF NOT EXISTS search_terms (n BIGINT PRIMARY KEY, terms tsvector NOT NULL)",
                    "CREATE INDEX IF NOT EXISTS search_terms_gin ON search_terms USING GIN (terms)"]

    def _extra_schema(self) -> list[str]:
        return list(self.SEARCH_TABLE)

    def _split_search_terms(self, cur) -> None:
        """Schema 4: move `articles.terms` (schemas 1-3) into `search_terms`."""
        for s in self.SEARCH_TABLE:
            cur.execute(s)
        cur.execute("SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() "
                    "AND table_name = 'articles' AND column_name = 'terms'")
        if cur.fetchone():
            cur.execute("INSERT INTO search_terms(n, terms) SELECT n, terms FROM articles WHERE terms IS NOT NULL "
                        "ON CONFLICT (n) DO NOTHING")
            cur.execute("DROP INDEX IF EXISTS articles_terms")
            cur.execute("ALTER TABLE articles DROP COLUMN terms")

    # Bulk writes. Row by row (a statement per article and per annotation row), psycopg and
    # the server's executor took about a fifth as much CPU as the analysis itself; COPY
    # and one array upsert per shared table take about a third of that.
    def _insert_articles(self, cur, fresh) -> list[int]:
        if not fresh:
            return []
        cur.execute("SELECT nextval(pg_get_serial_sequence('articles', 'n')) FROM generate_series(1, %s)", [len(fresh)])
        ns = sorted(r[0] for r in cur.fetchall())
        cols = list(fresh[0].article)
        with cur.copy(f"COPY articles(n, {', '.join(cols)}) FROM STDIN") as cp:
            for n, r in zip(ns, fresh):
                a = r.article
                cp.write_row([n, *[a[c] for c in cols]])
        return ns

    def _index_many(self, cur, pairs) -> None:
        with cur.copy("COPY search_terms(n, terms) FROM STDIN") as cp:
            for n, r in pairs:
                cp.write_row((n, tsvector(r.terms)))

    def _insert_rows(self, cur, table: str, rows: list[tuple]) -> None:
        if table in _UPSERT:
            cur.execute(_UPSERT[table], [list(col) for col in zip(*rows)])
            return
        with cur.copy(f"COPY {table}({_COLUMNS[table]}) FROM STDIN") as cp:
            for r in rows:
                cp.write_row(r)

    # Ranking reads (de-TOASTs) every candidate's tsvector, about 10 µs each; so the matches
    # are collected from the GIN index as bare row numbers, and only the newest CANDIDATES
    # of them are ranked. Collecting a common word's matches over the whole table still
    # visits nearly every heap page, so they are first collected among the newest WINDOW
    # articles only (a bitmap AND of the GIN index and a primary-key range): when that
    # finds CANDIDATES matches they are the newest ones, the same as a whole-table scan
    # would give; otherwise (a rarer word, a narrow filter) the whole table is searched.
    # The planner does not price de-TOASTing and would otherwise scan and decompress the
    # table or walk the key index row by row, so those plans are off for this query.
    CANDIDATES = 500
    WINDOW = 10_000
    _NO_SCANS = "SET enable_seqscan = off; SET enable_mergejoin = off; SET enable_hashjoin = off"
    _RESET = "RESET enable_seqscan; RESET enable_indexscan; RESET enable_mergejoin; RESET enable_hashjoin"

    def _candidates(self, tq: str, where: list[str], params: list) -> list[int]:
        source = "search_terms t JOIN articles a ON a.n = t.n" if where else "search_terms t"

        def newest(extra: list[str], extra_params: list) -> list[int]:
            cond = " AND ".join(["t.terms @@ CAST(%s AS tsquery)", *extra, *where])
            sql = (f"WITH m AS MATERIALIZED (SELECT t.n FROM {source} WHERE {cond}) "
                   "SELECT n FROM m ORDER BY n DESC LIMIT %s")
            return [r[0] for r in self.all(sql, [tq, *extra_params, *params, self.CANDIDATES])]

        top = self.one("SELECT n FROM search_terms ORDER BY n DESC LIMIT 1")
        top = top[0] if top else 0
        self.conn.execute(self._NO_SCANS + "; SET enable_indexscan = off")  # bitmap scans only
        if top > 2 * self.WINDOW:
            found = newest(["t.n > %s"], [top - self.WINDOW])
            if len(found) >= self.CANDIDATES:
                return found
        return newest([], [])

    def _match(self, groups, where, params, limit, offset, any_part=False):
        tq = tsquery(groups, any_part)
        try:
            cands = self._candidates(tq, where, params)
            if not cands:
                return []
            self.conn.execute("RESET enable_indexscan")
            sql = ("WITH r AS (SELECT t.n, ts_rank(t.terms, CAST(%s AS tsquery), 1) AS s "
                   "FROM unnest(CAST(%s AS bigint[])) AS c(n) JOIN search_terms t ON t.n = c.n "
                   "ORDER BY s DESC, t.n DESC LIMIT %s OFFSET %s) "
                   "SELECT a.n, a.id, a.title, a.published, a.source, a.url, a.body, r.s FROM r JOIN articles a ON a.n = r.n "
                   "ORDER BY r.s DESC, r.n DESC")
            return self.all(sql, [tq, cands, limit, offset])
        finally:
            self.conn.execute(self._RESET)

    def _match_days(self, groups):
        rows = self.all("SELECT a.day, count(*) FROM search_terms t JOIN articles a ON a.n = t.n "
                        "WHERE t.terms @@ CAST(%s AS tsquery) AND a.day IS NOT NULL "
                        "GROUP BY a.day ORDER BY a.day", [tsquery(groups)])
        return [(d, int(c)) for d, c in rows]

    def optimize(self) -> None:
        """Fresh planner statistics (the tsvector selectivity decides GIN scan versus newest-first scan)."""
        self.conn.execute("ANALYZE")

    def size_bytes(self) -> int:
        return int(self.one("SELECT pg_database_size(current_database())")[0])
