"""`marsad.Corpus`: the Python API over a store (what the CLI, REST API and web UI call)."""
from __future__ import annotations

import datetime as _dt
from typing import Callable, Iterable

from ..errors import MarsadError
from .records import EntityProfile, EventRow, IngestReport, QuoteRow, SearchHit, Story, Trend, EntityRef
from .rows import article_rows

DEFAULT_DB = "marsad.db"


def open_store(url: str | None = None):
    """A Store for a URL: a path or sqlite:///path is SQLite, postgresql://… is PostgreSQL."""
    url = (url or DEFAULT_DB).strip()
    if url.startswith(("postgresql://", "postgres://")):
        from .postgres import PostgresStore

        return PostgresStore(url)
    if url.startswith("sqlite:///"):  # sqlite:///rel/path, sqlite:////abs/path
        url = url[len("sqlite:///"):] or DEFAULT_DB
    elif url.startswith("sqlite://"):
        url = url[len("sqlite://"):] or DEFAULT_DB
    elif "://" in url:
        raise MarsadError(f"--db {url!r}: use a file path, sqlite:///PATH or postgresql://…")
    from .sqlite import SQLiteStore

    return SQLiteStore(url)


class Corpus:
    """A searchable store of analysed articles.

        >>> from marsad import Corpus
        >>> with Corpus("marsad.db") as c:            # or "postgresql://user@host/db"
        ...     c.ingest(["articles/"], workers=2)
        ...     for hit in c.search("العقوبات", entity="قطر", limit=5):
        ...         print(hit.title, hit.snippet)

    Every method returns plain records (see `marsad.corpus.records`) with `to_dict()`.
    Names (entity, speaker, actor) may be given in any spelling, Arabic or English.
    """

    def __init__(self, url: str | None = None):
        self.url = url or DEFAULT_DB
        self.store = open_store(self.url)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "Corpus":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------
    def ingest(self, paths: list[str], workers: int = 1, tz: str | None = None, published: str | None = None,
               skip: Iterable[str] = (), batch_size: int = 200,
               progress: Callable[[IngestReport, str | None], None] | None = None) -> IngestReport:
        """Analyse every document under `paths` (anything `marsad analyze` reads) and store it.

        Idempotent: articles already stored (same id, URL or content) are skipped, so a
        re-run after an interruption finishes the rest. `progress(report, title)` is
        called after every document.
        """
        from .ingest import ingest

        if isinstance(paths, str):
            paths = [paths]
        return ingest(self.store, list(paths), workers=workers, tz=tz, published=published, skip=skip,
                      batch_size=batch_size, progress=progress)

    def add(self, articles: Iterable, batch_size: int = 200) -> IngestReport:
        """Store already-analysed `Article`s (e.g. from `marsad analyze --format jsonl` or Spark)."""
        rep, batch = IngestReport(), []
        for a in articles:
            batch.append(article_rows(a))
            if len(batch) >= batch_size:
                ad, sk = self.store.write(batch)
                rep.added, rep.skipped, batch = rep.added + ad, rep.skipped + sk, []
        if batch:
            ad, sk = self.store.write(batch)
            rep.added, rep.skipped = rep.added + ad, rep.skipped + sk
        if rep.added:
            self.store.rebuild_stories()
            self.store.optimize()
        return rep

    # -- reading ---------------------------------------------------------------
    def get(self, article_id: str):
        """The stored `Article` with this id, or None."""
        return self.store.get_article(article_id)

    def articles(self):
        """Every stored `Article` (a lazy iterator)."""
        return self.store.iter_articles()

    def stats(self) -> dict:
        """Counts: articles, sources, entities, mentions, quotations, events, time_expressions, keywords,
        topics, stories; and first_day/last_day."""
        return self.store.stats()

    def search(self, query: str = "", entity: str | None = None, speaker: str | None = None, topic: str | None = None,
               source: str | None = None, date_from: str | None = None, date_to: str | None = None,
               limit: int = 20, offset: int = 0) -> list[SearchHit]:
        """Ranked articles for a query (any text: it is data, never syntax), best first.

        Words are matched on normalised light stems (`العقوبات` = `والعقوبات` = `عقوبات`); a
        run of words naming a known entity also matches its other spellings. Filters:
        `entity` (mentioned), `speaker` (quoted), `topic`, `source`, `date_from`/`date_to`
        (YYYY-MM-DD, inclusive). An empty query with filters lists newest first.
        """
        from .snippets import snippet

        rows, groups = self.store.search_rows(query, entity=entity, speaker=speaker, topic=topic, source=source,
                                              date_from=date_from, date_to=date_to, limit=limit, offset=offset)
        wanted = {t for alts in groups for alt in alts for t in alt}
        out = []
        for _n, aid, title, published, src, url, body, score in rows:
            snip, marks = snippet(body or "", wanted)
            out.append(SearchHit(aid, title, published, src, url, snip, marks, round(float(score or 0.0), 4)))
        return out

    def resolve(self, name: str) -> list[EntityRef]:
        """Entities that a name in any spelling may refer to, most mentioned first."""
        return self.store.resolve(name)

    def entity(self, name: str, top: int = 10, quotes: int = 10) -> EntityProfile | None:
        """Profile of the entity a name refers to: spellings seen, mentions per day, co-occurring entities, quotations."""
        refs = self.store.resolve(name)
        if not refs:
            return None
        ref = refs[0]
        ids = [ref.id]
        return EntityProfile(
            entity=ref,
            spellings=self.store.spellings(ids, seen_only=True),
            mentions_per_day=self.store.mentions_per_day(ids),
            co_occurring=self.store.co_occurring(ids, top),
            quotes=self.store.quotes(speaker=ref.id, limit=quotes),
        )

    def quotes(self, speaker: str | None = None, about: str | None = None, limit: int = 50) -> list[QuoteRow]:
        """Quotations, newest first; by `speaker` and/or mentioning `about` inside the quote."""
        return self.store.quotes(speaker=speaker, about=about, limit=limit)

    def events(self, actor: str | None = None, type: str | None = None, limit: int = 50) -> list[EventRow]:
        """Events, newest first; by `actor` and/or of a `type` (name or CAMEO code)."""
        return self.store.events(actor=actor, type=type, limit=limit)

    def stories(self, min_size: int = 2, limit: int = 50, cross_source: bool = False) -> list[Story]:
        """Groups of near-duplicate articles (the same story), largest first."""
        return self.store.stories(min_size=min_size, limit=limit, cross_source=cross_source)

    def rebuild_stories(self, threshold: float | None = None) -> int:
        """Regroup near-duplicates over all stored articles; returns the number of groups."""
        return self.store.rebuild_stories(threshold)

    def trends(self, names: list[str], by: str = "day", date_from: str | None = None,
               date_to: str | None = None) -> list[Trend]:
        """Mentions per day or week (weeks start on Monday) for each name; periods with none count 0.

        A name that resolves to an entity counts its mentions (all spellings); any other
        name counts the articles whose text matches it.
        """
        if by not in ("day", "week"):
            raise MarsadError(f"--by {by!r}: use day or week")
        from .periods import parse_day as _day

        lo = _day(date_from, "--from") if date_from else None
        hi = _day(date_to, "--to") if date_to else None
        out = []
        for name in names:
            refs = self.store.resolve(name)
            days = self.store.entity_days([refs[0].id]) if refs else self.store.term_days(name)
            out.append(Trend(name, refs[0] if refs else None, _series(days, by, lo, hi)))
        periods = sorted({p["period"] for t in out for p in t.series})
        if periods:
            full = _periods(periods[0], periods[-1], by)
            for t in out:
                have = {p["period"]: p["count"] for p in t.series}
                t.series = [{"period": p, "count": have.get(p, 0)} for p in full]
        return out

    def size_bytes(self) -> int:
        """Bytes the store takes on disk."""
        return self.store.size_bytes()


def _period(day: str, by: str) -> str | None:
    try:
        d = _dt.date.fromisoformat(day[:10])
    except (ValueError, TypeError):
        return None
    if by == "week":
        d -= _dt.timedelta(days=d.weekday())
    return d.isoformat()


def _series(days, by, lo, hi) -> list[dict]:
    acc: dict[str, int] = {}
    for day, c in days:
        if (lo and day < lo) or (hi and day > hi):
            continue
        p = _period(day, by)
        if p:
            acc[p] = acc.get(p, 0) + c
    return [{"period": p, "count": c} for p, c in sorted(acc.items())]


def _periods(first: str, last: str, by: str, cap: int = 3660) -> list[str]:
    d, end = _dt.date.fromisoformat(first), _dt.date.fromisoformat(last)
    step = _dt.timedelta(days=7 if by == "week" else 1)
    out = []
    while d <= end and len(out) < cap:
        out.append(d.isoformat())
        d += step
    return out
