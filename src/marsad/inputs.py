"""Walking the user's input paths: files, directories, stdin; documents or per-input errors."""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Iterator, NamedTuple

from .errors import InputError
from .read import RawDocument, read_bytes, read_path
from .read.jsonl import BadRecord

_SKIP_SUFFIXES = (".pyc", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".pdf", ".md5", ".sha1")


class Failure(NamedTuple):
    where: str
    message: str


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


def documents(paths: list[str]) -> Iterator[RawDocument | Failure]:
    """Every document in every input, or a Failure for an input/record that cannot be read."""
    for p in expand(paths):
        try:
            if p == "-":
                data = sys.stdin.buffer.read()
                for d in read_bytes(data, name="stdin"):
                    yield Failure(d.where, str(d)) if isinstance(d, BadRecord) else d
                continue
            for d in read_path(p):
                yield Failure(d.where, str(d)) if isinstance(d, BadRecord) else d
        except InputError as e:
            msg = str(e)
            yield Failure(p, msg if msg.startswith(str(p)) else f"{p}: {msg}")


def is_batch(paths: list[str]) -> bool:
    """Several files, a directory, or a multi-record input print JSON Lines."""
    if len(paths) != 1:
        return True
    p = paths[0]
    if p != "-" and os.path.isdir(p):
        return True
    return Path(p).suffix.lower() in (".jsonl", ".ndjson", ".warc", ".gz", ".xml", ".rss", ".atom") or p.endswith(".warc.gz")
