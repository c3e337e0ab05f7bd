"""`marsad.Corpus`: the Python API over a store, and the one door to it: the CLI, the REST
API and the web pages read and write a corpus only through these methods."""
from __future__ import annotations

from typing import Callable, Iterable, NamedTuple

from ..errors import MarsadError
from ..options import Options
from . import facets as _facets
from .periods import BY, bucket, parse_day, span
from .records import EntityProfile, EventRow, IngestReport, QuoteRow, SearchHit, Story, Trend, EntityRef
from .rows import article_rows

DEFAULT_DB = "marsad.db"
FACET_SCAN = 200  # a search page's facets count over the best hits, not the whole result set
MAX_SCAN = 10_000  # quotations scanned for a word filter


def _text(v):
    """A text parameter as it enters the corpus: NUL bytes (which PostgreSQL strings cannot
    hold) become spaces; the store cleans the rest. Other values pass unchanged."""
    return v.replace("\x00", " ") if isinstance(v, str) else v


class SearchPage(NamedTuple):
    hits: list[SearchHit]
    more: bool  # another page follows
    facets: dict  # {"entity"|"speaker"|"topic"|"source": [{"value", "label", "count"}]}, {} past FACET_SCAN


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
               progress: Callable[[IngestReport, str | None], None] | None = None, *,
               options: Options | None = None) -> IngestReport:
        """Analyse every document under `paths` (anything `marsad analyze` reads) and store it.

        Idempotent: articles already stored (same id, URL or content) are skipped, so a
        re-run after an interruption finishes the rest. `progress(report, title)` is
        called after every document. `options` (an `Options`, checked) travels whole to
        the workers; without it `tz`, `published` and `skip` are checked here.
        """
        from .ingest import ingest

        if isinstance(paths, str):
            paths = [paths]
        if options is None:
            options = Options.checked(tz, published, skip, flag="")
        return ingest(self.store, list(paths), workers=workers, options=options, batch_size=batch_size,
                      progress=progress)

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

    def put(self, article) -> bool:
        """Store one analysed Article; False when it was already there (same id, URL or text).

        Unlike `add`, it does not regroup the stories: the write marks them stale and they are
        regrouped on the next `stories()` read (one POST must not regroup the whole corpus)."""
        added, _skipped = self.store.write([article_rows(article)])
        return added > 0

    # -- reading ---------------------------------------------------------------
    def get(self, article_id: str):
        """The stored `Article` with this id, or None."""
        return self.store.get_article(_text(article_id))

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
        q, kw = self._search_args(query, entity, speaker, topic, source, date_from, date_to)
        return _hits(*self.store.search_rows(q, limit=limit, offset=offset, **kw))

    def search_page(self, query: str = "", entity: str | None = None, speaker: str | None = None,
                    topic: str | None = None, source: str | None = None, date_from: str | None = None,
                    date_to: str | None = None, limit: int = 20, offset: int = 0) -> SearchPage:
        """`search` for a results page: the page's hits, whether more follow, and the facets.

        One ranked query serves the page and the facets (counted over the best FACET_SCAN
        hits while the page lies among them); snippets are built for the page's hits only.
        """
        q, kw = self._search_args(query, entity, speaker, topic, source, date_from, date_to)
        if offset + limit + 1 <= FACET_SCAN:
            rows, groups = self.store.search_rows(q or "", limit=FACET_SCAN, offset=0, **kw)
            found = _facets.facets(self.store, rows)
            rows = rows[offset:offset + limit + 1]
        else:
            rows, groups = self.store.search_rows(q or "", limit=limit + 1, offset=offset, **kw)
            found = {}
        return SearchPage(_hits(rows[:limit], groups), len(rows) > limit, found)

    @staticmethod
    def _search_args(query, entity, speaker, topic, source, date_from, date_to) -> tuple[str, dict]:
        return _text(query), dict(entity=_text(entity), speaker=_text(speaker), topic=_text(topic),
                                  source=_text(source), date_from=date_from, date_to=date_to)

    def resolve(self, name: str, limit: int = 5) -> list[EntityRef]:
        """Entities that a name in any spelling may refer to, most mentioned first."""
        return self.store.resolve(_text(name), limit=limit)

    def entity_refs(self, ids: list[str]) -> list[EntityRef]:
        """The stored entities with these ids (unknown ids are left out)."""
        return self.store.entity_refs([_text(i) for i in ids])

    def entity_list(self, limit: int = 20, offset: int = 0) -> list[EntityRef]:
        """Every stored entity, most mentioned first."""
        return _facets.entity_list(self.store, limit, offset)

    def entity(self, name: str, top: int = 10, quotes: int = 10) -> EntityProfile | None:
        """Profile of the entity a name refers to: spellings seen, mentions per day, co-occurring entities, quotations."""
        refs = self.store.resolve(_text(name))
        if not refs:
            return None
        return self._profile(refs[0], self.store.spellings([refs[0].id], seen_only=True), top, quotes)

    def entity_by_id(self, entity_id: str, top: int = 12, quotes: int = 50) -> EntityProfile | None:
        """The profile of the entity with exactly this id (no name resolution), or None."""
        refs = self.entity_refs([entity_id])
        if not refs:
            return None
        # the 50 most mentioned spellings, then those seen (0: a known name never found in an article)
        seen = [x for x in self.store.spellings([refs[0].id]) if x["count"] > 0]
        return self._profile(refs[0], seen, top, quotes)

    def _profile(self, ref: EntityRef, spellings: list[dict], top: int, quotes: int) -> EntityProfile:
        ids = [ref.id]
        return EntityProfile(
            entity=ref,
            spellings=spellings,
            mentions_per_day=self.store.mentions_per_day(ids),
            co_occurring=self.store.co_occurring(ids, top),
            quotes=self.store.quotes(speaker=ref.id, limit=quotes),
        )

    def quotes(self, speaker: str | None = None, about: str | None = None, limit: int = 50,
               q: str | None = None) -> list[QuoteRow]:
        """Quotations, newest first; by `speaker` and/or mentioning `about` inside the quote, and/or
        holding a word of `q` (matched on search terms, among the newest MAX_SCAN)."""
        speaker, about, q = _text(speaker), _text(about), _text(q)
        if not q:
            return self.store.quotes(speaker=speaker, about=about, limit=limit)
        from .search_terms import terms

        wanted = set(terms(q))
        got = self.store.quotes(speaker=speaker, about=about, limit=MAX_SCAN)
        return [r for r in got if wanted & set(terms(r.text))][:limit]

    def events(self, actor: str | None = None, type: str | None = None, limit: int = 50) -> list[EventRow]:
        """Events, newest first; by `actor` and/or of a `type` (name or CAMEO code)."""
        return self.store.events(actor=_text(actor), type=_text(type), limit=limit)

    def stories(self, min_size: int = 2, limit: int = 50, cross_source: bool = False) -> list[Story]:
        """Groups of near-duplicate articles (the same story), largest first."""
        return self.store.stories(min_size=min_size, limit=limit, cross_source=cross_source)

    def rebuild_stories(self, threshold: float | None = None) -> int:
        """Regroup near-duplicates over all stored articles; returns the number of groups."""
        return self.store.rebuild_stories(threshold)

    def trends(self, names: list[str], by: str = "day", date_from: str | None = None,
               date_to: str | None = None) -> list[Trend]:
        """Mentions per day, week (weeks start on Monday) or month for each name; periods with none count 0.

        A name that resolves to an entity counts its mentions (all spellings); any other
        name counts the articles whose text matches it. Months are the sums of the days.
        """
        if by not in BY:
            raise MarsadError(f"--by {by!r}: use {', '.join(BY[:-1])} or {BY[-1]}")
        lo = parse_day(date_from, "--from") if date_from else None
        hi = parse_day(date_to, "--to") if date_to else None
        out = []
        for name in map(_text, names):
            refs = self.store.resolve(name)
            days = self.store.entity_days([refs[0].id]) if refs else self.store.term_days(name)
            out.append(Trend(name, refs[0] if refs else None, bucket(days, "day" if by == "month" else by, lo, hi)))
        periods = sorted({p["period"] for t in out for p in t.series})
        if periods:
            full = span(periods[0], periods[-1], "day" if by == "month" else by)
            for t in out:
                have = {p["period"]: p["count"] for p in t.series}
                t.series = [{"period": p, "count": have.get(p, 0)} for p in full]
                if by == "month":  # every day of the span counted, so months with none show 0
                    t.series = bucket([(p["period"], p["count"]) for p in t.series], "month")
        return out

    def size_bytes(self) -> int:
        """Bytes the store takes on disk."""
        return self.store.size_bytes()


def _hits(rows: list[tuple], groups) -> list[SearchHit]:
    """Search hits from ranked store rows, each with the snippet of its best passage."""
    from .snippets import snippet

    wanted = {t for alts in groups for alt in alts for t in alt}
    out = []
    for _n, aid, title, published, src, url, body, score in rows:
        snip, marks = snippet(body or "", wanted)
        out.append(SearchHit(aid, title, published, src, url, snip, marks, round(float(score or 0.0), 4)))
    return out
