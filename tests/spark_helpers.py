"""Shared by the Spark tests: real ANT articles as JSON Lines records."""
from __future__ import annotations

from pathlib import Path


def ant_records(shared: Path, n: int) -> list[dict]:
    """Every k-th ANT article (all five outlets) as a JSON Lines record."""
    from marsad.corpora import iter_ant

    arts = list(iter_ant(shared / "data" / "ant-corpus-multisource-2018-03"))
    step = max(1, len(arts) // n)
    return [{"id": a["docno"], "url": a.get("url"), "title": a.get("title"), "author": a.get("author"),
             "published": a.get("time"), "text": a["text"]} for a in arts[::step][:n]]
