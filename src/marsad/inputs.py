"""Walking the user's input paths: files, directories, stdin; documents or per-input errors."""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Iterator, NamedTuple

from .errors import BadRecord, InputError
from .read import RawDocument, read_bytes, read_path

_SKIP_SUFFIXES = (".pyc", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".pdf", ".md5", ".sha1")


class Failure(NamedTuple):
    """An input, or one record of it, that cannot be read: `message` is the one line to report."""

    where: str
    message: str
    path: str | None = None  # the input file (`where` may name a line or record in it)


def damage_warning(doc: RawDocument) -> str | None:
    """The one-line warning for a document read from damaged bytes, or None if it decoded cleanly."""
    n = doc.extra.get("decode_replaced") or 0
    if not n:
        return None
    where = doc.path or doc.url or "input"
    if doc.extra.get("line") and doc.format == "jsonl":
        where = f"{where}:{doc.extra['line']}"
    enc = doc.extra.get("encoding", "text")
    return f"warning: {where}: {n} damaged byte{'s' if n != 1 else ''} replaced by U+FFFD (read as {enc})"


def expand(paths: list[str]) -> Iterator[str]:
    """Files named, and the files under directories named (sorted, hidden ones skipped)."""
    for p in paths:
        if p == "-":
            yield p
            continue
        if os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in sorted(files):
                    if not f.startswith(".") and not f.lower().endswith(_SKIP_SUFFIXES):
                        yield os.path.join(root, f)
        else:
            yield p


def _failure(bad: BadRecord, path: str) -> Failure:
    """A bad record's report, naming its file when the reader did not (feed entries, WARC records)."""
    msg = str(bad)
    if msg.startswith((path, str(Path(path)))):
        return Failure(bad.where, msg, path)
    return Failure(f"{path} {bad.where}", f"{path}: {msg}", path)


def documents(paths: list[str]) -> Iterator[RawDocument | Failure]:
    """Every document in every input, or a Failure for an input/record that cannot be read.

    The stream never stops at a bad input: each yields its Failure and the next is read.
    """
    for p in expand(paths):
        try:
            if p == "-":
                data = sys.stdin.buffer.read()
                for d in read_bytes(data, name="stdin"):
                    yield _failure(d, "stdin") if isinstance(d, BadRecord) else d
                continue
            for d in read_path(p):
                yield _failure(d, p) if isinstance(d, BadRecord) else d
        except InputError as e:
            msg = str(e)  # readers name the file as Path prints it (`./a.txt` as `a.txt`)
            yield Failure(p, msg if msg.startswith((p, str(Path(p)))) else f"{p}: {msg}", p)
        except (RecursionError, MemoryError, ValueError, LookupError, TypeError, AttributeError) as e:
            # a reader library's own error on a malformed file must not end the whole batch
            first = str(e).splitlines()[0][:120] if str(e) else ""
            yield Failure(p, f"{p}: could not be read ({type(e).__name__}: {first})", p)


def is_batch(paths: list[str]) -> bool:
    """Several files, a directory, or a multi-record input print JSON Lines."""
    if len(paths) != 1:
        return True
    p = paths[0]
    if p != "-" and os.path.isdir(p):
        return True
    return Path(p).suffix.lower() in (".jsonl", ".ndjson", ".warc", ".gz", ".xml", ".rss", ".atom") or p.endswith(".warc.gz")
