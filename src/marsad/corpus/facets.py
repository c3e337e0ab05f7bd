"""Counts and lists over stored articles that the store has no read for: the facets of a
search, the entities by mentions, and what the demo picks to show.

The SQL is written here, over the store's public `all(sql, params)`, so that the web layer
and the demo reach the store only through `Corpus` and never hold SQL themselves.
"""
from __future__ import annotations

from collections import Counter

from .records import EntityRef

FACET_SIZE = 10  # values shown per facet


def facets(store, rows: list[tuple]) -> dict:
    """Counts of entities, speakers, topics and sources over ranked search rows (`search_rows`)."""
    ns = [r[0] for r in rows]
    if not ns:
        return {}
    sub = ",".join("?" * len(ns))
    ent = store.all(f"SELECT e.id, coalesce(e.name_ar, e.name, e.id), count(*) AS c FROM article_entities ae "
                    f"JOIN entities e ON e.id = ae.entity WHERE ae.article IN ({sub}) "
                    f"GROUP BY e.id, e.name_ar, e.name ORDER BY c DESC, e.id LIMIT {FACET_SIZE}", ns)
    spk = store.all(f"SELECT q.speaker_id, coalesce(max(e.name_ar), max(e.name), q.speaker_id), count(DISTINCT q.article) AS c "
                    f"FROM quotations q LEFT JOIN entities e ON e.id = q.speaker_id WHERE q.speaker_id IS NOT NULL "
                    f"AND q.article IN ({sub}) GROUP BY q.speaker_id ORDER BY c DESC, q.speaker_id LIMIT {FACET_SIZE}", ns)
    top = store.all(f"SELECT label, label, count(DISTINCT article) AS c FROM topics WHERE article IN ({sub}) "
                    f"GROUP BY label ORDER BY c DESC, label LIMIT {FACET_SIZE}", ns)
    src = Counter(r[4] for r in rows if r[4])
    return {"entity": _facet(ent), "speaker": _facet(spk), "topic": _facet(top),
            "source": [{"value": v, "label": v, "count": c} for v, c in src.most_common(FACET_SIZE)]}


def _facet(rows) -> list[dict]:
    return [{"value": v, "label": label, "count": int(c)} for v, label, c in rows]


def entity_list(store, limit: int, offset: int = 0) -> list[EntityRef]:
    """Every stored entity, most mentioned first (ties by id)."""
    got = store.all(
        "SELECT e.id, e.name, e.name_ar, e.type, e.wikidata, count(ae.article) AS c FROM entities e "
        "LEFT JOIN article_entities ae ON ae.entity = e.id GROUP BY e.id, e.name, e.name_ar, e.type, e.wikidata "
        "ORDER BY c DESC, e.id LIMIT ? OFFSET ?", [limit, offset])
    return [EntityRef(i, n, a, t, w, int(c)) for i, n, a, t, w, c in got]


def titles(store) -> list[str]:
    """The titles of the stored articles that have one."""
    return [t for (t,) in store.all("SELECT title FROM articles WHERE title IS NOT NULL")]


def sqlite_ids(path: str) -> set[str] | None:
    """The article ids in an SQLite store file, opened read-only (never created or migrated);
    None when the file is not a marsad store."""
    import sqlite3

    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return {r[0] for r in con.execute("SELECT id FROM articles")}
        finally:
            con.close()
    except sqlite3.Error:
        return None
