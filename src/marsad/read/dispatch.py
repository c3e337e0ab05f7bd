"""Choose a reader by looking at the bytes, then decode and read."""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Iterator

from ..errors import BadRecord, InputError
from . import RawDocument
from .decode import decode_bytes, decode_text, looks_binary, utf16_guess
from .trec import looks_trec

# One article (scrape or page) larger than this is not an article.
MAX_ARTICLE_BYTES = 10 * 1024 * 1024
SNIFF_BYTES = 65536
# A file of many records (JSON Lines, TREC, a JSON array) read whole is at most this.
MAX_RECORDS_BYTES = 512 * 1024 * 1024


def sniff(head: bytes, name: str = "") -> str:
    """Format of a file from its first bytes (and, only to break ties, its name)."""
    low = name.lower()
    if head[:2] == b"\x1f\x8b":
        return "warc" if ".warc" in low or not low.endswith((".jsonl.gz", ".json.gz")) else "jsonl-gz"
    if head.startswith(b"WARC/"):
        return "warc"
    if head[:4] == b"PAR1":
        return "parquet"
    if head[:5] == b"PK\x03\x04" and low.endswith(".zip"):
        return "zip"
    try:
        text = decode_bytes(head, partial=True)[0]
    except InputError:
        return "text"
    t = text.lstrip("\ufeff \t\r\n")[:4096]
    tl = t.lower()
    if looks_trec(t):
        return "trec"
    if tl.startswith("<?xml") or tl.startswith("<rss") or tl.startswith("<feed") or tl.startswith("<rdf:rdf"):
        if re.search(r"<(rss|feed|rdf:rdf)\b", tl):
            return "feed"
        if "<html" in tl:
            return "html"
    if tl.startswith("<!doctype html") or tl.startswith("<html") or re.search(r"<(html|head|body)[\s>]", tl[:2000]):
        return "html"
    if t.startswith("{") or t.startswith("["):
        return "json" if t.startswith("[") or low.endswith(".json") and not low.endswith(".jsonl") else "jsonl"
    if len(re.findall(r"</?(p|div|span|br|h[1-6]|a)\b[^>]*>", tl)) >= 3:
        return "html"
    if low.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    return "text"


def read_path(path: str | os.PathLike) -> Iterator[RawDocument | BadRecord]:
    """Yield the documents in one file (one for a scrape/page, many for JSONL/TREC/feeds/WARC).

    A record that cannot be used is yielded as a BadRecord (an InputError naming the
    file and line) and the next records are still read; InputError is raised only
    when the file as a whole cannot be read. Callers must check each item.
    """
    p = Path(path)
    try:
        if p.is_dir():
            raise InputError(f"{p}: is a directory (give files, or use a directory with `marsad analyze DIR`)")
        size = p.stat().st_size
        with open(p, "rb") as fh:
            head = fh.read(SNIFF_BYTES)
    except InputError:
        raise
    except FileNotFoundError:
        raise InputError(f"{p}: no such file") from None
    except PermissionError:
        raise InputError(f"{p}: permission denied") from None
    except OSError as e:
        raise InputError(f"{p}: cannot read ({e.strerror or e})") from None
    if size == 0 or not head.strip():
        raise InputError(f"{p}: empty file")
    kind = sniff(head, p.name)
    if kind == "warc":
        from .warc import read_warc

        yield from read_warc(p)
        return
    if kind == "jsonl" and utf16_guess(head):
        kind = "json"  # a UTF-16 file of records is decoded whole, not line by line
    if kind in ("jsonl", "jsonl-gz"):
        from .jsonl import read_jsonl

        yield from read_jsonl(p, gz=kind == "jsonl-gz")
        return
    if kind == "parquet":
        raise InputError(f"{p}: Parquet input is read by `marsad ingest` (Spark output), not `analyze`")
    if kind in ("zip",):
        raise InputError(f"{p}: zip archives are not read directly; unzip it first")
    if kind != "json" and looks_binary(head):
        raise InputError(f"{p}: binary file, not text, HTML, JSON Lines, a feed or WARC")
    limit = MAX_ARTICLE_BYTES if kind in ("text", "html") else MAX_RECORDS_BYTES
    if size > limit:
        raise InputError(
            f"{p}: {size / 1e6:.1f} MB is too large for one {kind} article (limit {limit / 1e6:.0f} MB); "
            "split it, or give JSON Lines/WARC for many articles"
        )
    data = p.read_bytes()
    for doc in read_bytes(data, name=str(p), kind=kind):
        if isinstance(doc, RawDocument):
            doc.path = str(p)
        yield doc


def read_bytes(data: bytes, name: str = "", kind: str | None = None,
               url: str | None = None) -> Iterator[RawDocument | BadRecord]:
    """Documents in an in-memory file (for the API and tests); see `read_path`.

    Each document decoded here carries extra["encoding"] and extra["decode_replaced"]
    (the file's damaged bytes replaced by U+FFFD; 0 when it decoded cleanly).
    """
    if not data or not data.strip():
        raise InputError(f"{name or 'input'}: empty")
    kind = kind or sniff(data[:SNIFF_BYTES], name)
    if kind == "warc":
        import io

        from .warc import read_warc_stream

        yield from read_warc_stream(io.BytesIO(data))
        return
    if kind == "jsonl-gz":
        data, kind = _gunzip(data, name), "json"  # decoded whole: records_from_text reads lines or an array
    if kind not in ("json",) and looks_binary(data[:SNIFF_BYTES]):
        raise InputError(f"{name or 'input'}: binary data, not text")
    if kind == "feed":
        from .feed import read_feed

        try:
            yield from read_feed(data)
        except (ValueError, LookupError, UnicodeError) as e:  # feedparser's own, on a damaged feed
            raise InputError(f"{name or 'input'}: feed could not be parsed ({type(e).__name__})") from None
        return
    text, enc, replaced = decode_text(data)
    if kind == "html":
        from .html import read_html

        docs: Iterator = iter([read_html(text, url=url)])
    elif kind == "trec":
        from .trec import read_trec

        docs = read_trec(text, name=name)
    elif kind in ("jsonl", "json"):
        from .jsonl import records_from_text

        docs = records_from_text(text, name=name)
    else:
        docs = iter([read_text(text)])
    for d in docs:
        if isinstance(d, RawDocument):
            d.extra["encoding"] = enc
            d.extra["decode_replaced"] = d.extra.get("decode_replaced", 0) + replaced
        yield d


def _gunzip(data: bytes, name: str) -> bytes:
    """A gzipped records file, decompressed up to the records limit (a small gzip can expand
    without bound)."""
    import gzip
    import io
    import zlib

    try:
        data = gzip.GzipFile(fileobj=io.BytesIO(data)).read(MAX_RECORDS_BYTES + 1)
    except (EOFError, zlib.error, gzip.BadGzipFile):
        raise InputError(f"{name or 'input'}: the gzip stream is damaged or cut short") from None
    if len(data) > MAX_RECORDS_BYTES:
        raise InputError(f"{name or 'input'}: decompresses to more than {MAX_RECORDS_BYTES // 2**20} MB")
    if not data.strip():
        raise InputError(f"{name or 'input'}: empty")
    return data


def read_text(text: str) -> RawDocument:
    """A plain-text scrape (already decoded)."""
    if not text.strip():
        raise InputError("empty text")
    return RawDocument(text=text.lstrip("\ufeff"), format="text")
