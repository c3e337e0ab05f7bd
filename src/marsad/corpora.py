"""Readers for the public corpora used to train and evaluate marsad (paths given by the user).

ANT (TREC-like tags, one article per file) and SaudiNewsNet (zipped JSON arrays).
These are never shipped; training and benchmark code reads them from where the user
keeps them (e.g. ../shared/data).
"""
from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path
from typing import Iterator

_TAG = re.compile(r"<(DOCNO|URL|SRC|CAT|TITLE|TIME|AUTHOR|ABSTRACT|TEXT)>(.*?)(?:</\1>|(?=<[A-Z]+>)|\Z)", re.S)


def parse_ant(text: str) -> dict:
    """Fields of one ANT file (it is not well-formed XML, so tags are read with a regex)."""
    out = {k.lower(): v.strip() for k, v in _TAG.findall(text)}
    out["paragraphs"] = [p.strip() for p in out.get("text", "").split("\n") if p.strip()]
    return out


def iter_ant(root: str | Path) -> Iterator[dict]:
    """Every ANT article under root (sorted paths): docno, url, src, cat, title, time, author, text, paragraphs."""
    for p in sorted(Path(root).rglob("*.txt")):
        if p.name.startswith(("LICENSE", "README", "SOURCE")):
            continue
        rec = parse_ant(p.read_text(encoding="utf-8", errors="replace"))
        if rec.get("text"):
            rec["path"] = str(p)
            yield rec


def iter_saudinewsnet(root: str | Path) -> Iterator[dict]:
    """SaudiNewsNet records (source, url, date_extracted, title, author, content). Non-commercial data:
    evaluation and benchmarks only."""
    for z in sorted(Path(root).glob("*.zip")):
        with zipfile.ZipFile(z) as zf:
            for name in zf.namelist():
                if name.endswith(".json"):
                    yield from json.loads(zf.read(name).decode("utf-8"))
