"""Article → the rows a store writes. Runs in the ingest workers, so the main process only inserts."""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

from ..arabic import normalize
from ..article import Article
from ..dedup import signature_bytes
from .search_terms import name_key, terms


def content_hash(text: str) -> str:
    """Hash of an article body as normalised for matching (whitespace folded)."""
    return hashlib.sha1(" ".join(normalize(text).split()).encode("utf-8")).hexdigest()


def raw_hash(text: str) -> str:
    """Hash of a raw document's text: lets a re-run skip a document before analysing it."""
    return hashlib.sha1(text.encode("utf-8", "replace")).hexdigest()


@dataclass
class ArticleRows:
    """Everything one article adds to a store; `n` (the article's row number) is filled in on insert."""

    article: dict  # the articles row (column → value)
    terms: str  # space-joined search terms of title + body (PostgreSQL builds its tsvector from them)
    entities: list[tuple] = field(default_factory=list)  # (id, name, type, name_ar, wikidata)
    spellings: list[tuple] = field(default_factory=list)  # (entity, norm, text, count)
    article_entities: list[tuple] = field(default_factory=list)  # (entity, mentions, role)
    mentions: list[tuple] = field(default_factory=list)  # (entity, text, start, end)
    quotations: list[tuple] = field(default_factory=list)
    events: list[tuple] = field(default_factory=list)
    timexes: list[tuple] = field(default_factory=list)
    keywords: list[tuple] = field(default_factory=list)
    topics: list[tuple] = field(default_factory=list)
    signature: bytes = b""  # marsad.dedup.signature_bytes of the body (story groups)


def article_json(art: Article, with_text: bool = True) -> str:
    """The same JSON as `Article.to_json()`, without `asdict`'s deep copies (5x faster on big articles).

    `with_text=False` leaves out `text` (the store keeps it once, in the `body` column).
    """
    if with_text:
        return json.dumps(art, ensure_ascii=False, default=_fields)
    d = dict(art.__dict__)
    del d["text"]
    return json.dumps(d, ensure_ascii=False, default=_fields)


def _fields(o):
    if hasattr(o, "__dataclass_fields__"):
        return o.__dict__
    raise TypeError(f"{type(o).__name__} is not JSON serialisable")


def _json(v) -> str | None:
    return None if v is None else json.dumps(v, ensure_ascii=False)


def article_rows(art: Article, raw_text_hash: str | None = None) -> ArticleRows:
    title = art.title or ""
    body_terms = terms(art.text)
    all_terms = terms(title) + body_terms if title else body_terms
    day = (art.published or "")[:10] or None
    row = {
        "id": art.id,
        "url": art.source.url,
        "content_hash": content_hash(art.text),
        "raw_hash": raw_text_hash,
        "title": art.title,
        "published": art.published,
        "day": day,
        "source": art.source.site,
        "author": art.author,
        "body": art.text,
        "doc": article_json(art, with_text=False),
    }
    r = ArticleRows(row, " ".join(all_terms), signature=signature_bytes(art.text))
    for e in art.entities:
        r.entities.append((e.id, e.name, e.type, e.name_ar, e.wikidata))
        seen: dict[str, int] = {}
        for m in e.mentions:
            seen[m.text] = seen.get(m.text, 0) + 1
            r.mentions.append((e.id, m.text, m.start, m.end))
        for extra in [e.name_ar, e.name, *e.aliases]:
            if extra and extra not in seen:
                seen[extra] = 0  # a known name, not a mention: found by lookup, counted as 0
        for text, n in seen.items():
            key = name_key(text)
            if key:
                r.spellings.append((e.id, key, text, n))
        r.article_entities.append((e.id, len(e.mentions), e.role))
    for q in art.quotes:
        r.quotations.append((q.text, q.start, q.end, bool(q.direct), q.speaker_text, q.speaker_id, q.speaker_role, q.cue))
    for ev in art.events:
        r.events.append((ev.type, ev.cameo, ev.text, ev.start, ev.end, ev.trigger, ev.actor_id, ev.target_id,
                         ev.where_id, _json(ev.when), ev.polarity))
    for t in art.timexes:
        r.timexes.append((t.text, t.start, t.end, t.type, _json(t.value), t.mod))
    for k in art.keywords:
        r.keywords.append((k.text, float(k.score)))
    for t in art.topics:
        r.topics.append((t.label, float(t.score)))
    return r
