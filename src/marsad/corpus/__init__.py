"""The corpus: stores of analysed articles (SQLite, PostgreSQL), ingest, search, profiles, stories, trends.

Public API: `Corpus(url)` (see `marsad.corpus.api`), `open_store(url)`, `demo(db_path)`,
and the result records in `marsad.corpus.records`.
"""
from .api import DEFAULT_DB, Corpus, open_store
from .records import (EntityProfile, EntityRef, EventRow, IngestReport, QuoteRow, SearchHit, Story, StoryArticle,
                      Trend)


def demo(db_path: str = "marsad.db") -> int:
    """Ingest the bundled examples into a fresh store and show a search, an entity profile and a trend."""
    from .demo import run

    return run(db_path)


__all__ = ["Corpus", "DEFAULT_DB", "EntityProfile", "EntityRef", "EventRow", "IngestReport", "QuoteRow", "SearchHit",
           "Story", "StoryArticle", "Trend", "demo", "open_store"]
