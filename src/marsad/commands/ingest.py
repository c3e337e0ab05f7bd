"""`marsad ingest PATH... [--db URL] [--workers N]`: analyse documents and store them in a corpus."""
from __future__ import annotations

import argparse
import sys

from ..options import add_time_policy


def register(sub) -> None:
    from ..corpus.cli_util import add_common

    p = sub.add_parser("ingest", help="analyse documents and store them in a corpus (SQLite or PostgreSQL)")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or directories (anything `marsad analyze` reads); - is stdin")
    add_common(p)
    p.add_argument("--workers", type=int, default=None, metavar="N", help="analysis processes (default: number of CPUs)")
    p.add_argument("--tz", metavar="ZONE", help="IANA time zone for datelines without an offset")
    p.add_argument("--published", metavar="ISO", help="reference time when a document has no dateline")
    add_time_policy(p)
    p.add_argument("--batch", type=int, default=200, metavar="N", help="articles per transaction (default 200)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..corpus.cli_util import open_corpus, print_json
    from ..corpus.ingest import cpu_count
    from ..errors import MarsadError
    from ..options import Options

    options = Options.checked(args.tz, args.published, time_policy=args.time_policy)
    workers = args.workers if args.workers is not None else cpu_count()
    if workers < 1 or workers > 64:
        raise MarsadError("--workers must be between 1 and 64")
    if args.batch < 1:
        raise MarsadError("--batch must be at least 1")
    corpus = open_corpus(args, must_exist=False)
    show = not args.quiet and sys.stderr.isatty()
    try:
        if show:
            report = _with_bar(corpus, args, workers, options)
        else:
            report = corpus.ingest(args.paths, workers=workers, batch_size=args.batch, options=options)
    finally:
        corpus.close()
    for f in report.failures:
        print(f"marsad: {f}", file=sys.stderr)
    if report.failed > len(report.failures):
        print(f"marsad: … and {report.failed - len(report.failures)} more failures", file=sys.stderr)
    if args.format == "json":
        print_json(report)
    else:
        rate = report.added / report.seconds if report.seconds else 0.0
        print(f"{report.added} added, {report.skipped} already stored, {report.failed} failed "
              f"in {report.seconds:.1f} s ({rate:.0f} articles/s) → {args.db}", file=sys.stderr)
    return 1 if report.failed and not (report.added or report.skipped) else 0


def estimate_records(paths: list[str]) -> int:
    """Articles the inputs probably hold: lines of JSON Lines files, one per other file (for the ETA)."""
    from ..inputs import expand

    total = 0
    for p in expand(paths):
        low = p.lower()
        try:
            if low.endswith((".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")):
                import gzip

                opener = gzip.open if low.endswith(".gz") else open
                with opener(p, "rb") as f:
                    total += sum(chunk.count(b"\n") for chunk in iter(lambda: f.read(1 << 20), b""))
            else:
                total += 1
        except OSError:
            total += 1
    return max(1, total)


def _with_bar(corpus, args, workers, options):
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    total = estimate_records(args.paths)
    cols = [SpinnerColumn(), TextColumn("{task.completed:.0f}/{task.total:.0f} articles"), BarColumn(),
            TextColumn("{task.fields[rate]:.0f} articles/s"), TimeElapsedColumn(), TextColumn("ETA"),
            TimeRemainingColumn()]
    with Progress(*cols, console=Console(stderr=True), transient=False) as bar:
        task = bar.add_task("ingest", total=total, rate=0.0)
        state = {"last": 0.0}

        def progress(rep, _title):
            done = rep.processed
            if rep.seconds - state["last"] < 0.2 and _title is not None:
                return
            state["last"] = rep.seconds
            bar.update(task, completed=done, total=max(total, done), rate=(done / rep.seconds if rep.seconds else 0.0))

        return corpus.ingest(args.paths, workers=workers, batch_size=args.batch, progress=progress, options=options)
