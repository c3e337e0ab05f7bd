"""What the API and the web pages ask of a corpus, as plain dicts.

`Backend` is the small set of operations the web layer needs; `CorpusBackend`
(`corpus_adapter.py`) answers them over `marsad.Corpus` (SQLite or PostgreSQL). Shapes:

- lists → {"total": int | None (None: not counted), "has_more": bool, "results": [...]}
- search rows → {"id","title","published","source","url","snippet","score"}, where `snippet`
  marks matched words with \\x02 … \\x03 (rendered as <mark>), plus "facets":
  {"entity"|"speaker"|"topic"|"source": [{"value","label","count"}]}
- entity → {"id","name","name_ar","type","articles","mentions","spellings":[{"text","count"}],
            "per_day":[{"day","count"}], "cooccurring":[{"id","name","name_ar","type","count"}],
            "quotes":[QuoteRow dicts]}
- quotes / events / stories → `marsad.corpus.records` QuoteRow / EventRow / Story as dicts
- trends → {"by","series":[{"query","id","name","name_ar","points":[{"period","count"}]}]}
"""
from __future__ import annotations

from typing import Protocol

from ..article import Article

HL_START, HL_END = "\x02", "\x03"


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
    from .corpus_adapter import CorpusBackend

    return CorpusBackend(url)
