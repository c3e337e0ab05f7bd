"""Reading `marsad spark analyze` output back without Spark (pyarrow only).

`read_articles(path)` streams Articles from the articles table, in bounded memory,
for `marsad ingest` to load a store without analysing again. `path` may be the
job's output directory (its `articles/` table is read), the table directory
itself, or one Parquet file.
"""
from __future__ import annotations

import os
from typing import Iterator

from ..article import Article
from ..errors import InputError
from .records import from_row

ARTICLES_TABLE = "articles"
BATCH_ROWS = 256


def is_parquet(path: str | os.PathLike) -> bool:
    """True for a Parquet file, or a directory that holds a Parquet dataset."""
    p = os.fspath(path)
    if os.path.isdir(p):
        for root, dirs, files in os.walk(p):
            dirs[:] = [d for d in dirs if not d.startswith((".", "_"))]
            for f in files:
                if not f.startswith((".", "_")):
                    return f.endswith(".parquet") or _magic(os.path.join(root, f))
        return False
    return _magic(p)


def split_parquet(paths: list[str]) -> tuple[list[str], list[str]]:
    """(Parquet paths, other paths): `marsad ingest` loads the first without analysing again."""
    parquet = [p for p in paths if p != "-" and is_parquet(p)]
    return parquet, [p for p in paths if p not in parquet]


def _magic(p: str) -> bool:
    try:
        with open(p, "rb") as fh:
            return fh.read(4) == b"PAR1"
    except OSError:
        return False


def _table_dir(p: str) -> str:
    sub = os.path.join(p, ARTICLES_TABLE)
    return sub if os.path.isdir(sub) else p


def read_articles(path: str | os.PathLike) -> Iterator[Article]:
    """Every Article in a Parquet articles table (any partitioning, any order)."""
    try:
        import pyarrow.dataset as ds
    except ImportError:
        raise InputError("reading Parquet needs pyarrow: pip install 'marsad[parquet]'") from None
    p = os.fspath(path)
    if not os.path.exists(p):
        raise InputError(f"{p}: no such file or directory")
    target = _table_dir(p) if os.path.isdir(p) else p
    try:
        dataset = ds.dataset(target, format="parquet", partitioning=None)
        names = set(dataset.schema.names)
        if not {"id", "text"} <= names:
            raise InputError(f"{p}: Parquet without the Article columns (id, text): not `marsad spark analyze` output")
        for batch in dataset.to_batches(batch_size=BATCH_ROWS):
            for row in batch.to_pylist():
                yield from_row(row)
    except InputError:
        raise
    except (OSError, ValueError) as e:  # pyarrow.ArrowInvalid is a ValueError
        raise InputError(f"{p}: cannot read Parquet ({str(e).splitlines()[0][:160]})") from None
