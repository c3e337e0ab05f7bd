"""Streaming ingest: documents → analyze (in worker processes) → rows → batched transactions.

Memory stays bounded whatever the corpus size: the document stream is read lazily
and at most `workers * IN_FLIGHT_PER_WORKER` documents are in flight (a semaphore gates the feeder
that multiprocessing's imap would otherwise drain eagerly). Each batch is one
transaction, so a kill leaves whole articles or none; a re-run skips what is
stored (by raw-document hash before analysis, then by id, URL or content hash).
"""
from __future__ import annotations

import multiprocessing as mp
import os
import sys
import threading
import time
from typing import Callable, Iterable, Iterator

from ..errors import MarsadError
from .records import IngestReport
from .rows import ArticleRows, article_rows, raw_hash

MAX_FAILURES_KEPT = 50
IN_FLIGHT_PER_WORKER = 128

_opts: dict = {}


def _init(tz, published, skip) -> None:
    _opts.update(tz=tz, published=published, skip=tuple(skip))
    # load the pipeline's models once per worker, before the first article
    from ..annotate import pipeline

    pipeline.available()


def _work(item):
    """In a worker: (raw hash, document) → ArticleRows, or a failure string."""
    from ..analysis import analyze

    h, doc = item
    try:
        art = analyze(doc, tz=_opts.get("tz"), published=_opts.get("published"), skip=_opts.get("skip", ()))
        if not art.text.strip():
            return f"{_where(doc)}: no article text"
        return article_rows(art, h)
    except MarsadError as e:
        return f"{_where(doc)}: {e}"
    except Exception as e:  # an annotator bug must not stop a long ingest: report and go on
        return f"{_where(doc)}: analysis failed ({type(e).__name__}: {e})"


def _where(doc) -> str:
    return str(doc.path or doc.url or doc.id or "input")


def _raw_key(doc) -> str:
    basis = "\x1f".join(str(x or "") for x in (doc.id, doc.url, doc.title, doc.published, doc.text))
    return raw_hash(basis)


def ingest(store, paths: list[str], workers: int = 1, tz: str | None = None, published: str | None = None,
           skip: Iterable[str] = (), batch_size: int = 200,
           progress: Callable[[IngestReport, str | None], None] | None = None) -> IngestReport:
    """Analyse and store every document under `paths`; see the module docstring."""
    from ..furniture import FurnitureLearner, with_furniture
    from ..inputs import Failure, documents
    from ..spark.parquet import split_parquet

    # `marsad spark analyze` output is already analysed: its Articles are stored as they are
    parquet, paths = split_parquet(paths)
    report = IngestReport()
    t0 = time.perf_counter()
    workers = max(1, int(workers or 1))
    # Documents in flight: enough that the workers go on analysing while the parent waits
    # on a slow commit (an FTS5 segment merge or a PostgreSQL GIN pending-list flush can
    # take seconds once the store is large); a few MB of documents and rows.
    in_flight = threading.BoundedSemaphore(workers * IN_FLIGHT_PER_WORKER)
    pending_skip = [0]

    def fail(msg: str) -> None:
        report.failed += 1
        if len(report.failures) < MAX_FAILURES_KEPT:
            report.failures.append(msg)

    def feed() -> Iterator:
        """Documents not yet stored, in chunks checked against the store (the check runs in the feeder)."""
        chunk: list = []

        def flush():
            keys = [h for h, _ in chunk]
            known = store_reader.has_raw(keys)
            for h, d in chunk:
                if h in known:
                    pending_skip[0] += 1
                    continue
                in_flight.acquire()
                yield h, d
            chunk.clear()

        own = os.path.abspath(getattr(store, "path", "") or "\0")
        last_path = object()
        for doc in with_furniture(documents(paths), learner):
            # files are counted by path: a bad record's `where` names its line, not a new file
            where = (doc.path or doc.where) if isinstance(doc, Failure) else doc.path
            if where != last_path:
                last_path = where
                report.files += 1
            if isinstance(doc, Failure):
                if not os.path.abspath(doc.path or doc.where).startswith(own):  # the store's own files
                    fail(doc.message)
                continue
            chunk.append((_raw_key(doc), doc))
            if len(chunk) >= 64:
                yield from flush()
        yield from flush()

    # each source's repeated lines, learned across ingests: layout drops them as furniture
    learner = FurnitureLearner(store.furniture_state())
    # the feeder runs in imap's thread: give it its own connection
    store_reader = _reader_for(store)
    batch: list[ArticleRows] = []
    current = [None]

    def commit() -> None:
        if batch:
            added, skipped = store.write(batch)
            report.added += added
            report.skipped += skipped
            batch.clear()

    def consume(results, gated: bool = True) -> None:
        for res in results:
            if gated:
                in_flight.release()
            if isinstance(res, str):
                fail(res)
            else:
                batch.append(res)
                current[0] = res.article.get("title")
                if len(batch) >= batch_size:
                    commit()
            report.skipped += pending_skip[0]
            pending_skip[0] = 0
            report.seconds = time.perf_counter() - t0
            report.processed = report.added + report.skipped + report.failed + len(batch)
            if progress:
                progress(report, current[0])

    try:
        for p in parquet:
            report.files += 1
            consume(_analysed_rows(p), gated=False)
        if workers == 1:
            _init(tz, published, skip)
            consume(_work(item) for item in feed())
        else:
            ctx = mp.get_context("fork" if sys.platform.startswith("linux") else "spawn")
            with ctx.Pool(workers, initializer=_init, initargs=(tz, published, tuple(skip))) as pool:
                consume(pool.imap(_work, feed(), chunksize=4))
        commit()
        store.save_furniture(learner.state())
    finally:
        report.skipped += pending_skip[0]
        pending_skip[0] = 0
        if store_reader is not store:
            store_reader.close()
    if report.added:
        store.rebuild_stories()
        store.optimize()
    report.seconds = time.perf_counter() - t0
    report.processed = report.added + report.skipped + report.failed
    if progress:
        progress(report, None)
    return report


def _analysed_rows(path: str) -> Iterator:
    """ArticleRows of every Article in a Parquet table, or one failure string."""
    from ..spark.parquet import read_articles

    try:
        for art in read_articles(path):
            key = raw_hash("\x1f".join(str(x or "") for x in (art.id, art.source.url, art.title, art.published, art.text)))
            yield article_rows(art, key)
    except MarsadError as e:
        yield str(e)


def _reader_for(store):
    """A second connection to the same store for the feeder thread (it only looks up hashes,
    so a small page cache does)."""
    from .sqlite import SQLiteStore

    reader = type(store)(store.url)
    if isinstance(reader, SQLiteStore):
        reader.conn.execute("PRAGMA cache_size=-4096")
    return reader


def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover
        return os.cpu_count() or 1
