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


def tsvector(positions: dict) -> str:
    return " ".join(f"'{t}':{','.join(map(str, p))}" for t, p in positions.items())


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
                    "RETURNING n", [*(row[c] for c in cols), tsvector(rows.term_positions)])
        return cur.fetchone()[0]

    def _index(self, cur, n: int, rows) -> None:
        pass  # the tsvector went in with the row

    def _match(self, groups, where, params, limit, offset, any_part=False):
        sql = ("SELECT a.n, a.id, a.title, a.published, a.source, a.url, a.body, ts_rank_cd(a.terms, q, 1) AS s "
               "FROM articles a, CAST(%s AS tsquery) q WHERE a.terms @@ q")
        if where:
            sql += " AND " + " AND ".join(where)
        sql += " ORDER BY s DESC, a.n DESC LIMIT %s OFFSET %s"
        return self.all(sql, [tsquery(groups, any_part), *params, limit, offset])

    def _match_days(self, groups):
        rows = self.all("SELECT a.day, count(*) FROM articles a WHERE a.terms @@ CAST(%s AS tsquery) AND a.day IS NOT NULL "
                        "GROUP BY a.day ORDER BY a.day", [tsquery(groups)])
        return [(d, int(c)) for d, c in rows]

    def size_bytes(self) -> int:
        return int(self.one("SELECT pg_database_size(current_database())")[0])
