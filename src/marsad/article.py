"""The Article record: the one thing that travels between marsad's stages.

Every annotation carries character offsets into `Article.text`, which is the body
paragraphs joined by blank lines ("\n\n"). The record is plain dataclasses so it
serialises to JSON (and to Parquet/SQL rows) without a framework.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from typing import Any

ARTICLE_SCHEMA_VERSION = 1
PARAGRAPH_SEP = "\n\n"


@dataclass
class Source:
    path: str | None = None
    url: str | None = None
    format: str = "text"  # text | html | jsonl | rss | atom | warc | parquet | trec
    site: str | None = None
    # bytes that did not fit the encoding the input was read with, replaced by U+FFFD (0: a clean
    # input; the key is left out of the JSON then, with `encoding`)
    damaged_bytes: int = 0
    encoding: str | None = None


@dataclass
class Section:
    heading: str | None = None
    paragraphs: list[str] = field(default_factory=list)


@dataclass
class Mention:
    text: str
    start: int
    end: int


@dataclass
class Entity:
    id: str
    name: str  # English name
    type: str  # PER | LOC | ORG | MISC
    name_ar: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)  # English aliases, where known
    wikidata: str | None = None
    role: str | None = None


@dataclass
class Quote:
    text: str
    start: int
    end: int
    direct: bool
    speaker_text: str | None = None
    speaker_id: str | None = None
    speaker_role: str | None = None
    cue: str | None = None


@dataclass
class Timex:
    text: str
    start: int
    end: int
    type: str  # DATE | TIME | DURATION | SET
    value: Any  # TIMEX3 value, or a list of values for coordinated dates
    mod: str | None = None


@dataclass
class Event:
    type: str
    cameo: str
    text: str
    start: int
    end: int
    trigger: str | None = None
    actor_id: str | None = None
    target_id: str | None = None
    where_id: str | None = None
    when: Any = None
    polarity: str = "asserted"  # asserted | denied | planned | reported


@dataclass
class Keyword:
    text: str
    score: float


@dataclass
class SummarySentence:
    text: str
    start: int
    end: int


@dataclass
class Topic:
    label: str
    score: float


@dataclass
class Article:
    id: str = ""
    schema: int = ARTICLE_SCHEMA_VERSION
    source: Source = field(default_factory=Source)
    language: str = "ar"
    title: str | None = None
    image_caption: str | None = None
    author: str | None = None
    published: str | None = None  # ISO 8601, with offset when a zone is known
    sections: list[Section] = field(default_factory=list)
    text: str = ""
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    keywords: list[Keyword] = field(default_factory=list)
    summary: list[SummarySentence] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)

    # -- body text -------------------------------------------------------
    def rebuild_text(self) -> None:
        """Set `text` from the sections' paragraphs (called by layout only)."""
        self.text = PARAGRAPH_SEP.join(p for s in self.sections for p in s.paragraphs)

    def paragraph_spans(self) -> list[tuple[int, int]]:
        """(start, end) of every paragraph in `text`, in reading order."""
        spans, pos = [], 0
        for s in self.sections:
            for p in s.paragraphs:
                spans.append((pos, pos + len(p)))
                pos += len(p) + len(PARAGRAPH_SEP)
        return spans

    # -- serialisation ---------------------------------------------------
    def to_dict(self) -> dict:
        d = asdict(self)
        src = d["source"]
        if not src.get("damaged_bytes"):  # said only of damaged inputs
            src.pop("damaged_bytes", None)
            src.pop("encoding", None)
        return d

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, d: dict) -> "Article":
        if d.get("schema", ARTICLE_SCHEMA_VERSION) > ARTICLE_SCHEMA_VERSION:
            raise ValueError(f"Article schema {d.get('schema')} is newer than this marsad ({ARTICLE_SCHEMA_VERSION})")
        kw = {f.name: d[f.name] for f in fields(cls) if f.name in d}
        kw["source"] = Source(**(d.get("source") or {}))
        kw["sections"] = [Section(**s) for s in d.get("sections") or []]
        kw["entities"] = [
            Entity(**{**e, "mentions": [Mention(**m) for m in e.get("mentions") or []]})
            for e in d.get("entities") or []
        ]
        kw["quotes"] = [Quote(**q) for q in d.get("quotes") or []]
        kw["timexes"] = [Timex(**t) for t in d.get("timexes") or []]
        kw["events"] = [Event(**e) for e in d.get("events") or []]
        kw["keywords"] = [Keyword(**k) for k in d.get("keywords") or []]
        kw["summary"] = [
            SummarySentence(**s) if isinstance(s, dict) else SummarySentence(s, -1, -1)
            for s in d.get("summary") or []
        ]
        kw["topics"] = [Topic(**t) for t in d.get("topics") or []]
        return cls(**kw)

    @classmethod
    def from_json(cls, s: str) -> "Article":
        return cls.from_dict(json.loads(s))

    def entity(self, entity_id: str) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)
