"""JSON Lines records {"id", "url", "title", "author", "published", "text"} (any field may be absent).

A JSON array of such objects (SaudiNewsNet's dumps) is read too, and the common
alternative field names (`content`, `body`, `date`, `link`, ...) are accepted.
A field of the wrong type is coerced when its meaning is clear (a number id, a list
of paragraphs, null for absent); otherwise the record is yielded as a BadRecord.
"""
from __future__ import annotations

import gzip
import json
import zlib
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from ..errors import BadRecord, InputError
from . import RawDocument
from .decode import CONTROL_CODES, too_damaged

__all__ = ["BadRecord", "read_jsonl", "record_to_raw", "records_from_text"]

_TEXT = ("text", "content", "body", "article", "maintext")
# reference time: `published` first, then the names other tools write (SaudiNewsNet: date_extracted)
_DATE = ("published", "date", "pubDate", "published_at", "datePublished", "created_at", "date_extracted",
         "datetime", "date_publish", "time")
_URL = ("url", "link", "source_url")
_TITLE = ("title", "headline")
_AUTHOR = ("author", "byline", "authors")
_EXTRA = ("source", "category", "section", "lang", "language")


def _first(rec: dict, keys) -> tuple[str, object]:
    for k in keys:
        v = rec.get(k)
        if v not in (None, "", []):
            return k, v
    return "", None


def _kind(v: object) -> str:
    """A JSON value's type as a report names it."""
    if isinstance(v, (dict, list, bool)):
        return {dict: "an object", list: "a list", bool: "true/false"}[type(v)]
    return "a number" if isinstance(v, (int, float)) else type(v).__name__


def _number(v: object) -> str | None:
    """A JSON number as the string it stands for (7 → "7", 7.0 → "7"); None if not a number."""
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        return None
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return str(v)


def _string(rec: dict, keys, where: str, numbers: bool = True) -> str | None:
    """The first present field of `keys` as a string; a number is its digits; else BadRecord."""
    k, v = _first(rec, keys)
    if v is None or isinstance(v, str):
        return v
    if numbers and (n := _number(v)) is not None:
        return n
    raise BadRecord(f"{where}: field {k!r} is {_kind(v)}, not a string", where)


def _text(rec: dict, where: str) -> str | None:
    k, v = _first(rec, _TEXT)
    if v is None or isinstance(v, str):
        return v
    if isinstance(v, list) and all(isinstance(x, str) for x in v):
        return "\n\n".join(x for x in v if x.strip())  # paragraphs
    raise BadRecord(f"{where}: field {k!r} is {_kind(v)}, not text", where)


def _author(rec: dict, where: str) -> str | None:
    k, v = _first(rec, _AUTHOR)
    if isinstance(v, dict):  # schema.org style {"name": ...}
        v = v.get("name")
    if isinstance(v, list):
        names = [x.get("name") if isinstance(x, dict) else x for x in v]
        if all(isinstance(x, str) for x in names):
            v = "، ".join(x.strip() for x in names if x.strip())
    if v is None or isinstance(v, str):
        return v.strip() or None if v else None
    raise BadRecord(f"{where}: field {k!r} is {_kind(v)}, not a name", where)


def _published(rec: dict, where: str) -> str | None:
    k, v = _first(rec, _DATE)
    if v is None or isinstance(v, str):
        return v
    if not isinstance(v, bool) and isinstance(v, (int, float)) and 1e8 <= v <= 4e12:
        # a Unix time in seconds or milliseconds (1973..2096)
        for scale in (1, 1000):
            if 1e8 <= v / scale <= 4e9:
                return datetime.fromtimestamp(v / scale, tz=timezone.utc).isoformat()
    raise BadRecord(f"{where}: field {k!r} is {_kind(v)}, not a date", where)


def record_to_raw(rec: object, where: str = "") -> RawDocument:
    """A RawDocument from one JSON record; BadRecord (raised) when it cannot be used."""
    where = where or "input"
    if not isinstance(rec, dict):
        raise BadRecord(f"{where}: not a JSON object", where)
    text = _text(rec, where)
    html = rec.get("html")
    url = _string(rec, _URL, where, numbers=False)
    if not (text and text.strip()) and isinstance(html, str) and html.strip():
        from .html import read_html

        try:
            doc = read_html(html, url=url)
        except BadRecord:
            raise
        except InputError as e:
            raise BadRecord(f"{where}: {e}", where) from None
    else:
        if not text or not text.strip():
            raise BadRecord(f"{where}: record has no text", where)
        doc = RawDocument(text=text, format="jsonl")
    doc.format = "jsonl"
    doc.id = _string(rec, ("id",), where) or doc.id
    doc.url = url or doc.url
    doc.title = _string(rec, _TITLE, where) or doc.title
    doc.author = _author(rec, where) or doc.author
    doc.published = _published(rec, where) or doc.published
    site = rec.get("source") if isinstance(rec.get("source"), str) else None
    doc.site = site or _string(rec, ("site",), where, numbers=False) or doc.site
    doc.extra = {k: v for k, v in rec.items() if k in _EXTRA and isinstance(v, (str, int, float))}
    # a JSON escape can put control codes (\u0000) in a string: damage, replaced and counted as in files
    replaced = 0
    for name in ("text", "title", "author", "id", "url", "published", "site"):
        v = getattr(doc, name)
        if v and CONTROL_CODES.search(v):
            v, n = CONTROL_CODES.subn("\ufffd", v)
            setattr(doc, name, v)
            replaced += n
    if replaced:
        doc.extra["decode_replaced"] = replaced
    return doc


def _record(line: bytes, n: int, path: str) -> RawDocument | BadRecord:
    """One line of a JSON Lines file: a document, or the reason it cannot be used."""
    where = f"{path}:{n}"
    try:
        s = line.decode("utf-8")
        replaced = 0
    except UnicodeDecodeError:
        s = line.decode("utf-8", errors="replace")
        replaced = s.count("\ufffd") - line.count(b"\xef\xbf\xbd")
        if too_damaged(replaced, len(line)):
            return BadRecord(f"{where}: line is not UTF-8 text", where)
    try:
        rec = json.loads(s)
    except json.JSONDecodeError as e:
        return BadRecord(f"{where}: malformed JSON ({e.msg})", where)
    except RecursionError:
        return BadRecord(f"{where}: JSON nested too deeply", where)
    try:
        d = record_to_raw(rec, where)
    except InputError as e:
        return e if isinstance(e, BadRecord) else BadRecord(f"{where}: {e}", where)
    d.path = path
    d.extra.update(line=n, encoding="utf-8", decode_replaced=d.extra.get("decode_replaced", 0) + replaced)
    return d


def read_jsonl(path: Path, gz: bool = False) -> Iterator[RawDocument | BadRecord]:
    """Stream records from a JSON Lines file (bounded memory); a bad line is yielded as a BadRecord."""
    opener = gzip.open if gz else open
    try:
        with opener(path, "rb") as fh:
            first = True
            for n, line in enumerate(fh, 1):
                if first:
                    line = line.removeprefix(b"\xef\xbb\xbf")
                    if line.lstrip().startswith(b"["):  # a JSON array: read whole
                        from .decode import decode_text

                        for d in records_from_text(decode_text(line + fh.read()).text, name=str(path)):
                            if isinstance(d, RawDocument):
                                d.path = str(path)
                            yield d
                        return
                if not line.strip():
                    continue
                first = False
                yield _record(line, n, str(path))
    except (EOFError, zlib.error, gzip.BadGzipFile):
        raise InputError(f"{path}: the gzip stream is damaged or cut short") from None


def records_from_text(text: str, name: str = "") -> Iterator[RawDocument | BadRecord]:
    """Records in decoded text: a JSON array, one object, or JSON Lines."""
    name = name or "input"
    s = text.lstrip("\ufeff").strip()
    if s.startswith("["):
        try:
            arr = json.loads(s)
        except json.JSONDecodeError as e:
            raise InputError(f"{name}: malformed JSON ({e.msg} at line {e.lineno})") from None
        except RecursionError:
            raise InputError(f"{name}: JSON nested too deeply") from None
        for n, rec in enumerate(arr):
            try:
                yield record_to_raw(rec, f"{name}[{n}]")
            except InputError as e:
                yield e if isinstance(e, BadRecord) else BadRecord(str(e), f"{name}[{n}]")
        return
    # "\n" only: str.splitlines would also cut at U+2028 or U+0085, which JSON strings may hold
    lines = s.split("\n")
    if len(lines) == 1 or not s.startswith("{"):
        try:
            rec = json.loads(s)
        except json.JSONDecodeError as e:
            if len(lines) == 1:
                raise InputError(f"{name}: malformed JSON ({e.msg})") from None
        except RecursionError:
            raise InputError(f"{name}: JSON nested too deeply") from None
        else:  # one object: its problem is the whole input's (raised, as for any file)
            yield record_to_raw(rec, name)
            return
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{name}:{n}"
        try:
            yield record_to_raw(json.loads(line), where)
        except json.JSONDecodeError as e:
            yield BadRecord(f"{where}: malformed JSON ({e.msg})", where)
        except RecursionError:
            yield BadRecord(f"{where}: JSON nested too deeply", where)
        except InputError as e:
            yield e if isinstance(e, BadRecord) else BadRecord(str(e), where)
