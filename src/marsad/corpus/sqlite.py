"""SQLite store: one file, WAL journal, FTS5 index over marsad's own search terms."""
from __future__ import annotations

import os
import sqlite3

from ..errors import MarsadError
from .schema import SQLITE
from .store import Groups, SQLStore


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
            conn.execute("PRAGMA cache_size=-65536")
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

    def _insert_article(self, cur, rows) -> int:
        row = rows.article
        cols = list(row)
        cur.execute(f"INSERT INTO articles({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})", [row[c] for c in cols])
        return cur.lastrowid

    def _index(self, cur, n: int, rows) -> None:
        cur.execute("INSERT INTO article_fts(rowid, terms) VALUES (?, ?)", [n, rows.terms])

    def _match(self, groups, where, params, limit, offset, any_part=False):
        sql = ("SELECT a.n, a.id, a.title, a.published, a.source, a.url, a.body, -bm25(article_fts) AS s "
               "FROM article_fts JOIN articles a ON a.n = article_fts.rowid WHERE article_fts MATCH ?")
        if where:
            sql += " AND " + " AND ".join(where)
        sql += " ORDER BY bm25(article_fts) LIMIT ? OFFSET ?"
        return self.all(sql, [fts_expression(groups, any_part), *params, limit, offset])

    def _match_days(self, groups):
        rows = self.all("SELECT a.day, count(*) FROM article_fts JOIN articles a ON a.n = article_fts.rowid "
                        "WHERE article_fts MATCH ? AND a.day IS NOT NULL GROUP BY a.day ORDER BY a.day",
                        [fts_expression(groups)])
        return [(d, int(c)) for d, c in rows]

    def size_bytes(self) -> int:
        return sum(os.path.getsize(p) for p in (self.path, self.path + "-wal") if os.path.exists(p))
