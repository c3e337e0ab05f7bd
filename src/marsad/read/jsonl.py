"""JSON Lines records {"id", "url", "title", "author", "published", "text"} (any field may be absent).

A JSON array of such objects (SaudiNewsNet's dumps) is read too, and the common
alternative field names (`content`, `body`, `date`, `link`, ...) are accepted.
"""
from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Iterator

from ..errors import InputError
from . import RawDocument

_TEXT = ("text", "content", "body", "article", "maintext")
_DATE = ("published", "date", "pubDate", "published_at", "datetime", "date_publish", "time")
_URL = ("url", "link", "source_url")
_TITLE = ("title", "headline")
_AUTHOR = ("author", "byline", "authors")


def _first(rec: dict, keys) -> object:
    for k in keys:
        v = rec.get(k)
        if v not in (None, "", []):
            return v
    return None


class BadRecord(InputError):
    """One record of a multi-record file is unusable; the rest are still read."""

    def __init__(self, msg: str, where: str):
        super().__init__(msg)
        self.where = where


def record_to_raw(rec: object, where: str = "") -> RawDocument:
    if not isinstance(rec, dict):
        raise BadRecord(f"{where}: not a JSON object", where)
    text = _first(rec, _TEXT)
    if isinstance(text, list):
        text = "\n\n".join(str(x) for x in text)
    html = rec.get("html")
    if not text and isinstance(html, str) and html.strip():
        from .html import read_html

        doc = read_html(html, url=_first(rec, _URL))
    else:
        if not isinstance(text, str) or not text.strip():
            raise BadRecord(f"{where}: record has no text", where)
        doc = RawDocument(text=text, format="jsonl")
    author = _first(rec, _AUTHOR)
    if isinstance(author, list):
        author = "، ".join(map(str, author))
    doc.format = "jsonl"
    doc.id = str(rec["id"]) if rec.get("id") not in (None, "") else doc.id
    doc.url = _first(rec, _URL) or doc.url
    doc.title = (_first(rec, _TITLE) or doc.title)
    doc.author = (str(author).strip() if author else None) or doc.author
    pub = _first(rec, _DATE)
    doc.published = str(pub) if pub else doc.published
    doc.site = rec.get("source") if isinstance(rec.get("source"), str) else (rec.get("site") or doc.site)
    doc.extra = {k: v for k, v in rec.items() if k in ("source", "category", "section", "lang", "language")}
    return doc


def read_jsonl(path: Path, gz: bool = False) -> Iterator[RawDocument]:
    """Stream records from a JSON Lines file (bounded memory). Bad lines raise BadRecord."""
    opener = gzip.open if gz else open
    with opener(path, "rt", encoding="utf-8-sig", errors="strict") as fh:
        first = True
        try:
            for n, line in enumerate(fh, 1):
                if first and line.lstrip().startswith("["):
                    rest = line + fh.read()
                    yield from records_from_text(rest, name=str(path))
                    return
                first = False
                if not line.strip():
                    continue
                where = f"{path}:{n}"
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as e:
                    yield BadRecord(f"{where}: malformed JSON ({e.msg})", where)  # type: ignore[misc]
                    continue
                try:
                    d = record_to_raw(rec, where)
                except InputError as e:
                    yield e if isinstance(e, BadRecord) else BadRecord(str(e), where)  # type: ignore[misc]
                    continue
                d.path = str(path)
                d.extra["line"] = n
                yield d
        except UnicodeDecodeError:
            raise InputError(f"{path}: JSON Lines must be UTF-8") from None


def records_from_text(text: str, name: str = "") -> Iterator[RawDocument]:
    s = text.lstrip("\ufeff").strip()
    if s.startswith("["):
        try:
            arr = json.loads(s)
        except json.JSONDecodeError as e:
            raise InputError(f"{name or 'input'}: malformed JSON ({e.msg} at line {e.lineno})") from None
        for n, rec in enumerate(arr):
            try:
                yield record_to_raw(rec, f"{name}[{n}]")
            except InputError as e:
                yield e if isinstance(e, BadRecord) else BadRecord(str(e), f"{name}[{n}]")  # type: ignore[misc]
        return
    lines = s.splitlines()
    if len(lines) == 1 or not s.startswith("{"):
        try:
            rec = json.loads(s)
        except json.JSONDecodeError as e:
            if len(lines) == 1:
                raise InputError(f"{name or 'input'}: malformed JSON ({e.msg})") from None
        else:
            yield record_to_raw(rec, name or "input")
            return
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{name}:{n}"
        try:
            yield record_to_raw(json.loads(line), where)
        except json.JSONDecodeError as e:
            yield BadRecord(f"{where}: malformed JSON ({e.msg})", where)  # type: ignore[misc]
        except InputError as e:
            yield e if isinstance(e, BadRecord) else BadRecord(str(e), where)  # type: ignore[misc]
