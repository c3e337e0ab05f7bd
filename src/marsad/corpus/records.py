"""Plain result records that the Corpus API returns (and `to_dict` turns into JSON).

These shapes are the contract with the CLI, the REST API and the web UI: fields may
be added, never renamed or removed.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


class Record:
    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class SearchHit(Record):
    id: str  # article id
    title: str | None
    published: str | None  # ISO 8601 as the article carries it
    source: str | None  # site / outlet
    url: str | None
    snippet: str  # plain text around the best-matching passage
    highlights: list[list[int]] = field(default_factory=list)  # [start, end) of matched words in `snippet`
    score: float = 0.0  # higher is better (BM25 on SQLite, ts_rank_cd on PostgreSQL)


@dataclass
class EntityRef(Record):
    id: str
    name: str | None  # English name
    name_ar: str | None
    type: str | None
    wikidata: str | None = None
    articles: int = 0  # articles that mention it


@dataclass
class QuoteRow(Record):
    article_id: str
    title: str | None
    published: str | None
    source: str | None
    text: str
    direct: bool
    speaker_text: str | None
    speaker_id: str | None
    speaker_name: str | None  # canonical English name when the speaker was resolved
    speaker_role: str | None
    cue: str | None


@dataclass
class EventRow(Record):
    article_id: str
    title: str | None
    published: str | None
    source: str | None
    type: str
    cameo: str
    text: str
    trigger: str | None
    actor_id: str | None
    actor_name: str | None
    target_id: str | None
    target_name: str | None
    where_id: str | None
    when: Any
    polarity: str


@dataclass
class EntityProfile(Record):
    entity: EntityRef
    spellings: list[dict] = field(default_factory=list)  # [{"text": str, "count": int}]
    mentions_per_day: list[dict] = field(default_factory=list)  # [{"day": "YYYY-MM-DD", "count": int}]
    co_occurring: list[dict] = field(default_factory=list)  # [{"id", "name", "name_ar", "type", "articles"}]
    quotes: list[QuoteRow] = field(default_factory=list)


@dataclass
class StoryArticle(Record):
    id: str
    title: str | None
    published: str | None
    source: str | None
    url: str | None


@dataclass
class Story(Record):
    id: int
    size: int
    sources: list[str]
    first_published: str | None
    articles: list[StoryArticle] = field(default_factory=list)


@dataclass
class Trend(Record):
    query: str  # the name asked for
    entity: EntityRef | None  # what it resolved to (None: counted as a text term)
    series: list[dict] = field(default_factory=list)  # [{"period": "YYYY-MM-DD", "count": int}]; weeks start on Monday


@dataclass
class IngestReport(Record):
    added: int = 0  # new articles stored
    skipped: int = 0  # already in the store (same id, URL or content)
    failed: int = 0  # inputs that could not be read or analysed
    seconds: float = 0.0
    files: int = 0  # input files opened so far
    failures: list[str] = field(default_factory=list)  # first failures, one line each
