"""WARC files (warcio): one document per HTML response record, streamed."""
from __future__ import annotations

from pathlib import Path
from typing import BinaryIO, Iterator

from ..errors import InputError
from . import RawDocument
from .jsonl import BadRecord


def read_warc(path: Path) -> Iterator[RawDocument]:
    with open(path, "rb") as fh:
        for doc in read_warc_stream(fh, str(path)):
            if isinstance(doc, RawDocument):
                doc.path = str(path)
            yield doc


def read_warc_stream(stream: BinaryIO, name: str = "warc") -> Iterator[RawDocument]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    from .decode import decode_bytes
    from .html import read_html

    found = 0
    try:
        records = ArchiveIterator(stream)
        # warcio writes a three-line warning to stderr on a wrong Content-Length: keep stderr one line a problem
        records.INC_RECORD = ""
        for n, rec in enumerate(records):
            if rec.rec_type not in ("response", "resource"):
                continue
            url = rec.rec_headers.get_header("WARC-Target-URI")
            ctype = ""
            if rec.http_headers is not None:
                if rec.http_headers.get_statuscode() not in ("200", None):
                    continue
                ctype = rec.http_headers.get_header("Content-Type") or ""
            else:
                ctype = rec.rec_headers.get_header("Content-Type") or ""
            if ctype and "html" not in ctype.lower():
                continue
            body = rec.content_stream().read()
            where = f"{name}#{n} {url}"
            try:
                text, _ = decode_bytes(body)
                doc = read_html(text, url=url)
            except InputError as e:
                yield BadRecord(f"{where}: {e}", where)  # type: ignore[misc]
                continue
            doc.format = "warc"
            doc.url = url or doc.url
            found += 1
            yield doc
    except ArchiveLoadFailed as e:
        raise InputError(f"{name}: not a readable WARC file ({str(e).splitlines()[0][:120]})") from None
    # truncated gzip members, bad headers; warcio trips over some (a record with no target URI)
    except (ValueError, EOFError, OSError, AttributeError, KeyError, IndexError, TypeError) as e:
        raise InputError(f"{name}: WARC file is damaged ({type(e).__name__})") from None
    if not found:
        raise InputError(f"{name}: no HTML response records in this WARC file")
