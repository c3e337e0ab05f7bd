"""Stories: the store's articles grouped into near-duplicate stories from their stored
MinHash signatures, with `marsad.dedup` (the single-machine detector's shingles, LSH
and threshold, as the Spark job uses)."""
from __future__ import annotations

from .records import Story, StoryArticle

PAGE = 5000  # signatures read, and story rows written, per statement


def rebuild_stories(store, threshold: float | None = None) -> int:
    """Regroup the stored signatures into stories; returns the group count."""
    from ..dedup import THRESHOLD, group_signatures

    keys, sigs = _signatures(store)
    groups = [[keys[i] for i in g] for g in group_signatures(sigs, THRESHOLD if threshold is None else threshold)]
    cur = store.conn.cursor()
    store.begin()
    try:
        cur.execute("DELETE FROM stories")
        rows = [(n, min(g)) for g in groups for n in g]
        for i in range(0, len(rows), PAGE):
            cur.executemany(store.q("INSERT INTO stories(article, story) VALUES (?, ?)"), rows[i:i + PAGE])
        store.set_meta(cur, "stories_stale", "0")
        store.commit()
    except BaseException:
        store.rollback()
        raise
    return len(groups)


def _signatures(store):
    """(article row numbers, their signatures as one uint32 matrix), read page by page."""
    import numpy as np

    from ..dedup import NUM_PERM

    width = NUM_PERM * 4
    keys: list[int] = []
    chunks: list[bytes] = []
    last = 0
    while True:
        rows = store.all("SELECT article, sig FROM signatures WHERE article > ? ORDER BY article LIMIT 5000", [last])
        if not rows:
            break
        for n, s in rows:
            s = bytes(s) if s is not None else b""
            if len(s) == width:  # b"" (no words) and other formats are never copies
                keys.append(n)
                chunks.append(s)
        last = rows[-1][0]
    return keys, np.frombuffer(b"".join(chunks), dtype=np.uint32).reshape(len(keys), NUM_PERM)


def stories(store, min_size: int = 2, limit: int = 50, cross_source: bool = False) -> list[Story]:
    """The largest stories (newest first among equals), regrouped first when articles came in since."""
    if store.meta("stories_stale") == "1":
        store.rebuild_stories()
    rows = store.all("SELECT s.story, count(*) AS c, count(DISTINCT a.source) AS ns, min(a.published) AS p FROM stories s "
                     "JOIN articles a ON a.n = s.article GROUP BY s.story HAVING count(*) >= ? "
                     + ("AND count(DISTINCT a.source) >= 2 " if cross_source else "")
                     + "ORDER BY c DESC, p DESC LIMIT ?", [int(min_size), int(limit)])
    out = []
    for sid, c, _ns, first in rows:
        arts = store.all("SELECT a.id, a.title, a.published, a.source, a.url FROM stories s JOIN articles a ON a.n = s.article "
                         "WHERE s.story = ? ORDER BY a.published, a.n", [sid])
        sources = sorted({r[3] for r in arts if r[3]})
        out.append(Story(int(sid), int(c), sources, first, [StoryArticle(*r) for r in arts]))
    return out
