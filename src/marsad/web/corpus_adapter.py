"""The web Backend over `marsad.Corpus` (SQLite or PostgreSQL).

The Corpus API pages with `limit` (and `offset` for search); here every list asks for
one row more than the page to know whether another page follows. Calls are serialised
with a lock: one store connection is shared by the server's worker threads.
"""
from __future__ import annotations

import threading
from collections import Counter

from ..corpus import Corpus
from .backend import HL_END, HL_START

FACET_SCAN = 200  # facets count over the best hits, not the whole result set
MAX_SCAN = 10_000  # deepest row a page may reach on the lists that have no offset


def _clean(v):
    """Text parameters without NUL bytes (PostgreSQL strings cannot hold them); others unchanged."""
    return v.replace("\x00", " ") if isinstance(v, str) else v


def _marked(s: str, marks: list) -> str:
    """The snippet with each [start, end) match wrapped in HL_START … HL_END."""
    out, pos = [], 0
    for a, b in sorted(marks or []):
        if a < pos or b > len(s):
            continue
        out += [s[pos:a], HL_START, s[a:b], HL_END]
        pos = b
    out.append(s[pos:])
    return "".join(out)


class CorpusBackend:
    def __init__(self, url: str):
        self.corpus = Corpus(url)
        self.store = self.corpus.store
        self.lock = threading.RLock()

    def close(self) -> None:
        self.corpus.close()

    def add(self, article) -> bool:
        """Store one analysed Article; False when it was already there (same id, URL or text)."""
        from ..corpus.rows import article_rows

        # Store.write marks the story groups stale; they are regrouped on the next stories()
        # call rather than on every POST (Corpus.add regroups the whole corpus at once).
        with self.lock:
            added, _skipped = self.store.write([article_rows(article)])
        return added > 0

    def article(self, article_id: str):
        with self.lock:
            return self.corpus.get(_clean(article_id))

    def stats(self) -> dict:
        with self.lock:
            return self.corpus.stats()

    # -- search ----------------------------------------------------------------------
    def search(self, q: str = "", *, entity=None, speaker=None, topic=None, source=None,
               date_from=None, date_to=None, limit: int = 20, offset: int = 0) -> dict:
        """One ranked query serves the page and the facets (over the best FACET_SCAN hits);
        snippets are built for the page's rows only."""
        q, entity, speaker, topic, source = map(_clean, (q, entity, speaker, topic, source))
        from ..corpus.snippets import snippet

        kw = dict(entity=entity, speaker=speaker, topic=topic, source=source, date_from=date_from, date_to=date_to)
        with self.lock:
            if offset + limit + 1 <= FACET_SCAN:
                rows, groups = self.store.search_rows(q or "", limit=FACET_SCAN, offset=0, **kw)
                facets = self._facets(rows)
                rows = rows[offset:offset + limit + 1]
            else:
                rows, groups = self.store.search_rows(q or "", limit=limit + 1, offset=offset, **kw)
                facets = {}
        more = len(rows) > limit
        wanted = {t for alts in groups for alt in alts for t in alt}
        out = []
        for _n, aid, title, published, src, url, body, score in rows[:limit]:
            snip, marks = snippet(body or "", wanted)
            out.append({"id": aid, "title": title, "published": published, "source": src, "url": url,
                        "snippet": _marked(snip, marks), "score": round(float(score or 0.0), 4)})
        return {"total": None if more else offset + len(out), "has_more": more, "results": out, "facets": facets}

    def _facets(self, rows: list[tuple]) -> dict:
        """Counts of entities, speakers, topics and sources over ranked store rows."""
        ns = [r[0] for r in rows]
        if not ns:
            return {}
        sub = ",".join("?" * len(ns))
        st = self.store
        ent = st.all(f"SELECT e.id, coalesce(e.name_ar, e.name, e.id), count(*) AS c FROM article_entities ae "
                     f"JOIN entities e ON e.id = ae.entity WHERE ae.article IN ({sub}) "
                     f"GROUP BY e.id, e.name_ar, e.name ORDER BY c DESC, e.id LIMIT 10", ns)
        spk = st.all(f"SELECT q.speaker_id, coalesce(max(e.name_ar), max(e.name), q.speaker_id), count(DISTINCT q.article) AS c "
                     f"FROM quotations q LEFT JOIN entities e ON e.id = q.speaker_id WHERE q.speaker_id IS NOT NULL "
                     f"AND q.article IN ({sub}) GROUP BY q.speaker_id ORDER BY c DESC, q.speaker_id LIMIT 10", ns)
        top = st.all(f"SELECT label, label, count(DISTINCT article) AS c FROM topics WHERE article IN ({sub}) "
                     f"GROUP BY label ORDER BY c DESC, label LIMIT 10", ns)
        src = Counter(r[4] for r in rows if r[4])
        return {"entity": _facet(ent), "speaker": _facet(spk), "topic": _facet(top),
                "source": [{"value": v, "label": v, "count": c} for v, c in src.most_common(10)]}

    # -- entities ----------------------------------------------------------------------
    def entities(self, q: str = "", limit: int = 20, offset: int = 0) -> dict:
        q = _clean(q)
        with self.lock:
            if q:  # names in any spelling, through the store's resolver
                refs = self.store.resolve(q, limit=min(MAX_SCAN, offset + limit + 1))
                rows = [{"id": e.id, "name": e.name, "name_ar": e.name_ar, "type": e.type, "articles": e.articles}
                        for e in refs]
                return self._paged(rows, limit, offset)
            got = self.store.all(
                "SELECT e.id, e.name, e.name_ar, e.type, count(ae.article) AS c FROM entities e "
                "LEFT JOIN article_entities ae ON ae.entity = e.id GROUP BY e.id, e.name, e.name_ar, e.type "
                "ORDER BY c DESC, e.id LIMIT ? OFFSET ?", [limit + 1, offset])
        rows = [{"id": i, "name": n, "name_ar": a, "type": t, "articles": int(c)} for i, n, a, t, c in got]
        more = len(rows) > limit
        return {"total": None if more else offset + len(rows), "has_more": more, "results": rows[:limit]}

    def entity(self, entity_id: str) -> dict | None:
        entity_id = _clean(entity_id)
        with self.lock:
            refs = self.store.entity_refs([entity_id])
            if not refs:
                return None
            ref = refs[0]
            ids = [ref.id]
            spellings = [x for x in self.store.spellings(ids) if x["count"] > 0]  # 0: a known name, never seen
            per_day = self.store.mentions_per_day(ids)
            co = self.store.co_occurring(ids, 12)
            quotes = self.store.quotes(speaker=ref.id, limit=50)
        return {"id": ref.id, "name": ref.name or ref.id, "name_ar": ref.name_ar, "type": ref.type,
                "wikidata": ref.wikidata, "articles": ref.articles,
                "mentions": sum(p["count"] for p in per_day) or sum(s["count"] for s in spellings),
                "spellings": spellings, "per_day": per_day,
                "cooccurring": [{"id": c["id"], "name": c["name"] or c["id"], "name_ar": c["name_ar"],
                                 "type": c["type"], "count": c["articles"]} for c in co],
                "quotes": [x.to_dict() for x in quotes]}

    # -- lists with limit only: fetch through the page, slice -------------------------------
    def _paged(self, rows: list, limit: int, offset: int) -> dict:
        page = rows[offset:offset + limit]
        more = len(rows) > offset + limit
        return {"total": None if more else len(rows), "has_more": more, "results": page}

    def quotes(self, speaker=None, about=None, q=None, limit: int = 20, offset: int = 0) -> dict:
        speaker, about, q = map(_clean, (speaker, about, q))
        want = min(MAX_SCAN, offset + limit + 1)
        with self.lock:
            got = self.corpus.quotes(speaker=speaker, about=about, limit=want if not q else MAX_SCAN)
        rows = [x.to_dict() for x in got]
        if q:
            from ..corpus.search_terms import terms

            wanted = set(terms(q))
            rows = [r for r in rows if wanted & set(terms(r["text"]))][:want]
        return self._paged(rows, limit, offset)

    def events(self, actor=None, type=None, limit: int = 20, offset: int = 0) -> dict:
        actor, type = map(_clean, (actor, type))
        with self.lock:
            got = self.corpus.events(actor=actor, type=type, limit=min(MAX_SCAN, offset + limit + 1))
            res = self._paged([e.to_dict() for e in got], limit, offset)
            # Arabic names for the page's actors and targets (the rows carry English names)
            ids = {r[k] for r in res["results"] for k in ("actor_id", "target_id") if r[k]}
            ar = {e.id: e.name_ar for e in self.store.entity_refs(sorted(ids))} if ids else {}
        for r in res["results"]:
            r["actor_name_ar"], r["target_name_ar"] = ar.get(r["actor_id"]), ar.get(r["target_id"])
        return res

    def stories(self, limit: int = 20, offset: int = 0) -> dict:
        with self.lock:
            got = self.corpus.stories(limit=min(MAX_SCAN, offset + limit + 1))
        return self._paged([s.to_dict() for s in got], limit, offset)

    def trends(self, names: list[str], by: str = "day") -> dict:
        names = [_clean(n) for n in names]
        with self.lock:
            if by == "month":
                got = self.corpus.trends(names, by="day")
            else:
                got = self.corpus.trends(names, by=by)
        series = []
        for t in got:
            pts = t.series
            if by == "month":
                acc = Counter()
                for p in pts:
                    acc[p["period"][:7]] += p["count"]
                pts = [{"period": k, "count": acc[k]} for k in sorted(acc)]
            e = t.entity
            series.append({"query": t.query, "id": e.id if e else None, "name": (e.name if e else None) or t.query,
                           "name_ar": e.name_ar if e else None, "points": pts})
        return {"by": by, "series": series}


def _facet(rows) -> list[dict]:
    return [{"value": v, "label": label, "count": int(c)} for v, label, c in rows]
