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
from ..options import Options
from .records import IngestReport
from .rows import ArticleRows, article_rows, raw_hash

MAX_FAILURES_KEPT = 50
IN_FLIGHT_PER_WORKER = 128

class _Analyse:
    """In a worker: (raw hash, document) → ArticleRows, or a failure string.

    Picklable, holding only the run's Options: the pool hands it to every worker whole,
    so nothing about the run lives in module state."""

    def __init__(self, options: Options):
        self.options = options

    def __call__(self, item):
        from ..analysis import analyze

        h, doc = item
        try:
            art = analyze(doc, options=self.options)
            if not art.text.strip():
                return f"{_where(doc)}: no article text"
            return article_rows(art, h)
        except MarsadError as e:
            return f"{_where(doc)}: {e}"
        except Exception as e:  # an annotator bug must not stop a long ingest: report and go on
            return f"{_where(doc)}: analysis failed ({type(e).__name__}: {e})"


def _load_models() -> None:
    """Pool initializer: load the pipeline's models once per worker, before the first article."""
    from ..annotate import pipeline

    pipeline.available()


def _where(doc) -> str:
    return str(doc.path or doc.url or doc.id or "input")


def _raw_key(doc) -> str:
    basis = "\x1f".join(str(x or "") for x in (doc.id, doc.url, doc.title, doc.published, doc.text))
    return raw_hash(basis)


def ingest(store, paths: list[str], workers: int = 1, options: Options | None = None, batch_size: int = 200,
           progress: Callable[[IngestReport, str | None], None] | None = None, *, tz: str | None = None,
           published: str | None = None, skip: Iterable[str] = ()) -> IngestReport:
    """Analyse and store every document under `paths`; see the module docstring.

    `options` were checked where they entered (`Options.checked`); the `tz`, `published`
    and `skip` keywords are the older spelling of the same, taken only without `options`."""
    if options is None:
        options = Options(tz, published, frozenset(skip))
    return Ingest(store, options, workers, batch_size, progress).run(paths)


class Ingest:
    """One ingest run: the feeder (documents not yet stored, in bounded flight), the
    analysis (here or in a pool), and the batched writes, with the report they share."""

    def __init__(self, store, options: Options, workers: int = 1, batch_size: int = 200,
                 progress: Callable[[IngestReport, str | None], None] | None = None):
        self.store = store
        self.options = options
        self.workers = max(1, int(workers or 1))
        self.batch_size = batch_size
        self.progress = progress
        self.report = IngestReport()
        # Documents in flight: enough that the workers go on analysing while the parent waits
        # on a slow commit (an FTS5 segment merge or a PostgreSQL GIN pending-list flush can
        # take seconds once the store is large); a few MB of documents and rows.
        self.in_flight = threading.BoundedSemaphore(self.workers * IN_FLIGHT_PER_WORKER)
        self.pending_skip = 0  # found stored by the feeder, not yet counted in the report
        self.batch: list[ArticleRows] = []
        self.current: str | None = None  # the title last analysed, for `progress`
        self.t0 = 0.0
        self.learner = None  # the furniture learner, from the store's counts (in `run`)
        self.reader = None  # the feeder's own connection (in `run`)

    def run(self, paths: list[str]) -> IngestReport:
        from ..furniture import FurnitureLearner
        from ..spark.parquet import split_parquet

        # `marsad spark analyze` output is already analysed: its Articles are stored as they are
        parquet, paths = split_parquet(paths)
        report, store = self.report, self.store
        self.t0 = time.perf_counter()
        # each source's repeated lines, learned across ingests: layout drops them as furniture
        self.learner = FurnitureLearner(store.furniture_state())
        # the feeder runs in imap's thread: give it its own connection
        self.reader = _reader_for(store)
        try:
            for p in parquet:
                report.files += 1
                self._consume(_analysed_rows(p), gated=False)
            analyse = _Analyse(self.options)
            if self.workers == 1:
                _load_models()
                self._consume(analyse(item) for item in self._feed(paths))
            else:
                ctx = mp.get_context("fork" if sys.platform.startswith("linux") else "spawn")
                with ctx.Pool(self.workers, initializer=_load_models) as pool:
                    self._consume(pool.imap(analyse, self._feed(paths), chunksize=4))
            self._commit()
            store.save_furniture(self.learner.state())
        finally:
            self._count_pending_skips()
            if self.reader is not store:
                self.reader.close()
        if report.added:
            store.rebuild_stories()
            store.optimize()
        report.seconds = time.perf_counter() - self.t0
        report.processed = report.added + report.skipped + report.failed
        if self.progress:
            self.progress(report, None)
        return report

    def _fail(self, msg: str) -> None:
        self.report.failed += 1
        if len(self.report.failures) < MAX_FAILURES_KEPT:
            self.report.failures.append(msg)

    def _count_pending_skips(self) -> None:
        self.report.skipped += self.pending_skip
        self.pending_skip = 0

    def _feed(self, paths: list[str]) -> Iterator:
        """Documents not yet stored, in chunks checked against the store (the check runs in the feeder)."""
        from ..furniture import with_furniture
        from ..inputs import Failure, documents

        report = self.report
        chunk: list = []
        own = os.path.abspath(getattr(self.store, "path", "") or "\0")
        last_path = object()
        for doc in with_furniture(documents(paths), self.learner):
            # files are counted by path: a bad record's `where` names its line, not a new file
            where = (doc.path or doc.where) if isinstance(doc, Failure) else doc.path
            if where != last_path:
                last_path = where
                report.files += 1
            if isinstance(doc, Failure):
                if not os.path.abspath(doc.path or doc.where).startswith(own):  # the store's own files
                    self._fail(doc.message)
                continue
            chunk.append((_raw_key(doc), doc))
            if len(chunk) >= 64:
                yield from self._unstored(chunk)
        yield from self._unstored(chunk)

    def _unstored(self, chunk: list) -> Iterator:
        """The chunk's documents whose raw hash is not stored, each taking a place in flight; empties the chunk."""
        known = self.reader.has_raw([h for h, _ in chunk])
        for h, d in chunk:
            if h in known:
                self.pending_skip += 1
                continue
            self.in_flight.acquire()
            yield h, d
        chunk.clear()

    def _commit(self) -> None:
        if self.batch:
            added, skipped = self.store.write(self.batch)
            self.report.added += added
            self.report.skipped += skipped
            self.batch.clear()

    def _consume(self, results, gated: bool = True) -> None:
        report = self.report
        for res in results:
            if gated:
                self.in_flight.release()
            if isinstance(res, str):
                self._fail(res)
            else:
                self.batch.append(res)
                self.current = res.article.get("title")
                if len(self.batch) >= self.batch_size:
                    self._commit()
            self._count_pending_skips()
            report.seconds = time.perf_counter() - self.t0
            report.processed = report.added + report.skipped + report.failed + len(self.batch)
            if self.progress:
                self.progress(report, self.current)


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
