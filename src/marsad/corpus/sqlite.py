"""SQLite store: one file, WAL journal, FTS5 index over marsad's own search terms."""
from __future__ import annotations

import os
import sqlite3

from ..errors import MarsadError
from .schema import SQLITE
from .planner import Groups
from .store import SQLStore


def fts_expression(groups: Groups, any_part: bool = False) -> str:
    """An FTS5 MATCH string built only from our own terms, each double-quoted."""
    parts = []
    for alts in groups:
        ors = ["(" + " AND ".join(f'"{t}"' for t in alt) + ")" for alt in alts]
        parts.append("(" + " OR ".join(ors) + ")")
    return (" OR " if any_part else " AND ").join(parts)


class SQLiteStore(SQLStore):
    dialect = SQLITE

    def __init__(self, path: str):
        self.path = path
        super().__init__(path)

    def _connect(self):
        d = os.path.dirname(os.path.abspath(self.path))
        if not os.path.isdir(d):
            raise MarsadError(f"{self.path}: directory {d} does not exist")
        try:
            conn = sqlite3.connect(self.path, isolation_level=None, timeout=30, check_same_thread=False)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=OFF")
            conn.execute("PRAGMA cache_size=-16384")
            conn.execute("PRAGMA temp_store=MEMORY")
        except sqlite3.DatabaseError as e:
            raise MarsadError(f"{self.path}: not a marsad corpus ({e})") from None
        return conn

    def begin(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")

    def commit(self) -> None:
        self.conn.execute("COMMIT")

    def rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def _extra_schema(self) -> list[str]:
        return ["CREATE VIRTUAL TABLE IF NOT EXISTS article_fts USING fts5(terms, content='', "
                "tokenize='unicode61 remove_diacritics 0')"]

    def _insert_articles(self, cur, fresh) -> list[int]:
        ns = []
        for r in fresh:  # each row number comes back from its own insert (in-process: cheap)
            row = r.article
            cols = list(row)
            cur.execute(f"INSERT INTO articles({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                        [row[c] for c in cols])
            ns.append(cur.lastrowid)
        return ns

    def _index_many(self, cur, pairs) -> None:
        cur.executemany("INSERT INTO article_fts(rowid, terms) VALUES (?, ?)", [(n, r.terms) for n, r in pairs])

    # BM25 costs a few µs per matching row; a query whose words are in most articles would
    # rank the whole corpus. Only the newest CANDIDATES matches are ranked: their lowest
    # rowid is found first by walking the index newest-first (cheap), then bounds the ranking.
    CANDIDATES = 3000
    def _match(self, groups, where, params, limit, offset, any_part=False):
        expr = fts_expression(groups, any_part)
        join = " JOIN articles a ON a.n = article_fts.rowid" if where else ""
        cond = " AND ".join(["article_fts MATCH ?", *where])
        args = [expr, *params]
        floor = self.one(f"SELECT article_fts.rowid FROM article_fts{join} WHERE {cond} "
                         "ORDER BY article_fts.rowid DESC LIMIT 1 OFFSET ?", [*args, self.CANDIDATES - 1])
        bound = " AND article_fts.rowid >= ?" if floor else ""
        # rank on the index alone (rowid and score), then fetch the few winning rows: sorting
        # whole article rows would drag every matching body through the sorter
        inner = (f"SELECT article_fts.rowid AS n, bm25(article_fts) AS s FROM article_fts{join} WHERE {cond}{bound} "
                 "ORDER BY s LIMIT ? OFFSET ?")
        sql = (f"SELECT a.n, a.id, a.title, a.published, a.source, a.url, a.body, -r.s FROM ({inner}) r "
               "JOIN articles a ON a.n = r.n ORDER BY r.s")
        return self.all(sql, [*args, *([floor[0]] if floor else []), limit, offset])

    def _match_days(self, groups):
        rows = self.all("SELECT a.day, count(*) FROM article_fts JOIN articles a ON a.n = article_fts.rowid "
                        "WHERE article_fts MATCH ? AND a.day IS NOT NULL GROUP BY a.day ORDER BY a.day",
                        [fts_expression(groups)])
        return [(d, int(c)) for d, c in rows]

    def optimize(self) -> None:
        self.conn.execute("PRAGMA optimize")
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def size_bytes(self) -> int:
        return sum(os.path.getsize(p) for p in (self.path, self.path + "-wal") if os.path.exists(p))
