"""PostgreSQL store (psycopg 3): the same tables, a tsvector of marsad's own search terms with a GIN index.

The tsvector is written as a literal (lexeme:positions) and queries are cast to
tsquery from quoted terms, so PostgreSQL's text-search parser and its locale never
touch the Arabic: both sides use exactly marsad's normalised, light-stemmed terms.
"""
from __future__ import annotations

from ..errors import MarsadError
from .schema import POSTGRES
from .store import Groups, SQLStore


def tsquery(groups: Groups, any_part: bool = False) -> str:
    parts = []
    for alts in groups:
        ors = ["(" + " & ".join(f"'{t}'" for t in alt) + ")" for alt in alts]
        parts.append("(" + " | ".join(ors) + ")")
    return (" | " if any_part else " & ").join(parts)


def tsvector(terms: str) -> str:
    """A tsvector literal (lexeme:positions) of space-joined terms; positions stop at 16383, 256 per lexeme."""
    positions: dict[str, list[str]] = {}
    for i, t in enumerate(terms.split()[:16000], 1):
        p = positions.setdefault(t, [])
        if len(p) < 256:
            p.append(str(i))
    return " ".join(f"'{t}':{','.join(p)}" for t, p in positions.items())


class PostgresStore(SQLStore):
    dialect = POSTGRES
    placeholder = "%s"

    def _connect(self):
        try:
            import psycopg
        except ImportError:  # pragma: no cover - psycopg is a dependency
            raise MarsadError("PostgreSQL needs psycopg: pip install 'psycopg[binary]'") from None
        try:
            return psycopg.connect(self.url, autocommit=True, connect_timeout=10)
        except psycopg.Error as e:
            msg = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
            raise MarsadError(f"cannot connect to PostgreSQL: {msg}") from None

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

    def _extra_schema(self) -> list[str]:
        return ["ALTER TABLE articles ADD COLUMN IF NOT EXISTS terms tsvector",
                "CREATE INDEX IF NOT EXISTS articles_terms ON articles USING GIN (terms)"]

    def _insert_article(self, cur, rows) -> int:
        row = dict(rows.article)
        cols = list(row)
        cur.execute(f"INSERT INTO articles({', '.join(cols)}, terms) VALUES ({', '.join(['%s'] * len(cols))}, %s::tsvector) "
                    "RETURNING n", [*(row[c] for c in cols), tsvector(rows.terms)])
        return cur.fetchone()[0]

    def _index(self, cur, n: int, rows) -> None:
        pass  # the tsvector went in with the row

    # Ranking reads (de-TOASTs) every candidate's tsvector, about 10 µs each; so the matches
    # are collected from the GIN index as bare row numbers, and only the newest CANDIDATES
    # of them are ranked. The planner does
    # not price de-TOASTing and would otherwise scan and decompress the whole table (or
    # merge-join over it), so sequential scans and merge/hash joins are off for this query.
    CANDIDATES = 500

    def _match(self, groups, where, params, limit, offset, any_part=False):
        cond = " AND ".join(["a.terms @@ CAST(%s AS tsquery)", *where])
        sql = (f"WITH m AS MATERIALIZED (SELECT a.n FROM articles a WHERE {cond}), "
               "c AS (SELECT n FROM m ORDER BY n DESC LIMIT %s), "
               "r AS (SELECT a.n, ts_rank_cd(a.terms, CAST(%s AS tsquery), 1) AS s FROM c JOIN articles a ON a.n = c.n "
               "ORDER BY s DESC, a.n DESC LIMIT %s OFFSET %s) "
               "SELECT a.n, a.id, a.title, a.published, a.source, a.url, a.body, r.s FROM r JOIN articles a ON a.n = r.n "
               "ORDER BY r.s DESC, r.n DESC")
        tq = tsquery(groups, any_part)
        self.conn.execute("SET enable_seqscan = off; SET enable_mergejoin = off; SET enable_hashjoin = off")
        try:
            return self.all(sql, [tq, *params, self.CANDIDATES, tq, limit, offset])
        finally:
            self.conn.execute("RESET enable_seqscan; RESET enable_mergejoin; RESET enable_hashjoin")

    def _match_days(self, groups):
        rows = self.all("SELECT a.day, count(*) FROM articles a WHERE a.terms @@ CAST(%s AS tsquery) AND a.day IS NOT NULL "
                        "GROUP BY a.day ORDER BY a.day", [tsquery(groups)])
        return [(d, int(c)) for d, c in rows]

    def optimize(self) -> None:
        """Fresh planner statistics (the tsvector selectivity decides GIN scan versus newest-first scan)."""
        self.conn.execute("ANALYZE")

    def size_bytes(self) -> int:
        return int(self.one("SELECT pg_database_size(current_database())")[0])
