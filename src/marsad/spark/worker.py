"""What runs inside each Spark task: raw records in, analysed rows (or error rows) out.

This module imports no pyspark: it is plain Python over plain values, so it is tested
directly and runs on any executor that has marsad installed. Everything heavy
(lexicons, models) is loaded by the annotators' module-level caches, which live as
long as the Python worker process: Spark reuses workers between tasks
(`spark.python.worker.reuse`, on by default), so they load once per worker.
"""
from __future__ import annotations

import json
import os
from typing import Iterable, Iterator, NamedTuple
from urllib.parse import unquote

from ..errors import MarsadError
from ..options import Options
from ..read import RawDocument, read_bytes
from ..read.dispatch import MAX_ARTICLE_BYTES, SNIFF_BYTES, sniff
from ..read.jsonl import BadRecord, record_to_raw
from .records import to_row
from .schema import PARTITION_COLUMN, Type, article_type

# Kinds of raw input row produced by the driver (see job.load_inputs).
LINE = "line"  # one line of a JSON Lines file (`text`)
FILE = "file"  # a whole file: WARC, HTML, a scrape, a feed, a JSON array (`data`)

MAX_REASON = 500


class RawRow(NamedTuple):
    kind: str
    source: str
    text: str | None
    data: bytes | None


def local_path(uri: str) -> str:
    """`file:/x` and `file:///x` as the plain path `marsad analyze` would show."""
    if uri.startswith("file://"):
        return uri[len("file://"):]
    if uri.startswith("file:"):
        return uri[len("file:"):]
    return uri


def _where(source: str, text: str) -> str:
    """A record of a JSON Lines file is named by its id or URL when it has one."""
    try:
        rec = json.loads(text)
    except ValueError:
        rec = None
    if isinstance(rec, dict):
        for k in ("id", "url", "link"):
            if rec.get(k) not in (None, ""):
                return f"{source} {k}={rec[k]}"
    snippet = text.strip()[:40]
    return f"{source} record {snippet!r}"


def documents(row: RawRow) -> Iterator[RawDocument | BadRecord]:
    """The documents in one raw input row, or BadRecords for what cannot be read."""
    source = local_path(row.source)
    if row.kind == LINE:
        # `_metadata.file_path` is a URI string: "a b.jsonl" arrives as "a%20b.jsonl"
        source = unquote(source)
        text = row.text or ""
        if not text.strip():
            return
        where = _where(source, text)
        try:
            rec = json.loads(text)
        except json.JSONDecodeError as e:
            yield BadRecord(f"{where}: malformed JSON ({e.msg})", where)
            return
        try:
            doc = record_to_raw(rec, where)
        except MarsadError as e:
            yield e if isinstance(e, BadRecord) else BadRecord(str(e), where)
            return
        doc.path = source
        yield doc
        return
    data = row.data or b""
    name = os.path.basename(source)
    if len(data) > MAX_ARTICLE_BYTES and sniff(data[:SNIFF_BYTES], name) in ("text", "html"):
        # the limit `marsad analyze` applies to one scrape or page
        yield BadRecord(f"{source}: {len(data) / 1e6:.1f} MB is too large for one article", source)
        return
    try:
        for d in read_bytes(data, name=name):
            if isinstance(d, RawDocument):
                d.path = source
            elif isinstance(d, BadRecord) and not str(d).startswith(source):
                d = BadRecord(f"{source}: {d}", d.where)
            yield d
    except MarsadError as e:
        msg = str(e)
        yield BadRecord(msg if msg.startswith(source) else f"{source}: {msg}", source)


def _as_tuple(value, t: Type):
    """An encoded row (dicts) as nested tuples in schema order, which Spark takes fastest."""
    if value is None:
        return None
    if t.kind == "list":
        return [_as_tuple(v, t.element) for v in value]
    if t.kind == "struct":
        return tuple(_as_tuple(value.get(f.name), f.type) for f in t.fields)
    return value


class Analyze:
    """The per-partition function: picklable by reference, holding only the run's Options.

    Yields (article, published_date, shingles, error) tuples matching `job.result_schema`:
    exactly one of article and error is set.
    """

    def __init__(self, options: Options | None = None, shingle_size: int | None = None):
        self.options = options or Options()
        self.shingle_size = shingle_size

    def _error(self, source: str, stage: str, reason: str):
        if reason.startswith(source + ": "):  # the source is its own column
            reason = reason[len(source) + 2:]
        return (None, None, None, (source, stage, reason[:MAX_REASON]))

    def rows(self, raw_rows: Iterable[RawRow]) -> Iterator[tuple]:
        from ..analysis import analyze
        from ..dedup import SHINGLE, shingles

        k = self.shingle_size or SHINGLE
        atype = article_type()
        for raw in raw_rows:
            try:
                docs = list(documents(raw))
            except Exception as e:  # a reader bug must not fail the job
                yield self._error(local_path(raw.source), "read", f"{type(e).__name__}: {e}")
                continue
            for doc in docs:
                if isinstance(doc, BadRecord):
                    yield self._error(doc.where or local_path(raw.source), "read", str(doc))
                    continue
                where = doc.path or doc.url or local_path(raw.source)
                try:
                    art = analyze(doc, options=self.options)
                    row = to_row(art)
                except MarsadError as e:
                    yield self._error(where, "analyze", str(e))
                    continue
                except Exception as e:  # an annotator bug on one record must not fail the job
                    yield self._error(where, "analyze", f"{type(e).__name__}: {e}")
                    continue
                date = row.pop(PARTITION_COLUMN)
                sh = sorted(shingles(art.text, k)) if art.text else []
                yield (_as_tuple(row, atype), date, sh, None)

    def __call__(self, rows) -> Iterator[tuple]:
        """mapPartitions entry point: `rows` are Spark Rows (kind, source, text, data)."""
        return self.rows(RawRow(r[0], r[1], r[2], bytes(r[3]) if r[3] is not None else None) for r in rows)
