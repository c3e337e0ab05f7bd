"""What the API and the web pages ask of a corpus: each view's data, once, as plain dicts.

`Backend` is the set of views the web layer renders; `CorpusBackend` computes them through
`marsad.Corpus` (SQLite or PostgreSQL), which is the web's only door to the store: this
module holds no SQL. The routes render a view as JSON (`app.py`) or as a page (`pages.py`).
Shapes:

- lists → {"total": int | None (None: not counted), "has_more": bool, "results": [...]}
- search rows → {"id","title","published","source","url","snippet","score"}, where `snippet`
  marks matched words with `corpus.snippets.HL_START` … `HL_END` (rendered as [[…]] in JSON,
  <mark> in pages), plus "facets": {"entity"|"speaker"|"topic"|"source": [{"value","label","count"}]}
- entity → {"id","name","name_ar","type","articles","mentions","spellings":[{"text","count"}],
            "per_day":[{"day","count"}], "cooccurring":[{"id","name","name_ar","type","count"}],
            "quotes":[QuoteRow dicts]}
- quotes / events / stories → `marsad.corpus.records` QuoteRow / EventRow / Story as dicts
- trends → {"by","series":[{"query","id","name","name_ar","points":[{"period","count"}]}]}

Every list asks the corpus for one row more than the page, to know whether another page
follows. Calls are serialised with a lock: one store connection is shared by the server's
worker threads.
"""
from __future__ import annotations

import threading
from typing import Protocol

from ..article import Article
from ..corpus import Corpus
from ..corpus.snippets import marked

MAX_SCAN = 10_000  # deepest row a page may reach on the lists that have no offset


class Backend(Protocol):
    def article(self, article_id: str) -> Article | None: ...
    def add(self, article: Article) -> bool: ...
    def search(self, q: str = "", *, entity=None, speaker=None, topic=None, source=None,
               date_from=None, date_to=None, limit: int = 20, offset: int = 0) -> dict: ...
    def entities(self, q: str = "", limit: int = 20, offset: int = 0) -> dict: ...
    def entity(self, entity_id: str) -> dict | None: ...
    def quotes(self, speaker=None, about=None, q=None, limit: int = 20, offset: int = 0) -> dict: ...
    def events(self, actor=None, type=None, limit: int = 20, offset: int = 0) -> dict: ...
    def stories(self, limit: int = 20, offset: int = 0) -> dict: ...
    def trends(self, names: list[str], by: str = "day") -> dict: ...
    def stats(self) -> dict: ...


def corpus_backend(url: str) -> Backend:
    """The Backend over a stored corpus (`marsad.Corpus`: SQLite path/URL or PostgreSQL URL)."""
    return CorpusBackend(url)


def _sliced(rows: list, limit: int, offset: int) -> dict:
    """A page of a list fetched from its start through the page (and one row more)."""
    page = rows[offset:offset + limit]
    more = len(rows) > offset + limit
    return {"total": None if more else len(rows), "has_more": more, "results": page}


def _counted(rows: list, limit: int, offset: int) -> dict:
    """A page of a list fetched from `offset` (with one row more)."""
    more = len(rows) > limit
    return {"total": None if more else offset + len(rows[:limit]), "has_more": more, "results": rows[:limit]}


class CorpusBackend:
    def __init__(self, url: str):
        self.corpus = Corpus(url)
        self.lock = threading.RLock()

    def close(self) -> None:
        self.corpus.close()

    def add(self, article) -> bool:
        """Store one analysed Article; False when it was already there (same id, URL or text)."""
        with self.lock:
            return self.corpus.put(article)

    def article(self, article_id: str):
        with self.lock:
            return self.corpus.get(article_id)

    def stats(self) -> dict:
        with self.lock:
            return self.corpus.stats()

    def search(self, q: str = "", *, entity=None, speaker=None, topic=None, source=None,
               date_from=None, date_to=None, limit: int = 20, offset: int = 0) -> dict:
        with self.lock:
            page = self.corpus.search_page(q, entity=entity, speaker=speaker, topic=topic, source=source,
                                           date_from=date_from, date_to=date_to, limit=limit, offset=offset)
        rows = [{"id": h.id, "title": h.title, "published": h.published, "source": h.source, "url": h.url,
                 "snippet": marked(h.snippet, h.highlights), "score": h.score} for h in page.hits]
        return {"total": None if page.more else offset + len(rows), "has_more": page.more, "results": rows,
                "facets": page.facets}

    def entities(self, q: str = "", limit: int = 20, offset: int = 0) -> dict:
        with self.lock:
            if q:  # names in any spelling, through the corpus's resolver
                refs = self.corpus.resolve(q, limit=min(MAX_SCAN, offset + limit + 1))
            else:
                refs = self.corpus.entity_list(limit=limit + 1, offset=offset)
        rows = [{"id": e.id, "name": e.name, "name_ar": e.name_ar, "type": e.type, "articles": e.articles}
                for e in refs]
        return _sliced(rows, limit, offset) if q else _counted(rows, limit, offset)

    def entity(self, entity_id: str) -> dict | None:
        with self.lock:
            prof = self.corpus.entity_by_id(entity_id)
        if prof is None:
            return None
        ref, per_day, spellings = prof.entity, prof.mentions_per_day, prof.spellings
        return {"id": ref.id, "name": ref.name or ref.id, "name_ar": ref.name_ar, "type": ref.type,
                "wikidata": ref.wikidata, "articles": ref.articles,
                "mentions": sum(p["count"] for p in per_day) or sum(s["count"] for s in spellings),
                "spellings": spellings, "per_day": per_day,
                "cooccurring": [{"id": c["id"], "name": c["name"] or c["id"], "name_ar": c["name_ar"],
                                 "type": c["type"], "count": c["articles"]} for c in prof.co_occurring],
                "quotes": [x.to_dict() for x in prof.quotes]}

    def quotes(self, speaker=None, about=None, q=None, limit: int = 20, offset: int = 0) -> dict:
        with self.lock:
            got = self.corpus.quotes(speaker=speaker, about=about, q=q, limit=min(MAX_SCAN, offset + limit + 1))
        return _sliced([x.to_dict() for x in got], limit, offset)

    def events(self, actor=None, type=None, limit: int = 20, offset: int = 0) -> dict:
        with self.lock:
            got = self.corpus.events(actor=actor, type=type, limit=min(MAX_SCAN, offset + limit + 1))
            res = _sliced([e.to_dict() for e in got], limit, offset)
            # Arabic names for the page's actors and targets (the rows carry English names)
            ids = {r[k] for r in res["results"] for k in ("actor_id", "target_id") if r[k]}
            ar = {e.id: e.name_ar for e in self.corpus.entity_refs(sorted(ids))} if ids else {}
        for r in res["results"]:
            r["actor_name_ar"], r["target_name_ar"] = ar.get(r["actor_id"]), ar.get(r["target_id"])
        return res

    def stories(self, limit: int = 20, offset: int = 0) -> dict:
        with self.lock:
            got = self.corpus.stories(limit=min(MAX_SCAN, offset + limit + 1))
        return _sliced([s.to_dict() for s in got], limit, offset)

    def trends(self, names: list[str], by: str = "day") -> dict:
        with self.lock:
            got = self.corpus.trends(names, by=by)
        series = []
        for t in got:
            e = t.entity
            series.append({"query": t.query, "id": e.id if e else None, "name": (e.name if e else None) or t.query,
                           "name_ar": e.name_ar if e else None, "points": t.series})
        return {"by": by, "series": series}
