"""Articles to columnar rows and back (plain dicts; no Spark or Arrow needed).

`to_row` is what the Spark job writes; `from_row` is what `marsad ingest` reads.
Fields typed `Any` travel as JSON text (see `schema`); everything else is as in
`Article.to_dict()`.
"""
from __future__ import annotations

import dataclasses
import json
import re

from ..article import Article
from .schema import PARTITION_COLUMN, Type, article_type

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def _encode(value, t: Type):
    if value is None:
        return None
    if t.kind == "json":
        return json.dumps(value, ensure_ascii=False)
    if t.kind == "list":
        return [_encode(v, t.element) for v in value]
    if t.kind == "struct":
        return {f.name: _encode(getattr(value, f.name), f.type) for f in t.fields}
    # plain Python scalars only: an annotator may hand over numpy values (numpy.str_,
    # numpy.float32), which Spark's JVM unpickler cannot read and would fail the task
    if t.kind == "string":
        return value if type(value) is str else str(value)
    if t.kind == "double":
        return float(value)
    if t.kind == "long":
        return value if type(value) is int else int(value)
    if t.kind == "boolean":
        return bool(value)
    return value


def _decode(value, t: Type):
    if value is None:
        return None
    if t.kind == "json":
        return json.loads(value)
    if t.kind == "list":
        return [_decode(v, t.element) for v in value]
    if t.kind == "struct":
        # a field the file lacks (written by an older marsad) takes the dataclass default
        return {f.name: _decode(value[f.name], f.type) for f in t.fields if f.name in value}
    return value


def published_date(article: Article) -> str | None:
    """The partition value: YYYY-MM-DD of `published` as the article states it."""
    m = _DATE.match(article.published or "")
    return m.group() if m else None


def to_row(article: Article) -> dict:
    """The Article as a row of the articles table (with its partition column)."""
    row = _encode(article, article_type())
    row[PARTITION_COLUMN] = published_date(article)
    return row


def from_row(row: dict) -> Article:
    """An Article from a row of the articles table (extra columns are ignored)."""
    d = _decode(row, article_type())
    return Article.from_dict(d)


def article_fields() -> list[str]:
    return [f.name for f in dataclasses.fields(Article)]
